"""The search index holds what people read, not the controls they click.

Button labels, form controls and blocks marked `data-search-exclude` must stay out of search/search_index.json,
or a search for "feedback" lists "Kopieer de tekst Druk de kaart af". Material's index builder compares elements
by tag name only, so an excluded <div> with a <div> inside stops being excluded at the inner one's end tag: this
test reads the built index, not the markup, so it catches that too.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

# Controls whose words are interface, not content.
CONTROLS = {"button", "label", "legend", "option", "select", "textarea"}
# Elements without an end tag, which never enclose text.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
MIN_LENGTH = 8  # shorter fragments ("A6", "Wie?") may honestly occur in the page's own text


class HiddenFromSearch(HTMLParser):
    """The page's content (what Material indexes), split into text search must not see and text it may see.

    Hidden: text in an excluded block or in a control. A hidden text that also stands in the open part of the
    content (a situation's name as a heading and as an option) may honestly be in the index.
    """

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, in the content, hidden
        self.hidden: list[str] = []
        self.shown: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        parent_content, parent_hidden = self.stack[-1][1:] if self.stack else (False, False)
        content = parent_content or "md-content__inner" in (attrs.get("class") or "").split()
        hidden = parent_hidden or "data-search-exclude" in attrs or tag in CONTROLS
        self.stack.append((tag, content, hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        if not self.stack or not self.stack[-1][1] or self.stack[-1][0] in ("script", "style"):
            return
        (self.hidden if self.stack[-1][2] else self.shown).append(text)

    def leaks(self, indexed: str) -> list[str]:
        shown = " ".join(self.shown)
        return sorted({text for text in self.hidden
                       if len(text) >= MIN_LENGTH and text in indexed and text not in shown})


def indexed_text(site) -> dict[str, str]:
    """Page path -> all its indexed titles and texts, as plain text."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, list[str]] = {}
    for doc in index["docs"]:
        plain = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        pages.setdefault(doc["location"].split("#")[0], []).append(" ".join(plain.split()))
    return {path: " | ".join(texts) for path, texts in pages.items()}


def test_controls_and_excluded_blocks_stay_out_of_the_search_index(site):
    indexed = indexed_text(site)
    leaks = {}
    for path, text in indexed.items():
        page = (site / path / "index.html").read_text(encoding="utf-8")
        found = HiddenFromSearch(page).leaks(text)
        if found:
            leaks[path or "/"] = found[:5]
    assert not leaks, f"indexed although excluded or a control: {leaks}"


@pytest.mark.parametrize("path, words", [
    ("feedback-vragen/", "Kopieer de tekst"),
    ("zelfscan/", "Weet ik niet"),
    ("kaartenset/", "Zo werk je met de kaarten"),
])
def test_known_interface_texts_are_not_searchable(site, path, words):
    """The leaks testers saw, named, so a change in how the first test finds fragments cannot hide them."""
    page = (site / path / "index.html").read_text(encoding="utf-8")
    assert words in page
    assert words not in indexed_text(site)[path]
