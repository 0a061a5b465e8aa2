"""Format sources from the dataset as APA 7 references, in Markdown."""

from __future__ import annotations

from markupsafe import Markup

from macros.markup import plain


def apa(source: dict) -> Markup:
    """One reference in APA 7 style: authors (year). Title. Container, volume(issue), pages. DOI."""
    parts = [f"{_authors(source['authors'])} ({source['year']})."]
    title = plain(source["title"])
    container = source.get("container")
    if container:
        parts.append(f"{title}.")
        where = f"*{plain(container)}*"
        if source.get("volume"):
            where += f", *{plain(source['volume'])}*"
            if source.get("issue"):
                where += f"({plain(source['issue'])})"
        if source.get("pages"):
            where += f", {plain(source['pages'])}"
        parts.append(where + ".")
    else:
        parts.append(f"*{title}*.")
    if source.get("publisher"):
        parts.append(f"{plain(source['publisher'])}.")
    if source.get("doi"):
        url = f"https://doi.org/{source['doi']}"
        parts.append(f"[{plain(url)}](<{url}>)")
    elif source.get("url"):
        parts.append(f"[{plain(source['url'])}](<{source['url']}>)")
    return Markup(" ".join(parts))


def _authors(names: list[str]) -> str:
    names = [str(plain(n)) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", ... " + names[-1]


def sort_key(source: dict) -> tuple:
    """APA order: first author's surname, then year."""
    return (source["authors"][0].casefold(), source["year"], source["title"].casefold())
