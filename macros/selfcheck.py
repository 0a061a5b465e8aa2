"""The self-check (zelfscan) form: the paper form as HTML, and the data its script needs.

Everything is derived from the dataset, so a new dimension or statement changes the form with
no other edit. Each statement carries a short hash of its text: an exported answer file names
the statement it answered, and the page can tell when that statement has since been rewritten.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from macros.render import render

if TYPE_CHECKING:
    from macros.model import Dataset

DATA_ID = "zs-model"  # the page's JSON data block (render.data_block) that zelfscan.js reads
PLAN_ROWS = 4  # empty action-plan rows on the paper form; the browser can add more
# What the script needs of each dimension (the form itself also shows the summary).
MODEL_FIELDS = ("id", "number", "title", "short_title", "url", "statements", "suggestions", "question")


def statement_hash(text: str) -> str:
    """A short fingerprint of a statement's text, stored with each exported answer."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def form(ds: Dataset, page_url: str) -> str:
    """The whole self-check page body: form, tools and the script's data.

    `link` is the page's address on the published site: an answer-code link made in the offline edition
    (opened from file://) points there, since a file:// address means nothing on another computer.
    """
    scale = sorted(ds.scale, key=lambda s: s["value"])
    dimensions = [_dimension(ds, dim, page_url) for dim in ds.dimensions]
    model = {
        "version": ds.version,
        "scale": scale,
        "link": urljoin(ds.site_url or "", published_path(page_url)),
        "dimensions": [{key: d[key] for key in MODEL_FIELDS} for d in dimensions],
    }
    return render(
        "selfcheck.html.j2",
        scale=scale,
        dimensions=dimensions,
        plan_rows=PLAN_ROWS,
        data_id=DATA_ID,
        model=model,
        nulmeting_url=get_relative_url("nulmeting/" if ds.directory_urls else "nulmeting.html", page_url),
    )


def published_path(page_url: str) -> str:
    """A page's path as the published site (directory URLs) has it: "zelfscan.html" becomes "zelfscan/"."""
    path = page_url.removesuffix("index.html")
    return path[: -len(".html")] + "/" if path.endswith(".html") else path


def _dimension(ds: Dataset, dim: dict, page_url: str) -> dict:
    return {
        "id": dim["id"],
        "number": dim["number"],
        "title": dim["title"],
        "short_title": dim.get("short_title", ""),  # the radar chart's axis name
        "summary": dim["summary"],
        "url": get_relative_url(ds.url(dim), page_url),
        "statements": [
            {"index": i, "hash": statement_hash(text), "text": text} for i, text in enumerate(dim["self_check"])
        ],
        "suggestions": [s["title"] for s in dim["suggestions"]],
        "question": dim["questions"][0] if dim["questions"] else "",
    }
