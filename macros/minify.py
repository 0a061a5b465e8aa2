"""MkDocs hook: serve our own JavaScript (docs/assets/js/) without comments and spaces.

The source keeps its comments, which say why; what a browser loads does not need them. rjsmin only removes
comments and whitespace (nothing is renamed or rewritten), so the served script does what the source does.
Vendored scripts (docs/assets/vendor/) are served as they came.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SOURCE = "assets/js/"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.startswith(SOURCE) and f.src_uri.endswith(".js")]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=minified(Path(file.abs_src_path))))
    return files


def minified(path: Path) -> str:
    return rjsmin.jsmin(path.read_text(encoding="utf-8"))
