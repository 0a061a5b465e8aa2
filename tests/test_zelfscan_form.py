"""The self-check page is generated from the YAML: a real paper form, and the data its script reads."""

from __future__ import annotations

import json
import re

import edited
from conftest import SITE_URL
from htmlpage import Page, read

from macros import dataset
from macros.selfcheck import published_path, statement_hash

DATA = dataset.load()


def model_of(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="zs-model">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_form_has_a_radio_group_per_statement_with_the_scale_and_dont_know(site):
    page = read(site / "zelfscan" / "index.html")
    values = [str(s["value"]) for s in DATA["scale"]] + ["?"]
    for dim in DATA["dimensions"]:
        assert f"{dim['number']}. {dim['title']}" in page.text
        assert dim["summary"] in page.text
        for i, statement in enumerate(dim["self_check"]):
            radios = [a for a in page.all("input") if a.get("name") == f"zs-{dim['id']}-{i}"]
            assert [r["value"] for r in radios] == values and all(r["type"] == "radio" for r in radios)
            fieldset = [a for a in page.all("fieldset")
                        if a.get("data-dimension") == dim["id"] and a.get("data-index") == str(i)]
            assert fieldset and fieldset[0]["data-hash"] == statement_hash(statement)
            assert statement in page.text
        notes = {a.get("id") for a in page.all("textarea")}
        assert {f"zs-{dim['id']}-good", f"zs-{dim['id']}-better"} <= notes
    labels = {a.get("for") for a in page.all("label")}
    assert {"zs-team", "zs-name", "zs-date"} <= labels
    assert "Weet ik niet" in page.text
    priorities = [a["value"] for a in page.all("input") if a.get("name") == "priority"]
    assert priorities == [d["id"] for d in DATA["dimensions"]]
    assert "Actieplan" in page.text and "Hoe merken we vooruitgang?" in page.text
    assert "Waar blijven je antwoorden?" in page.text  # the privacy note


def test_print_footer_names_the_content_version_and_site(site):
    html = (site / "zelfscan" / "index.html").read_text()
    footer = re.search(r"@bottom-left \{ content: \"(.*?)\";", html).group(1)
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), footer)
    assert decoded == f"Zelfscan lerende organisatie · inhoud versie {DATA['version']} · {SITE_URL}"


def test_model_for_the_script_matches_the_yaml(site):
    model = model_of((site / "zelfscan" / "index.html").read_text())
    assert model["version"] == DATA["version"]
    assert [d["id"] for d in model["dimensions"]] == [d["id"] for d in DATA["dimensions"]]
    first = model["dimensions"][0]
    source = DATA["dimensions"][0]
    assert first["url"] == f"../dimensies/{source['id']}/"
    assert first["suggestions"] == [s["title"] for s in source["suggestions"]]
    assert [s["text"] for s in first["statements"]] == source["self_check"]


def test_dimension_pages_list_their_statements_and_link_to_the_form(site):
    for dim in DATA["dimensions"]:
        page = read(site / "dimensies" / dim["id"] / "index.html")
        assert "zelfscan" in page.ids()
        section = page.html.split('id="zelfscan"', 1)[1].split("<h2", 1)[0]
        assert f'href="../../zelfscan/#zs-{dim["id"]}"' in section
        for statement in dim["self_check"]:
            assert statement in Page(section).text


def test_new_dimension_and_statement_change_the_form_and_yaml_text_stays_data(edited_site):
    data, attack = edited.DATA, edited.ATTACK  # a statement and a suggestion with markup, a ninth dimension
    html = (edited_site / "zelfscan" / "index.html").read_text()
    page = read(edited_site / "zelfscan" / "index.html")
    first = data["dimensions"][0]
    new_index = len(first["self_check"]) - 1
    options = len(data["scale"]) + 1  # the scale and "weet ik niet"
    assert len([a for a in page.all("input") if a.get("name") == f"zs-{first['id']}-{new_index}"]) == options
    assert len([a for a in page.all("input") if a.get("name") in ("zs-negende-0", "zs-negende-1")]) == 2 * options
    assert "9. Negende dimensie" in page.text
    assert "<script>alert(1)" not in html
    assert "Extra uitspraak </script><script>alert(1)</script> & {{ 6 * 7 }}" in page.text  # shown, not run
    model = model_of(html)
    assert model["dimensions"][0]["statements"][-1]["text"] == f"Extra uitspraak {attack}"
    assert model["dimensions"][0]["suggestions"][0] == f"Suggestie {attack}"
    assert model["dimensions"][-1]["id"] == "negende"


def test_answer_code_links_point_at_the_published_page_also_from_the_offline_edition(site):
    """A link made from file:// would mean nothing on another computer: the model names the published page."""
    assert model_of((site / "zelfscan" / "index.html").read_text(encoding="utf-8"))["link"] == SITE_URL + "zelfscan/"
    assert [published_path(p) for p in ("zelfscan/", "zelfscan.html", "index.html", "a/index.html")] == \
        ["zelfscan/", "zelfscan/", "", "a/"]
