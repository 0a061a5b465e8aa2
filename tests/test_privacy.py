"""No page asks anything of another server: every request stays on 127.0.0.1, where the test serves the site."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from states import STATES, site_pages

LOCAL = {"127.0.0.1"}
BROWSER_ONLY = {"data", "blob", "about"}  # made inside the browser, never sent anywhere
# Only requests this pattern matches reach `check` (Playwright matches it inside the browser's driver): the site's
# own files load without a stop in Python, which made this sweep slow. `check` still decides on every request.
MAYBE_OUTSIDE = re.compile(r"^(?!(?:data|blob|about):|https?://127\.0\.0\.1[:/])")


def outside_requests(page) -> list[str]:
    """Start recording on a page or a whole context; the returned list fills with every request that leaves this
    machine (and is stopped)."""
    leaving: list[str] = []

    def check(route):
        url = urlparse(route.request.url)
        if url.scheme in BROWSER_ONLY or url.hostname in LOCAL:
            route.continue_()
        else:
            leaving.append(route.request.url)
            route.abort()

    page.route(MAYBE_OUTSIDE, check)
    return leaving


def test_no_page_or_state_sends_a_request_elsewhere(browser, served_site, site):
    """Every page in a tab of its own, then every state in a fresh browser profile of its own (a state may change
    the stored answers the next one starts from); the tabs wait for the network to go quiet together, not in turn."""
    leaving, tabs = [], []
    pages = browser.new_context(locale="nl-NL")
    leaving.append(outside_requests(pages))
    for path in site_pages(site):
        tab = pages.new_page()
        tab.goto(served_site + path, wait_until="commit")
        tabs.append(tab)
    for state in STATES.values():
        context = browser.new_context(locale="nl-NL")
        leaving.append(outside_requests(context))
        tab = context.new_page()
        tab.goto(served_site + state.path)
        state.act(tab)
        tabs.append(tab)
    for tab in tabs:
        tab.wait_for_load_state("load")
        tab.wait_for_load_state("networkidle")
    for tab in tabs:
        tab.context.close() if tab.context is not pages else tab.close()
    pages.close()
    assert [url for found in leaving for url in found] == []


def test_a_request_elsewhere_is_caught(page, served_site):
    """The gate itself works: a page that fetches from another host fails it."""
    leaving = outside_requests(page)
    page.goto(served_site)
    page.evaluate("() => fetch('https://example.org/teller.js').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert leaving == ["https://example.org/teller.js"]
