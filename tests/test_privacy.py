"""No page asks anything of another server: every request stays on 127.0.0.1, where the test serves the site."""

from __future__ import annotations

from urllib.parse import urlparse

from states import STATES, site_pages

LOCAL = {"127.0.0.1"}
BROWSER_ONLY = {"data", "blob", "about"}  # made inside the browser, never sent anywhere


def outside_requests(page) -> list[str]:
    """Start recording; the returned list fills with every request that leaves this machine (and is stopped)."""
    leaving: list[str] = []

    def check(route):
        url = urlparse(route.request.url)
        if url.scheme in BROWSER_ONLY or url.hostname in LOCAL:
            route.continue_()
        else:
            leaving.append(route.request.url)
            route.abort()

    page.route("**/*", check)
    return leaving


def test_no_page_or_state_sends_a_request_elsewhere(page, served_site, site):
    leaving = outside_requests(page)
    for path in site_pages(site):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    for state in STATES.values():
        page.goto(served_site + state.path)
        state.act(page)
        page.wait_for_load_state("networkidle")
    assert leaving == []


def test_a_request_elsewhere_is_caught(page, served_site):
    """The gate itself works: a page that fetches from another host fails it."""
    leaving = outside_requests(page)
    page.goto(served_site)
    page.evaluate("() => fetch('https://example.org/teller.js').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert leaving == ["https://example.org/teller.js"]
