"""The database works with the peers' tools as they are: sqlite-utils and Datasette find its
full-text index by the declaration of the virtual table (migration 0004)."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quotes import db
from tests.helpers import copy_project, dump, run

SCORPION = {
    "key": "saleh-scorpion-genes",
    "text": "described the Taliban as having “scorpion genes” and possessing “Bronze Age logic.”",
}


def seed_in_sqlite(folder: Path) -> str:
    """The seed in a SQLite file of the test's own, in ``folder``."""
    url = f"sqlite:///{folder / 'quotes.db'}"
    result = run(url, "load", "--data", str(copy_project(folder)))
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture
def sqlite_seed(tmp_path) -> str:
    return seed_in_sqlite(tmp_path)


def _declared(path: str) -> str:
    with sqlite3.connect(path) as connection:
        (declared,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'statement_fts'"
        ).fetchone()
    return declared


def _matches(path: str, words: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT s.key FROM statement_fts JOIN statement s ON s.id = statement_fts.rowid "
            "WHERE statement_fts MATCH ?",
            (words,),
        ).fetchall()
    return [key for (key,) in rows]


def test_sqlite_utils_search_finds_statements(sqlite_seed):
    path = sqlite_seed.removeprefix("sqlite:///")
    before = dump(sqlite_seed)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "sqlite-utils"), "search", path, "statement"]
        + ["scorpion", "-c", "key", "-c", "text"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [SCORPION]
    # Datasette finds the index the same way: by this text in the declaration.
    assert 'content="statement"' in _declared(path)
    assert dump(sqlite_seed) == before


def test_migration_0004_keeps_the_index_whole_both_ways(sqlite_seed):
    path = sqlite_seed.removeprefix("sqlite:///")
    engine = db.make_engine(sqlite_seed)
    db.downgrade(engine, "0004")  # later migrations' columns are not this test's
    before = dump(engine)
    db.downgrade(engine, "0003")
    assert "content='statement'" in _declared(path)
    assert _matches(path, "scorpion") == ["saleh-scorpion-genes"]
    db.upgrade(engine, "0004")
    assert 'content="statement"' in _declared(path)
    assert _matches(path, "scorpion") == ["saleh-scorpion-genes"]
    assert _matches(path, "stunning") == ["saleh-stunning-experience"]
    assert dump(engine) == before
    engine.dispose()
