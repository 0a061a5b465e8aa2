"""The feedback tool ("Feedback vragen"): one page built from the dataset's `feedback:` block.

The question bank, the roles and the steps are data, so editors extend the tool in the YAML alone;
the page's builder and log (docs/assets/js/feedback.js) get situations and roles from the page's JSON data block.
"""

from __future__ import annotations

from macros.render import render

PAGE = "feedback-vragen.md"


def page(content: dict, site_url: str) -> str:
    """The whole tool page: why, steps, question bank, builder, log and sources."""
    feedback = tool(content)
    by_id = {d["id"]: d for d in content["dimensions"]}
    return render(
        "feedback.md.j2",
        fb=feedback,
        dimension=by_id[feedback["dimension"]],
        sources={s["key"]: s for s in content["sources"]},
        version=content["version"],
        site_url=site_url,
        script_data=script_data(content),
    )


def script_data(content: dict) -> dict:
    """What feedback.js needs, handed over as JSON (like the self-check's model), never as code."""
    feedback = tool(content)
    return {
        "version": content["version"],
        "situations": [{"id": s["id"], "title": s["title"]} for s in feedback["situations"]],
        "roles": [{"id": r["id"], "label": r["label"], "hint": r["hint"]} for r in feedback["roles"]],
    }


def tool(content: dict) -> dict:
    if "feedback" not in content:
        raise KeyError(f"data/dimensions.yaml has no 'feedback:' block, which {PAGE} needs")
    return content["feedback"]


def serves(content: dict, dimension_id: str) -> bool:
    """Whether this dimension's card links to the tool (the `feedback.dimension` field names it)."""
    return content.get("feedback", {}).get("dimension") == dimension_id
