"""The team self-check in Chromium: answer codes, files, paper forms, the team result, plan and earlier round.

Each test is one path a team leader or member takes (issue 13). Members' exports and codes are made the way a
member's browser makes them; the expected numbers are worked out in the comments.
"""

from __future__ import annotations

import json

import pytest
from pdftext import page_sizes, page_texts
from playwright.sync_api import expect

from macros import dataset
from macros.selfcheck import statement_hash

DATA = dataset.load()
DIMS = DATA["dimensions"]
STATEMENTS = sum(len(d["self_check"]) for d in DIMS)
A4 = (595.28, 841.89)  # points


@pytest.fixture
def leader(page, served_site):
    page.goto(served_site + "zelfscan/")
    page.wait_for_selector("#zs-team-view:not([hidden])")
    return page


def export(first_statements: dict, respondent: str | None = None, **extra) -> str:
    """A member's export: {dimension index: value of its first statement}; no respondent id for an old file."""
    doc = {
        "format": "lerende-organisatie/zelfscan",
        "formatVersion": 1,
        "contentVersion": DATA["version"],
        "team": "",
        "name": "",
        "date": "",
        "savedAt": "2026-12-01T10:00:00.000Z",
        "priorities": [],
        "plan": [],
        "dimensions": [
            {
                "id": dim["id"],
                "good": "",
                "better": "",
                "answers": (
                    [{"index": 0, "hash": statement_hash(dim["self_check"][0]), "value": first_statements[i]}]
                    if i in first_statements
                    else []
                ),
            }
            for i, dim in enumerate(DIMS)
        ],
        **extra,
    }
    if respondent:
        doc["respondent"] = respondent
    return json.dumps(doc)


def upload(page, *named: tuple[str, str]) -> None:
    page.set_input_files(
        "#zs-team-files",
        [{"name": name, "mimeType": "application/json", "buffer": text.encode()} for name, text in named],
    )


def code_for(page, respondent: str, first_statements: dict) -> str:
    """The answer code a member's browser makes: {dimension index: value of its first statement}."""
    return page.evaluate(
        """async ([respondent, values]) => {
        if (!window.ZelfscanCode) {
            await new Promise((resolve) => document.head.appendChild(Object.assign(document.createElement('script'),
                {src: new URL('../assets/js/zelfscan-code.js', location.href).href, onload: resolve})));
        }
        const model = JSON.parse(document.getElementById('zs-model').textContent);
        const dimensions = model.dimensions.map((dim, i) => ({id: dim.id, good: '', better: '',
            answers: values[i] === undefined ? [] : [{index: 0, hash: dim.statements[0].hash, value: values[i]}]}));
        return ZelfscanCode.make({respondent, dimensions}, model);
    }""",
        [respondent, {str(k): v for k, v in first_statements.items()}],
    )


def status(page) -> str:
    return page.inner_text("#zs-team-status")


def team_row(page, dim_index: int) -> list[str]:
    row = page.locator("#zs-team-table tbody tr").nth(dim_index)
    return [cell.strip() for cell in row.locator("th, td").all_inner_texts()]


def wait_for_people(page, n: int) -> None:
    # A failure shows what the caption said; 30 s as Playwright gives a page action, not expect's 5 s.
    expect(page.locator("#zs-team-table caption")).to_contain_text(f"({n} deelnemer(s)", timeout=30_000)


# Columns of the team table after the dimension: mean, lowest-highest, spread, low, middle, high, "weet ik niet".


def test_five_members_whose_exports_have_the_same_file_name_count_five_times(leader):
    same_name = "zelfscan-2026-12-01.json"
    ids = ["11111111", "22222222", "33333333", "44444444", "55555555"]
    for value, respondent in zip([1, 2, 3, 4, 5], ids, strict=True):
        upload(leader, (same_name, export({0: value}, respondent)))
        leader.wait_for_function(
            f"document.querySelector('#zs-team-status').textContent.includes('{ids.index(respondent) + 1} deelnemer')"
        )
    wait_for_people(leader, 5)
    # Dimension 1: 1, 2, 3, 4, 5: mean 3, spread sqrt(2) = 1.41; low 1 and 2, middle 3, high 4 and 5.
    assert team_row(leader, 0)[1:] == ["3,0", "1,0–5,0", "1,4", "2", "1", "2", "0"]
    # The third member saves again ("(1)") with a new answer: replaced, and said so.
    upload(leader, ("zelfscan-2026-12-01 (1).json", export({0: 5}, "33333333")))
    leader.wait_for_function("document.querySelector('#zs-team-status').textContent.includes('vervangen')")
    assert "'zelfscan-2026-12-01 (1).json' is dezelfde persoon als 'zelfscan-2026-12-01.json'" in status(leader)
    wait_for_people(leader, 5)
    # Now 1, 2, 5, 4, 5: mean 3.4, spread sqrt(13.2 / 5) = 1.62.
    assert team_row(leader, 0)[1:4] == ["3,4", "1,0–5,0", "1,6"]


def test_an_older_file_without_id_saved_twice_counts_once(leader):
    old = export({0: 4})  # no respondent id: recognised by content
    upload(leader, ("zelfscan (1).json", old), ("zelfscan (2).json", old), ("ander.json", export({0: 2})))
    leader.wait_for_function("document.querySelector('#zs-team-status').textContent.includes('vervangen')")
    wait_for_people(leader, 2)
    assert team_row(leader, 0)[1] == "3,0"


def test_the_sites_own_csv_export_is_accepted(leader, tmp_path):
    leader.check(f'input[name="zs-{DIMS[0]["id"]}-0"][value="2"]')
    leader.check(f'input[name="zs-{DIMS[0]["id"]}-1"][value="?"]')
    with leader.expect_download() as download:
        leader.click("button[data-action=export-csv]")
    csv = download.value.path().read_bytes()
    assert "Respondent;Versie" in csv.decode("utf-8-sig").splitlines()[0]
    leader.set_input_files("#zs-team-files", [{"name": "lid.csv", "mimeType": "text/csv", "buffer": csv}])
    wait_for_people(leader, 1)
    assert team_row(leader, 0)[1:] == ["2,0", "2,0–2,0", "0,0", "1", "0", "0", "0"]
    # The same person's JSON export is the same respondent: replaced, not added.
    with leader.expect_download() as json_download:
        leader.click("button[data-action=export-json]")
    leader.set_input_files("#zs-team-files", str(json_download.value.path()))
    leader.wait_for_function("document.querySelector('#zs-team-status').textContent.includes('vervangen')")
    wait_for_people(leader, 1)


def test_member_makes_a_code_and_the_qr_code_loads_only_when_pressed(browser, served_site, leader):
    member_context = browser.new_context(locale="nl-NL")
    member = member_context.new_page()
    requested = []
    member.on("request", lambda request: requested.append(request.url))
    member.goto(served_site + "zelfscan/")
    member.wait_for_selector("#zs-share:not([hidden])")
    member.check(f'input[name="zs-{DIMS[0]["id"]}-0"][value="4"]')
    member.check(f'input[name="zs-{DIMS[1]["id"]}-0"][value="?"]')
    member.get_by_role("button", name="Maak een antwoordcode").click()
    code_field = member.get_by_label("Antwoordcode", exact=True)
    member.wait_for_function("document.getElementById('zs-code').value !== ''")
    code = code_field.input_value()
    assert code.startswith("LO1-") and code_field.get_attribute("readonly") is not None
    link = member.input_value("#zs-code-link")
    assert link == served_site + "zelfscan/#antwoordcode=" + code
    assert not any("qrcode" in url for url in requested), "the QR encoder loads before it is needed"
    member.get_by_role("button", name="Toon QR-code").click()
    member.wait_for_selector("#zs-code-qr svg[role=img] path")
    assert any(url.endswith("vendor/qrcode-generator/qrcode.js") for url in requested)
    # Changing an answer changes the code along with it.
    member.check(f'input[name="zs-{DIMS[0]["id"]}-0"][value="5"]')
    member.wait_for_function(f"document.getElementById('zs-code').value !== '{code}'")
    code = code_field.input_value()
    member_context.close()

    # The leader pastes it with extra spaces and line breaks.
    broken = f"  {code[:20]}\n\n   {code[20:]}  \n"
    leader.fill("#zs-codes", broken)
    leader.get_by_role("button", name="Voeg toe").click()
    wait_for_people(leader, 1)
    assert "1 antwoordcode(s) toegevoegd" in status(leader)
    assert team_row(leader, 0)[1] == "5,0" and team_row(leader, 1)[-1] == "1"  # dimension 2: "weet ik niet"
    assert leader.input_value("#zs-codes") == ""


def test_many_codes_at_once_and_a_mistyped_code_changes_nothing(leader):
    codes = [code_for(leader, respondent, {0: value}) for respondent, value in [("AAAAAAAA", 2), ("BBBBBBBB", 4)]]
    leader.fill("#zs-codes", "\n".join(codes))
    leader.get_by_role("button", name="Voeg toe").click()
    wait_for_people(leader, 2)
    third = code_for(leader, "CCCCCCCC", {0: 5})
    typo = third[:10] + ("7" if third[10] != "7" else "8") + third[11:]
    leader.fill("#zs-codes", typo + "\n" + codes[0])
    leader.get_by_role("button", name="Voeg toe").click()
    leader.wait_for_selector("#zs-team-status.lo-error")
    assert "Code 1" in status(leader) and "tikfout" in status(leader) and "niets toegevoegd" in status(leader)
    assert leader.input_value("#zs-codes") == typo + "\n" + codes[0]  # kept, to correct
    wait_for_people(leader, 2)
    assert team_row(leader, 0)[1] == "3,0"


def test_a_link_with_a_code_fills_the_field_and_changes_nothing_until_added(leader, served_site):
    code = code_for(leader, "DDDDDDDD", {0: 3})
    leader.goto("about:blank")
    leader.goto(served_site + "zelfscan/#antwoordcode=" + code)
    leader.wait_for_function("document.getElementById('zs-codes').value !== ''")
    assert leader.input_value("#zs-codes") == code
    assert "Druk op Voeg toe" in status(leader)
    assert "antwoordcode" not in leader.url
    assert leader.locator("#zs-team-table").count() == 0
    leader.get_by_role("button", name="Voeg toe").click()
    wait_for_people(leader, 1)


def test_three_paper_forms_typed_with_the_keyboard_only(leader):
    leader.get_by_role("button", name="Formulier toevoegen").click()
    per_form = ["1" * 5, "3" * 5, "5" * 5]  # dimension 1 of forms 1-3; the other dimensions as typed below
    for i, first in enumerate(per_form):
        leader.keyboard.type(first)
        for _ in DIMS[1:]:
            leader.keyboard.press("Tab")
            leader.keyboard.type("0-24")  # "weet ik niet", open, 2, 4
        if i < 2:
            leader.keyboard.press("Enter")  # on to a new form
    leader.keyboard.press("Tab")  # leaving the last field counts it
    wait_for_people(leader, 3)
    assert leader.inner_text("#zs-paper-count") == "3 papieren formulier(en) ingevoerd."
    # Dimension 1: 1, 3, 5: mean 3, spread sqrt(8/3) = 1.63, one low, one middle, one high.
    assert team_row(leader, 0)[1:] == ["3,0", "1,0–5,0", "1,6", "1", "1", "1", "0"]
    # Dimension 2 on every form: (2 + 4) / 2 = 3.
    assert team_row(leader, 1)[1:] == ["3,0", "3,0–3,0", "0,0", "0", "3", "0", "0"]
    # A wrong key is named, and the row is corrected in place.
    field = leader.get_by_label(
        f"Formulier 2, dimensie 1. {DIMS[0]['title']} ({len(DIMS[0]['self_check'])} uitspraken)"
    )
    field.fill("3396")
    assert field.get_attribute("aria-invalid") == "true"
    assert "'9' is geen score" in leader.inner_text("#zs-paper-rows")
    field.fill("55555")
    field.press("Enter")
    wait_for_people(leader, 3)
    assert team_row(leader, 0)[1] == "3,7"
    leader.reload()
    leader.wait_for_selector("#zs-team-table")
    assert field.input_value() == "55555"


def test_distribution_statements_and_notes_without_names(leader):
    upload(
        leader,
        ("a.json", export({0: 1, 1: 5}, "AAAAAAAA", name="Sam")),
        ("b.json", export({0: 5, 1: 5}, "BBBBBBBB")),
        (
            "c.json",
            json.dumps(
                {
                    **json.loads(export({0: 2}, "CCCCCCCC")),
                    "dimensions": [
                        {
                            **d,
                            "good": "We vieren successen" if i == 0 else "",
                            "better": "Meer tijd om te leren" if i == 0 else "",
                        }
                        for i, d in enumerate(json.loads(export({0: 2}, "CCCCCCCC"))["dimensions"])
                    ],
                }
            ),
        ),
    )
    wait_for_people(leader, 3)
    strip = leader.locator(".lo-zs-strips .lo-zs-strip").first
    assert (
        strip.locator(".lo-zs-bar--low").inner_text() == "2" and strip.locator(".lo-zs-bar--high").inner_text() == "1"
    )
    starters = leader.locator("#zs-starters li").all_inner_texts()
    assert starters[0].startswith("1.1 ") and " ".join(DIMS[0]["self_check"][0].split()) in starters[0]
    leader.click("summary:has-text('Alle uitspraken: hoe vaak elke score gekozen is')")
    first = leader.locator("#zs-statement-table tbody tr").nth(1).locator("th, td").all_inner_texts()
    assert first[1:6] == ["1", "1", "0", "0", "1"]
    leader.click("summary:has-text('Notities van teamleden, per dimensie (zonder namen)')")
    notes = leader.inner_text("#zs-team-notes")
    assert "We vieren successen" in notes and "Meer tijd om te leren" in notes and "Sam" not in notes


def test_next_steps_and_plan_start_from_the_team_and_survive_a_reload(leader):
    leader.check(f'input[name="zs-{DIMS[7]["id"]}-0"][value="1"]')  # the leader's own lowest: dimension 8
    upload(
        leader, ("a.json", export({0: 1, 1: 4, 2: 5}, "AAAAAAAA")), ("b.json", export({0: 2, 1: 2, 2: 5}, "BBBBBBBB"))
    )
    wait_for_people(leader, 2)
    # Team means: dimension 1 1.5 (lowest), 2 3.0 (lowest but one, and the most disputed: 4 and 2), 3 5.0.
    legends = leader.locator("#zs-team-next legend").all_inner_texts()
    assert legends[0].startswith(f"1. {DIMS[0]['title']}: laag gemiddelde (1,5)")
    assert legends[1].startswith(f"2. {DIMS[1]['title']}: laag gemiddelde (3,0), meest verdeeld")
    assert not any(f"8. {DIMS[7]['title']}" in legend for legend in legends)
    assert "teamresultaat" in leader.inner_text("#zs-next").lower()  # the leader's own next steps point to the team
    leader.locator("#zs-team-next input[type=checkbox]").first.check()
    leader.get_by_role("button", name="Zet aangevinkte suggesties in het teamplan").click()
    what = f"{DIMS[0]['suggestions'][0]['title']} (1. {DIMS[0]['title']})"
    assert leader.get_by_label("Teamactie 1: wat gaan we doen?").input_value() == what
    leader.get_by_label("Teamactie 1: eigenaar").fill("Sam")
    leader.get_by_label("Teamactie 1: datum").fill("2027-03-01")
    leader.get_by_label("Teamactie 1: waaraan merken we het?").fill("Iedereen deelt elke maand één les")
    leader.fill("#zs-team-name", "Team Noord")
    leader.reload()
    wait_for_people(leader, 2)
    assert team_row(leader, 0)[1] == "1,5"
    assert leader.get_by_label("Teamactie 1: eigenaar").input_value() == "Sam"
    assert leader.get_by_label("Teamactie 1: datum").input_value() == "2027-03-01"
    assert leader.input_value("#zs-team-name") == "Team Noord"


def test_team_file_export_print_on_one_a4_and_earlier_round(leader, tmp_path):
    thirty = [(f"lid{i}.json", export({d: (i + d) % 5 + 1 for d in range(len(DIMS))}, f"{i:08d}")) for i in range(30)]
    upload(leader, *thirty)
    wait_for_people(leader, 30)
    for row in range(1, 5):
        leader.get_by_label(f"Teamactie {row}: wat gaan we doen?").fill(
            f"Actie {row}: elke maand een leeruur met het hele team"
        )
        leader.get_by_label(f"Teamactie {row}: eigenaar").fill("Sam")
        leader.get_by_label(f"Teamactie {row}: waaraan merken we het?").fill("Iedereen deelt één les uit het werk")
    with leader.expect_download() as download:
        leader.get_by_role("button", name="Exporteer teambestand").click()
    team_file = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert team_file["format"] == "lerende-organisatie/zelfscan-team" and team_file["formatVersion"] == 2
    assert len(team_file["respondents"]) == 30 and team_file["plan"][0]["owner"] == "Sam"

    leader.evaluate("() => { window.print = () => {}; }")
    leader.get_by_role("button", name="Druk teamresultaat af").click()
    pdf = leader.pdf(format="A4")
    texts = page_texts(pdf)
    assert len(texts) == 1, f"the team result takes {len(texts)} pages"
    assert page_sizes(pdf)[0] == pytest.approx(A4, abs=1)
    assert "Teamresultaat per dimensie (30 deelnemer(s))" in texts[0] and "Actie 4: elke maand" in texts[0]
    assert "Voeg toe" not in texts[0] and "Papieren formulieren" not in texts[0]

    # Next round: the exported file is the earlier round; now everyone scores dimension 1 at 5.
    leader.evaluate("() => document.body.classList.remove('lo-zs-print-team')")
    leader.once("dialog", lambda dialog: dialog.accept())
    leader.get_by_role("button", name="Wis teamresultaat").click()
    leader.set_input_files("#zs-team-baseline-file", str(download.value.path()))
    leader.wait_for_function("document.querySelector('#zs-team-baseline-status').textContent.includes('geladen')")
    upload(leader, ("nu.json", export({0: 5}, "ZZZZZZZZ")))
    wait_for_people(leader, 1)
    # Then: dimension 1 had values (i % 5) + 1 for i = 0..29: mean 3, spread sqrt(2) = 1.41.
    assert team_row(leader, 0)[1:4] == ["3,0 → 5,0", "5,0–5,0", "1,4 → 0,0"]
    assert leader.locator(".lo-zs-strip").first.locator(".lo-zs-bar").count() == 2


@pytest.mark.parametrize("width", [360, 390])
def test_nothing_scrolls_sideways_on_a_phone(browser, served_site, width):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 800})
    phone = context.new_page()
    phone.goto(served_site + "zelfscan/")
    phone.wait_for_selector("#zs-team-view:not([hidden])")
    for index, group in enumerate(phone.locator(".lo-zs-statement").all()):
        group.locator(f'input[type=radio][value="{index % 5 + 1}"]').check()
    phone.get_by_role("button", name="Maak een antwoordcode").click()
    phone.get_by_role("button", name="Toon QR-code").click()
    phone.wait_for_selector("#zs-code-qr svg")
    upload(
        phone, *[(f"lid{i}.json", export({d: (i + d) % 5 + 1 for d in range(len(DIMS))}, f"{i:08d}")) for i in range(4)]
    )
    wait_for_people(phone, 4)
    phone.get_by_role("button", name="Neem mijn eigen antwoorden mee").click()
    phone.get_by_role("button", name="Formulier toevoegen").click()
    phone.keyboard.type("12345")
    phone.click("summary:has-text('Alle uitspraken: hoe vaak elke score gekozen is')")
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls {overflow} px sideways at {width} px"
    wide = phone.evaluate("""() => [...document.querySelectorAll('#zs-root *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                     && !e.closest('.lo-zs-scroll'))
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert wide == [], f"wider than the screen, outside a scroll box: {wide}"
    context.close()


def test_two_tabs_keep_each_others_additions(leader, served_site):
    other = leader.context.new_page()
    other.goto(served_site + "zelfscan/")
    other.wait_for_selector("#zs-team-view:not([hidden])")
    upload(leader, ("a.json", export({0: 2}, "AAAAAAAA")))
    wait_for_people(leader, 1)
    upload(other, ("b.json", export({0: 4}, "BBBBBBBB")))  # this tab had not seen a.json yet
    wait_for_people(other, 2)
    leader.get_by_role("button", name="Formulier toevoegen").click()
    leader.keyboard.type("33333")  # typed key by key: every key is stored, the last one too
    leader.keyboard.press("Tab")
    wait_for_people(leader, 3)
    other.reload()
    wait_for_people(other, 3)
    # Dimension 1: 2, 4 and 3.
    assert team_row(other, 0)[1:3] == ["3,0", "2,0–4,0"]
    assert (
        other.get_by_label(
            f"Formulier 1, dimensie 1. {DIMS[0]['title']} ({len(DIMS[0]['self_check'])} uitspraken)"
        ).input_value()
        == "33333"
    )
