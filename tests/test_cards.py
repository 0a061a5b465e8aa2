"""The card deck: printed to PDF it has every card, fronts and backs line up, QR codes lead to the card's page,
and nothing overflows; content that no longer fits stops the build with the card's name and what to shorten;
the cover holds any number of dimensions."""

from __future__ import annotations

import math
import re
import shutil

import pypdfium2 as pdfium
import pytest
from conftest import SITE_URL, build, many_dimensions, print_products, read_yaml, write_yaml
from htmlpage import read
from pdftext import cell_texts, page_texts, qr_codes

from macros import cards, dataset, printkit, textfit
from macros.model import Dataset

DATA = dataset.load()
DIMENSIONS = DATA["dimensions"]
CARD_COUNT = 1 + len(DIMENSIONS)  # the cover plus one card per dimension
PT_PER_MM = 72 / 25.4


def card_url(dim: dict | None) -> str:
    return SITE_URL if dim is None else f"{SITE_URL}dimensies/{dim['id']}/"


@pytest.fixture(scope="module")
def pdfs(served_site, browser, tmp_path_factory) -> dict:
    """The deck printed to PDF in both sizes, the way `make pdf` prints it."""
    printed = print_products(browser, served_site + "kaartenset/", [f"kaartenset-{v}" for v in cards.LAYOUTS],
                             tmp_path_factory.mktemp("pdf"))
    return {variant: printed[f"kaartenset-{variant}"] for variant in cards.LAYOUTS}


def identify(text: str) -> dict | None | str:
    """Which card a block of PDF text belongs to: the dimension, None for the cover, "" for an empty slot."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    if flat.startswith(("Lerende organisatie Ontwikkelkaarten", "ZO WERK JE")) or re.match(r"DE \d+ DIMENSIES", flat):
        return None
    title_first = re.sub(rf"^{number} ", "", flat) if (number := flat.split()[0]).isdigit() else flat
    for dim in sorted(DIMENSIONS, key=lambda d: -len(d["title"])):  # the back starts with the number mark
        if title_first.startswith(dim["title"]):
            return dim
    raise AssertionError(f"no card recognised in: {flat[:80]}")


@pytest.mark.parametrize("variant", list(cards.LAYOUTS))
def test_printed_deck_has_every_card_front_and_back_lined_up_with_working_qr_codes(pdfs, variant):
    rows, cols = cards.LAYOUTS[variant].grid
    pdf = pdfium.PdfDocument(pdfs[variant])
    sheet_count = math.ceil(CARD_COUNT / (rows * cols))
    assert len(pdf) == 2 * sheet_count  # a front page and a back page per sheet

    landscape = variant == "a5"
    fronts, backs = [], []
    for index in range(len(pdf)):
        page = pdf[index]
        size_mm = sorted((round(page.get_width() / PT_PER_MM), round(page.get_height() / PT_PER_MM)))
        assert size_mm == [210, 297]
        assert (page.get_width() > page.get_height()) == landscape
        layout = {cell: identify(text) for cell, text in cell_texts(page, rows, cols).items()}
        if index % 2 == 0:
            fronts.append(layout)
            continue
        backs.append(layout)
        front = fronts[-1]
        for (r, c), card in front.items():
            assert layout[(r, cols - 1 - c)] == card, f"sheet {index // 2 + 1}: back of {(r, c)} is not behind it"
        codes = qr_codes(page, rows, cols)
        expected = {cell: card_url(card) for cell, card in layout.items() if card != ""}
        assert codes == expected

    printed = [card for layout in fronts for card in layout.values() if card != ""]
    assert printed == [None] + DIMENSIONS  # every card once, cover first, in number order
    assert len([card for layout in backs for card in layout.values() if card != ""]) == CARD_COUNT


def test_pdf_holds_every_title_and_the_version(pdfs):
    text = " ".join(page_texts(pdfs["a6"]))
    for dim in DIMENSIONS:
        assert dim["title"] in text
    assert text.count(f"Versie {DATA['version']}") == 2 * CARD_COUNT  # on both sides of every card


def test_a6_card_has_a_good_practice_explained_points_and_a_team_question(pdfs):
    """The pocket card: one good practice on the front; three challenges and suggestions with a line, a question."""
    texts = page_texts(pdfs["a6"])
    dim = DIMENSIONS[0]  # first on sheet 1, beside the cover
    front, back = texts[0], texts[1]
    practice = dim["good_practices"][0]
    assert f"{practice['title']}. {practice['card_text']}" in front
    for item in dim["challenges"][:3] + dim["suggestions"][:3]:
        assert f"{item['title']}. {item['card_text']}" in back
    assert dim["suggestions"][3]["title"] not in back
    assert dim["questions"][0] in back


def test_a5_card_is_the_rich_edition(pdfs):
    """Every suggestion and good practice, a quote and the reading tips: more than the A6 card, not just bigger."""
    text = " ".join(page_texts(pdfs["a5"]))
    for dim in DIMENSIONS:
        for item in dim["suggestions"] + dim["good_practices"]:
            assert f"{item['title']}." in text, item["title"]
        assert len(dim["reading"]) == len([c for c in Dataset.create(DATA, SITE_URL).deck.cards
                                           if c.number == dim["number"]][0].reading)
    quoted = [c.quote for c in Dataset.create(DATA, SITE_URL).deck.cards if c.quote]
    assert quoted and all(" ".join(f"‘{q['text']}’".split()) in text for q in quoted)
    assert "Adler & Borys (1996). Two types of bureaucracy." in text  # a reading tip of card 8


OVERFLOW_JS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('.lo-card, .lo-card *')) {
    if (!el.getClientRects().length || el instanceof SVGElement) continue;
    if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
      const card = el.closest('.lo-card').getAttribute('aria-label');
      bad.push(`${card}: ${el.className} ${el.scrollHeight}>${el.clientHeight}`);
    }
  }
  return bad;
}"""

SHEET_GEOMETRY_JS = """() => [...document.querySelectorAll('.lo-sheet')]
    .filter(s => s.getClientRects().length).map(s => {
  const box = s.getBoundingClientRect();
  return {width: box.width, height: box.height, cards: [...s.querySelectorAll('[data-card]')].map(c => {
    const r = c.getBoundingClientRect();
    return {card: c.dataset.card, x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height};
  })};
})"""


def show_for_print(page, url: str, variant: str) -> None:
    page.goto(url)
    page.check(f"#lo-size-{variant}")  # the choice is hidden in print
    page.emulate_media(media="print")


@pytest.mark.parametrize("variant", list(cards.LAYOUTS))
def test_no_card_element_overflows_its_box(served_site, page, variant):
    show_for_print(page, served_site + "kaartenset/", variant)
    assert page.locator(f".lo-deck--{variant} .lo-card[data-card]").count() == 2 * CARD_COUNT
    assert page.evaluate(OVERFLOW_JS) == []


@pytest.mark.parametrize("variant", list(cards.LAYOUTS))
def test_backs_sit_at_the_mirrored_place_of_their_fronts(served_site, page, variant):
    show_for_print(page, served_site + "kaartenset/", variant)
    sheets = page.evaluate(SHEET_GEOMETRY_JS)
    assert len(sheets) % 2 == 0
    for front, back in zip(sheets[::2], sheets[1::2], strict=True):
        backs = {c["card"]: c for c in back["cards"]}
        assert len(backs) == len(front["cards"])
        for card in front["cards"]:
            mirrored = backs[card["card"]]
            assert mirrored["x"] == pytest.approx(front["width"] - card["x"] - card["w"], abs=0.5)
            assert mirrored["y"] == pytest.approx(card["y"], abs=0.5)
            assert (mirrored["w"], mirrored["h"]) == pytest.approx((card["w"], card["h"]), abs=0.5)
            assert card["x"] >= -0.5 and card["x"] + card["w"] <= front["width"] + 0.5
            assert card["y"] >= -0.5 and card["y"] + card["h"] <= front["height"] + 0.5


def test_sheets_mirror_each_row():
    deck = list("abcdefghi")
    a6 = printkit.duplex_sheets(deck, 2, 2)
    assert [s["fronts"] for s in a6] == [list("abcd"), list("efgh"), ["i", None, None, None]]
    assert [s["backs"] for s in a6] == [list("badc"), list("fehg"), [None, "i", None, None]]
    a5 = printkit.duplex_sheets(deck, 1, 2)
    assert a5[0] == {"fronts": ["a", "b"], "backs": ["b", "a"]} and a5[-1]["backs"] == [None, "i"]


def test_line_estimate_wraps_at_spaces_and_splits_long_words():
    font = textfit.Font(10, 1.2)
    # "m" is 833/1000 em wide: ten of them at 10 pt are 8.33 pt = 29.4 mm, 30.3 mm with the 3% margin.
    assert textfit.text_width_mm("m" * 10, font) == pytest.approx(30.26, abs=0.01)
    assert textfit.lines_needed("m" * 10, 31, font) == 1
    assert textfit.lines_needed("m" * 10, 30, font) == 2  # too long for the line: split
    assert textfit.lines_needed("mmmmm mmmmm", 31, font) == 2  # the space does not fit either
    assert textfit.lines_needed("mmmmm mmmmm", 33, font) == 1
    assert textfit.text_width_mm("é", font) == textfit.text_width_mm("e", font)


def test_page_offers_no_pdf_unless_make_pdf_writes_one(site):
    page = read(site / "kaartenset" / "index.html")
    assert not [a for a in page.all("a") if a.get("href", "").endswith(".pdf")]


def _long_title(words: int) -> str:
    return " ".join(["samenwerkingsverband"] * words)[:90]


def test_too_much_text_fails_the_build_naming_the_card(project, tmp_path):
    data = read_yaml(project / "data" / "dimensions.yaml")
    dim = next(d for d in data["dimensions"] if d["id"] == "feedbackprocessen")
    for key in ("challenges", "suggestions"):
        dim[key] = [{"title": _long_title(5), "text": "Toelichting.", "card_text": ("lang woord " * 10)[:99]}] * 4
    write_yaml(project / "data" / "dimensions.yaml", data)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"Kaart {dim['number']} ({dim['title']}), A6: achterkant te vol" in result.stderr, result.stderr
    assert "maak korter wat de meeste ruimte neemt: challenges (3 punten" in result.stderr
    assert "dimensie 'feedbackprocessen'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_front_too_full_is_named_too():
    data = dataset.load()
    data["dimensions"][0]["summary"] = "Een lange omschrijving. " * 30
    with pytest.raises(cards.DeckError, match=r"Kaart 1 \(Gedragen visie en ambitie\), A6: voorkant te vol.*summary"):
        Dataset.create(data, SITE_URL)


def test_a_long_quote_gives_way_to_one_that_fits():
    data = dataset.load()
    dim = data["dimensions"][0]
    short = dim["quotes"][0]
    dim["quotes"] = [{"text": "woord " * 150, "attribution": "HRM 1, praktijk", "source": "senge1990"}, short]
    deck = Dataset.create(data, SITE_URL).deck
    assert deck.cards[0].quote == short


def test_no_quote_that_fits_is_named():
    data = dataset.load()
    data["dimensions"][0]["quotes"] = [{"text": "woord " * 150, "attribution": "HRM 1, praktijk",
                                        "source": "senge1990"}]
    with pytest.raises(cards.DeckError, match=r"Kaart 1 \(.*\), A5: voorkant te vol, geen citaat past"):
        Dataset.create(data, SITE_URL)


def test_card_line_is_card_text_or_a_short_first_sentence():
    assert cards.card_line({"title": "t", "text": "Lang verhaal.", "card_text": "Kort."}) == "Kort."
    text = "Uit onderzoek (Kools e.a., 2020) blijkt *iets*. Daarna meer."
    assert cards.card_line({"title": "t", "text": text}) == "Uit onderzoek (Kools e.a., 2020) blijkt iets."
    assert cards.card_line({"title": "t", "text": "Zie [de bron](https://example.org) hier."}) == "Zie de bron hier."
    assert cards.card_line({"title": "t", "text": "woord " * 30 + ". Kort."}) is None


def test_an_item_without_a_short_line_names_the_field_to_add():
    data = dataset.load()
    item = data["dimensions"][1]["suggestions"][5]  # only on the A5 card
    del item["card_text"]
    item["text"] = ("Een eerste zin die veel te lang is voor één regel op een kaart, want hij gaat maar door, en door, "
                    "en nog verder. Twee.")
    missing = r"Kaart 2 .*: suggestions\[5\] heeft geen card_text.*voeg 'card_text:' toe"
    with pytest.raises(cards.DeckError, match=missing):
        Dataset.create(data, SITE_URL)
    item["text"] = "Kort genoeg. Daarna een lange uitleg die niet op de kaart hoeft."
    assert Dataset.create(data, SITE_URL).deck.cards[1].suggestions[5].line == "Kort genoeg."


def _words(n: int, limit: int) -> str:
    """n words of Dutch-looking text, never longer than `limit` characters (cut at a space)."""
    text = " ".join((["leerervaring", "samen", "werkplek", "organisatie"] * n)[:max(n, 1)])
    return text[:limit + 1].rsplit(" ", 1)[0] if len(text) > limit else text


def _share(n: int, fields: int) -> list[int]:
    """Word counts for `fields` fields after n steps: each step adds a word to one field, and the fields stay
    unequal (the first is longest), so their line breaks fall at different places as they grow."""
    return [max(0, (n - j) // 2) for j in range(fields)]


# One card per side of the two editions, grown word by word until the fit check refuses it (within the schema).
# Each keeps the other edition's sides light, so the side under test is the one that fills up.
def _grow_a6_front(dim: dict, n: int) -> None:
    title, summary, question, lead, line = _share(n, 5)
    dim.update(title=_words(title + 1, 60), summary=_words(summary + 1, 300), key_question=_words(question + 1, 160))
    dim["good_practices"] = [{"title": _words(lead + 1, 90), "text": "Toelichting.",
                              "card_text": _words(line + 1, 100)}]
    dim["quotes"] = []


def _grow_a6_back(dim: dict, n: int) -> None:
    counts = _share(n, 13)
    for k, key in enumerate(("challenges", "suggestions")):
        dim[key] = [{"title": _words(counts[6 * k + 2 * i] + 1, 90), "text": "Toelichting.",
                     "card_text": _words(counts[6 * k + 2 * i + 1] + 1, 100)} for i in range(3)]
    dim["questions"] = [_words(counts[12] + 1, 200)]
    dim["good_practices"] = dim["good_practices"][:1]
    dim["quotes"] = []


def _growing_items(n: int) -> list[dict]:
    """Items of three title words and eight line words, the last one growing: up to twelve (the schema's limit)."""
    whole, words = divmod(n, 8)
    items = [{"title": _words(3, 90), "text": "Toelichting.", "card_text": _words(8, 100)}] * whole
    return (items + [{"title": _words(3, 90), "text": "Toelichting.", "card_text": _words(words + 1, 100)}])[:12]


def _grow_a5_front(dim: dict, n: int) -> None:
    # the quote must still fit below them
    dim["quotes"] = [{"text": _words(100, 600), "attribution": "HRM 1, praktijk", "source": "senge1990"}]
    dim["good_practices"] = _growing_items(n)


def _grow_a5_back(dim: dict, n: int) -> None:
    dim["suggestions"] = _growing_items(n)


GROWN = [("a6", "front", _grow_a6_front), ("a6", "back", _grow_a6_back),
         ("a5", "front", _grow_a5_front), ("a5", "back", _grow_a5_back)]


def fill_to_the_limit(data: dict) -> dict:
    """Cards 1 to 4 as full as the fit check allows, each on one side: the most text it still accepts."""
    for dim, (_, _, grow) in zip(data["dimensions"], GROWN, strict=False):  # the first four cards
        n = 1
        while n < 400:
            grow(dim, n + 1)
            try:
                Dataset.create(data, SITE_URL)
            except cards.DeckError:
                break
            n += 1
        grow(dim, n)
    Dataset.create(data, SITE_URL)
    return data


def test_a_card_the_check_accepts_does_not_overflow_in_the_browser(project, tmp_path, browser):
    """The fit check must be at least as strict as real layout: fill each side to its limit and measure it."""
    data = fill_to_the_limit(read_yaml(project / "data" / "dimensions.yaml"))
    write_yaml(project / "data" / "dimensions.yaml", data)
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto((site / "kaartenset" / "index.html").as_uri())
    for number, (variant, side, _) in enumerate(GROWN, start=1):
        page.check(f"#lo-size-{variant}")
        page.emulate_media(media="print")
        assert page.evaluate(OVERFLOW_JS) == []
        flow = page.locator(f".lo-deck--{variant} .lo-card--{side}[data-card='{number}'] .lo-card__flow")
        used = flow.evaluate("el => el.lastElementChild.getBoundingClientRect().bottom"
                             " - el.getBoundingClientRect().top")
        assert used > 0.8 * flow.evaluate("el => el.clientHeight"), (variant, side)  # the side really is nearly full
        page.emulate_media(media="screen")
    page.close()
    shutil.rmtree(site)


@pytest.mark.parametrize("count", [16, 40])
def test_cover_lists_any_number_of_dimensions_and_the_site_still_builds(project, tmp_path, browser, count):
    data = many_dimensions(read_yaml(project / "data" / "dimensions.yaml"), count, title_length=60)
    write_yaml(project / "data" / "dimensions.yaml", data)
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "dimensies" / data["dimensions"][-1]["id"] / "index.html").exists()  # the rest of the site too
    page = browser.new_page()
    page.goto((site / "kaartenset" / "index.html").as_uri())
    for variant in cards.LAYOUTS:
        listed = page.eval_on_selector_all(f".lo-deck--{variant} .lo-card__model li",
                                           "lis => lis.map(li => [...li.children].map(c => c.textContent).join(' '))")
        assert listed == [f"{d['number']} {d['title']}" for d in data["dimensions"]], variant
        page.check(f"#lo-size-{variant}")
        page.emulate_media(media="print")
        assert page.evaluate(OVERFLOW_JS) == [], variant
        page.emulate_media(media="screen")
    page.close()


def test_card_text_is_escaped_and_never_evaluated(edited_site):
    """The second card's summary, challenges and quote are changed in tests/edited.py."""
    html = (edited_site / "kaartenset" / "index.html").read_text()
    assert "<script>alert" not in html and "Visie &lt;script&gt;alert(1)&lt;/script&gt; &amp; *ambitie*" in html
    assert "Papier {{ 6 * 1111 }} geduldig" in html and "6666" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b onmouseover" not in html and "Regel &lt;b onmouseover=alert(1)&gt;vet&lt;/b&gt; {% raw %}" in html
    slides = (edited_site / "presenteren" / "index.html").read_text()  # the projector view shows the summary
    assert "<script>alert" not in slides and "Visie &lt;script&gt;alert(1)&lt;/script&gt; &amp; *ambitie*" in slides


def test_qr_codes_show_the_published_address_also_in_the_offline_edition():
    """The offline edition's pages end in .html, but a phone scanning a printed card reaches the published site."""
    deck = Dataset.create(DATA, SITE_URL, directory_urls=False).deck
    assert [card.url for card in deck.cards] == [card_url(dim) for dim in DIMENSIONS]
