"""Format sources from the dataset as APA 7 references, in Markdown, and as short in-text citations.

The site is Dutch, so the few words APA adds itself are Dutch, as the Dutch APA guidelines do
("Proefschrift", "Paperpresentatie"); titles and journals stay in their own language.
Every value from the YAML goes through `plain`, so no Markdown or HTML in it survives.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup

from macros.markup import plain

MAX_AUTHORS = 20  # APA 7: list up to 20 authors; beyond that the first 19, an ellipsis and the last
NUMBER_RANGE = re.compile(r"(?<=\d)-(?=\d)")  # "132-151" is a range: APA writes an en dash
DESCRIPTIONS = {"thesis": "Proefschrift", "conference": "Paperpresentatie"}


def source_type(source: dict) -> str:
    """The kind of work; without `type` a source with a container is an article, otherwise a book."""
    return source.get("type") or ("article" if source.get("container") else "book")


def apa(source: dict) -> Markup:
    """One reference: authors (year). title-and-where. link. Missing elements are left out, as APA says."""
    parts = [f"{plain(_sentence(_authors(source['authors'])))} ({source['year']})."]
    if source_type(source) == "article":
        parts.append(_article(source))
    else:
        parts.append(_standalone(source))
    link = _link(source)
    if link:
        parts.append(link)
    return Markup(" ".join(parts))


def short_cite(source: dict) -> str:
    """'Senge (1990). The fifth discipline': surnames, year and the title up to its subtitle, as plain text."""
    surnames = [name.split(",")[0].strip() for name in source["authors"]]
    if len(surnames) == 1:
        who = surnames[0]
    elif len(surnames) == 2:
        who = f"{surnames[0]} & {surnames[1]}"
    else:
        who = f"{surnames[0]} e.a."
    title = source["title"].split(":")[0].strip()
    end = "" if title[-1:] in ".?!" else "."  # "What makes a school a learning organisation?" keeps its own mark
    return f"{who} ({source['year']}). {title}{end}"


def sort_key(source: dict) -> tuple:
    """APA order: author by author (a shorter author list first), then year, then title."""
    return ([_fold(name) for name in source["authors"]], source["year"], _fold(source["title"]))


def _article(source: dict) -> str:
    """Title. *Journal*, *volume*(issue), pages."""
    text = str(plain(_sentence(source["title"])))
    if source.get("container"):
        where = f"*{plain(source['container'])}*"
        if source.get("volume"):  # an issue without its volume cannot be found, so it goes with it
            where += f", *{_number(source['volume'])}*"
            if source.get("issue"):
                where += f"({_number(source['issue'])})"
        if source.get("pages"):
            where += f", {_number(source['pages'])}"
        text += f" {where}."
    return text


def _standalone(source: dict) -> str:
    """*Title* (edition, or series and number) [description]. Publisher, or the conference."""
    kind = source_type(source)
    detail = _series(source) if kind == "report" else source.get("edition")
    description = _description(source)
    text = f"*{plain(source['title'])}*"
    if detail:
        text += f" ({plain(detail)})"
    if description:
        text += f" \\[{plain(description)}\\]"
    if detail or description or not source["title"].rstrip().endswith(("?", "!", ".")):
        text += "."
    where = {"thesis": None, "conference": source.get("container")}.get(kind, source.get("publisher"))
    if where:
        text += f" {plain(_sentence(where))}"
    return text


def _series(source: dict) -> str | None:
    """A report's series and number, e.g. "OECD Education Working Papers No. 137"."""
    return " ".join(filter(None, [source.get("container"), source.get("issue")])) or None


def _description(source: dict) -> str | None:
    """What APA puts in square brackets: the kind of work, and for a thesis its university."""
    kind = source_type(source)
    if kind == "thesis":
        return ", ".join(filter(None, [DESCRIPTIONS[kind], source.get("publisher")]))
    return DESCRIPTIONS.get(kind)


def _link(source: dict) -> str:
    """The DOI as a https://doi.org/ link, otherwise the URL, otherwise nothing."""
    if source.get("doi"):
        url = f"https://doi.org/{source['doi']}"
    elif source.get("url"):
        url = source["url"]
    else:
        return ""
    return f"[{plain(url)}](<{url}>)"


def _authors(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) <= MAX_AUTHORS:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[: MAX_AUTHORS - 1]) + ", . . . " + names[-1]


def _sentence(text: str) -> str:
    """End an element with a period, unless it already ends with punctuation of its own."""
    text = " ".join(str(text).split())
    return text if text.endswith((".", "?", "!")) else text + "."


def _number(value) -> str:
    return str(plain(NUMBER_RANGE.sub("\u2013", str(value))))


def _fold(text: str) -> str:
    """Compare names and titles letter by letter, ignoring case and accents (Schön sorts as Schon)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
