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
# A whole export in no order from SQLite (chunked_batches): statement ids a reader asks for at
# a time, how many readers (threads, each with its connection), batches waiting at most.
CHUNK_IDS = 32768
READERS = 2
QUEUED = 8


def readable(reader: Reader) -> bool:
    """Whether ``reader``'s database can be read through ADBC: a SQLite file or a PostgreSQL
    server named by a plain URL (quotes.reader's fast path took it)."""
    return reader.location is not None


def batches(reader: Reader, sql: str, params) -> Iterator:
    """The rows of ``sql`` as Arrow record batches, from a read-only ADBC connection of its
    own to the database ``reader`` reads."""
    dialect, location = reader.location
    if dialect == "sqlite":
        connection = _sqlite(location)
        options = _sqlite_options()
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


def chunked_batches(reader: Reader, sql: str, bounds_sql: str) -> Iterator:
    """The rows of ``sql``, whose two placeholders bound a chunk of ids (after the first, up
    to the second), over every chunk between the ids ``bounds_sql`` gives (the first, the
    last), as Arrow record batches in the order they come: a whole SQLite export in no order.

    SQLite computes a SELECT on one core, and that was most of such an export's time. Here
    READERS threads, each on a read-only ADBC connection of its own (which reads in C
    without the GIL), take chunks of ids in turn; every connection reads the same commit
    (_one_snapshot), and at most QUEUED batches wait for the writer."""
    import queue
    import threading

    connections = []
    try:
        for _ in range(READERS):
            connections.append(_sqlite(reader.location[1]))
        bounds, connections = _one_snapshot(connections, reader.location[1], bounds_sql)
        first, last = bounds
        chunks = queue.SimpleQueue()
        if first is not None:
            for start in range(first - 1, last, CHUNK_IDS):
                chunks.put((start, min(start + CHUNK_IDS, last)))
        out = queue.Queue(QUEUED)
        stop = threading.Event()
        threads = [
            threading.Thread(target=_read_chunks, args=(c, sql, chunks, out, stop), daemon=True)
            for c in connections
        ]
        for thread in threads:
            thread.start()
        try:
            running = len(threads)
            while running:
                item = out.get()
                if item is _DONE:
                    running -= 1
                elif isinstance(item, BaseException):
                    raise item
                else:
                    yield item
        finally:  # the rows ran out, or the writer stopped (a full disk, Ctrl-C)
            stop.set()
            for thread in threads:
                thread.join()
    finally:
        for connection in connections:
            with contextlib.suppress(Exception):
                connection.close()


_DONE = object()  # a reader thread's last word


def _sqlite(path: str, *, autocommit: bool = False):
    """A read-only ADBC connection; not in autocommit, its first read begins a transaction
    that lasts until it closes."""
    import adbc_driver_sqlite.dbapi as driver

    return driver.connect(f"file:{path}?mode=ro", autocommit=autocommit)


def _sqlite_options() -> dict:
    return {"adbc.sqlite.query.batch_rows": str(BATCH_ROWS)}


def _one_snapshot(connections: list, path: str, bounds_sql: str) -> tuple[tuple, list]:
    """Begin reading on each connection, and the (first, last) ids ``bounds_sql`` gives; with
    the connections that read the same commit as the first: all of them, or the first alone
    (the others are closed).

    In WAL mode each connection reads the last commit as of its first SELECT, and a load may
    commit between two: SQLite's data_version, asked before the first and after the last,
    tells whether one did. (In rollback-journal mode none can: the first reader's lock holds
    a commit off until it is done.) The question goes through ADBC's SQLite, as the reads
    do: closing a connection of another SQLite library in this process (Python's sqlite3)
    would drop the locks the readers hold on the file."""
    watch = _sqlite(path, autocommit=True)
    try:
        before = _first_read(watch, "PRAGMA data_version")
        bounds = [_first_read(connection, bounds_sql) for connection in connections][0]
        same = _first_read(watch, "PRAGMA data_version") == before
    finally:
        watch.close()
    kept = len(connections) if same else 1
    for connection in connections[kept:]:
        with contextlib.suppress(Exception):
            connection.close()
    return bounds, connections[:kept]


def _first_read(connection, sql: str) -> tuple:
    """The row of ``sql`` (which begins a read transaction: see _sqlite)."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchone()
    finally:
        cursor.close()


def _read_chunks(connection, sql: str, chunks, out, stop) -> None:
    """A reader thread: the batches of each chunk it takes, then _DONE, into ``out``; or the
    error that stopped it. Quits when ``stop`` is set (the writer is gone)."""
    import queue

    try:
        while not stop.is_set():
            try:
                chunk = chunks.get_nowait()
            except queue.Empty:
                break
            cursor = connection.cursor()
            try:
                cursor.adbc_statement.set_options(**_sqlite_options())
                cursor.execute(sql, chunk)
                with cursor.fetch_record_batch() as stream:
                    for batch in stream:
                        if not _put(out, batch, stop):
                            return
            finally:
                with contextlib.suppress(Exception):
                    cursor.close()
    except OSError as error:
        _put(out, _read_error(error), stop)
    except BaseException as error:
        _put(out, error, stop)
    finally:
        _put(out, _DONE, stop)


def _put(out, item, stop) -> bool:
    """Put ``item`` into ``out`` once there is room, unless ``stop`` is set first."""
    import queue

    while not stop.is_set():
        try:
            out.put(item, timeout=0.05)
            return True
        except queue.Full:
            pass
    return False


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
        include_header=False, delimiter=delimiter, eol="\r\n", quoting_style="all_valid"
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
    writer quotes every cell, and TSV readers (cut, awk, COPY) take the quotes for text."""
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
