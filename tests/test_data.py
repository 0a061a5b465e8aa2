"""The real dataset: complete, faithful to Table 1 of the article, with resolvable references."""

from __future__ import annotations

import re

import pytest

from macros import dataset

DATA = dataset.load()
DIMENSIONS = DATA["dimensions"]

# Table 1 of Bronsgeest, Heldens & Ros (OCR-corrected, see shared/sources/article-facts.md).
TABLE_1 = [
    ("Gedragen visie en ambitie", "Realiseren van een gedeelde visie en ambitie over doelen en kwaliteit die richting "
     "geeft aan het handelen en ontwikkelen van medewerkers."),
    ("Leren van leiders en medewerkers", "Creëren van mogelijkheden voor het leren op de werkvloer om zich zo te "
     "professionaliseren en beter met de veranderende context om te kunnen gaan."),
    ("Teamleren en samenwerking", "Bevorderen van teamleren en samenwerken zodat er van elkaar geleerd wordt en elkaars "
     "expertise wordt benut."),
    ("Feedbackprocessen", "Stimuleren van feedbackprocessen -onderling en op systeemniveau- om te leren en de kwaliteit "
     "te verhogen."),
    ("Samenwerking met partners", "Samenwerken met andere organisaties, experts en stakeholders wat zorgt voor "
     "bruikbare inzichten voor de eigen organisatie."),
    ("Onderzoekscultuur", "Bevorderen van de kwaliteitscultuur door systematisch en gericht (‘evidence informed’) te "
     "blijven zoeken naar manieren om de organisatie te verbeteren."),
    ("Gespreid leiderschap", "Creëren van kansen voor medewerkers om zich te kunnen ontwikkelen als leider"),
    ("Organisatiestructuur en beleid", "Realiseren van een optimale organisatiestructuur en beleid voor een lerende "
     "organisatie."),
]
REQUIRED_LISTS = ["challenges", "suggestions", "good_practices", "reading", "self_check", "questions"]
# How the article attributes its quotes: "(Leidinggevende 2, praktijk)", "(HRM 1, praktijk)", or in running text.
ATTRIBUTION = re.compile(r"^(Leidinggevende ([1-9]|1[0-2])|HRM [1-4])(, (praktijk|opleiding))?$")


def test_titles_and_summaries_are_table_1_of_the_article():
    assert [(d["number"], d["title"], d["summary"]) for d in DIMENSIONS] == [
        (n, title, summary) for n, (title, summary) in enumerate(TABLE_1, start=1)]


@pytest.mark.parametrize("dim", DIMENSIONS, ids=[d["id"] for d in DIMENSIONS])
def test_dimension_is_complete(dim):
    for field in ["intro", "key_question"]:
        assert dim[field].strip(), field
    for field in REQUIRED_LISTS:
        assert dim[field], f"{field} is empty"


def test_every_reading_tip_and_related_id_resolves():
    keys = {s["key"] for s in DATA["sources"]}
    ids = {d["id"] for d in DIMENSIONS}
    for dim in DIMENSIONS:
        assert {tip["source"] for tip in dim["reading"]} <= keys
        assert set(dim["related"]) <= ids - {dim["id"]}


def test_quotes_are_attributed_as_in_the_article():
    for dim in DIMENSIONS:
        for quote in dim["quotes"]:
            assert ATTRIBUTION.match(quote["attribution"]), quote["attribution"]
