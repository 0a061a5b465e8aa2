"""The feedback tool ("Feedback vragen"): one page built from the dataset's `feedback:` block.

The question bank, the roles and the steps are data, so editors extend the tool in the YAML alone;
the page's builder and log (docs/assets/js/feedback.js) read their choices from the rendered page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.render import render

if TYPE_CHECKING:
    from macros.model import Dataset

DATA_ID = "lo-fb-model"  # the page's JSON data block (render.data_block) that feedback.js reads


def page(ds: Dataset) -> str:
    """The whole tool page: why, steps, question bank, builder, log and sources."""
    fb = ds.feedback
    return render("feedback.md.j2", dataset=ds, fb=fb, dimension=ds.by_id[fb["dimension"]],
                  data_id=DATA_ID, model=model(ds))


def model(ds: Dataset) -> dict:
    """What the builder and the log need: the content version, the roles and each situation's questions."""
    fb = ds.feedback
    return {
        "contentVersion": ds.version,
        "roles": [{key: role[key] for key in ("id", "label", "hint")} for role in fb["roles"]],
        "situations": [{"id": s["id"], "title": s["title"], "questions": s["questions"]} for s in fb["situations"]],
    }


def serves(ds: Dataset, dimension_id: str) -> bool:
    """Whether this dimension's card links to the tool (the `feedback.dimension` field names it)."""
    return ds.feedback["dimension"] == dimension_id
