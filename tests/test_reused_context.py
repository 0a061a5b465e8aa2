"""The browser context the tests share is as good as new for every test (tests/reused_context.py)."""

from __future__ import annotations

CLIPBOARD = "async () => (await navigator.permissions.query({name: 'clipboard-read'})).state"
STORED = "() => [localStorage.getItem('lo-test'), document.cookie]"  # Material stores its own things too


def test_what_a_test_stored_or_was_allowed_is_gone_for_the_next(browser_context, served_site, tmp_path):
    local_file = tmp_path / "index.html"
    local_file.write_text("<title>x</title>")
    urls = [served_site, local_file.as_uri()]
    context = browser_context.context
    for url in urls:  # each in its own tab
        page = context.new_page()
        page.goto(url)
        page.evaluate("() => { localStorage.setItem('lo-test', '1'); document.cookie = 'lo-test=1'; }")
        assert page.evaluate(STORED) != [None, ""]
    context.grant_permissions(["clipboard-read"], origin="/".join(served_site.split("/")[:3]))
    assert context.pages[1].evaluate(CLIPBOARD) == "granted"

    browser_context.empty()
    assert context.pages == [browser_context.keeper]  # both tabs are closed
    page = context.new_page()
    for url in urls:
        page.goto(url)
        assert page.evaluate(STORED) == [None, ""], url
    page.goto(served_site)
    assert page.evaluate(CLIPBOARD) != "granted"
    browser_context.empty()
