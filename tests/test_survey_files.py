"""The questionnaire files for survey tools: LimeSurvey's structure, the XLSForm and the Forms CSV.

Each file is checked against what its tool documents: LimeSurvey's TSV columns and code limits, XLSForm through
pyxform (and ODK Validate when Java is there), and the texts to type in the order of the zelfscan.
"""

from __future__ import annotations

import csv
import io
import re
import shutil

import openpyxl
import pytest
from conftest import ROOT, SITE_URL, build, read_yaml, require, write_yaml
from htmlpage import Page, read
from pyxform.xls2xform import convert

from macros import questionnaire, survey_files
from macros.model import Dataset
from macros.selfcheck import statement_hash

DATA = read_yaml(ROOT / "data" / "dimensions.yaml")
DS = Dataset.create(DATA, SITE_URL)
DIMS = sorted(DATA["dimensions"], key=lambda d: d["number"])
LABELS = [s["label"] for s in sorted(DATA["scale"], key=lambda s: s["value"])] + ["Weet ik niet"]
CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


def limesurvey_rows(ds: Dataset) -> list[dict[str, str]]:
    """The structure file read the way LimeSurvey's TSVImportSurvey reads it: BOM, then tab-separated rows."""
    raw = survey_files.limesurvey_tsv(ds)
    assert raw.startswith(b"\xef\xbb\xbf"), "LimeSurvey writes and expects UTF-8 with a BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter="\t"))


def grouped(rows: list[dict[str, str]]) -> list[dict]:
    """Rows relate by order: questions follow their group, subquestions and answers follow their question."""
    groups: list[dict] = []
    for row in rows:
        if row["class"] == "G":
            groups.append({"row": row, "questions": []})
        elif row["class"] == "Q":
            groups[-1]["questions"].append({"row": row, "SQ": [], "A": []})
        elif row["class"] in ("SQ", "A"):
            groups[-1]["questions"][-1][row["class"]].append(row)
    return groups


def hostile() -> dict:
    """A copy whose texts start like spreadsheet formulas and hold quotes, a delimiter and an XLSForm reference."""
    data = read_yaml(ROOT / "data" / "dimensions.yaml")
    dim = data["dimensions"][0]
    dim["title"] = "=Titel"
    dim["self_check"][:4] = ['=HYPERLINK("http://voorbeeld.nl";"klik")', "+31 procent ${naam}",
                             "-1 keer per jaar", '@SUM(A1) "tussen aanhalingstekens"; met puntkomma']
    data["scale"][0]["label"] = "-Nauwelijks"
    return data


# --- LimeSurvey -----------------------------------------------------------------------------------------------

def test_limesurvey_file_has_the_documented_columns_and_row_classes():
    raw = survey_files.limesurvey_tsv(DS).decode("utf-8-sig")
    header = raw.splitlines()[0].split("\t")
    assert header == ["class", "type/scale", "name", "relevance", "text", "help", "language", "validation",
                      "em_validation_q", "mandatory", "other", "default", "same_default", "assessment_value"]
    rows = limesurvey_rows(DS)
    assert {row["class"] for row in rows} == {"S", "SL", "G", "Q", "SQ", "A"}
    settings = {row["name"]: row["text"] for row in rows if row["class"] == "S"}
    assert settings["language"] == "nl" and settings["anonymized"] == "Y" and settings["ipaddr"] == "N"
    assert all(row["language"] == "nl" for row in rows if row["class"] in ("SL", "G", "Q", "SQ", "A"))


def test_limesurvey_has_a_group_and_array_question_per_dimension_with_statements_and_scale():
    groups = grouped(limesurvey_rows(DS))
    assert [g["row"]["name"] for g in groups] == [f"{d['number']}. {d['title']}" for d in DIMS] + ["Over jou"]
    for group, dim in zip(groups, DIMS, strict=False):
        [question] = group["questions"]
        assert question["row"]["type/scale"] == "F", "an array question: the statements share the scale"
        assert [sq["text"] for sq in question["SQ"]] == dim["self_check"]
        assert [a["text"] for a in question["A"]] == LABELS
        scores = [a["assessment_value"] for a in question["A"]]
        assert scores == [str(s["value"]) for s in sorted(DATA["scale"], key=lambda s: s["value"])] + [""]
    role, team = groups[-1]["questions"]
    assert (role["row"]["name"], role["row"]["type/scale"]) == ("ROL", "L")
    assert [a["text"] for a in role["A"]] == ["Leidinggevende", "Medewerker", "HR"]
    assert (team["row"]["name"], team["row"]["type/scale"], team["A"]) == ("TEAM", "S", [])
    assert all(q["row"]["mandatory"] == "N" for g in groups for q in g["questions"])


def test_limesurvey_codes_are_within_its_limits_and_unique():
    groups = grouped(limesurvey_rows(DS))
    question_codes = [q["row"]["name"] for g in groups for q in g["questions"]]
    assert len({c.lower() for c in question_codes}) == len(question_codes)
    for group in groups:
        for question in group["questions"]:
            assert CODE.match(question["row"]["name"]) and len(question["row"]["name"]) <= 20
            sub = [sq["name"] for sq in question["SQ"]]
            answers = [a["name"] for a in question["A"]]
            assert len(set(sub)) == len(sub) and len(set(answers)) == len(answers)
            assert all(CODE.match(c) and len(c) <= 20 for c in sub)
            assert all(re.match(r"^[A-Za-z0-9]{1,5}$", c) for c in answers)


def test_statement_codes_come_from_the_statement_text_not_its_position():
    groups = grouped(limesurvey_rows(DS))
    for group, dim in zip(groups, DIMS, strict=False):
        [question] = group["questions"]
        assert [sq["name"] for sq in question["SQ"]] == ["H" + statement_hash(t) for t in dim["self_check"]]

    moved = read_yaml(ROOT / "data" / "dimensions.yaml")
    for dim in moved["dimensions"]:
        dim["number"] = len(moved["dimensions"]) + 1 - dim["number"]
        dim["self_check"].reverse()
    before = [(row["text"], row["name"]) for row in limesurvey_rows(DS) if row["class"] == "SQ"]
    after = [(row["text"], row["name"]) for row in limesurvey_rows(Dataset.create(moved, SITE_URL))
             if row["class"] == "SQ"]
    assert before != after and sorted(before) == sorted(after), "other positions, the same codes"
    codes = {row["name"] for row in limesurvey_rows(DS) if row["class"] == "Q"}
    assert codes == {row["name"] for row in limesurvey_rows(Dataset.create(moved, SITE_URL)) if row["class"] == "Q"}


@pytest.mark.parametrize("ids, expected", [
    (["gedragen-visie", "feedbackprocessen"],
     {"gedragen-visie": "gedragenvisie", "feedbackprocessen": "feedbackprocessen"}),
    (["2-sporen"], {"2-sporen": "D2sporen"}),
])
def test_question_codes_are_the_id_without_hyphens_when_that_fits(ids, expected):
    assert questionnaire.question_codes(ids) == expected


def test_long_question_codes_are_cut_and_shared_ones_made_unique_by_the_id_alone():
    long_id, longer_id = "leren-van-leiders-en-medewerkers", "leren-van-leiders-en-medewerkers-extra"
    assert questionnaire.question_codes([long_id]) == {long_id: "lerenvanleidersenmed"}
    codes = questionnaire.question_codes([long_id, longer_id, "a-b", "ab", "rol", "team-"])
    assert all(CODE.match(c) and len(c) <= 20 for c in codes.values())
    assert len({c.lower() for c in codes.values()} | {"rol", "team"}) == len(codes) + 2
    assert codes[long_id].startswith("lerenvanleide") and codes[long_id] != codes[longer_id]
    assert codes["a-b"] != codes["ab"]
    assert questionnaire.question_codes([long_id, longer_id])[long_id] == codes[long_id], "depends on the id alone"


# --- XLSForm ---------------------------------------------------------------------------------------------------

def test_xlsform_converts_with_pyxform_without_warnings():
    warnings: list[str] = []
    result = convert(survey_files.xlsform(DS), warnings=warnings, form_name="data")
    assert warnings == []
    for dim in DIMS:
        for text in dim["self_check"]:
            assert text.replace('"', "&quot;") in result.xform or text in result.xform


def test_xlsform_passes_odk_validate():
    require(shutil.which("java") is not None, "Java is missing (ODK Validate, bundled with pyxform, needs it)")
    warnings: list[str] = []
    convert(survey_files.xlsform(DS), warnings=warnings, validate=True)
    assert warnings == []


def test_xlsform_has_a_page_per_dimension_and_the_background_questions():
    book = openpyxl.load_workbook(io.BytesIO(survey_files.xlsform(DS)))
    assert book.sheetnames == ["survey", "choices", "settings"]
    rows = list(book["survey"].iter_rows(values_only=True))
    header, rows = rows[0], [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]
    assert header[:3] == ("type", "name", "label")
    groups = [r for r in rows if r["type"] == "begin_group"]
    assert [g["label"] for g in groups] == [f"{d['number']}. {d['title']}" for d in DIMS]
    statements = [r for r in rows if r["type"] == "select_one schaal"]
    assert [r["label"] for r in statements] == [t for d in DIMS for t in d["self_check"]]
    assert all(re.match(r"^[A-Za-z][A-Za-z0-9]*_H[0-9a-f]{12}$", r["name"]) for r in statements)
    assert [(r["type"], r["name"]) for r in rows[-2:]] == [("select_one rol", "ROL"), ("text", "TEAM")]
    choices = [r for r in book["choices"].iter_rows(values_only=True)][1:]
    assert [label for name, code, label in choices if name == "schaal"] == LABELS
    settings = dict(zip(*book["settings"].iter_rows(values_only=True), strict=False))
    assert settings["version"] == DATA["version"] and settings["form_id"] == "lerende_organisatie_zelfscan"


def test_xlsform_is_the_same_bytes_for_the_same_content():
    assert survey_files.xlsform(DS) == survey_files.xlsform(DS)


# --- Microsoft Forms and Google Forms ---------------------------------------------------------------------------

def test_forms_csv_lists_every_text_to_type_in_order():
    raw = survey_files.forms_csv(DS)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, statements, background = rows[0], rows[1:-2], rows[-2:]
    assert header[:5] == ["Nr", "Soort vraag", "Vraag", "Toelichting", "Uitspraak (rij)"]
    assert [r[4] for r in statements] == [t for d in DIMS for t in d["self_check"]]
    assert [r[2] for r in statements] == [f"{d['number']}. {d['title']}" for d in DIMS for _ in d["self_check"]]
    assert all(r[5:] == LABELS for r in statements)
    assert [r[2] for r in background] == [questionnaire.ROLE.text, questionnaire.TEAM.text]
    assert [c for c in background[0][5:] if c] == ["Leidinggevende", "Medewerker", "HR"]


# --- Spreadsheet safety -----------------------------------------------------------------------------------------

def test_text_that_looks_like_a_formula_is_neutralised_in_every_file():
    data = Dataset.create(hostile(), SITE_URL)
    lime = limesurvey_rows(data)
    forms = list(csv.reader(io.StringIO(survey_files.forms_csv(data).decode("utf-8-sig")), delimiter=";"))
    cells = [v for row in lime for v in row.values() if v] + [c for row in forms for c in row if c]
    assert not [c for c in cells if c[0] in "=+-@"], "a spreadsheet would run these as formulas"
    assert "'=HYPERLINK(\"http://voorbeeld.nl\";\"klik\")" in cells and "'-Nauwelijks" in cells
    assert "'@SUM(A1) \"tussen aanhalingstekens\"; met puntkomma" in cells, "quotes and delimiters survive"

    book = openpyxl.load_workbook(io.BytesIO(survey_files.xlsform(data)))
    texts = [c for row in book["survey"].iter_rows() for c in row if isinstance(c.value, str)]
    formula = [c for c in texts if c.value.startswith("=")]
    assert formula and all(c.data_type == "s" for c in formula), "stored as text, never as a formula"
    convert(survey_files.xlsform(data), warnings=[])  # the ${naam} in a label is not taken for a reference


def test_every_csv_and_text_file_the_site_builds_is_spreadsheet_safe(project, tmp_path):
    write_yaml(project / "data" / "dimensions.yaml", hostile())
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    written = set(site.rglob("*.csv")) | set(site.rglob("*.tsv")) | {site / f.path for f in survey_files.FILES
                                                                     if f.path.endswith(".txt")}
    assert {p.name for p in written} >= {"lerende-organisatie-zelfscan-forms.csv",
                                         "lerende-organisatie-zelfscan-limesurvey.txt"}
    for path in written:
        delimiter = "\t" if path.suffix == ".txt" else ";"
        rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=delimiter)
        assert not [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@")], path.name


# --- The site ---------------------------------------------------------------------------------------------------

def test_site_publishes_the_files_from_the_zelfscan_page(site):
    for survey_file in survey_files.FILES:
        assert (site / survey_file.path).read_bytes() == survey_file.make(DS)
    zelfscan = read(site / "zelfscan" / "index.html")
    assert "../nulmeting/" in [a.get("href") for a in zelfscan.all("a")]
    page = read(site / "nulmeting" / "index.html")
    links = [a.get("href") for a in page.all("a")]
    for survey_file in survey_files.FILES:
        assert "../" + survey_file.path in links
    assert "../nulmeting-vragenlijst/" in links
    assert {"limesurvey", "kobotoolbox-en-andere-odk-tools", "microsoft-forms-en-google-forms"} <= page.ids()


def test_page_to_type_over_lists_every_question_in_order(site):
    html = (site / "nulmeting-vragenlijst" / "index.html").read_text(encoding="utf-8")
    text = Page(re.search(r"<article.*?</article>", html, re.S).group(0)).text
    positions = [text.index(s) for d in DIMS for s in [f"{d['number']}. {d['title']}", *d["self_check"]]]
    assert positions == sorted(positions)
    assert text.index(questionnaire.ROLE.text) > positions[-1] and questionnaire.TEAM.text in text
    assert text.count(" · ".join(LABELS)) == len(DIMS)
