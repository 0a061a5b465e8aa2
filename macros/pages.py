"""MkDocs hook: one generated page and nav entry per dimension in data/dimensions.yaml.

Macros cannot add pages, so this hook does: each generated page's source is only a macro
call, which keeps YAML text out of Jinja. See design notes in README.md.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make the `macros` package importable
from macros import dataset  # noqa: E402

NAV_SECTION = "Dimensies"
PAGE_DIR = "dimensies"


@event_priority(100)  # before mkdocs-macros reads the dataset
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        data = dataset.load_cached()
    except dataset.DatasetError as err:
        raise PluginError(str(err)) from None
    dimensions = data["dimensions"]
    config.extra["content_version"] = data["version"]  # for printed footers (overrides/main.html)
    section = _nav_section(config)
    # The theme's templates do not escape nav titles, so escape YAML text here.
    section[NAV_SECTION] = [{html.escape(f"{d['number']}. {d['title']}"): _page_path(d)} for d in dimensions]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for dim in dataset.load_cached()["dimensions"]:
        files.append(File.generated(config, _page_path(dim), content=f'{{{{ dimension_page("{dim["id"]}") }}}}\n'))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Point a dimension page's edit button at the YAML, and give search its keywords."""
    dim = _dimension_of(page, config)
    if dim is not None:
        if config.edit_uri:
            page.edit_url = urljoin(config.edit_uri, "../data/dimensions.yaml")
        page.meta["tags"] = dim["tags"]
        page.meta["keywords"] = dim.get("keywords", [])
    page.meta["tags"] = search_tags(page.meta)
    return markdown


def search_tags(meta: dict) -> list[str]:
    """What Material's search ranks highest: a page's tags plus its search-only keywords.

    A card takes both from the YAML, a written page its `keywords:` from its front matter. The theme never
    shows tags (no tags plugin, and search results hide them), so keywords stay out of sight.
    """
    return [*meta.get("tags", []), *meta.get("keywords", [])]


def _dimension_of(page: Page, config: MkDocsConfig) -> dict | None:
    path = PurePosixPath(page.file.src_uri)
    if not page.file.generated_by or path.parent.as_posix() != PAGE_DIR:
        return None
    return dataset.dimensions_by_id_cached().get(path.stem)


def _page_path(dim: dict) -> str:
    return f"{PAGE_DIR}/{dim['id']}.md"


def _nav_section(config: MkDocsConfig) -> dict:
    for entry in config.nav or []:
        if isinstance(entry, dict) and NAV_SECTION in entry:
            return entry
    raise PluginError(f"mkdocs.yml: nav needs a placeholder entry '- {NAV_SECTION}: []'")
