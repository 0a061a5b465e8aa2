"""Search finds the right card or tool for what leaders type: the test set of tests/search_queries.yaml in Chromium.

The figure and every miss: `make search-quality` (scripts/search_quality.py, which this test uses).
"""

from __future__ import annotations

import json

from macros import dataset
from scripts.search_quality import TARGET, hit_rate, load_queries, measure, report

MIN_QUERIES = 60


def test_the_test_set_is_large_and_names_real_pages(site):
    queries = load_queries()
    assert len(queries) >= MIN_QUERIES
    texts = [item["query"] for item in queries]
    assert len(set(texts)) == len(texts), "a query twice: the search box would not answer the second time"
    ids = {d["id"] for d in dataset.load()["dimensions"]}
    for item in queries:
        for page in item["expect"]:
            assert page in ids or (site / page / "index.html").exists(), f"{item['query']!r}: no page {page!r}"


def test_search_goes_through_the_worker_that_forgives_typos(site):
    """overrides/main.html swaps the theme's worker for ours; if the theme renames it, the swap silently fails."""
    page = (site / "index.html").read_text(encoding="utf-8")
    config = json.loads(page.split('<script id="__config" type="application/json">')[1].split("</script>")[0])
    worker, _, theirs = config["search"].partition("?material=")
    assert worker.endswith("workers/lo-search.js")
    assert (site / "assets" / "javascripts" / "workers" / theirs).exists()


def test_the_right_page_is_in_the_first_three_results_for_nine_in_ten_queries(page, served_site):
    ids = {d["id"] for d in dataset.load()["dimensions"]}
    outcomes = measure(page, served_site, load_queries(), ids)
    assert hit_rate(outcomes) >= TARGET, report(outcomes)
