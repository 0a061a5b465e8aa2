"""Read printed PDFs in tests with pypdfium2 (the one PDF library the tests use)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium


def page_texts(pdf: bytes | Path) -> list[str]:
    """The text of every page, whitespace collapsed so line breaks do not matter."""
    document = pdfium.PdfDocument(pdf)
    return [" ".join(page.get_textpage().get_text_range().split()) for page in document]


def page_sizes(pdf: bytes | Path) -> list[tuple[float, float]]:
    """Width and height of every page, in points."""
    return [tuple(page.get_size()) for page in pdfium.PdfDocument(pdf)]
