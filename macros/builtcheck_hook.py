"""MkDocs hook: stop the build when a built page or the search index could run code or load from another site.

The logic and its messages are in macros/builtcheck.py; this only hands it what MkDocs built. Every page is
checked before the build stops, so all problems are named at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make the `macros` package importable
from macros import builtcheck, dataset  # noqa: E402

_found: list[tuple[str, list[builtcheck.Finding]]] = []  # (page, findings) of this build


def on_pre_build(config: MkDocsConfig) -> None:
    _found.clear()  # `mkdocs serve` builds again in the same process


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    findings = builtcheck.page_problems(output)
    if findings:
        _found.append((page.url or "/", findings))
    return output


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        findings = builtcheck.search_index_problems(index.read_text(encoding="utf-8"))
        if findings:
            _found.append(("search/search_index.json", findings))
    if _found:
        raise PluginError(builtcheck.explain(_found, dataset.load_cached(), dataset.DATA_FILE))
