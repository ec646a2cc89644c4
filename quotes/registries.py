"""The registries as listings: speakers, parties and sources, each with statement counts."""

from collections.abc import Iterator
from datetime import UTC

from sqlalchemy import func, select
from sqlmodel import Session

from quotes.models import Load, Party, PartyAlias, Source, Speaker, SpeakerAlias, Stance, Statement


def _aliases(session: Session, model, parent) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for owner, alias in session.execute(select(parent, model.alias).order_by(parent, model.id)):
        found.setdefault(owner, []).append(alias)
    return found


def speaker_rows(session: Session) -> Iterator[dict]:
    counts = (
        select(Statement.speaker_id, func.count().label("n"))
        .group_by(Statement.speaker_id)
        .subquery()
    )
    aliases = _aliases(session, SpeakerAlias, SpeakerAlias.speaker_id)
    for speaker, party, n in session.execute(
        select(Speaker, Party.key, counts.c.n)
        .outerjoin(Party, Speaker.party_id == Party.id)
        .outerjoin(counts, counts.c.speaker_id == Speaker.id)
        .order_by(Speaker.key)
    ):
        yield {
            "key": speaker.key,
            "name": speaker.name,
            "kind": str(speaker.kind),
            "party": party,
            "wikidata": speaker.wikidata,
            "aliases": [a for a in aliases.get(speaker.id, []) if a != speaker.name],
            "statements": n or 0,
        }


def party_rows(session: Session) -> Iterator[dict]:
    counts = select(Stance.party_id, func.count().label("n")).group_by(Stance.party_id).subquery()
    aliases = _aliases(session, PartyAlias, PartyAlias.party_id)
    parent = select(Party.id, Party.key).subquery()
    for party, parent_key, n in session.execute(
        select(Party, parent.c.key, counts.c.n)
        .outerjoin(parent, parent.c.id == Party.parent_id)
        .outerjoin(counts, counts.c.party_id == Party.id)
        .order_by(Party.key)
    ):
        yield {
            "key": party.key,
            "name": party.name,
            "kind": str(party.kind),
            "code": party.code,
            "parent": parent_key,
            "existed": party.existed,
            "aliases": aliases.get(party.id, []),
            "statements": n or 0,
        }


def source_rows(session: Session) -> Iterator[dict]:
    """Each source with its metadata, language, provenance (who curated and reviewed it, the
    load that last wrote it and the git commit of data/ then) and statement count."""
    counts = (
        select(Statement.source_id, func.count().label("n"))
        .group_by(Statement.source_id)
        .subquery()
    )
    for source, n, load in session.execute(
        select(Source, counts.c.n, Load)
        .outerjoin(counts, counts.c.source_id == Source.id)
        .outerjoin(Load, Load.id == Source.load_id)
        .order_by(Source.key)
    ):
        yield {
            "key": source.key,
            "title": source.title,
            "publication": source.publication,
            "author": source.author,
            "published": source.published,
            "url": source.url,
            "text_path": source.text_path,
            "sha256": source.sha256,
            "language": source.language,
            "accessed": source.accessed,
            "curated_by": source.curated_by,
            "reviewed": source.reviewed.isoformat() if source.reviewed else None,
            "loaded_at": load.loaded_at.astimezone(UTC).isoformat() if load else None,
            "git_commit": load.git_commit if load else None,
            "git_dirty": load.git_dirty if load else None,
            "statements": n or 0,
        }
