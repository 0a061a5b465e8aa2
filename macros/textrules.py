"""What free text in the dataset may contain besides words: which invisible characters, how deep Markdown nests.

Invisible characters hide or reorder what an editor reviews (a bidi override shows `abc` where `cba` is stored,
a zero-width space makes two equal-looking ids or tags differ) and control characters break attributes, CSS
strings and exports. YAML lets them in through escapes (`"\\e"`, `"\\u202E"`), so they are refused here, after
loading. Markdown nested hundreds of levels deep (`- - - - ...`) makes Python-Markdown run out of stack.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode categories nobody types on purpose in this content: controls (Cc), format characters (Cf: zero-width
# characters, bidi embeddings, overrides and isolates, the soft hyphen, BOM), surrogates (Cs), private use (Co)
# and the line and paragraph separators (Zl, Zp). A multi-line field may contain line breaks ("\n") only.
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
LINE_BREAK = "\n"

# Lists, quotes and indented blocks within each other; real content needs three, Markdown fails at a few hundred.
MAX_MARKDOWN_DEPTH = 10
# At the start of a line: a list item's marker ("- ", "* ", "+ ", "1. ", "1) ") or a quote's ">".
BLOCK_MARKER = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]*)")
TAB_WIDTH = 4  # Python-Markdown's: one nesting level is four spaces or a tab


def invisible_characters(text: str, multiline: bool) -> list[str]:
    """The characters of `text` (each once, in order of appearance) that it may not contain."""
    if text.replace(LINE_BREAK, " " if multiline else LINE_BREAK).isprintable():
        return []  # fast path: str.isprintable() is False for every character refused here (and some spaces)
    found: list[str] = []
    for char in text:
        if char in found or (multiline and char == LINE_BREAK):
            continue
        if unicodedata.category(char) in INVISIBLE:
            found.append(char)
    return found


def describe(char: str) -> str:
    """A character as an editor can find it: its code point and, where Unicode names it, its name."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def markdown_depth(text: str) -> int:
    """How many lists, quotes and indented blocks the deepest line of `text` sits in (an upper bound)."""
    deepest = 0
    for line in text.split("\n"):
        line = line.expandtabs(TAB_WIDTH)
        indent = len(line) - len(line.lstrip(" "))
        markers = 0
        position = indent
        while match := BLOCK_MARKER.match(line, position):
            if match.end() == position:
                break
            markers += 1
            position = match.end()
        deepest = max(deepest, indent // TAB_WIDTH + markers)
    return deepest
