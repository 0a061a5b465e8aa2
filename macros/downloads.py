"""Downloads the site offers: the offline edition, and the printed products as PDF files.

Both are made outside MkDocs (a zip, and Chromium printing pages of the built site), so a page offers them
only in a build that makes them: `make offline` for the zip, `make pdf` and `make offline` for the PDFs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from macros.render import render

OFFLINE_ZIP = "downloads/lerende-organisatie-offline.zip"
PDF_ENV = "PRINT_PDF"  # "1" in the builds after which macros/print_pdf.py writes the PDF files
PDF_DIR = "pdf"  # the PDF files' folder in the built site


@dataclass(frozen=True)
class Printable:
    """A printed product: which page prints it, and which choice on that page selects it."""

    key: str  # the file is pdf/<key>.pdf
    label: str  # the download link's text
    page: str  # the page's Markdown source, relative to docs/
    choice: str | None = None  # id of the radio button that selects it, on a page that prints more than one thing

    @property
    def path(self) -> str:
        return f"{PDF_DIR}/{self.key}.pdf"


PRINTABLES = [
    Printable("kaartenset-a6", "kaartenset A6 (vier kaarten per vel)", "kaartenset.md", "lo-size-a6"),
    Printable("kaartenset-a5", "kaartenset A5 (twee kaarten per vel)", "kaartenset.md", "lo-size-a5"),
    Printable("gesprekskaarten", "gesprekskaarten (acht per vel)", "gesprekskaarten.md"),
    Printable("zelfscan-formulier", "zelfscan, invulformulier (één vel, dubbelzijdig)", "zelfscan-op-papier.md",
              "lo-paper-form"),
    Printable("zelfscan-telblad", "zelfscan, telblad voor de begeleider", "zelfscan-op-papier.md",
              "lo-paper-tally"),
]
BY_KEY = {p.key: p for p in PRINTABLES}


def pdfs_made() -> bool:
    return os.environ.get(PDF_ENV) == "1"


def pdf_links(keys: list[str], page_url: str) -> list[dict]:
    """Link text and address (relative to the page) of each PDF, or none in a build that makes no PDF files."""
    if not pdfs_made():
        return []
    return [{"key": key, "label": BY_KEY[key].label, "href": get_relative_url(BY_KEY[key].path, page_url)}
            for key in keys]


def pdf_links_html(keys: list[str], page_url: str) -> str:
    """The download line a page shows above what it prints; empty without PDF files."""
    links = pdf_links(keys, page_url)
    return render("pdf_links.html.j2", links=links) if links else ""


def offline_download(docs_dir: Path, is_offline_edition: bool, version: str) -> str:
    """Markdown for the download: a link with its size, or how to make it, or a note inside the edition itself."""
    zip_file = Path(docs_dir) / OFFLINE_ZIP
    size_mb = zip_file.stat().st_size / 1_000_000 if zip_file.exists() and not is_offline_edition else None
    return render("offline_download.md.j2", href=OFFLINE_ZIP, size_mb=size_mb,
                  is_offline_edition=is_offline_edition, version=version)
