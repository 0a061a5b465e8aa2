"""A hook for scripts/benchmark_build.py: record each page's Markdown, front matter, the nav and generated files
(these base64-encoded: some, like the XLSForm, are binary).

Added as the last hook for one build; it runs after every other step (lowest priority), so it records exactly
what Markdown receives. Writes JSON to the path in the CAPTURE_PAGES environment variable.
"""

from __future__ import annotations

import base64
import json
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_record: dict = {"pages": {}, "generated": {}, "nav": None, "extra": None}


@event_priority(-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _record["nav"] = config.nav
    _record["extra"] = dict(config.extra)
    return config


@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            _record["generated"][file.src_uri] = base64.b64encode(file.content_bytes).decode("ascii")  # may be binary
    return files


@event_priority(-100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    _record["pages"][page.file.src_uri] = {"markdown": markdown, "meta": page.meta}
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    with open(os.environ["CAPTURE_PAGES"], "w", encoding="utf-8") as out:
        json.dump(_record, out, ensure_ascii=False)
