"""Statements of a batch of sources: added, updated and removed in a few statements each,
with their stances and claim positions, and indexed for full-text search."""

from contextlib import contextmanager
from operator import attrgetter

from sqlalchemy import delete, select, update

from quotes import fields
from quotes.curation.record import CuratedSource
from quotes.ingest import rows
from quotes.ingest.held import Held
from quotes.ingest.report import LoadReport
from quotes.models import ClaimPosition, Source, Stance, Statement

# The statement columns the curated record decides, compared on every load, in the order
# of the values tuple: read in one C call (operator.attrgetter), as the loader reads them
# for every statement of a load.
CURATED = [field.stored for field in fields.CURATED]
COLUMNS = ["speaker_id", "role_id", "party_id", *CURATED]
_curated = attrgetter(*(field.curated for field in fields.CURATED))


def _values(statement, speakers: dict[str, int], held: Held) -> tuple:
    speaker = speakers[statement.speaker_key]
    role, party = held.at(
        speaker, statement.said_from, statement.said_to, statement.entry.role_held
    )
    return (speaker, role, party, *_curated(statement))


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
    indexing: "Indexing",
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
    unchanged = 0
    speakers, parties, claims = ids["speaker"], ids["party"], ids["claim"]
    for source_id, source in sources:
        for statement in source.statements:
            entry = statement.entry
            values = _values(statement, speakers, held)
            stances = _stances(entry, parties)
            positions = {(claims[c], str(p)) for c, p in entry.claims.items()}
            row = existing.pop((source_id, entry.key), None)
            if row is None:
                report.touched_sources.add(source.key)
                added.append((source_id, entry.key, *values))
                children[(source_id, entry.key)] = (stances, positions)
                continue
            same = tuple(row[3:]) == values
            same_children = (
                old_stances.get(row.id, set()) == stances
                and old_positions.get(row.id, set()) == positions
            )
            if same and same_children:
                unchanged += 1
                continue
            report.count("statements", "updated")
            report.touched_sources.add(source.key)
            if not same:
                changed.append({"id": row.id, **dict(zip(COLUMNS, values, strict=True))})
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
        indexing.adding(len(added))
        rows.bulk_insert(session, Statement, ["source_id", "key", *COLUMNS], added)
        new_keys = {(row[0], row[1]) for row in added}
        for row in session.execute(
            select(Statement.id, Statement.source_id, Statement.key).where(
                Statement.source_id.in_({source_id for source_id, _ in new_keys})
            )
        ):
            if (row.source_id, row.key) in new_keys:
                new_ids[(row.source_id, row.key)] = row.id
        indexing.index(list(new_ids.values()))
    stance_rows, position_rows = [], []
    for owner, (stances, positions) in children.items():
        statement_id = new_ids[owner] if isinstance(owner, tuple) else owner
        stance_rows += [(statement_id, *stance) for stance in stances]
        position_rows += [(statement_id, *position) for position in positions]
    rows.bulk_insert(session, Stance, ["statement_id", "party_id", "polarity", "note"], stance_rows)
    positions = ["statement_id", "claim_id", "position"]
    rows.bulk_insert(session, ClaimPosition, positions, position_rows)
    report.count("statements", "unchanged", unchanged)
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
    removed = 0
    for chunk in rows.chunks(gone):
        statements = [
            row.id
            for row in session.execute(select(Statement.id).where(Statement.source_id.in_(chunk)))
        ]
        delete_statements(session, statements, children_only=False)
        removed += len(statements)
    if gone:
        rows.prune(session, Source, gone, report, "sources")
    report.count("statements", "removed", removed)  # after "sources", as every load says them


# The full-text indexes of migration 0006 (SQLite): their insert triggers, and what each
# indexes, as the triggers would.
_FTS = {
    "statement_fts_insert": "INSERT INTO statement_fts(rowid, text, translation) "
    "SELECT id, text, translation FROM statement WHERE id IN ({marks})",
    "statement_fts_words_insert": "INSERT INTO statement_fts_words(rowid, text) "
    "SELECT id, text FROM statement WHERE id IN ({marks})",
}
# A load adding at least this many statements, and at least as many as the database held,
# builds the secondary indexes of the statements, stances and claim positions after its
# inserts (a sorted build costs a fraction of inserting each row into each index), and on
# PostgreSQL checks their foreign keys once, with one join each, instead of row by row.
BULK_ROWS = 1000
# Kept through a bulk load: deleting a statement looks up the statements that point at it.
_KEPT = {"ix_statement_utterance_id"}
_TABLES = ("statement", "stance", "claimposition")
_INDEXES = {
    "sqlite": "SELECT 'DROP INDEX ' || name, sql FROM sqlite_master WHERE type = 'index' "
    "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({tables}) "
    "AND name NOT IN ({kept})",
    "postgresql": "SELECT 'DROP INDEX ' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid) "
    "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "JOIN pg_class t ON t.oid = i.indrelid WHERE NOT i.indisunique "
    "AND t.relname IN ({tables}) AND t.relnamespace = to_regnamespace(current_schema()) "
    "AND c.relname NOT IN ({kept})",
}
_FOREIGN_KEYS = (
    "SELECT 'ALTER TABLE ' || quote_ident(t.relname) || ' DROP CONSTRAINT ' || "
    "quote_ident(c.conname), 'ALTER TABLE ' || quote_ident(t.relname) || ' ADD CONSTRAINT ' "
    "|| quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) "
    "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
    "WHERE c.contype = 'f' AND t.relname IN ({tables}) "
    "AND t.relnamespace = to_regnamespace(current_schema())"
)


class Indexing:
    """How a load indexes the statements it adds, within its transaction.

    SQLite's FTS5 insert triggers cost ten times the insert itself when rows come one by
    one: they are dropped, new statements are indexed with one INSERT ... SELECT per index
    and batch (``index``), and the triggers are created again, exactly as they were, by
    ``restore``. A large load (``BULK_ROWS``) also drops the secondary indexes of the
    statement, stance and claim position tables before its first insert and builds them
    again in ``restore``: the unique ones stay, the load reads by them. On PostgreSQL only
    a load into an empty statement table does so (its full-text GIN indexes among them):
    DROP INDEX there keeps readers waiting until the commit; SQLite's readers go on
    reading the last commit. A failed load rolls all of it back with the rest.
    """

    def __init__(self, session):
        self.connection = connection = session.connection()
        self.sqlite = connection.dialect.name == "sqlite"
        self.triggers = {}
        if self.sqlite:
            for name in _FTS:
                sql = connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
                ).scalar()
                if sql is not None:
                    self.triggers[name] = sql
        for name in self.triggers:
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
        self.held = connection.exec_driver_sql("SELECT count(*) FROM statement").scalar()
        self.added = 0
        self.deferred: list[tuple[str, str]] = []

    def adding(self, count: int) -> None:
        """Before ``count`` more statements are inserted: drop the secondary indexes (and
        foreign keys) once this load is large next to what the database held."""
        self.added += count
        if self.deferred or not self._large():
            return
        self.deferred = self._deferrable()
        for drop, _create in self.deferred:
            self.connection.exec_driver_sql(drop)

    def _large(self) -> bool:
        if not self.sqlite and self.held:
            return False
        return self.added >= max(BULK_ROWS, self.held)

    def index(self, statement_ids: list[int]) -> None:
        """Index new statements for full-text search (SQLite; PostgreSQL's indexes do)."""
        for chunk in rows.chunks(statement_ids):
            marks = ", ".join("?" * len(chunk))
            for name in self.triggers:
                self.connection.exec_driver_sql(_FTS[name].format(marks=marks), tuple(chunk))

    def restore(self) -> None:
        """Build the dropped indexes, add the foreign keys (checking every row) and create the
        triggers again, as they were."""
        if self.deferred and not self.sqlite:
            # Room to sort in memory, for this transaction only.
            self.connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        for sql in [*(create for _drop, create in self.deferred), *self.triggers.values()]:
            self.connection.exec_driver_sql(sql)

    def _deferrable(self) -> list[tuple[str, str]]:
        """What a bulk load drops and then creates again after its inserts: the SQL of each.
        Indexes first, so that checking the foreign keys finds them built."""
        names = {
            "tables": ", ".join(f"'{table}'" for table in _TABLES),
            "kept": ", ".join(f"'{name}'" for name in _KEPT),
        }
        dialect = self.connection.dialect.name
        found = self.connection.exec_driver_sql(_INDEXES[dialect].format(**names)).all()
        if not self.sqlite:  # SQLite cannot drop a foreign key
            found += self.connection.exec_driver_sql(_FOREIGN_KEYS.format(**names)).all()
        return [tuple(row) for row in found]


@contextmanager
def indexing_in_bulk(session):
    """The ``Indexing`` of a load's statements: restored when the load's writes succeed."""
    indexing = Indexing(session)
    yield indexing
    indexing.restore()
