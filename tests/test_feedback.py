"""The feedback tool page: built from the YAML, linked both ways, escaped, and usable without JavaScript."""

from __future__ import annotations

import json
import re

import edited
import pytest
from conftest import build, read_yaml, write_yaml
from htmlpage import read

from macros import dataset

DATA = dataset.load()
FEEDBACK = DATA["feedback"]


def tool_page(site):
    return read(site / "feedback-vragen" / "index.html")


def script_data(html: str) -> dict:
    """The data block the build hands to feedback.js (the same kind of block as the self-check's)."""
    block = re.search(r'<script type="application/json" id="lo-fb-model">([^<]*)</script>', html)
    return json.loads(block.group(1))


def test_page_shows_the_steps_and_every_question_of_the_bank(site):
    page = tool_page(site)
    assert {"waarom", "stappen", "vragenbank", "kaartenmaker", "logboek", "bronnen"} <= page.ids()
    for step in FEEDBACK["steps"]:
        assert step["title"] in page.text
    for situation in FEEDBACK["situations"]:
        assert f"vragen-{situation['id']}" in page.ids()
        for question in situation["questions"]:
            assert question in page.text


def test_builder_offers_every_situation_role_and_question(site):
    page = tool_page(site)
    options = {o["value"] for o in page.all("option")}
    assert {s["id"] for s in FEEDBACK["situations"]} | {r["id"] for r in FEEDBACK["roles"]} == options
    boxes = [i["value"] for i in page.all("input") if i.get("type") == "checkbox" and "value" in i]
    assert boxes == [q for s in FEEDBACK["situations"] for q in s["questions"]]


def test_every_form_control_has_a_label(site):
    page = tool_page(site)
    labelled = {label.get("for") for label in page.all("label")}
    controls = [a for a in page.all("input") + page.all("select") + page.all("textarea")
                if a.get("type") not in ("checkbox", "hidden") and "lo-fb" in a.get("id", "")]
    assert len(controls) >= 10
    assert all(c["id"] in labelled for c in controls), [c["id"] for c in controls if c["id"] not in labelled]
    # Checkboxes are wrapped in their label: the question text is the label.
    assert re.search(r'<label class="lo-fb-choice"><input type="checkbox" value="[^"]+"> [^<]+</label>', page.html)


def test_sources_are_cited_in_apa(site):
    page = tool_page(site)
    for tip in FEEDBACK["reading"]:
        source = next(s for s in DATA["sources"] if s["key"] == tip["source"])
        assert source["title"] in page.text
    assert 'href="https://doi.org/10.3102/003465430298487"' in page.html


def test_tool_and_feedback_card_link_to_each_other(site):
    card = read(site / "dimensies" / FEEDBACK["dimension"] / "index.html")
    assert "../../feedback-vragen/" in [a.get("href") for a in card.all("a")]
    assert "../dimensies/feedbackprocessen/" in [a.get("href") for a in tool_page(site).all("a")]
    for dim in DATA["dimensions"]:
        if dim["id"] != FEEDBACK["dimension"]:
            other = read(site / "dimensies" / dim["id"] / "index.html")
            assert "Zelf aan de slag: feedback vragen" not in other.text, dim["id"]
    assert "Zelf aan de slag: feedback vragen" in card.text


def test_tool_is_in_the_menu(site):
    home = read(site / "index.html")
    assert "feedback-vragen/" in [a.get("href") for a in home.all("a")]


def test_a_question_situation_and_role_added_to_the_yaml_appear_on_the_page(edited_site):
    page = tool_page(edited_site)  # the question, situation and role of tests/edited.py
    assert edited.NEW_QUESTION == "Wat kan ik morgen anders doen bij de overdracht?"
    assert "Wat kan ik morgen anders doen bij de overdracht?" in page.text
    assert "vragen-na-een-presentatie" in page.ids() and "Welk deel van mijn verhaal kon korter?" in page.text
    assert '<option value="na-een-presentatie">Na een presentatie</option>' in page.html
    assert '<option value="stagiair">Een stagiair</option>' in page.html
    intern = {"id": "stagiair", "label": "Een stagiair", "hint": "Kijkt met nieuwe ogen."}
    assert intern in script_data(page.html)["roles"]
    assert {"id": "na-een-presentatie", "title": "Na een presentatie",
            "questions": ["Welk deel van mijn verhaal kon korter?"]} in script_data(page.html)["situations"]
    assert '<input type="checkbox" value="Welk deel van mijn verhaal kon korter?">' in page.html


def test_yaml_text_in_the_tool_is_escaped_and_never_evaluated(edited_site):
    html = (edited_site / "feedback-vragen" / "index.html").read_text()  # a question and a hint of tests/edited.py
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "{{ 6 * 7 }}" in html and "&lt;/script&gt; 42" not in html
    assert 'value="Was ik &#34;duidelijk&#34;? &lt;script&gt;alert(1)&lt;/script&gt; {{ 6 * 7 }}"' in html
    assert script_data(html)["roles"][0]["hint"] == '"><img src=x onerror=alert(2)>'  # data for the script, as text


def test_without_a_feedback_block_the_check_and_the_build_fail_alike(project, tmp_path):
    """The page is in the menu and a card links to it: without the block both say so, in Dutch."""
    path = project / "data" / "dimensions.yaml"
    data = read_yaml(path)
    del data["feedback"]
    write_yaml(path, data)
    with pytest.raises(dataset.DatasetError, match="verplicht veld ontbreekt: feedback"):
        dataset.load(path)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "verplicht veld ontbreekt: feedback" in result.stderr and "Traceback" not in result.stderr


def test_without_javascript_the_steps_and_bank_show_and_the_tools_are_hidden(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "feedback-vragen/")
    assert page.locator("#stappen").is_visible()
    assert page.locator(".lo-fb-sheet").get_by_text(FEEDBACK["situations"][-1]["questions"][-1]).is_visible()
    assert not page.locator("#lo-fb-builder").is_visible()
    assert not page.locator("#lo-fb-log").is_visible()
    assert page.get_by_text("Voor de kaartenmaker en het logboek is JavaScript nodig").is_visible()
    context.close()
