"""YAML files read into plain Python values, remembering the line of every field.

PyYAML's composer keeps each node's position (libyaml's, in C, where PyYAML has it); we
build the values from the nodes ourselves so that error messages can name a line, and so
that a key given twice is an error rather than silently overwritten.

Curated files come from strangers, so the reading is bounded: no aliases (a few hundred
bytes of nested aliases expand to gigabytes), no tags but YAML's own (``!!python/object``),
keys that are plain scalars, nesting at most MAX_DEPTH deep, and a size cap. Scalars stay the
text they were written as (``published: 2019`` is "2019"); only ``null`` becomes None, and
the schema turns text into numbers where it wants one.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quotes.curation.files import MEGABYTE, UnreadableFile, read_regular_file

MAX_BYTES = 32 * MEGABYTE
MAX_DEPTH = 20  # a source file needs 5 levels: statements, one, stances, party, polarity
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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

Loc = tuple[str | int, ...]


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
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or error.context or "malformed YAML"
        raise YamlError(Problem(str(path), line, "", f"malformed YAML: {reason}")) from None
    except yaml.YAMLError as error:  # the reader's errors carry no mark
        raise YamlError(Problem(str(path), None, "", f"malformed YAML: {error}")) from None
    except RecursionError:  # the pure-Python composer, on nesting libyaml would refuse
        raise YamlError(Problem(str(path), None, "", _too_deep())) from None
    document = YamlDocument(path, None)
    if node is not None:
        document.data = _Builder(document).value(node, ())
    return document


class _Builder:
    """Plain values from a node tree, refusing what a curated file has no use for."""

    def __init__(self, document: YamlDocument):
        self.document = document
        # An alias is the same node object met twice (libyaml composes it so); seeing each
        # node once keeps the work linear in the file, whatever the aliases.
        self.seen: set[int] = set()

    def refuse(self, line: int, loc: Loc, message: str) -> YamlError:
        return YamlError(Problem(str(self.document.path), line, field_name(loc), message))

    def value(self, node: yaml.Node, loc: Loc, line: int | None = None):
        line = line or node.start_mark.line + 1
        self.document.lines.setdefault(loc, line)
        if id(node) in self.seen:
            raise self.refuse(
                line,
                loc,
                f"YAML aliases are not allowed in curated files (this repeats the value "
                f"anchored at line {node.start_mark.line + 1}); write the value out in full",
            )
        self.seen.add(id(node))
        if len(loc) > MAX_DEPTH:
            raise self.refuse(line, loc, _too_deep())
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.refuse(
                line, loc, f"YAML tag {tag!r} is not allowed in curated files; remove it"
            )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*loc, i)) for i, item in enumerate(node.value)]
        return None if node.tag == _NULL else node.value

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict:
        result = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL:
                raise self.refuse(
                    line, loc, "a key must be a plain word, not a list, a mapping or null"
                )
            key = key_node.value
            if key in result:
                raise self.refuse(line, (*loc, key), "given twice; keep one")
            self.document.lines[(*loc, key)] = line
            result[key] = self.value(value_node, (*loc, key), line)
        return result


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep; curated files need a handful"
