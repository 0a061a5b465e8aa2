"""`make pdf`: every printed product becomes a PDF file that the page printing it links to."""

from __future__ import annotations

import subprocess
import sys

import pypdfium2 as pdfium
from conftest import ROOT, build
from htmlpage import read
from mkdocs.utils import get_relative_url

from macros import downloads, print_pdf


def test_make_pdf_writes_every_pdf_the_pages_link_to(project, tmp_path, browser, monkeypatch):
    """The two steps of `make pdf`; `browser` only skips the test where Chromium is missing."""
    monkeypatch.setenv(downloads.PDF_ENV, "1")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    for source in {p.page for p in downloads.PRINTABLES}:
        page_url = source.removesuffix(".md") + "/"
        links = [a["href"] for a in read(print_pdf.page_file(site, source)).all("a") if a.get("href", "").endswith(".pdf")]
        expected = [get_relative_url(p.path, page_url) for p in downloads.PRINTABLES if p.page == source]
        assert links == expected, source
    printed = subprocess.run([sys.executable, "-m", "macros.print_pdf", str(site)], cwd=ROOT, capture_output=True,
                             text=True)
    assert printed.returncode == 0, printed.stderr
    for printable in downloads.PRINTABLES:
        assert len(pdfium.PdfDocument(site / printable.path)) >= 1, printable.key
    plans = site / "werkvormen" / "index.html"  # the session plans link to what they print
    pdf_links = [a["href"] for a in read(plans).all("a") if a.get("href", "").endswith(".pdf")]
    assert pdf_links and all((plans.parent / href).resolve().exists() for href in pdf_links)


def test_print_pdf_names_what_is_missing(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros.print_pdf", str(tmp_path)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert "kaartenset.html" in result.stderr and "ontbreekt: bouw eerst de site" in result.stderr
