"""Render the Jinja partials in macros/templates with our own, autoescaping environment.

mkdocs-macros does not escape, so macro output is produced here: every value from the YAML
is escaped (HTML, and Markdown where the output is Markdown) unless a filter says otherwise.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from macros import markup, references

TEMPLATES = Path(__file__).resolve().parent / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def data_block(element_id: str, value) -> Markup:
    """Data for a page's script, as JSON in a `<script type="application/json">` block; the one way the
    pages hand data to the browser. Script side: `JSON.parse(document.getElementById(element_id).textContent)`.

    `<`, `>`, `&` and `'` are written as \\u escapes, so no text from the YAML can end the block."""
    return Markup('<script type="application/json" id="{}">{}</script>').format(
        element_id, htmlsafe_json_dumps(value, sort_keys=True))


_env.filters.update(plain=markup.plain, markdown=markup.markdown, apa=references.apa)
_env.globals.update(data_block=data_block)


def render(template: str, **context) -> str:
    return _env.get_template(template).render(**context)
