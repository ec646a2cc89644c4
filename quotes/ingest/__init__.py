"""Bringing the database to exactly what the curated record says, in one transaction.

Rows are matched by their keys, compared field by field, and only what differs is written,
so loading the same files twice changes nothing. Statements of the sources loaded that are
no longer in their files are removed; registry entries no longer in the registries are
removed once nothing cites them. Sources are taken in batches and written with multi-row
statements, so a million statements load in minutes, and the sources may come as a stream.

The parts: ``registry`` (parties, speakers, claims, unnamed speakers), ``statements``
(statements with their stances and claim positions), ``held`` (the role and party at the
time), ``links`` (reports of one utterance), ``rows`` (the moves they are made of),
``drift`` (what `quotes check` compares).
"""

import gc
from datetime import date

from sqlmodel import Session

from quotes.curation.record import Record
from quotes.ingest import links, registry, rows, statements
from quotes.ingest.drift import anchor_drift
from quotes.ingest.held import Held, retie
from quotes.ingest.report import LoadReport
from quotes.models import Source

__all__ = ["LoadReport", "anchor_drift", "load_record"]

BATCH = 500  # sources per round trip


def load_record(*, session: Session, record: Record, prune_sources: bool) -> LoadReport:
    """Write ``record`` into the database; the caller commits or rolls back.

    ``prune_sources`` removes sources that have no file any more (a load of everything).
    ``record.sources`` may be any iterable, read once.
    """
    # The record read (a whole data folder, perhaps) is there for the whole load: the garbage
    # collector need not walk it again at every collection, a sixth of a large load's time.
    gc.freeze()
    try:
        return _load(session, record, prune_sources)
    finally:
        gc.unfreeze()


def _load(session: Session, record: Record, prune_sources: bool) -> LoadReport:
    report = LoadReport()
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # The indexes of a large load stay in memory: 256 MB of page cache, for this load.
        connection.exec_driver_sql("PRAGMA cache_size=-262144")
    ids, restaffed = registry.sync_registries(session, record, report)
    held = Held(session)
    seen: set[str] = set()
    touched: list[int] = []
    with statements.indexing_in_bulk(session) as indexing:
        for batch in rows.batches(record.sources, BATCH):
            sources = rows.sync(
                session,
                Source,
                report,
                "sources",
                {s.key: _source_fields(s) for s in batch},
                touched=report.touched_sources,
            )
            seen.update(sources)
            pairs = [(sources[s.key], s) for s in batch]
            restaffed |= registry.sync_unnamed_speakers(session, pairs, ids, held, report)
            touched += statements.sync_statements(session, pairs, ids, held, report, indexing)
    if prune_sources:
        statements.prune_sources(session, seen, report)
    registry.prune_unnamed_speakers(session, report)
    registry.prune_registries(session, report, ids)
    retie(session, held, restaffed, skip=set(touched))
    links.link_utterances(session)
    return report


def _source_fields(source) -> dict:
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
