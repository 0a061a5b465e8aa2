"""The data check: every broken fixture fails with its own message, file and line; a good one passes."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, read_yaml, require, write_yaml

from macros import dataset, links

FIXTURES = Path(__file__).parent / "fixtures"
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+): (.+)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[int, str]]:
    """Each fixture states, in its header, the line and message it must produce.

    A fixture that cannot carry a readable comment (UTF-16) states them in a sidecar `<name>.expect` file.
    """
    sidecar = path.with_suffix(".expect")
    text = ("# expect: " + sidecar.read_text(encoding="utf-8").replace("\n", "\n# expect: ") if sidecar.exists()
            else path.read_text(encoding="utf-8", errors="replace"))
    found = [(int(line), message) for line, message in EXPECT.findall(text)]
    assert found, f"{path.name} has no '# expect:' line"
    return found


def test_minimal_fixture_is_valid():
    data = dataset.load(FIXTURES / "minimal.yaml")
    assert [d["id"] for d in data["dimensions"]] == ["visie", "feedback"]


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_reports_line_and_message(fixture: Path):
    with pytest.raises(dataset.DatasetError) as caught:
        dataset.load(fixture)
    reported = str(caught.value).splitlines()[1:]
    label = dataset.label(fixture)
    for line, message in expectations(fixture):
        prefix = f"{label}:{line}: "
        assert any(r.startswith(prefix) and message in r for r in reported), (
            f"expected '{prefix}...{message}' in:\n" + "\n".join(reported))


def test_all_errors_are_reported_at_once():
    with pytest.raises(dataset.DatasetError) as caught:
        dataset.load(FIXTURES / "invalid" / "several_errors.yaml")
    assert len(caught.value.problems) == 3


def test_check_command_explains_without_traceback():
    fixture = FIXTURES / "invalid" / "unknown_source.yaml"
    result = subprocess.run([sys.executable, "-m", "macros.check", str(fixture)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "onbekende bron 'senge1991'; bedoelde je 'senge1990'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_command_explains_a_missing_file(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros.check", str(tmp_path / "weg.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{tmp_path / 'weg.yaml'}:1: kan het bestand niet lezen (het bestaat niet)" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_command_accepts_the_real_dataset():
    result = subprocess.run([sys.executable, "-m", "macros.check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data/dimensions.yaml: in orde")


@pytest.mark.parametrize("name", ["alias_bomb", "deep_nesting", "deep_markdown_list", "utf16", "yaml_tag", "long_text"])
def test_hostile_file_fails_fast_with_its_message_in_little_memory(name):
    """Run the check with 512 MB of address space: a loader that expanded the alias bomb would die."""
    fixture = FIXTURES / "invalid" / f"{name}.yaml"
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20)); "
    result = subprocess.run(
        [sys.executable, "-c", limit + "import sys; from macros import check; sys.exit(check.main(sys.argv[1:]))",
         str(fixture)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    line, message = expectations(fixture)[0]
    assert f"{dataset.label(fixture)}:{line}: " in result.stderr and message in result.stderr, result.stderr


MUTATIONS = [":", ": ", "-", "- ", '"', "'", "[", "]", "{", "}", "\t", "\n", "  ", "&a ", "*a", "!!str ", "#", "|",
             ">", "%", "@", "`", "\x00", "\x07", "é", "\ufeff", "? ", ",", "\\"]


def test_no_edit_mistake_escapes_as_a_traceback(tmp_path):
    """Hundreds of random small mistakes in a valid file: each one is a DatasetError or still valid, never a crash."""
    rng = random.Random(8)
    original = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    target = tmp_path / "dimensions.yaml"
    for _ in range(400):
        text = original
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            action = rng.choice(["insert", "delete", "duplicate-line"])
            if action == "insert":
                text = text[:at] + rng.choice(MUTATIONS) + text[at:]
            elif action == "delete":
                text = text[:at] + text[at + rng.randint(1, 8):]
            else:
                lines = text.splitlines(keepends=True)
                i = rng.randrange(len(lines))
                text = "".join(lines[: i + 1] + lines[i:])
        target.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            dataset.load(target)
        except dataset.DatasetError as err:
            assert all(p.line >= 1 and p.message for p in err.problems), text


def schema_patterns(node) -> list[str]:
    """Every `pattern` in the schema, also those under `not`."""
    if isinstance(node, dict):
        return ([node["pattern"]] if isinstance(node.get("pattern"), str) else []) + [
            p for key, child in node.items() if key != "pattern" for p in schema_patterns(child)]
    if isinstance(node, list):
        return [p for child in node for p in schema_patterns(child)]
    return []


def strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for child in value.values() for s in strings(child)]
    if isinstance(value, list):
        return [s for child in value for s in strings(child)]
    return [value] if isinstance(value, str) else []


def test_every_anchored_schema_pattern_refuses_a_trailing_newline_in_python_and_in_editors():
    """jsonschema uses Python's `re`, whose `$` also matches before a final newline; editors' YAML language
    server uses ECMA regex (with the `u` flag). Every pattern must mean the same in both."""
    patterns = schema_patterns(dataset.schema())
    anchored = [p for p in patterns if p.endswith("$")]
    assert len(anchored) >= 5
    values = strings(dataset.load())
    cases = []
    for pattern in anchored:
        examples = [v for v in values if re.search(pattern, v)][:3]
        assert examples, f"no value in the dataset matches {pattern}"
        for example in examples:
            assert not re.search(pattern, example + "\n"), f"{pattern} accepts {example!r} with a trailing newline"
            cases.append([pattern, example, True])
            cases.append([pattern, example + "\n", False])
    cases += [[p, "", None] for p in patterns]  # every pattern compiles
    require(shutil.which("node") is not None, "Node.js is missing")
    script = ("const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const wrong = cases.filter(([p, s, ok]) => { const r = new RegExp(p, 'u');"
              "  return ok !== null && r.test(s) !== ok; });"
              "console.log(JSON.stringify(wrong));")
    result = subprocess.run(["node", "-e", script], input=json.dumps(cases), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # a pattern that is no valid ECMA regex throws here
    assert json.loads(result.stdout) == []


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` values do not matter here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_link_check_renders_markdown_with_the_sites_block_extensions():
    """An admonition's body is Markdown again: the per-field link check must see the blocks the site sees."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    names = {next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]}
    inline_only = {"toc", "pymdownx.emoji"}
    assert names - inline_only == set(links.SITE_BLOCK_EXTENSIONS)


def test_check_refuses_a_card_that_would_not_fit_like_the_build(tmp_path):
    """The build stops when a printed card overflows; `make check` must say so first, not pass."""
    data = read_yaml(dataset.DATA_FILE)
    dim = next(d for d in data["dimensions"] if d["id"] == "feedbackprocessen")
    long_title = " ".join(["samenwerkingsverband"] * 5)[:90]
    dim["challenges"] = [{"title": long_title, "text": "Toelichting."} for _ in range(4)]
    dim["suggestions"] = [{"title": long_title, "text": "Toelichting."} for _ in range(4)]
    dim["quotes"] = [{"text": "woord " * 95, "attribution": "HRM 1, praktijk", "source": "senge1990"}]
    path = tmp_path / "dimensions.yaml"
    write_yaml(path, data)
    result = subprocess.run([sys.executable, "-m", "macros.check", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"Kaart {dim['number']} ({dim['title']}), A6: achterkant te vol" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_message_names_the_card_as_editors_know_it(tmp_path):
    """`dimensions[2].good_practices[3]` means little to an editor; "kaart 3, Teamleren ..." does."""
    data = read_yaml(ROOT / "data" / "dimensions.yaml")
    data["dimensions"][2]["good_practices"][3]["text"] = "x" * 700
    write_yaml(tmp_path / "dimensions.yaml", data)
    with pytest.raises(dataset.DatasetError) as caught:
        dataset.load(tmp_path / "dimensions.yaml")
    assert ("[kaart 3, Teamleren en samenwerking, vierde goede voorbeeld, tekst] "
            "dimensions[2].good_practices[3].text: de tekst is te lang") in str(caught.value)
