"""Shared test helpers: a copy of the curated project, database dumps, running the CLI."""

import shutil
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine, inspect, select
from sqlmodel import SQLModel

from quotes.cli import cli
from quotes.db import make_engine

PROJECT = Path(__file__).resolve().parent.parent
SEED = "russia-falling-out-with-kabul"


def copy_project(into: Path) -> Path:
    """A copy of data/ (without any database) and seeds/ under ``into``; returns its data folder."""
    shutil.copytree(PROJECT / "data", into / "data", ignore=shutil.ignore_patterns("*.db*"))
    shutil.copytree(PROJECT / "seeds", into / "seeds")
    return into / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line where ``fragment`` occurs (its ``occurrence``-th time) in ``path``."""
    hits = [
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if fragment in line
    ]
    return hits[occurrence - 1]


def run(url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


def dump(url_or_engine) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: equal dumps mean an unchanged database.
    A database at an older revision is dumped as it is: its tables, with their columns."""
    engine = url_or_engine if isinstance(url_or_engine, Engine) else make_engine(url_or_engine)
    with engine.connect() as connection:
        present = inspect(connection)
        rows = {}
        for table in SQLModel.metadata.sorted_tables:
            if not present.has_table(table.name):
                continue
            have = {c["name"] for c in present.get_columns(table.name)}
            columns = [c for c in table.columns if c.name in have]
            rows[table.name] = sorted(connection.execute(select(*columns)).all(), key=repr)
    if engine is not url_or_engine:
        engine.dispose()
    return rows
