"""Reading survey exports back (docs/assets/js/survey-import.js) with the files this site generates.

The parser's own tests are Node tests in tests/js/, run here so `make test` runs them. The tests below join both
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


def test_node_unit_tests_pass():
    require((ROOT / "node_modules" / "@xmldom" / "xmldom").exists(), "npm packages are missing (npm ci)")
    result = subprocess.run([node(), "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", result.stdout, re.M) and re.search(r"^# fail 0$", result.stdout, re.M)


def test_limesurvey_export_of_the_generated_survey_is_read_back():
    structure = list(csv.DictReader(io.StringIO(survey_files.limesurvey_tsv(DS).decode("utf-8-sig")), delimiter="\t"))
    columns, answer_codes, question = [], {}, None
    for row in structure:
        if row["class"] == "Q":
            question = row["name"]
        elif row["class"] == "SQ":
            columns.append(f"{question}[{row['name']}]")
        elif row["class"] == "A" and question != "ROL":
            answer_codes[row["assessment_value"] or None] = row["name"]
    respondents = people()
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", *columns, "ROL", "TEAM"]
    lines = [header] + [[str(i), "2026-12-01 10:00:00", "9", "nl", "1",
                         *["" if a == "" else answer_codes[None if a is None else str(a)] for a in p["answers"]],
                         p["ROL"], p["TEAM"]] for i, p in enumerate(respondents, start=1)]
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(lines)
    result = read_in_node(("\ufeff" + out.getvalue()).encode("utf-8"))
    assert_read_back(result, respondents)
    assert result["report"]["format"] == "LimeSurvey" and result["report"]["ignoredColumns"] == []


@pytest.mark.parametrize("headers", ["xml", "labels"])
def test_kobotoolbox_export_of_the_generated_xlsform_is_read_back(headers):
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
    respondents = people()

    def value(list_name: str, code) -> str:
        return code if headers == "xml" else choices[(list_name, code)]

    header = ["start", "end", *columns, "ROL" if headers == "xml" else "Wat is je rol in de organisatie?",
              "TEAM" if headers == "xml" else "In welk team of op welke afdeling werk je?", "_id", "_uuid"]
    lines = [header] + [["2026-12-01T10:00:00", "2026-12-01T10:09:00",
                         *["" if a == "" else value("schaal", scale_codes[a]) for a in p["answers"]],
                         value("rol", p["ROL"]), p["TEAM"], str(i), f"uuid-{i}"] for i, p in enumerate(respondents)]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(lines)
    result = read_in_node(out.getvalue().encode("utf-8"))
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


def test_google_forms_export_of_the_typed_questionnaire_is_read_back():
    respondents = people()
    header, rows = forms_export(respondents)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    result = read_in_node(out.getvalue().encode("utf-8"))
    assert_read_back(result, respondents)
    assert result["report"]["format"] == "Google Forms" and result["report"]["ignoredColumns"] == []


def test_microsoft_forms_excel_file_is_read_in_the_browser(browser):
    respondents = people()
    header, rows = forms_export(respondents)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name",
                  *[re.sub(r"^.*\[(.*)\]$", r"\1", h) for h in header[1:-2]], *header[-2:]])
    for i, row in enumerate(rows, start=1):
        sheet.append([i, "2026-12-01 10:00", "2026-12-01 10:05", "anonymous", None, *[c or None for c in row[1:]]])
    buffer = io.BytesIO()
    book.save(buffer)

    page = browser.new_page()
    page.goto("about:blank")
    page.add_script_tag(path=str(FFLATE))
    page.add_script_tag(path=str(SCRIPT))
    result = page.evaluate("([bytes, model]) => SurveyImport.read(new Uint8Array(bytes), model)",
                           [list(buffer.getvalue()), MODEL])
    page.close()
    assert_read_back(result, respondents)
    assert result["report"]["format"] == "Microsoft Forms" and result["report"]["ignoredColumns"] == []


def test_vendored_fflate_is_the_published_file():
    about = (FFLATE.parent / "ABOUT.txt").read_text(encoding="utf-8")
    recorded = re.search(r"`fflate\.js` sha256 ([0-9a-f]{64})", about).group(1)
    assert hashlib.sha256(FFLATE.read_bytes()).hexdigest() == recorded
    assert (FFLATE.parent / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
