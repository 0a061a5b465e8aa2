"""Every built page and page state visited once in Chromium, for both the privacy and the accessibility tests.

A visit checks the page with axe-core in light colours, switches to dark as Material's colour toggle does and checks
it again, then waits until the network is quiet. In dark only the colours change, so there axe runs its colour rules;
all its rules run once in dark too, on the home page, for the parts Material shows only in dark (its other toggle).
A gate on the browser context records every request that would leave this machine. One visit serving both tests and
both colour schemes replaces three page loads (light, dark, privacy) of every page and state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from reused_context import ReusedContext
from states import STATES, UNTIL_STILL, site_pages

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme
# Every rule axe runs by default; only violations are reported in full (passes and the rest by one example each),
# which spares axe much of its work and changes nothing in what it finds.
AXE_RUN = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
# axe's colour rules ("cat.color") that it runs by default (color-contrast-enhanced is AAA and off): half the work.
AXE_COLOUR_RUN = AXE_RUN.replace("{resultTypes", "{runOnly: ['color-contrast', 'link-in-text-block'], resultTypes")
LOCAL = {"127.0.0.1"}
BROWSER_ONLY = {"data", "blob", "about"}  # made inside the browser, never sent anywhere
# Only requests this pattern matches reach `check` (Playwright matches it inside the browser's driver): the site's
# own files load without a stop in Python, which made the sweep slow. `check` still decides on every request.
MAYBE_OUTSIDE = re.compile(r"^(?!(?:data|blob|about):|https?://127\.0\.0\.1[:/])")


@dataclass
class Findings:
    leaving: list[str] = field(default_factory=list)  # requests to another host, from any visit
    violations: dict[tuple[str, str], list[dict]] = field(default_factory=dict)  # (where, scheme): axe-core's
    shown: dict[tuple[str, str], str] = field(default_factory=dict)  # (where, scheme): Material's scheme then


def outside_requests(page, leaving: list[str] | None = None) -> list[str]:
    """Start recording on a page or a whole context: every request that would leave this machine is stopped and
    added to `leaving` (a new list unless given), which is returned."""
    leaving = [] if leaving is None else leaving

    def check(route):
        url = urlparse(route.request.url)
        if url.scheme in BROWSER_ONLY or url.hostname in LOCAL:
            route.continue_()
        else:
            leaving.append(route.request.url)
            route.abort()

    page.route(MAYBE_OUTSIDE, check)
    return leaving


def show_scheme(page, scheme: str) -> str | None:
    """Show the page in `scheme` ("light" or "dark") as a user who picks it does; return Material's scheme then,
    or None on a page without Material's colour toggle (the projector view, which is light only).

    The browser's preference changes too, and the toggle's radio button is clicked, as its label does; then the
    page is given time to finish switching and every transition to end (UNTIL_STILL in tests/states.py).
    """
    page.emulate_media(color_scheme=scheme)
    return page.evaluate(f"""async scheme => {{
        const option = document.querySelector(`input.md-option[data-md-color-scheme="${{scheme}}"]`);
        if (!option) return null;
        if (!option.checked) option.click();
        await ({UNTIL_STILL})();
        return document.body.getAttribute("data-md-color-scheme");
    }}""", SCHEMES[scheme])


def check(page, where: str, findings: Findings, axe: bool, all_rules_in_dark: bool = False) -> None:
    """Check what `page` shows now in both schemes, then wait until the network is quiet."""
    for scheme in SCHEMES:
        findings.shown[where, scheme] = show_scheme(page, scheme)
        if axe:
            colour_only = scheme == "dark" and not all_rules_in_dark
            findings.violations[where, scheme] = page.evaluate(AXE_COLOUR_RUN if colour_only else AXE_RUN)
    page.wait_for_load_state("networkidle")


def behind_the_gate(context, findings: Findings, axe_source: str | None):
    """`context` behind the gate, with axe-core added once: Chromium compiles it once, not per page."""
    outside_requests(context, findings.leaving)
    if axe_source is not None:
        context.add_init_script(axe_source)
    return context


def sweep_pages(browser, base_url: str, site: Path, axe_source: str | None) -> Findings:
    """Every built page, one after another in one tab."""
    findings = Findings()
    context = behind_the_gate(browser.new_context(locale="nl-NL", color_scheme="light"), findings, axe_source)
    page = context.new_page()
    for path in site_pages(site):
        page.goto(base_url + path)
        check(page, path, findings, axe_source is not None, all_rules_in_dark=path == "")
    context.close()
    return findings


def sweep_states(browser, base_url: str, axe_source: str | None) -> Findings:
    """Every state of tests/states.py, each in a profile as good as new: a state may change the stored answers."""
    findings = Findings()
    reused = ReusedContext(browser, locale="nl-NL", color_scheme="light")
    behind_the_gate(reused.context, findings, axe_source)
    for name, state in STATES.items():
        page = reused.context.new_page()
        page.goto(base_url + state.path)
        state.act(page)
        check(page, name, findings, axe_source is not None)
        reused.empty()
    reused.context.close()
    return findings


def axe_source() -> str | None:
    """axe-core from npm (pinned in package-lock.json; `make test` runs `npm ci`), None where it is missing."""
    return AXE.read_text(encoding="utf-8") if AXE.exists() else None
