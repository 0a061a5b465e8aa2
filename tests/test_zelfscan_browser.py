"""The self-check in Chromium: answers kept, export and import, team view, bad files, and the printed form."""

from __future__ import annotations

import json
import re

import edited
import pytest
from conftest import SITE_URL, second_tab, stale_storage, wait_until_read
from pdftext import page_sizes, page_texts

from macros import dataset
from macros.selfcheck import statement_hash

DATA = dataset.load()
DIMS = DATA["dimensions"]
A4 = (595.28, 841.89)  # points


@pytest.fixture
def form(page, served_site):
    page.goto(served_site + "zelfscan/")
    page.wait_for_selector(".lo-zs-toolbar:not([hidden])")
    return page


def answer(page, dim_index: int, value) -> None:
    page.check(f'input[name="zs-{DIMS[dim_index]["id"]}-0"][value="{value}"]')


def checked(page, dim_index: int):
    return page.eval_on_selector_all(f'input[name="zs-{DIMS[dim_index]["id"]}-0"]:checked',
                                     "els => els.map(e => e.value)")


def status(page, region="#zs-status") -> str:
    """The message in a live region, once there is one (a repeated message is put back after a moment)."""
    locator = page.locator(region)
    locator.filter(has_text=re.compile(r"\S")).wait_for()
    return locator.inner_text()


def export_file(dims_values: dict, **extra) -> str:
    """An export as another team member's browser would write it: {dimension index: value of statement 0}.

    It carries the format id that exports had before ids took the form "lerende-organisatie/<tool>", so every
    test that loads one also checks that older files still import.
    """
    return json.dumps({
        "format": "lerende-organisatie-zelfscan", "formatVersion": 1, "contentVersion": DATA["version"],
        "team": "", "name": "", "date": "", "priorities": [], "plan": [],
        "dimensions": [
            {"id": dim["id"], "good": "", "better": "",
             "answers": ([{"index": 0, "hash": statement_hash(dim["self_check"][0]), "value": dims_values[i]}]
                         if i in dims_values else [])}
            for i, dim in enumerate(DIMS)
        ],
        **extra,
    })


def files(*texts: str, name="lid"):
    return [{"name": f"{name}{i + 1}.json", "mimeType": "application/json", "buffer": t.encode()}
            for i, t in enumerate(texts)]


def stored_answers(page) -> str | None:
    return page.evaluate("() => localStorage.getItem('lo-zelfscan')")


def score_row(page, table: str, dim_index: int) -> list[str]:
    row = page.locator(f"{table} tbody tr").nth(dim_index)
    return [cell.strip() for cell in row.locator("th, td").all_inner_texts()]


def test_answers_notes_and_plan_survive_a_reload(form):
    answer(form, 0, 2)
    answer(form, 1, "?")
    answer(form, 2, 5)
    form.fill("#zs-team", "Team Noord")
    form.fill(f"#zs-{DIMS[0]['id']}-good", "We praten er vaak over.")
    form.check(f'input[name=priority][value="{DIMS[0]["id"]}"]')
    form.locator('textarea[data-plan="what"]').first.fill("Visie samen herschrijven")
    form.reload()
    form.wait_for_selector(".lo-zs-toolbar:not([hidden])")
    assert checked(form, 0) == ["2"] and checked(form, 1) == ["?"] and checked(form, 2) == ["5"]
    assert form.input_value("#zs-team") == "Team Noord"
    assert form.input_value(f"#zs-{DIMS[0]['id']}-good") == "We praten er vaak over."
    assert form.is_checked(f'input[name=priority][value="{DIMS[0]["id"]}"]')
    assert form.locator('textarea[data-plan="what"]').first.input_value() == "Visie samen herschrijven"
    # Result: dimension 1 scores 2, dimension 2 only "weet ik niet", dimension 3 scores 5.
    assert score_row(form, "#zs-score-table", 0) == [f"1. {DIMS[0]['title']}", "2,0",
                                                     f"1 van {len(DIMS[0]['self_check'])}", "0"]
    assert score_row(form, "#zs-score-table", 1)[1:] == ["–", f"0 van {len(DIMS[1]['self_check'])}", "1"]
    assert form.locator("#zs-radar svg[role=img] polygon.lo-zs-series--current").count() == 1


@pytest.mark.parametrize("width", [1280, 360])
def test_radar_axes_carry_short_names_that_fit_beside_the_chart(form, width):
    form.set_viewport_size({"width": width, "height": 900})
    answer(form, 0, 3)
    axes = form.locator("#zs-radar text.lo-zs-axis")
    assert axes.all_text_contents() == [f"{d['number']} {d['short_title']}" for d in DIMS]
    chart = form.locator("#zs-radar svg").bounding_box()
    for box in (axes.nth(i).bounding_box() for i in range(axes.count())):
        assert chart["x"] <= box["x"] and box["x"] + box["width"] <= chart["x"] + chart["width"], (box, chart)


def test_export_json_and_csv_then_import_after_clearing(form, tmp_path):
    answer(form, 0, 4)
    answer(form, 3, 1)
    form.fill(f"#zs-{DIMS[3]['id']}-better", "Vaker om feedback vragen")
    with form.expect_download() as download:
        form.click("button[data-action=export-json]")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["format"] == "lerende-organisatie/zelfscan" and exported["formatVersion"] == 1
    assert exported["contentVersion"] == DATA["version"]
    assert [d["id"] for d in exported["dimensions"]] == [d["id"] for d in DIMS]
    first_statement = statement_hash(DIMS[0]["self_check"][0])
    assert exported["dimensions"][0]["answers"] == [{"index": 0, "hash": first_statement, "value": 4}]

    with form.expect_download() as csv_download:
        form.click("button[data-action=export-csv]")
    csv = open(csv_download.value.path(), encoding="utf-8-sig").read()
    assert csv.splitlines()[0] == "Nummer;Dimensie;Uitspraak;Score;Antwoord;Respondent;Versie"
    assert f"4.1;{DIMS[3]['title']};" in csv
    assert csv.splitlines()[1].endswith(f";4;{DATA['scale'][3]['label']};{exported['respondent']};{DATA['version']}")

    form.once("dialog", lambda dialog: dialog.accept())
    form.click("button[data-action=clear]")
    assert checked(form, 0) == [] and "gewist" in status(form)
    form.reload()
    assert checked(form, 0) == []

    form.set_input_files("#zs-import-file", download.value.path())
    form.wait_for_function("document.querySelector('#zs-status').textContent.includes('geladen')")
    assert checked(form, 0) == ["4"] and checked(form, 3) == ["1"]
    assert form.input_value(f"#zs-{DIMS[3]['id']}-better") == "Vaker om feedback vragen"


def test_bad_files_give_a_message_and_keep_the_answers(form):
    answer(form, 0, 3)
    form.set_input_files("#zs-import-file", files("{dit is geen json", name="kapot"))
    form.wait_for_function("document.querySelector('#zs-status').textContent.includes('kapot1.json')")
    assert "geen geldig exportbestand" in status(form) and "niet veranderd" in status(form)
    form.set_input_files("#zs-import-file", files(json.dumps({"naam": "iets anders"}), name="vreemd"))
    form.wait_for_function("document.querySelector('#zs-status').textContent.includes('vreemd1.json')")
    assert "geen exportbestand van de zelfscan" in status(form)
    assert form.locator("#zs-status.lo-error").count() == 1
    assert checked(form, 0) == ["3"]
    form.reload()
    assert checked(form, 0) == ["3"]

    form.set_input_files("#zs-team-files", files("[1, 2", export_file({0: 2}), name="team"))
    form.wait_for_selector("#zs-team-table")
    assert "'team1.json' is geen geldig exportbestand" in status(form, "#zs-team-status")
    # Team columns: mean, lowest-highest, spread, low, middle, high, "weet ik niet".
    assert score_row(form, "#zs-team-table", 0)[1:] == ["2,0", "2,0–2,0", "0,0", "1", "0", "0", "0"]


def test_an_older_content_version_is_read_with_a_note(form):
    old = json.loads(export_file({0: 5, 1: 1}, contentVersion="2000.1"))
    old["dimensions"] = old["dimensions"][:2] + [{"id": "verdwenen-dimensie", "answers": [], "good": "", "better": ""}]
    form.set_input_files("#zs-import-file", files(json.dumps(old), name="oud"))
    form.wait_for_function("document.querySelector('#zs-status').textContent.includes('oud1.json')")
    message = status(form)
    assert "versie 2000.1" in message and "verdwenen-dimensie" in message and f"3. {DIMS[2]['title']}" in message
    assert checked(form, 0) == ["5"] and checked(form, 1) == ["1"]


def test_broken_storage_is_never_overwritten_and_the_form_works_again_after_clearing(form):
    form.evaluate("localStorage.setItem('lo-zelfscan', '{kapot')")
    form.reload()
    form.wait_for_selector(".lo-zs-toolbar:not([hidden])")
    answer(form, 0, 4)
    form.wait_for_timeout(300)
    assert stored_answers(form) == "{kapot"
    assert "beschadigd" in status(form) and "niet bewaard" in status(form) and "Wis alles" in status(form)
    form.reload()
    assert checked(form, 0) == []

    form.once("dialog", lambda dialog: dialog.accept())
    form.click("button[data-action=clear]")
    answer(form, 0, 4)
    form.reload()
    assert checked(form, 0) == ["4"]


def test_comparison_with_an_earlier_export(form):
    answer(form, 0, 4)
    answer(form, 1, 2)
    form.set_input_files("#zs-baseline-file", files(export_file({0: 2, 1: 3}, date="01-03-2026"), name="nulmeting"))
    form.wait_for_selector("#zs-time-table")
    assert score_row(form, "#zs-time-table", 0)[1:] == ["2,0", "4,0", "+2,0"]
    assert score_row(form, "#zs-time-table", 1)[1:] == ["3,0", "2,0", "−1,0"]
    assert "01-03-2026" in form.inner_text("#zs-time-table caption")
    assert form.locator("#zs-radar polygon.lo-zs-series--baseline").count() == 1


def test_ticked_suggestions_go_into_the_action_plan(form):
    answer(form, 0, 1)
    answer(form, 1, 5)
    first = form.locator("#zs-next fieldset").first
    assert DIMS[0]["title"] in first.inner_text()
    assert first.locator("a").get_attribute("href") == f"../dimensies/{DIMS[0]['id']}/#ontwikkelsuggesties"
    first.locator("input[type=checkbox]").first.check()
    form.click("button[data-action=to-plan]")
    expected = f"{DIMS[0]['suggestions'][0]['title']} (1. {DIMS[0]['title']})"
    assert form.locator('textarea[data-plan="what"]').first.input_value() == expected
    assert form.is_checked(f'input[name=priority][value="{DIMS[0]["id"]}"]')
    assert "1 suggestie(s) in het actieplan gezet" in status(form, "#zs-next-status")
    form.reload()
    assert form.locator('textarea[data-plan="what"]').first.input_value() == expected


def test_without_javascript_the_page_is_the_paper_form(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "zelfscan/")
    assert page.locator(".lo-zs-toolbar").is_hidden() and page.locator("#zs-team-view").is_hidden()
    assert page.locator(".lo-zs-statement").count() == sum(len(d["self_check"]) for d in DIMS)
    page.check(f'input[name="zs-{DIMS[0]["id"]}-0"][value="2"]')
    context.close()


def test_printed_form_is_a4_with_every_dimension_on_one_page(form):
    pdf = form.pdf(format="A4")
    pages = page_texts(pdf)
    for size in page_sizes(pdf):
        assert size == pytest.approx(A4, abs=1)
    for dim in DIMS:
        title = f"{dim['number']}. {dim['title']}"
        on = [i for i, text in enumerate(pages) if title in text]
        assert on, f"{title} is not printed"
        page_text = pages[on[0]]
        assert " ".join(dim["summary"].split()) in page_text
        for statement in dim["self_check"]:
            assert " ".join(statement.split()) in page_text, f"{title} is split across pages"
    assert all(f"pagina {i + 1} van {len(pages)}" in text for i, text in enumerate(pages))
    assert all(f"inhoud versie {DATA['version']}" in text for text in pages)
    assert SITE_URL.removeprefix("https://").rstrip("/") in pages[0]
    # no tools, and no site chrome: search box, menu, footer navigation
    assert not any(word in " ".join(pages) for word in ("Exporteer", "Teamresultaat", "Waar blijven je antwoorden",
                                                         "Zoeken", "Dimensies", "Vorige", "Volgende"))
    assert re.search(r"Actieplan", pages[-1])


def test_keyboard_alone_fills_in_an_answer(form):
    first = f'input[name="zs-{DIMS[0]["id"]}-0"]'
    form.focus(f"{first}[value='1']")
    form.keyboard.press("Space")
    form.keyboard.press("ArrowRight")
    assert checked(form, 0) == ["2"]
    outline = form.eval_on_selector(f"{first}[value='2']", "e => getComputedStyle(e.closest('label')).outlineStyle")
    assert outline == "solid"  # the focused option is visibly marked
    form.reload()
    assert checked(form, 0) == ["2"]


def test_dropped_files_join_the_team_view(form):
    form.evaluate("""(texts) => {
        const data = new DataTransfer();
        texts.forEach((text, i) => data.items.add(new File([text], `lid${i}.json`, {type: "application/json"})));
        const drop = new DragEvent("drop", {dataTransfer: data, bubbles: true});
        document.getElementById("zs-team-view").dispatchEvent(drop);
    }""", [export_file({0: 2}), export_file({0: 4})])
    form.wait_for_selector("#zs-team-table")
    # 2 and 4: mean 3, spread 1; one low, one high.
    assert score_row(form, "#zs-team-table", 0)[1:] == ["3,0", "2,0–4,0", "1,0", "1", "0", "1", "0"]


def test_largest_dimension_the_schema_allows_still_prints_on_one_page(page, edited_site):
    dim = edited.DATA["dimensions"][2]  # ten statements of the longest the schema allows (tests/edited.py)
    assert len(dim["self_check"]) == 10 and all(len(s) >= 190 for s in dim["self_check"])
    page.goto((edited_site / "zelfscan" / "index.html").as_uri())
    pages = page_texts(page.pdf(format="A4"))
    holding = [i for i, text in enumerate(pages) if "nummer 0." in text]
    assert len(holding) == 1 and all(f"nummer {i}." in pages[holding[0]] for i in range(10))
    assert f"3. {dim['title']}" in pages[holding[0]]


def test_printout_after_use_has_the_result_plan_and_team_but_no_tools(form):
    answer(form, 0, 3)
    form.locator('textarea[data-plan="what"]').first.fill("Visie samen herschrijven")
    form.set_input_files("#zs-team-files", files(export_file({0: 2}), export_file({0: 4})))
    form.wait_for_selector("#zs-team-table")
    text = " ".join(page_texts(form.pdf(format="A4")))
    assert "Jouw resultaat" in text and "Visie samen herschrijven" in text
    assert "Teamresultaat per dimensie (2 deelnemer(s))" in text and "Gespreksstarters" in text
    assert "Volgende stappen" in text
    tools = ("Exporteer", "Kies exportbestanden", "Wis teamresultaat")
    assert not any(word in text for word in tools)


def test_paper_copy_in_dark_mode_draws_light_tick_boxes(browser, served_site):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(served_site + "zelfscan/")
    page.emulate_media(media="print", color_scheme="dark")
    assert page.eval_on_selector("#zs-root", "e => getComputedStyle(e).colorScheme") == "light"
    context.close()


def test_own_answers_join_the_team_view(form):
    answer(form, 0, 4)
    form.set_input_files("#zs-team-files", files(export_file({0: 2})))
    form.wait_for_selector("#zs-team-table")
    form.click("button[data-action=team-own]")
    assert score_row(form, "#zs-team-table", 0)[1:] == ["3,0", "2,0–4,0", "1,0", "1", "0", "1", "0"]
    answer(form, 0, 5)
    form.click("button[data-action=team-own]")  # updated, not counted twice
    assert score_row(form, "#zs-team-table", 0)[1:] == ["3,5", "2,0–5,0", "1,5", "1", "0", "1", "0"]
    assert "Je eigen antwoorden zijn bijgewerkt" in status(form, "#zs-team-status")


def test_printout_after_use_puts_the_next_steps_with_the_plan(form):
    for index, group in enumerate(form.locator(".lo-zs-statement").all()):
        group.locator(f'input[type=radio][value="{index % 5 + 1}"]').check()
    form.locator('textarea[data-plan="what"]').first.fill("Visie samen herschrijven")
    lowest = form.locator("#zs-next fieldset legend").first.inner_text()
    pages = page_texts(form.pdf(format="A4"))
    plan = [i for i, text in enumerate(pages) if "Prioriteiten en actieplan" in text]
    assert len(plan) == 1
    assert "Volgende stappen" in pages[plan[0]] and lowest in pages[plan[0]]  # not alone on its page
    assert "Jouw resultaat" in pages[plan[0] - 1]
    assert "Zet aangevinkte suggesties" not in " ".join(pages)


def test_dialogue_starters_do_not_put_a_list_number_before_the_statement_number(form):
    form.set_input_files("#zs-team-files", files(export_file({3: 1}), export_file({3: 5})))
    form.wait_for_selector("#zs-starters li")
    marker = form.eval_on_selector("#zs-starters li", "li => getComputedStyle(li).listStyleType")
    assert marker not in ("decimal", "decimal-leading-zero")  # "1. 4.1 In ons team ..."
    assert form.inner_text("#zs-starters li").startswith("4.1 " + " ".join(DIMS[3]["self_check"][0].split()))


# ---------- Answers are never lost: start-up errors, two tabs, imports ----------

REMOVE_ON_ARRIVAL = """(id) => new MutationObserver(() => document.getElementById(id)?.remove())
    .observe(document, {childList: true, subtree: true})"""
TOOLBAR = ".lo-zs-toolbar:not([hidden])"


def store_answers(page, text: str) -> None:
    page.evaluate("(text) => localStorage.setItem('lo-zelfscan', text)", text)
    page.reload()
    page.wait_for_selector(TOOLBAR)


def test_stored_answers_that_made_the_start_up_fail_are_loaded_not_overwritten(form):
    # A dimension id like "constructor" in storage made the old page throw during start-up, after its form could
    # already save: the next tick stored an almost empty form over the answers.
    stored = json.loads(export_file({0: 2, 1: 3}))
    stored["dimensions"].append({"id": "constructor", "answers": [], "good": "Goed", "better": ""})
    store_answers(form, json.dumps(stored))
    assert (checked(form, 0), checked(form, 1)) == (["2"], ["3"])
    assert '"constructor"' in status(form) and "ongeldige naam" in status(form)
    answer(form, 2, 4)
    form.reload()
    assert (checked(form, 0), checked(form, 1), checked(form, 2)) == (["2"], ["3"], ["4"])


def test_an_error_at_start_up_leaves_the_stored_answers_alone(page, served_site):
    page.goto(served_site + "zelfscan/")
    page.evaluate("(text) => localStorage.setItem('lo-zelfscan', text)", export_file({0: 2}))
    before = stored_answers(page)
    page.evaluate(f"() => {{ ({REMOVE_ON_ARRIVAL})('zs-time-result'); }}")  # also for the reload below
    page.add_init_script(f"({REMOVE_ON_ARRIVAL})('zs-time-result')")
    page.reload()
    answer(page, 1, 5)  # the paper form still takes a tick, but nothing saves it
    page.wait_for_timeout(300)
    assert stored_answers(page) == before
    assert "werkt de zelfscan in de browser nu niet" in status(page)
    assert page.locator(".lo-zs-toolbar button:visible").count() == 0


@pytest.mark.parametrize("follow_other_tabs", [True, False], ids=["storage-event", "merge-on-save"])
def test_two_tabs_keep_each_others_answers(form, served_site, follow_other_tabs):
    other = second_tab(form, served_site + "zelfscan/", follow_other_tabs)
    other.wait_for_selector(TOOLBAR)
    answer(form, 0, 2)
    form.fill(f"#zs-{DIMS[0]['id']}-good", "Uit het eerste tabblad")
    wait_until_read(other, "lo-zelfscan", "Uit het eerste tabblad")
    answer(other, 1, 4)
    other.locator('textarea[data-plan="what"]').first.fill("Uit het tweede tabblad")
    form.reload()
    form.wait_for_selector(TOOLBAR)
    assert checked(form, 0) == ["2"] and checked(form, 1) == ["4"]
    assert form.input_value(f"#zs-{DIMS[0]['id']}-good") == "Uit het eerste tabblad"
    assert form.locator('textarea[data-plan="what"]').first.input_value() == "Uit het tweede tabblad"
    assert checked(other, 0) == ["2"]  # the other tab shows the first tab's answer too, and says why
    assert "ander tabblad" in status(other)


def test_a_tab_that_saves_over_answers_it_has_not_read_yet_does_not_undo_them(form, served_site):
    # CI, 2026-12-02: the other tab still read the answer without the note, and stored its own answer over both.
    other = second_tab(form, served_site + "zelfscan/")
    other.wait_for_selector(TOOLBAR)
    answer(form, 0, 2)
    first = f"[name='zs-{DIMS[0]['id']}-0'][value='2']"
    other.wait_for_function("(first) => document.querySelector(first).checked", arg=first)
    with stale_storage(other):
        form.fill(f"#zs-{DIMS[0]['id']}-good", "Uit het eerste tabblad")
        answer(other, 1, 4)
    form.locator("#zs-status", has_text="ander tabblad").wait_for()
    form.reload()
    form.wait_for_selector(TOOLBAR)
    assert (checked(form, 0), checked(form, 1)) == (["2"], ["4"])
    assert form.input_value(f"#zs-{DIMS[0]['id']}-good") == "Uit het eerste tabblad"


def test_clearing_in_one_tab_clears_the_other_and_says_so(form, served_site):
    answer(form, 0, 2)
    other = second_tab(form, served_site + "zelfscan/")
    other.wait_for_selector(TOOLBAR)
    assert checked(other, 0) == ["2"]
    form.once("dialog", lambda dialog: dialog.accept())
    form.click("button[data-action=clear]")
    assert "in een ander tabblad gewist" in status(other)
    assert checked(other, 0) == []


@pytest.mark.parametrize("dimensions", [
    [],
    [{"id": "bestaat-niet", "answers": [{"index": 0, "hash": "abc", "value": 3}], "good": "", "better": ""}],
    [{"id": DIMS[0]["id"], "answers": [{"index": 0, "hash": "gewijzigd", "value": 3}], "good": "", "better": ""}],
], ids=["no-dimensions", "unknown-dimension", "rewritten-statement"])
def test_a_file_without_usable_answers_replaces_nothing(form, dimensions):
    answer(form, 0, 3)
    form.on("dialog", lambda dialog: dialog.accept())  # the old page asked a generic "Doorgaan?" and replaced all
    empty = json.loads(export_file({}, team="Team Zuid"))
    empty["dimensions"] = dimensions
    form.set_input_files("#zs-import-file", files(json.dumps(empty), name="leeg"))
    form.wait_for_function("document.querySelector('#zs-status').textContent.includes('leeg1.json')")
    assert checked(form, 0) == ["3"] and form.input_value("#zs-team") == ""
    assert "bevat geen antwoorden" in status(form) and "niet veranderd" in status(form)
    form.reload()
    assert checked(form, 0) == ["3"]


@pytest.mark.parametrize("format_id", ["lerende-organisatie/zelfscan", "lerende-organisatie-zelfscan"])
def test_stored_answers_from_a_newer_version_are_never_overwritten(form, format_id):
    newer = json.loads(export_file({0: 5}))
    newer.update({"format": format_id, "formatVersion": 2})
    store_answers(form, json.dumps(newer))
    assert "nieuwere versie" in status(form)
    answer(form, 1, 2)
    form.wait_for_timeout(300)
    assert json.loads(stored_answers(form)) == newer
    assert "niet bewaard" in status(form)
    form.once("dialog", lambda dialog: dialog.accept())
    form.set_input_files("#zs-import-file", files(export_file({0: 1})))  # an import is a click too
    form.wait_for_function("document.querySelector('#zs-status').textContent.includes('lid1.json')")
    assert json.loads(stored_answers(form)) == newer


def test_ids_that_name_built_in_objects_are_skipped_with_a_message(form):
    with_prototype_ids = json.loads(export_file({0: 4}))
    with_prototype_ids["dimensions"] += [
        {"id": "__proto__", "answers": [], "good": "vervuild", "better": ""},
        {"id": "constructor", "answers": [{"index": 0, "hash": "x", "value": 1}], "good": "", "better": ""},
    ]
    with_prototype_ids["priorities"] = ["__proto__", "constructor", DIMS[0]["id"]]
    form.set_input_files("#zs-import-file", files(json.dumps(with_prototype_ids), name="proto"))
    form.wait_for_function("document.querySelector('#zs-status').textContent.includes('proto1.json')")
    message = status(form)
    assert "ongeldige naam" in message and '"__proto__"' in message and '"constructor"' in message
    assert checked(form, 0) == ["4"]
    assert form.is_checked(f'input[name=priority][value="{DIMS[0]["id"]}"]')
    assert form.evaluate("() => ({}).good === undefined && typeof ({}).constructor === 'function'")
