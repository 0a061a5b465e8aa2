"""The card deck: printed to PDF it has every card, fronts and backs line up, QR codes lead to the card's page,
and nothing overflows; content that no longer fits stops the build with the card's name."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import ROOT, SITE_URL, build, read_yaml, write_yaml
from htmlpage import read
from pdftext import page_texts

from macros import cards, cards_pdf, dataset, textfit
from macros.model import Dataset

DATA = dataset.load()
DIMENSIONS = DATA["dimensions"]
CARD_COUNT = 1 + len(DIMENSIONS)  # the cover plus one card per dimension
PT_PER_MM = 72 / 25.4


def card_url(dim: dict | None) -> str:
    return SITE_URL if dim is None else f"{SITE_URL}dimensies/{dim['id']}/"


@pytest.fixture(scope="module")
def pdfs(served_site, browser, tmp_path_factory) -> dict:
    """The deck printed to PDF in both sizes, the way `make cards` prints it."""
    out = tmp_path_factory.mktemp("pdf")
    page = browser.new_page()
    page.goto(served_site + "kaartenset/")
    paths = {}
    for variant in cards.SHEET_GRID:
        paths[variant] = out / f"{variant}.pdf"
        cards_pdf.print_deck(page, variant, paths[variant])
    page.close()
    return paths


def identify(text: str) -> dict | None | str:
    """Which card a block of PDF text belongs to: the dimension, None for the cover, "" for an empty slot."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    if flat.startswith("Lerende organisatie Ontwikkelkaarten") or flat.startswith("ZO WERK JE"):
        return None
    title_first = re.sub(rf"^{number} ", "", flat) if (number := flat.split()[0]).isdigit() else flat
    for dim in sorted(DIMENSIONS, key=lambda d: -len(d["title"])):  # the back starts with the number mark
        if title_first.startswith(dim["title"]):
            return dim
    raise AssertionError(f"no card recognised in: {flat[:80]}")


def cells(page, variant: str):
    """(row, column, left, bottom, right, top) in PDF points for every card position on a sheet."""
    rows, cols = cards.SHEET_GRID[variant]
    width, height = page.get_width(), page.get_height()
    for r in range(rows):
        for c in range(cols):
            left, right = c * width / cols, (c + 1) * width / cols
            yield r, c, left, height - (r + 1) * height / rows, right, height - r * height / rows


def qr_codes(page, variant: str) -> dict:
    """Decoded QR codes per card position, from the page rendered at 200 dpi."""
    scale = 200 / 72
    bitmap = page.render(scale=scale, grayscale=True)
    image = memoryview(bitmap.buffer).cast("B", (bitmap.height, bitmap.stride))
    rows, cols = cards.SHEET_GRID[variant]
    found = {}
    for code in zxingcpp.read_barcodes(image):
        x, y = code.position.top_left.x, code.position.top_left.y
        cell = (int(y / bitmap.height * rows), int(x / bitmap.width * cols))
        assert cell not in found, f"two QR codes in cell {cell}"
        found[cell] = code.text
    return found


@pytest.mark.parametrize("variant", list(cards.SHEET_GRID))
def test_printed_deck_has_every_card_front_and_back_lined_up_with_working_qr_codes(pdfs, variant):
    rows, cols = cards.SHEET_GRID[variant]
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
        text = page.get_textpage()
        layout = {(r, c): identify(text.get_text_bounded(left, bottom, right, top))
                  for r, c, left, bottom, right, top in cells(page, variant)}
        if index % 2 == 0:
            fronts.append(layout)
            continue
        backs.append(layout)
        front = fronts[-1]
        for (r, c), card in front.items():
            assert layout[(r, cols - 1 - c)] == card, f"sheet {index // 2 + 1}: back of {(r, c)} is not behind it"
        codes = qr_codes(page, variant)
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


@pytest.mark.parametrize("variant", list(cards.SHEET_GRID))
def test_no_card_element_overflows_its_box(served_site, page, variant):
    show_for_print(page, served_site + "kaartenset/", variant)
    assert page.locator(f".lo-deck--{variant} .lo-card[data-card]").count() == 2 * CARD_COUNT
    assert page.evaluate(OVERFLOW_JS) == []


@pytest.mark.parametrize("variant", list(cards.SHEET_GRID))
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
    a6 = cards.sheets(deck, "a6")
    assert [s["fronts"] for s in a6] == [list("abcd"), list("efgh"), ["i", None, None, None]]
    assert [s["backs"] for s in a6] == [list("badc"), list("fehg"), [None, "i", None, None]]
    a5 = cards.sheets(deck, "a5")
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


def test_page_offers_no_pdf_unless_make_cards_writes_one(site):
    page = read(site / "kaartenset" / "index.html")
    assert not [a for a in page.all("a") if a.get("href", "").endswith(".pdf")]


def test_make_cards_writes_the_pdfs_the_page_links_to(project, tmp_path, browser, monkeypatch):
    """The two steps of `make cards`; `browser` only skips the test where Chromium is missing."""
    monkeypatch.setenv(cards.PDF_ENV, "1")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    links = [a["href"] for a in read(site / "kaartenset" / "index.html").all("a") if a.get("href", "").endswith(".pdf")]
    assert links == ["kaartenset-a6.pdf", "kaartenset-a5.pdf"]
    printed = subprocess.run([sys.executable, "-m", "macros.cards_pdf", str(site)], cwd=ROOT,
                             capture_output=True, text=True)
    assert printed.returncode == 0, printed.stderr
    for link in links:
        pdf = pdfium.PdfDocument(site / "kaartenset" / link)
        assert len(pdf) >= 2


def _long_title(words: int) -> str:
    return " ".join(["samenwerkingsverband"] * words)[:90]


def test_too_much_text_fails_the_build_naming_the_card(project, tmp_path):
    data = read_yaml(project / "data" / "dimensions.yaml")
    dim = next(d for d in data["dimensions"] if d["id"] == "feedbackprocessen")
    dim["challenges"] = [{"title": _long_title(5), "text": "Toelichting."} for _ in range(4)]
    dim["suggestions"] = [{"title": _long_title(5), "text": "Toelichting."} for _ in range(4)]
    dim["quotes"] = [{"text": "woord " * 95, "attribution": "HRM 1, praktijk", "source": "senge1990"}]
    write_yaml(project / "data" / "dimensions.yaml", data)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    expected = f"Kaart {dim['number']} ({dim['title']}): achterkant te vol, geen citaat past"
    assert expected in result.stderr, result.stderr
    assert "dimensie 'feedbackprocessen'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_front_too_full_is_named_too():
    data = dataset.load()
    data["dimensions"][0]["summary"] = "Een lange omschrijving. " * 30
    with pytest.raises(cards.DeckError, match=r"Kaart 1 \(Gedragen visie en ambitie\): voorkant te vol"):
        Dataset.create(data, SITE_URL)


def test_a_long_quote_gives_way_to_one_that_fits():
    data = dataset.load()
    dim = data["dimensions"][0]
    short = dim["quotes"][0]
    dim["quotes"] = [{"text": "woord " * 150, "attribution": "HRM 1, praktijk", "source": "senge1990"}, short]
    deck = Dataset.create(data, SITE_URL).deck
    assert deck[1].quote == short


def fill_to_the_limit(data: dict) -> dict:
    """Make one card as full as the fit check allows: the longest titles and quote it still accepts."""
    dim = data["dimensions"][0]
    dim["title"] = ("Gedragen visie en ambitie " * 3)[:60].strip()
    dim["summary"] = ("Realiseren van een gedeelde visie en ambitie over doelen en kwaliteit " * 5)[:300].strip()
    dim["key_question"] = ("Weet iedereen in je team waarom we leren en waar we naartoe willen? " * 3)[:160].strip()
    dim["challenges"] = [{"title": _long_title(5), "text": "Toelichting."} for _ in range(3)]
    dim["suggestions"] = [{"title": ("Ontwikkel samen " * 8)[:80].strip(), "text": "Toelichting."} for _ in range(3)]
    dim["quotes"] = [{"text": "leerervaring", "attribution": "HRM 1, praktijk", "source": "senge1990"}]
    Dataset.create(data, SITE_URL)  # the front holds the longest title, summary and key question the schema allows
    words = 1
    while True:  # the longest quote the check still accepts
        dim["quotes"][0]["text"] = " ".join(["leerervaring"] * (words + 1))
        try:
            Dataset.create(data, SITE_URL)
        except cards.DeckError:
            break
        words += 1
    dim["quotes"][0]["text"] = " ".join(["leerervaring"] * words)
    return data


def test_a_card_the_check_accepts_does_not_overflow_in_the_browser(project, tmp_path, browser):
    """The fit check must be at least as strict as real layout: fill a card to its limit and measure it."""
    data = fill_to_the_limit(read_yaml(project / "data" / "dimensions.yaml"))
    write_yaml(project / "data" / "dimensions.yaml", data)
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto((site / "kaartenset" / "index.html").as_uri())
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOW_JS) == []
    back = page.locator(".lo-deck--a6 .lo-card--back[data-card='1'] .lo-card__flow")
    used = back.evaluate("el => el.lastElementChild.getBoundingClientRect().bottom - el.getBoundingClientRect().top")
    assert used > 0.8 * back.evaluate("el => el.clientHeight")  # the card really is nearly full
    page.close()
    shutil.rmtree(site)


def test_card_text_is_escaped_and_never_evaluated(project, tmp_path):
    data = read_yaml(project / "data" / "dimensions.yaml")
    dim = data["dimensions"][0]
    dim["summary"] = "Visie <script>alert(1)</script> & *ambitie*"
    dim["challenges"][0]["title"] = "Papier {{ 6 * 1111 }} geduldig"
    dim["quotes"] = [{"text": "<img src=x onerror=alert(1)>", "attribution": "HRM 1, praktijk", "source": "senge1990"}]
    write_yaml(project / "data" / "dimensions.yaml", data)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "kaartenset" / "index.html").read_text()
    assert "<script>alert" not in html and "Visie &lt;script&gt;alert(1)&lt;/script&gt; &amp; *ambitie*" in html
    assert "Papier {{ 6 * 1111 }} geduldig" in html and "6666" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
