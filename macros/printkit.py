"""What every printed product shares: a dimension's colour and pattern, QR codes, duplex sheets, layout sizes.

The card deck, the dialogue cards and the paper self-check all print from the same dimensions, so a dimension
looks the same on each (colour, pattern, number), and every sheet of cards is laid out the same way.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

import zxingcpp

from macros.textfit import Font

COLOURS = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b", "#6d4c41", "#c0ca33"]
PATTERNS = ["diagonal", "dots", "horizontal", "backslash", "vertical", "grid", "cross", "zigzag"]


@dataclass(frozen=True)
class Look:
    """How a dimension is recognised on paper: its colour, and a pattern for black-and-white printers."""

    colour: str
    pattern: str


def look(index: int) -> Look:
    """The look of the dimension at this place in number order; after eight the looks repeat (numbers tell apart)."""
    return Look(COLOURS[index % len(COLOURS)], PATTERNS[index % len(PATTERNS)])


def all_looks(count: int) -> list[Look]:
    """The distinct looks of `count` dimensions: the cover's band shows each once."""
    return [look(i) for i in range(min(count, len(COLOURS)))]


QUIET_ZONE = 4  # modules of white around a QR code, as the standard asks


@functools.cache
def qr_svg(url: str) -> str:
    """An inline SVG QR code (error correction M), one filled rectangle per run of dark modules.

    zxing-cpp makes it with Zint, which picks the mask the QR standard prescribes, in C; the tests read every code
    back with the same library. Cached, because many cards point at the same page.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # one byte per module, 0 is dark
    width, modules = image.shape[1], image.tobytes()
    rows = [modules[start:start + width] for start in range(0, len(modules), width)]
    runs = "".join(f"M{QUIET_ZONE + dark.start()} {QUIET_ZONE + y}h{len(dark.group())}v1h-{len(dark.group())}z"
                   for y, row in enumerate(rows) for dark in re.finditer(rb"\x00+", row))
    size = width + 2 * QUIET_ZONE
    return (f'<svg viewBox="0 0 {size} {size}" class="lo-qr" shape-rendering="crispEdges"><title>QR-code: '
            f'{html.escape(url)}</title><rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path fill="#000" d="{runs}"/></svg>')


def duplex_sheets(items: list, rows: int, cols: int) -> list[dict]:
    """Items per A4 sheet: fronts in reading order, backs with each row mirrored.

    Printed double-sided and turned like a book page, left and right swap, so the back of the item at the
    left lands at the right. Empty places are None.
    """
    per_sheet = rows * cols
    result = []
    for start in range(0, len(items), per_sheet):
        chunk = list(items[start:start + per_sheet])
        chunk += [None] * (per_sheet - len(chunk))
        backs = [item for r in range(rows) for item in reversed(chunk[r * cols:(r + 1) * cols])]
        result.append({"fronts": chunk, "backs": backs})
    return result


def css_variables(sizes: dict[str, float], fonts: dict[str, Font]) -> str:
    """Layout sizes as CSS custom properties, so the stylesheet and the fit check cannot disagree."""
    parts = [f"--lo-{name}: {value:g}mm" for name, value in sizes.items()]
    parts += [f"--lo-font-{name}: {font.css()}" for name, font in fonts.items()]
    return "; ".join(parts)
