"""Errors the core raises; the CLI turns them into messages and exit statuses."""


class QuotesError(Exception):
    """Something the user can fix: the message says what and how."""


class DatabaseNotReady(QuotesError):
    """The database is missing or its schema is not at the newest migration."""


class DatabaseBusy(QuotesError):
    """Another writer holds the database's write lock, longer than we were willing to wait."""


class BadDatabaseURL(QuotesError):
    """The database URL cannot be used: malformed, an unknown driver, or a folder."""


class UnknownName(QuotesError):
    """No speaker, party, source, claim or statement goes by that name."""

    option: str | None = None  # the command-line option the name came from, if any


class AmbiguousName(QuotesError):
    """More than one speaker matches; the message lists them."""

    option: str | None = None
