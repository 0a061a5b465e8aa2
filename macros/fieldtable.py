"""The field reference in CONTRIBUTING.md, generated from the JSON Schema so that the limits live in one place.

`python -m macros.fieldtable` rewrites the part of CONTRIBUTING.md between the markers; a test fails when the
schema changed and this was not run.
"""

from __future__ import annotations

import re
import sys

from macros import dataset

CONTRIBUTING = dataset.ROOT / "CONTRIBUTING.md"
BEGIN, END = "<!-- velden: begin (gemaakt door python -m macros.fieldtable) -->", "<!-- velden: einde -->"
GROUPS = [
    ("Bovenaan het bestand", ""),
    ("Elke antwoordmogelijkheid onder `scale:`", "properties/scale/items"),
    ("Elke bron onder `sources:`", "$defs/source"),
    ("Elke dimensie onder `dimensions:`", "$defs/dimension"),
    ("Elk punt in `challenges`, `suggestions` en `good_practices`", "$defs/card_item"),
    ("Elk citaat in `quotes`", "$defs/quote"),
    ("Elke leestip in `reading`", "$defs/reading"),
    ("Het blok `article:` (het artikel)", "$defs/article"),
    ("Elke geïnterviewde in `article.interviewees`", "$defs/interviewee"),
    ("Elk citaat in `article.quotes`", "$defs/article_quote"),
    ("Elke werkvorm onder `sessions:`", "$defs/session"),
    ("Elk materiaal in `materials` van een werkvorm", "$defs/session_material"),
    ("Elke stap in `steps` van een werkvorm", "$defs/session_step"),
]
KINDS = {"string": "tekst", "integer": "geheel getal", "array": "lijst", "object": "blok"}


def table() -> str:
    schema = dataset.schema()
    parts = []
    for heading, pointer in GROUPS:
        node = _resolve(schema, pointer)
        required = set(node.get("required", []))
        rows = [f"| `{name}` | {_one_line(field.get('description', ''))} | {_limits(schema, field, name in required)} |"
                for name, field in node["properties"].items()]
        parts.append(f"#### {heading}\n\n| veld | wat het is | grenzen |\n|---|---|---|\n" + "\n".join(rows))
    return "\n\n".join(parts)


def _resolve(schema: dict, pointer: str) -> dict:
    node = schema
    for part in filter(None, pointer.split("/")):
        node = node[part]
    return node


def _limits(schema: dict, field: dict, required: bool) -> str:
    kinds = field.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    named = [KINDS.get(k, k) for k in kinds if k != "null"] or ["leeg"]
    if "enum" in field:
        named = ["een van: " + ", ".join(map(str, field["enum"]))]
    words = ["verplicht" if required else "mag weg", " of ".join(named)]
    words += _text_limits(field)
    if "minimum" in field:
        words.append(f"{field['minimum']} t/m {field['maximum']}")
    if "array" in kinds:
        low, high = field.get("minItems", 0), field.get("maxItems")
        words.append("mag leeg ([])" if low == 0 else f"minstens {low}")
        if high:
            words.append(f"hoogstens {high} items")
        items = field.get("items", {})
        if _text_limits(items):
            words.append("elk item " + " en ".join(_text_limits(items)))
    return ", ".join(words)


def _text_limits(field: dict) -> list[str]:
    words = []
    if field.get("pattern") == r"\S":
        words.append("niet leeg")
    elif "pattern" in field:
        words.append("vaste vorm (zie 'wat het is')")
    if "maxLength" in field:
        words.append(f"hoogstens {field['maxLength']} tekens")
    if "not" in field:
        words.append("zonder < > {{ {% {#")
    return words


def _one_line(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def updated(document: str) -> str:
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if not pattern.search(document):
        raise SystemExit(f"{CONTRIBUTING.name}: markers {BEGIN!r} and {END!r} not found")
    return pattern.sub(lambda _: f"{BEGIN}\n\n{table()}\n\n{END}", document)


def main() -> int:
    CONTRIBUTING.write_text(updated(CONTRIBUTING.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
