"""The questionnaire as files for survey tools, made from the dataset at build time: pure functions, dataset to bytes.

- LimeSurvey: its tab-separated survey structure (.txt), which LimeSurvey imports as a new survey.
- KoboToolbox / ODK: an XLSForm (.xlsx with `survey`, `choices` and `settings` sheets).
- Microsoft Forms and Google Forms cannot import a definition: a CSV with every text to type, in order.

Every text cell that a spreadsheet could run as a formula (starting with =, +, -, @) is neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros import questionnaire, xlsx
from macros.questionnaire import Question

if TYPE_CHECKING:
    from macros.model import Dataset

LANGUAGE = "nl"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The columns LimeSurvey's TSV import reads (application/helpers/admin/import_helper.php, TSVImportSurvey).
LIMESURVEY_COLUMNS = ("class", "type/scale", "name", "relevance", "text", "help", "language", "validation",
                      "em_validation_q", "mandatory", "other", "default", "same_default", "assessment_value")
# Survey settings (class S): anonymous answers, no IP address or dates stored, one page per group.
LIMESURVEY_SETTINGS = (("language", LANGUAGE), ("format", "G"), ("anonymized", "Y"), ("datestamp", "N"),
                       ("ipaddr", "N"))
XLSFORM_SURVEY_COLUMNS = ("type", "name", "label", "hint", "required", "appearance")
SCALE_LIST = "schaal"
ROLE_LIST = "rol"


@dataclass(frozen=True)
class SurveyFile:
    path: str  # where the site publishes it
    tool: str
    kind: str
    use: str  # what to do with it, for the download table
    make: Callable[[Dataset], bytes]


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe stops =, +, - and @ from starting a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def limesurvey_tsv(ds: Dataset) -> bytes:
    """LimeSurvey's survey structure: one group and one array question per dimension, the statements as its
    subquestions, the scale as answer options with assessment values, "weet ik niet" as an option of its own,
    then the optional background questions. UTF-8 with BOM, as LimeSurvey writes it."""
    survey = questionnaire.build(ds)
    rows: list[dict[str, str]] = []
    for name, value in LIMESURVEY_SETTINGS:
        rows.append({"class": "S", "name": name, "text": value})
    for name, value in (("surveyls_title", survey.title), ("surveyls_description", questionnaire.INTRO),
                        ("surveyls_welcometext", questionnaire.INTRO), ("surveyls_endtext", questionnaire.THANKS)):
        rows.append({"class": "SL", "name": name, "text": value, "language": LANGUAGE})
    for section in survey.sections:
        rows.append({"class": "G", "name": section.heading, "text": section.summary, "language": LANGUAGE})
        rows.append({"class": "Q", "type/scale": "F", "name": section.code, "text": questionnaire.PROMPT,
                     "language": LANGUAGE, "mandatory": "N", "other": "N", "same_default": "0"})
        for statement in section.statements:
            rows.append({"class": "SQ", "name": statement.code, "text": statement.text, "language": LANGUAGE})
        for option in survey.options:
            rows.append({"class": "A", "type/scale": "0", "name": option.code, "text": option.label,
                         "language": LANGUAGE,
                         "assessment_value": "" if option.value is None else str(option.value)})
    rows.append({"class": "G", "name": questionnaire.BACKGROUND_TITLE, "text": questionnaire.BACKGROUND_INTRO,
                 "language": LANGUAGE})
    for question in survey.background:
        rows.append({"class": "Q", "type/scale": "L" if question.options else "S", "name": question.code,
                     "text": question.text, "help": question.help, "language": LANGUAGE, "mandatory": "N",
                     "other": "N", "same_default": "0"})
        for option in question.options:
            rows.append({"class": "A", "type/scale": "0", "name": option.code, "text": option.label,
                         "language": LANGUAGE})
    return "\ufeff".encode("utf-8") + _delimited(_table(LIMESURVEY_COLUMNS, rows), "\t", "\n")


def xlsform(ds: Dataset) -> bytes:
    """An XLSForm for KoboToolbox and ODK: one page (group) per dimension with a question per statement."""
    survey = questionnaire.build(ds)
    rows = [dict(type="note", name="intro", label=questionnaire.INTRO)]
    for section in survey.sections:
        rows.append(dict(type="begin_group", name=section.code, label=section.heading, appearance="field-list"))
        rows.append(dict(type="note", name=f"{section.code}_uitleg", label=questionnaire.PROMPT, hint=section.summary))
        for statement in section.statements:
            rows.append(dict(type=f"select_one {SCALE_LIST}", name=f"{section.code}_{statement.code}",
                             label=_xlsform_text(statement.text), required="no", appearance="likert"))
        rows.append(dict(type="end_group"))
    rows.append(dict(type="note", name="achtergrond", label=questionnaire.BACKGROUND_TITLE,
                     hint=questionnaire.BACKGROUND_INTRO))
    for question in survey.background:
        kind = f"select_one {ROLE_LIST}" if question.options else "text"
        rows.append(dict(type=kind, name=question.code, label=question.text, hint=question.help, required="no"))
    choices = [dict(list_name=SCALE_LIST, name=o.code, label=o.label) for o in survey.options]
    choices += [dict(list_name=ROLE_LIST, name=o.code, label=o.label) for o in questionnaire.ROLE.options]
    settings = dict(form_title=survey.title, form_id="lerende_organisatie_zelfscan", version=survey.version,
                    style="pages")
    return xlsx.workbook({"survey": _table(XLSFORM_SURVEY_COLUMNS, rows),
                          "choices": _table(("list_name", "name", "label"), choices),
                          "settings": _table(tuple(settings), [settings])}, creator=questionnaire.TITLE)


def forms_csv(ds: Dataset) -> bytes:
    """Every text to type into Microsoft Forms or Google Forms, in order: one row per statement (a row of a
    Likert question or multiple-choice grid), then the background questions. Semicolons and a BOM, as Dutch
    Excel expects."""
    survey = questionnaire.build(ds)
    width = max(len(survey.options), *(len(q.options) for q in survey.background))
    header = ["Nr", "Soort vraag", "Vraag", "Toelichting", "Uitspraak (rij)"]
    header += [f"Keuze {i}" for i in range(1, width + 1)]
    table = [header]
    for number, section in enumerate(survey.sections, start=1):
        for statement in section.statements:
            table.append([str(number), "Likert / meerkeuzeraster", section.heading, questionnaire.PROMPT,
                          statement.text] + [o.label for o in survey.options])
    for number, question in enumerate(survey.background, start=len(survey.sections) + 1):
        table.append([str(number), _forms_kind(question), question.text, question.help, ""]
                     + [o.label for o in question.options])
    return "\ufeff".encode("utf-8") + _delimited(table, ";", "\r\n")


def _forms_kind(question: Question) -> str:
    return "Keuze (één antwoord), niet verplicht" if question.options else "Tekst (kort antwoord), niet verplicht"


FILES = (
    SurveyFile("downloads/lerende-organisatie-zelfscan-limesurvey.txt", "LimeSurvey", "tekstbestand",
               "Importeer het als nieuwe enquête.", limesurvey_tsv),
    SurveyFile("downloads/lerende-organisatie-zelfscan-xlsform.xlsx", "KoboToolbox, ODK", "XLSForm",
               "Upload het als nieuw formulier.", xlsform),
    SurveyFile("downloads/lerende-organisatie-zelfscan-forms.csv", "Microsoft Forms, Google Forms", "CSV",
               "Neem de teksten over, in deze volgorde.", forms_csv),
)


def files(ds: Dataset) -> dict[str, bytes]:
    """Path in the site -> content of every survey file."""
    return {survey_file.path: survey_file.make(ds) for survey_file in FILES}


def _delimited(table: list[list[str]], delimiter: str, line_end: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end)
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in table])
    return buffer.getvalue().encode("utf-8")


def _xlsform_text(text: str) -> str:
    """A label is data: `${name}` in an XLSForm label would be read as a reference to another question."""
    return text.replace("${", "$\u200b{")


def _table(columns: tuple[str, ...], rows: list[dict[str, str]]) -> list[list[str]]:
    """A header and the rows, each cell in its column ("" where a row has none)."""
    return [list(columns)] + [[row.get(column, "") for column in columns] for row in rows]
