"""Load and validate `data/dimensions.yaml`, the one dataset every page is built from.

Content editors are not programmers, so every problem is reported in plain Dutch as
`data/dimensions.yaml:LINE: path: message`, all problems at once, never as a traceback.
Nothing here depends on MkDocs: `macros/model.py` (the build), the tests and `make check` call `load()`.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, validators

from macros import links, quotes, textrules, yamlfile
from macros.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "data" / "dimensions.yaml"
SCHEMA_FILE = ROOT / "data" / "dimensions.schema.json"

# Fields whose text may contain Markdown (links, emphasis) and line breaks; every other text field is one line of
# plain text.
MARKDOWN_FIELDS = {"intro", "text", "note"}

# YAML reads `1.0` as a float, which JSON Schema counts as the integer 1; the site would show "1.0". An integer
# field takes integers only (and never true/false).
_Validator = validators.extend(Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the dataset, located as precisely as the YAML allows."""

    line: int
    path: str
    message: str
    # The same spot as people know it, e.g. "kaart 3, Teamleren en samenwerking, vijfde goede voorbeeld".
    place: str = ""

    def format(self, file_label: str) -> str:
        where = (f"[{self.place}] " if self.place else "") + (f"{self.path}: " if self.path else "")
        return f"{file_label}:{self.line}: {where}{self.message}"


class DatasetError(DataError):
    """The dataset cannot be used; `str()` lists every problem, one per line."""

    def __init__(self, file_label: str, problems: list[Problem]):
        self.file_label = file_label
        self.problems = sorted(problems, key=lambda p: (p.line, p.path))
        lines = [p.format(file_label) for p in self.problems]
        super().__init__(
            f"{len(lines)} fout(en) in {file_label}:\n" + "\n".join(lines)
        )


def load(path: Path | str = DATA_FILE) -> dict:
    """Read, parse and validate the dataset; return it as plain dicts and lists.

    Raises DatasetError listing every problem found.
    """
    path = Path(path)
    file_label = label(path)
    try:
        root_node, data = yamlfile.read(path)
    except yamlfile.YamlProblem as err:
        raise DatasetError(file_label, [Problem(err.line, err.field, err.message)]) from None
    if not isinstance(data, dict):
        raise DatasetError(file_label, [Problem(1, "", "het bestand moet beginnen met de velden 'version:', "
                                                       "'scale:', 'sources:' en 'dimensions:'")])
    problems = _schema_problems(data) + _cross_field_problems(data)
    if problems:
        raise DatasetError(file_label, [_locate(root_node, parts, msg, place(data, parts)) for parts, msg in problems])
    data["dimensions"] = sorted(data["dimensions"], key=lambda d: d["number"])
    return data


def label(path: Path) -> str:
    """The path as editors know it: relative to the project when it lies inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def schema() -> dict:
    """The JSON Schema of the dataset: the one place where its fields and limits are defined."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _schema_problems(data: dict) -> list[tuple[list, str]]:
    validator = _Validator(schema())
    problems = []
    for err in validator.iter_errors(data):
        path = list(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            path += extra[:1]  # point at the unknown key's own line
        problems.append((path, _dutch(err)))
    return problems


TYPE_NAMES = {"string": "tekst", "integer": "geheel getal", "array": "lijst", "object": "blok met velden",
              "null": "niets", "number": "getal", "boolean": "ja/nee"}
TYPE_HINTS = {
    "string": "zet de tekst tussen aanhalingstekens, bijvoorbeeld \"Nee\" of \"2026.1\"",
    "integer": "schrijf alleen cijfers, zonder aanhalingstekens en zonder punt of komma, bijvoorbeeld 3",
    "array": "schrijf een lijst als [\"a\", \"b\"] of met '- ' voor elk item op een eigen regel",
    "object": "schrijf velden als 'title: ...' en 'text: ...', ingesprongen onder de '- '",
}


def _dutch(err) -> str:
    """Say a JSON Schema error in plain Dutch, with what would be valid (the field's own description)."""
    v, expected, about = err.validator, err.validator_value, err.schema.get("description")
    if v == "required":
        properties = err.schema.get("properties", {})
        missing = [k for k in expected if k not in err.instance]
        wanted = "; ".join(f"'{k}:' ({properties.get(k, {}).get('description', '')})" for k in missing)
        return f"verplicht veld ontbreekt: {', '.join(missing)}; voeg toe: {wanted}"
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed))
        hint = _did_you_mean(extra[0], allowed) if extra else ""
        return f"onbekend veld: {', '.join(extra)}{hint} (toegestaan: {', '.join(allowed)})"
    if v == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        hint = TYPE_HINTS.get(kinds[0], "") if err.instance is not None else "vul hier iets in" + _about(about)
        return (f"verwacht {' of '.join(TYPE_NAMES.get(k, k) for k in kinds)}, gevonden: {_show(err.instance)}"
                + (f"; {hint}" if hint else ""))
    if v == "minItems":
        return f"de lijst moet minstens {expected} item(s) bevatten (nu {len(err.instance)})" + _about(about)
    if v == "maxItems":
        return f"de lijst mag hoogstens {expected} item(s) bevatten (nu {len(err.instance)}); kies de sterkste"
    if v == "minLength" or (v == "pattern" and expected == r"\S"):
        return "de tekst is leeg; vul iets in of haal het veld of item weg"
    if v == "maxLength":
        return (f"de tekst is te lang: {len(err.instance)} tekens, hoogstens {expected} toegestaan; "
                "maak hem korter")
    if v == "pattern":
        return f"{_show(err.instance)} heeft niet de juiste vorm" + _about(about or expected)
    if v in ("minimum", "maximum"):
        word = "minstens" if v == "minimum" else "hoogstens"
        return f"het getal moet {word} {expected} zijn (nu {err.instance})"
    if v == "not" and "pattern" in expected:
        return (f"{_show(err.instance)} mag geen < of > en geen {{{{, {{% of {{# bevatten "
                "(de titel komt ook in menu en venstertitel, waar hij niet beveiligd wordt)")
    if v == "enum":
        return f"{_show(err.instance)} is niet toegestaan; kies uit: {', '.join(map(str, expected))}"
    return f"{_show(err.instance)} is hier niet geldig" + _about(about)


def _about(description: str | None) -> str:
    return f" ({description})" if description else ""


def _show(value) -> str:
    if value is None:
        return "niets (het veld is leeg)"
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.5)
    return f"; bedoelde je '{close[0]}'?" if close else ""


def _cross_field_problems(data: dict) -> list[tuple[list, str]]:
    """Rules a JSON Schema cannot express: uniqueness and references between fields."""
    problems: list[tuple[list, str]] = []
    sources = _list(data.get("sources"))
    dimensions = _list(data.get("dimensions"))
    source_keys = _unique(problems, sources, "key", ["sources"], "bron", "kies een andere 'key'")
    dimension_ids = _unique(problems, dimensions, "id", ["dimensions"], "dimensie-id", "kies een ander 'id'")
    numbers = [d["number"] for d in dimensions if isinstance(d, dict) and isinstance(d.get("number"), int)]
    _unique(problems, dimensions, "number", ["dimensions"], "dimensienummer",
            f"kies een ander nummer (vrij is bijvoorbeeld {max(numbers, default=0) + 1})")
    _unique(problems, _list(data.get("scale")), "value", ["scale"], "schaalwaarde", "elke score komt één keer voor")

    for i, dim in enumerate(dimensions):
        if not isinstance(dim, dict):
            continue
        problems.extend(_reading_problems(dim.get("reading"), ["dimensions", i, "reading"], source_keys))
        for j, other in enumerate(_list(dim.get("related"))):
            if isinstance(other, str) and other not in dimension_ids:
                problems.append((["dimensions", i, "related", j],
                                 f"onbekende dimensie '{other}'{_did_you_mean(other, dimension_ids)} "
                                 f"(bestaande ids: {', '.join(sorted(map(str, dimension_ids)))})"))
            elif other == dim.get("id"):
                problems.append((["dimensions", i, "related", j],
                                 f"een dimensie kan niet naar zichzelf verwijzen; haal '{other}' hier weg"))
    problems.extend(_statement_problems(dimensions))
    if isinstance(data.get("feedback"), dict):
        problems.extend(_feedback_problems(data["feedback"], source_keys, dimension_ids))
    problems.extend(_session_problems(_list(data.get("sessions")), dimension_ids))
    problems.extend(quotes.problems(data, source_keys))
    problems.extend(_text_problems(data, []))
    return problems


def _statement_problems(dimensions: list) -> list[tuple[list, str]]:
    """A statement is known by its text (its hash in answer files and survey codes), so each text appears once."""
    problems: list[tuple[list, str]] = []
    seen: dict[str, str] = {}
    for i, dim in enumerate(dimensions):
        for j, text in enumerate(_list(dim.get("self_check")) if isinstance(dim, dict) else []):
            if not isinstance(text, str):
                continue
            key = " ".join(text.split())
            if key in seen:
                problems.append((["dimensions", i, "self_check", j],
                                 f"deze uitspraak komt twee keer voor (ook bij {seen[key]}); "
                                 "elke uitspraak staat maar één keer in de zelfscan"))
            else:
                seen[key] = f"dimensions[{i}].self_check[{j}]"
    return problems


def _feedback_problems(feedback: dict, source_keys: set, dimension_ids: set) -> list[tuple[list, str]]:
    """The feedback tool's ids are used in the page and the builder, so they must be unique and resolve."""
    problems: list[tuple[list, str]] = []
    _unique(problems, _list(feedback.get("situations")), "id", ["feedback", "situations"], "situatie-id",
            "kies een ander 'id'")
    _unique(problems, _list(feedback.get("roles")), "id", ["feedback", "roles"], "rol-id", "kies een ander 'id'")
    dimension = feedback.get("dimension")
    if isinstance(dimension, str) and dimension not in dimension_ids:
        problems.append((["feedback", "dimension"],
                         f"onbekende dimensie '{dimension}'{_did_you_mean(dimension, dimension_ids)}"))
    problems.extend(_reading_problems(feedback.get("reading"), ["feedback", "reading"], source_keys))
    return problems


def _session_problems(sessions: list, dimension_ids: set) -> list[tuple[list, str]]:
    """Session ids become page anchors, and the cards a session names must exist."""
    problems: list[tuple[list, str]] = []
    _unique(problems, sessions, "id", ["sessions"], "werkvorm-id", "kies een ander 'id'")
    for i, session in enumerate(sessions):
        for j, card in enumerate(_list(session.get("cards") if isinstance(session, dict) else None)):
            if isinstance(card, str) and card not in dimension_ids:
                problems.append((["sessions", i, "cards", j],
                                 f"onbekende dimensie '{card}'{_did_you_mean(card, dimension_ids)} "
                                 f"(bestaande ids: {', '.join(sorted(map(str, dimension_ids)))})"))
    return problems


def _reading_problems(reading, base: list, source_keys: set) -> list[tuple[list, str]]:
    problems = []
    for j, tip in enumerate(_list(reading)):
        key = tip.get("source") if isinstance(tip, dict) else None
        if isinstance(key, str) and key not in source_keys:
            problems.append((base + [j, "source"],
                             f"onbekende bron '{key}'{_did_you_mean(key, source_keys)} "
                             "(voeg hem toe onder 'sources:' of kies een bestaande 'key')"))
    return problems


def _unique(problems, items, field, base, noun, advice) -> set:
    seen: dict = {}
    for i, item in enumerate(items):
        value = item.get(field) if isinstance(item, dict) else None
        if value is None or isinstance(value, (dict, list)):
            continue
        if value in seen:
            problems.append((base + [i, field], f"{noun} '{value}' komt twee keer voor "
                                                f"(ook bij {_dotted(base)}[{seen[value]}]); {advice}"))
        else:
            seen[value] = i
    return set(seen)


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _text_problems(value, path) -> list[tuple[list, str]]:
    """Every text: no invisible characters, one line unless it is Markdown; Markdown: not nested deep, safe links."""
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _text_problems(child, path + [key])
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _text_problems(child, path + [i])
    elif isinstance(value, str):
        markdown = bool(path) and path[-1] in MARKDOWN_FIELDS
        for char in textrules.invisible_characters(value, multiline=markdown):
            if char == textrules.LINE_BREAK:
                found.append((path, "een regelovergang past niet in dit veld; schrijf de tekst als één alinea "
                                    "(zonder '|', en met '>-' in plaats van '>')"))
            else:
                found.append((path, f"onzichtbaar stuurteken {textrules.describe(char)} gevonden; haal het weg "
                                    "(het komt vaak mee bij kopiëren uit een ander programma)"))
        if markdown:
            found += _markdown_problems(value, path)
    return found


def _markdown_problems(text: str, path: list) -> list[tuple[list, str]]:
    """Markdown nested hundreds of levels deep crashes the renderer; links may only open pages or e-mail."""
    depth = textrules.markdown_depth(text)
    if depth > textrules.MAX_MARKDOWN_DEPTH:
        return [(path, f"te diep genest: {depth} lijsten, citaten of inspringingen binnen elkaar (hoogstens "
                       f"{textrules.MAX_MARKDOWN_DEPTH}); maak de opsomming platter")]
    return [(path, f"een link met '{scheme}:' is niet toegestaan (die zou code uitvoeren in plaats van een pagina "
                   "openen); gebruik een adres dat begint met https:// of mailto:")
            for scheme in links.unsafe_schemes(text)]


def located(problems: list[tuple[list, str]], path: Path | str = DATA_FILE) -> DatasetError:
    """Problems found after loading (in the built pages), with file and line like those of `load()`."""
    path = Path(path)
    root, data = yamlfile.read(path)
    return DatasetError(label(path), [_locate(root, parts, message, place(data, parts)) for parts, message in problems])




# What editors call the parts of a card, for messages that name the card instead of only `dimensions[2]...`.
PART_NAMES = {
    "challenges": "uitdaging", "suggestions": "ontwikkelsuggestie", "good_practices": "goede voorbeeld",
    "quotes": "citaat", "reading": "leestip", "self_check": "zelfscan-uitspraak", "questions": "gespreksvraag",
    "related": "samenhangende dimensie", "tags": "trefwoord", "keywords": "zoekwoord",
}
FIELD_NAMES = {
    "id": "id", "number": "nummer", "title": "titel", "short_title": "korte titel", "summary": "omschrijving",
    "intro": "inleiding", "key_question": "kernvraag", "text": "tekst", "attribution": "toeschrijving",
    "source": "bron", "note": "toelichting",
}
ORDINALS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
            "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
            "negentiende", "twintigste"]


def place(data: dict, parts: list) -> str:
    """Where `parts` points, named the way people know the cards: "kaart 3, Teamleren en samenwerking, ..."."""
    dimensions = data.get("dimensions") if isinstance(data, dict) else None
    if len(parts) < 2 or parts[0] != "dimensions" or not isinstance(dimensions, list) \
            or not isinstance(parts[1], int) or parts[1] >= len(dimensions):
        return ""
    dim = dimensions[parts[1]] if isinstance(dimensions[parts[1]], dict) else {}
    number = dim.get("number") if isinstance(dim.get("number"), int) and dim["number"] >= 1 else None
    title = dim.get("title").strip() if isinstance(dim.get("title"), str) and dim["title"].strip() else None
    card = f"kaart {number}" if number else f"{_ordinal(parts[1])} dimensie in het bestand"
    words = [f"{card}, {title}" if number and title else f"{card} ({title})" if title else card]
    rest = parts[2:]
    if len(rest) >= 2 and rest[0] in PART_NAMES and isinstance(rest[1], int):
        words.append(f"{_ordinal(rest[1])} {PART_NAMES[rest[0]]}")
        rest = rest[2:]
    words += [FIELD_NAMES[part] for part in rest[:1] if part in FIELD_NAMES]
    return ", ".join(words)


def _ordinal(index: int) -> str:
    return ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}e"


def _locate(root: yaml.Node, parts: list, message: str, where: str = "") -> Problem:
    """Find the YAML line of a value by walking the node tree along its path."""
    node, line = root, root.start_mark.line + 1
    for part in parts:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(part):
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return Problem(line, _dotted(parts), message, where)


def _dotted(parts: list) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

