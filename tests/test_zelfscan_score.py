"""Unit tests of the self-check's arithmetic and file format (docs/assets/js/zelfscan-score.js), run in Chromium.

The model and answers are made up here; every expected value is worked out by hand in the comments.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

SCRIPTS = [ROOT / "docs" / "assets" / "js" / name for name in ("lo-format.js", "zelfscan-score.js")]

MODEL = {
    "version": "2026.2",
    "scale": [{"value": v, "label": label} for v, label in
              [(1, "Nauwelijks"), (2, "Soms"), (3, "Regelmatig"), (4, "Vaak"), (5, "Vanzelfsprekend")]],
    "dimensions": [
        {"id": "a", "number": 1, "title": "Alfa", "statements": [
            {"index": 0, "hash": "a0", "text": "Eerste"}, {"index": 1, "hash": "a1", "text": "Tweede"},
            {"index": 2, "hash": "a2", "text": "Derde"}]},
        {"id": "b", "number": 2, "title": "=Beta", "statements": [
            {"index": 0, "hash": "b0", "text": 'Wij zeggen "ja"; altijd'},
            {"index": 1, "hash": "b1", "text": "Vierde"}]},
        {"id": "c", "number": 3, "title": "Gamma", "statements": [{"index": 0, "hash": "c0", "text": "Vijfde"}]},
    ],
}


def doc(a=(), b=(), c=(), **extra):
    """A document as the page stores it; each answer is (index, value) with value None for 'weet ik niet'."""
    def answers(dim, pairs):
        return [{"index": i, "hash": f"{dim}{i}", "value": v} for i, v in pairs]
    return {
        "format": "lerende-organisatie-zelfscan", "formatVersion": 1, "contentVersion": "2026.2",
        "team": "", "name": "", "date": "", "priorities": [], "plan": [],
        "dimensions": [{"id": d, "answers": answers(d, pairs), "good": "", "better": ""}
                       for d, pairs in (("a", a), ("b", b), ("c", c))],
        **extra,
    }


# Member 1: a = (2 + 4) / 2 = 3 with one "weet ik niet"; b = 5; c unanswered.
ONE = doc(a=[(0, 2), (1, 4), (2, None)], b=[(0, 5)])
# Member 2: a = (1 + 2) / 2 = 1.5; b = (4 + 4) / 2 = 4; c = 3.
TWO = doc(a=[(0, 1), (1, 2)], b=[(0, 4), (1, 4)], c=[(0, 3)])
# Member 3: a = 5; b only "weet ik niet", so no score; c = 1.
THREE = doc(a=[(0, 5), (1, 5), (2, 5)], b=[(1, None)], c=[(0, 1)])


@pytest.fixture(scope="module")
def score(browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto("about:blank")
    for script in SCRIPTS:
        page.add_script_tag(path=str(script))

    def call(function: str, *args):
        return page.evaluate(f"(args) => window.ZelfscanScore.{function}(...args)", list(args))

    yield call
    context.close()


def test_dimension_scores_average_the_scored_answers(score):
    rows = score("dimensionScores", ONE, MODEL)
    assert [(r["id"], r["mean"], r["answered"], r["dontKnow"], r["statements"]) for r in rows] == [
        ("a", 3, 2, 1, 3), ("b", 5, 1, 0, 2), ("c", None, 0, 0, 1)]


def test_lowest_skips_unscored_dimensions_and_orders_low_to_high(score):
    assert [r["id"] for r in score("lowest", score("dimensionScores", ONE, MODEL), 3)] == ["a", "b"]
    assert [r["id"] for r in score("lowest", score("dimensionScores", TWO, MODEL), 2)] == ["a", "c"]


def test_compare_gives_the_change_per_dimension(score):
    rows = score("compare", TWO, ONE, MODEL)
    assert [(r["before"], r["after"], r["change"]) for r in rows] == [(1.5, 3, 1.5), (4, 5, 1), (3, None, None)]


def test_parse_refuses_foreign_and_newer_files(score):
    assert "geen exportbestand" in score("parseDocument", {"foo": 1}, MODEL)["error"]
    assert "geen exportbestand" in score("parseDocument", [1, 2], MODEL)["error"]
    assert "geen exportbestand" in score("parseDocument", None, MODEL)["error"]
    assert "nieuwere versie" in score("parseDocument", {**ONE, "formatVersion": 2}, MODEL)["error"]
    assert "beschadigd" in score("parseDocument", {**ONE, "dimensions": "x"}, MODEL)["error"]


def test_parse_keeps_what_fits_from_an_older_content_version(score):
    old = doc(a=[(0, 2), (1, 9)], b=[(0, 4)], contentVersion="2025.1")
    old["dimensions"][0]["answers"].append({"index": 2, "hash": "gewijzigd", "value": 3})  # statement rewritten since
    old["dimensions"][0]["good"] = "Goed"
    old["dimensions"] = [d for d in old["dimensions"] if d["id"] != "c"]  # c did not exist yet
    old["dimensions"].append({"id": "oud", "answers": [], "good": "", "better": ""})  # since removed
    old["priorities"] = ["b", "oud"]
    result = score("parseDocument", old, MODEL)
    parsed = result["doc"]
    assert parsed["contentVersion"] == "2026.2"
    assert [d["id"] for d in parsed["dimensions"]] == ["a", "b", "c"]
    assert parsed["dimensions"][0]["answers"] == [{"index": 0, "hash": "a0", "value": 2}]  # 9 is off the scale
    assert parsed["dimensions"][0]["good"] == "Goed"
    assert parsed["dimensions"][1]["answers"] == [{"index": 0, "hash": "b0", "value": 4}]
    assert parsed["dimensions"][2]["answers"] == []
    assert parsed["priorities"] == ["b"]
    notes = " ".join(result["notes"])
    assert "versie 2025.1" in notes and "versie 2026.2" in notes
    assert "(oud)" in notes and "3. Gamma" in notes
    assert "1 antwoord(en) horen bij een uitspraak die intussen is gewijzigd" in notes
    assert "1 onleesbaar onderdeel" in notes  # the answer 9


def test_parse_finds_a_statement_by_its_hash_when_statements_moved(score):
    moved = doc(a=[(1, 4)])
    moved["dimensions"][0]["answers"][0]["index"] = 0  # index changed, hash still names statement a1
    parsed = score("parseDocument", moved, MODEL)["doc"]
    assert parsed["dimensions"][0]["answers"] == [{"index": 1, "hash": "a1", "value": 4}]


def test_parse_of_a_current_file_has_no_notes(score):
    result = score("parseDocument", TWO, MODEL)
    assert result["notes"] == []
    assert result["doc"]["dimensions"] == TWO["dimensions"]


def test_csv_has_a_row_per_statement_and_is_spreadsheet_safe(score):
    csv = score("toCsv", {**ONE, "respondent": "K7Q2M9XA"}, MODEL)
    assert csv == (
        "\ufeffNummer;Dimensie;Uitspraak;Score;Antwoord;Respondent;Versie\r\n"
        "1.1;Alfa;Eerste;2;Soms;K7Q2M9XA;2026.2\r\n"
        "1.2;Alfa;Tweede;4;Vaak;K7Q2M9XA;2026.2\r\n"
        "1.3;Alfa;Derde;;Weet ik niet;K7Q2M9XA;2026.2\r\n"
        "2.1;'=Beta;\"Wij zeggen \"\"ja\"\"; altijd\";5;Vanzelfsprekend;K7Q2M9XA;2026.2\r\n"
        "2.2;'=Beta;Vierde;;;K7Q2M9XA;2026.2\r\n"
        "3.1;Gamma;Vijfde;;;K7Q2M9XA;2026.2\r\n"
    )


def test_scores_are_written_the_dutch_way(score):
    assert score("formatScore", 9.5 / 3) == "3,2"
    assert score("formatScore", 4) == "4,0"
    assert score("formatScore", None) == "–"
