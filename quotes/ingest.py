"""Bringing the database to exactly what the curated record says, in one transaction.

Rows are matched by their keys, compared field by field, and only what differs is written,
so loading the same files twice changes nothing. Statements of the sources loaded that are
no longer in their files are removed; registry entries no longer in the registries are
removed once nothing cites them. Sources are taken in batches and written with
multi-row statements, so a million statements load in minutes, not hours, and the
sources may come as a stream.
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from operator import itemgetter

from sqlalchemy import delete, func, insert, select, update
from sqlmodel import Session, SQLModel

from quotes.curation.record import CuratedSource, CurationFailed, Record
from quotes.curation.yamlfile import Problem
from quotes.dates import bounds
from quotes.models import (
    Claim,
    ClaimPosition,
    Party,
    PartyAlias,
    Role,
    Source,
    Speaker,
    SpeakerAlias,
    Stance,
    Statement,
)
from quotes.names import normalize

BATCH = 500  # sources per round trip
CHUNK = 5000  # ids per IN (...) list


@dataclass
class LoadReport:
    """What a load did, per kind of row: added, updated, removed, unchanged."""

    counts: dict[str, Counter] = field(default_factory=dict)
    # Keys of the sources whose rows this load added or changed (their own or their statements').
    touched_sources: set[str] = field(default_factory=set)

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        counter = self.counts.setdefault(kind, Counter())
        if n:
            counter[outcome] += n

    def lines(self) -> list[str]:
        outcomes = ("added", "updated", "removed", "unchanged")
        return [
            f"{kind}: " + ", ".join(f"{counter[o]} {o}" for o in outcomes)
            for kind, counter in self.counts.items()
        ]


def load_record(*, session: Session, record: Record, prune_sources: bool) -> LoadReport:
    """Write ``record`` into the database; the caller commits or rolls back.

    ``prune_sources`` removes sources that have no file any more (a load of everything).
    ``record.sources`` may be any iterable, read once.
    """
    report = LoadReport()
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # The indexes of a large load stay in memory: 256 MB of page cache, for this load.
        connection.exec_driver_sql("PRAGMA cache_size=-262144")
    parties = _sync(
        session,
        Party,
        report,
        "parties",
        {
            p.key: {
                "name": p.name,
                "kind": p.kind,
                "code": p.code,
                "existed": p.existed,
                **_bounds("existed", p.existed),
            }
            for p in record.parties
        },
    )
    parents = [
        {"id": parties[p.key], "parent_id": parties[p.parent] if p.parent else None}
        for p in record.parties
    ]
    if parents:
        session.execute(update(Party), parents)
    _sync_children(
        session,
        PartyAlias,
        "party_id",
        {parties[p.key]: _aliases(p.aliases) for p in record.parties},
    )
    speakers = _sync(
        session,
        Speaker,
        report,
        "speakers",
        {
            key: {
                "name": s.name,
                "kind": s.kind,
                "wikidata": s.wikidata,
                "party_id": parties.get(s.party),
            }
            for key, s in record.speakers.items()
        },
    )
    _sync_children(
        session,
        SpeakerAlias,
        "speaker_id",
        {speakers[key]: _aliases([s.name, *s.aliases]) for key, s in record.speakers.items()},
    )
    _sync_children(
        session,
        Role,
        "speaker_id",
        {speakers[key]: [_role(r, parties) for r in s.roles] for key, s in record.speakers.items()},
    )
    claims = _sync(
        session,
        Claim,
        report,
        "claims",
        {c.key: {"text": c.text, "topic": c.topic} for c in record.claims},
    )
    ids = {"party": parties, "speaker": speakers, "claim": claims}
    seen: set[str] = set()
    with _indexing_in_bulk(session) as index:
        for batch in _batches(record.sources, BATCH):
            sources = _sync(
                session,
                Source,
                report,
                "sources",
                {s.key: _source_fields(s) for s in batch},
                touched=report.touched_sources,
            )
            seen.update(sources)
            _sync_statements(session, [(sources[s.key], s) for s in batch], ids, report, index)
    if prune_sources:
        _prune(session, Source, seen, report, "sources")
    _prune_registry(session, report, parties, speakers, claims)
    return report


@contextmanager
def _indexing_in_bulk(session):
    """On SQLite, index new statements for full-text search a batch at a time.

    The FTS5 insert trigger costs ten times the insert itself when rows come one by one;
    within this transaction it is dropped, new statements are indexed with one INSERT ...
    SELECT per batch, and the trigger is created again, exactly as it was, before commit.
    Yields the function that indexes a list of new statement ids (a no-op elsewhere).
    """
    connection = session.connection()
    trigger = None
    if connection.dialect.name == "sqlite":
        trigger = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            ("statement_fts_insert",),
        ).scalar()
    if trigger is None:
        yield lambda statement_ids: None
        return
    connection.exec_driver_sql("DROP TRIGGER statement_fts_insert")

    def index(statement_ids: list[int]) -> None:
        for chunk in _chunks(statement_ids):
            marks = ", ".join("?" * len(chunk))
            connection.exec_driver_sql(
                "INSERT INTO statement_fts(rowid, text) SELECT id, text FROM statement "
                f"WHERE id IN ({marks})",
                tuple(chunk),
            )

    yield index
    connection.exec_driver_sql(trigger)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _aliases(names: list[str]) -> list[dict]:
    """Alias rows for ``names``, one per normalized form: a speaker's name is one of them."""
    rows: dict[str, dict] = {}
    for name in names:
        norm = normalize(name)
        rows.setdefault(norm, {"alias": name, "norm": norm})
    return list(rows.values())


def _bounds(name: str, edtf: str | None) -> dict:
    found = bounds(edtf) if edtf else None
    return {
        f"{name}_from": found.lower if found else None,
        f"{name}_to": found.upper if found else None,
    }


def _role(role, parties: dict[str, int]) -> dict:
    start = bounds(role.start) if role.start else None
    end = bounds(role.end) if role.end else None
    return {
        "title": role.title,
        "party_id": parties.get(role.party),
        "start": role.start,
        "end": role.end,
        "held_from": start.lower if start else None,
        "held_to": end.upper if end else None,
    }


def _source_fields(source: CuratedSource) -> dict:
    meta = source.meta
    return {
        "title": meta.title,
        "publication": meta.publication,
        "section": meta.section,
        "author": meta.author,
        "url": meta.url,
        "published": meta.published,
        "published_from": source.published.lower if source.published else None,
        "published_to": source.published.upper if source.published else None,
        "text_path": source.text_path,
        "sha256": source.sha256,
        "language": meta.language,
        "accessed": meta.accessed,
        "curated_by": meta.curated_by,
        "reviewed": date.fromisoformat(meta.reviewed) if meta.reviewed else None,
    }


def _chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for at in range(0, len(values), size):
        yield values[at : at + size]


def _insert_returning(session, model, rows: list[dict], key: str) -> dict:
    """Insert ``rows`` in multi-row statements; return each row's ``key`` value to its id."""
    table = model.__table__
    ids = {}
    for chunk in _chunks(rows, 1000):
        # Rows come back in any order (SQLite cannot promise one): map them by their key.
        result = session.execute(insert(table).returning(table.c.id, table.c[key]), chunk)
        ids.update({row[1]: row[0] for row in result})
    return ids


def _sync(session, model, report, kind, desired: dict[str, dict], touched=None) -> dict[str, int]:
    """Upsert rows of ``model`` by key; return every key's id. Removal happens in _prune.
    The keys of rows added or changed go into ``touched`` when it is given."""
    if not desired:
        return {}
    names = list(next(iter(desired.values())))
    columns = [model.id, model.key, *(getattr(model, name) for name in names)]
    existing = {}
    for keys in _chunks(list(desired)):
        existing.update(
            {row.key: row for row in session.execute(select(*columns).where(model.key.in_(keys)))}
        )
    ids, added, changed = {}, [], []
    for key, values in desired.items():
        row = existing.get(key)
        if row is None:
            added.append({"key": key, **values})
        elif any(getattr(row, name) != value for name, value in values.items()):
            changed.append({"id": row.id, **values})
            ids[key] = row.id
        else:
            ids[key] = row.id
    ids.update(_insert_returning(session, model, added, "key"))
    if touched is not None:
        touched.update(row["key"] for row in added)
        touched.update(
            key for key, values in desired.items() if ids.get(key) in {row["id"] for row in changed}
        )
    if changed:
        session.execute(update(model), changed)
    report.count(kind, "added", len(added))
    report.count(kind, "updated", len(changed))
    report.count(kind, "unchanged", len(desired) - len(added) - len(changed))
    return ids


def _sync_children(session, model, parent: str, desired: dict[int, list[dict]]) -> None:
    """Replace a parent's child rows (aliases, roles) where they differ from ``desired``."""
    names = sorted({name for rows in desired.values() for row in rows for name in row})
    column = getattr(model, parent)
    existing: dict[int, list[tuple]] = {}
    if names:
        for row in session.execute(select(column, *[getattr(model, n) for n in names])):
            existing.setdefault(row[0], []).append(tuple(row[1:]))
    stale, fresh = [], []
    for parent_id, rows in desired.items():
        wanted = [tuple(r.get(n) for n in names) for r in rows]
        if sorted(wanted, key=repr) != sorted(existing.get(parent_id, []), key=repr):
            stale.append(parent_id)
            fresh.extend({parent: parent_id, **r} for r in rows)
    for chunk in _chunks(stale):
        session.execute(delete(model).where(column.in_(chunk)))
    for chunk in _chunks(fresh):
        session.execute(insert(model.__table__), chunk)


STATEMENT_FIELDS = [
    "speaker_id",
    "speaker_as_written",
    "role_as_written",
    "kind",
    "text",
    "start",
    "end",
    "paragraph",
    "prefix",
    "suffix",
    "cue",
    "said",
    "said_from",
    "said_to",
    "said_as_written",
    "said_basis",
    "context",
    "note",
]


def _statement_fields(statement, speakers: dict[str, int]) -> dict:
    entry, anchor, said = statement.entry, statement.anchor, statement.said
    return {
        "speaker_id": speakers[entry.speaker],
        "speaker_as_written": entry.speaker_as_written,
        "role_as_written": entry.role,
        "kind": entry.kind.value,
        "text": entry.text,
        "start": anchor.start,
        "end": anchor.end,
        "paragraph": anchor.paragraph,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "cue": entry.cue,
        "said": entry.said,
        "said_from": said.lower if said else None,
        "said_to": said.upper if said else None,
        "said_as_written": entry.said_as_written,
        "said_basis": entry.said_basis.value if entry.said_basis else None,
        "context": entry.context,
        "note": entry.note,
    }


def _stances(entry, parties: dict[str, int]) -> set[tuple]:
    result = set()
    for party, stance in entry.stances.items():
        if isinstance(stance, str):
            result.add((parties[party], str(stance), None))
        else:
            result.add((parties[party], str(stance.polarity), stance.note))
    return result


def _sync_statements(session, sources: list[tuple[int, CuratedSource]], ids, report, index) -> None:
    """Add, update and remove the statements of a batch of sources, in a few statements."""
    source_ids = [source_id for source_id, _ in sources]
    columns = [
        Statement.id,
        Statement.source_id,
        Statement.key,
        *(getattr(Statement, name) for name in STATEMENT_FIELDS),
    ]
    existing = {
        (row.source_id, row.key): row
        for row in session.execute(select(*columns).where(Statement.source_id.in_(source_ids)))
    }
    old_stances: dict[int, set] = {}
    old_positions: dict[int, set] = {}
    if existing:
        ours = select(Statement.id).where(Statement.source_id.in_(source_ids))
        for sid, party, polarity, note in session.execute(
            select(Stance.statement_id, Stance.party_id, Stance.polarity, Stance.note).where(
                Stance.statement_id.in_(ours)
            )
        ):
            old_stances.setdefault(sid, set()).add((party, str(polarity), note))
        for sid, claim, position in session.execute(
            select(
                ClaimPosition.statement_id, ClaimPosition.claim_id, ClaimPosition.position
            ).where(ClaimPosition.statement_id.in_(ours))
        ):
            old_positions.setdefault(sid, set()).add((claim, str(position)))

    added, changed, children = [], [], {}
    replaced: list[int] = []
    for source_id, source in sources:
        for statement in source.statements:
            entry = statement.entry
            values = _statement_fields(statement, ids["speaker"])
            stances = _stances(entry, ids["party"])
            positions = {(ids["claim"][c], str(p)) for c, p in entry.claims.items()}
            row = existing.pop((source_id, entry.key), None)
            if row is None:
                report.touched_sources.add(source.key)
                added.append({"source_id": source_id, "key": entry.key, **values})
                children[(source_id, entry.key)] = (stances, positions)
                continue
            same = all(getattr(row, name) == value for name, value in values.items())
            same_children = (
                old_stances.get(row.id, set()) == stances
                and old_positions.get(row.id, set()) == positions
            )
            if same and same_children:
                report.count("statements", "unchanged")
                continue
            report.count("statements", "updated")
            report.touched_sources.add(source.key)
            if not same:
                changed.append({"id": row.id, **values})
            if not same_children:
                replaced.append(row.id)
                children[row.id] = (stances, positions)

    gone = [row.id for row in existing.values()]
    keys = {source_id: source.key for source_id, source in sources}
    report.touched_sources.update(keys[row.source_id] for row in existing.values())
    _delete_statements(session, gone, children_only=False)
    _delete_statements(session, replaced, children_only=True)
    if changed:
        session.execute(update(Statement), changed)
    new_ids = {}
    if added:
        _bulk_insert(session, Statement, added)
        new_keys = {(row["source_id"], row["key"]) for row in added}
        for row in session.execute(
            select(Statement.id, Statement.source_id, Statement.key).where(
                Statement.source_id.in_({source_id for source_id, _ in new_keys})
            )
        ):
            if (row.source_id, row.key) in new_keys:
                new_ids[(row.source_id, row.key)] = row.id
        index(list(new_ids.values()))
    stance_rows, position_rows = [], []
    for owner, (stances, positions) in children.items():
        statement_id = new_ids[owner] if isinstance(owner, tuple) else owner
        stance_rows += [
            {"statement_id": statement_id, "party_id": p, "polarity": pol, "note": note}
            for p, pol, note in stances
        ]
        position_rows += [
            {"statement_id": statement_id, "claim_id": c, "position": pos} for c, pos in positions
        ]
    _bulk_insert(session, Stance, stance_rows)
    _bulk_insert(session, ClaimPosition, position_rows)
    report.count("statements", "added", len(added))
    report.count("statements", "removed", len(gone))


def _bulk_insert(session, model, rows: list[dict]) -> None:
    """Insert many rows the fastest way the driver has: COPY on PostgreSQL, executemany on
    SQLite. The hot path of a large load, several times faster than SQLAlchemy's own
    per-row parameter handling."""
    if not rows:
        return
    columns = list(rows[0])
    connection = session.connection()
    quoted = ", ".join(connection.dialect.identifier_preparer.quote(c) for c in columns)
    values = list(map(itemgetter(*columns), rows))
    if len(columns) == 1:
        values = [(value,) for value in values]
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {model.__tablename__} ({quoted}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {model.__tablename__} ({quoted}) VALUES ({marks})"
    for chunk in _chunks(values):
        connection.exec_driver_sql(sql, chunk)


def _delete_statements(session, statement_ids: list[int], *, children_only: bool) -> None:
    for chunk in _chunks(statement_ids):
        session.execute(delete(Stance).where(Stance.statement_id.in_(chunk)))
        session.execute(delete(ClaimPosition).where(ClaimPosition.statement_id.in_(chunk)))
        if not children_only:
            session.execute(delete(Statement).where(Statement.id.in_(chunk)))


def _prune(session, model: type[SQLModel], keep: set[str], report, kind: str) -> None:
    existing = session.execute(select(model.id, model.key)).all()
    gone = [row.id for row in existing if row.key not in keep]
    for chunk in _chunks(gone):
        if model is Source:
            statements = select(Statement.id).where(Statement.source_id.in_(chunk))
            session.execute(delete(Stance).where(Stance.statement_id.in_(statements)))
            session.execute(delete(ClaimPosition).where(ClaimPosition.statement_id.in_(statements)))
            session.execute(delete(Statement).where(Statement.source_id.in_(chunk)))
        session.execute(delete(model).where(model.id.in_(chunk)))
    if gone:
        report.count(kind, "removed", len(gone))


def _prune_registry(session, report, parties, speakers, claims) -> None:
    """Remove registry rows the files dropped, unless statements still in the database cite them."""
    cited = [
        (Speaker, Statement.speaker_id, speakers, "speaker", "data/speakers/"),
        (Party, Stance.party_id, parties, "party", "data/parties.yaml"),
        (Claim, ClaimPosition.claim_id, claims, "claim", "data/claims.yaml"),
    ]
    problems = []
    for model, reference, kept, kind, where in cited:
        dropped = [
            row.id for row in session.execute(select(model.id, model.key)) if row.key not in kept
        ]
        for chunk in _chunks(dropped):
            for key, count in session.execute(
                select(model.key, func.count())
                .join(reference.table, reference == model.id)
                .where(model.id.in_(chunk))
                .group_by(model.key)
            ):
                problems.append(
                    Problem(
                        where,
                        None,
                        kind,
                        f"{key!r} is no longer in {where}, "
                        f"but {count} statement(s) in the database cite it; "
                        "put it back or load the sources that cite it",
                    )
                )
    if problems:
        raise CurationFailed(problems)
    # Statements refer to the registries, parties to each other: prune in that order.
    _prune(session, Claim, set(claims), report, "claims")
    _prune(session, Speaker, set(speakers), report, "speakers")
    _prune(session, Party, set(parties), report, "parties")


def anchor_drift(*, session: Session, record: Record) -> list[Problem]:
    """Statements whose anchor moved or broke since the database was loaded from a source text
    that has changed since (its checksum differs)."""
    problems = []
    for source in record.sources:
        row = session.execute(
            select(Source.id, Source.sha256).where(Source.key == source.key)
        ).first()
        if row is None or row.sha256 == source.sha256:
            continue
        now = {s.entry.key: s for s in source.statements}
        for key, start, end in session.execute(
            select(Statement.key, Statement.start, Statement.end)
            .where(Statement.source_id == row.id)
            .order_by(Statement.start)
        ):
            found = now.get(key)
            if found is None:
                problems.append(
                    Problem(
                        source.file,
                        None,
                        f"statement {key}",
                        "its anchor broke: "
                        f"the text loaded at {start}-{end} is no longer in "
                        f"{source.text_path}",
                    )
                )
            elif (found.anchor.start, found.anchor.end) != (start, end):
                problems.append(
                    Problem(
                        source.file,
                        found.line,
                        f"statement {key}",
                        f"its anchor moved from {start}-{end} to "
                        f"{found.anchor.start}-{found.anchor.end} in "
                        f"{source.text_path}; check it still says the same",
                    )
                )
    return problems
