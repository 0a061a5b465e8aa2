"""Dutch search in the browser: inflected words a leader types find the right dimension."""

from __future__ import annotations

import edited
import pytest
from conftest import serve

QUERIES = {
    "teams": "teamleren-en-samenwerking",
    "feedbackcultuur": "feedbackprocessen",
    "visies": "gedragen-visie",
    "samenwerkingen": "samenwerking-met-partners",
    "leiders": "gespreid-leiderschap",
}


def search(page, base_url: str, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links, best first."""
    page.goto(base_url)
    page.keyboard.press("/")  # Material's shortcut to open the search dialog
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


@pytest.mark.parametrize("query, dimension", QUERIES.items())
def test_inflected_query_finds_the_dimension_first(page, served_site, query, dimension):
    results = search(page, served_site, query)
    assert results, f"no result for '{query}'"
    assert f"/dimensies/{dimension}/" in results[0], f"'{query}' ranks {results[:3]}"


def test_search_interface_is_dutch(page, served_site):
    page.goto(served_site)
    placeholder = page.get_attribute("input[data-md-component='search-query']", "placeholder")
    assert placeholder == "Zoeken"


def test_a_tag_with_markup_is_shown_as_text_in_search_results_and_never_runs(edited_site, page):
    """Material draws tags into search results with innerHTML: a tag must reach the index escaped."""
    hostile = edited.HOSTILE_TAG  # a tag of the first dimension
    dim = edited.DATA["dimensions"][0]
    assert hostile in dim["tags"]
    assert (edited_site / "search" / "search_index.json").read_text(encoding="utf-8").count("<img") == 0

    with serve(edited_site) as base_url:
        results = search(page, base_url, dim["title"].split()[0])
        assert any(f"/dimensies/{dim['id']}/" in link for link in results)
        tags = page.locator(".md-search-result .md-tag").all_inner_texts()
        assert hostile in tags  # shown as the text it is, not made into an element
        assert page.locator(".md-search-result img").count() == 0
        assert page.evaluate("window.__pwned") is None
