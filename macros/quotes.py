"""Every quote on a card is the article's own words, by the person the article names, on at most two cards.

The article block of the dataset holds its interviewees (Table 2) and its quotes. A quote on a card is one of those
quotes, whole or in parts with "(...)" for what is left out, and names its speaker exactly as in the list of
interviewees ("Leidinggevende 8, opleiding"), so one speaker always has one attribution. A quote from elsewhere
names its source (`source:`) and is not checked against the article.
"""

from __future__ import annotations

import re

OMISSION = "(...)"
MOST_CARDS = 2
SPEAKER = re.compile(r"^(?P<role>Leidinggevende|HRM) (?P<number>\d+)(?:, (?P<setting>praktijk|opleiding))?$")


def attribution(interviewee: dict) -> str:
    """How a card names an interviewee: "Leidinggevende 8, opleiding"."""
    return f"{interviewee['role']} {interviewee['number']}, {interviewee['setting']}"


def speaker(text: str) -> tuple[str, int] | None:
    """Role and number of an attribution as the article writes it, with or without its setting."""
    match = SPEAKER.match(text.strip()) if isinstance(text, str) else None
    return (match["role"], int(match["number"])) if match else None


def article_quote_for(text: str, quotes: list[dict]) -> dict | None:
    """The article quote that `text` reproduces: all of it, or contiguous parts in order with (...) between."""
    parts = [part.strip() for part in text.split(OMISSION) if part.strip()]
    for quote in quotes:
        if text == quote["text"] or (parts and _parts_in_order(parts, quote["text"])):
            return quote
    return None


def problems(data: dict, source_keys: set) -> list[tuple[list, str]]:
    """What is wrong with the quotes on the cards, each as (path, message in Dutch)."""
    article = data.get("article") if isinstance(data.get("article"), dict) else {}
    interviewees = [i for i in _list(article.get("interviewees")) if _well_formed(i)]  # the schema reports the rest
    quotes = [q for q in _list(article.get("quotes")) if isinstance(q, dict) and isinstance(q.get("text"), str)]
    found = _article_problems(_list(article.get("interviewees")), _list(article.get("quotes")))
    known = {attribution(i): i for i in interviewees}
    by_speaker = {(i["role"], i["number"]): name for name, i in known.items()}
    cards: dict[str, dict[int, int]] = {}  # article quote id -> {dimension index: index of its first use there}
    for d, dim in enumerate(_list(data.get("dimensions"))):
        for j, quote in enumerate(_list(dim.get("quotes")) if isinstance(dim, dict) else []):
            if not isinstance(quote, dict) or not isinstance(quote.get("text"), str):
                continue
            path = ["dimensions", d, "quotes", j]
            if "source" in quote:
                if isinstance(quote["source"], str) and quote["source"] not in source_keys:
                    found.append((path + ["source"], f"onbekende bron '{quote['source']}' (voeg hem toe onder "
                                                     "'sources:' of kies een bestaande 'key')"))
                continue
            if not quotes:
                found.append((path, "dit citaat noemt geen bron ('source:') en het bestand heeft geen citaten uit "
                                    "het artikel ('article:') om het mee te vergelijken"))
                continue
            match = article_quote_for(quote["text"], quotes)
            if match is None:
                found.append((path + ["text"], "deze tekst staat niet zo in het artikel (zie article.quotes); neem "
                                               "het citaat woord voor woord over, met (...) voor een weglating, of "
                                               "noem met 'source:' de bron waar het wel uit komt"))
            elif isinstance(match.get("id"), str):
                cards.setdefault(match["id"], {}).setdefault(d, j)
            found += _attribution_problems(quote.get("attribution"), match, path, known, by_speaker)
    found += _too_many_cards(cards, data)
    return found


def _attribution_problems(said_by, match, path, known, by_speaker) -> list[tuple[list, str]]:
    if not isinstance(said_by, str):
        return []
    path = path + ["attribution"]
    who = speaker(said_by)
    if said_by not in known:
        if who in by_speaker:
            return [(path, f"schrijf '{by_speaker[who]}', zoals in de lijst van geïnterviewden (article.interviewees): "
                           "zo heeft elke spreker op de hele site één toeschrijving")]
        return [(path, f"'{said_by}' staat niet in de lijst van geïnterviewden (article.interviewees); noem een "
                       "geïnterviewde zoals 'Leidinggevende 2, praktijk', of noem met 'source:' de bron van een "
                       "citaat van buiten het artikel")]
    if match is not None and isinstance(match.get("attribution"), str) and speaker(match["attribution"]) != who:
        return [(path, f"volgens het artikel zei {match['attribution']} dit (citaat {match.get('id')}), "
                       f"niet {said_by}")]
    return []


def _too_many_cards(cards: dict[str, dict[int, int]], data: dict) -> list[tuple[list, str]]:
    found = []
    dimensions = _list(data.get("dimensions"))
    for quote_id, places in cards.items():
        first = list(places)[:MOST_CARDS]
        for d in list(places)[MOST_CARDS:]:
            earlier = " en ".join(f"kaart {dimensions[e].get('number')}" for e in first)
            found.append((["dimensions", d, "quotes", places[d]],
                          f"citaat {quote_id} staat al op {earlier}; een citaat staat op hoogstens {MOST_CARDS} "
                          "kaarten: waar het artikel het bespreekt, en eventueel één kaart waar het echt bij past"))
    return found


def _article_problems(interviewees: list, quotes: list) -> list[tuple[list, str]]:
    """The article block itself: each interviewee once, each quote by someone on the list."""
    found = []
    seen: dict = {}
    for i, person in enumerate(interviewees):
        if not _well_formed(person):
            continue  # the schema says what is wrong with it
        key = (person["role"], person["number"])
        if key in seen:
            found.append((["article", "interviewees", i], f"{key[0]} {key[1]} staat twee keer in de lijst (ook bij "
                                                          f"article.interviewees[{seen[key]}]); haal er één weg"))
        seen.setdefault(key, i)
    ids: dict = {}
    for j, quote in enumerate(quotes):
        if not isinstance(quote, dict) or not isinstance(quote.get("id"), str):
            continue
        if quote["id"] in ids:
            found.append((["article", "quotes", j, "id"], f"citaat '{quote['id']}' komt twee keer voor; kies een "
                                                           "ander 'id'"))
        ids.setdefault(quote["id"], j)
        who = speaker(quote.get("attribution"))
        if isinstance(quote.get("attribution"), str) and who not in seen:
            found.append((["article", "quotes", j, "attribution"],
                          f"'{quote['attribution']}' staat niet in de lijst van geïnterviewden (article.interviewees)"))
    return found


def _parts_in_order(parts: list[str], source: str) -> bool:
    position = 0
    for part in parts:
        start = _find_whole_words(source, part, position)
        if start < 0:
            return False
        position = start + len(part)
    return True


def _find_whole_words(source: str, part: str, position: int) -> int:
    """Where `part` occurs in `source` from `position` without cutting a word in two; -1 if nowhere."""
    start = source.find(part, position)
    while start >= 0:
        end = start + len(part)
        if (start == 0 or not source[start - 1].isalnum()) and (end == len(source) or not source[end].isalnum()):
            return start
        start = source.find(part, start + 1)
    return -1


def _well_formed(person) -> bool:
    return (isinstance(person, dict) and isinstance(person.get("role"), str)
            and isinstance(person.get("number"), int) and isinstance(person.get("setting"), str))


def _list(value) -> list:
    return value if isinstance(value, list) else []
