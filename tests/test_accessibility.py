"""axe-core finds no accessibility problem on any built page or page state, in light and dark colours.

axe-core comes from npm (pinned in package-lock.json; `make test` runs `npm ci`) and is injected into
Debian's Chromium. Every rule axe runs by default is checked, WCAG 2.1 AA included; none is switched off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import require
from states import STATES, site_pages

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    require(AXE.exists(), f"{AXE} is missing: `make test` runs `npm ci` when Node.js/npm is installed")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(params=SCHEMES)
def scheme_page(request, browser, axe_source):
    """A page in one colour scheme with axe-core in every document it loads.

    Added once to the context rather than sent into each page: Chromium compiles it once, not once per page.
    """
    context = browser.new_context(locale="nl-NL", color_scheme=request.param)
    context.add_init_script(axe_source)
    page = context.new_page()
    page.scheme = request.param
    yield page
    context.close()


def violations(page) -> list[dict]:
    return page.evaluate("async () => (await axe.run(document)).violations")


def describe(found: list[dict]) -> str:
    return json.dumps([{"rule": v["id"], "help": v["help"], "where": [n["target"] for n in v["nodes"]][:5]}
                       for v in found], indent=1, ensure_ascii=False)


def test_every_page_has_no_violations(scheme_page, served_site, site):
    failures = {}
    for path in site_pages(site):
        scheme_page.goto(served_site + path)
        found = violations(scheme_page)
        if found:
            failures[path] = found
    assert not failures, "\n".join(f"{p} ({scheme_page.scheme}): {describe(v)}" for p, v in failures.items())


@pytest.mark.parametrize("name", STATES)
def test_every_state_has_no_violations(scheme_page, served_site, name):
    state = STATES[name]
    scheme_page.goto(served_site + state.path)
    state.act(scheme_page)
    found = violations(scheme_page)
    assert not found, f"{name} ({scheme_page.scheme}): {describe(found)}"


def test_dark_scheme_is_really_dark(scheme_page, served_site):
    """The dark run must check Material's dark palette, or it would only repeat the light one."""
    scheme_page.goto(served_site)
    expected = "slate" if scheme_page.scheme == "dark" else "default"
    assert scheme_page.get_attribute("body", "data-md-color-scheme") == expected
