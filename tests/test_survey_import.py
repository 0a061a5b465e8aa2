"""Reading survey exports back (docs/assets/js/survey-import.js) with the files this site generates.

The parser's own tests are Node tests in tests/js/ (run by tests/test_js_units.py). The tests below join both
halves: exports made from the generated LimeSurvey, XLSForm and Forms files of the real dataset are read back by the
script, so the codes of macros/questionnaire.py and the script's rules cannot drift apart. The Excel path also runs
in Chromium, with the browser's own XML parser and a file written by openpyxl.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import random
import re
import shutil
import subprocess

import openpyxl
import pytest
from conftest import ROOT, SITE_URL, read_yaml, require

from macros import survey_files
from macros.model import Dataset
from macros.selfcheck import statement_hash

SCRIPT = ROOT / "docs" / "assets" / "js" / "survey-import.js"
FFLATE = ROOT / "docs" / "assets" / "vendor" / "fflate" / "fflate.js"
DATA = read_yaml(ROOT / "data" / "dimensions.yaml")
DS = Dataset.create(DATA, SITE_URL)
SCALE = sorted(DATA["scale"], key=lambda s: s["value"])
MODEL = {
    "version": DATA["version"],
    "scale": SCALE,
    "dimensions": [
        {"id": d["id"], "number": d["number"], "title": d["title"],
         "statements": [{"index": i, "hash": statement_hash(t), "text": t} for i, t in enumerate(d["self_check"])]}
        for d in sorted(DATA["dimensions"], key=lambda d: d["number"])
    ],
}
STATEMENTS = [s for d in MODEL["dimensions"] for s in d["statements"]]
ROLES = {"LG": "Leidinggevende", "MW": "Medewerker", "HR": "HR"}
NODE_READ = """
const SurveyImport = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { file, model } = JSON.parse(input);
  process.stdout.write(JSON.stringify(SurveyImport.read(Buffer.from(file, "base64"), model)));
});
"""


def node() -> str:
    path = shutil.which("node")
    require(path is not None, "Node.js is missing")
    return path


def read_in_node(file: bytes) -> dict:
    result = subprocess.run([node(), "-e", NODE_READ, str(SCRIPT)], capture_output=True, text=True, timeout=120,
                            input=json.dumps({"file": base64.b64encode(file).decode(), "model": MODEL}))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def people(count: int = 12) -> list[dict]:
    """Respondents with a score, "weet ik niet" (None) or no answer ("") per statement, in statement order."""
    rng = random.Random(14)
    choices = [s["value"] for s in SCALE] + [None, ""]
    return [{"answers": [rng.choice(choices) for _ in STATEMENTS], "ROL": rng.choice(list(ROLES)),
             "TEAM": rng.choice(["Zorg", "Financiën", ""])} for _ in range(count)]


def assert_read_back(result: dict, respondents: list[dict]) -> None:
    assert "error" not in result, result.get("error")
    assert len(result["respondents"]) == len(respondents)
    for read, person in zip(result["respondents"], respondents, strict=True):
        answers = {a["hash"]: a["value"] for dim in read["dimensions"] for a in dim["answers"]}
        expected = {s["hash"]: a for s, a in zip(STATEMENTS, person["answers"], strict=False) if a != ""}
        assert answers == expected
        assert (read["ROL"], read["TEAM"]) == (person["ROL"], person["TEAM"] or None)
    assert result["report"]["statements"] == len(STATEMENTS) and result["report"]["missingStatements"] == []


def limesurvey_export(respondents: list[dict], extra: list[str] | None = None) -> bytes:
    """LimeSurvey's response CSV (question codes, answer codes) of the generated survey: BOM, every field quoted.

    `extra` adds columns LimeSurvey would not write (an export edited in a spreadsheet), with "x" in every row.
    """
    structure = list(csv.DictReader(io.StringIO(survey_files.limesurvey_tsv(DS).decode("utf-8-sig")), delimiter="\t"))
    columns, answer_codes, question = [], {}, None
    for row in structure:
        if row["class"] == "Q":
            question = row["name"]
        elif row["class"] == "SQ":
            columns.append(f"{question}[{row['name']}]")
        elif row["class"] == "A" and question != "ROL":
            answer_codes[row["assessment_value"] or None] = row["name"]
    extra = extra or []
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", *columns, "ROL", "TEAM", *extra]
    lines = [header] + [[str(i), "2026-12-01 10:00:00", "9", "nl", "1",
                         *["" if a == "" else answer_codes[None if a is None else str(a)] for a in p["answers"]],
                         p["ROL"], p["TEAM"], *["x" for _ in extra]] for i, p in enumerate(respondents, start=1)]
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(lines)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def test_limesurvey_export_of_the_generated_survey_is_read_back():
    respondents = people()
    result = read_in_node(limesurvey_export(respondents))
    assert_read_back(result, respondents)
    assert result["report"]["format"] == "LimeSurvey" and result["report"]["ignoredColumns"] == []


def kobo_export(respondents: list[dict], headers: str) -> bytes:
    """KoboToolbox's CSV of the generated XLSForm: semicolons, XML names ("group/name") or labels as headers."""
    book = openpyxl.load_workbook(io.BytesIO(survey_files.xlsform(DS)))
    rows = [dict(zip(("type", "name", "label"), r[:3], strict=False))
            for r in book["survey"].iter_rows(min_row=2, values_only=True)]
    choices = {(r[0], r[1]): r[2] for r in book["choices"].iter_rows(min_row=2, values_only=True)}
    scale_codes = dict(zip([s["value"] for s in SCALE] + [None], [code for name, code in choices if name == "schaal"],
                           strict=False))
    group, columns = None, []
    for row in rows:
        if row["type"] == "begin_group":
            group = row["name"]
        elif row["type"] == "select_one schaal":
            columns.append(f"{group}/{row['name']}" if headers == "xml" else row["label"])

    def value(list_name: str, code) -> str:
        return code if headers == "xml" else choices[(list_name, code)]

    header = ["start", "end", *columns, "ROL" if headers == "xml" else "Wat is je rol in de organisatie?",
              "TEAM" if headers == "xml" else "In welk team of op welke afdeling werk je?", "_id", "_uuid"]
    lines = [header] + [["2026-12-01T10:00:00", "2026-12-01T10:09:00",
                         *["" if a == "" else value("schaal", scale_codes[a]) for a in p["answers"]],
                         value("rol", p["ROL"]), p["TEAM"], str(i), f"uuid-{i}"] for i, p in enumerate(respondents)]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(lines)
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("headers", ["xml", "labels"])
def test_kobotoolbox_export_of_the_generated_xlsform_is_read_back(headers):
    respondents = people()
    result = read_in_node(kobo_export(respondents, headers))
    assert_read_back(result, respondents)
    assert result["report"]["format"] == "KoboToolbox" and result["report"]["ignoredColumns"] == []


def forms_export(respondents: list[dict]) -> tuple[list[str], list[list[str]]]:
    """Google Forms' layout for the questions typed from the generated Forms CSV: 'Title [row]' per grid row."""
    typed = list(csv.reader(io.StringIO(survey_files.forms_csv(DS).decode("utf-8-sig")), delimiter=";"))[1:]
    grid = [r for r in typed if r[4]]
    labels = dict(zip([s["value"] for s in SCALE] + [None], grid[0][5:], strict=False))
    header = ["Tijdstempel", *[f"{r[2]} [{r[4]}]" for r in grid], typed[-2][2], typed[-1][2]]
    rows = [["2026/12/01 10:00:00", *["" if a == "" else labels[a] for a in p["answers"]], ROLES[p["ROL"]], p["TEAM"]]
            for p in respondents]
    return header, rows


def google_forms_export(respondents: list[dict], comment: str = "") -> bytes:
    """Google Forms' CSV; `comment` adds an open question whose answers hold quotes and line breaks."""
    header, rows = forms_export(respondents)
    if comment:
        header, rows = [*header, "Opmerkingen"], [[*row, comment] for row in rows]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue().encode("utf-8")


def test_google_forms_export_of_the_typed_questionnaire_is_read_back():
    respondents = people()
    result = read_in_node(google_forms_export(respondents))
    assert_read_back(result, respondents)
    assert result["report"]["format"] == "Google Forms" and result["report"]["ignoredColumns"] == []


def microsoft_forms_excel(respondents: list[dict]) -> bytes:
    """Microsoft Forms' "Openen in Excel" file: its own first columns, then one column per statement (the row text)."""
    header, rows = forms_export(respondents)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name",
                  *[re.sub(r"^.*\[(.*)\]$", r"\1", h) for h in header[1:-2]], *header[-2:]])
    for i, row in enumerate(rows, start=1):
        sheet.append([i, "2026-12-01 10:00", "2026-12-01 10:05", "anonymous", None, *[c or None for c in row[1:]]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_microsoft_forms_excel_file_is_read_in_the_browser(browser):
    respondents = people()
    excel = microsoft_forms_excel(respondents)
    page = browser.new_page()
    page.goto("about:blank")
    page.add_script_tag(path=str(FFLATE))
    page.add_script_tag(path=str(SCRIPT))
    result = page.evaluate("([bytes, model]) => SurveyImport.read(new Uint8Array(bytes), model)",
                           [list(excel), MODEL])
    page.close()
    assert_read_back(result, respondents)
    assert result["report"]["format"] == "Microsoft Forms" and result["report"]["ignoredColumns"] == []


def test_vendored_fflate_is_the_published_file():
    about = (FFLATE.parent / "ABOUT.txt").read_text(encoding="utf-8")
    recorded = re.search(r"`fflate\.js` sha256 ([0-9a-f]{64})", about).group(1)
    assert hashlib.sha256(FFLATE.read_bytes()).hexdigest() == recorded
    assert (FFLATE.parent / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


# --- In the team view (Chromium): the file input, progress, groups, storage -----------------------------------------

def organisation() -> list[dict]:
    """17 people. Roles: 6 leaders and 5 HR answer 4 or 5, 6 employees 2 or 3. Teams: Zorg 8, ICT 7, Klein 2.

    With the minimum of 5, Klein is too small; ICT is hidden too, as Klein would follow from the total minus Zorg
    and ICT. Every fourth person skips one statement and one says "weet ik niet" to another.
    """
    rng = random.Random(13)
    roles = ["LG"] * 6 + ["HR"] * 5 + ["MW"] * 6
    teams = ["Zorg"] * 8 + ["ICT"] * 7 + ["Klein"] * 2
    out = []
    for i, (role, team) in enumerate(zip(roles, teams, strict=True)):
        high = role != "MW"
        answers = [rng.choice([4, 5] if high else [2, 3]) for _ in STATEMENTS]
        if i % 4 == 0:
            answers[i % len(answers)] = ""
            answers[(i + 1) % len(answers)] = None
        out.append({"answers": answers, "ROL": role, "TEAM": team})
    return out


EXPORTS = {  # file name, the tool's export of the people, what the notes must name
    "LimeSurvey": ("results-survey123456.csv", lambda p: limesurvey_export(p, ["Opmerking beheer"]),
                   "'Opmerking beheer'"),
    "KoboToolbox": ("zelfscan_-_all_versions_-_2026-12-02.csv", lambda p: kobo_export(p, "xml"),
                    "Gelezen als KoboToolbox"),
    "Google Forms": ("Zelfscan (antwoorden).csv", lambda p: google_forms_export(p, 'Zeg "hallo"\nen tot ziens'),
                     "'Opmerkingen'"),
    "Microsoft Forms": ("Zelfscan(1-17).xlsx", microsoft_forms_excel, "Gelezen als Microsoft Forms"),
}


@pytest.fixture
def team_page(page, served_site):
    page.goto(served_site + "zelfscan/")
    page.wait_for_selector("#zs-team-view:not([hidden])")
    return page


def upload(page, name: str, data: bytes) -> str:
    """Choose a survey export in the team view; the status message once reading has ended."""
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if name.endswith(".xlsx") else "text/csv"
    page.evaluate("() => { const s = document.getElementById('zs-survey-status'); s.textContent = ''; }")
    page.set_input_files("#zs-survey-file", files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.wait_for_function("() => { const s = document.getElementById('zs-survey-status');"
                           " return s.textContent && !s.textContent.startsWith('Bezig'); }", timeout=60000)
    return page.text_content("#zs-survey-status")


def loaded_scripts(page) -> list[str]:
    return page.evaluate("() => [...document.scripts].map(s => s.src.split('/').pop()).filter(Boolean)")


def table_rows(page, selector: str) -> list[list[str]]:
    return page.evaluate(f"""() => [...document.querySelectorAll('{selector} tbody tr')]
        .map(tr => [...tr.cells].map(c => c.textContent.trim()))""")


@pytest.mark.parametrize("tool", list(EXPORTS))
def test_each_tools_export_joins_the_team_view_split_by_role_and_team(team_page, tool):
    page = team_page
    name, make, named = EXPORTS[tool]
    assert not {"survey-import.js", "fflate.js", "zelfscan-survey-view.js"} & set(loaded_scripts(page))
    message = upload(page, name, make(organisation()))
    assert f"'{name}' ingelezen" in message and "17 respondent(en)" in message and named in message, message
    scripts = loaded_scripts(page)
    assert "survey-import.js" in scripts and ("fflate.js" in scripts) == name.endswith(".xlsx"), scripts
    assert "17 deelnemer(s): 17 uit een enquête" in page.text_content(".lo-zs-overview")
    assert page.is_visible("#zs-team-table") and page.is_visible("#zs-groups")
    # Per role: all three are 5 or more; leaders 4-5, employees 2-3, so employees are lower on every dimension.
    by_role = [r[:2] for r in table_rows(page, "#zs-groups-role")]
    assert by_role == [["Leidinggevenden", "6"], ["HR", "5"], ["Medewerkers", "6"]]
    roles = table_rows(page, "#zs-roles-table")
    assert len(roles) == len(DATA["dimensions"]) and all(r[-1].startswith("−") for r in roles), roles
    assert page.locator("#zs-roles-starters li").count() == 5
    # Per team: Klein (2) is left out, and ICT with it, or Klein would follow from the total.
    assert [r[:2] for r in table_rows(page, "#zs-groups-team")] == [["Zorg", "8"]]
    note = page.text_content("#zs-groups-result")
    assert "Klein (minder dan 5 respondenten)" in note and "ICT (anders is de uitkomst" in note, note


def test_the_minimum_group_size_can_be_changed_and_a_wrong_one_changes_nothing(team_page):
    page = team_page
    upload(page, "results.csv", limesurvey_export(organisation()))
    page.fill("#zs-groups-minimum", "2")
    page.dispatch_event("#zs-groups-minimum", "change")
    assert [r[:2] for r in table_rows(page, "#zs-groups-team")] == [["ICT", "7"], ["Klein", "2"], ["Zorg", "8"]]
    assert "minder dan 2 respondenten" in page.text_content("#zs-groups-status")
    page.fill("#zs-groups-minimum", "1")
    page.dispatch_event("#zs-groups-minimum", "change")
    assert "heel getal van 2 tot en met 1000" in page.text_content("#zs-groups-status.lo-error")
    assert len(table_rows(page, "#zs-groups-team")) == 3
    page.fill("#zs-groups-minimum", "7")
    page.dispatch_event("#zs-groups-minimum", "change")
    # Leaders and employees (6 each) are under 7: no comparison, and the page says why.
    assert page.locator("#zs-roles-table").count() == 0 and page.is_visible("#zs-roles-missing")


def test_a_raised_minimum_stays_after_reload_so_small_groups_stay_hidden(team_page):
    """An organisation's anonymity rule (say 7) must not fall back to 5 on the next visit and show groups of 6."""
    page = team_page
    upload(page, "results.csv", limesurvey_export(organisation()))
    page.fill("#zs-groups-minimum", "7")
    page.dispatch_event("#zs-groups-minimum", "change")
    page.reload()
    page.wait_for_selector("#zs-roles-missing")
    assert page.input_value("#zs-groups-minimum") == "7"
    assert page.locator("#zs-roles-table").count() == 0 and page.is_visible("#zs-roles-missing")
    assert [r[:2] for r in table_rows(page, "#zs-groups-team")] == [["Zorg", "8"]]


def test_a_survey_stays_after_reload_goes_into_the_team_file_and_can_be_removed(team_page, served_site):
    page = team_page
    upload(page, "results.csv", limesurvey_export(organisation()))
    again = upload(page, "results (1).csv", limesurvey_export(organisation()))
    assert "vervangt die" in again and "telt nu 17 deelnemer(s)" in again, again
    page.reload()
    page.wait_for_selector("#zs-groups-role")
    assert "17 deelnemer(s): 17 uit een enquête" in page.text_content(".lo-zs-overview")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer teambestand").click()
    team_file = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert [len(s["rows"]) for s in team_file["surveys"]] == [17]
    assert team_file["surveys"][0]["label"] == "results (1).csv"
    page.locator("#zs-team-result details summary").last.click()
    page.get_by_role("button", name="Verwijder enquête 'results (1).csv'").click()
    assert "is verwijderd" in page.text_content("#zs-team-status")
    assert page.is_hidden("#zs-groups") and page.locator("#zs-team-table").count() == 0
    page.set_input_files("#zs-team-baseline-file", str(download.value.path()))
    page.wait_for_function("() => document.getElementById('zs-team-baseline-status').textContent.includes('geladen')")
    # The earlier round's people come from its survey: the team file holds them.
    assert "(17 deelnemers)" in page.text_content("#zs-team-baseline-status")


def broken_excel() -> bytes:
    return b"PK\x03\x04" + bytes(random.Random(1).randrange(256) for _ in range(2000))


HOSTILE = {  # file name, contents, what the message must say
    "not CSV": ("rapport.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, "geen CSV- of Excel-bestand"),
    "wrong columns": ("adressen.csv", b"naam;straat;plaats\nSam;Dorpsstraat 1;Ede\n", "geen enkele uitspraak"),
    "empty": ("leeg.csv", b"", "leeg"),
    "broken Excel": ("kapot.xlsx", broken_excel(), "beschadigd"),
    "header only": ("koppen.csv", limesurvey_export([]), "geen antwoorden"),
}


@pytest.mark.parametrize("kind", [*HOSTILE, "50 MB"])
def test_a_refused_file_says_why_in_dutch_and_keeps_what_was_loaded(team_page, tmp_path, kind):
    page = team_page
    upload(page, "results.csv", limesurvey_export(organisation()))
    stored = page.evaluate("() => localStorage.getItem('lo-zelfscan-team')")
    if kind == "50 MB":
        big = tmp_path / "export.csv"
        with big.open("wb") as out:
            out.write(limesurvey_export(organisation()))
            out.write(b"x" * 50_000_000)
        page.evaluate("() => { document.getElementById('zs-survey-status').textContent = ''; }")
        page.set_input_files("#zs-survey-file", str(big))
        page.wait_for_function("() => document.getElementById('zs-survey-status').textContent")
        message, expected = page.text_content("#zs-survey-status"), "te groot (50 MB)"
    else:
        name, data, expected = HOSTILE[kind]
        message = upload(page, name, data)
    assert expected in message and "Er is niets veranderd" in message, message
    assert page.is_visible("#zs-survey-status.lo-error") and page.is_hidden("#zs-survey-busy")
    assert "17 deelnemer(s)" in page.text_content(".lo-zs-overview")
    assert page.evaluate("() => localStorage.getItem('lo-zelfscan-team')") == stored


def test_ten_thousand_respondents_show_progress_and_stay_after_reload(team_page):
    page = team_page
    rng = random.Random(10)
    many = [{"answers": [rng.choice([1, 2, 3, 4, 5, None, ""]) for _ in STATEMENTS], "ROL": rng.choice(list(ROLES)),
             "TEAM": f"Team {rng.randrange(40)}"} for _ in range(10000)]
    # Every frame the page paints while reading: the progress it shows. A page that froze would paint none.
    page.evaluate("""() => { window.progressSeen = []; (function frame() {
        const busy = !document.getElementById('zs-survey-busy').hidden;
        if (busy) progressSeen.push(document.getElementById('zs-survey-progress').value);
        requestAnimationFrame(frame); })(); }""")
    message = upload(page, "groot.csv", limesurvey_export(many))
    assert "10000 respondent(en)" in message, message
    seen = page.evaluate("progressSeen")
    assert any(0 < value < 100 for value in seen), f"no progress shown between start and end: {seen}"
    assert page.is_hidden("#zs-survey-busy")
    assert "10000 deelnemer(s)" in page.text_content(".lo-zs-overview")
    stored = json.loads(page.evaluate("() => localStorage.getItem('lo-zelfscan-team')"))
    assert len(stored["surveys"][0]["rows"]) == 10000
    page.reload()
    page.wait_for_selector("#zs-groups-role")
    assert "10000 deelnemer(s)" in page.text_content(".lo-zs-overview")


def test_a_survey_too_big_for_storage_counts_on_the_page_and_the_stored_team_is_kept(team_page):
    page = team_page
    upload(page, "results.csv", limesurvey_export(organisation()))
    stored = page.evaluate("() => localStorage.getItem('lo-zelfscan-team')")
    # A browser whose storage is full: a larger team no longer fits.
    page.evaluate("""limit => { const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'lo-zelfscan-team' && value.length > limit) throw new DOMException('vol', 'QuotaExceededError');
        return set.call(this, key, value); }; }""", len(stored) + 500)
    others = [{**p, "TEAM": "Noord"} for p in organisation()][:10]
    message = upload(page, "noord.csv", limesurvey_export(others))
    assert "passen niet in de opslag van deze browser" in message and "blijft bewaard" in message, message
    assert "27 deelnemer(s)" in page.text_content(".lo-zs-overview")
    assert page.evaluate("() => localStorage.getItem('lo-zelfscan-team')") == stored
