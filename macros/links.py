"""Find links in a Markdown field that a browser would run instead of open (`javascript:`, `data:`, ...).

Rather than guessing at Markdown's link syntax (inline, reference, with titles, across lines), the text is
rendered with Python-Markdown and the site's block extensions (an admonition's body is Markdown again), and
every `href`/`src` in the result is inspected as a browser reads it (Lexbor, as in macros/builtcheck.py).
Reference definitions are checked where they are written, used or not: the page joins its fields, so
`[lees]: javascript:...` in `intro` becomes a link wherever another field says `[lees verder][lees]`. Character
references are decoded first, so `&#106;avascript:` is refused too, not only rendered inert. The site escapes raw
HTML anyway (macros/markup.py); refusing it here as well does no harm. The built pages are checked once more
(macros/builtcheck.py).
"""

from __future__ import annotations

import functools
import html
import re

import markdown as python_markdown
from selectolax.lexbor import LexborHTMLParser

SAFE_SCHEMES = {"http", "https", "mailto"}
URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
# Browsers drop these before reading a URL's scheme: `java\tscript:` is `javascript:`.
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")
# The extensions in mkdocs.yml that change which text is a block of Markdown
# (a test in tests/test_validation.py keeps them in step).
SITE_BLOCK_EXTENSIONS = ["admonition", "attr_list", "md_in_html"]
# Longer texts already fail their field's maxLength; rendering them only to look for links would be slow.
LONGEST_CHECKED = 5000


def unsafe_schemes(text: str) -> list[str]:
    """The schemes (lower case) of links in `text` that are not web pages or e-mail addresses."""
    if len(text) > LONGEST_CHECKED:
        return []
    text = html.unescape(text)
    if "[" not in text and "<" not in text:  # no link, image, autolink, reference or tag starts without one
        return []
    renderer = _renderer()
    renderer.reset()
    rendered = LexborHTMLParser(renderer.convert(text), is_fragment=True)
    targets = [element.attributes[name] or "" for element in rendered.css("[href], [src]")
               for name in ("href", "src") if name in element.attributes]
    found = []
    for target in targets + [url for url, _title in renderer.references.values()]:
        scheme = unsafe_scheme(target)
        if scheme and scheme not in found:
            found.append(scheme)
    return found


@functools.cache
def _renderer() -> python_markdown.Markdown:
    """One renderer for all fields: setting up the extensions costs more than rendering a field."""
    return python_markdown.Markdown(extensions=SITE_BLOCK_EXTENSIONS)


def unsafe_scheme(url: str) -> str | None:
    """The scheme (lower case) of `url`, as a browser reads it, when it is not a web page or e-mail address."""
    scheme = URL_SCHEME.match(IGNORED_BY_BROWSERS.sub("", url))
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return scheme.group(1).lower()
    return None
