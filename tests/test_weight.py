"""Page weight budget: a dimension page with everything it loads, and our own JavaScript, gzipped."""

from __future__ import annotations

import gzip
import re

PAGE_BUDGET = 150 * 1024  # bytes, gzip, everything a dimension page loads
OWN_JS_BUDGET = 15 * 1024  # bytes, gzip, our own JavaScript that one page loads
# The self-check also holds the team view (codes, paper forms, team result); what one button needs (the QR
# encoder, the CSV reader) loads when pressed and is not counted here.
PAGE_JS_BUDGETS = {"zelfscan/index.html": 26 * 1024}


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # a web server's usual level


def loaded_bytes(page, url: str) -> dict[str, int]:
    """Load a page as a browser does, search index included; gzip size of every response by URL."""
    sizes: dict[str, int] = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, gzipped(response.body())))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return sizes


def test_dimension_page_with_all_it_loads_is_within_budget(page, served_site):
    sizes = loaded_bytes(page, served_site + "dimensies/feedbackprocessen/")
    assert any("search_index" in u for u in sizes), "the search index should be part of what is weighed"
    total = sum(sizes.values())
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert total <= PAGE_BUDGET, f"{total / 1024:.1f} KB gzip > {PAGE_BUDGET / 1024:.0f} KB; largest: {largest}"


def test_own_javascript_of_every_page_is_within_budget(site):
    """Our own scripts (assets/js/) that a page loads; the tools load theirs only on their own page."""
    heaviest = 0
    over = []
    pages = set()
    for html_file in site.rglob("*.html"):
        page = html_file.relative_to(site).as_posix()
        pages.add(page)
        sources = re.findall(r'<script src="([^"]*assets/js/[^"]+)"', html_file.read_text(encoding="utf-8"))
        total = sum(gzipped((html_file.parent / src).resolve().read_bytes()) for src in sources)
        heaviest = max(heaviest, total)
        budget = PAGE_JS_BUDGETS.get(page, OWN_JS_BUDGET)
        if total > budget:
            over.append(f"{page}: {total / 1024:.1f} KB gzip > {budget / 1024:.0f} KB")
    assert heaviest > 0, "no page loads our own JavaScript: the check would not notice growth"
    assert not over, "; ".join(over)
    assert set(PAGE_JS_BUDGETS) <= pages, "a page with its own budget no longer exists: remove its entry"
