"""The data check: every broken fixture fails with its own message, file and line; a good one passes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros import dataset

FIXTURES = Path(__file__).parent / "fixtures"
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+): (.+)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[int, str]]:
    """Each fixture states, in its header, the line and message it must produce."""
    found = [(int(line), message) for line, message in EXPECT.findall(path.read_text(encoding="utf-8", errors="replace"))]
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


def test_check_command_accepts_the_real_dataset():
    result = subprocess.run([sys.executable, "-m", "macros.check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data/dimensions.yaml: in orde")
