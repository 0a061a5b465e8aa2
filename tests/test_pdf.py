"""`make pdf`: every printed product becomes a PDF file that the page printing it links to."""

from __future__ import annotations

import subprocess
import sys

import pypdfium2 as pdfium
from conftest import ROOT, make_build
from htmlpage import read
from mkdocs.utils import get_relative_url

from macros import downloads, print_pdf


def test_make_pdf_writes_every_pdf_the_pages_link_to(project, browser):
    """`make pdf`; `browser` only skips the test where Chromium is missing (and fails it in CI)."""
    result = make_build(project, target="pdf")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for source in {p.page for p in downloads.PRINTABLES}:
        page_url = source.removesuffix(".md") + "/"
        page = read(print_pdf.page_file(site, source))
        links = [a["href"] for a in page.all("a") if a.get("href", "").endswith(".pdf")]
        expected = [get_relative_url(p.path, page_url) for p in downloads.PRINTABLES if p.page == source]
        assert links == expected, source
    for printable in downloads.PRINTABLES:
        assert len(pdfium.PdfDocument(site / printable.path)) >= 1, printable.key
    plans = site / "werkvormen" / "index.html"  # the session plans link to what they print
    pdf_links = [a["href"] for a in read(plans).all("a") if a.get("href", "").endswith(".pdf")]
    assert pdf_links and all((plans.parent / href).resolve().exists() for href in pdf_links)
    assert not list(project.glob("site.partial-*"))  # printed inside the build, which then took its place


def test_print_pdf_names_what_is_missing(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros.print_pdf", str(tmp_path)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert "kaartenset.html" in result.stderr and "ontbreekt: bouw eerst de site" in result.stderr
