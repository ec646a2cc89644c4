"""A whole SQLite export in no order, read in chunks of statement ids by two threads, each on
a connection of its own (quotes.columnar.chunked_batches): every row once, of one commit."""

import collections
import csv
import io
import sqlite3
import threading

import pytest

from tests.helpers import run

STATEMENTS = 600


@pytest.fixture(scope="module")
def gappy_db(tmp_path_factory):
    """A SQLite file of synthetic statements whose ids have gaps: some statements deleted,
    the first ones among them (chunks count ids, not rows)."""
    from sqlmodel import Session

    from benchmarks.synthetic import Synthetic
    from quotes import db
    from quotes.ingest import load_record

    path = tmp_path_factory.mktemp("chunks") / "quotes.db"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with Session(engine) as session:
        load_record(
            session=session, record=Synthetic(STATEMENTS, speakers=50).record(), prune_sources=True
        )
        session.commit()
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM statement WHERE id <= 5 OR id % 7 = 0 OR id % 50 = 1")
    connection.close()
    return path


def _rows(result) -> list[tuple]:
    assert result.exit_code == 0, result.output
    return [tuple(row) for row in csv.reader(io.StringIO(result.stdout))]


def _row_by_row(url, monkeypatch) -> list[tuple]:
    from quotes import columnar

    with monkeypatch.context() as patched:
        patched.setattr(columnar, "readable", lambda reader: False)
        return _rows(run(url, "export", "--sort", "none", "--silent"))


def _statements(path) -> int:
    with sqlite3.connect(path) as connection:
        count = connection.execute("SELECT count(*) FROM statement").fetchone()[0]
    connection.close()
    return count


def _spied_readers(monkeypatch) -> list:
    """The connections that each read chunks, as their threads start."""
    from quotes import columnar

    readers, read_chunks = [], columnar._read_chunks

    def spied(connection, *args):
        readers.append(connection)
        return read_chunks(connection, *args)

    monkeypatch.setattr(columnar, "_read_chunks", spied)
    return readers


def _after_the_first_reader_began(monkeypatch, action) -> list:
    """Run ``action`` once the first reader has begun its transaction, before the others;
    the connections that began, in order."""
    from quotes import columnar

    first_read, began = columnar._first_read, []

    def then_act(connection, sql):
        row = first_read(connection, sql)
        if not sql.startswith("PRAGMA"):  # not the question of data_version
            began.append(connection)
            if len(began) == 1:
                action()
        return row

    monkeypatch.setattr(columnar, "_first_read", then_act)
    return began


@pytest.mark.parametrize("chunk", [1, 37, 10_000])
def test_every_row_once_whatever_the_chunks(gappy_db, monkeypatch, chunk):
    """Chunks of one id (most of them empty), of some ids, and one chunk for all: the rows
    (as cells, counted) are those of the row-by-row export, each once."""
    from quotes import columnar

    url = f"sqlite:///{gappy_db}"
    expected = _row_by_row(url, monkeypatch)
    assert len(expected) == 1 + _statements(gappy_db) > STATEMENTS // 2
    monkeypatch.setattr(columnar, "CHUNK_IDS", chunk)
    monkeypatch.setattr(columnar, "BATCH_ROWS", 16)
    readers = _spied_readers(monkeypatch)
    ours = _rows(run(url, "export", "--sort", "none", "--silent"))
    assert len(set(readers)) == columnar.READERS == 2
    assert ours[0] == expected[0]  # the header, first
    assert collections.Counter(ours[1:]) == collections.Counter(expected[1:])
    assert len(set(ours[1:])) == len(ours) - 1  # no row twice (keys are unique)


def test_a_commit_between_the_readers_first_reads_leaves_one_reader(
    gappy_db, tmp_path, monkeypatch
):
    """In WAL mode each connection reads the last commit as of its first SELECT: a commit
    between the two readers' would have them read different states. The export reads the
    first reader's commit alone, every row of it, none of the change."""
    import shutil
    import subprocess
    import sys

    from quotes import columnar

    path = tmp_path / "quotes.db"
    shutil.copy(gappy_db, path)
    url = f"sqlite:///{path}"
    before = _row_by_row(url, monkeypatch)
    monkeypatch.setattr(columnar, "CHUNK_IDS", 10)
    monkeypatch.setattr(columnar, "BATCH_ROWS", 4)

    def commit():  # in another process, as a load would: see the test below
        change = (
            "import sqlite3, sys\n"
            "with sqlite3.connect(sys.argv[1]) as writer:\n"
            "    writer.execute(\"UPDATE statement SET text = 'changed: ' || text\")\n"
            "    writer.execute('DELETE FROM statement WHERE id % 3 = 0')\n"
        )
        subprocess.run([sys.executable, "-c", change, str(path)], check=True)

    began = _after_the_first_reader_began(monkeypatch, commit)
    readers = _spied_readers(monkeypatch)
    ours = _rows(run(url, "export", "--sort", "none", "--silent"))
    assert len(began) == 2 and readers == began[:1]
    assert collections.Counter(ours) == collections.Counter(before)
    after = _row_by_row(url, monkeypatch)  # the change did commit
    assert len(after) < len(before) and all("changed: " in ",".join(r) for r in after[1:])


def test_the_readers_see_one_commit_when_none_comes_between(gappy_db):
    """Without a commit between their first reads, both connections read on."""
    from quotes import columnar

    connections = [columnar._sqlite(str(gappy_db)) for _ in range(2)]
    try:
        ids = "SELECT min(id), max(id) FROM statement"
        bounds, kept = columnar._one_snapshot(connections, str(gappy_db), ids)
        assert kept == connections
        assert bounds[0] > 5
    finally:
        for connection in connections:
            connection.close()


def _reader(path):
    from quotes.reader import connect

    return connect(f"sqlite:///{path}")


def _chunked(reader, columns: str = "id"):
    """``columns`` of every statement, through chunked_batches."""
    from quotes import columnar

    return columnar.chunked_batches(
        reader,
        f"SELECT {columns} FROM statement WHERE id > ? AND id <= ?",
        "SELECT min(id), max(id) FROM statement",
    )


def test_an_error_in_a_reader_thread_reaches_the_writer_and_the_threads_end(gappy_db):
    import adbc_driver_manager

    reader = _reader(gappy_db)
    threads = threading.active_count()
    batches = _chunked(reader, "no_such_column")
    try:
        with pytest.raises(adbc_driver_manager.ProgrammingError, match="no_such_column"):
            list(batches)
        assert threading.active_count() == threads
    finally:
        reader.close()


def test_a_writer_that_stops_early_stops_the_readers(gappy_db, monkeypatch):
    """A full disk or a closed pipe: the readers, waiting for room, stop and close."""
    from quotes import columnar

    monkeypatch.setattr(columnar, "CHUNK_IDS", 5)
    monkeypatch.setattr(columnar, "BATCH_ROWS", 2)
    monkeypatch.setattr(columnar, "QUEUED", 1)
    reader = _reader(gappy_db)
    threads = threading.active_count()
    batches = _chunked(reader)
    try:
        assert next(batches).num_rows >= 1
        assert threading.active_count() == threads + 2
        batches.close()
        assert threading.active_count() == threads
    finally:
        reader.close()


def test_ctrl_c_while_the_readers_read_is_an_interrupt(gappy_db, monkeypatch, ctrl_c):
    """Ctrl-C reaches the main thread, which waits for batches: it stops the readers."""
    import os
    import signal
    import time

    from quotes import columnar

    def slow(connection, sql, chunks, out, stop):
        stop.wait(60)  # a read that takes a minute, unless stopped

    monkeypatch.setattr(columnar, "_read_chunks", slow)
    reader = _reader(gappy_db)
    threads = threading.active_count()
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    started = time.monotonic()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            list(_chunked(reader))
        assert time.monotonic() - started < 30
        assert threading.active_count() == threads
    finally:
        timer.cancel()
        reader.close()


def test_in_rollback_journal_mode_a_load_commits_after_the_readers(gappy_db, tmp_path, monkeypatch):
    """In rollback-journal mode (a database kept in the journal mode it had) a load that
    comes to commit between the readers' first reads waits for them: they read the rows
    before it, and it commits once they are done. (The load is another process, as it
    would be: SQLite's locks do not hold between two SQLite libraries in one process.)"""
    import shutil
    import subprocess
    import sys
    import time

    from quotes import columnar

    path = tmp_path / "quotes.db"
    shutil.copy(gappy_db, path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
        before = connection.execute("SELECT id, text FROM statement").fetchall()
    connection.close()
    monkeypatch.setattr(columnar, "CHUNK_IDS", 10)
    load = (
        "import sqlite3, sys\n"
        "writer = sqlite3.connect(sys.argv[1], timeout=60, isolation_level=None)\n"
        "writer.execute('BEGIN IMMEDIATE')\n"
        "writer.execute('DELETE FROM statement WHERE id % 3 = 0')\n"
        "print('committing', flush=True)\n"
        "writer.execute('COMMIT')\n"
    )
    loads = []

    def start_a_load():
        command = [sys.executable, "-c", load, str(path)]
        loads.append(subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
        assert loads[0].stdout.readline() == "committing\n"
        time.sleep(0.5)  # its COMMIT waits for the first reader

    began = _after_the_first_reader_began(monkeypatch, start_a_load)
    readers = _spied_readers(monkeypatch)
    reader = _reader(path)
    try:
        batches = _chunked(reader, "id, text")
        ours = [tuple(row.values()) for batch in batches for row in batch.to_pylist()]
    finally:
        reader.close()
    assert len(began) == 2 and len(set(readers)) == 2
    assert sorted(ours) == sorted(before)
    loads[0].communicate(timeout=60)
    assert loads[0].returncode == 0  # committed once the rows were read
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM statement").fetchone()[0] < len(before)
    connection.close()
