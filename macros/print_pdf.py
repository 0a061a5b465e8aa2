"""`make pdf` and `make offline`: print every printed product of a built site to PDF with Chromium, as a user would.

Run after a build with PRINT_PDF=1 (the pages then link to the files written here):
    python -m macros.print_pdf site
The files land in <site>/pdf/. Chromium: /usr/bin/chromium (Debian) or the path in CHROMIUM_PATH.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros import chromium, downloads


def page_file(site: Path, source: str) -> Path:
    """The built page of a Markdown source, with directory URLs (kaartenset/index.html) or without (kaartenset.html)."""
    stem = source.removesuffix(".md")
    with_directory = site / stem / "index.html"
    return with_directory if with_directory.exists() else site / f"{stem}.html"


def print_printable(page, printable: downloads.Printable, path: Path) -> None:
    """Print what `printable` names from `page` (a Playwright page showing its page), choosing it first if need be."""
    if printable.choice:
        page.check(f"#{printable.choice}")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    missing = [str(page_file(site, p.page)) for p in downloads.PRINTABLES if not page_file(site, p.page).exists()]
    if missing:
        print(f"{', '.join(sorted(set(missing)))} ontbreekt: bouw eerst de site (make pdf doet dat)", file=sys.stderr)
        return 1
    if not chromium.PATH.exists():
        print(f"Chromium ontbreekt op {chromium.PATH}: installeer het (apt-get install chromium) "
              "of geef het pad in CHROMIUM_PATH", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    (site / downloads.PDF_DIR).mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        page = browser.new_page()
        for printable in downloads.PRINTABLES:
            page.goto(page_file(site, printable.page).resolve().as_uri())
            target = site / printable.path
            print_printable(page, printable, target)
            print(f"geschreven: {target}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
