"""The database as the web face opens it: read-only, whatever the URL's user may do."""

from sqlalchemy import Engine, event


def read_only_engine(url: str) -> Engine:
    """An engine whose every connection refuses writes (SQLite's query_only, PostgreSQL's
    read-only session), so that no page, however it is reached, can change the record."""
    from quotes.db import make_engine

    engine = make_engine(url)
    event.listen(engine, "connect", _read_only)
    return engine


def _read_only(dbapi_connection, record) -> None:
    cursor = dbapi_connection.cursor()
    if "sqlite" in type(dbapi_connection).__module__:
        cursor.execute("PRAGMA query_only=ON")
    else:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        dbapi_connection.commit()
    cursor.close()
