"""The pure browser scripts (docs/assets/js: lo-format, feedback-log, zelfscan-score) under `node --test`.

Their unit tests live in tests/js/. Node.js is not a pip package: without it these tests skip locally and
fail in CI, like the browser tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from conftest import ROOT, require

NODE = shutil.which("node")


def test_pure_scripts_pass_their_node_tests():
    require(NODE is not None, "Node.js is missing (node --test runs tests/js/)")
    files = sorted(str(path) for path in (ROOT / "tests" / "js").glob("*.test.js"))
    assert files, "no node tests found in tests/js/"
    result = subprocess.run([NODE, "--test", *files], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "TZ": "Europe/Amsterdam"}, timeout=120)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
