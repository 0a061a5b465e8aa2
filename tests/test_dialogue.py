"""Dialogue cards: one question per card, eight to a sheet, fronts and backs lined up, QR codes to the question's
page, and every question the schema allows fits its card."""

from __future__ import annotations

import math

import edited
import pypdfium2 as pdfium
import pytest
from conftest import SITE_URL, print_products
from pdftext import cell_texts, qr_codes

from macros import dataset, dialogue
from macros.model import Dataset

DATA = dataset.load()
CARDS = dialogue.build_cards(Dataset.create(DATA, SITE_URL))
ROWS, COLS = dialogue.GRID
OVERFLOW_JS = """() => [...document.querySelectorAll('.lo-dcard, .lo-dcard *')]
  .filter(el => el.getClientRects().length && !(el instanceof SVGElement))
  .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
  .map(el => `${el.closest('.lo-dcard').getAttribute('aria-label')}: ${el.className}`)"""


@pytest.fixture(scope="module")
def pdf(served_site, browser, tmp_path_factory):
    printed = print_products(browser, served_site + "gesprekskaarten/", ["gesprekskaarten"],
                             tmp_path_factory.mktemp("dialogue"))
    return pdfium.PdfDocument(printed["gesprekskaarten"])


def test_every_question_of_the_cards_and_the_feedback_bank_is_a_card():
    expected = [q for dim in DATA["dimensions"] for q in dim["questions"]]
    expected += [q for situation in DATA["feedback"]["situations"] for q in situation["questions"]]
    assert [card.question for card in CARDS] == expected
    feedback_dim = next(d for d in DATA["dimensions"] if d["id"] == DATA["feedback"]["dimension"])
    bank = [card for card in CARDS if card.key.startswith("f-")]
    assert bank and all(card.number == feedback_dim["number"] for card in bank)
    assert bank[0].url == f"{SITE_URL}feedback-vragen/#vragen-{DATA['feedback']['situations'][0]['id']}"


def test_printed_cards_line_up_front_to_back_and_their_qr_codes_lead_to_the_question(pdf):
    assert len(pdf) == 2 * math.ceil(len(CARDS) / (ROWS * COLS))
    for index in range(0, len(pdf), 2):
        front, back = pdf[index], pdf[index + 1]
        for page in (front, back):
            size_mm = sorted(round(x / 72 * 25.4) for x in page.get_size())
            assert size_mm == [210, 297] and page.get_width() < page.get_height()
        sheet = CARDS[index // 2 * ROWS * COLS:(index // 2 + 1) * ROWS * COLS]
        texts = cell_texts(front, ROWS, COLS)
        backs = cell_texts(back, ROWS, COLS)
        codes = qr_codes(back, ROWS, COLS)
        for place, card in enumerate(sheet):
            row, col = divmod(place, COLS)
            assert " ".join(card.question.split()) in " ".join(texts[(row, col)].split())
            mirrored = (row, COLS - 1 - col)
            assert " ".join(card.group.split()) in " ".join(backs[mirrored].split())
            assert codes[mirrored] == card.url


def test_no_dialogue_card_overflows(served_site, page):
    page.goto(served_site + "gesprekskaarten/")
    page.emulate_media(media="print")
    assert page.locator(".lo-dcard").count() == 2 * len(CARDS)
    assert page.evaluate(OVERFLOW_JS) == []


def test_the_longest_question_the_schema_allows_fits(edited_site, browser):
    """200 of the widest letters, in a dimension and in the feedback bank: a smaller size, never an overflow."""
    widest = edited.WIDEST[:200]  # in the first dimension's questions and the feedback bank (tests/edited.py)
    assert widest in edited.DATA["dimensions"][0]["questions"]
    assert ("Wm " * 67)[:200] in edited.DATA["feedback"]["situations"][0]["questions"]
    assert dialogue.question_size(widest) == dialogue.QUESTION_SIZES[-1]
    page = browser.new_page()
    page.goto((edited_site / "gesprekskaarten" / "index.html").as_uri())
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOW_JS) == []
    page.close()
