"""Dialogue cards (Gesprekskaarten): one question per card, eight to an A4 sheet, for talks in pairs or small groups.

The questions are each dimension's `questions`, then the feedback tool's question bank per situation. A card
carries the colour, pattern and number of its dimension (the bank: of the dimension `feedback.dimension` names)
and a QR code to the page the question comes from. Every question the schema allows fits: a long question is
set in a smaller size, down to a floor that holds the longest possible one, so no question can stop a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros import printkit
from macros.render import render
from macros.textfit import Font, height_mm

if TYPE_CHECKING:
    from macros.model import Dataset

CARD_W, CARD_H, PADDING = 105.0, 74.25, 6.0  # mm: two across and four down fill an A4 sheet
GRID = (4, 2)  # rows and columns per sheet
INNER_W = CARD_W - 2 * PADDING
FONTS = {"group": Font(7.5, 1.25, bold=True), "small": Font(7, 1.25), "back-title": Font(10.5, 1.25, bold=True)}
QUESTION_SIZES = (13, 12, 11, 10, 9)  # pt, tried in turn; 9 pt holds 200 of the widest letters
QUESTION_LINE_HEIGHT = 1.3
SIZES = {"strip": 3.0, "strip-gap": 2.5, "head": 8.0, "head-gap": 2.5, "foot": 4.0, "mini-mark": 6.0, "mark-gap": 2.0,
         "band": 20.0, "band-gap": 4.0, "qr": 22.0, "big-mark": 13.0}
QUESTION_ROOM = CARD_H - 2 * PADDING - sum(SIZES[k] for k in ("strip", "strip-gap", "head", "head-gap", "foot"))
FEEDBACK_PAGE = "feedback-vragen/"


@dataclass
class DialogueCard:
    key: str  # "3-2": the second question of dimension 3; "f-na-een-overleg-1" for the feedback bank
    question: str
    group: str  # where the question comes from, shown on both sides
    number: int
    look: printkit.Look
    url: str
    version: str
    size: float = QUESTION_SIZES[0]
    qr_svg: str = ""

    @property
    def name(self) -> str:
        return f"Gesprekskaart {self.key}"

    @property
    def question_font(self) -> str:
        return Font(self.size, QUESTION_LINE_HEIGHT, bold=True).css()


def question_size(question: str) -> float:
    """The largest size at which the question fits its card (the smallest if none does: the schema forbids that)."""
    for size in QUESTION_SIZES:
        if height_mm(question, INNER_W, Font(size, QUESTION_LINE_HEIGHT, bold=True)) <= QUESTION_ROOM:
            return size
    return QUESTION_SIZES[-1]


def build_cards(ds: Dataset) -> list[DialogueCard]:
    """Every dialogue card, dimensions in number order, then the feedback bank situation by situation."""
    cards = []
    for index, dim in enumerate(ds.dimensions):
        look, url = printkit.look(index), ds.absolute_url(dim)
        group = dim["title"]  # the number is in the mark beside it
        cards += [DialogueCard(f"{dim['number']}-{i}", q, group, dim["number"], look, url, ds.version)
                  for i, q in enumerate(dim["questions"], start=1)]
    dim = ds.by_id[ds.feedback["dimension"]]
    look = printkit.look(ds.dimensions.index(dim))
    for situation in ds.feedback["situations"]:
        url = f"{(ds.site_url or '').rstrip('/')}/{FEEDBACK_PAGE}#vragen-{situation['id']}"
        group = f"Feedback vragen: {situation['title']}"
        cards += [DialogueCard(f"f-{situation['id']}-{i}", q, group, dim["number"], look, url, ds.version)
                  for i, q in enumerate(situation["questions"], start=1)]
    for card in cards:
        card.size = question_size(card.question)
        card.qr_svg = printkit.qr_svg(card.url)
    return cards


def css() -> str:
    return printkit.css_variables({"card-w": CARD_W, "card-h": CARD_H, "padding": PADDING} | SIZES, FONTS)


def deck_html(ds: Dataset) -> str:
    cards = build_cards(ds)
    return render("dialogue.html.j2", cards=cards, sheets=printkit.duplex_sheets(cards, *GRID), css=css(),
                  inner_w=INNER_W, sizes=SIZES)
