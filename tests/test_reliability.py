"""Nothing lost: interrupted, concurrent and failed writes leave the last good state.

Loads run as real processes here (`python -m quotes`), killed or interrupted part-way, or
started two at a time, because that is how they fail in the field.
"""

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from quotes import db
from quotes.errors import DatabaseBusy
from tests.bigsource import write_big_source
from tests.helpers import PROJECT, copy_project, dump, run


def quotes(url: str, *args: str, cwd: Path, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "quotes", "--db", url, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        **options,
    )


def finish(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


def listing(url: str) -> str:
    """Every statement, with its stances and claims, as JSON Lines: what a load leaves behind,
    without the row ids (a PostgreSQL sequence does not go back when a transaction does)."""
    result = run(url, "list", "--nl")
    assert result.exit_code == 0, result.output
    return result.output


BIG = 2000  # statements in the generated source: a load of seconds, not milliseconds


@pytest.fixture(scope="module")
def big_project(tmp_path_factory) -> Path:
    """The curated seed plus a generated source of BIG statements (read, never changed)."""
    project = tmp_path_factory.mktemp("big")
    copy_project(project)
    write_big_source(project, "big", BIG)
    return project


_names = itertools.count()


def new_url(backend: str, folder: Path, request) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / f'q{next(_names)}.db'}"
    server = request.getfixturevalue("pg_server")
    return server.create_database(f"reliability_{os.getpid()}_{next(_names)}")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def url(backend, tmp_path, request) -> str:
    return new_url(backend, tmp_path, request)


@pytest.fixture(scope="module")
def clean_listing(backend, big_project, request) -> str:
    """What one uninterrupted load of the big project leaves, listed."""
    reference = new_url(backend, big_project, request)
    data = str(big_project / "data")
    assert finish(quotes(reference, "load", "--data", data, cwd=big_project))[0] == 0
    return listing(reference)


def writing(url: str) -> bool:
    """Whether a writer holds the database's write lock now: a load inside its transaction."""
    probe = db.make_engine(url, writer=True, lock_wait=0)
    try:
        with probe.begin():
            return False
    except DatabaseBusy:
        return True
    finally:
        probe.dispose()


def interrupted_load(url: str, project: Path, point: str, how: signal.Signals) -> tuple[int, str]:
    """A load of ``project`` stopped by ``how`` at ``point`` of its transaction."""
    marker = project / f"reached-{point}-{next(_names)}"
    process = subprocess.Popen(
        [
            sys.executable,
            str(PROJECT / "tests" / "interrupt_at.py"),
            point,
            str(marker),
            "--db",
            url,
            "load",
            "--data",
            str(project / "data"),
        ],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    deadline = time.monotonic() + 300
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the load never reached {point}: {finish(process)}")
        time.sleep(0.01)
    assert writing(url)  # it holds the write lock: the transaction is open
    process.send_signal(how)
    return finish(process)


@pytest.mark.parametrize("point", ["schema", "statements", "commit"])
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_an_interrupted_first_load_leaves_no_database_and_the_next_load_works(
    big_project, url, clean_listing, point, how
):
    """Killed or interrupted once the schema exists, with the statements half written, and
    with everything written but not committed."""
    interrupted = url
    code, err = interrupted_load(interrupted, big_project, point, how)
    assert "Traceback" not in err
    if how == signal.SIGINT:
        assert code == 130
        assert "Interrupted: what was being written was rolled back." in err
    else:
        assert code == -signal.SIGKILL
    # No half schema: the database is as if the load had never started.
    engine = db.make_engine(interrupted)
    assert db.current_revision(engine) is None
    engine.dispose()
    listed = run(interrupted, "list")
    assert listed.exit_code == 1
    assert "No database at" in listed.output
    # And the next load builds exactly what one clean load builds.
    data = str(big_project / "data")
    assert finish(quotes(interrupted, "load", "--data", data, cwd=big_project))[0] == 0
    assert listing(interrupted) == clean_listing


def test_an_interrupted_reload_leaves_the_last_good_state(url, tmp_path):
    copy_project(tmp_path)
    write_big_source(tmp_path, "big", BIG)
    assert finish(quotes(url, "load", "--data", str(tmp_path / "data"), cwd=tmp_path))[0] == 0
    before = listing(url)
    write_big_source(tmp_path, "big", BIG + 500)  # 500 statements more to write
    code, _ = interrupted_load(url, tmp_path, "statements", signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert listing(url) == before


def test_two_concurrent_loads_of_different_files_equal_loading_them_one_after_the_other(
    backend, tmp_path, request
):
    together, apart = new_url(backend, tmp_path, request), new_url(backend, tmp_path, request)
    copy_project(tmp_path)
    first = write_big_source(tmp_path, "first", 800)
    second = write_big_source(tmp_path, "second", 800)
    data = str(tmp_path / "data")
    loads = [
        quotes(together, "load", str(path), "--data", data, cwd=tmp_path)
        for path in (first, second)
    ]
    results = [finish(process) for process in loads]
    assert [code for code, _ in results] == [0, 0], results
    for path in (first, second):
        assert finish(quotes(apart, "load", str(path), "--data", data, cwd=tmp_path))[0] == 0
    assert listing(together) == listing(apart)
    assert listing(together).count("\n") == 1600


@pytest.fixture
def loaded_url(url, tmp_path) -> str:
    assert run(url, "load", "--data", str(copy_project(tmp_path))).exit_code == 0
    return url


def test_a_second_writer_waits_a_bounded_time_then_says_another_load_is_running(
    loaded_url, tmp_path
):
    before = dump(loaded_url)
    holder = db.make_engine(loaded_url, writer=True)
    with holder.begin():  # holds the write lock, as a running load does
        started = time.monotonic()
        result = run(loaded_url, "load", "--data", str(tmp_path / "data"), "--wait", "0.5")
        waited = time.monotonic() - started
    holder.dispose()
    assert result.exit_code == 1
    assert "Another `quotes load` is writing to" in result.output
    assert "waited 0.5 s for it. Nothing was written" in result.output
    assert waited >= 0.5
    assert dump(loaded_url) == before


def test_a_writer_that_waits_reads_what_the_first_wrote(loaded_url, tmp_path):
    """The second writer compares the files with the state the first one committed, not
    with what the database held when the second one started."""
    data = str(tmp_path / "data")
    holder = db.make_engine(loaded_url, writer=True)
    results = {}
    with holder.begin() as connection:
        waiting = threading.Thread(
            target=lambda: results.setdefault("load", run(loaded_url, "load", "--data", data))
        )
        waiting.start()
        time.sleep(0.5)
        # What the first writer commits while the second waits: one statement changed.
        connection.execute(
            text("UPDATE statement SET cue = 'tampered' WHERE key = 'saleh-stunning-experience'")
        )
    waiting.join(60)
    holder.dispose()
    result = results["load"]
    assert result.exit_code == 0, result.output
    assert "statements: 0 added, 1 updated, 0 removed, 21 unchanged" in result.output
    shown = run(loaded_url, "show", "russia-falling-out-with-kabul/saleh-stunning-experience")
    assert "cue “sarcastically stating”" in shown.output


def test_a_failed_load_keeps_full_text_search(tmp_path, monkeypatch):
    """The SQLite FTS trigger that a bulk load drops for speed comes back with the rollback
    (PostgreSQL indexes by expression: it has no trigger to lose)."""
    loaded_url = f"sqlite:///{tmp_path / 'q.db'}"
    data = copy_project(tmp_path)
    assert run(loaded_url, "load", "--data", str(data)).exit_code == 0
    write_big_source(tmp_path, "extra", 3)
    import quotes.ingest.rows

    real = quotes.ingest.rows.bulk_insert

    def failing(session, model, columns, rows):
        if model.__tablename__ == "stance":
            raise RuntimeError("the disk went away")
        return real(session, model, columns, rows)

    monkeypatch.setattr(quotes.ingest.rows, "bulk_insert", failing)
    with pytest.raises(RuntimeError, match="the disk went away"):
        run(loaded_url, "load", "--data", str(data))
    monkeypatch.setattr(quotes.ingest.rows, "bulk_insert", real)
    engine = db.make_engine(loaded_url)
    with engine.connect() as connection:
        triggers = (
            connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert triggers == [
        "statement_fts_delete",
        "statement_fts_insert",
        "statement_fts_update",
        "statement_fts_words_insert",
    ]
    assert run(loaded_url, "load", "--data", str(data)).exit_code == 0
    found = run(loaded_url, "list", "--search", "extra-2 settled", "--nl")
    assert found.output.count("\n") == 1
    assert '"key": "extra/item-2"' in found.output
