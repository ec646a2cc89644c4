"""Reading the database through its DB-API driver alone (sqlite3, psycopg), for the read path.

`quotes said` answers in a few milliseconds, while importing SQLAlchemy costs a third of a
second: the commands that only read (list, said, show, export) open the database here, read
only, and hand plain SQL to the driver. Code that already holds a SQLAlchemy session (the
loader, the web pages, the tests) passes it as it is: ``reader_of`` reads through the session's
own driver connection, inside its transaction.
"""

import contextlib
import itertools
import re
from collections.abc import Iterator

from quotes.config import REVISIONS

HEAD = REVISIONS[-1]  # the newest migration, as quotes.db.HEAD
_cursors = itertools.count()


class Reader:
    """A driver connection and the few things the SQL builders must know about it."""

    def __init__(self, connection, dialect: str, *, owned: bool = False, location=None):
        self.connection = connection
        self.dialect = dialect
        self.mark = "?" if dialect == "sqlite" else "%s"  # the driver's placeholder
        self.owned = owned
        # (dialect, SQLite file URI path or PostgreSQL URL) when another driver may open the
        # same database (quotes.columnar); None when only this connection knows how.
        self.location = location

    def execute(self, sql: str, params=()):
        cursor = self.connection.cursor()
        cursor.execute(sql, tuple(params))
        return cursor

    def batches(
        self, sql: str, params=(), size: int = 2000, *, few: bool = False
    ) -> Iterator[list[tuple]]:
        """Rows of a query of any size, ``size`` at a time: through a server-side cursor on
        PostgreSQL, so that memory stays flat however many rows there are, unless the caller
        knows there are ``few`` (at most ``size``): then one round trip does."""
        if self.dialect == "postgresql" and not few:
            cursor = self.connection.cursor(name=f"quotes_{next(_cursors)}")
            cursor.itersize = size
        else:
            cursor = self.connection.cursor()
        try:
            cursor.execute(sql, tuple(params))
            while rows := cursor.fetchmany(size):
                yield rows
                if len(rows) < size:
                    break
        finally:
            with contextlib.suppress(Exception):  # the connection may be closed already
                cursor.close()

    def close(self) -> None:
        if self.owned:
            self.connection.close()


def reader_of(db) -> Reader:
    """A Reader for ``db``: a Reader, a SQLAlchemy Session or a SQLAlchemy Connection."""
    if isinstance(db, Reader):
        return db
    connection = db.connection() if hasattr(db, "get_bind") else db
    return Reader(connection.connection.driver_connection, connection.dialect.name)


_SQLITE = re.compile(r"^sqlite(\+pysqlite)?://(?P<rest>.*)$")
_POSTGRESQL = re.compile(r"^postgres(ql)?(\+psycopg)?://(?P<rest>.*)$")


def connect(url: str) -> Reader:
    """A read-only Reader on the database at ``url``, checked to be at the newest migration.

    The fast path takes a plain SQLite file or PostgreSQL server at the newest schema. All
    else (other URLs, a missing, older, newer or damaged database, a read-only medium, a
    server that refuses) goes through SQLAlchemy and quotes.db, which say what is wrong in
    the words every other command uses.
    """
    reader = None
    where = location_of(url)
    if where and where[0] == "sqlite":
        reader = _sqlite(where[1])
    elif where:
        reader = _postgresql(where[1])
    if reader is not None:
        try:
            if _revision(reader) == HEAD:
                return reader
        except Exception:  # no schema, not a database: said below
            pass
        reader.close()
    return _through_sqlalchemy(url)


def location_of(url: str) -> tuple[str, str] | None:
    """Where a plain database URL points, as a driver other than SQLAlchemy opens it: ("sqlite",
    the file's path as a URI path) for an existing file, ("postgresql", a libpq URL); None for
    any other URL (in memory, with options, another driver), which SQLAlchemy must read."""
    import os

    if match := _SQLITE.match(url):
        rest = match["rest"]
        # sqlite:///relative/file.db, sqlite:////absolute/file.db, as SQLAlchemy reads them.
        path = rest[1:].partition("?")[0] if rest.startswith("/") else ""
        if path in ("", ":memory:") or "?" in rest or not os.path.isfile(path):
            return None
        return ("sqlite", _uri_path(path))
    if match := _POSTGRESQL.match(url):
        return ("postgresql", "postgresql://" + match["rest"])
    return None


def _sqlite(path: str) -> Reader | None:
    import sqlite3

    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    return Reader(connection, "sqlite", owned=True, location=("sqlite", path))


def _uri_path(path: str) -> str:
    return path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")


def _postgresql(conninfo: str) -> Reader | None:
    import psycopg

    try:
        connection = psycopg.connect(conninfo, connect_timeout=10)
    except psycopg.Error:
        return None
    connection.read_only = True
    # Listings read every row they ask for: plan server-side cursors for all of them.
    connection.execute("SET cursor_tuple_fraction = 1.0")
    return Reader(connection, "postgresql", owned=True, location=("postgresql", conninfo))


def _revision(reader: Reader) -> str:
    """The schema revision; the driver's error where there is no schema or no database."""
    return reader.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _through_sqlalchemy(url: str) -> Reader:
    from quotes import db

    engine = db.make_engine(url)
    try:
        db.require_current(engine)
    except BaseException:
        engine.dispose()  # its pool holds the connection that looked
        raise
    connection = engine.connect()
    reader = reader_of(connection)
    reader.close = lambda: (connection.close(), engine.dispose())
    return reader
