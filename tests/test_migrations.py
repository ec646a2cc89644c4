"""The migrations build exactly the models' schema, and go down and up again."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

from quotes import db


def test_one_head():
    heads = ScriptDirectory.from_config(db.alembic_config()).get_heads()
    assert len(heads) == 1


def test_upgraded_database_matches_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": db.include_object}
        )
        differences = compare_metadata(context, SQLModel.metadata)
        if connection.dialect.name == "sqlite":
            differences = _without_added_column_keys(connection, differences)
        assert differences == []


def _without_added_column_keys(connection, differences: list) -> list:
    """SQLite cannot add a named table constraint to a table; migration 0005 adds columns with
    their REFERENCES clause (no table rebuild), and SQLAlchemy reflects those keys without
    their name or ON DELETE. Each such pair of differences is dropped only when SQLite's own
    list of the table's keys has the key the model declares, ON DELETE action included."""
    removed = {
        (d[1].table.name, tuple(d[1].column_keys)): d
        for d in differences
        if d[0] == "remove_fk" and d[1].name is None
    }
    kept, matched = [], []
    for difference in differences:
        if difference[0] != "add_fk":
            kept.append(difference)
            continue
        key = difference[1]
        table, columns = key.table.name, tuple(key.column_keys)
        listed = {
            (row[3], row[2], row[6])
            for row in connection.exec_driver_sql(f"PRAGMA foreign_key_list({table})")
        }
        wanted = (columns[0], key.referred_table.name, key.ondelete)
        if len(columns) == 1 and (table, columns) in removed and wanted in listed:
            matched.append(removed[(table, columns)])
        else:
            kept.append(difference)
    return [d for d in kept if not any(d is m for m in matched)]


def test_upgrade_downgrade_upgrade(blank_url):
    engine = db.make_engine(blank_url)
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    assert "statement" in inspect(engine).get_table_names()
    db.downgrade(engine, "base")
    assert db.current_revision(engine) is None
    assert inspect(engine).get_table_names() == ["alembic_version"]
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()


def test_the_head_commands_expect_is_alembics_head():
    assert db.HEAD == db.head_revision()


def test_the_revisions_commands_know_are_alembics_in_order():
    scripts = ScriptDirectory.from_config(db.alembic_config())
    in_order = [script.revision for script in scripts.walk_revisions("base", "heads")][::-1]
    assert list(db.REVISIONS) == in_order
