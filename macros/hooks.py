"""The one MkDocs hook: load the dataset once per build and hand it to every step.

`on_config` loads and checks data/dimensions.yaml into one `Dataset` (macros/model.py), fills the nav and gives
mkdocs-macros the page macros; `on_files` adds the generated files; `on_page_markdown` points a dimension page's
edit button at the YAML; `on_post_page` and `on_post_build` check what was built (macros/builtcheck.py). What is
made lives in macros/build.py, free of MkDocs; this file only connects it.
`mkdocs serve` runs all of this again on every rebuild (it watches data/), so a YAML edit shows at once;
edits to Python code need a restart of serve, which imports the modules once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# MkDocs imports this file by its path; the package next to it is imported from the same project.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros import build, builtcheck, model, pages  # noqa: E402
from macros.errors import DataError  # noqa: E402

MACROS_PLUGIN = "macros"
OFFLINE_PLUGIN = "material/offline"

_dataset: model.Dataset | None = None  # this build's dataset, set first thing by on_config
_unsafe: list[tuple[str, list[builtcheck.Finding]]] = []  # (page, findings) of this build's check of what it built


def dataset() -> model.Dataset:
    if _dataset is None:
        raise PluginError("macros/hooks.py: the dataset is used before on_config loaded it")
    return _dataset


@event_priority(-50)  # after mkdocs-macros' own on_config, which makes the Jinja environment the macros join
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _dataset
    try:
        _dataset = model.load(config.site_url, config.use_directory_urls)
    except DataError as err:  # every data problem ends the build the same way: the Dutch message, no traceback
        raise PluginError(str(err)) from None
    config.extra["content_version"] = _dataset.version  # for printed footers (overrides/main.html)
    _nav_section(config)[pages.NAV_SECTION] = pages.nav(_dataset)
    offline = config.plugins.get(OFFLINE_PLUGIN)
    _macros_plugin(config).register_macros(
        build.page_macros(_dataset, Path(config.docs_dir), bool(offline and offline.config.enabled)))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in build.generated_files(dataset()).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Point a dimension page's edit button at the YAML, and give search its keywords."""
    dim = dataset().dimension_of(page.file.src_uri) if page.file.generated_by else None
    if dim is not None:
        if config.edit_uri:
            page.edit_url = urljoin(config.edit_uri, "../data/dimensions.yaml")
        page.meta["tags"] = pages.search_tags([*dim["tags"], *dim.get("keywords", [])])
    elif isinstance(page.meta.get("keywords"), list):  # a written page's search words, in its front matter
        page.meta["tags"] = pages.search_tags(page.meta["keywords"])
    return markdown


def on_pre_build(config: MkDocsConfig) -> None:
    _unsafe.clear()  # `mkdocs serve` builds again in the same process


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Check the page as built (macros/builtcheck.py); the build stops after the search index, naming all at once."""
    findings = builtcheck.page_problems(output)
    if findings:
        _unsafe.append((page.url or "/", findings))
    return output


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        findings = builtcheck.search_index_problems(index.read_text(encoding="utf-8"))
        if findings:
            _unsafe.append(("search/search_index.json", findings))
    if _unsafe:
        raise PluginError(builtcheck.explain(_unsafe, dataset().content))


def _nav_section(config: MkDocsConfig) -> dict:
    for entry in config.nav or []:
        if isinstance(entry, dict) and pages.NAV_SECTION in entry:
            return entry
    raise PluginError(f"mkdocs.yml: nav needs a placeholder entry '- {pages.NAV_SECTION}: []'")


def _macros_plugin(config: MkDocsConfig):
    plugin = config.plugins.get(MACROS_PLUGIN)
    if plugin is None:
        raise PluginError(f"mkdocs.yml: plugins needs '{MACROS_PLUGIN}' (mkdocs-macros), which renders the pages "
                          "that call a macro")
    return plugin
