"""The counts a browsing face shows beside statements: facets, the stance matrix, a speaker's
roles and stances, a party's critics and supporters over time.

Every statement filter goes through ``query.conditions``, so a facet counts exactly what the
listing beside it lists. Facets are counted over at most ``FACET_ROWS`` matching statements:
a page over a million rows stays fast, and says when its counts are of a part.
"""

from dataclasses import dataclass

from sqlalchemy import Select, extract, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from quotes.models import Party, Role, Source, Speaker, Stance, Statement
from quotes.query import Filters, conditions

FACET_ROWS = 5000
FACET_VALUES = 8


@dataclass(frozen=True)
class Facets:
    """Counts of the matching statements by speaker, party and stance, kind, source and year.

    ``total`` is exact unless ``partial``: then more than ``FACET_ROWS`` statements match and
    the counts are over the first ``FACET_ROWS`` of them the database found.
    """

    total: int
    partial: bool
    speakers: list[tuple[str, str, int]]  # (key, name, count)
    stances: list[tuple[str, str, int]]  # (party key, polarity, count)
    kinds: list[tuple[str, int]]
    sources: list[tuple[str, str, int]]  # (key, title, count)
    years: list[tuple[int | None, int]]


def facets(session: Session, filters: Filters) -> Facets:
    dialect = session.get_bind().dialect.name
    matching = (
        select(Statement.id)
        .join(Speaker, Statement.speaker_id == Speaker.id)
        .where(*conditions(filters, dialect))
        .limit(FACET_ROWS + 1)
        .subquery()
    )
    total = session.execute(select(func.count()).select_from(matching)).scalar_one()
    scope = Statement.id.in_(select(matching.c.id).limit(FACET_ROWS))
    count = func.count().label("n")

    def top(query: Select, limit: int | None = FACET_VALUES) -> list[tuple]:
        query = query.where(scope).order_by(count.desc(), *query.selected_columns[:-1])
        return [tuple(row) for row in session.execute(query.limit(limit))]

    year = extract("year", Statement.said_from)
    return Facets(
        total=min(total, FACET_ROWS),
        partial=total > FACET_ROWS,
        speakers=top(
            select(Speaker.key, Speaker.name, count)
            .select_from(Statement)
            .join(Speaker, Statement.speaker_id == Speaker.id)
            .group_by(Speaker.key, Speaker.name)
        ),
        stances=[
            (party, str(polarity), n)
            for party, polarity, n in top(
                select(Party.key, Stance.polarity, count)
                .select_from(Statement)
                .join(Stance, Stance.statement_id == Statement.id)
                .join(Party, Stance.party_id == Party.id)
                .group_by(Party.key, Stance.polarity),
                limit=2 * FACET_VALUES,
            )
        ],
        kinds=[
            (str(kind), n)
            for kind, n in top(select(Statement.kind, count).group_by(Statement.kind), limit=None)
        ],
        sources=top(
            select(Source.key, Source.title, count)
            .select_from(Statement)
            .join(Source, Statement.source_id == Source.id)
            .group_by(Source.key, Source.title)
        ),
        years=sorted(
            (
                (None if y is None else int(y), n)
                for y, n in top(select(year, count).group_by(year), limit=None)
            ),
            key=lambda pair: (pair[0] is not None, pair[0] or 0),
        ),
    )


def stance_matrix(session: Session) -> list[tuple[str | None, str, str, int]]:
    """(speaker's party or None, target party, polarity, statements) for every stance taken."""
    target, own = aliased(Party), aliased(Party)
    query = (
        select(own.key, target.key, Stance.polarity, func.count())
        .select_from(Stance)
        .join(target, Stance.party_id == target.id)
        .join(Statement, Stance.statement_id == Statement.id)
        .join(Speaker, Statement.speaker_id == Speaker.id)
        .outerjoin(own, Speaker.party_id == own.id)
        .group_by(own.key, target.key, Stance.polarity)
    )
    return [(by, about, str(polarity), n) for by, about, polarity, n in session.execute(query)]


def party_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Party.key, Party.name).order_by(Party.key)).all())


def speaker_roles(session: Session, speaker: Speaker) -> list[dict]:
    """The roles a speaker held, oldest first (open starts first)."""
    query = (
        select(Role.title, Role.start, Role.end, Party.key)
        .outerjoin(Party, Role.party_id == Party.id)
        .where(Role.speaker_id == speaker.id)
        .order_by(Role.held_from.asc().nulls_first(), Role.id)
    )
    return [
        {"title": title, "start": start, "end": end, "party": party}
        for title, start, end, party in session.execute(query)
    ]


def speaker_stances(session: Session, speaker: Speaker) -> list[tuple[str, str, int]]:
    """(party key, polarity, statements): what a speaker said about each party."""
    query = (
        select(Party.key, Stance.polarity, func.count())
        .select_from(Stance)
        .join(Party, Stance.party_id == Party.id)
        .join(Statement, Stance.statement_id == Statement.id)
        .where(Statement.speaker_id == speaker.id)
        .group_by(Party.key, Stance.polarity)
        .order_by(Party.key, Stance.polarity)
    )
    return [(party, str(polarity), n) for party, polarity, n in session.execute(query)]


def party_stances(session: Session, party: Party, *, limit: int = 200) -> list[dict]:
    """Who took which stance on ``party`` in which year (by the earliest day possible),
    most statements first; at most ``limit`` rows."""
    year = extract("year", Statement.said_from)
    n = func.count()
    query = (
        select(Speaker.key, Speaker.name, Stance.polarity, year, n)
        .select_from(Stance)
        .join(Statement, Stance.statement_id == Statement.id)
        .join(Speaker, Statement.speaker_id == Speaker.id)
        .where(Stance.party_id == party.id)
        .group_by(Speaker.key, Speaker.name, Stance.polarity, year)
        .order_by(n.desc(), Speaker.key, year)
        .limit(limit)
    )
    return [
        {
            "speaker_key": key,
            "speaker": name,
            "polarity": str(polarity),
            "year": None if y is None else int(y),
            "n": count,
        }
        for key, name, polarity, y, count in session.execute(query)
    ]


def stance_notes(session: Session, source_key: str, statement_key: str) -> dict[str, str]:
    """The curator's note on each stance of one statement, by party key (notes only)."""
    query = (
        select(Party.key, Stance.note)
        .select_from(Stance)
        .join(Party, Stance.party_id == Party.id)
        .join(Statement, Stance.statement_id == Statement.id)
        .join(Source, Statement.source_id == Source.id)
        .where(Source.key == source_key, Statement.key == statement_key, Stance.note.is_not(None))
    )
    return dict(session.execute(query).all())
