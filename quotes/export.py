"""Streaming writers: records in, text out, one row at a time.

Every listing goes through ``write``: a wrapped table for people, CSV and TSV for
spreadsheets (safe against formula injection), JSON and JSON Lines for programs.
"""

import csv
import json
import re
import shutil
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from quotes import csvtext

FORMATS = ("table", "csv", "tsv", "json", "nl")
# OWASP, CSV injection: a cell starting with one of these may run as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """A column of a table or CSV: the record field it shows and how wide it may be."""

    field: str
    heading: str
    width: int | None = None  # None: share what the terminal has left


def flat(value) -> str:
    """A record value as one cell: stances as "russia:critical; china:critical"."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}:{v}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(
            ":".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
            for item in value
        )
    return str(value)


def neutralise(cell: str) -> str:
    """Make a cell inert in spreadsheets: prefix a formula-looking cell with an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write(
    records: Iterable[dict],
    out: TextIO,
    *,
    fmt: str,
    columns: list[Column],
    excel: bool = False,
    empty: str = "Nothing matched.",
    footer: str | None = None,
) -> int:
    """Write ``records`` to ``out`` in ``fmt``; return how many were written.

    ``footer`` names a field a table prints whole on a line of its own under each row.
    """
    if excel:
        out.write("\ufeff")
    if fmt == "table":
        count = _table(records, out, columns, footer)
    else:
        writer = {"csv": _csv, "tsv": _tsv, "json": _json, "nl": _nl}[fmt]
        count = writer(records, out, columns)
    if count == 0 and fmt == "table":
        out.write(empty + "\n")
    return count


def write_cells(
    batches: Iterable[list[tuple]], out: TextIO, *, fmt: str, header: list[str], excel: bool = False
) -> int:
    """Write rows of ready-made cells (quotes.query.statement_cells: every cell a text) as
    CSV or TSV; return how many. A CSV quotes every cell, as the Arrow export writes it
    (quotes.columnar); a TSV only where needed, as TSV readers expect."""
    if excel:
        out.write("\ufeff")
    if fmt == "tsv":
        writer = csv.writer(out, dialect="excel-tab")
        writer.writerow(header)
        write_batch = writer.writerows
    else:
        out.write(",".join(header) + "\r\n")

        def write_batch(batch: list[tuple]) -> None:
            out.write(csvtext.lines(batch, cells=len(header)))

    count = 0
    for batch in batches:
        write_batch(batch)
        count += len(batch)
    return count


def _delimited(records, out, columns, dialect) -> int:
    writer = csv.writer(out, dialect=dialect)
    writer.writerow([c.field for c in columns])
    fields = [c.field for c in columns]
    count = 0
    for record in records:
        count += 1
        writer.writerow([_cell(record.get(field)) for field in fields])
    return count


_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def _cell(value):
    """One CSV cell: the hot path of an export, so the common types come first."""
    kind = type(value)
    if kind is str:
        return "'" + value if value[:1] in _FORMULA_FIRST else value
    if value is None:
        return ""
    if kind is int or kind is float:
        return value
    return neutralise(flat(value))


def _csv(records, out, columns) -> int:
    return _delimited(records, out, columns, "excel")


def _tsv(records, out, columns) -> int:
    return _delimited(records, out, columns, "excel-tab")


def _json(records, out, columns) -> int:
    count = 0
    for record in records:
        count += 1
        out.write(("[\n  " if count == 1 else ",\n  ") + json.dumps(record, ensure_ascii=False))
    out.write("\n]\n" if count else "[]\n")
    return count


def _nl(records, out, columns) -> int:
    count = 0
    for record in records:
        count += 1
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def _table(records, out, columns, footer: str | None) -> int:
    widths = _widths(columns)
    if _folds(out, widths):
        return _blocks(records, out, columns, footer)
    out.write(_line([c.heading for c in columns], widths))
    out.write(_line(["-" * w for w in widths], widths))
    count = 0
    for record in records:
        count += 1
        cells = [_wrap(flat(record.get(c.field)), w) for c, w in zip(columns, widths, strict=True)]
        for i in range(max(len(c) for c in cells)):
            out.write(_line([c[i] if i < len(c) else "" for c in cells], widths))
        if footer:
            out.write(f"{'':{widths[0]}}  ↳ {record[footer]}\n")
    return count


def _folds(out, widths: list[int]) -> bool:
    """Whether ``out`` is a terminal narrower than the table, which would fold every line of
    it. A pipe or a file takes the table as it is."""
    isatty = getattr(out, "isatty", None)
    if isatty is None or not isatty():
        return False
    return sum(widths) + 2 * (len(widths) - 1) > shutil.get_terminal_size((120, 24)).columns


def _blocks(records, out, columns, footer: str | None) -> int:
    """Each record as a block of lines, a field a line after its heading, values wrapped to
    the terminal: the table for a terminal too narrow for it (psql's expanded display)."""
    label = max(_columns(c.heading) for c in columns)
    width = max(10, shutil.get_terminal_size((120, 24)).columns - label - 2)
    count = 0
    for record in records:
        if count:
            out.write("\n")
        count += 1
        for column in columns:
            for i, line in enumerate(_wrap(flat(record.get(column.field)), width)):
                heading = column.heading if i == 0 else ""
                out.write(f"{_padded(heading, label)}  {_padded(line, 0)}".rstrip() + "\n")
        if footer:
            out.write(f"↳ {record[footer]}\n")
    return count


def _widths(columns: list[Column]) -> list[int]:
    total = shutil.get_terminal_size((120, 24)).columns
    fixed = sum(c.width for c in columns if c.width) + 2 * (len(columns) - 1)
    flexible = [c for c in columns if not c.width]
    share = max(30, (total - fixed) // len(flexible)) if flexible else 0
    return [c.width or share for c in columns]


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns: a CJK character takes two, a
    combining mark none (wcwidth measures them; plain text takes textwrap's quicker path)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if _one_column_each(paragraph):
            wrapped = textwrap.wrap(paragraph, width, break_on_hyphens=False)
        else:
            import wcwidth

            wrapped = wcwidth.wrap(paragraph, width, break_on_hyphens=False)
        lines.extend(wrapped or [""])
    return lines


# Characters that may take other than one column: controls, combining marks, format
# characters, and most scripts past Cyrillic (Hebrew and Arabic marks, CJK); Latin, Greek,
# Cyrillic and common punctuation (curly quotes, dashes) always take one.
_MAYBE_NOT_ONE_COLUMN = re.compile(
    "[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]"
)


def _one_column_each(text: str) -> bool:
    """Whether every character of ``text`` takes one column, as textwrap counts them."""
    if _MAYBE_NOT_ONE_COLUMN.search(text) is None:
        return True
    import wcwidth

    return all(wcwidth.wcwidth(c) == 1 for c in text if not c.isascii())


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    import wcwidth

    return wcwidth.width(text)


# Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def _padded(text: str, width: int) -> str:
    """One line of a cell padded to ``width`` columns. A line with right-to-left letters is set
    between First Strong Isolate and Pop Directional Isolate (no width), so that the terminal's
    bidi algorithm reorders it within its cell and never across the columns beside it."""
    if _MAYBE_NOT_ONE_COLUMN.search(text) is None:
        return text.ljust(width)  # one column a character, none right to left
    padding = " " * max(0, width - _columns(text))
    if _RIGHT_TO_LEFT.search(text):
        text = f"\u2068{text}\u2069"
    return text + padding


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(_padded(c, w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"


def with_citation(records: Iterable[dict]) -> Iterator[dict]:
    """Records with a Chicago note and the quote's location added, for citation exports."""
    from quotes.citation import chicago_note, location

    for record in records:
        yield {**record, "citation": chicago_note(record), "location": location(record)}
