"""The cards are complete and faithful: Table 1 of the article, minimum content per dimension, and every quote
verbatim from the article.

The article's quotes are in tests/fixtures/article_quotes.yaml, copied from shared/sources/article-facts.md and
checked by hand against the OCR text of the article.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros import dataset

DIMENSIONS = dataset.load()["dimensions"]
IDS = [d["id"] for d in DIMENSIONS]
ARTICLE = yaml.safe_load((Path(__file__).parent / "fixtures" / "article_quotes.yaml").read_text(encoding="utf-8"))
# Only what a respondent said may be shown as a quote (D4-10 is the authors' example wording).
SPOKEN = [q for q in ARTICLE["quotes"] if q.get("respondent", True)]

# Table 1 of Bronsgeest, Heldens & Ros (OCR-corrected, see shared/sources/article-facts.md).
TABLE_1 = [
    ("Gedragen visie en ambitie", "Realiseren van een gedeelde visie en ambitie over doelen en kwaliteit die richting "
     "geeft aan het handelen en ontwikkelen van medewerkers."),
    ("Leren van leiders en medewerkers", "Creëren van mogelijkheden voor het leren op de werkvloer om zich zo te "
     "professionaliseren en beter met de veranderende context om te kunnen gaan."),
    ("Teamleren en samenwerking", "Bevorderen van teamleren en samenwerken zodat er van elkaar geleerd wordt en "
     "elkaars expertise wordt benut."),
    ("Feedbackprocessen", "Stimuleren van feedbackprocessen -onderling en op systeemniveau- om te leren en de "
     "kwaliteit te verhogen."),
    ("Samenwerking met partners", "Samenwerken met andere organisaties, experts en stakeholders wat zorgt voor "
     "bruikbare inzichten voor de eigen organisatie."),
    ("Onderzoekscultuur", "Bevorderen van de kwaliteitscultuur door systematisch en gericht (‘evidence informed’) te "
     "blijven zoeken naar manieren om de organisatie te verbeteren."),
    ("Gespreid leiderschap", "Creëren van kansen voor medewerkers om zich te kunnen ontwikkelen als leider"),
    ("Organisatiestructuur en beleid", "Realiseren van een optimale organisatiestructuur en beleid voor een lerende "
     "organisatie."),
]
# Issue 3: the least a card must hold, and the range where a range is asked.
MINIMUM = {"challenges": 4, "suggestions": 5, "good_practices": 3, "reading": 3}
RANGE = {"self_check": (4, 6), "questions": (3, 5)}
INTRO_WORDS = (80, 200)
MIN_DISTINCT_QUOTES = 20
OMISSION = "(...)"
QUOTE_MARKS = "‘’'\"“”"
# The article anonymises its organisations: a practice it reports names no sector or product.
ARTICLE_PRACTICE = re.compile(r"praktijkorganisatie|hbo-opleiding", re.IGNORECASE)
SECTOR = re.compile(r"\b(techniek|technisch bedrijf|business|zorginstelling|zorgsector|sport\w*|gemeente\w*|"
                    r"machinebouw|bouwmateria\w*|karton\w*|verpakking\w*|display\w*|dataopslag|fontys)\b",
                    re.IGNORECASE)


def article_quote_for(text: str) -> dict | None:
    """The article quote that `text` reproduces: all of it, or contiguous parts in order with (...) between."""
    parts = [part.strip() for part in text.split(OMISSION) if part.strip()]
    for quote in SPOKEN:
        if text == quote["text"] or (parts and _parts_in_order(parts, quote["text"])):
            return quote
    return None


def _parts_in_order(parts: list[str], source: str) -> bool:
    position = 0
    for part in parts:
        start = _find_whole_words(source, part, position)
        if start < 0:
            return False
        position = start + len(part)
    return True


def _find_whole_words(source: str, part: str, position: int) -> int:
    """Where `part` occurs in `source` from `position` without cutting a word in two; -1 if nowhere."""
    start = source.find(part, position)
    while start >= 0:
        end = start + len(part)
        if (start == 0 or not source[start - 1].isalnum()) and (end == len(source) or not source[end].isalnum()):
            return start
        start = source.find(part, start + 1)
    return -1


def same_speaker(shown: str, article: str) -> bool:
    """The card may leave out the setting (", praktijk"), never change or add one."""
    return shown in (article, article.split(",")[0])


def all_quotes():
    return [(dim["id"], quote) for dim in DIMENSIONS for quote in dim["quotes"]]


def test_titles_and_summaries_are_table_1_of_the_article():
    assert [(d["number"], d["title"], d["summary"]) for d in DIMENSIONS] == [
        (n, title, summary) for n, (title, summary) in enumerate(TABLE_1, start=1)]


@pytest.mark.parametrize("dim", DIMENSIONS, ids=IDS)
def test_card_has_the_minimum_content(dim):
    for field, least in MINIMUM.items():
        assert len(dim[field]) >= least, f"{field}: {len(dim[field])} < {least}"
    for field, (least, most) in RANGE.items():
        assert least <= len(dim[field]) <= most, f"{field}: {len(dim[field])} not in {least}-{most}"
    assert dim["related"] and dim["tags"]


@pytest.mark.parametrize("dim", DIMENSIONS, ids=IDS)
def test_intro_is_80_to_200_words(dim):
    words = len(dim["intro"].split())
    assert INTRO_WORDS[0] <= words <= INTRO_WORDS[1], f"{words} words"


def test_the_fixture_holds_the_articles_28_quotes():
    ids = [q["id"] for q in ARTICLE["quotes"]]
    assert len(ids) == 28 and len(set(ids)) == 28
    assert all(q["attribution"] for q in SPOKEN)


def test_every_quote_is_the_articles_text_with_its_speaker():
    for dim_id, quote in all_quotes():
        source = article_quote_for(quote["text"])
        assert source, f"{dim_id}: not a quote from the article: {quote['text']!r}"
        assert same_speaker(quote["attribution"], source["attribution"]), (
            f"{dim_id}: {source['id']} is by '{source['attribution']}', not '{quote['attribution']}'")


def test_at_least_20_different_article_quotes_are_used():
    used = {article_quote_for(quote["text"])["id"] for _, quote in all_quotes() if article_quote_for(quote["text"])}
    assert len(used) >= MIN_DISTINCT_QUOTES, f"only {len(used)}: {sorted(used)}"


def test_quotes_are_stored_without_the_quote_marks_the_page_adds():
    for dim_id, quote in all_quotes():
        text = quote["text"]
        assert text[0] not in QUOTE_MARKS and text[-1] not in QUOTE_MARKS, f"{dim_id}: {text!r}"


def test_quote_matching_accepts_omissions_and_rejects_changes():
    d1_5 = next(q for q in SPOKEN if q["id"] == "D1-5")
    assert article_quote_for(d1_5["text"]) is d1_5  # the article's own (...) inside a full quote
    assert article_quote_for("Die moest ik wat tools geven om elkaar te leren aanspreken. (...) "
                             "Inmiddels doen ze het zelf")["id"] == "D4-13"
    assert article_quote_for("iets van de lange adem")["id"] == "D1-9"
    assert article_quote_for("Inmiddels doen ze het zelf (...) Die moest ik wat tools geven") is None  # order
    assert article_quote_for("ets van de lange ad") is None  # half words
    assert article_quote_for("iets van de hele lange adem") is None  # a word added
    for text in [q["text"] for q in ARTICLE["not_quotes"]] + ["Je hebt dat niet goed gedaan"]:
        assert article_quote_for(text) is None, text
    assert same_speaker("Leidinggevende 4", "Leidinggevende 4, opleiding")
    assert not same_speaker("Leidinggevende 4, praktijk", "Leidinggevende 4, opleiding")
    assert not same_speaker("Leidinggevende 8, opleiding", "Leidinggevende 8")


def test_practices_from_the_article_name_no_sector_or_product():
    for dim in DIMENSIONS:
        for item in dim["good_practices"]:
            text = f"{item['title']} {item['text']}"
            if ARTICLE_PRACTICE.search(text):
                assert not SECTOR.search(text), f"{dim['id']}: {item['title']}: {SECTOR.search(text).group()}"
