"""one record across sources: utterances, scoped speakers, role at the time, language, provenance

Statements gain the reports of one utterance (``same_as``, ``utterance_id``, ``reports``),
the role held and party spoken for at the time (``role_named``, ``role_id``, ``party_id``)
and an English ``translation``; sources gain their ``language``, an ``accessed`` date and
their provenance (``curated_by``, ``reviewed``, the ``load`` that wrote them); unnamed
speakers belong to a source (``speaker.source_id``); Wikidata ids are unique.

The rows already there keep their meaning: each statement is its own utterance, reported
once, and speaks for its speaker's party (the next `quotes load` ties it to its role).
On SQLite, batch mode rebuilds the statement table, which drops the full-text triggers:
they are created again, as migration 0002 made them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:17:13.796381
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# What `quotes db downgrade` warns of before going below this revision (None: nothing).
# Say it: a downgrade that drops a column or a table drops its data.
DOWNGRADE_LOSES = (
    "the links between reports of one utterance, unnamed speakers' sources, the role and party "
    "at the time, translations, sources' language, access dates and provenance, the load log, "
    "and Wikidata ids of parties"
)


def upgrade() -> None:
    op.create_table(
        "load",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("git_commit", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("git_dirty", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_load")),
    )
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("wikidata", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
        batch_op.create_unique_constraint(batch_op.f("uq_party_wikidata"), ["wikidata"])

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "language",
                sqlmodel.sql.sqltypes.AutoString(length=35),
                server_default="en",
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column("accessed", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("curated_by", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(sa.Column("reviewed", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("load_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_source_load_id_load"), "load", ["load_id"], ["id"], ondelete="SET NULL"
        )

    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_id", sa.Integer(), nullable=True))
        batch_op.alter_column(
            "key",
            existing_type=sa.VARCHAR(length=120),
            type_=sqlmodel.sql.sqltypes.AutoString(length=250),
            existing_nullable=False,
        )
        batch_op.create_index(batch_op.f("ix_speaker_source_id"), ["source_id"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_speaker_wikidata"), ["wikidata"])
        batch_op.create_foreign_key(
            batch_op.f("fk_speaker_source_id_source"),
            "source",
            ["source_id"],
            ["id"],
            ondelete="CASCADE",
        )

    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("translation", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(sa.Column("same_as", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column("utterance_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reports", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(
            sa.Column("role_named", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(sa.Column("role_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("party_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_statement_party_id"), ["party_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_statement_utterance_id"), ["utterance_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_statement_party_id_party"),
            "party",
            ["party_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_statement_utterance_id_statement"),
            "statement",
            ["utterance_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_statement_role_id_role"),
            "role",
            ["role_id"],
            ["id"],
            ondelete="SET NULL",
        )

    op.execute("UPDATE statement SET utterance_id = id")
    op.execute(
        "UPDATE statement SET party_id = "
        "(SELECT sp.party_id FROM speaker sp WHERE sp.id = statement.speaker_id)"
    )
    _recreate_sqlite_fts_triggers()


def downgrade() -> None:
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_statement_role_id_role"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_statement_utterance_id_statement"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_statement_party_id_party"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_statement_utterance_id"))
        batch_op.drop_index(batch_op.f("ix_statement_party_id"))
        batch_op.drop_column("party_id")
        batch_op.drop_column("role_id")
        batch_op.drop_column("role_named")
        batch_op.drop_column("reports")
        batch_op.drop_column("utterance_id")
        batch_op.drop_column("same_as")
        batch_op.drop_column("translation")

    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_speaker_source_id_source"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_speaker_wikidata"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_speaker_source_id"))
        batch_op.alter_column(
            "key",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=250),
            type_=sa.VARCHAR(length=120),
            existing_nullable=False,
        )
        batch_op.drop_column("source_id")

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_source_load_id_load"), type_="foreignkey")
        batch_op.drop_column("load_id")
        batch_op.drop_column("reviewed")
        batch_op.drop_column("curated_by")
        batch_op.drop_column("accessed")
        batch_op.drop_column("language")

    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_party_wikidata"), type_="unique")
        batch_op.drop_column("wikidata")

    op.drop_table("load")
    _recreate_sqlite_fts_triggers()


# As migration 0002 created them (a rebuilt table loses its triggers).
SQLITE_FTS_TRIGGERS = [
    "CREATE TRIGGER statement_fts_insert AFTER INSERT ON statement BEGIN "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "END",
    "CREATE TRIGGER statement_fts_update AFTER UPDATE OF text ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
]


def _recreate_sqlite_fts_triggers() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS statement_fts_{name}")
    for sql in SQLITE_FTS_TRIGGERS:
        op.execute(sql)
