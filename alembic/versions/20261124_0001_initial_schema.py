"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 14:47:55.543760
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# What `quotes db downgrade` warns of before going below this revision (None: nothing).
DOWNGRADE_LOSES = "every table and all its rows: the whole loaded record"


def upgrade() -> None:
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_key"), ["key"], unique=True)

    op.create_table(
        "party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "government",
                "state",
                "movement",
                "opposition",
                "organization",
                name="partykind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("existed", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("existed_from", sa.Date(), nullable=True),
        sa.Column("existed_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["party.id"], name=op.f("fk_party_parent_id_party"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party")),
    )
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_key"), ["key"], unique=True)

    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("publication", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("published", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("published_from", sa.Date(), nullable=True),
        sa.Column("published_to", sa.Date(), nullable=True),
        sa.Column("text_path", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
    )
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_key"), ["key"], unique=True)

    op.create_table(
        "partyalias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("norm", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["party.id"],
            name=op.f("fk_partyalias_party_id_party"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partyalias")),
        sa.UniqueConstraint("norm", name=op.f("uq_partyalias_norm")),
    )
    with op.batch_alter_table("partyalias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partyalias_party_id"), ["party_id"], unique=False)

    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "person",
                "body",
                "collective",
                "unnamed",
                name="speakerkind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("wikidata", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["party_id"], ["party.id"], name=op.f("fk_speaker_party_id_party"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker")),
    )
    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speaker_key"), ["key"], unique=True)
        batch_op.create_index(batch_op.f("ix_speaker_party_id"), ["party_id"], unique=False)

    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("start", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("end", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("held_from", sa.Date(), nullable=True),
        sa.Column("held_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["party_id"], ["party.id"], name=op.f("fk_role_party_id_party"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
            name=op.f("fk_role_speaker_id_speaker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role")),
    )
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_role_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "speakeralias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("norm", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
            name=op.f("fk_speakeralias_speaker_id_speaker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakeralias")),
        sa.UniqueConstraint("speaker_id", "norm", name=op.f("uq_speakeralias_speaker_id_norm")),
    )
    with op.batch_alter_table("speakeralias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speakeralias_norm"), ["norm"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_speakeralias_speaker_id"), ["speaker_id"], unique=False
        )

    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("speaker_as_written", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("role_as_written", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "direct",
                "partial",
                "indirect",
                name="statementkind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("prefix", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("suffix", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("cue", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("said", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("said_from", sa.Date(), nullable=True),
        sa.Column("said_to", sa.Date(), nullable=True),
        sa.Column("said_as_written", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column(
            "said_basis",
            sa.Enum(
                "stated",
                "resolved",
                "inferred",
                name="datebasis",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("context", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_statement_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
            name=op.f("fk_statement_speaker_id_speaker"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement")),
        sa.UniqueConstraint("source_id", "key", name=op.f("uq_statement_source_id_key")),
    )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.create_index("ix_statement_said", ["said_from", "said_to"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "claimposition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column(
            "position",
            sa.Enum(
                "asserts",
                "denies",
                "questions",
                name="position",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claimposition_claim_id_claim"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_claimposition_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claimposition")),
        sa.UniqueConstraint(
            "statement_id", "claim_id", name=op.f("uq_claimposition_statement_id_claim_id")
        ),
    )
    with op.batch_alter_table("claimposition", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claimposition_claim_position", ["claim_id", "position"], unique=False
        )

    op.create_table(
        "stance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column(
            "polarity",
            sa.Enum(
                "critical",
                "supportive",
                "neutral",
                "mixed",
                name="polarity",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(
            ["party_id"], ["party.id"], name=op.f("fk_stance_party_id_party"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_stance_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stance")),
        sa.UniqueConstraint(
            "statement_id", "party_id", name=op.f("uq_stance_statement_id_party_id")
        ),
    )
    with op.batch_alter_table("stance", schema=None) as batch_op:
        batch_op.create_index("ix_stance_party_polarity", ["party_id", "polarity"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stance", schema=None) as batch_op:
        batch_op.drop_index("ix_stance_party_polarity")

    op.drop_table("stance")
    with op.batch_alter_table("claimposition", schema=None) as batch_op:
        batch_op.drop_index("ix_claimposition_claim_position")

    op.drop_table("claimposition")
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_statement_source_id"))
        batch_op.drop_index("ix_statement_said")

    op.drop_table("statement")
    with op.batch_alter_table("speakeralias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speakeralias_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_speakeralias_norm"))

    op.drop_table("speakeralias")
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_speaker_id"))

    op.drop_table("role")
    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speaker_party_id"))
        batch_op.drop_index(batch_op.f("ix_speaker_key"))

    op.drop_table("speaker")
    with op.batch_alter_table("partyalias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partyalias_party_id"))

    op.drop_table("partyalias")
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_key"))

    op.drop_table("source")
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_key"))

    op.drop_table("party")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_key"))

    op.drop_table("claim")
