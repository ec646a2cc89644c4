"""Engines from database URLs, sessions, and running the alembic migrations.

Nothing here runs at import time: callers build an engine from the URL they were given.
"""

from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

from quotes.config import DEFAULT_URL, ENV_VAR, database_url  # noqa: F401  (re-exported)
from quotes.errors import DatabaseNotReady

# The newest migration: checked against alembic's own head by a test, so that commands can
# tell an outdated database without loading alembic (which costs every command ~0.1 s).
HEAD = "0004"


def masked(url: str) -> str:
    """The URL with any password hidden, fit to print."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets its folder made, foreign keys enforced and WAL."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgresql_settings)
    return engine


def _postgresql_settings(dbapi_connection, _record) -> None:
    # Listings stream through server-side cursors, which PostgreSQL plans for the first
    # tenth of the rows by default; a listing reads them all.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET cursor_tuple_fraction = 1.0")
    dbapi_connection.commit()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
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
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for a blank or missing database."""
    if not exists(engine):
        return None
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def exists(engine: Engine) -> bool:
    path = sqlite_path(str(engine.url))
    if path is not None and not path.exists():
        return False
    return inspect(engine).has_table("alembic_version")


def require_current(engine: Engine) -> None:
    """Raise DatabaseNotReady unless the database exists and is at the newest migration."""
    where = masked(str(engine.url))
    current, head = current_revision(engine), HEAD
    if current is None and not exists(engine):  # asked again only off the common path
        raise DatabaseNotReady(
            f"No database at {where}. Run `quotes load` to build it from data/, "
            "or `quotes db upgrade` for an empty one."
        )
    if current != head:
        raise DatabaseNotReady(
            f"The database at {where} is at revision {current or 'none'}, not {head}. "
            "Run `quotes db upgrade`."
        )
