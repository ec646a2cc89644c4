"""Output options shared by every listing: a table for people, CSV/TSV/JSON/JSON Lines."""

import functools
import sys

import click

from quotes.export import Column, write

FLAGS = {
    "table": "A table wrapped to the terminal (the default).",
    "csv": "CSV with a header row (cells safe to open in a spreadsheet).",
    "tsv": "Tab-separated values with a header row.",
    "json": "One JSON array of records.",
    "nl": "JSON Lines: one record per line.",
}


def output_options(command):
    """--table (the default), --csv, --tsv, --json, --nl: one format per run, passed as ``fmt``."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        chosen = [name for name in FLAGS if kwargs.pop(f"as_{name}")]
        if len(chosen) > 1:
            raise click.UsageError(
                "Choose one output format: " + ", ".join(f"--{c}" for c in chosen)
            )
        return command(*args, fmt=chosen[0] if chosen else "table", **kwargs)

    for name, help_text in reversed(FLAGS.items()):
        wrapper = click.option(f"--{name}", f"as_{name}", is_flag=True, help=help_text)(wrapper)
    return wrapper


def emit(
    records,
    *,
    fmt: str,
    table: list[Column],
    fields: list[str],
    empty: str,
    footer: str | None = None,
) -> int:
    """Stream ``records`` to stdout: ``table`` columns for people, ``fields`` for programs."""
    columns = table if fmt == "table" else [Column(f, f) for f in fields]
    count = write(records, sys.stdout, fmt=fmt, columns=columns, empty=empty, footer=footer)
    sys.stdout.flush()
    return count


def with_session(function):
    """Open a session on the migrated database for the command, or say how to make one."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from sqlmodel import Session

        from quotes import db
        from quotes.cli.common import engine_for, fail
        from quotes.errors import DatabaseNotReady

        ctx = click.get_current_context()
        engine = engine_for(ctx)
        try:
            db.require_current(engine)
        except DatabaseNotReady as error:
            raise fail(error) from None
        with Session(engine) as session:
            return function(session, *args, **kwargs)

    return wrapper
