"""a statement's stances and claims as one cell each, beside their rows

Listings and exports show a statement's stances as "party:polarity; ..." and its claims as
"claim:position; ...". Built by a subquery per row, that string cost more than all the rest
of a whole export (PostgreSQL: 14 of 19 s for a million statements). The loader now writes it
with the Stance and ClaimPosition rows (which the filters still read); this revision adds
the two columns and fills them from the rows, keys in code-point order as the loader sorts
them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# What `quotes db downgrade` warns of before going below this revision (None: nothing).
DOWNGRADE_LOSES = None  # copies of the stance and claim rows, which stay

# (column, child table, its value, the registry table it names)
CELLS = [
    ("stances", "stance", "polarity", "party"),
    ("claims", "claimposition", "position", "claim"),
]


def _cell_sql(dialect: str, table: str, value: str, other: str) -> str:
    item = f"o.\"key\" || ':' || t.{value}"
    rows = (
        f"FROM {table} t JOIN {other} o ON o.id = t.{other}_id WHERE t.statement_id = statement.id"
    )
    if dialect == "postgresql":
        return f'(SELECT string_agg({item}, \'; \' ORDER BY o."key" COLLATE "C") {rows})'
    # SQLite's group_concat keeps the order of the rows it is given; its text sorts by bytes.
    return f"(SELECT group_concat(i, '; ') FROM (SELECT {item} AS i {rows} ORDER BY o.\"key\"))"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for column, *_ in CELLS:
        op.add_column("statement", sa.Column(column, sa.String(), nullable=True))
    assignments = ", ".join(f"{column} = {_cell_sql(dialect, *rest)}" for column, *rest in CELLS)
    op.execute(f"UPDATE statement SET {assignments}")


def downgrade() -> None:
    for column, *_ in reversed(CELLS):
        op.drop_column("statement", column)
