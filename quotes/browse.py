"""The counts a browsing face shows beside statements: facets, the stance matrix, a speaker's
roles and stances, a party's critics and supporters over time.

Every statement filter goes through ``query.select_sql``, so a facet counts exactly what the
listing beside it lists. Facets are counted over at most ``FACET_ROWS`` matching statements:
a page over a million rows stays fast, and says when its counts are of a part.
"""

import dataclasses
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import extract, func, select
from sqlmodel import Session

from quotes.fields import iso_date
from quotes.models import Party, Role, Source, Speaker, Stance, Statement
from quotes.query import Filters, select_sql
from quotes.reader import reader_of

FACET_ROWS = 2000
FACET_VALUES = 8


@dataclass(frozen=True)
class Facets:
    """Counts of the matching statements by speaker, party and stance, kind, source and year.

    ``total`` is exact unless ``partial``: then more than ``FACET_ROWS`` statements match and
    the counts are over ``FACET_ROWS`` of them, the first the database finds.
    """

    total: int
    partial: bool
    speakers: list[tuple[str, str, int]]  # (key, name, count)
    stances: list[tuple[str, str, int]]  # (party key, polarity, count)
    kinds: list[tuple[str, int]]
    sources: list[tuple[str, str, int]]  # (key, title, count)
    years: list[tuple[int | None, int]]


def facets(session: Session, filters: Filters) -> Facets:
    """One pass over (at most FACET_ROWS of) the matching statements' plain columns, counted
    here, and one over their stances; names are looked up for the values shown only."""
    reader = reader_of(session)
    said_from = iso_date("s.said_from") if reader.dialect == "postgresql" else "s.said_from"
    sql, values = select_sql(
        reader,
        dataclasses.replace(filters, sort="none", limit=FACET_ROWS + 1),
        ["s.id", "s.speaker_id", "s.source_id", "s.kind", said_from],
    )
    rows = reader.execute(sql, values).fetchall()
    partial = len(rows) > FACET_ROWS
    rows = rows[:FACET_ROWS]
    speakers, sources, kinds, years = Counter(), Counter(), Counter(), Counter()
    for _, speaker_id, source_id, kind, day in rows:
        speakers[speaker_id] += 1
        sources[source_id] += 1
        kinds[kind] += 1
        years[day] += 1
    years = _by_year(years)
    stances = Counter()
    ids = [row[0] for row in rows]
    if ids:
        if reader.dialect == "postgresql":  # one array parameter: no hash of every stance
            among, values = f"statement_id = ANY({reader.mark})", [ids]
        else:
            among, values = f"statement_id IN ({', '.join([reader.mark] * len(ids))})", ids
        counted = reader.execute(
            f"SELECT party_id, polarity, count(*) FROM stance WHERE {among} "
            "GROUP BY party_id, polarity",
            values,
        )
        for party_id, polarity, n in counted:
            stances[party_id, str(polarity)] += n
    top_stances = stances.most_common(2 * FACET_VALUES)
    party_keys = _names(session, Party.id, Party.key, {p for (p, _), _ in top_stances})
    return Facets(
        total=len(rows),
        partial=partial,
        speakers=_named(session, speakers, Speaker),
        stances=[(party_keys[p], polarity, n) for (p, polarity), n in top_stances],
        kinds=[(str(kind), n) for kind, n in kinds.most_common()],
        sources=_named(session, sources, Source),
        years=sorted(years.items(), key=lambda pair: (pair[0] is not None, pair[0] or 0)),
    )


def source_heading(session: Session, source_id: int) -> dict:
    """What a source's page shows above its text: key, title, author, publication, date as
    written and address, with the text file and its checksum."""
    source = session.get(Source, source_id)
    fields = ("key", "title", "author", "publication", "published", "url", "text_path", "sha256")
    return {name: getattr(source, name) for name in fields}


def source_file(session: Session, source_id: int) -> tuple[str, str]:
    """The text file a source was read from and the checksum it had when loaded."""
    source = session.get(Source, source_id)
    return source.text_path, source.sha256


def speaker_heading(session: Session, speaker_id: int) -> dict:
    """What a speaker's page shows under the name: key, name, kind and Wikidata id."""
    speaker = session.get(Speaker, speaker_id)
    return {name: getattr(speaker, name) for name in ("key", "name", "kind", "wikidata")}


def home_party_key(session: Session, speaker_id: int) -> str | None:
    """The key of a speaker's home party, if the registry gives one."""
    speaker = session.get(Speaker, speaker_id)
    party = speaker.party_id and session.get(Party, speaker.party_id)
    return party.key if party else None


def _by_year(days: Counter) -> Counter:
    """Counts by day as counts by year; SQLite gives days as ISO text, PostgreSQL as dates."""
    years = Counter()
    for day, n in days.items():
        years[None if day is None else int(str(day)[:4])] += n
    return years


def _names(session: Session, id_column, name_column, ids) -> dict:
    if not ids:
        return {}
    return dict(session.execute(select(id_column, name_column).where(id_column.in_(ids))).all())


def _named(session: Session, counts: Counter, model) -> list[tuple[str, str, int]]:
    """The most common ids in ``counts`` as (key, name or title, count), most first."""
    shown = counts.most_common(FACET_VALUES)
    label = model.name if model is Speaker else model.title
    keys = _names(session, model.id, model.key, {i for i, _ in shown})
    labels = _names(session, model.id, label, {i for i, _ in shown})
    return sorted(((keys[i], labels[i], n) for i, n in shown), key=lambda item: (-item[2], item[1]))


def stance_matrix(session: Session) -> list[tuple[str | None, str, str, int]]:
    """(speaker's party or None, target party, polarity, statements) for every stance taken.

    Grouped by ids, named afterwards: the one pass over every stance stays as lean as it can.
    """
    query = (
        select(Speaker.party_id, Stance.party_id, Stance.polarity, func.count())
        .select_from(Stance)
        .join(Statement, Stance.statement_id == Statement.id)
        .join(Speaker, Statement.speaker_id == Speaker.id)
        .group_by(Speaker.party_id, Stance.party_id, Stance.polarity)
    )
    keys = dict(session.execute(select(Party.id, Party.key)).all())
    return [
        (keys.get(by), keys[about], str(polarity), n)
        for by, about, polarity, n in session.execute(query)
    ]


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
