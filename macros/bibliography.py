"""The bibliography page: every source once, in APA order, with the cards that recommend it.

Which cards cite a source is computed from each dimension's `reading`, so the page follows
whenever a reading tip is added, moved or removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros import references

if TYPE_CHECKING:
    from macros.model import Dataset


def entries(ds: Dataset) -> list[dict]:
    """Each source with the dimensions (in number order) whose reading tips name it, and whether the feedback
    tool cites it, sorted as APA sorts."""
    feedback = ds.feedback or {"reading": []}
    return [
        {"source": source,
         "cited_by": [d for d in ds.dimensions if _recommends(d, source["key"])],
         "feedback_tool": _recommends(feedback, source["key"])}
        for source in sorted(ds.sources.values(), key=references.sort_key)
    ]


def _recommends(part: dict, key: str) -> bool:
    return any(tip["source"] == key for tip in part["reading"])
