"""Where the database is: the one setting, read without importing the database layer."""

import os

ENV_VAR = "QUOTES_DATABASE_URL"
DEFAULT_URL = "sqlite:///data/quotes.db"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $QUOTES_DATABASE_URL, else the embedded default."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_URL
