"""Escape YAML text for the page: content is data, never HTML, Markdown syntax or a template.

Plain-text fields are escaped for both Markdown and HTML. Fields meant for Markdown keep
Markdown syntax (links, emphasis, lists) but lose raw HTML and attribute lists.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Characters Python-Markdown (with the extensions in mkdocs.yml) treats as syntax and lets us escape.
# Not `>`: HTML escaping turns it into `&gt;`, which Markdown never reads as a quote (and `\&gt;` shows the `\`).
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
LEADING_HASHES = re.compile(r"^(\s*)#", re.MULTILINE)


def plain(text: str) -> Markup:
    """One paragraph of plain text, safe inside Markdown: no markup of any kind survives."""
    collapsed = " ".join(str(text).split())
    return Markup(escape(MARKDOWN_SYNTAX.sub(r"\\\1", collapsed)))


def markdown(text: str) -> Markup:
    """Text from a Markdown field: Markdown stays, raw HTML and `{: attribute }` lists do not."""
    text = str(text).strip().replace("{", r"\{").replace("}", r"\}")
    text = LEADING_HASHES.sub(r"\1\\#", text)  # no headings inside a card section
    # Escape only what starts HTML (tags, entities): quotes stay, so a link's "title" keeps working;
    # Markdown escapes the attributes it writes itself.
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
