"""The self-check on paper for groups: a compact form (one sheet, both sides) and a tally sheet for the facilitator.

The compact form lists every statement with answer boxes a pen can tick; a dimension is never split over two
pages, because the pages are laid out here (with the same text estimate as the card deck) and printed as they
are. The order is fixed and shared with everything that reads paper forms: dimensions by `number`, statements
in YAML order, coded "1.1", "1.2", ... like the online self-check. The tally sheet has one row per form and one
column per dimension, for each participant's mean, and rows for the group's mean, lowest and highest, as the
team view shows them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.printkit import css_variables, look
from macros.render import render
from macros.textfit import Font, height_mm

if TYPE_CHECKING:
    from macros.model import Dataset

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 10.0  # mm
INNER_W, INNER_H = PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN
FONTS = {
    "title": Font(15, 1.2, bold=True), "text": Font(9, 1.2), "small": Font(7.5, 1.25),
    "dimension": Font(9.5, 1.2, bold=True), "head": Font(7.5, 1.2, bold=True),
}
SIZES = {
    "box": 6.0, "column": 8.0, "code": 8.0, "row-pad": 0.9, "row-min": 7.5, "dim-head": 8.0, "dim-gap": 2.5,
    "mean-box": 13.0, "mean": 32.0, "first-head": 44.0, "next-head": 8.0,
    "tally-row": 8.0, "tally-form-col": 20.0,
}
TALLY_RESULTS = ["Som", "Aantal formulieren", "Gemiddelde (som ÷ aantal)", "Laagste", "Hoogste"]
TALLY_COLUMNS_PER_PAGE = 12  # more dimensions go on a second tally sheet
TALLY_LEGEND_COLUMNS = 2  # the legend above the table names the dimensions behind the column numbers
TALLY_FIXED = 66.0  # mm of the tally sheet taken by its title, steps and the note on the order


@dataclass(frozen=True)
class Statement:
    code: str  # "3.2": dimension number, place in its list; the same code as on the online self-check
    text: str
    height: float  # mm, its row on the form


@dataclass(frozen=True)
class Block:
    number: int
    title: str
    colour: str
    statements: list[Statement]
    head: float  # mm, the row with the title and the box for the mean

    @property
    def height(self) -> float:
        return self.head + sum(s.height for s in self.statements) + SIZES["dim-gap"]


def text_width(answers: int) -> float:
    """A statement's column: what is left beside its code and the answer boxes (the scale plus "?")."""
    return INNER_W - SIZES["code"] - answers * SIZES["column"]


def statement_height(text: str, answers: int) -> float:
    s = SIZES
    return max(s["row-min"], height_mm(text, text_width(answers) - 2 * s["row-pad"], FONTS["text"]) + 2 * s["row-pad"])


def head_height(title: str, answers: int) -> float:
    """The dimension's head row: its number and title beside "gemiddelde" and a box, wrapped if need be."""
    s = SIZES
    width = s["code"] + text_width(answers) - 2 * s["row-pad"] - s["mean"]
    return max(s["dim-head"], height_mm(title, width, FONTS["dimension"]) + 2 * s["row-pad"])


def blocks(ds: Dataset) -> list[Block]:
    """One block per dimension, in number order, statements in YAML order."""
    answers = len(ds.scale) + 1
    return [Block(dim["number"], dim["title"], look(i).colour,
                  [Statement(f"{dim['number']}.{n}", text, statement_height(text, answers))
                   for n, text in enumerate(dim["self_check"], start=1)],
                  head_height(f"{dim['number']}. {dim['title']}", answers))
            for i, dim in enumerate(ds.dimensions)]


def form_pages(all_blocks: list[Block]) -> list[list[Block]]:
    """Blocks per page, in order, a block never split; the first page also holds the form's head."""
    pages: list[list[Block]] = [[]]
    room = INNER_H - SIZES["first-head"]
    for block in all_blocks:
        if pages[-1] and block.height > room:
            pages.append([])
            room = INNER_H - SIZES["next-head"]
        pages[-1].append(block)
        room -= block.height
    return pages


@dataclass(frozen=True)
class TallyPage:
    columns: list[Block]
    legend: list[list[Block]]  # the legend's lines: which dimension each column number stands for
    rows: int  # forms on this sheet


def tally_pages(all_blocks: list[Block]) -> list[TallyPage]:
    """Tally sheets: up to TALLY_COLUMNS_PER_PAGE dimensions each (one sheet for the eight of the article)."""
    per_page = math.ceil(len(all_blocks) / math.ceil(len(all_blocks) / TALLY_COLUMNS_PER_PAGE))
    pages = []
    for start in range(0, len(all_blocks), per_page):
        columns = all_blocks[start:start + per_page]
        legend = [columns[i:i + TALLY_LEGEND_COLUMNS] for i in range(0, len(columns), TALLY_LEGEND_COLUMNS)]
        room = INNER_H - TALLY_FIXED - _legend_height(legend) - (len(TALLY_RESULTS) + 1) * SIZES["tally-row"]
        pages.append(TallyPage(columns, legend, max(1, int(room // SIZES["tally-row"]))))
    return pages


def _legend_height(legend: list[list[Block]]) -> float:
    width = INNER_W / TALLY_LEGEND_COLUMNS - 3.0
    return sum(max(height_mm(f"{b.number} {b.title}", width, FONTS["small"]) for b in line) for line in legend) + 3.0


def css() -> str:
    return css_variables({"page-w": PAGE_W, "page-h": PAGE_H, "margin": MARGIN} | SIZES, FONTS)


def paper_html(ds: Dataset) -> str:
    """The page's two printed products: the compact form and the tally sheet."""
    all_blocks = blocks(ds)
    scale = sorted(ds.scale, key=lambda option: option["value"])
    return render("paperform.html.j2", pages=form_pages(all_blocks), tally=tally_pages(all_blocks), scale=scale,
                  version=ds.version, site_url=ds.site_url or "", css=css(), results=TALLY_RESULTS,
                  text_w=text_width(len(scale) + 1), sizes=SIZES, last=all_blocks[-1].number)
