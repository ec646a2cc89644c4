"""The relational model: every table of the database, and nothing else.

Dates that sources give imprecisely are kept three ways: the EDTF text the curator wrote
(``said``), and its lower and upper bounds as ISO dates (``said_from``, ``said_to``), which
is what range queries compare. An open bound is NULL.
"""

from datetime import date, datetime

from sqlalchemy import Column, Index, MetaData, UniqueConstraint
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from quotes.vocabulary import (
    DateBasis,
    PartyKind,
    Polarity,
    Position,
    SpeakerKind,
    StatementKind,
)

# Stable constraint names on SQLite and PostgreSQL alike (alembic's naming.rst).
SQLModel.metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _vocabulary(enum, *, nullable: bool = False) -> Column:
    """A closed vocabulary: VARCHAR plus a CHECK constraint, the same on every backend."""
    return Column(
        SAEnum(
            enum,
            name=enum.__name__.lower(),
            native_enum=False,
            create_constraint=True,
            length=16,
            values_callable=lambda members: [m.value for m in members],
        ),
        nullable=nullable,
    )


def _key():
    return Field(max_length=120, unique=True, index=True)


class Party(SQLModel, table=True):
    """A government, state or movement that statements can be about."""

    __table_args__ = (Index("uq_party_wikidata", "wikidata", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = _key()
    name: str
    kind: PartyKind = Field(sa_column=_vocabulary(PartyKind))
    # CAMEO-style actor code, e.g. AFGGOV, RUSGOV, TAL.
    code: str | None = Field(default=None, max_length=16)
    parent_id: int | None = Field(default=None, foreign_key="party.id", ondelete="SET NULL")
    # When it existed (EDTF interval): Kabul's republic and the emirate are different parties.
    existed: str | None = None
    existed_from: date | None = None
    existed_to: date | None = None
    wikidata: str | None = Field(default=None, max_length=16)


class PartyAlias(SQLModel, table=True):
    """Another name for a party ("Kabul", "the Kremlin"); ``norm`` is what lookups compare."""

    __table_args__ = (UniqueConstraint("norm"),)

    id: int | None = Field(default=None, primary_key=True)
    party_id: int = Field(foreign_key="party.id", ondelete="CASCADE", index=True)
    alias: str
    norm: str


class Speaker(SQLModel, table=True):
    """A person, body, collective or unnamed source that statements are attributed to.

    An unnamed speaker ("a senior official") belongs to the source that quotes it
    (``source_id``; its key is ``source-key/local-key``): two articles' unnamed officials
    are two speakers unless a curator links them.
    """

    __table_args__ = (Index("uq_speaker_wikidata", "wikidata", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = _key()
    name: str
    kind: SpeakerKind = Field(sa_column=_vocabulary(SpeakerKind))
    wikidata: str | None = Field(default=None, max_length=16)
    party_id: int | None = Field(
        default=None, foreign_key="party.id", ondelete="SET NULL", index=True
    )
    source_id: int | None = Field(
        default=None, foreign_key="source.id", ondelete="SET NULL", index=True
    )


class SpeakerAlias(SQLModel, table=True):
    """Another name for a speaker ("Lavrov", "Sergey Lavrov"); ``norm`` is what lookups compare."""

    __table_args__ = (UniqueConstraint("speaker_id", "norm"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", index=True)
    alias: str
    norm: str = Field(index=True)


class Role(SQLModel, table=True):
    """A position a speaker held for a time, as openstates/people records roles."""

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", index=True)
    title: str
    party_id: int | None = Field(default=None, foreign_key="party.id", ondelete="SET NULL")
    start: str | None = None
    end: str | None = None
    held_from: date | None = None
    held_to: date | None = None


class Source(SQLModel, table=True):
    """One published text, kept under ``seeds/`` and pinned by its checksum."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = _key()
    title: str
    publication: str | None = None
    section: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    text_path: str
    sha256: str = Field(max_length=64)
    # A BCP 47 tag: the language the source's words (and so every verbatim quote) are in.
    language: str = Field(default="en", max_length=35, sa_column_kwargs={"server_default": "en"})
    # When a web source without a publication date was read (EDTF day), for its citation.
    accessed: str | None = None
    curated_by: str | None = None
    reviewed: date | None = None
    # The load that last wrote this source's rows.
    load_id: int | None = Field(default=None, foreign_key="load.id", ondelete="SET NULL")


class Load(SQLModel, table=True):
    """One `quotes load` that changed something: when, and from which revision of ``data/``."""

    id: int | None = Field(default=None, primary_key=True)
    loaded_at: datetime
    # The git commit ``data/`` was at, and whether its files differed from it.
    git_commit: str | None = Field(default=None, max_length=40)
    git_dirty: bool | None = None


class Statement(SQLModel, table=True):
    """One quoted or reported utterance, anchored in its source text.

    ``start``/``end`` are character offsets into the source text (a TextPositionSelector);
    ``prefix``/``text``/``suffix`` re-find it if the text moves (a TextQuoteSelector).
    """

    __table_args__ = (
        UniqueConstraint("source_id", "key"),
        Index("ix_statement_said", "said_from", "said_to"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # Looked up through uq_statement_source_id_key, whose first column it is.
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    key: str = Field(max_length=120)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="RESTRICT", index=True)
    speaker_as_written: str | None = None
    role_as_written: str | None = None
    kind: StatementKind = Field(sa_column=_vocabulary(StatementKind))
    text: str
    start: int
    end: int
    # Which paragraph of the source (1 = first): the locator Chicago style cites for unpaged texts.
    paragraph: int | None = None
    prefix: str
    suffix: str
    cue: str | None = None
    said: str | None = None
    said_from: date | None = None
    said_to: date | None = None
    said_as_written: str | None = None
    said_basis: DateBasis | None = Field(
        default=None, sa_column=_vocabulary(DateBasis, nullable=True)
    )
    context: str | None = None
    note: str | None = None
    # The English rendering of words quoted in another language (``text`` stays verbatim).
    translation: str | None = None
    # Reports of one utterance: the curated link ("source-key/statement-key"), the earliest
    # report of the utterance (NULL when it is the only one) and how many sources carry it.
    same_as: str | None = None
    utterance_id: int | None = Field(
        default=None, foreign_key="statement.id", ondelete="SET NULL", index=True
    )
    reports: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # The role the speaker held when speaking (its period overlaps the date, or the curator
    # named it) and the party they spoke for then: the role's, else the speaker's own.
    role_named: str | None = None
    role_id: int | None = Field(default=None, foreign_key="role.id", ondelete="SET NULL")
    party_id: int | None = Field(
        default=None, foreign_key="party.id", ondelete="SET NULL", index=True
    )
    # Its stances and claims in one cell each, "party:polarity; ..." by key, as listings and
    # exports show them: written by the loader with the Stance and ClaimPosition rows.
    stances: str | None = None
    claims: str | None = None


class Stance(SQLModel, table=True):
    """What one statement says about one party."""

    __table_args__ = (
        UniqueConstraint("statement_id", "party_id"),
        # Covering: "critical of X" is answered from the index alone.
        Index("ix_stance_party_polarity_statement", "party_id", "polarity", "statement_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statement.id", ondelete="CASCADE")
    party_id: int = Field(foreign_key="party.id", ondelete="RESTRICT")
    polarity: Polarity = Field(sa_column=_vocabulary(Polarity))
    note: str | None = None


class Claim(SQLModel, table=True):
    """A proposition that several statements take positions on."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = _key()
    text: str
    topic: str | None = None


class ClaimPosition(SQLModel, table=True):
    """A statement asserting, denying or questioning a claim."""

    __table_args__ = (
        UniqueConstraint("statement_id", "claim_id"),
        Index("ix_claimposition_claim_position_statement", "claim_id", "position", "statement_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statement.id", ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", ondelete="RESTRICT")
    position: Position = Field(sa_column=_vocabulary(Position))
