"""The pure browser scripts (docs/assets/js: lo-format, feedback-log, zelfscan-score, survey-import) under node.

Their unit tests live in tests/js/ and run with `node --test tests/js/`. Node.js and the npm packages (npm ci) are
not pip packages: without them these tests skip locally and fail in CI, like the browser tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from conftest import ROOT, require

NODE = shutil.which("node")


def test_pure_scripts_pass_their_node_tests():
    require(NODE is not None, "Node.js is missing (node --test runs tests/js/)")
    require((ROOT / "node_modules" / "@xmldom" / "xmldom").exists(), "npm packages are missing (npm ci)")
    result = subprocess.run([NODE, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", result.stdout, re.M) and re.search(r"^# fail 0$", result.stdout, re.M)


def test_served_scripts_still_parse_after_minifying(site):
    """The build serves assets/js/ through rjsmin (macros/scripts.py): every file must still be valid JavaScript."""
    require(NODE is not None, "Node.js is missing (node --check reads the served scripts)")
    served = sorted((site / "assets" / "js").glob("*.js"))
    assert len(served) >= 7
    for script in served:
        result = subprocess.run([NODE, "--check", str(script)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"{script.name}: {result.stderr[-2000:]}"
        assert "/*" not in script.read_text(encoding="utf-8").split("\n", 1)[0], f"{script.name} was not minified"
