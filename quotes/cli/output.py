"""Output options shared by every listing: a table for people, CSV/TSV/JSON/JSON Lines.

One format per run, picked either way sqlite-utils users know: a flag (``--csv``) or
``--format csv``. Writing to standard output ends quietly when the reader closes the pipe
(``| head``) and with one clear line when the output cannot take the data (a full disk).
"""

import functools
import os
import sys
from contextlib import contextmanager

import click

from quotes.export import Column, write

FLAGS = {
    "table": "A table wrapped to the terminal (the default).",
    "csv": "CSV with a header row (cells safe to open in a spreadsheet).",
    "tsv": "Tab-separated values with a header row.",
    "json": "One JSON array of records.",
    "nl": "JSON Lines: one record per line.",
}


def output_options(command=None, *, formats: dict[str, str] = FLAGS, default: str = "table"):
    """A flag per format (``--csv``) and ``--format NAME``: one format per run, passed as
    ``fmt``; naming two different ones is a usage error."""
    if command is None:
        return functools.partial(output_options, formats=formats, default=default)

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        chosen = [f"--{name}" for name in formats if kwargs.pop(f"as_{_python(name)}")]
        named = kwargs.pop("format_name")
        if named and f"--{named}" not in chosen:
            chosen.append(f"--format {named}")
        if len(chosen) > 1:
            raise click.UsageError("Choose one output format: " + ", ".join(chosen))
        fmt = chosen[0].removeprefix("--format ").removeprefix("--") if chosen else default
        return command(*args, fmt=fmt, **kwargs)

    for name, help_text in reversed(formats.items()):
        wrapper = click.option(f"--{name}", f"as_{_python(name)}", is_flag=True, help=help_text)(
            wrapper
        )
    return click.option(
        "--format",
        "format_name",
        type=click.Choice(list(formats)),
        help=f"The output format, as a name: the same as its flag (default: {default}).",
    )(wrapper)


def _python(name: str) -> str:
    return name.replace("-", "_")


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
    with stdout_guarded() as out:
        return write(records, out, fmt=fmt, columns=columns, empty=empty, footer=footer)


@contextmanager
def stdout_guarded():
    """Standard output for data: a closed pipe ends the command quietly (exit status 0: the
    reader has what it wanted), an output that takes no more (/dev/full) with one line."""
    try:
        yield sys.stdout
        sys.stdout.flush()
    except OSError as error:
        stdout_failed(error)


def stdout_failed(error: OSError):
    """End the command on standard output that failed: quietly with exit status 0 on a
    closed pipe, else with one line and exit status 1."""
    _stdout_to_devnull()
    if isinstance(error, BrokenPipeError):
        raise SystemExit(0) from None
    raise click.ClickException(
        f"Cannot write to standard output: {error.strerror or error}."
    ) from None


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (click's test runner)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


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


def with_reader(function):
    """Open the database read only through its driver (quotes.reader), for commands that only
    read: they start without importing SQLAlchemy."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from quotes.cli.common import bad_url
        from quotes.errors import BadDatabaseURL, QuotesError
        from quotes.reader import connect

        ctx = click.get_current_context()
        try:
            reader = connect(ctx.find_root().obj)
        except BadDatabaseURL as error:
            raise bad_url(error) from None
        except QuotesError as error:
            raise click.ClickException(str(error)) from None
        ctx.call_on_close(reader.close)
        return function(reader, *args, **kwargs)

    return wrapper


def into_file(path, produce, *, force: bool, suffixes: tuple[str, ...]) -> int:
    """Run ``produce(out)`` into the file at ``path``, whole or not at all: it writes a
    temporary file beside it, renamed into place only once complete. A device or a pipe
    (/dev/stdout, a FIFO) is written to as it is. Returns what ``produce`` returns."""
    import tempfile

    _refuse_to_destroy(path, force=force, suffixes=suffixes)
    if path.exists() and not path.is_file():
        try:
            with path.open("w", encoding="utf-8", newline="") as out:
                return produce(out)
        except BrokenPipeError:
            raise SystemExit(0) from None  # as on standard output: the reader has what it wanted
        except OSError as error:
            raise _cannot_write(path, error) from None
    if not path.parent.is_dir():
        where = path.parent
        why = (
            f"{where} is a file, not a folder" if where.exists() else f"there is no folder {where}"
        )
        raise click.ClickException(
            f"Cannot write {path}: {why}. Name another file, or create the folder first."
        )
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            result = produce(out)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a plain open() would have made it
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise _cannot_write(path, error) from None
    except BaseException:
        _remove(temporary)
        raise
    return result


def _refuse_to_destroy(path, *, force: bool, suffixes: tuple[str, ...]) -> None:
    """Writing over a database, or over a file that no export made, needs --force."""
    if force or not path.is_file():
        return
    try:
        with path.open("rb") as existing:
            head = existing.read(16)
    except OSError:
        return  # unreadable: writing will say what is wrong
    size = path.stat().st_size
    if head == b"SQLite format 3\x00":
        what = f"a SQLite database ({size:,} bytes)"
    elif path.suffix.lower() not in suffixes:
        what = f"a file of {size:,} bytes that does not look like an export (not {suffixes[0]})"
    else:
        return
    raise click.ClickException(
        f"{path} is {what}: exporting would destroy it. "
        "Name another file, or add --force to overwrite it."
    )


def _cannot_write(path, error: OSError) -> click.ClickException:
    return click.ClickException(f"Cannot write {path}: {error.strerror or error}.")


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
