"""Page states the browser gates check beyond a plain page load.

Every built page is already checked as loaded. A state here is a page plus what a user does on it
(open a dialog, fill in a form), so parts that only appear after an action are checked too.
Add a state when a page gets such a part: a name, the page's path and a function doing the action
(end it with `settle(page)`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Page


@dataclass(frozen=True)
class State:
    path: str  # relative to the site root, e.g. "dimensies/feedbackprocessen/"
    act: Callable[[Page], None]


# A script that waits until Material's colour switch and every CSS transition and animation have ended (at most
# 10 s); a test may call it inside its own `page.evaluate`, to wait and read the page in one call.
UNTIL_STILL = """async () => {
    const end = performance.now() + 10000;
    while (document.body.hasAttribute("data-md-color-switching")
           || document.getAnimations().some(a => a.playState === "running")) {
        if (performance.now() > end) throw new Error("still moving after 10 s");
        await new Promise(requestAnimationFrame);
    }
}"""


def settle(page: Page) -> None:
    """Wait until every CSS transition and animation has ended: a colour half-way is not what a user reads."""
    page.evaluate(UNTIL_STILL)


def open_search(query: str) -> Callable[[Page], None]:
    """Type a query into Material's search dialog and wait until its results show."""

    def act(page: Page) -> None:
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_selector(".md-search-result__item")
        settle(page)

    return act


def fill_in_self_check(page: Page) -> None:
    """Answer every statement, so the result, chart, table and next steps show; tick a suggestion into the plan."""
    page.wait_for_selector(".lo-zs-toolbar:not([hidden])")
    for index, group in enumerate(page.locator(".lo-zs-statement").all()):
        group.locator(f'input[type=radio][value="{index % 5 + 1}"]').check()
    page.locator("#zs-next fieldset input[type=checkbox]").first.check()
    page.click("button[data-action=to-plan]")
    settle(page)


def build_feedback_request(page: Page) -> None:
    """Compose a request card and keep a note in the private log."""
    page.fill("#lo-fb-goal", "mensen meer ruimte geven")
    page.locator("#lo-fb-situation").select_option(index=1)
    page.locator("#lo-fb-builder .lo-fb-questions:visible input").first.check()
    page.fill("#lo-fb-log-who", "Sam")
    page.fill("#lo-fb-log-learned", "Ik geef te snel antwoord.")
    page.click("#lo-fb-log-save")
    page.locator("#lo-fb-log-list > li").first.wait_for()
    settle(page)


def use_team_view(page: Page) -> None:
    """A member's code shown with its QR code; a team from files, a code and a paper form; next steps, plan, notes."""
    page.wait_for_selector("#zs-team-view:not([hidden])")
    for index, group in enumerate(page.locator(".lo-zs-statement").all()):
        group.locator(f'input[type=radio][value="{index % 5 + 1}"]').check()
    page.fill(".lo-zs-notes textarea >> nth=0", "We leren van fouten")
    page.click("button[data-action=code-make]")
    page.click("button[data-action=code-qr]")
    page.wait_for_selector("#zs-code-qr svg")
    page.fill("#zs-codes", page.input_value("#zs-code"))
    page.click("button[data-action=codes-add]")
    page.click("button[data-action=paper-add]")
    page.keyboard.type("1234")
    page.keyboard.press("Tab")
    page.keyboard.type("12x")  # a wrong key: the row shows its error
    page.wait_for_selector("#zs-team-next input[type=checkbox]")
    page.locator("#zs-team-next input[type=checkbox]").first.check()
    page.click("button[data-action=team-to-plan]")
    for details in page.locator("#zs-team-result details").all():
        details.locator("summary").click()
    settle(page)


def read_survey_export(page: Page) -> None:
    """A survey tool's export of 17 people read into the team view: results per role and team, one team left out,
    the participants list open and a wrong minimum group size with its message."""
    page.wait_for_selector("#zs-team-view:not([hidden])")
    model = page.evaluate("() => JSON.parse(document.getElementById('zs-model').textContent)")
    statements = [(d["number"], s["hash"]) for d in model["dimensions"] for s in d["statements"]]
    header = ",".join([f"d{n}[H{h}]" for n, h in statements] + ["ROL", "TEAM"])
    people = [("LG", "Zorg")] * 6 + [("MW", "ICT")] * 6 + [("HR", "Zorg")] * 3 + [("MW", "Klein")] * 2
    rows = [",".join([str(2 + (i + k) % 4) for k in range(len(statements))] + [role, team])
            for i, (role, team) in enumerate(people)]
    page.set_input_files("#zs-survey-file", files=[{"name": "results.csv", "mimeType": "text/csv",
                                                    "buffer": "\n".join([header, *rows]).encode()}])
    page.wait_for_selector("#zs-groups-team")
    page.locator("#zs-team-result details summary").last.click()
    page.fill("#zs-groups-minimum", "0")
    page.dispatch_event("#zs-groups-minimum", "change")
    page.locator("#zs-groups-status.lo-error").wait_for()
    settle(page)


def limit_feedback_questions(page: Page) -> None:
    """Choose three questions, so the others are disabled, and show an error in the log's status."""
    page.wait_for_selector("#lo-fb-builder:not([hidden])")
    for box in page.locator("#lo-fb-builder .lo-fb-questions:visible input").all()[:3]:
        box.check()
    page.evaluate("() => { document.getElementById('lo-fb-log-form').noValidate = true; }")
    page.click("#lo-fb-log-save")  # nobody named: an error message
    page.locator("#lo-fb-log-status.lo-error").wait_for()
    settle(page)


def open_self_check_with_unreadable_storage(page: Page) -> None:
    """Answers in storage this page cannot read: the error message that keeps them."""
    page.evaluate("() => localStorage.setItem('lo-zelfscan', '{kapot')")
    page.reload()
    page.locator("#zs-status.lo-error").wait_for()
    settle(page)


def choose(radio: str) -> Callable[[Page], None]:
    """Pick another printed product on a page that offers a choice (the card size, form or tally sheet)."""

    def act(page: Page) -> None:
        page.check(radio)
        settle(page)

    return act


def press(key: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        page.keyboard.press(key)
        settle(page)

    return act


STATES = {
    "zoekresultaten open": State("", open_search("feedback")),
    "zoekresultaten open op een dimensiepagina": State("dimensies/feedbackprocessen/", open_search("leren")),
    "zelfscan ingevuld": State("zelfscan/", fill_in_self_check),
    "teamresultaat met code, papier en plan": State("zelfscan/", use_team_view),
    "teamresultaat uit een enquête-export": State("zelfscan/", read_survey_export),
    "feedbacktool gebruikt": State("feedback-vragen/", build_feedback_request),
    "feedbacktool met drie vragen en een foutmelding": State("feedback-vragen/", limit_feedback_questions),
    "zelfscan met onleesbare opslag": State("zelfscan/", open_self_check_with_unreadable_storage),
    "kaartenset A5 gekozen": State("kaartenset/", choose("#lo-size-a5")),
    "telblad gekozen": State("zelfscan-op-papier/", choose("#lo-paper-tally")),
    "presentatie, laatste dimensie": State("presenteren/", press("End")),
}


def site_pages(site) -> list[str]:
    """The path of every built HTML page, as a browser asks for it (".../" for an index.html)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths
