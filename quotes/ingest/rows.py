"""Writing rows by key: the few moves every part of a load is made of.

Rows are matched by their keys, compared field by field, and only what differs is written,
so loading the same files twice changes nothing. Many rows go in multi-row statements (COPY
on PostgreSQL), so a million statements load in minutes, not hours.
"""

from collections.abc import Iterable, Iterator
from itertools import islice
from operator import itemgetter

from sqlalchemy import delete, insert, select, update

from quotes.ingest.report import LoadReport

CHUNK = 5000  # ids per IN (...) list


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for at in range(0, len(values), size):
        yield values[at : at + size]


def insert_returning(session, model, rows: list[dict], key: str) -> dict:
    """Insert ``rows`` in multi-row statements; return each row's ``key`` value to its id."""
    table = model.__table__
    ids = {}
    for chunk in chunks(rows, 1000):
        # Rows come back in any order (SQLite cannot promise one): map them by their key.
        result = session.execute(insert(table).returning(table.c.id, table.c[key]), chunk)
        ids.update({row[1]: row[0] for row in result})
    return ids


def sync(
    session, model, report: LoadReport, kind: str, desired: dict[str, dict], touched=None
) -> dict[str, int]:
    """Upsert rows of ``model`` by key; return every key's id. Removal is ``prune``'s.
    The keys of rows added or changed go into ``touched`` when it is given."""
    if not desired:
        return {}
    names = list(next(iter(desired.values())))
    columns = [model.id, model.key, *(getattr(model, name) for name in names)]
    existing = {}
    for keys in chunks(list(desired)):
        existing.update(
            {row.key: row for row in session.execute(select(*columns).where(model.key.in_(keys)))}
        )
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
    ids.update(insert_returning(session, model, added, "key"))
    if touched is not None:
        touched.update(row["key"] for row in added)
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
        wanted = [tuple(r.get(n) for n in names) for r in rows]
        if sorted(wanted, key=repr) != sorted(existing.get(parent_id, []), key=repr):
            stale.append(parent_id)
            fresh.extend({parent: parent_id, **r} for r in rows)
    for chunk in chunks(stale):
        session.execute(delete(model).where(column.in_(chunk)))
    for chunk in chunks(fresh):
        session.execute(insert(model.__table__), chunk)
    return stale


def bulk_insert(session, model, rows: list[dict]) -> None:
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
    for chunk in chunks(values):
        connection.exec_driver_sql(sql, chunk)


def prune(session, model, ids: list[int], report: LoadReport, kind: str) -> None:
    """Delete rows of ``model`` by id, counting them as removed."""
    for chunk in chunks(ids):
        session.execute(delete(model).where(model.id.in_(chunk)))
    report.count(kind, "removed", len(ids))
