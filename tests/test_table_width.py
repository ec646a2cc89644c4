"""Terminal tables measure text by the columns it takes, not by its characters."""

import io

from wcwidth import wcswidth

from quotes.export import Column, write

FSI, PDI = "\u2068", "\u2069"  # First Strong Isolate, Pop Directional Isolate
COLUMNS = [Column("who", "WHO", 10), Column("text", "TEXT", 12), Column("kind", "KIND", 8)]


def table(records: list[dict]) -> list[str]:
    out = io.StringIO()
    write(records, out, fmt="table", columns=COLUMNS)
    return out.getvalue().splitlines()


def starts(line: str, *cells: str) -> list[int]:
    """The terminal column where each of ``cells`` starts in ``line`` (found left to right)."""
    found, at = [], 0
    for cell in cells:
        at = line.index(cell, at)
        found.append(wcswidth(line[:at]))
        at += len(cell)
    return found


def test_wide_and_right_to_left_cells_keep_their_columns():
    # 習近平 takes 6 columns; the Arabic 10 characters, 10 columns; "Cafe" with a combining
    # acute accent 4. WHO is 10 wide, then 2 spaces: TEXT starts at 12 and KIND at 12+12+2 = 26.
    lines = table(
        [
            {"who": "習近平", "text": "سلام عليكم", "kind": "direct"},
            {"who": "Cafe\u0301", "text": "plain", "kind": "partial"},
            {"who": "Lavrov", "text": "Россия", "kind": "indirect"},
        ]
    )
    assert starts(lines[0], "WHO", "TEXT", "KIND") == [0, 12, 26]
    assert starts(lines[2], "習近平", "سلام عليكم", "direct") == [0, 12, 26]
    assert starts(lines[3], "Cafe\u0301", "plain", "partial") == [0, 12, 26]
    assert starts(lines[4], "Lavrov", "Россия", "indirect") == [0, 12, 26]
    assert f"{FSI}سلام عليكم{PDI}" in lines[2]  # isolated: reordered within its cell only
    assert FSI not in lines[4]  # Cyrillic runs left to right: nothing to isolate


def test_wide_text_wraps_at_the_column_width():
    # Ten CJK characters take 20 columns: two to a column of 10 would be 5 a line.
    lines = table([{"who": "習近平說習近平說習近", "text": "x", "kind": "direct"}])
    rows = lines[2:]
    assert [row[: row.index(" ")] if " " in row else row for row in rows] == [
        "習近平說習",
        "近平說習近",
    ]
    assert starts(rows[0], "x", "direct") == [12, 26]


def test_right_to_left_text_wraps_in_logical_order_each_line_isolated():
    # Words of 4, 4 and 5 letters: "سلام سلام" takes 9 of the 10 columns, the last word the
    # next line. Padding: 1 to fill WHO, 2 between; "x" then 11 to fill TEXT and 2 between.
    arabic = "سلام سلام سلامك"
    lines = table([{"who": arabic, "text": "x", "kind": "direct"}])
    assert lines[2] == f"{FSI}سلام سلام{PDI}" + " " * 3 + "x" + " " * 13 + "direct"
    assert lines[3] == f"{FSI}سلامك{PDI}"


class Terminal(io.StringIO):
    """Standard output that is a terminal."""

    def isatty(self) -> bool:
        return True


RECORD = {
    "who": "Amrullah Saleh (Former Minister)",
    "text": "had a stunning experience",
    "kind": "direct",
}


def test_a_terminal_narrower_than_the_table_shows_each_record_as_a_block(monkeypatch):
    # WHO 10 + TEXT 12 + KIND 8 and two gaps of 2 take 34 columns: a 30-column terminal
    # folded every line of the table in two. There each record is a block instead, a line a
    # field, as psql's expanded display does.
    monkeypatch.setenv("COLUMNS", "30")
    out = Terminal()
    write([RECORD, {**RECORD, "kind": "partial"}], out, fmt="table", columns=COLUMNS)
    assert out.getvalue().splitlines() == [
        "WHO   Amrullah Saleh (Former",
        "      Minister)",
        "TEXT  had a stunning",
        "      experience",
        "KIND  direct",
        "",
        "WHO   Amrullah Saleh (Former",
        "      Minister)",
        "TEXT  had a stunning",
        "      experience",
        "KIND  partial",
    ]
    assert max(wcswidth(line) for line in out.getvalue().splitlines()) <= 30


def test_a_wide_terminal_and_a_pipe_keep_the_table(monkeypatch):
    monkeypatch.setenv("COLUMNS", "30")
    piped = io.StringIO()  # not a terminal: nothing to fold, the table as it is
    write([RECORD], piped, fmt="table", columns=COLUMNS)
    assert piped.getvalue().startswith("WHO         TEXT")
    monkeypatch.setenv("COLUMNS", "34")
    wide = Terminal()
    write([RECORD], wide, fmt="table", columns=COLUMNS)
    assert wide.getvalue() == piped.getvalue()
