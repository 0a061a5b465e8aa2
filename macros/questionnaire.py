"""The self-check as a questionnaire for survey tools: what is asked, in which order, and under which codes.

Survey tools (LimeSurvey, KoboToolbox, Microsoft Forms, Google Forms) get the same questions as the zelfscan
page: one block per dimension with its statements, rated on the scale plus "weet ik niet", and two optional
background questions, `ROL` and `TEAM`, so results can be split. The codes are derived from what identifies a
statement on the page (dimension id and statement hash), never from positions, so they stay the same from build
to build and a rewritten statement gets a new code. docs/assets/js/survey-import.js reads the tools' exports back
with the same rules: a statement column is found by "H" + its hash, an answer by its code or its label.

LimeSurvey's limits (and those of XLSForm names): a question code is at most 20 letters and digits and starts
with a letter; an answer code is at most 5.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.selfcheck import statement_hash

if TYPE_CHECKING:
    from macros.model import Dataset

QUESTION_CODE_MAX = 20
ANSWER_CODE_MAX = 5
STATEMENT_CODE_PREFIX = "H"  # a statement's code is this plus its hash: "H" + 12 hex digits

TITLE = "Zelfscan lerende organisatie"
PROMPT = "Hoe vaak gaat het bij jullie zo?"
INTRO = ("Deze vragenlijst gaat over hoe jouw team of organisatie leert. Lees per onderwerp de uitspraken en kies "
         "hoe vaak het bij jullie zo gaat. Weet je het niet, kies dan 'Weet ik niet'. Er zijn geen goede of "
         "foute antwoorden. De antwoorden worden alleen per groep bekeken, nooit per persoon.")
THANKS = "Dank je wel voor het invullen."
BACKGROUND_TITLE = "Over jou"
BACKGROUND_INTRO = ("Deze twee vragen zijn niet verplicht. Ze maken het mogelijk de uitkomsten per rol en per team "
                    "te bekijken; een groep met weinig deelnemers wordt nooit apart getoond.")


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    value: int | None = None  # a score on the scale; None for "weet ik niet" and for non-scale options


@dataclass(frozen=True)
class Statement:
    index: int
    hash: str
    text: str
    code: str


@dataclass(frozen=True)
class Section:
    id: str
    number: int
    title: str
    summary: str
    code: str
    statements: tuple[Statement, ...]

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    help: str
    options: tuple[Option, ...] = ()  # empty: a free-text question


DONT_KNOW = Option(code="WN", label="Weet ik niet")
ROLE = Question(code="ROL", text="Wat is je rol in de organisatie?", help="Kies wat het best past.",
                options=(Option("LG", "Leidinggevende"), Option("MW", "Medewerker"), Option("HR", "HR")))
TEAM = Question(code="TEAM", text="In welk team of op welke afdeling werk je?",
                help="Gebruik de naam die in de organisatie gangbaar is.")


@dataclass(frozen=True)
class Questionnaire:
    version: str
    options: tuple[Option, ...]  # the scale, low to high, then "weet ik niet"
    sections: tuple[Section, ...]
    background: tuple[Question, ...] = (ROLE, TEAM)

    @property
    def title(self) -> str:
        return f"{TITLE} (versie {self.version})"


def build(ds: Dataset) -> Questionnaire:
    """The questionnaire of the dataset: sections in number order, codes within the tools' limits."""
    dimensions = ds.dimensions
    codes = question_codes([d["id"] for d in dimensions])
    scale = sorted(ds.scale, key=lambda s: s["value"])
    options = tuple(Option(code=str(s["value"]), label=s["label"], value=s["value"]) for s in scale) + (DONT_KNOW,)
    sections = tuple(
        Section(
            id=dim["id"], number=dim["number"], title=dim["title"], summary=dim["summary"], code=codes[dim["id"]],
            statements=tuple(_statement(i, text) for i, text in enumerate(dim["self_check"])),
        )
        for dim in dimensions
    )
    return Questionnaire(version=ds.version, options=options, sections=sections)


def _statement(index: int, text: str) -> Statement:
    digest = statement_hash(text)
    return Statement(index=index, hash=digest, text=" ".join(text.split()), code=STATEMENT_CODE_PREFIX + digest)


def question_codes(ids: list[str]) -> dict[str, str]:
    """A question code per dimension id: the id without hyphens, cut to 20 characters.

    Should two ids give the same code (or ROL or TEAM: LimeSurvey compares codes without regard to case), each of
    them keeps its first 13 characters plus 7 hex digits of the id's SHA-256 instead, which depends on the id alone.
    """
    short = {dim_id: _plain_code(dim_id)[:QUESTION_CODE_MAX] for dim_id in ids}
    counts: dict[str, int] = {}
    for code in [*short.values(), ROLE.code, TEAM.code]:
        counts[code.lower()] = counts.get(code.lower(), 0) + 1
    return {dim_id: code if counts[code.lower()] == 1
            else code[:13] + hashlib.sha256(dim_id.encode("utf-8")).hexdigest()[:7]
            for dim_id, code in short.items()}


def _plain_code(dim_id: str) -> str:
    code = re.sub(r"[^A-Za-z0-9]", "", dim_id)
    return code if code[:1].isalpha() else "D" + code
