"""Open data: the dataset published as JSON in a documented, versioned shape, and the licences stated."""

from __future__ import annotations

import json

from conftest import ROOT, read_yaml
from htmlpage import read
from jsonschema import Draft202012Validator


def test_json_holds_exactly_the_yaml_content(site):
    published = json.loads((site / "data" / "dimensions.json").read_text(encoding="utf-8"))
    yaml_data = read_yaml(ROOT / "data" / "dimensions.yaml")
    assert published["format_version"] == 1
    assert published["version"] == yaml_data["version"]
    assert published["scale"] == yaml_data["scale"]
    assert published["sources"] == yaml_data["sources"]
    assert published["dimensions"] == sorted(yaml_data["dimensions"], key=lambda d: d["number"])
    assert set(published) == {"format_version", "licence", *yaml_data}
    assert published["licence"]["texts"] == "CC BY 4.0"


def test_json_matches_its_published_schema(site):
    schema = json.loads((site / "data" / "dimensions.schema.json").read_text(encoding="utf-8"))
    published = json.loads((site / "data" / "dimensions.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert not list(Draft202012Validator(schema).iter_errors(published))
    assert list(Draft202012Validator(schema).iter_errors({**published, "format_version": 2}))


def test_open_data_and_licence_pages_are_in_the_menu_and_link_the_files(site):
    home = read(site / "index.html")
    menu = [a.get("href") for a in home.all("a")]
    assert {"open-data/", "licenties/", "offline/"} <= set(menu)
    links = [a.get("href") for a in read(site / "open-data" / "index.html").all("a")]
    assert "../data/dimensions.json" in links and "../data/dimensions.schema.json" in links
    licences = read(site / "licenties" / "index.html").text
    assert "CC BY 4.0" in licences and "MIT" in licences and "citaatrecht" in licences


def test_repository_states_the_licences():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    content = (ROOT / "LICENSE-CONTENT.md").read_text()
    assert "CC BY 4.0" in content and "citaatrecht" in content
    readme = (ROOT / "README.md").read_text()
    assert "LICENSE" in readme and "LICENSE-CONTENT.md" in readme
