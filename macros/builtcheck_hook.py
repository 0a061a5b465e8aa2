"""MkDocs hook: stop the build when a built page or the search index holds something that could run code.

The logic and its messages are in macros/builtcheck.py; this only hands it what MkDocs built.
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


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _stop_on(builtcheck.page_problems(output), page.url or "/")
    return output


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        _stop_on(builtcheck.search_index_problems(index.read_text(encoding="utf-8")), "search/search_index.json")


def _stop_on(findings: list[builtcheck.Finding], page: str) -> None:
    if findings:
        raise PluginError(builtcheck.explain(findings, page, dataset.load_cached(), dataset.DATA_FILE))
