"""No page asks anything of another server: every request stays on 127.0.0.1, where the test serves the site.

The pages and states are visited once for this test and the accessibility test (tests/sweep.py).
"""

from __future__ import annotations

from sweep import outside_requests


def test_no_page_sends_a_request_elsewhere(page_sweep):
    """Every built page, in light and dark colours, until the network is quiet."""
    assert page_sweep.leaving == []


def test_no_state_sends_a_request_elsewhere(state_sweep):
    """Every state of tests/states.py, each in a fresh browser profile of its own."""
    assert state_sweep.leaving == []


def test_a_request_elsewhere_is_caught(page, served_site):
    """The gate itself works: a page that fetches from another host fails it."""
    leaving = outside_requests(page)
    page.goto(served_site)
    page.evaluate("() => fetch('https://example.org/teller.js').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert leaving == ["https://example.org/teller.js"]
