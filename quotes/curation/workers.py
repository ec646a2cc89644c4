"""Files read in worker processes, one per core, their results handed back in order.

Reading a source file (YAML, validation, anchoring) costs a few milliseconds of Python, so a
check of a thousand files is bound by one core while the others idle. Workers are forked
where the system can (they start in milliseconds and inherit what the parent has read);
each reads a chunk of files in a row, so results cross between processes a chunk at a time.
A worker's failure becomes one message naming the file, never a traceback.
"""

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

from quotes.errors import QuotesError

CHUNKS_PER_WORKER = 4  # enough that a worker with slow files does not hold the others up

T = TypeVar("T")

_read: Callable | None = None  # the worker's reading function, set as it starts


class ReadingFailed(QuotesError):
    """A worker could not read a file, or stopped; the message names the file or says so."""


def cores() -> int:
    """The cores this process may run on (its affinity, where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def read_in_parallel(read: Callable[[Path], T], paths: list[Path], workers: int) -> Iterator[T]:
    """``read(path)`` for each path, in ``workers`` processes; the results in the paths' order.

    ``read`` reaches the workers as they start (forked: not even pickled), so it may carry
    what every file needs; each result is pickled back, so it should be plain data.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    size = -(-len(paths) // (workers * CHUNKS_PER_WORKER))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(read,))
    try:
        for results in pool.map(_read_chunk, chunks):
            yield from results
    except BrokenProcessPool:
        raise ReadingFailed(
            "a process reading the source files stopped before it finished (killed, or out "
            "of memory?); nothing was written: run the command again"
        ) from None
    finally:
        pool.shutdown(cancel_futures=True)


def _start(read: Callable) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool; a worker would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _read
    _read = read


def _read_chunk(paths: list[Path]) -> list:
    results = []
    for path in paths:
        try:
            results.append(_read(path))
        except QuotesError as error:  # one line, and (pickled back) of one type
            raise ReadingFailed(f"{path}: {error}") from None
        except Exception as error:
            raise ReadingFailed(
                f"{path}: reading this file failed unexpectedly ({type(error).__name__}: "
                f"{error}); this is a bug in quotes, please report it with the file"
            ) from None
    return results
