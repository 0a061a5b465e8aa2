"""Check what was actually built: every URL and inline handler in every page, and the search index.

YAML text is escaped where it enters a page (macros/markup.py, macros/render.py, macros/pages.py) and links are
checked per field (macros/links.py), but a page joins many fields and Markdown extensions, so this is the net
under both: it reads the HTML as a browser will. Material's own output has no inline handlers and only
relative, `http(s):` and `mailto:` URLs, so that is all a page may have; what the browser fetches by itself
(images, scripts, styles) comes from this site only, as no request may leave it. Material's search draws a
result's title, text and tags with innerHTML, so the index may hold only the few bare tags its indexer keeps.

The HTML is read by Lexbor (selectolax), a parser that follows the HTML Standard as browsers do: entities, unquoted
values, SVG attributes and the content of `<template>` come out as a browser would see them. Pure functions on
text; macros/hooks.py runs them on every page and on the index during the build.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from macros import dataset, links

# Attributes whose value a browser loads, opens or submits to.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite",
                  "ping", "codebase", "manifest"}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
# Of those, what the browser fetches by itself when the page loads; a `<link>` fetches unless it only names a page.
LOADED_ATTRIBUTES = {"src", "poster", "data", "background", *SRCSET_ATTRIBUTES}
LINKS_NOT_LOADED = {"canonical", "prev", "next", "alternate"}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
META_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.IGNORECASE)
# The tags Material's search indexer keeps (without attributes) in a result's title and text.
SEARCH_INDEX_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
LONGEST_SHOWN = 80


@dataclass(frozen=True)
class Finding:
    """Something in the built output that could run code or load from another site: where, what, and its value."""

    element: str  # the start tag as written (shortened), or the search index entry and its markup
    problem: str  # Dutch, what is wrong and what is allowed
    value: str  # the URL, handler or text, to trace back to the YAML


def page_problems(page_html: str) -> list[Finding]:
    """Every URL that is not relative, `http(s):` or `mailto:`, and every inline handler in one HTML page."""
    return [finding for element in _elements(LexborHTMLParser(page_html)) for finding in _attribute_problems(element)]


def search_index_problems(index_json: str) -> list[Finding]:
    """Markup in the search index beyond the bare tags Material keeps; tags and titles are drawn as HTML."""
    findings = []
    for doc in json.loads(index_json).get("docs", []):
        where = f"bij '{doc.get('location', '')}'"
        scheme = links.unsafe_scheme(doc.get("location", ""))
        if scheme:
            findings.append(Finding(where, f"een link met '{scheme}:' is niet toegestaan", doc["location"]))
        for field in ("title", "text"):
            findings += _markup_problems(doc.get(field, ""), f"{field} {where}", SEARCH_INDEX_TAGS)
        for tag in doc.get("tags", []):  # a page's tags, repeated on each of its sections
            findings += _markup_problems(tag, f"tags bij '{doc.get('location', '').split('#')[0]}'", set())
    return findings


def trace(data, value: str, path: list | None = None) -> list[list]:
    """The paths of the YAML fields whose text holds `value` (as written or with character references read)."""
    path = path or []
    if isinstance(data, dict):
        return [found for key, child in data.items() for found in trace(child, value, path + [key])]
    if isinstance(data, list):
        return [found for i, child in enumerate(data) for found in trace(child, value, path + [i])]
    if isinstance(data, str) and value and (value in data or value in html.unescape(data)):
        return [path]
    return []


def explain(found: list[tuple[str, list[Finding]]], data: dict, data_file: Path = dataset.DATA_FILE) -> str:
    """One line per finding: the YAML field and line where it can be traced, else the page and element.

    `found` holds (page, findings) pairs. The same finding on several sections of a page (each a search result)
    is named once.
    """
    traced, untraced = [], []
    for page, findings in found:
        for finding in findings:
            paths = trace(data, finding.value)
            for path in paths:
                traced.append((path, f"{finding.problem} (in {page}: {finding.element})"))
            if not paths:
                untraced.append(f"{page}: {finding.element}: {finding.problem}")
    lines = str(dataset.located(traced, data_file)).splitlines()[1:] if traced else []
    lines = list(dict.fromkeys(lines + untraced))
    return f"{len(lines)} onveilige plek(ken) in de gebouwde site:\n" + "\n".join(lines)


def _elements(tree: LexborHTMLParser | LexborNode) -> Iterator[LexborNode]:
    """Every element, also those inside a `<template>`, whose content a script can put on the page."""
    yield from tree.css("*")
    for fragment in tree.template_fragments():
        yield from _elements(fragment)


def _attribute_problems(element: LexborNode) -> list[Finding]:
    attrs = _attributes(element)
    if not attrs:
        return []
    shown = _start_tag(element.tag, attrs)
    findings = []
    for name, value in attrs.items():
        if name.startswith("on") or name == "srcdoc":
            findings.append(Finding(shown, f"het attribuut '{name}' voert code uit en is niet toegestaan", value))
        for url in _urls(element.tag, name, value, attrs):
            scheme = links.unsafe_scheme(url)
            if scheme:
                findings.append(Finding(shown, f"een link met '{scheme}:' is niet toegestaan (die zou code uitvoeren "
                                               "in plaats van een pagina openen); gebruik een adres dat begint met "
                                               "https:// of mailto:", url))
            elif _loaded(element.tag, name, attrs) and EXTERNAL.match(links.IGNORED_BY_BROWSERS.sub("", url)):
                findings.append(Finding(shown, "de pagina zou dit van een andere site laden, en de site haalt niets "
                                               "van elders; zet het bestand in docs/assets/ of laat het weg", url))
    return findings


def _attributes(element: LexborNode) -> dict[str, str]:
    """The element's attributes as the browser read them; one without a value (`<a href>`) is empty."""
    return {name: value or "" for name, value in element.attributes.items()}


def _start_tag(tag: str, attrs: dict[str, str]) -> str:
    """The start tag as the browser read it (shortened), to find it in the page."""
    written = "".join(f' {name}="{_quoted(value)}"' for name, value in attrs.items())
    return _shorten(f"<{tag}{written}>")


def _loaded(tag: str, name: str, attrs: dict[str, str]) -> bool:
    if tag == "link" and name == "href":
        return not set(attrs.get("rel", "").lower().split()) <= LINKS_NOT_LOADED
    return name in LOADED_ATTRIBUTES


def _urls(tag: str, name: str, value: str, attrs: dict[str, str]) -> list[str]:
    if name in URL_ATTRIBUTES:
        return [value]
    if name in SRCSET_ATTRIBUTES:
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    if tag == "meta" and name == "content" and attrs.get("http-equiv", "").lower() == "refresh":
        match = META_REFRESH_URL.search(value)
        return [match.group(1).strip()] if match else []
    return []


def _quoted(value: str) -> str:
    return value.replace('"', "&quot;")


def _markup_problems(text: str, where: str, allowed: set[str]) -> list[Finding]:
    """Elements in a text that Material sets as innerHTML (parsed the same way: as a fragment in a `<div>`)."""
    if "<" not in text:  # no element without a `<`: most of the index, read without a parser
        return []
    return [Finding(f"{where}: {_start_tag(element.tag, _attributes(element))}",
                    "opmaak die de zoekfunctie als HTML zou tonen is niet toegestaan", html.unescape(text))
            for element in _elements(LexborHTMLParser(text, is_fragment=True))
            if element.tag not in allowed or element.attributes]


def _shorten(text: str) -> str:
    return text if len(text) <= LONGEST_SHOWN else text[: LONGEST_SHOWN - 3] + "..."
