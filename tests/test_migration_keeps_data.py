"""Migrations keep data: the seed loaded by the previous version of quotes (the code as it
was before the newest migration, taken from git), then upgraded by this one, still has every
statement, stance and claim position it had, on SQLite and PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import inspect, select
from sqlmodel import SQLModel

import quotes.models  # noqa: F401  (the tables, in SQLModel.metadata)
from quotes import db
from quotes.config import REVISIONS
from tests.helpers import run

PROJECT = Path(__file__).resolve().parent.parent


def _previous_version(into: Path) -> Path:
    """The project as it was just before the newest migration was added: its files."""
    newest = next((PROJECT / "alembic" / "versions").glob(f"*_{REVISIONS[-1]}_*.py"))
    added = subprocess.run(
        ["git", "-C", str(PROJECT), "log", "--diff-filter=A", "--format=%H", "--", str(newest)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    archive = subprocess.run(
        ["git", "-C", str(PROJECT), "archive", f"{added}^"], capture_output=True, check=True
    ).stdout
    into.mkdir()
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def _rows(engine, columns_of: dict[str, list[str]]) -> dict[str, list[tuple]]:
    tables = {t.name: t for t in SQLModel.metadata.sorted_tables}
    with engine.connect() as connection:
        return {
            name: sorted(
                connection.execute(select(*(tables[name].c[c] for c in columns))).all(), key=repr
            )
            for name, columns in columns_of.items()
        }


def test_the_seed_loaded_before_the_newest_migration_survives_it(tmp_path, blank_url):
    old = _previous_version(tmp_path / "previous")
    env = {**os.environ, "PYTHONPATH": str(old), "QUOTES_DATABASE_URL": blank_url}
    loaded = subprocess.run(
        [sys.executable, "-m", "quotes", "load", "--data", str(old / "data")],
        cwd=old,
        env=env,
        capture_output=True,
        text=True,
    )
    assert loaded.returncode == 0, loaded.stderr
    engine = db.make_engine(blank_url)
    assert db.current_revision(engine) == REVISIONS[-2]
    present = inspect(engine)
    columns_of = {
        table: [c["name"] for c in present.get_columns(table)]
        for table in ("statement", "stance", "claimposition", "speaker", "source", "party")
    }
    before = _rows(engine, columns_of)
    assert len(before["statement"]) == 22  # the seed's 22 curated statements
    assert len(before["stance"]) > 22 and len(before["claimposition"]) > 0
    db.upgrade(engine)
    assert db.current_revision(engine) == REVISIONS[-1]
    assert _rows(engine, columns_of) == before
    engine.dispose()
    # What the migration derived (0007: the stance and claim cells) is what the loader writes:
    # loading the same files again changes nothing.
    again = run(blank_url, "load", "--data", str(old / "data"))
    assert again.exit_code == 0, again.output
    assert "statements: 0 added, 0 updated, 0 removed, 22 unchanged" in again.output
