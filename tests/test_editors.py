"""What content editors rely on: the field reference, the worked examples, the schema hints and the tools."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest
import yaml
from conftest import ROOT, read_yaml, write_yaml

from macros import dataset, fieldtable

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def example(name: str) -> str:
    """The YAML block under `<!-- voorbeeld: name -->` in CONTRIBUTING.md."""
    match = re.search(rf"<!-- voorbeeld: {re.escape(name)} -->\n```yaml\n(.*?)```", CONTRIBUTING, re.S)
    assert match, f"example '{name}' not found"
    return match.group(1)


def test_field_reference_is_generated_from_the_current_schema():
    assert fieldtable.updated(CONTRIBUTING) == CONTRIBUTING, "run: python -m macros.fieldtable"
    for name in dataset.schema()["$defs"]["dimension"]["properties"]:
        assert f"| `{name}` |" in CONTRIBUTING


def test_every_field_in_the_schema_explains_itself_in_dutch():
    def walk(node, path):
        if isinstance(node, dict):
            if isinstance(node.get("type"), (str, list)):  # a schema, not a `properties` map with a "type" field
                assert node.get("description", "").strip(), f"no description at {'/'.join(path)}"
            for key, child in node.items():
                walk(child, path + [key])
    walk(dataset.schema(), [])


def test_worked_example_good_practice_is_valid(tmp_path):
    data = read_yaml(ROOT / "data" / "dimensions.yaml")
    item = yaml.safe_load(textwrap.dedent(example("goed voorbeeld bij feedbackprocessen")))
    next(d for d in data["dimensions"] if d["id"] == "feedbackprocessen")["good_practices"] += item
    write_yaml(tmp_path / "dimensions.yaml", data)
    assert len(dataset.load(tmp_path / "dimensions.yaml")["dimensions"]) == len(data["dimensions"])


def test_worked_example_dimension_is_valid_and_indented_like_the_file(tmp_path):
    text = (ROOT / "data" / "dimensions.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n"
    assert text.rstrip().splitlines()[-1].startswith("    "), "dimensions: must be the last block of the file"
    (tmp_path / "dimensions.yaml").write_text(text + example("nieuwe dimensie"), encoding="utf-8")
    loaded = dataset.load(tmp_path / "dimensions.yaml")
    assert "lerend-vermogen" in [d["id"] for d in loaded["dimensions"]]


def test_vscode_gets_the_schema_and_recommends_the_yaml_extension():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"] == {"./data/dimensions.schema.json": ["data/dimensions.yaml"]}
    assert "redhat.vscode-yaml" in json.loads((ROOT / ".vscode" / "extensions.json").read_text())["recommendations"]
    first_line = (ROOT / "data" / "dimensions.yaml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=dimensions.schema.json"


def test_pre_commit_runs_the_checks_of_make_test_with_the_pinned_versions():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["dimensions-check"][1]["entry"].endswith("-m macros.check")
    assert "node --check" in hooks["javascript-syntax"][1]["entry"]
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines())
    for hook, package in [("yamllint", "yamllint"), ("ruff-check", "ruff")]:
        assert hooks[hook][0]["rev"] == "v" + pins[package], f"{hook}: keep its rev equal to requirements.txt"


def test_yamllint_accepts_the_dataset_and_catches_trailing_spaces(tmp_path):
    run = [sys.executable, "-m", "yamllint", "--strict", "-c", str(ROOT / ".yamllint")]
    clean = subprocess.run(run + [str(ROOT / "data" / "dimensions.yaml"), str(ROOT / "mkdocs.yml"),
                                  str(ROOT / ".pre-commit-config.yaml")], capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout
    messy = tmp_path / "dimensions.yaml"
    messy.write_text('version: "2026.1"   \n')
    assert "trailing-spaces" in subprocess.run(run + [str(messy)], capture_output=True, text=True).stdout


@pytest.mark.parametrize("path", [".github/pull_request_template.md"])
def test_pull_request_template_has_a_checklist(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 3 and "make check" in text
