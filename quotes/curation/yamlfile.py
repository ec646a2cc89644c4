"""YAML files read into plain Python values, remembering the line of every field.

PyYAML's composer keeps each node's position; we build the values from the nodes ourselves
so that error messages can name a line, and so that a key given twice is an error rather
than silently overwritten.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
    """Read one YAML file; raise YamlError naming the line of a syntax error or duplicate key."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlError(Problem(str(path), None, "", "file not found")) from None
    except UnicodeDecodeError as error:
        raise YamlError(Problem(str(path), None, "", f"not UTF-8 ({error.reason})")) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or error.context or "malformed YAML"
        raise YamlError(Problem(str(path), line, "", f"malformed YAML: {reason}")) from None
    document = YamlDocument(path, None)
    if node is not None:
        document.data = _value(node, (), document)
    return document


def _value(node: yaml.Node, loc: Loc, document: YamlDocument):
    document.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader.construct_scalar(_constructor, key_node)
            if key in result:
                line = key_node.start_mark.line + 1
                raise YamlError(
                    Problem(
                        str(document.path), line, field_name((*loc, key)), "given twice; keep one"
                    )
                )
            document.lines[(*loc, key)] = key_node.start_mark.line + 1
            result[key] = _value(value_node, (*loc, key), document)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, (*loc, i), document) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    # Scalars keep their text when YAML would make them a date: EDTF strings stay strings.
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    return _constructor.construct_object(node)


_constructor = yaml.SafeLoader("")
