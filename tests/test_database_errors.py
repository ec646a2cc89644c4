"""Bad database URLs and unusable databases: one message, an exit status, the database as it was."""

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from quotes import db
from tests.bigsource import write_big_source
from tests.helpers import copy_project, dump, run

COMMANDS = [["list"], ["said", "saleh"], ["load"], ["check"], ["db", "current"], ["db", "upgrade"]]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "'not a url' is not a database URL. Use a SQLite file"),
        ("postgresql+nosuch://me@host/x", "names a database driver that is not installed"),
        ("foo://host/x", "quotes runs on SQLite and PostgreSQL, not foo"),
        ("mysql://me@host/x", "quotes runs on SQLite and PostgreSQL, not mysql"),
    ],
    ids=["malformed", "unknown-driver", "unknown-backend", "other-database"],
)
def test_a_bad_url_is_a_usage_error_on_every_command(tmp_path, args, url, message):
    data = copy_project(tmp_path)
    extra = ["--data", str(data)] if args[0] in ("load", "check") else []
    result = run(url, *args, *extra)
    assert result.exit_code == 2
    assert "Invalid value for '--db' / $QUOTES_DATABASE_URL" in result.output
    assert message in result.output


def test_a_folder_for_a_sqlite_database_is_a_usage_error(tmp_path):
    result = run(f"sqlite:///{tmp_path}", "list")
    assert result.exit_code == 2
    assert f"{tmp_path} is a folder; the SQLite URL must name a file in it." in result.output


@pytest.mark.parametrize("args", [["list"], ["load"], ["db", "current"]], ids=" ".join)
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path, args):
    target = tmp_path / "notes.txt"
    target.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    data = copy_project(tmp_path)
    extra = ["--data", str(data)] if args[0] == "load" else []
    result = run(f"sqlite:///{target}", *args, *extra)
    assert result.exit_code == 1
    assert "is not a quotes database, or is damaged (file is not a database)" in result.output
    assert target.read_text(encoding="utf-8") == "my notes, not a database\n" * 100


def test_check_still_checks_the_files_when_the_database_cannot_be_reached(tmp_path, pg_server):
    url = f"postgresql+psycopg://quotes@127.0.0.1:{pg_server.port + 1}/nowhere"
    result = run(url, "check", "--data", str(copy_project(tmp_path)))
    assert result.exit_code == 0
    assert "note: anchors not compared with the database: Cannot reach the database" in (
        result.output
    )
    assert "ok: 1 source(s), 22 statement(s) anchored" in result.output


def test_an_unreachable_server_is_one_message(pg_server):
    url = f"postgresql+psycopg://quotes@127.0.0.1:{pg_server.port + 1}/nowhere"
    result = run(url, "list")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: Cannot reach the database at {url} (connection failed:"
    )


@pytest.fixture
def loaded(seeded_url_fresh) -> str:
    return seeded_url_fresh


@pytest.fixture(params=["sqlite", "postgresql"])
def seeded_url_fresh(request, tmp_path) -> str:
    """A database loaded with the seed, this test's own (it will be changed)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'q.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database(f"errors_{tmp_path.name}")
    assert run(url, "load", "--data", str(copy_project(tmp_path))).exit_code == 0
    return url


def _set_revision(url: str, revision: str) -> None:
    engine = db.make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


@pytest.mark.parametrize(
    "args", [["list"], ["load"], ["db", "upgrade"], ["db", "downgrade", "0002"]], ids=" ".join
)
def test_a_database_from_a_newer_quotes_is_named_as_such_and_left_alone(loaded, tmp_path, args):
    _set_revision(loaded, "0099")
    before = dump(loaded)
    extra = ["--data", str(tmp_path / "data")] if args[0] == "load" else []
    result = run(loaded, *args, *extra)
    assert result.exit_code == 1
    assert "0099" in result.output
    assert "newer than this version of quotes" in result.output
    assert "Run `quotes db upgrade`" not in result.output
    assert dump(loaded) == before


def test_db_current_names_a_newer_revision(loaded):
    _set_revision(loaded, "0099")
    result = run(loaded, "db", "current")
    assert result.exit_code == 0
    assert result.output == (
        f"0099 (newer than this version of quotes, whose newest is {db.HEAD}: upgrade quotes)\n"
    )


def test_downgrade_that_drops_data_needs_force_and_says_what(loaded):
    before = dump(loaded)
    refused = run(loaded, "db", "downgrade", "base")
    assert refused.exit_code == 1
    assert "Going down to base would destroy data in" in refused.output
    assert "undoing 0001: every table and all its rows: the whole loaded record" in refused.output
    assert "undoing 0002: the statement.paragraph column" in refused.output
    assert "Run again with --force" in refused.output
    assert dump(loaded) == before
    forced = run(loaded, "db", "downgrade", "base", "--force")
    assert forced.exit_code == 0
    engine = db.make_engine(loaded)
    assert db.current_revision(engine) is None
    engine.dispose()


def test_a_downgrade_that_only_drops_indexes_needs_no_force(loaded):
    # 0006 adds full-text indexes only (0003, which did too, now lies below 0005's columns).
    result = run(loaded, "db", "downgrade", "0005")
    assert result.exit_code == 0
    assert result.output.endswith("is at revision 0005\n")


@pytest.mark.parametrize("revision", ["", "0099", "head"])
def test_downgrade_to_something_that_is_not_a_revision_is_a_usage_error(loaded, revision):
    before = dump(loaded)
    result = run(loaded, "db", "downgrade", revision)
    assert result.exit_code == 2
    assert f"{revision!r} is not a known revision; use one of: base, 0001" in result.output
    assert dump(loaded) == before


# -- media that cannot be written: a tmpfs mounted read-only, or one too small ----------------


@pytest.fixture
def tmpfs(tmp_path):
    """Mount a small tmpfs of our own (the tests run as root: permissions alone stop nothing)."""
    mounted = []

    def mount(size: str) -> Path:
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True
        )
        mounted.append(where)
        return where

    yield mount
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_database_on_a_read_only_medium_can_be_read_not_loaded(tmp_path, tmpfs):
    data = copy_project(tmp_path)
    original = tmp_path / "q.db"
    assert run(f"sqlite:///{original}", "load", "--data", str(data)).exit_code == 0
    medium = tmpfs("8m")
    shutil.copy(original, medium / "q.db")
    subprocess.run(["mount", "-o", "remount,ro", str(medium)], check=True)
    url = f"sqlite:///{medium / 'q.db'}"
    before = (medium / "q.db").read_bytes()
    said = run(url, "said", "saleh", "--csv")
    assert said.exit_code == 0
    assert said.output.count("\n") == 4  # a header and Saleh's three statements
    loaded = run(url, "load", "--data", str(data))
    assert loaded.exit_code == 1
    assert "is on a read-only medium or in a folder you cannot write" in loaded.output
    assert (medium / "q.db").read_bytes() == before


def test_a_full_disk_fails_the_load_with_one_message_and_keeps_the_last_good_state(tmp_path, tmpfs):
    project = tmp_path / "project"
    data = copy_project(project)
    disk = tmpfs("640k")
    url = f"sqlite:///{disk / 'q.db'}"
    assert run(url, "load", "--data", str(data)).exit_code == 0
    before = dump(url)
    write_big_source(project, "big", 3000)  # more than the disk holds
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 1
    assert result.output.startswith("Error: The disk is full: nothing was written to")
    assert dump(url) == before


def test_a_full_temporary_folder_fails_an_export_with_one_message_and_no_file(tmp_path, tmpfs):
    """A whole export in date order from SQLite sorts its rows in SQLite's temporary folder:
    when that fills, one line says where the space ran out, and no half file is left."""
    import os
    import sys

    project = tmp_path / "project"
    data = copy_project(project)
    write_big_source(project, "big", 6000)  # rows more than SQLite sorts in memory (2 MB)
    url = f"sqlite:///{project / 'q.db'}"
    assert run(url, "load", "--data", str(data)).exit_code == 0
    target = tmp_path / "out" / "all.csv"
    target.parent.mkdir()
    # In a process of its own: SQLite reads SQLITE_TMPDIR once, when it starts.
    result = subprocess.run(
        [sys.executable, "-m", "quotes", "--db", url, "export", "-o", str(target)],
        env={**os.environ, "SQLITE_TMPDIR": str(tmpfs("64k"))},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: The disk is full"), result.stderr
    assert "SQLITE_TMPDIR" in result.stderr
    assert list(target.parent.iterdir()) == []
