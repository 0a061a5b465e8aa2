"""Publish the dataset as open data, `/data/dimensions.json`, with a JSON Schema for its shape.

The JSON is the loaded dataset (dimensions in number order) plus `format_version`, which changes only when a
field is removed or changes meaning, and the licence. Its schema is derived from data/dimensions.schema.json,
so the limits stay in one place. The shape is documented in docs/open-data.md.
"""

from __future__ import annotations

import copy
import json

from macros import dataset
from macros.model import Dataset

FORMAT_VERSION = 1
JSON_PATH = "data/dimensions.json"
SCHEMA_PATH = "data/dimensions.schema.json"
LICENCE = {
    "texts": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
    "quotes": "Citaten (quotes) komen uit het artikel van Bronsgeest, Heldens & Ros en blijven van de auteurs; "
              "ze zijn hier opgenomen op grond van het citaatrecht.",
}


def files(ds: Dataset) -> dict[str, str]:
    """Path in the site -> content of the two open-data files."""
    return {JSON_PATH: _json(export(ds.content)), SCHEMA_PATH: _json(export_schema())}


def export(data: dict) -> dict:
    """The open-data document: format and licence first, then the dataset as validated."""
    return {"format_version": FORMAT_VERSION, "licence": LICENCE, **data}


def export_schema() -> dict:
    """The dataset's schema, extended with the fields `export()` adds."""
    schema = copy.deepcopy(dataset.schema())
    schema["$id"] = "dimensions.schema.json"
    schema["title"] = "Open data: ontwikkelkaarten lerende organisatie"
    schema["description"] = ("Alle inhoud van de site als JSON. Velden 'intro', 'text' en 'note' bevatten "
                             "Markdown; behandel alle tekst als onbetrouwbare invoer en escape hem bij weergave.")
    schema["required"] = ["format_version", "licence", *schema["required"]]
    schema["properties"] = {
        "format_version": {"const": FORMAT_VERSION,
                           "description": "Versie van de vorm van dit bestand; verandert alleen als een veld "
                                          "verdwijnt of een andere betekenis krijgt."},
        "licence": {"type": "object", "description": "Licentie van de teksten en status van de citaten.",
                    "required": sorted(LICENCE), "additionalProperties": False,
                    "properties": {key: {"type": "string"} for key in LICENCE}},
        **schema["properties"],
    }
    return schema


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
