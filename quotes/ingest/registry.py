"""The registries (parties, speakers with their roles, claims) and the unnamed speakers that
source files declare: brought to what the files say."""

from sqlalchemy import func, select, text, update

from quotes.curation.record import CuratedSource, CurationFailed, Record
from quotes.curation.yamlfile import Problem
from quotes.dates import bounds
from quotes.ingest import rows
from quotes.ingest.report import LoadReport
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


def sync_registries(session, record: Record, report: LoadReport) -> tuple[dict, set[int]]:
    """Parties, speakers and claims as the registries say; return their keys' ids, and the
    speakers whose roles or party changed (their statements' party at the time may too)."""
    parties = rows.sync(
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
                "wikidata": p.wikidata,
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
    rows.sync_children(
        session,
        PartyAlias,
        "party_id",
        {parties[p.key]: _aliases(p.aliases) for p in record.parties},
    )
    changed: set[str] = set()
    new: set[str] = set()
    speakers = rows.sync(
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
        touched=changed,
        added_keys=new,
    )
    rows.sync_children(
        session,
        SpeakerAlias,
        "speaker_id",
        {speakers[key]: _aliases([s.name, *s.aliases]) for key, s in record.speakers.items()},
    )
    restaffed = rows.sync_children(
        session,
        Role,
        "speaker_id",
        {speakers[key]: [_role(r, parties) for r in s.roles] for key, s in record.speakers.items()},
    )
    claims = rows.sync(
        session,
        Claim,
        report,
        "claims",
        {c.key: {"text": c.text, "topic": c.topic} for c in record.claims},
    )
    ids = {"party": parties, "speaker": speakers, "claim": claims}
    # A speaker new to the database has no statements of other loads to tie again.
    return ids, _ids(speakers, changed - new) | (set(restaffed) - _ids(speakers, new))


def sync_unnamed_speakers(
    session, sources: list[tuple[int, CuratedSource]], ids: dict, held, report: LoadReport
) -> set[int]:
    """The unnamed speakers a batch of sources declares (keyed "source/key"), added to
    ``ids["speaker"]`` and their parties to ``held``; return those whose party changed."""
    declared = {key: entry for _, source in sources for key, entry in source.speakers.items()}
    if not declared:
        return set()
    owners = {key.partition("/")[0] for key in declared}
    source_ids = {source.key: source_id for source_id, source in sources}
    missing = sorted(owners - source_ids.keys())
    if missing:
        found = session.execute(select(Source.key, Source.id).where(Source.key.in_(missing)))
        source_ids.update({row[0]: row[1] for row in found})
    changed: set[str] = set()
    new: set[str] = set()
    speakers = rows.sync(
        session,
        Speaker,
        report,
        "speakers",
        {
            key: {
                "name": entry.name,
                "kind": "unnamed",
                "party_id": ids["party"].get(entry.party),
                "source_id": source_ids.get(key.partition("/")[0]),
            }
            for key, entry in declared.items()
        },
        touched=changed,
        added_keys=new,
    )
    ids["speaker"].update(speakers)
    held.add_speakers(
        {speakers[key]: ids["party"].get(entry.party) for key, entry in declared.items()}
    )
    rows.sync_children(
        session,
        SpeakerAlias,
        "speaker_id",
        {speakers[key]: _aliases([entry.name]) for key, entry in declared.items()},
    )
    return _ids(speakers, changed - new)


def prune_unnamed_speakers(session, report: LoadReport) -> None:
    """Unnamed speakers no statement cites any more (their source changed or went)."""
    uncited = [
        row[0]
        for row in session.execute(
            text(
                "SELECT id FROM speaker WHERE \"key\" LIKE '%/%' AND NOT EXISTS "
                "(SELECT 1 FROM statement WHERE statement.speaker_id = speaker.id)"
            )
        )
    ]
    for chunk in rows.chunks(uncited):
        session.execute(SpeakerAlias.__table__.delete().where(SpeakerAlias.speaker_id.in_(chunk)))
    if uncited:
        rows.prune(session, Speaker, uncited, report, "speakers")


def prune_registries(session, report: LoadReport, ids: dict) -> None:
    """Remove registry rows the files dropped, unless statements still in the database cite
    them. Unnamed speakers ("source/key") are not the registry's: prune_unnamed_speakers."""
    cited = [
        (Speaker, Statement.speaker_id, ids["speaker"], "speaker", "data/speakers/"),
        (Party, Stance.party_id, ids["party"], "party", "data/parties.yaml"),
        (Claim, ClaimPosition.claim_id, ids["claim"], "claim", "data/claims.yaml"),
    ]
    problems, dropped = [], {}
    for model, reference, kept, kind, where in cited:
        dropped[model] = [
            row.id
            for row in session.execute(select(model.id, model.key))
            if row.key not in kept and "/" not in row.key
        ]
        for chunk in rows.chunks(dropped[model]):
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
    for model, kind in ((Claim, "claims"), (Speaker, "speakers"), (Party, "parties")):
        if dropped[model]:
            rows.prune(session, model, dropped[model], report, kind)


def _ids(ids: dict[str, int], keys: set[str]) -> set[int]:
    return {ids[key] for key in keys}


def _aliases(names: list[str]) -> list[dict]:
    """Alias rows for ``names``, one per normalized form: a speaker's name is one of them."""
    found: dict[str, dict] = {}
    for name in names:
        norm = normalize(name)
        found.setdefault(norm, {"alias": name, "norm": norm})
    return list(found.values())


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
