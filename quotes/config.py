"""Where the database is: the one setting, read without importing the database layer."""

import os

ENV_VAR = "QUOTES_DATABASE_URL"
DEFAULT_URL = "sqlite:///data/quotes.db"

# Every migration this version knows, oldest first (a test checks them against alembic's
# scripts): commands tell an outdated or a newer database without loading alembic or SQLAlchemy.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $QUOTES_DATABASE_URL, else the embedded default."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_URL
