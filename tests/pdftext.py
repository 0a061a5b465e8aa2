"""Read printed PDFs in tests with pypdfium2 (the one PDF library the tests use)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp


def page_texts(pdf: bytes | Path) -> list[str]:
    """The text of every page, whitespace collapsed so line breaks do not matter."""
    document = pdfium.PdfDocument(pdf)
    return [" ".join(page.get_textpage().get_text_range().split()) for page in document]


def page_sizes(pdf: bytes | Path) -> list[tuple[float, float]]:
    """Width and height of every page, in points."""
    return [tuple(page.get_size()) for page in pdfium.PdfDocument(pdf)]


def cell_texts(page, rows: int, cols: int) -> dict[tuple[int, int], str]:
    """The text of each cell of a sheet cut into rows x cols equal cards, by (row, column)."""
    width, height = page.get_width(), page.get_height()
    text = page.get_textpage()
    return {(r, c): text.get_text_bounded(c * width / cols, height - (r + 1) * height / rows,
                                          (c + 1) * width / cols, height - r * height / rows)
            for r in range(rows) for c in range(cols)}


def qr_codes(page, rows: int, cols: int) -> dict[tuple[int, int], str]:
    """Decoded QR codes per cell of a sheet of rows x cols cards, from the page rendered at 200 dpi."""
    bitmap = page.render(scale=200 / 72, grayscale=True)
    image = memoryview(bitmap.buffer).cast("B", (bitmap.height, bitmap.stride))
    found = {}
    for code in zxingcpp.read_barcodes(image):
        x, y = code.position.top_left.x, code.position.top_left.y
        cell = (int(y / bitmap.height * rows), int(x / bitmap.width * cols))
        assert cell not in found, f"two QR codes in cell {cell}"
        found[cell] = code.text
    return found
