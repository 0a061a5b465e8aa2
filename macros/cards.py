"""The printable card deck: what goes on each card, whether it fits, and how the cards sit on the sheets.

Two editions from the same dimensions. The A6 card (four to an A4 sheet) is the pocket card: on the front the
title, summary, key question and the first good practice; on the back the first three challenges and
suggestions, each with one line of explanation (`card_text`), and the first question for the team. The A5
card (two to a landscape A4 sheet) is the rich edition: every good practice and a quote on the front, every
suggestion and the reading tips on the back as well.

The cover lists every dimension. It uses one column, or two, and continues on extra cover cards when the list
is longer than a card, so any number of dimensions fits. Layout sizes live here only: the template hands them
to the CSS as custom properties, and `build_deck()` uses them to refuse, at build time, a card whose text
would not fit, naming the card and the fields that take the most room.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from macros import dataset, printkit, references
from macros.errors import DataError
from macros.render import render
from macros.textfit import Font, height_mm, runs_height_mm

if TYPE_CHECKING:
    from macros.model import Dataset

CHALLENGES_PER_CARD = 3  # the first challenges, on both editions: editors put the most important first
SUGGESTIONS_ON_A6 = 3  # the A6 card shows the first suggestions; the A5 card shows them all
CARD_TEXT_MAX = dataset.schema()["$defs"]["card_item"]["properties"]["card_text"]["maxLength"]
COVER_TIPS = [
    "Kies samen een kaart die past bij wat jullie nu bezighoudt.",
    "Bespreek de kernvraag op de voorkant: waar staan we, wat zien we?",
    "Draai de kaart om: herken je de uitdagingen, welke suggestie probeer je uit?",
    "Scan de QR-code voor de hele ontwikkelkaart, met voorbeelden en vragen.",
]
COVER_SOURCE = ("Gebaseerd op: Bronsgeest, Heldens & Ros, Hoe geef je leiding aan de ontwikkeling van "
                "een lerende organisatie? (Fontys Kenniscentrum Leven Lang Ontwikkelen).")
COVER_TITLE, COVER_SUBTITLE = "Lerende organisatie", "Ontwikkelkaarten voor leiders"


@dataclass(frozen=True)
class Layout:
    """One edition's card: size, sheet grid, type and the vertical room of each part (all in mm and pt)."""

    variant: str
    label: str
    card_w: float
    card_h: float
    padding: float  # white at every card edge: printers do not print up to the paper edge
    grid: tuple[int, int]  # rows and columns of cards on one A4 sheet
    fonts: dict[str, Font]
    sizes: dict[str, float]

    @property
    def inner_w(self) -> float:
        return self.card_w - 2 * self.padding

    def css(self) -> str:
        return printkit.css_variables({"card-w": self.card_w, "card-h": self.card_h, "padding": self.padding}
                                      | self.sizes, self.fonts)


# Vertical sizes. Front: band, gap, text area, footer. Back: strip, gap, text area, QR footer.
_GAPS = {"title-gap": 3.0, "summary-gap": 3.5, "label-gap": 1.0, "item-gap": 1.0, "section-gap": 2.5,
         "key-rule": 1.2, "key-indent": 3.0, "bullet-indent": 3.5, "quote-rule": 0.8, "quote-indent": 2.5,
         "mark-gap": 2.0, "column-gap": 4.0}
A6 = Layout(
    "a6", "A6: vier kaarten per A4-vel (staand)", 105.0, 148.5, 7.0, (2, 2),
    fonts={
        "title": Font(17, 1.15, bold=True), "summary": Font(11, 1.35), "label": Font(7, 1.2, bold=True),
        "question": Font(12, 1.3, bold=True), "back-title": Font(10, 1.2, bold=True),
        "item": Font(8.5, 1.25), "item-lead": Font(8.5, 1.25, bold=True), "team": Font(9.5, 1.3, bold=True),
        "practice": Font(9.5, 1.3), "practice-lead": Font(9.5, 1.3, bold=True),
        "quote": Font(8.5, 1.3), "small": Font(7, 1.25), "reading": Font(7.5, 1.25),
    },
    sizes={"band": 24.0, "band-gap": 5.0, "front-flow": 97.0, "foot": 4.0,
           "strip": 3.0, "strip-gap": 3.0, "back-flow": 108.0, "qr": 19.0,
           "mark": 8.0, "mini-mark": 5.0, "big-mark": 16.0} | _GAPS,
)
A5 = Layout(
    "a5", "A5: twee kaarten per A4-vel (liggend)", 148.5, 210.0, 9.0, (1, 2),
    fonts={
        "title": Font(20, 1.15, bold=True), "summary": Font(11.5, 1.35), "label": Font(8, 1.2, bold=True),
        "question": Font(13, 1.3, bold=True), "back-title": Font(12.5, 1.2, bold=True),
        "item": Font(9, 1.3), "item-lead": Font(9, 1.3, bold=True), "team": Font(10.5, 1.3, bold=True),
        "practice": Font(9, 1.3), "practice-lead": Font(9, 1.3, bold=True),
        "quote": Font(10, 1.35), "small": Font(8, 1.25), "reading": Font(8, 1.3),
    },
    sizes={"band": 30.0, "band-gap": 6.0, "front-flow": 150.0, "foot": 5.0,
           "strip": 4.0, "strip-gap": 4.0, "back-flow": 158.0, "qr": 24.0,
           "mark": 10.0, "mini-mark": 6.0, "big-mark": 20.0} | _GAPS,
)
LAYOUTS = {layout.variant: layout for layout in (A6, A5)}


class DeckError(DataError):
    """The deck cannot be made, mostly because cards would overflow; `str()` names each card and what to shorten."""


@dataclass(frozen=True)
class Point:
    """A challenge, suggestion or good practice as a card shows it: title, one line, and where it is in the YAML."""

    title: str
    line: str
    path: str  # e.g. "suggestions[2]", for messages to editors

    @property
    def lead(self) -> str:
        """The title as the bold start of the line: ends with a full stop unless it ends in punctuation."""
        return self.title if self.title[-1:] in ".?!:" else f"{self.title}."


@dataclass
class Card:
    """One dimension's card; each edition shows part of it (see the module docstring)."""

    number: int
    id: str
    title: str
    url: str
    look: printkit.Look
    version: str
    summary: str
    key_question: str
    practices: list[Point]
    challenges: list[Point]
    suggestions: list[Point]
    question: str
    quotes: list[dict]
    reading: list[str]
    qr_svg: str = ""
    quote: dict | None = None  # the A5 card's quote: the first in `quotes` that fits
    kind: str = "dimension"

    @property
    def name(self) -> str:
        return f"Kaart {self.number} ({self.title})"

    @property
    def a6_suggestions(self) -> list[Point]:
        return self.suggestions[:SUGGESTIONS_ON_A6]

    @property
    def key(self) -> str:
        return str(self.number)


@dataclass(frozen=True)
class Entry:
    """One dimension in the cover's list."""

    number: int
    title: str
    look: printkit.Look


@dataclass
class Cover:
    """A cover card: the first has the deck's title and the tips; the list of dimensions continues on more if needed."""

    part: int
    parts: int
    count: int  # dimensions in the deck
    front: list[list[Entry]]  # columns
    back: list[list[Entry]] | None  # None on the first cover card, whose back has the tips
    url: str
    version: str
    looks: list[printkit.Look]
    qr_svg: str = ""
    kind: str = "cover"

    @property
    def name(self) -> str:
        return "Voorblad" if self.part == 1 else f"Voorblad {self.part}"

    @property
    def key(self) -> str:
        return "0" if self.part == 1 else f"0-{self.part}"


@dataclass
class Deck:
    """The dimension cards, and per edition the cover cards that go before them."""

    cards: list[Card]
    covers: dict[str, list[Cover]] = field(default_factory=dict)

    def in_order(self, layout: Layout) -> list[Card | Cover]:
        return [*self.covers[layout.variant], *self.cards]


def build_deck(ds: Dataset) -> Deck:
    """The cover and one card per dimension, in number order; raises DeckError naming every card that overflows.

    Made once per build, by `model.Dataset.create()`: the QR codes are the slowest part of a build's data work.
    """
    if not ds.site_url:
        raise DeckError("mkdocs.yml: 'site_url' ontbreekt; de QR-codes op de kaarten hebben het volledige "
                        "webadres van de site nodig")
    problems: list[str] = []
    cards = []
    for index, dim in enumerate(ds.dimensions):
        card = _dimension_card(ds, dim, index, problems)
        card.quote = next((q for q in card.quotes if _fits(_a5_front(card, q), A5, "front-flow")), None)
        problems += fit_problems(card, dim)
        cards.append(card)
    if problems:
        raise DeckError(f"{len(problems)} probleem/problemen in de kaartenset:\n" + "\n".join(problems))
    entries = [Entry(card.number, card.title, card.look) for card in cards]
    covers = {variant: cover_cards(entries, layout, ds.site_url, ds.version) for variant, layout in LAYOUTS.items()}
    return Deck(cards, covers)


def deck_html(ds: Dataset) -> str:
    editions = [{"layout": layout, "sheets": printkit.duplex_sheets(ds.deck.in_order(layout), *layout.grid)}
                for layout in LAYOUTS.values()]
    return render("cards.html.j2", editions=editions, cover_tips=COVER_TIPS, cover_source=COVER_SOURCE,
                  cover_title=COVER_TITLE, cover_subtitle=COVER_SUBTITLE)


def _dimension_card(ds: Dataset, dim: dict, index: int, problems: list[str]) -> Card:
    def points(key: str, count: int | None = None) -> list[Point]:
        result = []
        for i, item in enumerate(dim[key][:count]):
            line = card_line(item)
            if line is None:
                first = _first_sentence(_plain(item["text"]))
                problems.append(f"Kaart {dim['number']} ({dim['title']}): {key}[{i}] heeft geen card_text en de "
                                f"eerste zin van text is te lang voor de kaart ({len(first)} tekens, hoogstens "
                                f"{CARD_TEXT_MAX}); voeg 'card_text:' toe met één regel uitleg ({_where(dim)})")
                line = ""
            result.append(Point(item["title"], line, f"{key}[{i}]"))
        return result

    url = ds.absolute_url(dim)
    return Card(
        number=dim["number"], id=dim["id"], title=dim["title"], url=url, look=printkit.look(index),
        version=ds.version, summary=dim["summary"], key_question=dim["key_question"],
        practices=points("good_practices"), challenges=points("challenges", CHALLENGES_PER_CARD),
        suggestions=points("suggestions"), question=dim["questions"][0], quotes=dim["quotes"],
        reading=[references.short_cite(ds.sources[tip["source"]]) for tip in dim["reading"]],
        qr_svg=printkit.qr_svg(url),
    )


def card_line(item: dict) -> str | None:
    """The item's one line for the cards: `card_text`, else the first sentence of `text` if that is short enough."""
    if item.get("card_text"):
        return item["card_text"]
    first = _first_sentence(_plain(item["text"]))
    return first if len(first) <= CARD_TEXT_MAX else None


_ABBREVIATIONS = ("e.a.", "bijv.", "o.a.", "d.w.z.", "m.a.w.", "enz.", "nr.", "ca.")


def _first_sentence(text: str) -> str:
    for match in re.finditer(r"[.!?](?=\s+[A-Z\u00C0-\u024F‘'\"(])", text):
        before = text[:match.end()]
        if not before.endswith(_ABBREVIATIONS):
            return before
    return text


def _plain(markdown: str) -> str:
    """Markdown as the words a reader sees: link texts, no emphasis marks or escapes."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)[*_]{1,2}", "", text))
    return " ".join(text.split())


def _where(dim: dict) -> str:
    return f"data/dimensions.yaml, dimensie '{dim['id']}'"


# --- Fit: every side as a list of parts (YAML field or "" for fixed parts, height in mm) ---------------------

Parts = list[tuple[str, float]]


def _h(layout: Layout, text: str, font: str, width: float) -> float:
    return height_mm(text, width, layout.fonts[font])


def _label(layout: Layout) -> tuple[str, float]:
    return "", layout.fonts["label"].line_mm + layout.sizes["label-gap"]


def _point(layout: Layout, point: Point, font: str = "item") -> tuple[str, float]:
    s, f = layout.sizes, layout.fonts
    runs = [(point.lead, f[f"{font}-lead"]), (point.line, f[font])]
    return point.path, runs_height_mm(runs, layout.inner_w - s["bullet-indent"]) + s["item-gap"]


def _head(layout: Layout, card: Card) -> Parts:
    s, w = layout.sizes, layout.inner_w
    return [("title", _h(layout, card.title, "title", w) + s["title-gap"]),
            ("summary", _h(layout, card.summary, "summary", w) + s["summary-gap"]),
            _label(layout),
            ("key_question", _h(layout, card.key_question, "question", w - s["key-rule"] - s["key-indent"])
             + s["section-gap"])]


def _quote(layout: Layout, quote: dict, path: str) -> Parts:
    s = layout.sizes
    width = layout.inner_w - s["quote-rule"] - s["quote-indent"]
    return [(path, _h(layout, f"‘{quote['text']}’", "quote", width) + s["item-gap"]
             + _h(layout, f"— {quote['attribution']}", "small", width) + s["section-gap"])]


def _team_question(layout: Layout, card: Card) -> Parts:
    s = layout.sizes
    width = layout.inner_w - s["key-rule"] - s["key-indent"]
    return [_label(layout), ("questions[0]", _h(layout, card.question, "team", width) + s["section-gap"])]


def _back_title(layout: Layout, card: Card) -> Parts:
    s = layout.sizes
    text = _h(layout, card.title, "back-title", layout.inner_w - s["mark"] - s["mark-gap"])
    return [("title", max(s["mark"], text) + s["title-gap"])]


def _points(layout: Layout, points: list[Point], font: str = "item") -> Parts:
    return [_label(layout)] + [_point(layout, p, font) for p in points] + [("", layout.sizes["section-gap"])]


def a6_front(card: Card) -> Parts:
    return _head(A6, card) + _points(A6, card.practices[:1], "practice")


def a6_back(card: Card) -> Parts:
    return (_back_title(A6, card) + _points(A6, card.challenges) + _points(A6, card.a6_suggestions)
            + _team_question(A6, card))


def _a5_front(card: Card, quote: dict | None) -> Parts:
    parts = _head(A5, card) + _team_question(A5, card) + _points(A5, card.practices, "practice")
    if quote:
        parts += _quote(A5, quote, f"quotes[{card.quotes.index(quote)}]")
    return parts


def a5_front(card: Card) -> Parts:
    return _a5_front(card, card.quote)


def a5_back(card: Card) -> Parts:
    s = A5.sizes
    reading = [(f"reading[{i}]", _h(A5, cite, "reading", A5.inner_w - s["bullet-indent"]) + s["item-gap"])
               for i, cite in enumerate(card.reading)]
    return _back_title(A5, card) + _points(A5, card.challenges) + _points(A5, card.suggestions) + [_label(A5)] + reading


def _fits(parts: Parts, layout: Layout, room: str) -> bool:
    return sum(h for _, h in parts) <= layout.sizes[room]


def fit_problems(card: Card, dim: dict) -> list[str]:
    """What overflows on this card, in both editions, naming the fields that take the most room."""
    full = set()
    sides = [(A6, "voorkant", a6_front(card), "front-flow"), (A6, "achterkant", a6_back(card), "back-flow"),
             (A5, "voorkant", a5_front(card), "front-flow"), (A5, "achterkant", a5_back(card), "back-flow")]
    problems = []
    for layout, side, parts, room in sides:
        used, space = sum(h for _, h in parts), layout.sizes[room]
        if used > space:
            full.add((layout.variant, side))
            problems.append(f"{card.name}, {layout.variant.upper()}: {side} te vol (naar schatting {used:.0f} mm "
                            f"tekst, {space:.0f} mm ruimte); maak korter wat de meeste ruimte neemt: "
                            f"{_largest(parts)} ({_where(dim)})")
    if card.quotes and card.quote is None and ("a5", "voorkant") not in full:
        shortest = min(sum(h for _, h in _a5_front(card, q)) for q in card.quotes)
        problems.append(f"{card.name}, A5: voorkant te vol, geen citaat past (met het kortste naar schatting "
                        f"{shortest:.0f} mm tekst, {A5.sizes['front-flow']:.0f} mm ruimte); zet een korter citaat "
                        f"in quotes of maak good_practices korter ({_where(dim)})")
    return problems


def _largest(parts: Parts) -> str:
    """The fields that take the most room, as editors find them: 'suggestions (7 punten, 64 mm)'."""
    groups: dict[str, list[float]] = {}
    for path, height in parts:
        if path:
            groups.setdefault(path.split("[")[0], []).append(height)
    top = sorted(groups.items(), key=lambda item: -sum(item[1]))[:3]
    return ", ".join(f"{key} ({len(h)} punten, {sum(h):.0f} mm)" if len(h) > 1 else f"{key} ({sum(h):.0f} mm)"
                     for key, h in top)


# --- The cover: the list of dimensions, flowed into columns and, when needed, onto more cover cards --------

def cover_cards(entries: list[Entry], layout: Layout, site_url: str, version: str) -> list[Cover]:
    """Cover cards for `entries`: one column if the list fits the first cover, else two, on as many cards as needed."""
    s, w = layout.sizes, layout.inner_w
    header = (_h(layout, COVER_TITLE, "title", w) + s["title-gap"] + _h(layout, COVER_SUBTITLE, "summary", w)
              + s["summary-gap"] + layout.fonts["label"].line_mm + s["label-gap"])
    label = layout.fonts["label"].line_mm + s["label-gap"]  # "De 40 dimensies (vervolg)" on every other side
    first_room, more_room, back_room = s["front-flow"] - header, s["front-flow"] - label, s["back-flow"] - label
    if sum(_entry_height(layout, e, w) for e in entries) <= first_room:
        columns, width = 1, w
    else:
        columns, width = 2, (w - s["column-gap"]) / 2
    boxes = _flow(entries, layout, width, [first_room] * columns, [more_room] * columns + [back_room] * columns)
    sides = [boxes[:columns]] + [boxes[i:i + columns] for i in range(columns, len(boxes), columns)]
    parts = [(sides[0], None)] + [(sides[i], sides[i + 1] if i + 1 < len(sides) else [])
                                  for i in range(1, len(sides), 2)]
    qr = printkit.qr_svg(site_url)
    return [Cover(n, len(parts), len(entries), front, back, site_url, version, printkit.all_looks(len(entries)), qr)
            for n, (front, back) in enumerate(parts, start=1)]


def _entry_height(layout: Layout, entry: Entry, width: float) -> float:
    s = layout.sizes
    text = _h(layout, entry.title, "item", width - s["mini-mark"] - s["mark-gap"])
    return max(s["mini-mark"], text) + s["item-gap"]


def _flow(entries: list[Entry], layout: Layout, width: float, first: list[float], repeat: list[float]) -> list[list]:
    """Fill boxes in turn (heights: `first`, then `repeat` over and over), then empty boxes up to a whole card side."""
    def room(box: int) -> float:
        return first[box] if box < len(first) else repeat[(box - len(first)) % len(repeat)]

    boxes: list[list[Entry]] = []
    box, used = [], 0.0
    for entry in entries:
        height = _entry_height(layout, entry, width)
        if box and used + height > room(len(boxes)):
            boxes.append(box)
            box, used = [], 0.0
        box.append(entry)
        used += height
    boxes.append(box)
    extra = max(0, len(boxes) - len(first))
    wanted = len(first) + math.ceil(extra / len(repeat)) * len(repeat)
    return boxes + [[] for _ in range(wanted - len(boxes))]
