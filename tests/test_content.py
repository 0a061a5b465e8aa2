"""The cards are complete and faithful: Table 1 of the article, minimum content per dimension, and every quote
verbatim from the article.

The article's quotes and interviewees are in the dataset's `article` block (copied from shared/sources/article-facts.md
and checked by hand against the OCR text of the article); macros/quotes.py checks the cards against them on every load.
"""

from __future__ import annotations

import re

import pytest

from macros import dataset
from macros.quotes import MOST_CARDS, article_quote_for, attribution, speaker

DATA = dataset.load()
DIMENSIONS = DATA["dimensions"]
IDS = [d["id"] for d in DIMENSIONS]
ARTICLE = DATA["article"]
# Text in the article that looks like a quote but is not a respondent's: it must never match.
NOT_QUOTES = [
    # Leidinggevende 5 in indirect speech: no quote marks in the article, so only a paraphrase may be used.
    "Zolang het goed gaat, geeft iedereen elkaar feedback. Maar zodra er druk op de ketel komt of wanneer er "
    "verschillen ontstaan in de interpretatie van visies, wordt het lastiger.",
    # A pull quote written by the authors.
    "Leiders werken aan de dimensies van lerende organisaties, maar dit gaat in de praktijk nog veel op basis van "
    "trial and error",
    # The authors' example wording of what one employee should no longer say.
    "Je hebt dat niet goed gedaan",
]

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
QUOTE_MARKS = "‘’'\"“”"
# The article anonymises its organisations: a practice it reports names no sector or product.
ARTICLE_PRACTICE = re.compile(r"praktijkorganisatie|hbo-opleiding", re.IGNORECASE)
SECTOR = re.compile(r"\b(techniek|technisch bedrijf|business|zorginstelling|zorgsector|sport\w*|gemeente\w*|"
                    r"machinebouw|bouwmateria\w*|karton\w*|verpakking\w*|display\w*|dataopslag|fontys)\b",
                    re.IGNORECASE)


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


@pytest.mark.parametrize("dim", DIMENSIONS, ids=IDS)
def test_short_title_names_the_dimension_in_a_word(dim):
    """The radar chart labels its axes with it; the schema keeps it short."""
    assert dim.get("short_title"), "the radar chart needs a short_title"
    assert dim["short_title"].lower() in f"{dim['title']} {dim['summary']}".lower()


# The self-check asks how often something happens ("Nauwelijks" ... "Vanzelfsprekend"): a statement describes
# something a team does, not what it knows or has, and leaves the frequency to the scale.
STATE_VERBS = {"weet", "weten", "kan", "kunnen", "staat", "staan", "heeft", "hebben", "is", "zijn"}
FREQUENCY = re.compile(r"\b(geregeld|minstens|altijd|nooit|vaak|soms|regelmatig|elke keer)\b|"
                       r"\bper (dag|week|maand|jaar)\b|\bop vaste momenten\b", re.IGNORECASE)


@pytest.mark.parametrize("dim", DIMENSIONS, ids=IDS)
def test_self_check_statements_fit_a_how_often_scale(dim):
    for statement in dim["self_check"]:
        assert statement.startswith("In ons team "), statement
        assert statement.split()[3] not in STATE_VERBS, f"a state, not something that happens: {statement}"
        assert not FREQUENCY.search(statement), f"the scale already asks how often: {statement}"


def test_the_dataset_holds_the_articles_27_quotes_and_16_interviewees():
    ids = [q["id"] for q in ARTICLE["quotes"]]
    assert len(ids) == 27 and len(set(ids)) == 27
    people = [attribution(i) for i in ARTICLE["interviewees"]]
    assert len(people) == 16 and len(set(people)) == 16
    assert sum(p.startswith("HRM ") for p in people) == 4  # Table 2: twelve leaders and four HR professionals


def test_every_quote_is_the_articles_text_by_its_speaker_as_listed():
    listed = {attribution(i) for i in ARTICLE["interviewees"]}
    for dim_id, quote in all_quotes():
        source = article_quote_for(quote["text"], ARTICLE["quotes"])
        assert source, f"{dim_id}: not a quote from the article: {quote['text']!r}"
        assert quote["attribution"] in listed, f"{dim_id}: {quote['attribution']!r} is not on the list"
        assert speaker(quote["attribution"]) == speaker(source["attribution"]), (
            f"{dim_id}: {source['id']} is by '{source['attribution']}', not '{quote['attribution']}'")


def test_one_speaker_has_one_attribution_across_the_site():
    forms: dict = {}
    for _, quote in all_quotes():
        forms.setdefault(speaker(quote["attribution"]), set()).add(quote["attribution"])
    assert all(len(names) == 1 for names in forms.values()), forms


def test_each_quote_is_on_at_most_two_cards_one_of_them_where_the_article_quotes_it():
    cards: dict = {}
    for dim_id, quote in all_quotes():
        cards.setdefault(article_quote_for(quote["text"], ARTICLE["quotes"])["id"], set()).add(dim_id)
    assert all(len(found) <= MOST_CARDS for found in cards.values()), cards
    # The article quotes only while it discusses dimension 1 (D1-...) or dimension 4 (D4-...).
    home = {"D1": "gedragen-visie", "D4": "feedbackprocessen"}
    assert all(home[quote_id.split("-")[0]] in found for quote_id, found in cards.items()), cards


def test_at_least_20_different_article_quotes_are_used():
    used = {article_quote_for(quote["text"], ARTICLE["quotes"])["id"] for _, quote in all_quotes()}
    assert len(used) >= MIN_DISTINCT_QUOTES, f"only {len(used)}: {sorted(used)}"


def test_quotes_are_stored_without_the_quote_marks_the_page_adds():
    for dim_id, quote in all_quotes():
        text = quote["text"]
        assert text[0] not in QUOTE_MARKS and text[-1] not in QUOTE_MARKS, f"{dim_id}: {text!r}"


def test_quote_matching_accepts_omissions_and_rejects_changes():
    quotes = ARTICLE["quotes"]
    d1_5 = next(q for q in quotes if q["id"] == "D1-5")
    assert article_quote_for(d1_5["text"], quotes) is d1_5  # the article's own (...) inside a full quote
    assert article_quote_for("Die moest ik wat tools geven om elkaar te leren aanspreken. (...) "
                             "Inmiddels doen ze het zelf", quotes)["id"] == "D4-13"
    assert article_quote_for("iets van de lange adem", quotes)["id"] == "D1-9"
    assert article_quote_for("Inmiddels doen ze het zelf (...) Die moest ik wat tools geven", quotes) is None
    assert article_quote_for("ets van de lange ad", quotes) is None  # half words
    assert article_quote_for("iets van de hele lange adem", quotes) is None  # a word added
    for text in NOT_QUOTES:
        assert article_quote_for(text, quotes) is None, text
    assert speaker("Leidinggevende 4") == speaker("Leidinggevende 4, opleiding") == ("Leidinggevende", 4)
    assert speaker("Directeur 1") is None


def test_practices_from_the_article_name_no_sector_or_product():
    for dim in DIMENSIONS:
        for item in dim["good_practices"]:
            text = f"{item['title']} {item['text']}"
            if ARTICLE_PRACTICE.search(text):
                assert not SECTOR.search(text), f"{dim['id']}: {item['title']}: {SECTOR.search(text).group()}"


def test_shared_advice_is_given_once_and_the_cards_link_to_it(site):
    """Doing the self-check and repeating it lives on Aan de slag; the vision on learning on card 2's suggestions."""
    learning = "leren-van-leiders-en-medewerkers"
    for dim in DIMENSIONS:
        items = [item for field in ("challenges", "suggestions", "good_practices") for item in dim[field]]
        assert not [i["title"] for i in items if "half jaar" in i["text"]], dim["id"]
        for item in items:
            if "visie op leren" in f"{item['title']} {item['text']}" and dim["id"] != learning:
                assert "visie op leren" not in item["title"], (dim["id"], item["title"])
                assert f"({learning}.md#ontwikkelsuggesties)" in item["text"], (dim["id"], item["title"])
        page = (site / "dimensies" / dim["id"] / "index.html").read_text(encoding="utf-8")
        assert 'href="../../aan-de-slag/#stappen"' in page, dim["id"]
    assert "Herhaal over een half jaar" in (site / "aan-de-slag" / "index.html").read_text(encoding="utf-8")
