"""What the curated-input tests share: a loaded project, and the shape of a refusal."""

import contextlib
import signal
from pathlib import Path

from tests.helpers import copy_project, dump, run

CHECK_TRAILER = "problem(s); fix them and run `quotes check` again."
LOAD_TRAILER = "problem(s); nothing was loaded."


def loaded_project(tmp_path: Path) -> tuple[Path, str]:
    """A copy of the curated project loaded into a SQLite database: its data folder and URL."""
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    loaded = run(url, "load", "--data", str(data))
    assert loaded.exit_code == 0, loaded.output
    return data, url


def assert_refused(url: str, data: Path, expected: list[str], *paths: str) -> str:
    """``load`` refuses with exactly ``expected`` and leaves every table as it was; ``check``
    reports the same lines. Returns everything both printed, for leak checks."""
    before = dump(url)
    loaded = run(url, "load", "--data", str(data), *paths)
    assert loaded.stderr.splitlines() == [*expected, f"{len(expected)} {LOAD_TRAILER}"]
    assert loaded.exit_code == 1
    assert dump(url) == before
    checked = run(url, "check", "--data", str(data), *paths)
    assert checked.stderr.splitlines() == [*expected, f"{len(expected)} {CHECK_TRAILER}"]
    assert checked.exit_code == 1
    return loaded.output + checked.output


def write_source(data: Path, key: str, text: str, statements: str, meta: str = "") -> Path:
    """A source of our own: ``seeds/<key>.txt`` written byte for byte (no newline
    translation) and ``data/sources/<key>.yaml`` with ``statements`` (YAML list items)."""
    with open(data.parent / "seeds" / f"{key}.txt", "w", encoding="utf-8", newline="") as out:
        out.write(text)
    path = data / "sources" / f"{key}.yaml"
    path.write_text(
        f"source:\n  title: {key}\n  text: seeds/{key}.txt\n{meta}statements:\n{statements}",
        encoding="utf-8",
    )
    return path


@contextlib.contextmanager
def within(seconds: int):
    """Fail, rather than hang, when the block takes longer than ``seconds`` (a FIFO opened for
    reading waits for a writer for ever)."""

    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
