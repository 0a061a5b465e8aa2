"""Load and validate `data/dimensions.yaml`, the one dataset every page is built from.

Content editors are not programmers, so every problem is reported in plain Dutch as
`data/dimensions.yaml:LINE: path: message`, all problems at once, never as a traceback.
Nothing here depends on MkDocs: the build hook, the macros, the tests and `make check` all call `load()`.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "data" / "dimensions.yaml"
SCHEMA_FILE = ROOT / "data" / "dimensions.schema.json"

# Fields whose text may contain Markdown (links, emphasis); every other text field is plain text.
MARKDOWN_FIELDS = {"intro", "text", "note"}
# Link targets in Markdown fields: inline `[text](target)` and reference `[label]: target`.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE)
URL_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.IGNORECASE)
SAFE_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the dataset, located as precisely as the YAML allows."""

    line: int
    path: str
    message: str

    def format(self, file_label: str) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{file_label}:{self.line}: {where}{self.message}"


class DatasetError(Exception):
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
    text = _read_text(path, file_label)
    root_node, data = _parse(text, file_label)
    problems = _schema_problems(data) + _cross_field_problems(data)
    if problems:
        raise DatasetError(file_label, [_locate(root_node, parts, msg) for parts, msg in problems])
    data["dimensions"] = sorted(data["dimensions"], key=lambda d: d["number"])
    return data


def label(path: Path) -> str:
    """The path as editors know it: relative to the project when it lies inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _read_text(path: Path, label: str) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DatasetError(label, [Problem(1, "", "het bestand begint met een BOM-teken; "
                                             "sla het op als 'UTF-8' zonder BOM")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DatasetError(label, [Problem(line, "", f"ongeldig teken (byte 0x{raw[err.start]:02x}); "
                                                     "sla het bestand op als UTF-8")]) from None


class _ContentProblem(yaml.MarkedYAMLError):
    """Valid YAML that we still refuse; its message needs no YAML-syntax hint."""


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys and anchors/aliases (no alias bombs)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _ContentProblem(
                problem="YAML-aliassen (*naam) zijn niet toegestaan; schrijf de tekst gewoon uit",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _ContentProblem(
                    problem=f"het veld '{key}' staat twee keer in hetzelfde blok "
                            f"(eerder op regel {seen[key] + 1})",
                    problem_mark=key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def _parse(text: str, label: str) -> tuple[yaml.Node, object]:
    loader = _StrictLoader(text)
    try:
        node = _compose_fast(text) or loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        raise DatasetError(label, [Problem(line, "", _yaml_message(err, text, line))]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise DatasetError(label, [Problem(1, "", "het bestand moet beginnen met velden als "
                                                  "'version:', 'scale:', 'sources:' en 'dimensions:'")])
    return node, data


def _compose_fast(text: str) -> yaml.Node | None:
    """The node tree from libyaml, which composes about 15 times faster than PyYAML's Python code.

    None when libyaml is missing or the text has a syntax error or an alias: then _StrictLoader composes it
    again and explains the problem in its own words.
    """
    if _FAST_LOADER is None:
        return None
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return None
    return node if node is not None and not _has_alias(node) else None


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _has_alias(root: yaml.Node) -> bool:
    """An alias shows in a composed tree as a node reached twice."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _yaml_message(err: yaml.MarkedYAMLError, text: str, line: int) -> str:
    if isinstance(err, _ContentProblem):
        return err.problem
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        return "tab-teken gevonden; gebruik spaties om in te springen"
    problem = err.problem or str(err)
    return f"het bestand is geen geldige YAML ({problem}); controleer inspringing, dubbele punten en aanhalingstekens"


def _schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _schema_problems(data: dict) -> list[tuple[list, str]]:
    validator = Draft202012Validator(_schema())
    problems = []
    for err in validator.iter_errors(data):
        path = list(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            path += extra[:1]  # point at the unknown key's own line
        problems.append((path, _dutch(err)))
    return problems


def _dutch(err) -> str:
    """Say a JSON Schema error in plain Dutch, with what would be valid."""
    v, expected = err.validator, err.validator_value
    if v == "required":
        missing = [k for k in expected if k not in err.instance]
        return f"verplicht veld ontbreekt: {', '.join(missing)}"
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed))
        hint = _did_you_mean(extra[0], allowed) if extra else ""
        return f"onbekend veld: {', '.join(extra)}{hint} (toegestaan: {', '.join(allowed)})"
    if v == "type":
        names = {"string": "tekst", "integer": "geheel getal", "array": "lijst", "object": "blok met velden",
                 "null": "leeg (null)", "number": "getal", "boolean": "ja/nee"}
        kinds = expected if isinstance(expected, list) else [expected]
        return f"verwacht {' of '.join(names.get(k, k) for k in kinds)}, gevonden: {_show(err.instance)}"
    if v == "minItems":
        return f"de lijst moet minstens {expected} item(s) bevatten (nu {len(err.instance)})"
    if v == "maxItems":
        return f"de lijst mag hoogstens {expected} item(s) bevatten (nu {len(err.instance)})"
    if v == "minLength" or (v == "pattern" and expected == r"\S"):
        return "de tekst is leeg"
    if v == "maxLength":
        return f"de tekst is te lang: {len(err.instance)} tekens, hoogstens {expected} toegestaan"
    if v == "pattern":
        return f"{_show(err.instance)} heeft niet de juiste vorm: {err.schema.get('description', expected)}"
    if v in ("minimum", "maximum"):
        word = "minstens" if v == "minimum" else "hoogstens"
        return f"het getal moet {word} {expected} zijn (nu {err.instance})"
    if v == "not" and "pattern" in expected:
        return f"{_show(err.instance)} mag geen < of > bevatten (de titel komt ook in menu en venstertitel)"
    if v == "enum":
        return f"{_show(err.instance)} is niet toegestaan; kies uit: {', '.join(map(str, expected))}"
    return err.message


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.5)
    return f"; bedoelde je '{close[0]}'?" if close else ""


def _cross_field_problems(data: dict) -> list[tuple[list, str]]:
    """Rules a JSON Schema cannot express: uniqueness and references between fields."""
    problems: list[tuple[list, str]] = []
    sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    dimensions = data.get("dimensions") if isinstance(data.get("dimensions"), list) else []
    source_keys = _unique(problems, sources, "key", ["sources"], "bron")
    dimension_ids = _unique(problems, dimensions, "id", ["dimensions"], "dimensie-id")
    _unique(problems, dimensions, "number", ["dimensions"], "dimensienummer")
    scale = data.get("scale") if isinstance(data.get("scale"), list) else []
    _unique(problems, scale, "value", ["scale"], "schaalwaarde")

    for i, dim in enumerate(dimensions):
        if not isinstance(dim, dict):
            continue
        for j, tip in enumerate(_list(dim.get("reading"))):
            key = tip.get("source") if isinstance(tip, dict) else None
            if isinstance(key, str) and key not in source_keys:
                problems.append(([ "dimensions", i, "reading", j, "source"],
                                 f"onbekende bron '{key}'{_did_you_mean(key, source_keys)} "
                                 "(voeg hem toe onder 'sources:' of kies een bestaande 'key')"))
        for j, other in enumerate(_list(dim.get("related"))):
            if isinstance(other, str) and other not in dimension_ids:
                problems.append((["dimensions", i, "related", j],
                                 f"onbekende dimensie '{other}'{_did_you_mean(other, dimension_ids)}"))
            elif other == dim.get("id"):
                problems.append((["dimensions", i, "related", j], "een dimensie kan niet naar zichzelf verwijzen"))
    problems.extend(_unsafe_links(data, []))
    return problems


def _unique(problems, items, field, base, noun) -> set:
    seen: dict = {}
    for i, item in enumerate(items):
        value = item.get(field) if isinstance(item, dict) else None
        if value is None or isinstance(value, (dict, list)):
            continue
        if value in seen:
            problems.append((base + [i, field],
                             f"{noun} '{value}' komt twee keer voor (ook bij {base[0]}[{seen[value]}])"))
        else:
            seen[value] = i
    return set(seen)


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _unsafe_links(value, path) -> list[tuple[list, str]]:
    """Markdown links may only point to web pages, e-mail addresses or pages of this site."""
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _unsafe_links(child, path + [key])
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _unsafe_links(child, path + [i])
    elif isinstance(value, str) and path and path[-1] in MARKDOWN_FIELDS:
        for inline, reference in MARKDOWN_LINK.findall(value):
            scheme = URL_SCHEME.match(inline or reference)
            if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                found.append((path, f"een link met '{scheme.group(1)}:' is niet toegestaan; "
                                    "gebruik een adres dat begint met https:// of mailto:"))
    return found


def _locate(root: yaml.Node, parts: list, message: str) -> Problem:
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
    return Problem(line, _dotted(parts), message)


def _dotted(parts: list) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_cached(path: Path | str = DATA_FILE) -> dict:
    """`load()`, read once per version of the file: a build asks for the dataset many times."""
    path = Path(path)
    return _load_version(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _load_version(path: Path, mtime_ns: int) -> dict:
    return load(path)


def dimensions_by_id_cached(path: Path | str = DATA_FILE) -> dict[str, dict]:
    """id -> dimension of `load_cached()`, made once: looking one up per page must not cost a loop (n² pages)."""
    path = Path(path)
    return _index_version(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _index_version(path: Path, mtime_ns: int) -> dict[str, dict]:
    return {dim["id"]: dim for dim in _load_version(path, mtime_ns)["dimensions"]}
