"""full-text search declared as sqlite-utils and Datasette expect

Both tools find a table's FTS index by the text of its declaration: they look for
``content="statement"`` or ``content=[statement]``, and migration 0002 wrote
``content='statement'``. So `sqlite-utils search` and Datasette's search box refused our
database. The virtual table is declared again with the quoting they recognise and rebuilt
from the statements (the triggers keep it in step, as before). PostgreSQL: nothing to do.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# What `quotes db downgrade` warns of before going below this revision (None: nothing).
DOWNGRADE_LOSES = None  # the full-text index is declared again and rebuilt from the rows

OPTIONS = "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'"


def _declare(content: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE statement_fts")
    op.execute(f"CREATE VIRTUAL TABLE statement_fts USING fts5(text, content={content}, {OPTIONS})")
    op.execute("INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _declare('"statement"')


def downgrade() -> None:
    _declare("'statement'")
