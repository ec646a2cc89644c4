"""A whole export as CSV or TSV through Arrow: no Python object per cell.

An export of a million statements and forty columns spent most of its time making forty
million Python objects and handing each to the csv module. Here the database driver (ADBC,
in C) fills Arrow record batches, the citation is finished on whole columns, and Arrow's CSV
writer (in C) writes them: Python works once per batch, not once per cell. The SQL is the
same as `quotes list --csv` runs (quotes.query), so the cells are the same.
"""

import contextlib
from collections.abc import Iterator
from typing import TextIO

from quotes.reader import Reader

BATCH_ROWS = 1024  # rows per Arrow batch: Python works once a batch; memory holds a few


def readable(reader: Reader) -> bool:
    """Whether ``reader``'s database can be read through ADBC: a SQLite file or a PostgreSQL
    server named by a plain URL (quotes.reader's fast path took it)."""
    return reader.location is not None


def batches(reader: Reader, sql: str, params) -> Iterator:
    """The rows of ``sql`` as Arrow record batches, from a read-only ADBC connection of its
    own to the database ``reader`` reads."""
    dialect, location = reader.location
    if dialect == "sqlite":
        import adbc_driver_sqlite.dbapi as driver

        connection = driver.connect(f"file:{location}?mode=ro")
        options = {"adbc.sqlite.query.batch_rows": str(BATCH_ROWS)}
    else:
        import adbc_driver_postgresql.dbapi as driver
        import psycopg

        # psycopg writes the values in, quoted as the server reads them: ADBC then runs one
        # plain query (as COPY, the fastest way out of the server).
        sql = psycopg.ClientCursor(reader.connection).mogrify(sql, tuple(params))
        params = ()
        connection = driver.connect(location)
        options = {"adbc.postgresql.batch_size_hint_bytes": str(256 << 10)}
    cursor = connection.cursor()
    try:
        cursor.adbc_statement.set_options(**options)
        if dialect == "postgresql":
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        cursor.execute(sql, tuple(params) or None)
        with cursor.fetch_record_batch() as stream:
            yield from stream
    except OSError as error:
        raise _read_error(error) from None
    finally:
        # Closed in this order, whether the rows ran out or the writer stopped (a full disk):
        # the driver refuses to close a connection with a statement open.
        for closable in (cursor, connection):
            with contextlib.suppress(Exception):
                closable.close()


def _read_error(error: OSError) -> BaseException:
    """What an error of the rows' stream is: Arrow raises it as an OSError, which the commands
    would take for a failed write of their output. ADBC answers Ctrl-C by cancelling the
    query; the server's "canceling statement due to user request" is that interrupt."""
    import adbc_driver_manager

    if "due to user request" in str(error):
        return KeyboardInterrupt()
    return adbc_driver_manager.OperationalError(
        str(error), status_code=adbc_driver_manager.AdbcStatusCode.IO
    )


def write(
    batches: Iterator, out: TextIO, *, fmt: str, header: list[str], excel: bool = False
) -> int:
    """Write Arrow ``batches`` as CSV (RFC 4180, CRLF) or TSV under ``header``, after a
    byte-order mark with ``excel`` (as quotes.export.write_cells); return how many rows."""
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    delimiter = "," if fmt == "csv" else "\t"
    out.write(("\ufeff" if excel else "") + delimiter.join(header) + "\r\n")
    options = arrow_csv.WriteOptions(
        include_header=False, delimiter=delimiter, eol="\r\n", quoting_style="needed"
    )
    sink = getattr(out, "buffer", None)
    if sink is not None:
        out.flush()  # the header, before the bytes below it
    count = 0
    for batch in batches:
        count += batch.num_rows
        if fmt == "tsv":
            lines = _tsv_lines(batch)
        else:
            lines = pa.BufferOutputStream()
            arrow_csv.write_csv(pa.Table.from_batches([batch]), lines, options)
            lines = lines.getvalue()
        if sink is not None:
            sink.write(lines)
        else:
            out.write(lines.to_pybytes().decode("utf-8"))
    return count


def _tsv_lines(batch):
    """``batch`` as TSV lines, each cell quoted only when it holds a tab, a quote or a line
    break (as the csv module's excel-tab dialect, which `quotes list --tsv` writes): Arrow's
    writer quotes every text cell, and TSV readers (cut, awk, COPY) take the quotes for text."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if batch.num_rows == 0:
        return pa.py_buffer(b"")
    cells = []
    for column in batch.columns:
        if pa.types.is_integer(column.type) or pa.types.is_null(column.type):
            column = pc.cast(column, pa.string())
        else:
            quoted = pc.binary_join_element_wise(
                '"', pc.replace_substring(column, '"', '""'), '"', ""
            )
            column = pc.if_else(pc.match_substring_regex(column, '[\t"\r\n]'), quoted, column)
        cells.append(pc.fill_null(column, ""))
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*cells, "\t"), "", "\r\n")
    # The lines are one buffer, back to back: the bytes from the first's start to the last's end.
    lines = lines.cast(pa.string())
    _, offsets, data = lines.buffers()
    offsets = memoryview(offsets).cast("i")
    start, end = offsets[lines.offset], offsets[lines.offset + len(lines)]
    return data.slice(start, end - start)


def cited(batch, at: int, notes):
    """``batch`` with the source ids in column ``at`` turned into citations: each source's
    note (``notes``, quotes.query's per-source cache) and the row's locator, the last column,
    which goes. As quotes.citation.finished does it: one final stop, after "n.d." too."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from quotes.query import SourceGone

    ids = batch.column(at)
    if notes.complete:  # every note, as an array indexed by source id: one take a batch
        if notes.by_id is None:
            by_id = [None] * (max(notes, default=0) + 1)
            while notes:  # each note moves to the array: the dict need not stay beside it
                source_id, by_id[source_id] = notes.popitem()
            notes.by_id = pa.array(by_id, pa.string())
        if (pc.max(ids).as_py() or 0) >= len(notes.by_id):
            raise SourceGone()
        note = pc.take(notes.by_id, ids)
        if note.null_count:
            raise SourceGone()
    else:
        unique = pc.unique(ids)
        keys = unique.to_pylist()
        notes.fetch(set(keys))
        note = pc.take(pa.array([notes[k] for k in keys], pa.string()), pc.index_in(ids, unique))
    locator = batch.column(batch.num_columns - 1)
    bare = pc.and_(pc.equal(locator, "."), pc.ends_with(note, "."))
    citation = pc.if_else(bare, note, pc.binary_join_element_wise(note, locator, ""))
    columns = batch.columns[:-1]
    columns[at] = citation
    return pa.RecordBatch.from_arrays(columns, names=[str(i) for i in range(len(columns))])
