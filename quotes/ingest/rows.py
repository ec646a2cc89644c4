"""Writing rows by key: the few moves every part of a load is made of.

Rows are matched by their keys, compared field by field, and only what differs is written,
so loading the same files twice changes nothing. Many rows go in multi-row statements (COPY
on PostgreSQL), so a million statements load in minutes, not hours.
"""

from collections.abc import Iterable, Iterator
from itertools import islice
from operator import itemgetter

from sqlalchemy import bindparam, delete, select, update

from quotes.ingest.report import LoadReport

CHUNK = 5000  # ids per IN (...) list


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for at in range(0, len(values), size):
        yield values[at : at + size]


def insert_keyed(session, model, rows: list[dict]) -> dict[str, int]:
    """Insert ``rows`` in bulk; return each row's key to its id, read back by the key (unique):
    cheaper than RETURNING, which SQLAlchemy sends as one multi-row VALUES per thousand."""
    if not rows:
        return {}
    columns = list(rows[0])
    bulk_insert(session, model, columns, list(map(itemgetter(*columns), rows)))
    ids = {}
    for keys in chunks([row["key"] for row in rows]):
        ids.update(session.execute(_keyed(model, model.key, model.id), {"keys": keys}).all())
    return ids


def _keyed(model, *columns):
    """SELECT ``columns`` of the rows whose key is in a list given at execution as ``keys``:
    SQLAlchemy then writes the list out as it is, not an expression built for each key."""
    return select(*columns).where(model.key.in_(bindparam("keys", expanding=True)))


def sync(
    session,
    model,
    report: LoadReport,
    kind: str,
    desired: dict[str, dict],
    touched: set[str] | None = None,
    added_keys: set[str] | None = None,
) -> dict[str, int]:
    """Upsert rows of ``model`` by key; return every key's id. Removal is ``prune``'s.
    The keys of rows added or changed go into ``touched``, of rows added into ``added_keys``,
    when they are given."""
    if not desired:
        return {}
    names = list(next(iter(desired.values())))
    columns = [model.id, model.key, *(getattr(model, name) for name in names)]
    existing = {}
    for keys in chunks(list(desired)):
        found = session.execute(_keyed(model, *columns), {"keys": keys})
        existing.update({row.key: row for row in found})
    ids, added, changed = {}, [], []
    for key, values in desired.items():
        row = existing.get(key)
        if row is None:
            added.append({"key": key, **values})
            continue
        ids[key] = row.id
        if any(getattr(row, name) != value for name, value in values.items()):
            changed.append({"id": row.id, **values})
            if touched is not None:
                touched.add(key)
    ids.update(insert_keyed(session, model, added))
    for keys in (touched, added_keys):
        if keys is not None:
            keys.update(row["key"] for row in added)
    if changed:
        session.execute(update(model), changed)
    report.count(kind, "added", len(added))
    report.count(kind, "updated", len(changed))
    report.count(kind, "unchanged", len(desired) - len(added) - len(changed))
    return ids


def sync_children(session, model, parent: str, desired: dict[int, list[dict]]) -> list[int]:
    """Replace a parent's child rows (aliases, roles) where they differ from ``desired``;
    return the parents whose rows were replaced."""
    names = sorted({name for rows in desired.values() for row in rows for name in row})
    column = getattr(model, parent)
    existing: dict[int, list[tuple]] = {}
    if names:
        for row in session.execute(select(column, *[getattr(model, n) for n in names])):
            existing.setdefault(row[0], []).append(tuple(row[1:]))
    stale, fresh = [], []
    for parent_id, rows in desired.items():
        wanted = [tuple(map(r.get, names)) for r in rows]
        have = existing.get(parent_id, [])
        if len(wanted) != len(have) or sorted(wanted, key=repr) != sorted(have, key=repr):
            stale.append(parent_id)
            fresh += [(parent_id, *row) for row in wanted]
    for chunk in chunks([parent_id for parent_id in stale if parent_id in existing]):
        session.execute(delete(model).where(column.in_(chunk)))
    bulk_insert(session, model, [parent, *names], fresh)
    return stale


def bulk_insert(session, model, columns: list[str], rows: list[tuple]) -> None:
    """Insert many rows, each a tuple in the order of ``columns``, the fastest way the driver
    has: COPY on PostgreSQL, executemany on SQLite. The hot path of a large load, several
    times faster than SQLAlchemy's own per-row parameter handling."""
    if not rows:
        return
    connection = session.connection()
    quoted = ", ".join(connection.dialect.identifier_preparer.quote(c) for c in columns)
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {model.__tablename__} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {model.__tablename__} ({quoted}) VALUES ({marks})"
    for chunk in chunks(rows):
        connection.exec_driver_sql(sql, chunk)


def prune(session, model, ids: list[int], report: LoadReport, kind: str) -> None:
    """Delete rows of ``model`` by id, counting them as removed."""
    for chunk in chunks(ids):
        session.execute(delete(model).where(model.id.in_(chunk)))
    report.count(kind, "removed", len(ids))
