"""axe-core finds no accessibility problem on any built page or page state, in light and dark colours.

axe-core comes from npm (pinned in package-lock.json; `make test` runs `npm ci`) and is injected into
Debian's Chromium. Every rule axe runs by default is checked, WCAG 2.1 AA included; none is switched off.
The pages and states are visited once for this test and the privacy test (tests/sweep.py).
"""

from __future__ import annotations

import json

import pytest
from conftest import require
from states import STATES, site_pages
from sweep import AXE, AXE_RUN, SCHEMES


@pytest.fixture(autouse=True)
def axe_installed() -> None:
    require(AXE.exists(), f"{AXE} is missing: `make test` runs `npm ci` when Node.js/npm is installed")


def describe(found: list[dict]) -> str:
    return json.dumps([{"rule": v["id"], "help": v["help"], "where": [n["target"] for n in v["nodes"]][:5]}
                       for v in found], indent=1, ensure_ascii=False)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_violations(page_sweep, site, scheme):
    paths = site_pages(site)
    assert len(paths) >= 20
    shown = {path: page_sweep.shown[path, scheme] for path in paths}  # dark really was Material's dark palette
    assert shown[""] == SCHEMES[scheme] and set(shown.values()) <= {SCHEMES[scheme], None}
    failures = {path: page_sweep.violations[path, scheme] for path in paths if page_sweep.violations[path, scheme]}
    assert not failures, "\n".join(f"{p} ({scheme}): {describe(v)}" for p, v in failures.items())


@pytest.mark.parametrize("name", STATES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_state_has_no_violations(state_sweep, scheme, name):
    assert state_sweep.shown[name, scheme] in (SCHEMES[scheme], None)  # dark really was Material's dark palette
    found = state_sweep.violations[name, scheme]
    assert not found, f"{name} ({scheme}): {describe(found)}"


def test_a_violation_is_caught(page):
    """The gate itself works, run as the sweep runs it: an image without a text alternative fails it."""
    page.set_content('<!doctype html><html lang="nl"><title>x</title><main><img src="foto.png"></main></html>')
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert "image-alt" in [violation["id"] for violation in page.evaluate(AXE_RUN)]
