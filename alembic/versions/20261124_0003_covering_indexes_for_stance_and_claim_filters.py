"""covering indexes for stance and claim filters

"Critical of X" and "--claim K" become IN (SELECT statement_id ...) lists answered from an
index alone; the index on statement.source_id repeated the first column of
uq_statement_source_id_key and only slowed loading. Plain CREATE/DROP INDEX: no batch mode,
which on SQLite would rebuild the statement table and lose its full-text triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 15:52:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# What `quotes db downgrade` warns of before going below this revision (None: nothing).
DOWNGRADE_LOSES = None  # indexes only: rebuilt from the rows


def upgrade() -> None:
    op.drop_index("ix_stance_party_polarity", table_name="stance")
    op.create_index(
        "ix_stance_party_polarity_statement", "stance", ["party_id", "polarity", "statement_id"]
    )
    op.drop_index("ix_claimposition_claim_position", table_name="claimposition")
    op.create_index(
        "ix_claimposition_claim_position_statement",
        "claimposition",
        ["claim_id", "position", "statement_id"],
    )
    op.drop_index("ix_statement_source_id", table_name="statement")


def downgrade() -> None:
    op.create_index("ix_statement_source_id", "statement", ["source_id"])
    op.drop_index("ix_claimposition_claim_position_statement", table_name="claimposition")
    op.create_index("ix_claimposition_claim_position", "claimposition", ["claim_id", "position"])
    op.drop_index("ix_stance_party_polarity_statement", table_name="stance")
    op.create_index("ix_stance_party_polarity", "stance", ["party_id", "polarity"])
