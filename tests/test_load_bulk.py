"""A large load builds the secondary indexes (and on PostgreSQL checks the foreign keys)
after its inserts (quotes.ingest.statements' Indexing): the database it leaves must be the
one a row-by-row load leaves, and a failure part-way must leave the database, indexes,
constraints and triggers included, as it was."""

import pytest
from sqlalchemy import text

import quotes.ingest.rows
from quotes import db
from quotes.ingest import statements
from tests.bigsource import write_big_source
from tests.helpers import SEED, copy_project, dump, edit, run

BIG = 300  # statements of the generated source, besides the seed's 22


def schema(url: str) -> list[tuple]:
    """Every index, trigger and constraint of the database, with its definition."""
    engine = db.make_engine(url)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            sql = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
        else:
            sql = (
                "SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                "UNION ALL SELECT 'constraint', conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
            )
        found = sorted(connection.execute(text(sql)).all(), key=repr)
    engine.dispose()
    assert found
    return found


def rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, but for when each load ran."""
    found = dump(url)
    found["load"] = [row[:1] + row[2:] for row in found["load"]]
    return found


@pytest.fixture
def project(tmp_path):
    data = copy_project(tmp_path)
    write_big_source(tmp_path, "big", BIG)
    return data


@pytest.fixture
def deferring(monkeypatch):
    """Whether loads defer the indexes, forced one way or the other; records each load's
    choice in ``deferred`` (True when it dropped and rebuilt the secondary indexes)."""
    seen = []
    real = statements.Indexing.restore

    def restore(self):
        seen.append(bool(self.deferred))
        return real(self)

    monkeypatch.setattr(statements.Indexing, "restore", restore)

    def force(large: bool | None) -> list[bool]:
        """Loads from now on defer (True) or not (False), or choose (None)."""
        if large is not None:
            monkeypatch.setattr(statements.Indexing, "_large", lambda self: large)
        seen.clear()
        return seen

    return force


def _load(url: str, data) -> None:
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output


def test_a_bulk_load_leaves_what_a_row_by_row_load_leaves(blank_url, project, deferring, request):
    if blank_url.startswith("sqlite"):
        other = f"sqlite:///{project.parent / 'row-by-row.db'}"
    else:
        other = request.getfixturevalue("pg_server").create_database("row_by_row")
    engine = db.make_engine(blank_url)
    db.upgrade(engine)
    engine.dispose()
    migrated = schema(blank_url)
    _load_each_way(blank_url, other, project, deferring)
    assert schema(blank_url) == migrated
    found = [
        run(url, "list", "--search", "settled Moscow", "--nl").output for url in (blank_url, other)
    ]
    assert found[0] == found[1]
    assert found[0].count("\n") == BIG

    # Then an edit, a removal and a new source, loaded each way into each database.
    edit(
        project / "sources" / f"{SEED}.yaml",
        "      afghan-opposition: critical\n    claims:\n      talks-without-kabul",
        "      afghan-opposition: mixed\n    claims:\n      talks-without-kabul",
    )
    (project / "sources" / "big.yaml").unlink()
    write_big_source(project.parent, "more", 40)
    _load_each_way(blank_url, other, project, deferring)
    assert schema(blank_url) == migrated


def _load_each_way(bulk: str, row_by_row: str, data, deferring) -> None:
    """Load ``data`` into one database deferring the indexes, into the other not: the same
    rows and schema must come out."""
    seen = deferring(True)
    _load(bulk, data)
    assert seen == [True]
    seen = deferring(False)
    _load(row_by_row, data)
    assert seen == [False]
    assert rows(bulk) == rows(row_by_row)
    assert schema(bulk) == schema(row_by_row)


def _has_index(session, name: str) -> bool:
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        sql = "SELECT count(*) FROM sqlite_master WHERE name = ?"
    else:
        sql = "SELECT count(*) FROM pg_indexes WHERE indexname = %s"
    return bool(connection.exec_driver_sql(sql, (name,)).scalar())


@pytest.mark.parametrize("large", [True, False], ids=["bulk", "row-by-row"])
def test_a_load_failing_part_way_leaves_the_database_and_its_indexes_as_they_were(
    blank_url, tmp_path, project, deferring, monkeypatch, large
):
    _load(blank_url, copy_project(tmp_path / "seed-only"))
    before, indexes = dump(blank_url), schema(blank_url)
    deferring(large)
    real = quotes.ingest.rows.bulk_insert
    had_index = []

    def failing(session, model, columns, values):
        if model.__tablename__ == "stance":
            had_index.append(_has_index(session, "ix_statement_said"))
            raise RuntimeError("the disk went away")
        return real(session, model, columns, values)

    monkeypatch.setattr(quotes.ingest.rows, "bulk_insert", failing)
    with pytest.raises(RuntimeError, match="the disk went away"):
        run(blank_url, "load", "--data", str(project))
    assert had_index == [not large]  # the statements went in with the index dropped, or not
    assert dump(blank_url) == before
    assert schema(blank_url) == indexes
    monkeypatch.setattr(quotes.ingest.rows, "bulk_insert", real)
    _load(blank_url, project)
    assert run(blank_url, "list", "--search", "settled Moscow", "--nl").output.count("\n") == BIG


def test_only_a_load_large_next_to_the_database_defers_the_indexes(
    blank_url, project, deferring, monkeypatch
):
    """The first load of BIG statements defers them; adding 40 to those does not."""
    monkeypatch.setattr(statements, "BULK_ROWS", 100)
    seen = deferring(None)
    _load(blank_url, project)
    write_big_source(project.parent, "more", 40)
    _load(blank_url, project)
    assert seen == [True, False]
