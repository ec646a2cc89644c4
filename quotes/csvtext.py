"""CSV text with every cell quoted (RFC 4180), made by string operations on whole batches.

The csv module looks at every character of every cell, which took as long as the query:
here each row's cells are joined with a mark (a control character) around each, by Python
or by the database, then the batch's quotation marks are doubled and the marks made
quotation marks, all at once. A batch with a cell that holds the mark goes cell by cell.
"""

MARK = "\x1d"  # ASCII group separator
SEPARATOR = f"{MARK},{MARK}"


def lines(rows: list[tuple], *, cells: int) -> str:
    """``rows`` of ``cells`` cells each (texts; anything else goes cell by cell) as CSV lines."""
    try:
        joined = [SEPARATOR.join(row) for row in rows]
    except TypeError:  # a number or None among the cells
        return cells_each(rows)
    text = joined_lines(joined, cells=cells)
    return cells_each(rows) if text is None else text


def joined_lines(joined: list[str], *, cells: int) -> str | None:
    """Rows whose ``cells`` cells are already joined with SEPARATOR, as CSV lines; None when a
    cell holds the mark itself, which the joined text cannot tell from a separator."""
    if not joined:
        return ""
    text = MARK + f"{MARK}\r\n{MARK}".join(joined) + f"{MARK}\r\n"
    if text.count(MARK) != 2 * cells * len(joined):
        return None
    return text.replace('"', '""').replace(MARK, '"')


def cells_each(rows) -> str:
    """The slow way, for the rare batch the quick one cannot take: cell by cell."""
    return "".join(
        ",".join('"' + ("" if cell is None else str(cell)).replace('"', '""') + '"' for cell in row)
        + "\r\n"
        for row in rows
    )
