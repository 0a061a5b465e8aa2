"""Read the dataset file strictly: UTF-8 only, plain YAML only, explained in Dutch when it is not.

The dataset is edited by hand and may be hostile, so the reader refuses what editors never need and
attackers love: aliases (alias bombs), tags (`!!python/...`), duplicate keys, non-text keys and deep
nesting. Dates stay text. Every refusal is a `YamlProblem` with a line number; nothing else escapes.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

import yaml

# The dataset nests five levels deep (dimensions > item > field); anything far deeper is a mistake or an attack.
MAX_DEPTH = 20

# The field a line starts, as in `    summary: ...` or `  - id: ...`: named in messages about that line.
KEY_ON_LINE = re.compile(r"^[\s-]*([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)")
# PyYAML's wording (a fragment of its message) and what it means for someone editing the file.
SYNTAX_HINTS = [
    ("mapping values are not allowed here",
     "een dubbele punt met een spatie erna (': ') in een tekst zonder aanhalingstekens; "
     "zet de hele tekst tussen aanhalingstekens (\"...\")"),
    ("could not find expected ':'",
     "na een veldnaam ontbreekt de dubbele punt, of een tekst loopt over meerdere regels zonder aanhalingstekens"),
    ("found unexpected end of stream",
     "een tekst is niet afgesloten: ontbreekt er een aanhalingsteken (\" of ') aan het eind?"),
    ("expected ',' or ']'",
     "een lijst tussen [ en ] is niet goed afgesloten; controleer komma's en haakjes en zet tekst met "
     "komma's tussen aanhalingstekens"),
    ("expected ',' or '}'",
     "een blok tussen { en } is niet goed afgesloten; controleer komma's en haakjes en zet tekst met "
     "komma's tussen aanhalingstekens"),
    ("cannot start any token",
     "een tekst begint met een teken dat YAML niet toestaat (zoals @, ` of %); zet de tekst tussen aanhalingstekens"),
    ("escape",
     "een backslash (\\) in een tekst tussen dubbele aanhalingstekens; "
     "schrijf \\\\ of gebruik enkele aanhalingstekens"),
    ("expected a single document",
     "het bestand mag maar één document bevatten; haal de regel met '---' weg"),
    ("expected <block end>",
     "de inspringing klopt niet: velden van hetzelfde blok moeten precies even ver inspringen, met spaties"),
    ("expected key",
     "de inspringing klopt niet: velden van hetzelfde blok moeten precies even ver inspringen, met spaties"),
    ("expected '-' indicator",
     "de inspringing klopt niet: elk item van een lijst begint met '- ' op dezelfde hoogte"),
    ("expected node content",
     "hier ontbreekt een waarde (bijvoorbeeld na '- ' of na een komma)"),
]


class YamlProblem(Exception):
    """The file cannot be read as our YAML; `line` is 1-based, `field` the key written on that line, if any."""

    def __init__(self, line: int, message: str, field: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


def read(path: Path) -> tuple[yaml.Node | None, object]:
    """Decode and parse the file; return its node tree (for line numbers) and its plain data."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        reason = {errno.ENOENT: "het bestaat niet", errno.EACCES: "geen toestemming",
                  errno.EISDIR: "het is een map"}.get(err.errno, err.strerror)
        raise YamlProblem(1, f"kan het bestand niet lezen ({reason})") from None
    text = _decode(raw)
    try:
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        raise YamlProblem(line, f"onzichtbaar stuurteken (code {err.character:#04x}) gevonden; haal het weg "
                                "(het komt vaak mee bij kopiëren uit een ander programma)") from None
    try:
        node = _compose_fast(text) or loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = _mark(err)
        lines = text.splitlines()
        problem = _problem(err, lines, mark.line + 1 if mark else 1)
        key = KEY_ON_LINE.match(lines[problem.line - 1]) if problem.line <= len(lines) else None
        problem.field = key.group(1) if key else ""
        raise problem from None
    finally:
        loader.dispose()
    return node, data


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(1, "het bestand is opgeslagen als UTF-16; sla het op als 'UTF-8' (zonder BOM)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(1, "het bestand begint met een onzichtbaar BOM-teken; sla het op als 'UTF-8' zonder BOM")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(line, f"ongeldig teken (byte {raw[err.start]:#04x}): het bestand is niet als UTF-8 "
                                "opgeslagen (vaak Windows-1252 of Latin-1, bijvoorbeeld bij een é of ë); "
                                "sla het op als 'UTF-8'") from None


def _mark(err: yaml.MarkedYAMLError):
    """Where the mistake starts: an unclosed quote is reported at its end of file, so point at its start."""
    if err.problem and "end of stream" in err.problem and err.context_mark:
        return err.context_mark
    return err.problem_mark or err.context_mark


def _problem(err: yaml.MarkedYAMLError, lines: list[str], line: int) -> YamlProblem:
    if isinstance(err, _Refused):
        return YamlProblem(line, err.problem)
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        return YamlProblem(line, "tab-teken gevonden; gebruik spaties om in te springen (twee per niveau)")
    layout = _quote_inside_text(err, lines) or _missing_dash(err, lines) or _misindented(err, lines)
    if layout:
        return layout
    unclosed = _unclosed_quote(lines, line)
    if unclosed:
        return YamlProblem(unclosed,
                           "een tekst is niet afgesloten: ontbreekt er een aanhalingsteken (\") aan het eind?")
    problem = err.problem or ""
    for fragment, hint in SYNTAX_HINTS:
        if fragment in problem:
            return YamlProblem(line, f"het bestand is hier geen geldige YAML: {hint}")
    return YamlProblem(line, f"het bestand is hier geen geldige YAML ({problem or err}); "
                             "controleer inspringing, dubbele punten en aanhalingstekens")


def _quote_inside_text(err: yaml.MarkedYAMLError, lines: list[str]) -> YamlProblem | None:
    """`text: "Zeg "ja" of nee"`: the second " ends the text and YAML trips over what follows it."""
    mark = err.problem_mark
    if not mark or "'<scalar>'" not in (err.problem or "") or mark.line >= len(lines):
        return None
    text = lines[mark.line]
    before = text[: mark.column].replace('\\"', "")
    # The text opened and closed on this line; a text left open on an earlier line closes here with one quote.
    if not (before.endswith('"') and before.count('"') % 2 == 0):
        return None
    return YamlProblem(mark.line + 1, 'een " midden in een tekst tussen dubbele aanhalingstekens sluit die tekst af; '
                                      "zet ‘ en ’ om het aangehaalde woord (‘zo’), of zet de hele tekst tussen "
                                      "enkele aanhalingstekens ('...')")


def _missing_dash(err: yaml.MarkedYAMLError, lines: list[str]) -> YamlProblem | None:
    """A list item written without its '- ': it stands level with the items above it, which do have one."""
    if "could not find expected ':'" in (err.problem or ""):
        mark = err.context_mark  # the line YAML took for a field name
    elif "expected <block end>" in (err.problem or ""):
        mark = err.problem_mark
    else:
        return None
    if not mark or mark.line >= len(lines):
        return None
    here = lines[mark.line]
    indent = _indent(here)
    if here.strip().startswith("-"):
        return None
    above = _line_above(lines, mark.line, indent)
    if above is None or _indent(lines[above]) != indent or not lines[above].strip().startswith("- "):
        return None
    return YamlProblem(mark.line + 1, "hier begint een nieuw item van de lijst, maar het streepje ontbreekt: begin "
                                      f"de regel met '- ', net als regel {above + 1}, en laat de regels eronder even "
                                      "ver inspringen als bij de items erboven")


def _misindented(err: yaml.MarkedYAMLError, lines: list[str]) -> YamlProblem | None:
    """A field one or more spaces out of line with the field above it: say how far each one starts."""
    mark, problem = err.problem_mark, err.problem or ""
    if not mark or mark.line >= len(lines):
        return None
    here = lines[mark.line]
    if "expected <block end>" in problem:
        pass
    elif "mapping values are not allowed here" in problem and here[: mark.column].strip().rstrip(":").isidentifier():
        pass  # the colon right after this line's field name: the field itself is where YAML did not expect one
    else:
        return None
    above = _line_above(lines, mark.line)
    key = KEY_ON_LINE.match(lines[above]) if above is not None else None
    if not key:
        return None
    column, indent = key.start(1), _indent(here)
    if column == indent:
        return None
    return YamlProblem(mark.line + 1, f"de inspringing klopt niet: deze regel begint na {_spaces(indent)}, het veld "
                                      f"'{key.group(1)}' op regel {above + 1} na {_spaces(column)}; velden van "
                                      "hetzelfde blok beginnen precies even ver naar rechts (of verder naar links, "
                                      "als het veld bij een blok hoger op hoort)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(count: int) -> str:
    return "1 spatie" if count == 1 else f"{count} spaties"


def _line_above(lines: list[str], index: int, indent: int | None = None) -> int | None:
    """The nearest line above `index` with text (not a comment), indented no further than `indent` if given."""
    for number in range(index - 1, -1, -1):
        text = lines[number]
        if text.strip() and not text.lstrip().startswith("#") and (indent is None or _indent(text) <= indent):
            return number
    return None


def _unclosed_quote(lines: list[str], line: int) -> int | None:
    """A line just before the error with an odd number of double quotes: its text runs on into the next lines."""
    for number in range(line, max(line - 3, 0), -1):
        if number <= len(lines) and lines[number - 1].replace('\\"', "").count('"') % 2:
            return number
    return None


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that we still refuse; its message needs no syntax hint."""


def _refuse(message: str, mark) -> None:
    raise _Refused(problem=message, problem_mark=mark)


class _StrictLoader(yaml.SafeLoader):
    """A safe loader without aliases, tags, duplicate or non-text keys, dates, or deep nesting."""

    # Dates stay text: the dataset has none, and `version: 2026-01-01` should get a plain "wrong form" message.
    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            _refuse("YAML-verwijzingen (*naam) zijn niet toegestaan; schrijf de tekst gewoon uit", event.start_mark)
        if getattr(event, "tag", None) not in (None, "!"):
            _refuse(f"labels als '{event.tag}' zijn niet toegestaan; schrijf gewone tekst, lijsten en velden",
                    event.start_mark)
        if self._depth >= MAX_DEPTH:
            _refuse(f"te diep genest (meer dan {MAX_DEPTH} niveaus lijsten of blokken binnen elkaar)",
                    event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                _refuse("hier staat een lijst of blok waar een veldnaam hoort; veldnamen zijn woorden als 'title'",
                        key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                _refuse(f"'{key_node.value}' kan geen veldnaam zijn; veldnamen zijn woorden als 'title' of 'text' "
                        "(zet tekst met een dubbele punt erin tussen aanhalingstekens)", key_node.start_mark)
            if key in seen:
                _refuse(f"het veld '{key}' staat twee keer in hetzelfde blok (eerder op regel {seen[key] + 1}); "
                        "haal er één weg of voeg ze samen", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser with the strict loader's resolvers (no dates)."""

    yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


def _compose_fast(text: str) -> yaml.Node | None:
    """The node tree from libyaml, which composes about 15 times faster than PyYAML's Python code.

    Only for text the strict loader would accept: None when libyaml is missing, or the text has a syntax
    error, an alias, a tag or too deep nesting; then _StrictLoader composes it again and explains the problem.
    """
    if not hasattr(yaml, "CSafeLoader"):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "tag", None) not in (None, "!"):
                return None
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return None
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return None
