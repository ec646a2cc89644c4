"""YAML files read into plain Python values, remembering the line of every field.

PyYAML's parser gives each event its position (libyaml's, in C, where PyYAML has it); we
build the values from the events ourselves so that error messages can name a line, and so
that a key given twice is an error rather than silently overwritten.

Curated files come from strangers, so the reading is bounded: no anchors or aliases (a few
hundred bytes of nested aliases expand to gigabytes), no tags but YAML's own
(``!!python/object``), keys that are plain scalars, nesting at most MAX_DEPTH deep, one
document, and a size cap. Scalars stay the
text they were written as (``published: 2019`` is "2019"); only ``null`` becomes None, and
the schema turns text into numbers where it wants one.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from quotes.curation.files import MEGABYTE, UnreadableFile, read_regular_file

Loc = tuple[str | int, ...]

MAX_BYTES = 32 * MEGABYTE
MAX_DEPTH = 20  # a source file needs 5 levels: statements, one, stances, party, polarity
# What YAML 1.1 allows in a stream (tab, newlines and printable characters): the reader
# refuses the rest with an exception we prefer to name ourselves, with its line.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL = "tag:yaml.org,2002:null"
_NULLS = {"", "~", "null", "Null", "NULL"}
# The parser's contexts that a bracket or quotation mark opens and leaves open.
_LEFT_OPEN = re.compile(r"\bflow\b|\bquoted\b")
# libyaml's parser where PyYAML was built with it (some three times faster), else the
# pure-Python one; both give every event its line, and neither recurses.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Problem:
    """One thing wrong in the curated record, printed as ``file:line: field: message``."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass
class YamlDocument:
    path: Path
    data: object
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest enclosing field."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(str(self.path), self.line(loc), field_name(loc), message)


def field_name(loc: Loc) -> str:
    """``("statements", 3, "said")`` as ``statements[3].said``."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


class YamlError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file; raise YamlError naming the line of what is wrong with it."""
    if path.suffix == ".yml":
        raise YamlError(
            Problem(str(path), None, "", f"curated files end in .yaml: rename it {path.stem}.yaml")
        )
    try:
        text = read_regular_file(path, limit=MAX_BYTES).decode("utf-8")
    except UnreadableFile as error:
        raise YamlError(Problem(str(path), None, "", str(error))) from None
    except UnicodeDecodeError as error:
        raise YamlError(Problem(str(path), None, "", f"not UTF-8 ({error.reason})")) from None
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise YamlError(
            Problem(
                str(path),
                line,
                "",
                f"control character U+{ord(bad.group()):04X} is not allowed in YAML; "
                "remove it (a tab, a newline or printable text only)",
            )
        )
    parser = _PARSER(text)
    try:
        return _Builder(path).read(parser)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or error.context or "malformed YAML"
        started = error.context_mark.line + 1 if error.context_mark else None
        left_open = _LEFT_OPEN.search(error.context or "")
        if left_open and error.problem and line and started and started < line:
            # "kind: [direct" left open: the parser stumbles a line or more later; the
            # line to fix is where the bracket or quotation mark opened. Not so for a
            # block ("statements:"): its mistake is on the line the parser names.
            reason = f"{error.problem} on line {line}, {error.context} begun here"
            line = started
        raise YamlError(Problem(str(path), line, "", f"malformed YAML: {reason}")) from None
    except yaml.YAMLError as error:  # the reader's errors carry no mark
        raise YamlError(Problem(str(path), None, "", f"malformed YAML: {error}")) from None
    finally:
        parser.dispose()


class _Builder:
    """Plain values built from the parser's events, with the line of each field, refusing
    what a curated file has no use for. A stack, not recursion: depth is only a number."""

    def __init__(self, path: Path):
        self.document = YamlDocument(path, None)
        self.stack: list[list] = []  # [container, its loc, the key awaiting its value]

    def read(self, parser) -> YamlDocument:
        documents = 0
        stack, lines = self.stack, self.document.lines
        next_event, scalar, nulls = parser.get_event, ScalarEvent, _NULLS
        while True:
            event = next_event()
            kind = type(event)
            if kind is scalar and event.style == '"' and _NOT_PRINTABLE.search(event.value):
                # An escape ("\0", "\x1d") gives what the file may not hold as it is.
                bad = _NOT_PRINTABLE.search(event.value).group()
                loc = self.here()  # of a key: the mapping it is in
                raise self.refuse(
                    event,
                    loc[:-1] if loc and loc[-1] is None else loc,
                    f"control character U+{ord(bad):04X} is not allowed in a curated text, "
                    "escaped or not; remove it (a tab, a newline or printable text only)",
                )
            if kind is scalar and stack:
                # Most events: a plain key, or a plain scalar value, in a mapping. The rest,
                # below; names are local, as this loop runs for every event of every file.
                top = stack[-1]
                container = top[0]
                if type(container) is dict and event.anchor is None and event.tag is None:
                    key = top[2]
                    value = event.value
                    null = event.implicit[0] and value in nulls
                    if key is None and not null:
                        if value in container:
                            raise self.refuse(event, (*top[1], value), "given twice; keep one")
                        lines[(*top[1], value)] = event.start_mark.line + 1
                        top[2] = value
                        continue
                    if key is not None:
                        container[key] = None if null else value
                        top[2] = None
                        continue
                self.node(event, kind)
            elif kind is scalar or kind is MappingStartEvent or kind is SequenceStartEvent:
                self.node(event, kind)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
            elif kind is AliasEvent:
                raise self.refuse(
                    event,
                    self.here(),
                    f"YAML aliases (*{event.anchor}) are not allowed in curated files; "
                    "write the value out in full",
                )
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.refuse(event, (), "one YAML document per file; remove the `---`")
            elif event is None or kind is StreamEndEvent:
                return self.document

    def here(self) -> Loc:
        """Where the next value goes: under the pending key, or at the end of the list."""
        if not self.stack:
            return ()
        container, loc, key = self.stack[-1]
        return (*loc, key) if type(container) is dict else (*loc, len(container))

    def node(self, event, kind) -> None:
        lines = self.document.lines
        line = event.start_mark.line + 1
        top = self.stack[-1] if self.stack else None
        if top is not None and type(top[0]) is dict and top[2] is None:
            self.key(event, kind, top, line)
            return
        loc = self.here()
        if event.anchor is not None:
            raise self.refuse(
                event,
                loc,
                f"YAML anchors (&{event.anchor}) are not allowed in curated files; "
                "write each value out in full",
            )
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _PLAIN_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise self.refuse(
                event, loc, f"YAML tag {shown!r} is not allowed in curated files; remove it"
            )
        if kind is ScalarEvent:
            null = tag == _NULL or (tag is None and event.implicit[0] and event.value in _NULLS)
            value = None if null else event.value
        else:
            if len(self.stack) >= MAX_DEPTH:
                raise self.refuse(event, loc, _too_deep())
            value = {} if kind is MappingStartEvent else []
        if top is None:
            self.document.data = value
            lines[()] = line
        elif type(top[0]) is dict:
            top[0][top[2]] = value
            top[2] = None
        else:
            lines.setdefault(loc, line)
            top[0].append(value)
        if kind is not ScalarEvent:
            self.stack.append([value, loc, None])

    def key(self, event, kind, top: list, line: int) -> None:
        container, loc, _ = top
        if (
            kind is not ScalarEvent
            or event.anchor is not None
            or (event.implicit[0] and event.value in _NULLS)
        ):
            raise self.refuse(
                event, loc, "a key must be a plain word, not a list, a mapping, null or an anchor"
            )
        key = event.value
        if key in container:
            raise self.refuse(event, (*loc, key), "given twice; keep one")
        self.document.lines[(*loc, key)] = line
        top[2] = key

    def refuse(self, event, loc: Loc, message: str) -> YamlError:
        line = event.start_mark.line + 1
        return YamlError(Problem(str(self.document.path), line, field_name(loc), message))


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep; curated files need a handful"
