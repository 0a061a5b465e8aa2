"""Small helpers to read built HTML pages in tests without extra dependencies."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    """Collects the tags (with attributes) and the text of one HTML page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.tags: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if attrs.get("id")}


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def resource_urls(page: Page) -> list[str]:
    """Every URL the browser fetches by itself when it loads the page (not links a user clicks)."""
    urls = [a.get("src") for a in page.all("script") + page.all("img") + page.all("iframe") + page.all("source")]
    urls += [a.get("href") for a in page.all("link") if a.get("rel") not in ("canonical", "prev", "next")]
    return [u for u in urls if u]
