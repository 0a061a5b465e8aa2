"""Find links in a Markdown field that a browser would run instead of open (`javascript:`, `data:`, ...).

Rather than guessing at Markdown's link syntax (inline, reference, with titles, across lines), the text is
rendered with Python-Markdown and every `href`/`src` in the result is inspected as a browser reads it.
Character references are decoded first, so `&#106;avascript:` is refused too, not only rendered inert.
The site escapes raw HTML anyway (macros/markup.py); refusing it here as well does no harm.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown as python_markdown

SAFE_SCHEMES = {"http", "https", "mailto"}
URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
# Browsers drop these before reading a URL's scheme: `java\tscript:` is `javascript:`.
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")
# Longer texts already fail their field's maxLength; rendering them only to look for links would be slow.
LONGEST_CHECKED = 5000


def unsafe_schemes(text: str) -> list[str]:
    """The schemes (lower case) of links in `text` that are not web pages or e-mail addresses."""
    if len(text) > LONGEST_CHECKED:
        return []
    text = html.unescape(text)
    if "[" not in text and "<" not in text:  # no link, image, autolink or tag starts without one of them
        return []
    rendered = python_markdown.markdown(text)
    collector = _LinkTargets()
    collector.feed(rendered)
    found = []
    for target in collector.targets:
        scheme = URL_SCHEME.match(IGNORED_BY_BROWSERS.sub("", target))
        if scheme and scheme.group(1).lower() not in SAFE_SCHEMES and scheme.group(1).lower() not in found:
            found.append(scheme.group(1).lower())
    return found


class _LinkTargets(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.targets += [value or "" for name, value in attrs if name in ("href", "src")]
