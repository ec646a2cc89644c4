"""One filter object, one SELECT: every listing and export of statements goes through here.

Records stream: statements are fetched in batches, and each batch's stances and claims in
one query each, so memory stays flat however many statements match.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import (
    Select,
    String,
    and_,
    func,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
)
from sqlmodel import Session

from quotes.errors import QuotesError
from quotes.models import Claim, ClaimPosition, Party, Source, Speaker, Stance, Statement
from quotes.vocabulary import SORTS

BATCH = 1000


@dataclass(frozen=True)
class Filters:
    """What to list. Options combine with AND; the values of one option with OR."""

    speaker_ids: tuple[int, ...] = ()
    by_party_ids: tuple[int, ...] = ()
    about_party_ids: tuple[int, ...] = ()
    polarities: tuple[str, ...] = ()
    critical_of: tuple[int, ...] = ()
    supportive_of: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    source_ids: tuple[int, ...] = ()
    claim_ids: tuple[int, ...] = ()
    positions: tuple[str, ...] = ()
    search: str | None = None
    sort: str = "said"
    limit: int | None = None


def _stance(party_ids: tuple[int, ...], polarities: tuple[str, ...]):
    """Statements with such a stance, as an IN (...) list that the stance index answers:
    both planners then start from the few matching stances, not from every statement."""
    condition = []
    if party_ids:
        condition.append(Stance.party_id.in_(party_ids))
    if polarities:
        condition.append(Stance.polarity.in_(polarities))
    return Statement.id.in_(select(Stance.statement_id).where(*condition))


def search_words(search: str) -> list[str]:
    words = re.findall(r"\w+", search)
    if not words:
        raise QuotesError(f"--search {search!r} has no words to look for.")
    return words


def _search(search: str, dialect: str):
    words = search_words(search)
    if dialect == "sqlite":
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        fts = (
            select(literal_column("rowid"))
            .select_from(text("statement_fts"))
            .where(text("statement_fts MATCH :fts_query").bindparams(fts_query=match))
        )
        return Statement.id.in_(fts)
    if dialect == "postgresql":
        # The same expression as the index in migration 0002, or the index goes unused.
        english = literal_column("'english'::regconfig")
        plain = func.translate(
            Statement.text, literal_column("'“”‘’«»„'"), literal_column("'       '")
        )
        return func.to_tsvector(english, plain).bool_op("@@")(
            func.plainto_tsquery(english, " ".join(words))
        )
    return and_(*(Statement.text.ilike(f"%{w}%") for w in words))


def conditions(filters: Filters, dialect: str) -> list:
    """The WHERE clauses for ``filters``; shared by listings, counts and exports."""
    where = []
    if filters.speaker_ids:
        where.append(Statement.speaker_id.in_(filters.speaker_ids))
    if filters.by_party_ids:
        where.append(Speaker.party_id.in_(filters.by_party_ids))
    if filters.about_party_ids or filters.polarities:
        where.append(_stance(filters.about_party_ids, filters.polarities))
    if filters.critical_of:
        where.append(_stance(filters.critical_of, ("critical",)))
    if filters.supportive_of:
        where.append(_stance(filters.supportive_of, ("supportive",)))
    if filters.kinds:
        where.append(Statement.kind.in_(filters.kinds))
    # A statement matches a date range when the days it may have been said overlap it.
    if filters.since:
        where.append(or_(Statement.said_to.is_(None), Statement.said_to >= filters.since))
    if filters.until:
        where.append(or_(Statement.said_from.is_(None), Statement.said_from <= filters.until))
    if filters.source_ids:
        where.append(Statement.source_id.in_(filters.source_ids))
    if filters.claim_ids or filters.positions:
        condition = []
        if filters.claim_ids:
            condition.append(ClaimPosition.claim_id.in_(filters.claim_ids))
        if filters.positions:
            condition.append(ClaimPosition.position.in_(filters.positions))
        where.append(Statement.id.in_(select(ClaimPosition.statement_id).where(*condition)))
    if filters.search:
        where.append(_search(filters.search, dialect))
    return where


def _order(sort: str) -> list:
    said = [Statement.said_from.asc().nulls_first(), Statement.said_to.asc().nulls_last()]
    place = [Source.key, Statement.start, Statement.key]
    if sort == "said":
        return [*said, *place]
    if sort == "-said":
        return [
            Statement.said_to.desc().nulls_last(),
            Statement.said_from.desc().nulls_last(),
            *place,
        ]
    if sort == "speaker":
        return [Speaker.name, *said, *place]
    if sort == "source":
        return place
    raise QuotesError(f"Unknown sort {sort!r}; use one of: {', '.join(SORTS)}.")


def _columns() -> dict:
    """The columns a record is made of, as plain values (no ORM objects, no enum objects):
    listing a million statements spends its time on rows, not on objects."""
    plain = {Statement.kind, Statement.said_basis, Statement.said_from, Statement.said_to}
    columns = {
        "id": Statement.id,
        "statement_key": Statement.key,
        "source_key": Source.key,
        "speaker": Speaker.name,
        "speaker_key": Speaker.key,
        "speaker_as_written": Statement.speaker_as_written,
        "role": Statement.role_as_written,
        "kind": Statement.kind,
        "text": Statement.text,
        "cue": Statement.cue,
        "said": Statement.said,
        "said_from": Statement.said_from,
        "said_to": Statement.said_to,
        "said_as_written": Statement.said_as_written,
        "said_basis": Statement.said_basis,
        "context": Statement.context,
        "note": Statement.note,
        "source_title": Source.title,
        "publication": Source.publication,
        "author": Source.author,
        "published": Source.published,
        "url": Source.url,
        "text_path": Source.text_path,
        "start": Statement.start,
        "end": Statement.end,
        "paragraph": Statement.paragraph,
        "prefix": Statement.prefix,
        "suffix": Statement.suffix,
    }
    labelled = {
        name: type_coerce(column, String()).label(name) if column in plain else column.label(name)
        for name, column in columns.items()
    }
    # Stances and claims ride along as "key:value; ..." strings, one correlated subquery
    # each on an indexed column: one round trip per batch of rows, not three.
    labelled["stance_list"] = (
        select(
            func.aggregate_strings(Party.key + ":" + type_coerce(Stance.polarity, String()), "; ")
        )
        .select_from(Stance)
        .join(Party, Stance.party_id == Party.id)
        .where(Stance.statement_id == Statement.id)
        .scalar_subquery()
        .label("stance_list")
    )
    labelled["claim_list"] = (
        select(
            func.aggregate_strings(
                Claim.key + ":" + type_coerce(ClaimPosition.position, String()), "; "
            )
        )
        .select_from(ClaimPosition)
        .join(Claim, ClaimPosition.claim_id == Claim.id)
        .where(ClaimPosition.statement_id == Statement.id)
        .scalar_subquery()
        .label("claim_list")
    )
    return labelled


def _pairs(listed: str | None) -> list[tuple[str, str]]:
    """ "russia:critical; china:neutral" as sorted pairs (keys are slugs: no ':' or ';')."""
    if not listed:
        return []
    return sorted(tuple(item.split(":", 1)) for item in listed.split("; "))


def _with_speaker_and_source() -> Select:
    return (
        select(*_columns().values())
        .select_from(Statement)
        .join(Speaker, Statement.speaker_id == Speaker.id)
        .join(Source, Statement.source_id == Source.id)
    )


def statement_select(filters: Filters, dialect: str) -> Select:
    """The statements ``filters`` asks for, with their speaker and source, in order."""
    query = (
        _with_speaker_and_source()
        .where(*conditions(filters, dialect))
        .order_by(*_order(filters.sort))
    )
    return query.limit(filters.limit) if filters.limit is not None else query


Cursor = tuple[str | None, str | None, int]  # (said_from, said_to, id) of a page's last row


def statement_page(
    session: Session, filters: Filters, *, after: Cursor | None, size: int
) -> tuple[list[dict], Cursor | None]:
    """One page of ``size`` statements in (said_from, said_to, id) order, unknown bounds
    first, from after the keyset cursor ``after`` (the previous page's last row); and the
    cursor for the next page, or None on the last page.

    Keyset paging: a page deep into a million rows costs what the first one does (no OFFSET).
    Unfiltered (or by date only), the order is walked in three bands (no start and no end;
    no start; a start), each asked for apart, so that each follows the date index on both
    backends (PostgreSQL's indexes put NULLs last, SQLite's first). Filtered, one query
    asks for the matches after the cursor and the database sorts them.
    """
    where = conditions(filters, session.get_bind().dialect.name)
    said_from, said_to = Statement.said_from, Statement.said_to
    bands = [
        ([said_from.is_(None), said_to.is_(None)], []),
        ([said_from.is_(None), said_to.is_not(None)], [said_to.asc()]),
        ([said_from.is_not(None)], [said_from.asc(), said_to.asc().nulls_first()]),
    ]
    first = 0 if after is None else (2 if after[0] else 1 if after[1] else 0)
    rows: list = []
    if replace(filters, since=None, until=None) != Filters():
        # Filtered: one query, the database sorts the matches (bands would each redo the
        # filter's work).
        keyset = []
        if after is not None:
            later_bands = [and_(*condition) for condition, _ in bands[first + 1 :]]
            keyset = [or_(and_(*bands[first][0], *_after(first, after)), *later_bands)]
        order = [said_from.asc().nulls_first(), said_to.asc().nulls_first()]
        bands, first, keyset_first = [([*keyset], order)], 0, False
    else:
        keyset_first = after is not None
    for band, (condition, order) in enumerate(bands[first:], first):
        if len(rows) > size:
            break
        keyset = _after(band, after) if keyset_first and band == first else []
        query = (
            _with_speaker_and_source()
            .where(*where, *condition, *keyset)
            .order_by(*order, Statement.id)
            .limit(size + 1 - len(rows))
        )
        rows += session.connection().execute(query).mappings().all()
    more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if more else None
    cursor = (_iso(last["said_from"]), _iso(last["said_to"]), last["id"]) if last else None
    return [record(row) for row in rows], cursor


def _after(band: int, after: Cursor) -> list:
    """Rows of ``band`` after the cursor's row, in the band's order; with a plain lower bound
    on the band's first date, which lets the index seek instead of scan."""
    said_from, said_to, last_id = after
    later_id = Statement.id > last_id
    if band == 0:
        return [later_id]
    if band == 1:
        day = date.fromisoformat(said_to)
        return [
            Statement.said_to >= day,
            or_(Statement.said_to > day, and_(Statement.said_to == day, later_id)),
        ]
    start = date.fromisoformat(said_from)
    if said_to is None:
        within = or_(Statement.said_to.is_not(None), and_(Statement.said_to.is_(None), later_id))
    else:
        end = date.fromisoformat(said_to)
        within = or_(Statement.said_to > end, and_(Statement.said_to == end, later_id))
    return [
        Statement.said_from >= start,
        or_(Statement.said_from > start, and_(Statement.said_from == start, within)),
    ]


def statement_records(session: Session, filters: Filters) -> Iterator[dict]:
    """Each matching statement as a flat record (the JSON shape), streamed in batches."""
    dialect = session.get_bind().dialect.name
    # Core rows through the session's connection: no ORM bookkeeping for plain columns.
    rows = (
        session.connection()
        .execution_options(yield_per=BATCH)
        .execute(statement_select(filters, dialect))
        .mappings()
    )
    for row in rows:
        yield record(row)


def record(row) -> dict:
    """A statement row as one flat record: what JSON, CSV and tables show."""
    return {
        "key": f"{row['source_key']}/{row['statement_key']}",
        "speaker": row["speaker"],
        "speaker_key": row["speaker_key"],
        "speaker_as_written": row["speaker_as_written"],
        "role": row["role"],
        "kind": row["kind"],
        "text": row["text"],
        "cue": row["cue"],
        "said": row["said"],
        "said_from": _iso(row["said_from"]),
        "said_to": _iso(row["said_to"]),
        "said_as_written": row["said_as_written"],
        "said_basis": row["said_basis"],
        "context": row["context"],
        "stances": dict(_pairs(row["stance_list"])),
        "claims": [
            {"claim": claim, "position": position} for claim, position in _pairs(row["claim_list"])
        ],
        "note": row["note"],
        "source_key": row["source_key"],
        "source_title": row["source_title"],
        "publication": row["publication"],
        "author": row["author"],
        "published": row["published"],
        "url": row["url"],
        "text_path": row["text_path"],
        "start": row["start"],
        "end": row["end"],
        "paragraph": row["paragraph"],
        "prefix": row["prefix"],
        "suffix": row["suffix"],
    }


def _iso(day) -> str | None:
    """Dates come back as text from SQLite and as dates from PostgreSQL."""
    return day if day is None or isinstance(day, str) else day.isoformat()


def find_statement(session: Session, key: str) -> dict:
    """One statement by its global key ``source-key/statement-key``."""
    source_key, _, statement_key = key.partition("/")
    row = (
        session.execute(
            _with_speaker_and_source().where(
                Source.key == source_key, Statement.key == statement_key
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        from quotes.lookup import UnknownName

        raise UnknownName(
            f"No statement {key!r}; keys look like source-key/statement-key (see `quotes list`)."
        )
    return record(row)
