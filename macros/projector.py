"""The projector view (Presenteren): one dimension per screen in large type, for a workshop room.

A generated page, `presenteren.md`, with every dimension as a slide: number, title, summary, key question and one
quote short enough for a screen. Without JavaScript it is one long page of slides; docs/assets/js/projector.js
shows one at a time, moves with the arrow keys and leaves with Escape. Each card page links here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from macros import printkit
from macros.render import render

if TYPE_CHECKING:
    from macros.model import Dataset

PAGE = "presenteren.md"
QUOTE_MAX = 260  # characters: a longer quote does not fit a screen in large type


def slide_quote(dim: dict) -> dict | None:
    """The first of the dimension's quotes that fits a screen, if any."""
    return next((q for q in dim["quotes"] if len(q["text"]) <= QUOTE_MAX), None)


def page_url(ds: Dataset) -> str:
    return "presenteren/" if ds.directory_urls else "presenteren.html"


def files(ds: Dataset) -> dict[str, str]:
    slides = [{"dim": dim, "look": printkit.look(i), "quote": slide_quote(dim),
               "href": get_relative_url(ds.url(dim), page_url(ds))} for i, dim in enumerate(ds.dimensions)]
    return {PAGE: render("projector.md.j2", slides=slides, dataset=ds)}
