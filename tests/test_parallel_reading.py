"""Source files read in worker processes give what reading them one by one gives.

The threshold of files from which the workers start is forced low, so that a handful of
files (the three-sources example and copies of its wire story, with problems spread across
them) take the parallel path; the speakers are invented.
"""

import os
import shutil

import pytest

from quotes.curation import anchor, record, workers
from quotes.curation.record import inspect_record
from tests.helpers import PROJECT, dump, edit, run

WIRE_TEXT = "    text: the talks must include the government in Kabul.\n"
MISQUOTED = "    text: the talks must include the regime in Kabul.\n"


@pytest.fixture
def data(tmp_path, monkeypatch):
    """The example with twelve copies of its wire story; problems in eight of them."""
    monkeypatch.setattr(workers, "cores", lambda: 2)  # a 1-core machine would not fork
    shutil.copytree(PROJECT / "examples" / "three-sources", tmp_path / "example")
    data = tmp_path / "example" / "data"
    sources = data / "sources"
    for i in range(1, 13):
        shutil.copy(sources / "wire.yaml", sources / f"wire-{i:02}.yaml")
    edit(sources / "wire-02.yaml", WIRE_TEXT, MISQUOTED)
    edit(sources / "wire-03.yaml", "speaker: ivan-orlov", "speaker: ivan-orlof")
    edit(sources / "wire-05.yaml", "  title: Orlov", "  title: [Orlov")
    edit(sources / "wire-06.yaml", "    cue: said\n", "    cue: said\n    same_as: wire-01/none\n")
    edit(sources / "wire-08.yaml", "    cue: said\n", "    cues: said\n")
    edit(sources / "wire-09.yaml", WIRE_TEXT, MISQUOTED)
    edit(
        sources / "wire-10.yaml",
        "statements:\n",
        "speakers:\n  - key: aide\n    name: An aide\n    same_as: wire-11/aide\nstatements:\n",
    )
    edit(sources / "wire-11.yaml", "    cue: said\n", "    cue: said\n    status: draft\n")
    return data


def _lines(problems, data) -> list[str]:
    return [str(p).removeprefix(f"{data}/") for p in problems]


def _count_forks(monkeypatch) -> list:
    """A list that gets an item each time the workers are started."""
    forks = []
    real = workers.read_in_parallel
    monkeypatch.setattr(workers, "read_in_parallel", lambda *args: forks.append(1) or real(*args))
    return forks


def test_workers_give_the_same_record_and_problems_in_the_same_order(data, monkeypatch):
    monkeypatch.setattr(anchor, "SEARCHES", 1)  # the run's one search goes to the first file
    forks = _count_forks(monkeypatch)
    one_by_one, expected = inspect_record(root=data, parallel_from=10_000)
    assert forks == []
    in_parallel, problems = inspect_record(root=data, parallel_from=2)
    assert forks == [1]
    assert _lines(problems, data) == _lines(expected, data)
    assert in_parallel == one_by_one
    lines = _lines(problems, data)
    # Written from the files above, one problem or more in each of eight files.
    assert [line.split(":")[0] for line in lines] == [
        "sources/wire-02.yaml",
        "sources/wire-03.yaml",
        "sources/wire-05.yaml",
        "sources/wire-06.yaml",
        "sources/wire-08.yaml",
        "sources/wire-09.yaml",
        "sources/wire-10.yaml",
        "sources/wire-11.yaml",
    ]
    assert lines[0].startswith(
        "sources/wire-02.yaml:13: statements[0].text: the text is not in the source; closest "
        "passage"
    )
    assert lines[1].startswith(
        "sources/wire-03.yaml:10: statements[0].speaker: unknown speaker 'ivan-orlof'."
    )
    assert lines[3] == (
        "sources/wire-06.yaml:15: statements[0].same_as: no statement 'wire-01/none' "
        "(sources/wire-01.yaml has none by that key)"
    )
    assert lines[5] == (
        "sources/wire-09.yaml:13: statements[0].text: the text is not in the source (no "
        "closest passage shown: this run has searched for 1 already; fix those first)"
    )
    assert lines[6] == (
        "sources/wire-10.yaml:11: speakers[0].same_as: same_as names wire-11/aide, which is "
        "not an unnamed speaker declared in sources/wire-11.yaml"
    )


def test_load_in_parallel_writes_what_load_one_by_one_writes(tmp_path, data, monkeypatch):
    for name in ("02", "03", "05", "06", "08", "09", "10", "11"):
        (data / "sources" / f"wire-{name}.yaml").unlink()
    one_by_one = f"sqlite:///{tmp_path / 'one.db'}"
    assert run(one_by_one, "load", "--data", str(data)).exit_code == 0
    monkeypatch.setattr(record, "PARALLEL_FROM", 2)
    forks = _count_forks(monkeypatch)
    in_parallel = f"sqlite:///{tmp_path / 'parallel.db'}"
    loaded = run(in_parallel, "load", "--data", str(data))
    assert loaded.exit_code == 0, loaded.output
    assert forks == [1]
    written, expected = dump(in_parallel), dump(one_by_one)
    del written["load"], expected["load"]  # the log of loads: when each ran
    assert written == expected
    assert len(written["source"]) == 7


def _fails_on(name: str, how):
    real = record._Reader._source

    def source(self, path):
        if path.name == name:
            how()
        return real(self, path)

    return source


def _raise():
    raise RuntimeError("boom")


def test_a_failing_worker_is_one_message_naming_the_file(data, monkeypatch):
    monkeypatch.setattr(record, "PARALLEL_FROM", 2)
    monkeypatch.setattr(record._Reader, "_source", _fails_on("wire-07.yaml", _raise))
    checked = run("sqlite://", "check", "--data", str(data))
    assert checked.exit_code == 1
    assert checked.stderr == (
        f"Error: {data}/sources/wire-07.yaml: reading this file failed unexpectedly "
        "(RuntimeError: boom); this is a bug in quotes, please report it with the file\n"
    )


def test_a_worker_that_dies_is_one_message_and_nothing_is_loaded(tmp_path, data, monkeypatch):
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    monkeypatch.setattr(record, "PARALLEL_FROM", 2)
    monkeypatch.setattr(record._Reader, "_source", _fails_on("wire-07.yaml", lambda: os._exit(9)))
    loaded = run(url, "load", "--data", str(data))
    assert loaded.exit_code == 1
    assert loaded.stderr == (
        "Error: a process reading the source files stopped before it finished (killed, or out "
        "of memory?); nothing was written: run the command again\n"
    )
    assert not (tmp_path / "quotes.db").exists()
