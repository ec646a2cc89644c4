"""statement paragraph and full-text search

The full-text index is the database's own: an FTS5 table kept in step by triggers on SQLite,
a GIN expression index on PostgreSQL. Neither is in the models (they cannot express it), so
migrations' comparisons skip names starting with ``statement_fts`` (quotes.db.include_object).

On SQLite, a later migration that makes batch mode rebuild the ``statement`` table drops
these triggers: such a migration must create them again (``create_sqlite_fts``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 15:03:56.153664
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# What `quotes db downgrade` warns of before going below this revision (None: nothing).
DOWNGRADE_LOSES = (
    "the statement.paragraph column (each statement's paragraph number) and the full-text index"
)

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE statement_fts USING fts5(text, content='statement', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER statement_fts_insert AFTER INSERT ON statement BEGIN "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "END",
    "CREATE TRIGGER statement_fts_update AFTER UPDATE OF text ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    # The data migration: index the statements already there.
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]
# Curly quotation marks become spaces first: PostgreSQL's parser takes them for letters
# under a C locale, which would index “scorpion as one word. quotes.query repeats this
# expression exactly, so that the planner uses the index.
POSTGRESQL_FTS = [
    "CREATE INDEX statement_fts ON statement USING gin "
    "(to_tsvector('english'::regconfig, translate(text, '“”‘’«»„', '       ')))",
]


def create_sqlite_fts() -> None:
    for sql in SQLITE_FTS:
        op.execute(sql)


def upgrade() -> None:
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paragraph", sa.Integer(), nullable=True))
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        create_sqlite_fts()
    elif dialect == "postgresql":
        for sql in POSTGRESQL_FTS:
            op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER statement_fts_{name}")
        op.execute("DROP TABLE statement_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX statement_fts")
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_column("paragraph")
