"""The shared browser layer (docs/assets/js/lo-*.js) in Chromium: what node cannot check without a page.

The pure functions are tested under node (tests/js/); here: the element builder, the live region that
re-announces, and dates in the user's time zone in both tools' files.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

# 23:30 UTC on 15 March is 00:30 on 16 March in the Netherlands: a file made then is named after the 16th.
AFTER_MIDNIGHT_IN_AMSTERDAM = datetime(2026, 3, 15, 23, 30, tzinfo=UTC)


def test_element_builder_puts_strings_in_as_text(page, served_site):
    page.goto(served_site + "zelfscan/")
    html = page.evaluate("""() => LoDom.el("p", {class: "x", title: null},
                                            ["<b>vet</b>", null, LoDom.el("i", {}, ["ok"])]).outerHTML""")
    assert html == '<p class="x">&lt;b&gt;vet&lt;/b&gt;<i>ok</i></p>'
    assert page.evaluate("() => LoDom.svg('circle', {r: 3}).namespaceURI") == "http://www.w3.org/2000/svg"


def test_live_region_announces_the_same_message_again(page, served_site):
    page.goto(served_site + "zelfscan/")
    texts = page.evaluate("""() => new Promise((resolve) => {
        const region = document.getElementById("zs-status");
        const seen = [];
        new MutationObserver(() => seen.push(region.textContent))
            .observe(region, {childList: true, characterData: true, subtree: true});
        LoDom.announce(region, "Bewaard.");
        setTimeout(() => LoDom.announce(region, "Bewaard."), 20);
        setTimeout(() => resolve(seen), 400);
    })""")
    # A screen reader reads a live region when its text changes: emptied first, the same message changes it again.
    assert texts == ["Bewaard.", "", "Bewaard."]
    assert page.evaluate("""() => { const r = document.getElementById("zs-status");
        LoDom.announce(r, "Mis", true); return r.classList.contains("lo-error"); }""")


def test_exports_made_after_midnight_in_the_netherlands_are_named_today(browser, served_site):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.clock.set_fixed_time(AFTER_MIDNIGHT_IN_AMSTERDAM)
    page.goto(served_site + "zelfscan/")
    page.wait_for_selector(".lo-zs-toolbar:not([hidden])")
    page.check(".lo-zs-statement input[value='3']")
    for kind in ("json", "csv"):
        with page.expect_download() as download:
            page.click(f"button[data-action=export-{kind}]")
        assert download.value.suggested_filename == f"zelfscan-2026-03-16.{kind}"

    page.goto(served_site + "feedback-vragen/")
    page.wait_for_selector("#lo-fb-log:not([hidden])")
    assert page.input_value("#lo-fb-log-date") == "2026-03-16"
    page.fill("#lo-fb-log-who", "Sam")
    page.click("#lo-fb-log-save")
    with page.expect_download() as download:
        page.click("#lo-fb-export")
    assert download.value.suggested_filename == "feedback-logboek-2026-03-16.json"
    assert json.loads(open(download.value.path(), encoding="utf-8").read())["entries"][0]["date"] == "2026-03-16"
    context.close()
