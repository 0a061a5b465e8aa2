"""The generated pages: one per dimension, its Markdown rendered straight from the dataset.

MkDocs-free: macros/hooks.py adds these pages to the site. The Markdown is the page source itself, not a macro call:
mkdocs-macros renders only pages that opt in (`render_macros: true`), so `{{ ... }}` in YAML text stays literal.
"""

from __future__ import annotations

import html

from macros import feedback
from macros.model import Dataset
from macros.render import render

NAV_SECTION = "Dimensies"


def sources(ds: Dataset) -> dict[str, str]:
    """Source path -> Markdown of every dimension page, in number order."""
    return {ds.source_path(dim): dimension_markdown(ds, dim) for dim in ds.dimensions}


def dimension_markdown(ds: Dataset, dim: dict) -> str:
    """The full development card of one dimension."""
    return render(
        "dimension.md.j2",
        dataset=ds,
        dim=dim,
        related=[ds.by_id[other] for other in dim["related"]],
        feedback_tool=feedback.serves(ds, dim["id"]),
    )


def nav(ds: Dataset) -> list[dict]:
    """The entries of the nav section, in number order. The theme does not escape nav titles, so this does."""
    return [{html.escape(f"{d['number']}. {d['title']}"): ds.source_path(d)} for d in ds.dimensions]


def search_tags(words: list) -> list[str]:
    """A page's tags for Material's search, which ranks a match in them highest and draws them into the results
    as HTML: it escapes titles and text itself, tags it does not, so this does.

    A card gives its `tags` and its search-only `keywords`, a written page the `keywords:` of its front matter.
    Neither shows: there is no tags plugin, and the site's CSS hides the tags in search results.
    """
    return [html.escape(word, quote=False) for word in words if isinstance(word, str)]
