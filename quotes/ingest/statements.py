"""Statements of a batch of sources: added, updated and removed in a few statements each,
with their stances and claim positions, and indexed for full-text search."""

from contextlib import contextmanager

from sqlalchemy import delete, select, update

from quotes import fields
from quotes.curation.record import CuratedSource
from quotes.ingest import rows
from quotes.ingest.held import Held
from quotes.ingest.report import LoadReport
from quotes.models import ClaimPosition, Source, Stance, Statement

# The statement columns the curated record decides, compared on every load.
COLUMNS = ["speaker_id", "role_id", "party_id", *(field.stored for field in fields.CURATED)]


def _values(statement, speakers: dict[str, int], held: Held) -> dict:
    values = {field.stored: field.curated(statement) for field in fields.CURATED}
    speaker = values["speaker_id"] = speakers[statement.speaker_key]
    said = statement.said
    values["role_id"], values["party_id"] = held.at(
        speaker,
        said.lower if said else None,
        said.upper if said else None,
        statement.entry.role_held,
    )
    return values


def _stances(entry, parties: dict[str, int]) -> set[tuple]:
    result = set()
    for party, stance in entry.stances.items():
        if isinstance(stance, str):
            result.add((parties[party], str(stance), None))
        else:
            result.add((parties[party], str(stance.polarity), stance.note))
    return result


def sync_statements(
    session,
    sources: list[tuple[int, CuratedSource]],
    ids,
    held: Held,
    report: LoadReport,
    index,
) -> list[int]:
    """Add, update and remove the statements of a batch of sources, in a few statements,
    each tied to the role held and the party spoken for then (``held``); return the ids of
    the statements added or changed."""
    source_ids = [source_id for source_id, _ in sources]
    columns = [
        Statement.id,
        Statement.source_id,
        Statement.key,
        *(getattr(Statement, name) for name in COLUMNS),
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
            values = _values(statement, ids["speaker"], held)
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
    delete_statements(session, gone, children_only=False)
    delete_statements(session, replaced, children_only=True)
    if changed:
        session.execute(update(Statement), changed)
    new_ids = {}
    if added:
        rows.bulk_insert(session, Statement, added)
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
    rows.bulk_insert(session, Stance, stance_rows)
    rows.bulk_insert(session, ClaimPosition, position_rows)
    report.count("statements", "added", len(added))
    report.count("statements", "removed", len(gone))
    return [*new_ids.values(), *(row["id"] for row in changed)]


def delete_statements(session, statement_ids: list[int], *, children_only: bool) -> None:
    for chunk in rows.chunks(statement_ids):
        session.execute(delete(Stance).where(Stance.statement_id.in_(chunk)))
        session.execute(delete(ClaimPosition).where(ClaimPosition.statement_id.in_(chunk)))
        if not children_only:
            session.execute(delete(Statement).where(Statement.id.in_(chunk)))


def prune_sources(session, keep: set[str], report: LoadReport) -> None:
    """Remove the sources whose files are gone, with their statements."""
    gone = [row.id for row in session.execute(select(Source.id, Source.key)) if row.key not in keep]
    for chunk in rows.chunks(gone):
        statements = [
            row.id
            for row in session.execute(select(Statement.id).where(Statement.source_id.in_(chunk)))
        ]
        delete_statements(session, statements, children_only=False)
    if gone:
        rows.prune(session, Source, gone, report, "sources")


# The full-text indexes of migration 0006 (SQLite): their insert triggers, and what each
# indexes, as the triggers would.
_FTS = {
    "statement_fts_insert": "INSERT INTO statement_fts(rowid, text, translation) "
    "SELECT id, text, translation FROM statement WHERE id IN ({marks})",
    "statement_fts_words_insert": "INSERT INTO statement_fts_words(rowid, text) "
    "SELECT id, text FROM statement WHERE id IN ({marks})",
}


@contextmanager
def indexing_in_bulk(session):
    """On SQLite, index new statements for full-text search a batch at a time.

    The FTS5 insert triggers cost ten times the insert itself when rows come one by one;
    within this transaction they are dropped, new statements are indexed with one INSERT ...
    SELECT per index and batch, and the triggers are created again, exactly as they were,
    before commit. Yields the function that indexes a list of new statement ids (a no-op
    elsewhere).
    """
    connection = session.connection()
    triggers = {}
    if connection.dialect.name == "sqlite":
        for name in _FTS:
            sql = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
            ).scalar()
            if sql is not None:
                triggers[name] = sql
    if not triggers:
        yield lambda statement_ids: None
        return
    for name in triggers:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")

    def index(statement_ids: list[int]) -> None:
        for chunk in rows.chunks(statement_ids):
            marks = ", ".join("?" * len(chunk))
            for name in triggers:
                connection.exec_driver_sql(_FTS[name].format(marks=marks), tuple(chunk))

    yield index
    for sql in triggers.values():
        connection.exec_driver_sql(sql)
