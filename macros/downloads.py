"""The offline edition as a download: offered on the site only when `make offline` has made the zip."""

from __future__ import annotations

from pathlib import Path

from macros.render import render

OFFLINE_ZIP = "downloads/lerende-organisatie-offline.zip"


def offline_download(docs_dir: Path, is_offline_edition: bool, version: str) -> str:
    """Markdown for the download: a link with its size, or how to make it, or a note inside the edition itself."""
    zip_file = Path(docs_dir) / OFFLINE_ZIP
    size_mb = zip_file.stat().st_size / 1_000_000 if zip_file.exists() and not is_offline_edition else None
    return render("offline_download.md.j2", href=OFFLINE_ZIP, size_mb=size_mb,
                  is_offline_edition=is_offline_edition, version=version)
