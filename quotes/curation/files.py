"""Reading a file from a stranger: a regular file only, of bounded size, never hanging.

A curated file or a source text may name a folder, a FIFO (opening it would wait for a
writer for ever), a device (``/dev/zero`` never ends) or a file too big to hold; each is
refused with a message that says what the path is, never what it contains.
"""

import os
import stat
from pathlib import Path

from quotes.errors import QuotesError

MEGABYTE = 1024 * 1024


class UnreadableFile(QuotesError):
    """The path cannot be read as a file; the message says why (and no byte of it)."""


class FileMissing(UnreadableFile):
    """Nothing is at the path."""


def read_regular_file(path: Path, *, limit: int) -> bytes:
    """The bytes of ``path`` if it is a readable regular file of at most ``limit`` bytes."""
    try:
        _check(os.stat(path), limit)
        # O_NONBLOCK: should the path become a FIFO after the check, opening it cannot hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileMissing("not found") from None
    except PermissionError:
        raise UnreadableFile("cannot be read (permission denied)") from None
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from None
    try:
        _check(os.fstat(fd), limit)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew since it was measured
        raise UnreadableFile(_too_big(limit))
    return data


def _check(status: os.stat_result, limit: int) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise UnreadableFile("is a folder, not a file")
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
        raise UnreadableFile(f"is {kind}, not a regular file")
    if status.st_size > limit:
        raise UnreadableFile(_too_big(limit, status.st_size))


def _too_big(limit: int, size: int | None = None) -> str:
    actual = f" ({size / MEGABYTE:.1f} MB)" if size is not None else ""
    return f"is too big{actual}: the limit is {limit // MEGABYTE} MB"
