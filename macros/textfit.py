"""Estimate how many lines a text needs in a box, so the build can refuse a card that would overflow.

MkDocs cannot measure layout, so we wrap words the way a browser does, using the advance widths of
Helvetica (Adobe's Core 14 metrics). Arial and Liberation Sans, which the card CSS asks for first, share
these widths. The estimate errs on the safe side: it breaks lines only at spaces (a browser may also break
after a hyphen), ignores kerning (which only narrows text), and adds a small margin to every width.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MM_PER_PT = 25.4 / 72
SAFETY = 1.03  # every width counted 3% wider than the font says
UNKNOWN = 1000  # a character we have no width for counts as a full em

_ASCII = "".join(chr(c) for c in range(32, 127))
# Widths in 1/1000 em of the characters space (32) to tilde (126), from the Helvetica AFM files.
_REGULAR = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]
_BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
]
# Typographic punctuation used in Dutch text: (regular, bold).
_EXTRA = {"‘": (222, 278), "’": (222, 278), "“": (333, 500), "”": (333, 500), "–": (556, 556),
          "—": (1000, 1000), "…": (1000, 1000), "·": (278, 278), "\u00a0": (278, 278)}
_WIDTHS = {
    False: dict(zip(_ASCII, _REGULAR, strict=True)) | {k: v[0] for k, v in _EXTRA.items()},
    True: dict(zip(_ASCII, _BOLD, strict=True)) | {k: v[1] for k, v in _EXTRA.items()},
}


@dataclass(frozen=True)
class Font:
    """A text style on the card: size in points, line height as a factor, bold or not (italic is as wide)."""

    size_pt: float
    line_height: float
    bold: bool = False

    @property
    def line_mm(self) -> float:
        return self.size_pt * self.line_height * MM_PER_PT

    def css(self) -> str:
        weight = 700 if self.bold else 400
        return f"{weight} {self.size_pt}pt/{self.line_height} var(--lo-card-font)"


def text_width_mm(text: str, font: Font) -> float:
    widths = _WIDTHS[font.bold]
    units = sum(_width(ch, widths) for ch in text)
    return units / 1000 * font.size_pt * MM_PER_PT * SAFETY


def lines_needed(text: str, width_mm: float, font: Font) -> int:
    """Lines the text takes when wrapped at spaces into a box `width_mm` wide (long words are split)."""
    return runs_lines_needed([(text, font)], width_mm)


def runs_lines_needed(runs: list[tuple[str, Font]], width_mm: float) -> int:
    """Lines a paragraph of runs takes, each run in its own font (a bold lead-in, then plain text)."""
    words = [(word, font) for text, font in runs for word in text.split()]
    lines, used = 1, 0.0
    for word, font in words:
        space = text_width_mm(" ", font)
        word_width = text_width_mm(word, font)
        if used and used + space + word_width <= width_mm:
            used += space + word_width
            continue
        if used:
            lines += 1
        while word_width > width_mm:  # CSS `overflow-wrap: anywhere` splits a word longer than the line
            lines += 1
            word_width -= width_mm
        used = word_width
    return lines


def height_mm(text: str, width_mm: float, font: Font) -> float:
    return lines_needed(text, width_mm, font) * font.line_mm


def runs_height_mm(runs: list[tuple[str, Font]], width_mm: float) -> float:
    """Height of a paragraph of runs; the runs share a size and line height, so the first run's lines count."""
    return runs_lines_needed(runs, width_mm) * runs[0][1].line_mm


def _width(ch: str, widths: dict) -> int:
    if ch in widths:
        return widths[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    if base in widths:  # an accented letter: as wide as its base letter, an accented i as wide as f (ï)
        return max(widths[base], widths["f"])
    return UNKNOWN
