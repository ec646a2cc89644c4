"""one record across sources: utterances, scoped speakers, role at the time, language, provenance

Statements gain the reports of one utterance (``same_as``, ``utterance_id``, ``reports``),
the role held and party spoken for at the time (``role_named``, ``role_id``, ``party_id``)
and an English ``translation``; sources gain their ``language``, an ``accessed`` date and
their provenance (``curated_by``, ``reviewed``, the ``load`` that wrote them); unnamed
speakers belong to a source (``speaker.source_id``); Wikidata ids are unique.

The rows already there keep their meaning: each statement is its own utterance, reported
once, and speaks for its speaker's party (the next `quotes load` ties it to its role).
No table is rebuilt on SQLite: with foreign keys on, dropping a table that others refer to
would delete their rows (ON DELETE CASCADE) or fail (RESTRICT). Columns are added with
ALTER TABLE (SQLite takes a REFERENCES clause on a column added with a NULL default), and
uniqueness is a unique index on both databases. Going down, the columns are dropped the
same way where SQLite allows it; `quotes db downgrade` runs with foreign keys off for the
rest (quotes.db.downgrade), and checks them before it commits.

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


def _fk(name: str, target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, name=name, ondelete="SET NULL")


COLUMNS = {
    "party": [sa.Column("wikidata", sqlmodel.AutoString(length=16), nullable=True)],
    "source": [
        sa.Column("language", sqlmodel.AutoString(length=35), server_default="en", nullable=False),
        sa.Column("accessed", sqlmodel.AutoString(), nullable=True),
        sa.Column("curated_by", sqlmodel.AutoString(), nullable=True),
        sa.Column("reviewed", sa.Date(), nullable=True),
        sa.Column("load_id", sa.Integer(), _fk("fk_source_load_id_load", "load.id"), nullable=True),
    ],
    "speaker": [
        sa.Column(
            "source_id",
            sa.Integer(),
            _fk("fk_speaker_source_id_source", "source.id"),
            nullable=True,
        )
    ],
    "statement": [
        sa.Column("translation", sqlmodel.AutoString(), nullable=True),
        sa.Column("same_as", sqlmodel.AutoString(), nullable=True),
        sa.Column(
            "utterance_id",
            sa.Integer(),
            _fk("fk_statement_utterance_id_statement", "statement.id"),
            nullable=True,
        ),
        sa.Column("reports", sa.Integer(), server_default="1", nullable=False),
        sa.Column("role_named", sqlmodel.AutoString(), nullable=True),
        sa.Column(
            "role_id", sa.Integer(), _fk("fk_statement_role_id_role", "role.id"), nullable=True
        ),
        sa.Column(
            "party_id", sa.Integer(), _fk("fk_statement_party_id_party", "party.id"), nullable=True
        ),
    ],
}
INDEXES = [
    ("uq_party_wikidata", "party", ["wikidata"], True),
    ("uq_speaker_wikidata", "speaker", ["wikidata"], True),
    ("ix_speaker_source_id", "speaker", ["source_id"], False),
    ("ix_statement_party_id", "statement", ["party_id"], False),
    ("ix_statement_utterance_id", "statement", ["utterance_id"], False),
]


def _add_column(table: str, column: sa.Column) -> None:
    """ALTER TABLE ADD COLUMN, its foreign key included: alembic would add that constraint
    apart, which SQLite cannot, so SQLite is given the whole column in its own words."""
    if op.get_bind().dialect.name != "sqlite" or not column.foreign_keys:
        op.add_column(table, column)
        return
    fk = next(iter(column.foreign_keys))
    target, _, key = fk.target_fullname.partition(".")
    op.execute(
        f'ALTER TABLE {table} ADD COLUMN "{column.name}" INTEGER CONSTRAINT {fk.name} '
        f'REFERENCES "{target}" ({key}) ON DELETE SET NULL'
    )


def upgrade() -> None:
    op.create_table(
        "load",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("git_commit", sqlmodel.AutoString(length=40), nullable=True),
        sa.Column("git_dirty", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_load")),
    )
    for table, columns in COLUMNS.items():
        for column in columns:
            _add_column(table, column)
    for name, table, columns, unique in INDEXES:
        op.create_index(name, table, columns, unique=unique)
    # The rows already there: each statement its own utterance (utterance_id NULL), for its
    # speaker's party.
    op.execute(
        "UPDATE statement SET party_id = "
        "(SELECT sp.party_id FROM speaker sp WHERE sp.id = statement.speaker_id)"
    )


def downgrade() -> None:
    for name, table, _, _ in INDEXES:
        op.drop_index(name, table_name=table)
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, columns in reversed(COLUMNS.items()):
        plain = [c.name for c in columns if not c.foreign_keys]
        keyed = [c for c in columns if c.foreign_keys]
        for name in plain:
            op.drop_column(table, name)
        if not keyed:
            continue
        if sqlite:
            # SQLite drops no column a foreign key is declared on: the table is rebuilt.
            with op.batch_alter_table(table) as batch_op:
                for column in keyed:
                    batch_op.drop_column(column.name)
        else:
            for column in keyed:
                fk = next(iter(column.foreign_keys))
                op.drop_constraint(fk.name, table, type_="foreignkey")
                op.drop_column(table, column.name)
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
