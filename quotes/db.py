"""Engines from database URLs, the write lock, and running the alembic migrations.

Nothing here runs at import time: callers build an engine from the URL they were given.
Every transaction is a real one, schema changes included (SQLite's driver would otherwise
run DDL outside any transaction), and an engine made for writing takes the database's write
lock as its transactions begin, so writers queue instead of reading stale state.
"""

import contextlib
import os
import sqlite3
import time
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from quotes.config import (  # noqa: F401  (re-exported)
    DEFAULT_URL,
    ENV_VAR,
    REVISIONS,
    database_url,
)
from quotes.errors import BadDatabaseURL, DatabaseBusy, DatabaseNotReady, QuotesError  # noqa: F401

HEAD = REVISIONS[-1]

LOCK_WAIT = 60.0  # seconds a writer waits for another to finish
_LOCK_KEY = 0x71756F746573  # "quotes": the PostgreSQL advisory lock of our writers


def masked(url: str) -> str:
    """The URL with any password hidden, fit to print."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.query.get("uri") == "true":  # sqlite:///file:PATH?mode=ro&uri=true
        return Path(parsed.database.removeprefix("file:")) if parsed.database else None
    return Path(parsed.database)


def _read_only_medium(path: Path) -> bool:
    """A database nobody can write: on a read-only file system or in a folder we cannot
    write (where a WAL database cannot make its shared-memory file)."""
    return path.exists() and not os.access(path.parent, os.W_OK)


def make_engine(url: str, *, writer: bool = False, lock_wait: float = LOCK_WAIT) -> Engine:
    """An engine for ``url``, or BadDatabaseURL saying what is wrong with it.

    SQLite gets foreign keys and WAL; a ``writer`` engine gets its file's folder made and
    takes the write lock at the start of every transaction, waiting ``lock_wait`` seconds
    at most for another writer to finish.
    """
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except ArgumentError:
        raise BadDatabaseURL(
            f"{url!r} is not a database URL. Use a SQLite file (sqlite:///data/quotes.db) or "
            "postgresql+psycopg://user:password@host/name."
        ) from None
    if backend not in ("sqlite", "postgresql"):
        raise BadDatabaseURL(
            f"{masked(url)}: quotes runs on SQLite and PostgreSQL, not {backend}. "
            "Use sqlite:///FILE or postgresql+psycopg://user:password@host/name."
        )
    path = sqlite_path(url)
    if path is not None:
        if path.is_dir():
            raise BadDatabaseURL(f"{path} is a folder; the SQLite URL must name a file in it.")
        if writer:
            path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if backend == "sqlite" and path is not None and not writer and _read_only_medium(path):
            # SQLite opens a WAL database there only as immutable: what Datasette does too.
            engine = create_engine(
                url,
                creator=lambda: sqlite3.connect(
                    f"{path.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False
                ),
            )
        elif backend == "sqlite":
            engine = create_engine(url, connect_args={"timeout": lock_wait})
        else:
            engine = create_engine(url)
    except (NoSuchModuleError, ArgumentError, ImportError) as error:
        raise BadDatabaseURL(
            f"{masked(url)} names a database driver that is not installed or not known "
            f"({error}). Use sqlite:///FILE or postgresql+psycopg://…"
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        begin = "BEGIN IMMEDIATE" if writer else "BEGIN"
        event.listen(engine, "begin", lambda conn: _sqlite_begin(conn, begin, lock_wait))
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgresql_settings)
        if writer:
            event.listen(engine, "begin", lambda conn: _advisory_lock(conn, lock_wait))
    return engine


def _postgresql_settings(dbapi_connection, _record) -> None:
    # Listings stream through server-side cursors, which PostgreSQL plans for the first
    # tenth of the rows by default; a listing reads them all.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET cursor_tuple_fraction = 1.0")
    dbapi_connection.commit()


def _advisory_lock(connection, wait: float) -> None:
    """Take our writers' lock for this transaction, or DatabaseBusy after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while not connection.exec_driver_sql(f"SELECT pg_try_advisory_xact_lock({_LOCK_KEY})").scalar():
        if time.monotonic() >= deadline:
            raise DatabaseBusy(busy_message(str(connection.engine.url), wait))
        time.sleep(0.1)


def _sqlite_begin(connection, begin: str, wait: float) -> None:
    """BEGIN, or BEGIN IMMEDIATE for a writer: the write lock, after the driver's ``timeout``."""
    from sqlalchemy.exc import OperationalError

    try:
        connection.exec_driver_sql(begin)
    except OperationalError as error:
        if "locked" not in str(error.orig):
            raise
        raise DatabaseBusy(busy_message(str(connection.engine.url), wait)) from None


def busy_message(url: str, wait: float) -> str:
    return (
        f"Another `quotes load` is writing to {masked(url)}; waited {wait:g} s for it. "
        "Nothing was written: run the command again when it has finished."
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # The driver's own transaction handling skips BEGIN before DDL; the "begin" listener
    # issues BEGIN itself, so that a schema change is rolled back whole like any other.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets readers go on while a load writes. A database the user cannot write keeps
    # the journal it has: reading it needs no change.
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except Exception as error:
            if "readonly" not in str(error) and "locked" not in str(error):
                raise
    # WAL makes NORMAL safe against corruption; a 32 MB page cache (the loader asks for more)
    # keeps hot index pages in memory without letting a long export grow.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def _script_location() -> str:
    """The migrations: shipped inside the wheel, or the repository's alembic/ folder."""
    shipped = resources.files("quotes") / "migrations"
    if shipped.is_dir():
        return str(shipped)
    return str(Path(__file__).resolve().parent.parent / "alembic")


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _script_location())
    config.attributes["connection"] = connection
    return config


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """What migrations compare: all but the full-text search tables and index the models omit."""
    return not (name or "").startswith("statement_fts")


def upgrade(engine: Engine, revision: str = "head") -> None:
    with _migrating(engine) as connection:
        upgrade_connection(connection, revision)


@contextlib.contextmanager
def _migrating(engine: Engine):
    """A transaction for migrations run on their own (`quotes db upgrade`/`downgrade`).

    On SQLite, foreign keys are off meanwhile and checked before the commit: alembic's batch
    mode drops and recreates a table, which with them on would delete the rows that refer
    to it (ON DELETE CASCADE) or be refused (RESTRICT). SQLite takes the setting only outside
    a transaction, so it is set on the driver's connection before the transaction begins.
    """
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                yield connection
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise QuotesError(
                        "The migration left rows referring to rows that are gone; "
                        "nothing was changed."
                    )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def upgrade_connection(connection, revision: str = "head") -> None:
    """Migrate in the caller's transaction: a failure or an interruption leaves no half schema."""
    from alembic import command

    refuse_newer(connection)
    command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with _migrating(engine) as connection:
        refuse_newer(connection)
        command.downgrade(alembic_config(connection), revision)


def downgrade_losses(current: str | None, target: str) -> list[tuple[str, str]]:
    """What going down from ``current`` to ``target`` destroys: (revision, what) for each
    migration on the way whose downgrade drops data. ``target`` may be "base" or a revision."""
    from alembic.script import ScriptDirectory

    if current is None:
        return []
    scripts = ScriptDirectory.from_config(alembic_config())
    lost = []
    for script in scripts.iterate_revisions(current, target):
        if script.revision == target:
            continue
        what = getattr(script.module, "DOWNGRADE_LOSES", "what it holds (it does not say)")
        if what:
            lost.append((script.revision, what))
    return lost


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def revision_of(connection) -> str | None:
    """The revision a connection's database is at, or None when it has no schema yet."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for a blank or missing database."""
    path = sqlite_path(str(engine.url))
    if path is not None and not path.exists():
        return None
    with engine.connect() as connection:
        return revision_of(connection)


def refuse_newer(connection) -> None:
    """DatabaseNotReady when the database was made by a newer version of quotes."""
    current = revision_of(connection)
    if current is not None and current not in REVISIONS:
        raise DatabaseNotReady(newer_message(str(connection.engine.url), current))


def newer_message(url: str, current: str) -> str:
    return (
        f"The database at {masked(url)} is at revision {current}, newer than this version of "
        f"quotes knows (its newest is {HEAD}). Upgrade quotes, or use another database."
    )


def _not_here(url: str) -> str:
    """Why a relative SQLite database is missing when its folder is too: quotes was run
    outside the project folder (the default is data/quotes.db there)."""
    path = sqlite_path(url)
    if path is None or path.is_absolute() or path.parent == Path() or path.parent.is_dir():
        return ""
    return (
        f" (There is no folder {path.parent} in {Path.cwd()}: run quotes from the project "
        "folder, or name the database with --db.)"
    )


def require_current(engine: Engine) -> None:
    """Raise DatabaseNotReady unless the database exists and is at the newest migration."""
    where = masked(str(engine.url))
    current = current_revision(engine)
    if current is None:
        raise DatabaseNotReady(
            f"No database at {where}. Run `quotes load` to build it from data/, "
            "or `quotes db upgrade` for an empty one." + _not_here(str(engine.url))
        )
    if current not in REVISIONS:
        raise DatabaseNotReady(newer_message(str(engine.url), current))
    if current != HEAD:
        raise DatabaseNotReady(
            f"The database at {where} is at revision {current}, not {HEAD}. "
            "Run `quotes db upgrade`."
        )


# The drivers the commands that only read use without SQLAlchemy (quotes.reader, quotes.columnar).
_READ_DRIVERS = ("sqlite3", "psycopg", "adbc_driver_manager")


def _is_full(detail: str) -> bool:
    return "disk is full" in detail.lower() or "no space" in detail.lower()


def explain(error: Exception, url: str) -> str | None:
    """A message a user can act on for a database error, or None when it is not one of ours.

    The drivers' own words are kept after the explanation: they name the detail.
    """
    from sqlalchemy.exc import DBAPIError

    if isinstance(error, DBAPIError):
        detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    elif type(error).__module__.partition(".")[0] in _READ_DRIVERS:
        detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
        if _is_full(detail) and sqlite_path(url) is not None:
            return (
                f"The disk is full where SQLite sorts what it reads from {masked(url)} ({detail}): "
                "its temporary folder, SQLITE_TMPDIR, else TMPDIR, /var/tmp or /tmp; a whole "
                "export needs about its own size there. Free space, or set SQLITE_TMPDIR."
            )
    else:
        return None
    where = masked(url)
    lowered = detail.lower()
    if "database is locked" in lowered:
        return busy_message(url, LOCK_WAIT) + f" ({detail})"
    if "readonly" in lowered or "read-only" in lowered:
        return f"The database at {where} is read-only for you: nothing was written ({detail})."
    if _is_full(lowered):
        return f"The disk is full: nothing was written to {where} ({detail})."
    if "not a database" in lowered or "malformed" in lowered:
        return f"{where} is not a quotes database, or is damaged ({detail})."
    path = sqlite_path(url)
    if "unable to open" in lowered and path is not None and _read_only_medium(path):
        return (
            f"The database at {where} is on a read-only medium or in a folder you cannot "
            f"write: it can be read, not written ({detail})."
        )
    if "unable to open" in lowered:
        return f"Cannot open the database at {where} ({detail}): check the path and permissions."
    if "connection" in lowered or "connect" in lowered or "could not translate" in lowered:
        return f"Cannot reach the database at {where} ({detail})."
    return f"The database at {where} refused the command ({detail})."
