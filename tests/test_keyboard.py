"""The site's controls work with the keyboard alone, and the focused control is always visible.

Sweep: Tab through a page, and every element that gets focus must look different with focus than without.
Material's own header, menus and footer are the same on every page, so one page is swept in full and the
others from the start of their content to its end.
Tasks: what a user does with the keyboard only (search, follow the menu, switch colours), on swept pages.
To cover a new control: add its page to SWEPT_PAGES, and a task below if it does something.
"""

from __future__ import annotations

import json

import pytest
from states import STATES, UNTIL_STILL

SWEPT_PAGES = ["", "dimensies/feedbackprocessen/", "toegankelijkheid/", "zelfscan/", "feedback-vragen/", "werkvormen/",
               "zelfscan-op-papier/", "presenteren/"]
FULL_SWEEP_PAGE = "dimensies/feedbackprocessen/"  # header, menu, table of contents, content and footer
CONTENT = ".md-content"
MAX_TABS = 300  # more than the focusable elements of any swept page

# A text field's blinking caret would make two screenshots differ: hidden once per page, as Playwright would do
# (with a stylesheet added and removed again) for every screenshot, which cost half of each screenshot's time.
HIDE_CARET = """addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = "* { caret-color: transparent !important; }";
  document.head.append(style);
});"""

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // A styled control is often a hidden input drawn by the <label> next to it (Material's colour switch).
  const next = e.nextElementSibling && e.nextElementSibling.tagName === 'LABEL' ? [e.nextElementSibling] : [];
  const boxes = [e, ...(e.labels || []), ...next].map(x => x.getBoundingClientRect()).filter(r => r.width && r.height);
  if (!boxes.length) return {name: describe(e), box: null};
  const x = Math.min(...boxes.map(r => r.left)), y = Math.min(...boxes.map(r => r.top));
  const right = Math.max(...boxes.map(r => r.right)), bottom = Math.max(...boxes.map(r => r.bottom));
  return {name: describe(e), box: {x, y, width: right - x, height: bottom - y}};
  function describe(el) {
    const text = (el.textContent || el.value || '').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text}"`;
  }
}"""


@pytest.fixture
def page(page):
    """A page for a user who asked for reduced motion: Material then switches its transitions off, so the
    end state of every focus change shows at once instead of after a wait for each Tab."""
    page.emulate_media(reduced_motion="reduce")
    page.add_init_script(HIDE_CARET)
    return page


def region(page, box: dict) -> bytes:
    """A screenshot of an element's box with a margin for an outline around it."""
    margin = 6
    clip = {"x": max(box["x"] - margin, 0), "y": max(box["y"] - margin, 0),
            "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin}
    return page.screenshot(clip=clip, caret="initial")  # the caret is hidden already; nothing moves (press)


def press(page, key: str, then: str = "() => null"):
    """Press a key, wait until what it set moving (Material's search dialog opening) has stopped, then return what
    the script `then` returns: one call into the browser instead of two."""
    page.keyboard.press(key)
    return page.evaluate(f"async () => {{ await ({UNTIL_STILL})(); return ({then})(); }}")


def tab(page, before: dict | None) -> dict | None:
    """Press Tab; return the newly focused element, after checking that its focus can be seen.

    `before` is the focused element before (as FOCUSED describes it). The element's box is compared with focus
    and right after Shift+Tab took focus away by keyboard, as a user sees it (a scripted blur() would not close
    what focus opened, such as the search dialog).
    """
    focused = press(page, "Tab", FOCUSED)
    if focused is None or focused == before:
        return focused
    assert focused["box"], f"{focused['name']} has focus but is not on screen"
    with_focus = region(page, focused["box"])
    press(page, "Shift+Tab")
    without_focus = region(page, focused["box"])
    focused_again = press(page, "Tab", FOCUSED)
    assert with_focus != without_focus, f"focus on {focused['name']} cannot be seen"
    return focused_again


def tab_to(page, selector: str) -> None:
    """Tab until the element matching `selector` has focus.

    A task does not check again that focus shows on the way: every element it passes is on a swept page (Material's
    header and menu on FULL_SWEEP_PAGE, the content on SWEPT_PAGES), and checking them per task took most of its time.
    """
    for _ in range(MAX_TABS):
        if press(page, "Tab", f"() => document.activeElement.matches({json.dumps(selector)})"):
            return
    pytest.fail(f"{selector} cannot be reached with Tab")


def in_content(page) -> bool:
    return page.evaluate("s => document.activeElement.closest(s) !== null", CONTENT)


@pytest.mark.parametrize("path", SWEPT_PAGES)
def test_every_focusable_element_shows_focus(page, served_site, path):
    page.goto(served_site + path)
    content_only = path != FULL_SWEEP_PAGE
    if content_only:  # the next Tab goes to the first control in the content, as after Material's skip link
        page.eval_on_selector(CONTENT, "content => { content.tabIndex = -1; content.focus(); }")
    seen, focused = [], page.evaluate(FOCUSED)
    for _ in range(MAX_TABS):
        focused = tab(page, focused)
        if focused is None or (seen and focused == seen[0]) or (content_only and not in_content(page)):
            break  # past the last element: every Tab stop was checked
        seen.append(focused)
    else:
        pytest.fail(f"more than {MAX_TABS} Tab stops on {path or 'home'}: raise MAX_TABS")
    assert len(seen) >= 5, f"Tab reached only {seen}"


def test_a_control_whose_focus_cannot_be_seen_is_caught(page):
    """The sweep's check itself works: a text field without a focus style fails it (its caret does not count)."""
    page.goto("data:text/html,<title>x</title><p><a href='/'>Link</a></p><p><input style='outline: none'></p>")
    page.focus("a")
    with pytest.raises(AssertionError, match="focus on input.* cannot be seen"):
        tab(page, page.evaluate(FOCUSED))


def tab_through(page, start: str, inside: str, name: str) -> set[str]:
    """Focus `start`, press Tab until focus leaves the elements matching `inside`; the `name` of each stop."""
    page.focus(start)
    reached, focused = set(), page.evaluate(FOCUSED)
    for _ in range(MAX_TABS):
        focused = tab(page, focused)
        if not page.evaluate(f"() => Boolean(document.activeElement.closest('{inside}'))"):
            return reached
        reached.add(page.evaluate(f"() => {{ const e = document.activeElement; return {name}; }}"))
    pytest.fail(f"more than {MAX_TABS} Tab stops in {inside}: raise MAX_TABS")


def test_team_view_controls_show_focus(page, served_site):
    """The team view's controls appear only after use: Tab through all of them once they are there."""
    state = STATES["teamresultaat met code, papier en plan"]
    page.goto(served_site + state.path)
    state.act(page)
    reached = tab_through(page, "button[data-action=code-make]", "#zs-share, #zs-team-view",
                          "e.dataset.action || e.id || (e.tagName === 'SUMMARY' ? 'summary' : "
                          "e.getAttribute('role') || e.tagName)")
    for control in ["code-qr", "zs-codes", "codes-add", "team-own", "paper-add", "summary", "region", "team-to-plan",
                    "team-export", "team-print", "team-clear"]:
        assert control in reached, f"{control} cannot be reached with Tab (reached: {sorted(reached)})"


def test_survey_part_of_the_team_view_is_reached_with_tab(page, served_site):
    """The survey export's button, the minimum group size, the group tables and a survey's remove button."""
    state = STATES["teamresultaat uit een enquête-export"]
    page.goto(served_site + state.path)
    state.act(page)
    reached = tab_through(page, "button[data-action=team-own]", "#zs-team-view",
                          "e.id || e.dataset.choose || (e.dataset.surveyRemove ? 'survey-remove' : '') || "
                          "(e.closest('#zs-groups') && e.getAttribute('role')) || ''")
    for control in ["zs-survey-file", "zs-groups-minimum", "region", "survey-remove"]:
        assert control in reached, f"{control} cannot be reached with Tab (reached: {sorted(reached)})"


def test_skip_link_jumps_to_the_content(page, served_site):
    page.goto(served_site + "dimensies/feedbackprocessen/")
    tab_to(page, "a.md-skip")
    page.keyboard.press("Enter")
    page.wait_for_url("**#4-feedbackprocessen")


def test_search_with_keyboard_only(page, served_site):
    page.goto(served_site)
    tab_to(page, "input.md-search__input")
    page.keyboard.type("feedback")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.matches('.md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dimensies/feedbackprocessen/**")


def test_menu_with_keyboard_only(page, served_site):
    page.goto(served_site)
    tab_to(page, "nav.md-nav--primary a[href$='onderzoekscultuur/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dimensies/onderzoekscultuur/")


def test_colour_scheme_switch_with_keyboard_only(page, served_site):
    page.goto(served_site)
    before = page.get_attribute("body", "data-md-color-scheme")
    tab_to(page, "input.md-option")
    page.keyboard.press("Enter")  # Material's switch answers Enter, not Space
    assert page.get_attribute("body", "data-md-color-scheme") != before


def test_print_one_session_plan_with_keyboard_only(page, served_site):
    page.goto(served_site + "werkvormen/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    tab_to(page, "button[data-session]")
    plan = page.evaluate("() => document.activeElement.dataset.session")
    page.keyboard.press("Enter")
    assert page.evaluate("() => [window.location.hash, window.printed]") == [f"#{plan}", 1]


def test_choose_the_tally_sheet_with_keyboard_only(page, served_site):
    page.goto(served_site + "zelfscan-op-papier/")
    tab_to(page, "#lo-paper-form")
    page.keyboard.press("ArrowDown")  # radio buttons move with the arrow keys
    assert page.is_checked("#lo-paper-tally")
    assert page.locator(".lo-paper-set--tally").is_visible() and not page.locator(".lo-paper-set--form").is_visible()


def test_present_with_keyboard_only(page, served_site):
    page.goto(served_site + "dimensies/feedbackprocessen/")
    tab_to(page, "a[href$='presenteren/#feedbackprocessen']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/presenteren/#feedbackprocessen")
    tab_to(page, "button[data-go=next]")
    page.keyboard.press("Enter")
    assert page.locator("#samenwerking-met-partners").is_visible()
    tab_to(page, "a[data-go=leave]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dimensies/samenwerking-met-partners/")
