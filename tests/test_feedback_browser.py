"""The feedback tool in Chromium: the request builder, the private log, export and import, and printing."""

from __future__ import annotations

import json
import re

import pytest
from conftest import second_tab, stale_storage, wait_until_read
from pdftext import page_texts

from macros import dataset

FEEDBACK = dataset.load()["feedback"]
LEADER = next(s for s in FEEDBACK["situations"] if s["id"] == "mijn-rol-als-leider")
STORAGE_KEY = "lo-feedback-logboek"


@pytest.fixture
def tool(page, served_site):
    page.goto(served_site + "feedback-vragen/")
    page.wait_for_selector("#lo-fb-builder:not([hidden])")
    return page


def status(page, which="lo-fb-log-status") -> str:
    """The message in a live region, once there is one."""
    locator = page.locator(f"#{which}")
    locator.filter(has_text=re.compile(r"\S")).wait_for()
    return locator.inner_text()


def said(page, action, which="lo-fb-log-status") -> str:
    """The message an action puts in a live region (emptied first, so an earlier message does not count)."""
    page.eval_on_selector(f"#{which}", "region => { region.textContent = ''; }")
    action()
    return status(page, which)


def add_note(page, who: str, learned: str) -> str:
    page.fill("#lo-fb-log-who", who)
    page.fill("#lo-fb-log-learned", learned)
    message = said(page, lambda: page.click("#lo-fb-log-save"))
    page.locator("#lo-fb-log-list > li", has_text=who).wait_for()
    return message


def notes(page) -> list[str]:
    return page.locator("#lo-fb-log-list > li h3").all_inner_texts()


def stored(page):
    return page.evaluate(f"() => window.localStorage.getItem('{STORAGE_KEY}')")


def pdf_pages(page) -> list[str]:
    return page_texts(page.pdf(format="A4"))


# ---------- The builder ----------

def build_request(page) -> None:
    page.fill("#lo-fb-goal", "mensen meer ruimte geven")
    page.select_option("#lo-fb-situation", LEADER["id"])
    page.select_option("#lo-fb-role", "teamlid")
    page.fill("#lo-fb-name", "Sam")
    page.check(f'#lo-fb-builder input[value="{LEADER["questions"][1]}"]')
    page.check(f'#lo-fb-builder input[value="{LEADER["questions"][0]}"]')
    page.fill("#lo-fb-own", "Wat zou jij in mijn plaats als eerste veranderen?")


def test_card_shows_the_chosen_person_situation_and_questions(tool):
    build_request(tool)
    card = tool.locator("#lo-fb-card")
    assert "Sam (een teamlid)" in card.inner_text()
    assert "mensen meer ruimte geven" in card.inner_text()
    assert f"Waarover\n{LEADER['title']}" in card.inner_text()
    assert card.locator("li").all_inner_texts() == [
        LEADER["questions"][0], LEADER["questions"][1], "Wat zou jij in mijn plaats als eerste veranderen?"]


def test_only_the_chosen_situations_questions_are_offered(tool):
    tool.select_option("#lo-fb-situation", LEADER["id"])
    visible = tool.locator("#lo-fb-builder .lo-fb-questions:visible input").evaluate_all("bs => bs.map(b => b.value)")
    assert visible == LEADER["questions"]
    hint = next(r["hint"] for r in FEEDBACK["roles"] if r["id"] == "partner")
    tool.select_option("#lo-fb-role", "partner")
    assert tool.inner_text("#lo-fb-role-hint") == hint


def test_copy_puts_the_request_on_the_clipboard(tool, served_site):
    tool.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    build_request(tool)
    assert "gekopieerd" in said(tool, lambda: tool.click("#lo-fb-copy"), "lo-fb-status")
    text = tool.evaluate("() => navigator.clipboard.readText()")
    assert text.startswith("Feedbackvraag\n\nAan: Sam (een teamlid)\nWat ik wil leren: mensen meer ruimte geven\n")
    assert f"Mijn vragen:\n1. {LEADER['questions'][0]}\n2. {LEADER['questions'][1]}\n3. Wat zou jij" in text


def test_without_the_clipboard_api_the_text_is_offered_to_copy_by_hand(page, served_site):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                         "document.execCommand = () => false;")
    page.goto(served_site + "feedback-vragen/")
    build_request(page)
    assert "Ctrl+C" in said(page, lambda: page.click("#lo-fb-copy"), "lo-fb-status")
    area = page.locator("#lo-fb-card-text")
    assert area.is_visible() and "Aan: Sam (een teamlid)" in area.input_value()
    assert page.evaluate("() => document.activeElement.id") == "lo-fb-card-text"
    selected = page.evaluate("() => { const a = document.activeElement; return a.selectionEnd - a.selectionStart; }")
    assert selected == len(area.input_value())


def test_actions_without_a_question_explain_what_is_missing(tool):
    tool.click("#lo-fb-copy")
    assert status(tool, "lo-fb-status") == "Kies eerst een vraag of schrijf je eigen vraag."
    assert tool.get_attribute("#lo-fb-status", "role") == "status"


def test_builder_works_with_the_keyboard_alone(tool):
    tool.focus("#lo-fb-situation")
    tool.keyboard.press("ArrowDown")  # second situation
    second = FEEDBACK["situations"][1]
    assert tool.input_value("#lo-fb-situation") == second["id"]
    for _ in range(10):
        tool.keyboard.press("Tab")
        if tool.evaluate("() => document.activeElement.type") == "checkbox":
            break
    focused = tool.evaluate("() => document.activeElement.value")
    assert focused == second["questions"][0]
    outline = tool.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    tool.keyboard.press("Space")
    assert tool.locator("#lo-fb-card li").all_inner_texts() == [second["questions"][0]]


def test_card_goes_to_the_log(tool):
    build_request(tool)
    tool.click("#lo-fb-to-log")
    assert tool.input_value("#lo-fb-log-who") == "Sam"
    assert LEADER["questions"][0] in tool.input_value("#lo-fb-log-question")
    assert tool.evaluate("() => document.activeElement.id") == "lo-fb-log-who"


def test_at_most_three_questions_can_be_chosen(tool):
    tool.select_option("#lo-fb-situation", LEADER["id"])
    boxes = [tool.locator(f'#lo-fb-builder input[value="{q}"]') for q in LEADER["questions"][:4]]
    for box in boxes[:3]:
        box.check()
    assert boxes[3].is_disabled()  # the legend says "een tot drie"
    assert "drie vragen gekozen" in status(tool, "lo-fb-status")
    assert len(tool.locator("#lo-fb-card li").all_inner_texts()) == 3
    boxes[0].uncheck()
    assert boxes[3].is_enabled()
    boxes[3].check()
    tool.fill("#lo-fb-own", "Een vierde vraag van mezelf?")
    assert "Kies een tot drie vragen" in said(tool, lambda: tool.click("#lo-fb-copy"), "lo-fb-status")
    assert "Kies een tot drie vragen" in said(tool, lambda: tool.click("#lo-fb-to-log"), "lo-fb-status")
    assert tool.input_value("#lo-fb-log-who") == ""


def test_after_putting_the_card_in_the_log_the_status_no_longer_says_copied(tool, served_site):
    tool.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    build_request(tool)
    assert "gekopieerd" in said(tool, lambda: tool.click("#lo-fb-copy"), "lo-fb-status")
    tool.click("#lo-fb-to-log")
    tool.wait_for_function("!document.getElementById('lo-fb-status').textContent.includes('gekopieerd')")
    assert "logboek" in status(tool, "lo-fb-status")


# ---------- The log ----------

def test_notes_are_kept_after_a_reload_and_can_be_changed_and_removed(tool):
    add_note(tool, "Sam", "Ik onderbreek mensen vaak.")
    add_note(tool, "Noor", "Mijn voorstellen zijn te lang.")
    tool.reload()
    assert sorted(notes(tool)) == sorted([f"{n['date']}: {n['who']}" for n in json.loads(stored(tool))["entries"]])
    assert len(notes(tool)) == 2

    tool.get_by_role("button", name="Wijzig notitie").filter(has_text="Wijzig").first.click()
    tool.fill("#lo-fb-log-did", "Ik laat nu eerst iedereen uitpraten.")
    assert said(tool, lambda: tool.click("#lo-fb-log-save")) == "De wijziging is bewaard."
    tool.reload()
    assert "Ik laat nu eerst iedereen uitpraten." in tool.inner_text("#lo-fb-log-list")
    assert len(notes(tool)) == 2

    tool.once("dialog", lambda dialog: dialog.accept())
    remove = tool.locator("#lo-fb-log-list > li", has_text="Noor").get_by_role("button", name="Verwijder")
    assert said(tool, remove.click) == "De notitie is verwijderd."
    tool.reload()
    assert [n.split(": ")[1] for n in notes(tool)] == ["Sam"]


def test_a_note_needs_whom_you_asked(tool):
    tool.evaluate("() => document.getElementById('lo-fb-log-form').noValidate = true")
    tool.fill("#lo-fb-log-learned", "Iets")
    assert said(tool, lambda: tool.click("#lo-fb-log-save")) == "Vul een datum in en wie je om feedback vroeg."
    assert notes(tool) == [] and stored(tool) is None


def export(page) -> dict:
    with page.expect_download() as download:
        page.click("#lo-fb-export")
    assert download.value.suggested_filename.startswith("feedback-logboek-")
    return json.loads(open(download.value.path(), encoding="utf-8").read())


def upload(page, name: str, content: bytes) -> None:
    page.set_input_files("#lo-fb-import", files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def test_export_and_import_bring_the_log_back(tool):
    add_note(tool, "Sam", "Ik onderbreek mensen vaak.")
    add_note(tool, "Noor", "Mijn voorstellen zijn te lang.")
    exported = export(tool)
    assert exported["format"] == "lerende-organisatie/feedback-logboek"
    assert exported["formatVersion"] == 1
    assert exported["contentVersion"] == dataset.load()["version"]
    assert sorted(e["who"] for e in exported["entries"]) == ["Noor", "Sam"]
    assert {e["learned"] for e in exported["entries"]} == {"Ik onderbreek mensen vaak.",
                                                           "Mijn voorstellen zijn te lang."}

    tool.once("dialog", lambda dialog: dialog.accept())
    assert said(tool, lambda: tool.click("#lo-fb-clear")) == "Je logboek is gewist."
    assert notes(tool) == [] and stored(tool) is None

    assert said(tool, lambda: upload(tool, "logboek.json", json.dumps(exported).encode())) == "2 notitie(s) ingelezen."
    tool.reload()
    assert sorted(n.split(": ")[1] for n in notes(tool)) == ["Noor", "Sam"]

    again = said(tool, lambda: upload(tool, "logboek.json", json.dumps(exported).encode()))
    assert again == "0 notitie(s) ingelezen; 2 stond(en) al in je logboek."
    assert len(notes(tool)) == 2


@pytest.mark.parametrize("content, message", [
    (b"{dit is geen json", "'kapot.json' is geen geldig exportbestand (geen JSON)."),
    (b'{"format": "iets-anders", "entries": []}', "'kapot.json' is geen feedbacklogboek van deze site."),
    (b'{"format": "lerende-organisatie/feedback-logboek", "formatVersion": 2, "entries": []}',
     "'kapot.json' heeft formaatversie 2; deze pagina kent alleen versie 1."),
    (b'{"format": "lerende-organisatie/feedback-logboek", "formatVersion": 1, "entries": [{"id": "x", "who": "A"}]}',
     "Notitie 1 in 'kapot.json' is onvolledig of beschadigd; er is niets ingelezen."),
])
def test_a_bad_file_gives_a_message_and_loses_nothing(tool, content, message):
    add_note(tool, "Sam", "Ik onderbreek mensen vaak.")
    before = stored(tool)
    text = said(tool, lambda: upload(tool, "kapot.json", content))
    assert text.startswith(message) and text.endswith("Je logboek is niet veranderd.")
    assert stored(tool) == before
    assert [n.split(": ")[1] for n in notes(tool)] == ["Sam"]


def test_an_unreadable_log_in_the_browser_is_reported_and_never_overwritten(page, served_site):
    page.add_init_script(f"window.localStorage.setItem('{STORAGE_KEY}', '{{kapot');")
    page.goto(served_site + "feedback-vragen/")
    assert "beschadigd" in status(page)
    assert "niet bewaard" in add_note(page, "Sam", "Toch genoteerd.")
    assert stored(page) == "{kapot"
    assert export(page)["entries"][0]["who"] == "Sam"  # the new note can still be saved as a file


# ---------- Printing ----------

def test_printing_the_page_gives_one_a4_with_the_steps_and_the_questions(tool):
    pages = pdf_pages(tool)
    assert len(pages) == 1
    for step in FEEDBACK["steps"]:
        assert step["title"] in pages[0]
    for situation in FEEDBACK["situations"]:
        assert situation["title"] in pages[0]
        assert situation["questions"][-1][:30] in pages[0]
    assert f"inhoudsversie {dataset.load()['version']}" in pages[0]
    assert "Maak je feedbackvraag" not in pages[0] and "Jouw logboek" not in pages[0]


def test_printing_the_card_prints_the_card_alone(tool):
    tool.evaluate("() => { window.print = () => {}; }")
    build_request(tool)
    tool.click("#lo-fb-print")
    pages = pdf_pages(tool)
    assert len(pages) == 1
    assert "Feedbackvraag" in pages[0] and "Sam (een teamlid)" in pages[0]
    assert LEADER["questions"][0][:30] in pages[0]
    assert "Vragenbank" not in pages[0] and "Wat wil je leren?" not in pages[0]


# ---------- Notes are never lost: start-up errors, two tabs, imports ----------

def note(id_: str, who: str, learned: str = "", date: str = "2026-03-01") -> dict:
    return {"id": id_, "date": date, "who": who, "question": "", "learned": learned, "did": ""}


def log_file(*entries: dict) -> bytes:
    return json.dumps({"format": "lerende-organisatie/feedback-logboek", "formatVersion": 1,
                       "contentVersion": dataset.load()["version"], "entries": list(entries)}).encode()


def test_an_error_at_start_up_never_overwrites_the_log(page, served_site):
    # The old page attached its save button before it read the log; when the builder then failed (as with a
    # situation id that ended in a newline), the next note was saved as the only one.
    page.goto(served_site + "feedback-vragen/")
    page.evaluate("(text) => localStorage.setItem('lo-feedback-logboek', text)",
                  log_file(note("a-1", "Sam"), note("a-2", "Noor"), note("a-3", "Kim")).decode())
    page.add_init_script("""new MutationObserver(() => document.getElementById("lo-fb-role-hint")?.remove())
        .observe(document, {childList: true, subtree: true})""")
    page.reload()
    page.fill("#lo-fb-log-date", "2026-03-02")
    add_note(page, "Lina", "Ik vat te snel samen.")
    assert sorted(e["who"] for e in json.loads(stored(page))["entries"]) == ["Kim", "Lina", "Noor", "Sam"]
    assert "werkt de kaartenmaker nu niet" in page.inner_text("#lo-fb-needs-js")


@pytest.mark.parametrize("follow_other_tabs", [True, False], ids=["storage-event", "merge-on-save"])
def test_two_tabs_keep_each_others_notes(tool, served_site, follow_other_tabs):
    add_note(tool, "Sam", "Eerste notitie.")
    other = second_tab(tool, served_site + "feedback-vragen/", follow_other_tabs)
    other.wait_for_selector("#lo-fb-log:not([hidden])")
    add_note(tool, "Noor", "Uit het eerste tabblad.")
    if follow_other_tabs:
        assert "in een ander tabblad gewijzigd" in status(other)
        other.locator("#lo-fb-log-list > li", has_text="Noor").wait_for()
    wait_until_read(other, STORAGE_KEY, "Uit het eerste tabblad.")
    message = add_note(other, "Kim", "Uit het tweede tabblad.")
    assert sorted(n.split(": ")[1] for n in notes(other)) == ["Kim", "Noor", "Sam"]
    if not follow_other_tabs:
        assert "ander tabblad" in message

    other.once("dialog", lambda dialog: dialog.accept())  # deleting in one tab leaves the other tab's notes
    other.locator("#lo-fb-log-list > li", has_text="Sam").get_by_role("button", name="Verwijder").click()
    tool.reload()
    assert sorted(n.split(": ")[1] for n in notes(tool)) == ["Kim", "Noor"]


def test_a_tab_that_saves_over_notes_it_has_not_read_yet_does_not_undo_them(tool, served_site):
    add_note(tool, "Sam", "Eerste notitie.")
    other = second_tab(tool, served_site + "feedback-vragen/")
    other.locator("#lo-fb-log-list > li", has_text="Sam").wait_for()
    with stale_storage(other):
        add_note(tool, "Noor", "Uit het eerste tabblad.")
        add_note(other, "Kim", "Uit het tweede tabblad.")  # over the log without Noor
    tool.locator("#lo-fb-log-list > li", has_text="Kim").wait_for()
    tool.reload()
    assert sorted(n.split(": ")[1] for n in notes(tool)) == ["Kim", "Noor", "Sam"]


def test_one_id_twice_in_an_import_gives_two_notes_that_change_apart(tool):
    content = log_file(note("dubbel", "Sam", "Eerste versie."), note("dubbel", "Noor", "Tweede notitie."))
    assert said(tool, lambda: upload(tool, "dubbel.json", content)) == "2 notitie(s) ingelezen."
    ids = [e["id"] for e in json.loads(stored(tool))["entries"]]
    assert len(set(ids)) == 2

    tool.locator("#lo-fb-log-list > li", has_text="Sam").get_by_role("button", name="Wijzig").click()
    tool.fill("#lo-fb-log-learned", "Aangepast.")
    said(tool, lambda: tool.click("#lo-fb-log-save"))
    tool.once("dialog", lambda dialog: dialog.accept())
    tool.locator("#lo-fb-log-list > li", has_text="Noor").get_by_role("button", name="Verwijder").click()
    tool.reload()
    assert notes(tool) == ["2026-03-01: Sam"]
    assert "Aangepast." in tool.inner_text("#lo-fb-log-list")

    # The same file again brings back the deleted note only: the repeated id maps to the same note every time.
    again = said(tool, lambda: upload(tool, "dubbel.json", content))
    assert again == "1 notitie(s) ingelezen; 1 stond(en) al in je logboek."
    assert sorted(n.split(": ")[1] for n in notes(tool)) == ["Noor", "Sam"]
    shown = tool.inner_text("#lo-fb-log-list")
    assert "Aangepast." in shown and "Eerste versie." not in shown


def test_ids_that_name_built_in_objects_are_skipped_with_a_message(tool):
    content = log_file(note("__proto__", "Sam"), note("constructor", "Noor"), note("gewoon-1", "Kim"))
    message = said(tool, lambda: upload(tool, "proto.json", content))
    assert message == "1 notitie(s) ingelezen. 2 notitie(s) met een ongeldige sleutel overgeslagen."
    assert [n.split(": ")[1] for n in notes(tool)] == ["Kim"]
