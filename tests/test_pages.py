"""The pages beside the cards: the generated bibliography, the research page and the getting-started page."""

from __future__ import annotations

import html
import re
import unicodedata

import edited
from htmlpage import read

from macros import dataset

DATA = dataset.load()


def bibliography_items(site) -> list[str]:
    """The HTML of each reference on the Bronnen page, in page order."""
    page = (site / "bronnen" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="lo-bibliography">(.*?)</div>', page, re.S)
    assert block, "the Bronnen page has no bibliography"
    return re.findall(r"<li>(.*?)</li>", block.group(1), re.S)


def item_of(items: list[str], source: dict) -> str:
    found = [item for item in items if source["title"] in html.unescape(item)]
    assert len(found) == 1, f"{source['key']} appears {len(found)} times"
    return found[0]


def card_links(item: str) -> list[str]:
    return re.findall(r'href="\.\./dimensies/([^/"]+)/#leestips"', item)


def surname(source: dict) -> str:
    name = source["authors"][0].split(",")[0]
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def test_bibliography_lists_every_source_once_in_alphabetical_order(site):
    items = bibliography_items(site)
    assert len(items) == len(DATA["sources"])
    order = sorted(DATA["sources"], key=lambda s: items.index(item_of(items, s)))
    surnames = [surname(s) for s in order]
    assert surnames == sorted(surnames)
    keys = [s["key"] for s in order]
    # Same first author: one author before several, then by the next author, then by year (APA 7, 9.46-9.47).
    assert keys.index("kools2020_dissertation") < keys.index("kools_george_steijn2020") \
        < keys.index("kools_stoll2016") < keys.index("kools_etal2020")
    assert keys.index("marsick_watkins1990") < keys.index("marsick_watkins1999") < keys.index("marsick_watkins2003")


def test_bibliography_links_every_doi_through_doi_org(site):
    items = bibliography_items(site)
    for source in DATA["sources"]:
        if source.get("doi"):
            url = f"https://doi.org/{source['doi']}"
            assert f'<a href="{url}">{url}</a>' in item_of(items, source), source["key"]


def test_each_reference_names_the_cards_that_recommend_it(site):
    items = bibliography_items(site)
    for source in DATA["sources"]:
        citing = [d["id"] for d in sorted(DATA["dimensions"], key=lambda d: d["number"])
                  if any(t["source"] == source["key"] for t in d["reading"])]
        item = item_of(items, source)
        assert card_links(item) == citing, source["key"]
        assert ("Leestip bij" in item) == bool(citing)


def test_each_reference_the_feedback_tool_cites_links_to_it(site):
    items = bibliography_items(site)
    cited = {tip["source"] for tip in DATA["feedback"]["reading"]}
    assert cited
    for source in DATA["sources"]:
        linked = 'href="../feedback-vragen/#waarom"' in item_of(items, source)
        assert linked == (source["key"] in cited), source["key"]


def test_bibliography_follows_a_changed_reading_tip(edited_site):
    dim = edited.DATA["dimensions"][0]  # its first reading tip cites another source (tests/edited.py)
    old_key = edited.ORIGINAL["dimensions"][0]["reading"][0]["source"]
    new_key = dim["reading"][0]["source"]
    assert new_key != old_key
    items = bibliography_items(edited_site)
    by_key = {s["key"]: s for s in edited.DATA["sources"]}
    assert dim["id"] in card_links(item_of(items, by_key[new_key]))
    if old_key not in {t["source"] for t in dim["reading"]}:
        assert dim["id"] not in card_links(item_of(items, by_key[old_key]))


def test_nav_puts_the_pages_around_the_dimensions(site):
    page = read(site / "index.html")
    titles = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page.html)
    wanted = ["Home", "Aan de slag", "Dimensies", "Over het onderzoek", "Bronnen"]
    positions = [titles.index(title) for title in wanted]
    assert positions == sorted(positions)


def test_research_page_cites_the_article_without_inventing_its_year_or_issue(site):
    page = read(site / "over-het-onderzoek" / "index.html")
    reference = re.search(r'<h2 id="verwijzing">.*?</h2>\s*<p>(.*?)</p>', page.html, re.S).group(1)
    assert reference.startswith("Bronsgeest, O., Heldens, H., &amp; Ros, A. (jaar niet vermeld).")
    assert "<em>Holland Management Review</em>" in reference and "<em>De lerende organisatie</em>" in reference
    assert not re.search(r"\b(19|20)\d\d\b", reference), "year, volume or pages must not be invented"
    links = [a["href"] for a in page.all("a")]
    assert any(link.startswith("https://www.fontys.nl/Onderzoek/") for link in links)
    assert "https://www.fontys.nl/Download/Tool-voor-collegiale-feedback.htm" in links
    for fact in ["zestien", "elf organisaties", "vier sectoren", "Nulmeting lerende organisatie",
                 "Bewustwording over leren", "Feedbackcultuur"]:
        assert fact in page.text


def test_getting_started_page_walks_through_the_five_steps(site):
    page = read(site / "aan-de-slag" / "index.html")
    steps = [re.sub(r"<[^>]+>", "", step) for step in re.findall(r"<li><strong>(.*?)</strong>", page.html)]
    assert steps[:5] == ["Lees een kaart.", "Doe de zelfscan.", "Kies twee dimensies.", "Maak een actieplan.",
                         "Herhaal over een half jaar."]
    assert '<a href="../zelfscan/">zelfscan</a>' in page.html
    assert {"leidinggevende", "team", "trainer"} <= page.ids()
