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
        assert compare_metadata(context, SQLModel.metadata) == []


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
