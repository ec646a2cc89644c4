"""Streaming a writer's output as a response body: the export writers write to a file-like
object; here they run in a thread of their own and the response sends what they write as it
comes, so a download of a million rows never sits in memory."""

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TextIO

CHUNK = 64 * 1024
_DONE = object()


class _Stopped(Exception):
    """The client went away: the writer stops at its next write."""


def streamed(produce: Callable[[TextIO], None]) -> Iterator[bytes]:
    """What ``produce(out)`` writes to ``out``, as UTF-8 chunks, while it writes it."""
    chunks: queue.Queue = queue.Queue(maxsize=8)
    stop = threading.Event()

    def put(item) -> None:
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Stopped

    class Out:
        def __init__(self):
            self.parts: list[str] = []
            self.size = 0

        def write(self, text: str) -> int:
            self.parts.append(text)
            self.size += len(text)
            if self.size >= CHUNK:
                self.flush()
            return len(text)

        def flush(self) -> None:
            if self.parts:
                put("".join(self.parts).encode("utf-8"))
                self.parts, self.size = [], 0

    def run() -> None:
        out = Out()
        try:
            produce(out)
            out.flush()
            put(_DONE)
        except _Stopped:
            pass
        except Exception as error:  # handed to the response, which fails the request
            try:
                put(error)
            except _Stopped:
                pass

    threading.Thread(target=run, daemon=True, name="quotes-download").start()
    try:
        while (item := chunks.get()) is not _DONE:
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        stop.set()
