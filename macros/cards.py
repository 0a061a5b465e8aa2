"""The printable card deck: what goes on each card, whether it fits, and how the cards sit on the sheets.

One cover card plus one card per dimension. A card is A6 (105 x 148.5 mm, a quarter of A4); the A5
variant is the same card enlarged by the square root of two, so whatever fits on one fits on the other.
The sizes below are the single source of the card layout: the template hands them to the CSS as custom
properties, and `build_deck()` uses them to refuse, at build time, a card whose text would not fit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import segno

from macros import references
from macros.errors import DataError
from macros.render import render
from macros.textfit import Font, height_mm

if TYPE_CHECKING:
    from macros.model import Dataset

CARD_W, CARD_H = 105.0, 148.5  # mm: four fill an A4 sheet, so one cut each way separates them
PADDING = 7.0  # mm of white at every card edge: printers do not print up to the paper edge
INNER_W = CARD_W - 2 * PADDING

FONTS = {
    "title": Font(16, 1.15, bold=True),
    "summary": Font(10.5, 1.4),
    "label": Font(7, 1.2, bold=True),
    "question": Font(11.5, 1.3, bold=True),
    "back-title": Font(10, 1.2, bold=True),
    "item": Font(8.5, 1.25),  # also the cover's list of dimensions
    "quote": Font(8.5, 1.3),
    "small": Font(7, 1.25),
    "reading": Font(8, 1.25),
}
# Vertical sizes in mm. Front: band, gap, text area, footer. Back: strip, gap, text area, QR footer.
SIZES = {
    "band": 24.0, "band-gap": 5.0, "front-flow": 97.0, "foot": 4.0,
    "strip": 3.0, "strip-gap": 3.0, "back-flow": 107.0, "qr": 20.0,
    "mark": 8.0, "mini-mark": 5.0, "mark-gap": 2.0,  # number marks beside the title on the back and in the cover's list
    "key-rule": 1.2, "key-indent": 3.0,  # the rule and indent of the key question
    "bullet-indent": 3.5, "quote-rule": 0.8, "quote-indent": 2.5,
    "title-gap": 3.0, "summary-gap": 4.0, "label-gap": 1.0, "item-gap": 0.8, "section-gap": 2.2,
}
COLOURS = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b", "#6d4c41", "#c0ca33"]
PATTERNS = ["diagonal", "dots", "horizontal", "backslash", "vertical", "grid", "cross", "zigzag"]
ITEMS_PER_LIST = 3  # the first challenges and suggestions: editors put the most important first
SHEET_GRID = {"a6": (2, 2), "a5": (1, 2)}  # rows and columns of cards on one A4 sheet
COVER_TIPS = [
    "Kies samen een kaart die past bij wat jullie nu bezighoudt.",
    "Bespreek de kernvraag op de voorkant: waar staan we, wat zien we?",
    "Draai de kaart om: herken je de uitdagingen, welke suggestie probeer je uit?",
    "Scan de QR-code voor de hele ontwikkelkaart, met voorbeelden en vragen.",
]
PDF_ENV = "KAARTENSET_PDF"  # set by `make cards`, which writes the PDF files after the build
COVER_SOURCE = ("Gebaseerd op: Bronsgeest, Heldens & Ros, Hoe geef je leiding aan de ontwikkeling van "
                "een lerende organisatie? (Fontys Kenniscentrum Leven Lang Ontwikkelen).")


class DeckError(DataError):
    """The deck cannot be made, mostly because cards would overflow; `str()` names each card and what to shorten."""


@dataclass
class Card:
    number: int  # 0 for the cover
    title: str
    url: str
    colour: str
    pattern: str
    version: str
    summary: str = ""
    key_question: str = ""
    challenges: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    quote: dict | None = None
    reading: str = ""
    qr_svg: str = ""

    @property
    def name(self) -> str:
        return f"Kaart {self.number} ({self.title})" if self.number else "Voorblad"


def build_deck(ds: Dataset) -> list[Card]:
    """The cover and one card per dimension, in number order; raises DeckError naming every card that overflows.

    Made once per build, by `model.Dataset.create()`: the QR codes are the slowest part of a build's data work.
    """
    if not ds.site_url:
        raise DeckError("mkdocs.yml: 'site_url' ontbreekt; de QR-codes op de kaarten hebben het volledige "
                          "webadres van de site nodig")
    cover = Card(0, "Lerende organisatie", ds.site_url, "", "", ds.version)  # its band shows every dimension
    cards = [cover] + [_dimension_card(ds, dim, i) for i, dim in enumerate(ds.dimensions)]
    for card in cards:
        card.qr_svg = _qr(card.url)
    for card, dim in zip(cards[1:], ds.dimensions, strict=True):
        card.quote = next((q for q in dim["quotes"] if back_height(card, q) <= SIZES["back-flow"]), None)
    problems = [problem for card, dim in zip(cards[1:], ds.dimensions, strict=True)
                for problem in _fit_problems(card, dim)]
    problems += _cover_problems(ds.dimensions)
    if problems:
        raise DeckError(f"{len(problems)} kaart(en) te vol voor de kaartenset:\n" + "\n".join(problems))
    return cards


def deck_html(ds: Dataset) -> str:
    return render(
        "cards.html.j2",
        cards=ds.deck,
        decks={variant: sheets(list(ds.deck), variant) for variant in SHEET_GRID},
        css_variables=css_variables(),
        sizes=SIZES,
        inner_w=INNER_W,
        cover_tips=COVER_TIPS,
        cover_source=COVER_SOURCE,
    )


def pdf_name(variant: str) -> str:
    return f"kaartenset-{variant}.pdf"


def downloads_html() -> str:
    """Links to the PDF files, but only in the build `make cards` makes: an ordinary build has none."""
    if os.environ.get(PDF_ENV) != "1":
        return ""
    return render("cards_downloads.html.j2", files={variant: pdf_name(variant) for variant in SHEET_GRID})


def sheets(cards: list[Card], variant: str) -> list[dict]:
    """Cards per A4 sheet: fronts in reading order, backs with each row mirrored.

    Printed double-sided and turned like a book page (A6: flip on the long edge; A5, landscape: on the
    short edge), left and right swap, so the back of the card at the left lands at the right.
    """
    rows, cols = SHEET_GRID[variant]
    per_sheet = rows * cols
    result = []
    for start in range(0, len(cards), per_sheet):
        chunk = cards[start:start + per_sheet]
        chunk += [None] * (per_sheet - len(chunk))
        backs = [card for r in range(rows) for card in reversed(chunk[r * cols:(r + 1) * cols])]
        result.append({"fronts": chunk, "backs": backs})
    return result


def css_variables() -> str:
    """The layout sizes as CSS custom properties, so the stylesheet and the fit check cannot disagree."""
    values = {"card-w": CARD_W, "card-h": CARD_H, "padding": PADDING} | SIZES
    parts = [f"--lo-{name}: {value}mm" for name, value in values.items()]
    parts += [f"--lo-font-{name}: {font.css()}" for name, font in FONTS.items()]
    return "; ".join(parts)


def _dimension_card(ds: Dataset, dim: dict, index: int) -> Card:
    return Card(
        number=dim["number"],
        title=dim["title"],
        url=ds.absolute_url(dim),
        colour=COLOURS[index % len(COLOURS)],
        pattern=PATTERNS[index % len(PATTERNS)],
        version=ds.version,
        summary=dim["summary"],
        key_question=dim["key_question"],
        challenges=[item["title"] for item in dim["challenges"][:ITEMS_PER_LIST]],
        suggestions=[item["title"] for item in dim["suggestions"][:ITEMS_PER_LIST]],
        reading=references.short_cite(ds.sources[dim["reading"][0]["source"]]),
    )


def _qr(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=1, border=4, omitsize=True, svgclass="lo-qr",
                                                 title=f"QR-code: {url}")


def _mm(text: str, font: str, width: float) -> float:
    return height_mm(text, width, FONTS[font])


def front_height(card: Card) -> float:
    s = SIZES
    return (_mm(card.title, "title", INNER_W) + s["title-gap"]
            + _mm(card.summary, "summary", INNER_W) + s["summary-gap"]
            + FONTS["label"].line_mm + s["label-gap"]
            + _mm(card.key_question, "question", INNER_W - s["key-rule"] - s["key-indent"]))


def back_height(card: Card, quote: dict | None) -> float:
    s = SIZES
    title = max(s["mark"], _mm(card.title, "back-title", INNER_W - s["mark"] - s["mark-gap"]))
    height = title + s["title-gap"]
    for items in (card.challenges, card.suggestions):
        height += FONTS["label"].line_mm + s["label-gap"] + s["section-gap"]
        height += sum(_mm(item, "item", INNER_W - s["bullet-indent"]) + s["item-gap"] for item in items)
    if quote:
        width = INNER_W - s["quote-rule"] - s["quote-indent"]
        height += (_mm(f"‘{quote['text']}’", "quote", width) + s["item-gap"]
                   + _mm(f"— {quote['attribution']}", "small", width) + s["section-gap"])
    height += FONTS["label"].line_mm + s["label-gap"] + _mm(card.reading, "reading", INNER_W)
    return height


def _fit_problems(card: Card, dim: dict) -> list[str]:
    where = f"data/dimensions.yaml, dimensie '{dim['id']}'"
    problems = []
    front = front_height(card)
    if front > SIZES["front-flow"]:
        problems.append(f"{card.name}: voorkant te vol (naar schatting {front:.0f} mm tekst, "
                        f"{SIZES['front-flow']:.0f} mm ruimte); maak title, summary of key_question korter ({where})")
    back, room = back_height(card, None), SIZES["back-flow"]
    lists = f"de eerste {ITEMS_PER_LIST} titels van challenges en suggestions"
    if back > room:
        problems.append(f"{card.name}: achterkant te vol (naar schatting {back:.0f} mm tekst zonder citaat, "
                        f"{room:.0f} mm ruimte); maak {lists} korter ({where})")
    elif dim["quotes"] and card.quote is None:
        shortest = min(back_height(card, q) for q in dim["quotes"])
        problems.append(f"{card.name}: achterkant te vol, geen citaat past (met het kortste naar schatting "
                        f"{shortest:.0f} mm tekst, {room:.0f} mm ruimte); zet een korter citaat in quotes "
                        f"of maak {lists} korter ({where})")
    return problems


def cover_front_height(dimensions: list[dict]) -> float:
    s = SIZES
    rows = sum(max(s["mini-mark"], _mm(d["title"], "item", INNER_W - s["mini-mark"] - s["mark-gap"])) + s["item-gap"]
               for d in dimensions)
    return (_mm("Lerende organisatie", "title", INNER_W) + s["title-gap"]
            + _mm("Ontwikkelkaarten voor leiders", "summary", INNER_W) + s["summary-gap"]
            + FONTS["label"].line_mm + s["label-gap"] + rows)


def _cover_problems(dimensions: list[dict]) -> list[str]:
    height = cover_front_height(dimensions)
    if height > SIZES["front-flow"]:
        return [f"Voorblad: voorkant te vol (naar schatting {height:.0f} mm voor de lijst van "
                f"{len(dimensions)} dimensies, {SIZES['front-flow']:.0f} mm ruimte); maak de titels korter"]
    return []
