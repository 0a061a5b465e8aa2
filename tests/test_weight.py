"""Page weight budget: a dimension page with everything it loads, and our own JavaScript, gzipped."""

from __future__ import annotations

import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_BUDGET = 150 * 1024  # bytes, gzip, everything a dimension page loads
OWN_JS_BUDGET = 15 * 1024  # bytes, gzip, all JavaScript in docs/ and overrides/
OWN_JS_DIRS = ["docs", "overrides"]


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


def test_own_javascript_is_within_budget():
    scripts = [p for d in OWN_JS_DIRS for p in (ROOT / d).rglob("*.js")]
    total = sum(gzipped(p.read_bytes()) for p in scripts)
    assert total <= OWN_JS_BUDGET, f"{total / 1024:.1f} KB gzip > 15 KB: {[str(p) for p in scripts]}"
