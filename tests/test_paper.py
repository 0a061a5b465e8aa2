"""The self-check on paper for groups: every statement on one sheet (two sides), no dimension split, boxes a pen
can tick, in the order everything that reads paper forms uses; and a one-page tally sheet."""

from __future__ import annotations

import re

import pytest
from conftest import SITE_URL, many_dimensions, print_products
from htmlpage import read
from pdftext import page_sizes, page_texts

from macros import dataset, paperform
from macros.model import Dataset

DATA = dataset.load()
DS = Dataset.create(DATA, SITE_URL)
CODES = [f"{dim['number']}.{n}" for dim in DATA["dimensions"] for n in range(1, len(dim["self_check"]) + 1)]
MM = 96 / 25.4  # CSS pixels per millimetre
OVERFLOW_JS = """() => [...document.querySelectorAll('.lo-paper-page, .lo-paper-page *')]
  .filter(el => el.getClientRects().length)
  .filter(el => !['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'COLGROUP', 'COL'].includes(el.tagName))
  .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
  .map(el => `${el.closest('.lo-paper-page').getAttribute('aria-label')}: ${el.tagName}.${el.className}`)"""


@pytest.fixture(scope="module")
def pdfs(served_site, browser, tmp_path_factory) -> dict:
    return print_products(browser, served_site + "zelfscan-op-papier/", ["zelfscan-formulier", "zelfscan-telblad"],
                          tmp_path_factory.mktemp("paper"))


def test_compact_form_has_every_statement_on_two_a4_sides_and_never_splits_a_dimension(pdfs):
    assert [tuple(round(x / 72 * 25.4) for x in size) for size in page_sizes(pdfs["zelfscan-formulier"])] == \
        [(210, 297), (210, 297)]
    sides = page_texts(pdfs["zelfscan-formulier"])
    for dim in DATA["dimensions"]:
        holding = [i for i, text in enumerate(sides) if f"{dim['number']}. {dim['title']}" in text]
        assert len(holding) == 1, dim["title"]
        for n, statement in enumerate(dim["self_check"], start=1):
            assert f"{dim['number']}.{n} {' '.join(statement.split())}" in sides[holding[0]]
    assert all(option["label"] in sides[0] for option in DATA["scale"])
    assert "Naam of nummer" in sides[0] and "Team" in sides[0] and "Datum" in sides[0]


def test_statements_are_in_the_one_paper_order_the_online_self_check_uses(pdfs, site):
    """Dimensions by number, statements in YAML order: what the tally sheet documents and paper entry reads."""
    text = " ".join(page_texts(pdfs["zelfscan-formulier"]))
    printed = re.findall(r"\b(\d+\.\d+) In ons team", text)
    assert printed == CODES
    online = re.findall(r'<span class="lo-zs-ref">(\d+\.\d+)</span>', (site / "zelfscan" / "index.html").read_text())
    assert online == CODES


def test_answer_boxes_are_big_enough_for_a_pen_and_nothing_overflows(served_site, page):
    page.goto(served_site + "zelfscan-op-papier/")
    page.emulate_media(media="print")
    boxes = page.eval_on_selector_all(".lo-paper-set--form .lo-box:not(.lo-box--mean)",
                                      "els => els.map(e => [e.offsetWidth, e.offsetHeight])")
    assert len(boxes) == len(CODES) * (len(DATA["scale"]) + 1)
    assert min(min(w, h) for w, h in boxes) >= 5.5 * MM  # 5.5 mm or more: a tick with a ballpoint fits
    assert page.evaluate(OVERFLOW_JS) == []
    page.emulate_media(media="screen")
    page.check("#lo-paper-tally")  # the choice is hidden in print
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOW_JS) == []


def test_tally_sheet_is_one_page_with_a_column_per_dimension_and_the_order_written_on_it(pdfs):
    sides = page_texts(pdfs["zelfscan-telblad"])
    assert len(sides) == 1
    tally = sides[0]
    for dim in DATA["dimensions"]:
        assert f"{dim['number']} {dim['title']}" in tally
    assert "De dimensies staan op nummer" in tally and "(1.1, 1.2, ...)" in tally
    for label in paperform.TALLY_RESULTS:
        assert label in tally
    rows = paperform.tally_pages(paperform.blocks(DS))[0].rows
    assert rows >= 15 and re.search(rf"\b{rows} Som\b", tally)  # the last form row, then the results


def test_page_offers_the_form_and_the_tally_sheet(site):
    html = read(site / "zelfscan-op-papier" / "index.html")
    assert {"lo-paper-form", "lo-paper-tally"} <= html.ids()


@pytest.mark.parametrize("count, sheets", [(16, 2), (40, 4)])
def test_more_dimensions_make_more_pages_never_a_split_dimension(count, sheets):
    ds = Dataset.create(many_dimensions(DATA, count, title_length=60), DS.site_url)
    blocks = paperform.blocks(ds)
    pages = paperform.form_pages(blocks)
    assert [b for page in pages for b in page] == blocks  # every dimension once, in order, each on one page
    room = [paperform.INNER_H - paperform.SIZES["first-head"]] + [paperform.INNER_H - paperform.SIZES["next-head"]] * 9
    # `room` lists more pages than there are, so zip stops at the last page
    assert all(sum(b.height for b in page) <= limit for page, limit in zip(pages, room, strict=False))
    tally = paperform.tally_pages(blocks)
    assert len(tally) == sheets and [b for sheet in tally for b in sheet.columns] == blocks
    assert all(sheet.rows >= 10 for sheet in tally)


def test_a_dimension_with_ten_of_the_longest_statements_fits_one_page():
    block = paperform.Block(1, "t" * 60, "#000", [paperform.Statement("1.1", "w" * 200,
                                                                     paperform.statement_height("W " * 100, 6))] * 10,
                            paperform.head_height("W" * 60, 6))
    assert block.height <= paperform.INNER_H - paperform.SIZES["first-head"]
