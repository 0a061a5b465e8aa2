"""Check what was actually built: every URL and inline handler in every page, and the search index.

YAML text is escaped where it enters a page (macros/markup.py, macros/render.py, macros/pages.py) and links are
checked per field (macros/links.py), but a page joins many fields and Markdown extensions, so this is the net
under both: it reads the HTML as a browser will. Material's own output has no inline handlers and only
relative, `http(s):` and `mailto:` URLs, so that is all a page may have; what the browser fetches by itself
(images, scripts, styles) comes from this site only, as no request may leave it. Material's search draws a
result's title, text and tags with innerHTML, so the index may hold only the few bare tags its indexer keeps.

Pure functions on text; macros/hooks.py runs them on every page and on the index during the build.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

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
    parser = _Attributes()
    parser.feed(page_html)
    parser.close()
    return parser.findings


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


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        element = _shorten(self.get_starttag_text() or f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name == "srcdoc":
                self.findings.append(Finding(element, f"het attribuut '{name}' voert code uit en is niet toegestaan",
                                             value))
            for url in _urls(tag, name, value, attrs):
                scheme = links.unsafe_scheme(url)
                if scheme:
                    self.findings.append(Finding(element, f"een link met '{scheme}:' is niet toegestaan (die zou "
                                                          "code uitvoeren in plaats van een pagina openen); gebruik "
                                                          "een adres dat begint met https:// of mailto:", url))
                elif _loaded(tag, name, attrs) and EXTERNAL.match(links.IGNORED_BY_BROWSERS.sub("", url)):
                    self.findings.append(Finding(element, "de pagina zou dit van een andere site laden, en de site "
                                                          "haalt niets van elders; zet het bestand in docs/assets/ "
                                                          "of laat het weg", url))

    handle_startendtag = handle_starttag


def _loaded(tag: str, name: str, attrs) -> bool:
    if tag == "link" and name == "href":
        return not set((dict(attrs).get("rel") or "").lower().split()) <= LINKS_NOT_LOADED
    return name in LOADED_ATTRIBUTES


def _urls(tag: str, name: str, value: str, attrs) -> list[str]:
    if name in URL_ATTRIBUTES:
        return [value]
    if name in SRCSET_ATTRIBUTES:
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    if tag == "meta" and name == "content" and dict(attrs).get("http-equiv", "").lower() == "refresh":
        match = META_REFRESH_URL.search(value)
        return [match.group(1).strip()] if match else []
    return []


def _markup_problems(text: str, where: str, allowed: set[str]) -> list[Finding]:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return [Finding(f"{where}: {_shorten(start)}", "opmaak die de zoekfunctie als HTML zou tonen is niet toegestaan",
                    html.unescape(text))
            for tag, has_attributes, start in parser.tags if tag not in allowed or has_attributes]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, bool, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, bool(attrs), self.get_starttag_text() or f"<{tag}>"))

    handle_startendtag = handle_starttag


def _shorten(text: str) -> str:
    return text if len(text) <= LONGEST_SHOWN else text[: LONGEST_SHOWN - 3] + "..."
