"""Bringing the database to exactly what the curated record says, in one transaction.

Rows are matched by their keys, compared field by field, and only what differs is written,
so loading the same files twice changes nothing. Statements of the sources loaded that are
no longer in their files are removed; registry entries no longer in the registries are
removed once nothing cites them.
"""

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import delete, func, insert, select, update
from sqlmodel import Session, SQLModel

from quotes.curation.record import CuratedSource, CurationFailed, Record
from quotes.curation.yamlfile import Problem
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


@dataclass
class LoadReport:
    """What a load did, per kind of row: added, updated, removed, unchanged."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += n

    def lines(self) -> list[str]:
        outcomes = ("added", "updated", "removed", "unchanged")
        return [
            f"{kind}: " + ", ".join(f"{counter[o]} {o}" for o in outcomes)
            for kind, counter in self.counts.items()
        ]


def load_record(*, session: Session, record: Record, prune_sources: bool) -> LoadReport:
    """Write ``record`` into the database; the caller commits or rolls back.

    ``prune_sources`` removes sources that have no file any more (a load of everything).
    """
    report = LoadReport()
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
    for p in record.parties:
        parent = parties[p.parent] if p.parent else None
        session.execute(update(Party).where(Party.id == parties[p.key]).values(parent_id=parent))
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
    sources = _sync(
        session,
        Source,
        report,
        "sources",
        {s.key: _source_fields(s) for s in record.sources},
    )
    for source in record.sources:
        _sync_statements(session, sources[source.key], source, ids, report)
    if prune_sources:
        _prune(session, Source, set(sources), report, "sources")
    _prune_registry(session, record, report, parties, speakers, claims)
    return report


def _aliases(names: list[str]) -> list[dict]:
    """Alias rows for ``names``, one per normalized form: a speaker's name is one of them."""
    rows: dict[str, dict] = {}
    for name in names:
        rows.setdefault(normalize(name), {"alias": name, "norm": normalize(name)})
    return list(rows.values())


def _bounds(name: str, edtf: str | None) -> dict:
    from quotes.dates import bounds

    found = bounds(edtf) if edtf else None
    return {
        f"{name}_from": found.lower if found else None,
        f"{name}_to": found.upper if found else None,
    }


def _role(role, parties: dict[str, int]) -> dict:
    from quotes.dates import bounds

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
    }


def _sync(session, model, report, kind, desired: dict[str, dict]) -> dict[str, int]:
    """Upsert rows of ``model`` by key; return every key's id. Removal happens in _prune."""
    columns = [getattr(model, name) for name in ("id", "key", *_first(desired))]
    existing = {row.key: row for row in session.execute(select(*columns))}
    ids: dict[str, int] = {}
    for key, values in desired.items():
        row = existing.get(key)
        if row is None:
            ids[key] = session.execute(
                insert(model).values(key=key, **values).returning(model.id)
            ).scalar_one()
            report.count(kind, "added")
        elif any(getattr(row, name) != value for name, value in values.items()):
            session.execute(update(model).where(model.id == row.id).values(**values))
            ids[key] = row.id
            report.count(kind, "updated")
        else:
            ids[key] = row.id
            report.count(kind, "unchanged")
    return ids


def _first(desired: dict[str, dict]) -> list[str]:
    return list(next(iter(desired.values()), {}))


def _sync_children(session, model, parent: str, desired: dict[int, list[dict]]) -> None:
    """Replace a parent's child rows (aliases, roles) when they differ from ``desired``."""
    names = sorted({name for rows in desired.values() for row in rows for name in row})
    column = getattr(model, parent)
    existing: dict[int, list[tuple]] = {}
    if names:
        for row in session.execute(select(column, *[getattr(model, n) for n in names])):
            existing.setdefault(row[0], []).append(tuple(row[1:]))
    for parent_id, rows in desired.items():
        wanted = [tuple(r.get(n) for n in names) for r in rows]
        if sorted(wanted, key=repr) == sorted(existing.get(parent_id, []), key=repr):
            continue
        session.execute(delete(model).where(column == parent_id))
        if rows:
            session.execute(insert(model), [{parent: parent_id, **r} for r in rows])


def _statement_fields(statement, speakers: dict[str, int]) -> dict:
    entry, anchor, said = statement.entry, statement.anchor, statement.said
    return {
        "speaker_id": speakers[entry.speaker],
        "speaker_as_written": entry.speaker_as_written,
        "role_as_written": entry.role,
        "kind": entry.kind,
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
        "said_basis": entry.said_basis,
        "context": entry.context,
        "note": entry.note,
    }


def _stances(entry, parties: dict[str, int]) -> set[tuple]:
    result = set()
    for party, stance in entry.stances.items():
        polarity, note = (
            (stance, None) if isinstance(stance, str) else (stance.polarity, stance.note)
        )
        result.add((parties[party], str(polarity), note))
    return result


def _sync_statements(session, source_id: int, source: CuratedSource, ids, report) -> None:
    columns = (
        list(_statement_fields(source.statements[0], ids["speaker"])) if source.statements else []
    )
    existing = {
        row.key: row
        for row in session.execute(
            select(Statement.id, Statement.key, *[getattr(Statement, c) for c in columns]).where(
                Statement.source_id == source_id
            )
        )
    }
    statement_ids = [row.id for row in existing.values()]
    stances: dict[int, set] = {}
    positions: dict[int, set] = {}
    if statement_ids:
        for row in session.execute(
            select(Stance.statement_id, Stance.party_id, Stance.polarity, Stance.note).where(
                Stance.statement_id.in_(statement_ids)
            )
        ):
            stances.setdefault(row[0], set()).add((row[1], str(row[2]), row[3]))
        for row in session.execute(
            select(
                ClaimPosition.statement_id, ClaimPosition.claim_id, ClaimPosition.position
            ).where(ClaimPosition.statement_id.in_(statement_ids))
        ):
            positions.setdefault(row[0], set()).add((row[1], str(row[2])))
    for statement in source.statements:
        key = statement.entry.key
        values = _statement_fields(statement, ids["speaker"])
        wanted_stances = _stances(statement.entry, ids["party"])
        wanted_positions = {(ids["claim"][c], str(p)) for c, p in statement.entry.claims.items()}
        row = existing.pop(key, None)
        if row is None:
            statement_id = session.execute(
                insert(Statement)
                .values(source_id=source_id, key=key, **values)
                .returning(Statement.id)
            ).scalar_one()
            report.count("statements", "added")
        else:
            statement_id = row.id
            same = all(getattr(row, name) == value for name, value in values.items())
            same_children = (
                stances.get(row.id, set()) == wanted_stances
                and positions.get(row.id, set()) == wanted_positions
            )
            if same and same_children:
                report.count("statements", "unchanged")
                continue
            report.count("statements", "updated")
            if not same:
                session.execute(update(Statement).where(Statement.id == row.id).values(**values))
            session.execute(delete(Stance).where(Stance.statement_id == row.id))
            session.execute(delete(ClaimPosition).where(ClaimPosition.statement_id == row.id))
        if wanted_stances:
            session.execute(
                insert(Stance),
                [
                    {"statement_id": statement_id, "party_id": p, "polarity": pol, "note": note}
                    for p, pol, note in wanted_stances
                ],
            )
        if wanted_positions:
            session.execute(
                insert(ClaimPosition),
                [
                    {"statement_id": statement_id, "claim_id": c, "position": pos}
                    for c, pos in wanted_positions
                ],
            )
    if existing:
        gone = [row.id for row in existing.values()]
        session.execute(delete(Stance).where(Stance.statement_id.in_(gone)))
        session.execute(delete(ClaimPosition).where(ClaimPosition.statement_id.in_(gone)))
        session.execute(delete(Statement).where(Statement.id.in_(gone)))
        report.count("statements", "removed", len(gone))


def _prune(session, model: type[SQLModel], keep: set[str], report, kind: str) -> None:
    gone = session.execute(select(model.id).where(model.key.not_in(keep))).scalars().all()
    if gone:
        if model is Source:
            statements = select(Statement.id).where(Statement.source_id.in_(gone))
            session.execute(delete(Stance).where(Stance.statement_id.in_(statements)))
            session.execute(delete(ClaimPosition).where(ClaimPosition.statement_id.in_(statements)))
            session.execute(delete(Statement).where(Statement.source_id.in_(gone)))
        session.execute(delete(model).where(model.id.in_(gone)))
        report.count(kind, "removed", len(gone))


def _prune_registry(session, record, report, parties, speakers, claims) -> None:
    """Remove registry rows the files dropped, unless statements still in the database cite them."""
    cited = [
        (Speaker, Statement.speaker_id, speakers, "speaker", "data/speakers/"),
        (Party, Stance.party_id, parties, "party", "data/parties.yaml"),
        (Claim, ClaimPosition.claim_id, claims, "claim", "data/claims.yaml"),
    ]
    problems = []
    for model, reference, kept, kind, where in cited:
        orphans = select(model.id).where(model.key.not_in(set(kept)))
        for key, count in session.execute(
            select(model.key, func.count())
            .join(reference.table, reference == model.id)
            .where(model.id.in_(orphans))
            .group_by(model.key)
        ):
            problems.append(
                Problem(
                    where,
                    None,
                    kind,
                    f"{key!r} is no longer in {where}, but "
                    f"{count} statement(s) in the database cite it; put it back "
                    "or load the sources that cite it",
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
        stored = session.execute(select(Source.id, Source.sha256).where(Source.key == source.key))
        row = stored.first()
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
