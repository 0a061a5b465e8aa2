"""Our own JavaScript (docs/assets/js/) as served: without comments and spaces.

The source keeps its comments, which say why; what a browser loads does not need them. rjsmin only removes
comments and whitespace (nothing is renamed or rewritten), so the served script does what the source does.
Vendored scripts (docs/assets/vendor/) are served as they came. macros/hooks.py swaps the files in.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

SOURCE = "assets/js/"


def is_own_script(src_uri: str) -> bool:
    return src_uri.startswith(SOURCE) and src_uri.endswith(".js")


def minified(path: Path) -> str:
    return rjsmin.jsmin(path.read_text(encoding="utf-8"))
