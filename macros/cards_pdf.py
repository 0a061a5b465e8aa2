"""`make cards`: print the card deck of a built site to PDF files with Chromium, next to its page.

Run after a build with KAARTENSET_PDF=1 (the page then links to the files written here):
    python -m macros.cards_pdf site
Chromium: /usr/bin/chromium (Debian) or the path in CHROMIUM_PATH.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros import cards, chromium

PAGE_DIR = "kaartenset"


def print_deck(page, variant: str, path: Path) -> None:
    """Print the deck shown in `page` (a Playwright page on the Kaartenset page) as the user would."""
    page.check(f"#lo-size-{variant}")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    page_file = site / PAGE_DIR / "index.html"
    if not page_file.exists():
        print(f"{page_file} ontbreekt: bouw eerst de site (make cards doet dat)", file=sys.stderr)
        return 1
    if not chromium.PATH.exists():
        print(f"Chromium ontbreekt op {chromium.PATH}: installeer het (apt-get install chromium) "
              "of geef het pad in CHROMIUM_PATH", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        page = browser.new_page()
        page.goto(page_file.resolve().as_uri())
        for variant in cards.SHEET_GRID:
            target = site / PAGE_DIR / cards.pdf_name(variant)
            print_deck(page, variant, target)
            print(f"geschreven: {target}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
