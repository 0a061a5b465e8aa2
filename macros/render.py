"""Render the Jinja partials in macros/templates with our own, autoescaping environment.

mkdocs-macros does not escape, so macro output is produced here: every value from the YAML
is escaped (HTML, and Markdown where the output is Markdown) unless a filter says otherwise.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

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
_env.filters.update(plain=markup.plain, markdown=markup.markdown, apa=references.apa)


def render(template: str, **context) -> str:
    return _env.get_template(template).render(**context)
