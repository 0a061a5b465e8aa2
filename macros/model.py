"""The dataset as one object: loaded and checked once per build, then handed to every hook, macro and template.

`load()` reads and validates data/dimensions.yaml (macros/dataset.py) and builds the card deck, so every data
error surfaces here, as a DataError, before any page is made. Nothing here depends on MkDocs.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urljoin

from macros import cards, dataset, survey_files

PAGE_DIR = "dimensies"  # the one place that spells where a dimension's page lives


@dataclass(frozen=True)
class Dataset:
    """The validated content and what is derived from it once: lookups, page addresses and the card deck."""

    content: dict  # the validated YAML as plain data, dimensions in number order (also the open-data export)
    site_url: str | None
    directory_urls: bool
    by_id: Mapping[str, dict]  # dimension id -> dimension
    sources: Mapping[str, dict]  # source key -> source
    deck: cards.Deck | None = None

    @classmethod
    def create(cls, content: dict, site_url: str | None, directory_urls: bool = True) -> Dataset:
        """Wrap validated content; raises DeckError when a printed card would overflow."""
        dimensions = sorted(content["dimensions"], key=lambda d: d["number"])
        content = {**content, "dimensions": dimensions}
        without_deck = cls(content, site_url, directory_urls,
                           by_id=MappingProxyType({d["id"]: d for d in dimensions}),
                           sources=MappingProxyType({s["key"]: s for s in content["sources"]}))
        return dataclasses.replace(without_deck, deck=cards.build_deck(without_deck))

    @functools.cached_property
    def survey_files(self) -> dict[str, bytes]:
        """The questionnaire files for survey tools (path -> bytes): made once, added to the site and listed."""
        return survey_files.files(self)

    @property
    def version(self) -> str:
        return self.content["version"]

    @property
    def scale(self) -> list[dict]:
        return self.content["scale"]

    @property
    def dimensions(self) -> list[dict]:
        return self.content["dimensions"]

    @property
    def feedback(self) -> dict:
        return self.content["feedback"]  # required by the schema

    @property
    def sessions(self) -> list[dict]:
        return self.content.get("sessions", [])

    def source_path(self, dim: dict) -> str:
        """The dimension page's Markdown source, relative to docs/: what a Markdown link points at."""
        return f"{PAGE_DIR}/{dim['id']}.md"

    def url(self, dim: dict) -> str:
        """The dimension page's address relative to the site root, as MkDocs publishes it."""
        return f"{PAGE_DIR}/{dim['id']}/" if self.directory_urls else f"{PAGE_DIR}/{dim['id']}.html"

    def absolute_url(self, dim: dict) -> str:
        """The dimension page's address on the published site (what QR codes show), also in the offline edition."""
        return urljoin(self.site_url or "", f"{PAGE_DIR}/{dim['id']}/")

    def dimension_of(self, source_path: str) -> dict | None:
        """The dimension whose page has this source path (as `source_path()` spells it), if any."""
        folder, _, name = source_path.rpartition("/")
        return self.by_id.get(name.removesuffix(".md")) if folder == PAGE_DIR else None


def load(site_url: str | None, directory_urls: bool = True, path: Path | str = dataset.DATA_FILE) -> Dataset:
    """Read, validate and wrap the dataset; raises a DataError (DatasetError or DeckError) with the Dutch message."""
    return Dataset.create(dataset.load(path), site_url, directory_urls)
