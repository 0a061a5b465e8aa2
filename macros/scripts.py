"""Serve our own scripts (docs/assets/js/) without comments and indentation; macros/hooks.py calls `minify`.

The sources keep their docstrings for the people who read them; a browser downloads only the code, which keeps
every page within the JavaScript budget of tests/test_weight.py. jsmin removes comments and whitespace only:
names stay as written, so an error in the browser console still points at readable code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import jsmin

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

SCRIPTS = "assets/js/"


def minify(files: Files) -> None:
    for file in files:
        if file.src_uri.startswith(SCRIPTS) and file.src_uri.endswith(".js"):
            file.content_string = minified(file.content_string)


def minified(source: str) -> str:
    return jsmin.jsmin(source, quote_chars="'\"`")
