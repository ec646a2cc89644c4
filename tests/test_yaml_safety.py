"""Hostile curated YAML: refused with one file:line message, bounded in memory and depth."""

import os
import subprocess
import sys
import textwrap

import pytest
import yaml

from quotes.curation import yamlfile
from tests.curation_helpers import assert_refused, loaded_project, within
from tests.helpers import SEED, copy_project, dump, edit, line_of, run

# Each level repeats the one before nine times: 9**9 strings once expanded (the old reader
# grew past 3 GB on it).
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{this}: &{this} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, this in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.fixture(params=["libyaml", "python"])
def parser(request, monkeypatch):
    """Every case holds for libyaml's parser and for the pure-Python one it falls back to."""
    if request.param == "python":
        monkeypatch.setattr(yamlfile, "_PARSER", yaml.SafeLoader)
    return request.param


@pytest.fixture
def project(tmp_path, parser):
    return loaded_project(tmp_path)


def test_the_alias_bomb_is_small():
    assert len(BOMB.encode()) < 400
    assert BOMB.count("*") == 72


def test_an_alias_bomb_is_refused_under_a_memory_cap(tmp_path):
    """`quotes check` in a process that may use 1 GiB of address space: the plain project
    passes under it, and the bomb is refused within it."""
    data = copy_project(tmp_path)
    program = textwrap.dedent(
        """
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from quotes.cli import cli
        cli.main(["--db", "sqlite://", "check", "--data", sys.argv[1]])
        """
    )

    def check():
        return subprocess.run(
            [sys.executable, "-c", program, str(data)],
            capture_output=True,
            text=True,
            timeout=120,
        )

    plain = check()
    assert plain.returncode == 0, plain.stderr
    bomb = data / "sources" / "bomb.yaml"
    bomb.write_text(BOMB, encoding="utf-8")
    result = check()
    assert result.stderr.splitlines() == [
        f"{bomb}:1: a: YAML anchors (&a) are not allowed in curated files; write each value "
        "out in full",
        "1 problem(s); fix them and run `quotes check` again.",
    ]
    assert result.returncode == 1


# What is written into the seed's curated file, where, and the message (after file:line: ).
CASES = {
    "self-referencing alias": (
        "    cue: urged\n",
        "    cue: urged\n    note: &loop [*loop]\n",
        "note: &loop",
        "statements[0].note: YAML anchors (&loop) are not allowed in curated files; write "
        "each value out in full",
    ),
    "alias of nothing": (
        "    cue: urged\n",
        "    cue: urged\n    note: *elsewhere\n",
        "note: *elsewhere",
        "statements[0].note: YAML aliases (*elsewhere) are not allowed in curated files; "
        "write the value out in full",
    ),
    "deep nesting": (
        "    cue: urged\n",
        "    cue: urged\n    note: " + "[" * 100 + "]" * 100 + "\n",
        "note: [[[",
        # The file, its statements, one statement, the note and 16 lists in it are 20
        # levels; the 17th list in the note would be the 21st.
        "statements[0].note" + "[0]" * 17 + ": nested more than 20 levels deep; curated files "
        "need a handful",
    ),
    "NUL character": (
        "    cue: urged\n",
        "    cue: urged\x00\n",
        "cue: urged",
        "control character U+0000 is not allowed in YAML; remove it (a tab, a newline or "
        "printable text only)",
    ),
    "escape character": (
        "    cue: urged\n",
        "    cue: urged\x1b[31m\n",
        "cue: urged",
        "control character U+001B is not allowed in YAML; remove it (a tab, a newline or "
        "printable text only)",
    ),
    # An escape writes in a double-quoted text what the file may not hold as it is.
    "escaped control character": (
        "    cue: urged\n",
        '    cue: urged\n    note: "one\\x1dtwo"\n',
        'note: "one',
        "statements[0].note: control character U+001D is not allowed in a curated text, "
        "escaped or not; remove it (a tab, a newline or printable text only)",
    ),
    "escaped NUL": (
        "    cue: urged\n",
        '    cue: "urged\\0"\n',
        'cue: "urged',
        "statements[0].cue: control character U+0000 is not allowed in a curated text, "
        "escaped or not; remove it (a tab, a newline or printable text only)",
    ),
    "python tag": (
        "    cue: urged\n",
        '    cue: !!python/object/apply:os.system ["echo pwned"]\n',
        "cue: !!python",
        "statements[0].cue: YAML tag '!!python/object/apply:os.system' is not allowed in "
        "curated files; remove it",
    ),
    "local tag": (
        "    cue: urged\n",
        "    cue: !foo urged\n",
        "cue: !foo",
        "statements[0].cue: YAML tag '!foo' is not allowed in curated files; remove it",
    ),
    "mapping as a key": (
        "    cue: urged\n",
        "    cue: urged\n    ? {a: 1}\n    : x\n",
        "? {a: 1}",
        "statements[0]: a key must be a plain word, not a list, a mapping, null or an anchor",
    ),
    "list as a key": (
        "    cue: urged\n",
        "    cue: urged\n    [a, b]: x\n",
        "[a, b]: x",
        "statements[0]: a key must be a plain word, not a list, a mapping, null or an anchor",
    ),
    "two documents": (
        "statements:\n",
        "---\nstatements:\n",
        "---",
        "one YAML document per file; remove the `---`",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_hostile_yaml_is_refused_with_one_line(project, case):
    data, url = project
    old, new, marker, message = CASES[case]
    path = data / "sources" / f"{SEED}.yaml"
    edit(path, old, new)
    assert_refused(url, data, [f"{path}:{line_of(path, marker)}: {message}"])


def test_an_unreadable_file_is_refused(project, monkeypatch):
    # The tests run as root, for whom chmod 000 changes nothing: the refusal is simulated.
    data, url = project
    speaker = data / "speakers" / "sergei-lavrov.yaml"
    speaker.chmod(0)
    real_open = os.open

    def refusing_open(path, *args, **kwargs):
        if os.fspath(path) == str(speaker.resolve()) or os.fspath(path) == str(speaker):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    assert_refused(url, data, [f"{speaker}: cannot be read (permission denied)"])


def test_a_folder_named_like_a_source_file_is_refused(project):
    data, url = project
    folder = data / "sources" / "folder.yaml"
    folder.mkdir()
    assert_refused(url, data, [f"{folder}: is a folder, not a file"])


def test_a_fifo_named_like_a_source_file_is_refused_without_waiting(project):
    data, url = project
    fifo = data / "sources" / "pipe.yaml"
    os.mkfifo(fifo)
    with within(60):
        assert_refused(url, data, [f"{fifo}: is a FIFO, not a regular file"])


def test_yml_files_are_refused_by_name(project):
    """One spelling, so that a file's name is its key: `.yml` is not skipped in silence."""
    data, url = project
    source = data / "sources" / "extra.yml"
    speaker = data / "speakers" / "someone.yml"
    source.write_text("source: {}\n", encoding="utf-8")
    speaker.write_text("name: Someone\n", encoding="utf-8")
    assert_refused(
        url,
        data,
        [
            f"{source}: curated files end in .yaml: rename it extra.yaml",
            f"{speaker}: curated files end in .yaml: rename it someone.yaml",
        ],
    )


def test_scalars_stay_text_where_the_format_wants_text(tmp_path, parser):
    """`published: 2019` is the EDTF year "2019", not the integer 2019 (nor a refusal)."""
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    edit(
        data / "sources" / f"{SEED}.yaml",
        "  published: 2019-05-27/2019-09-27\n",
        "  published: 2019\n",
    )
    edit(data / "speakers" / "amrullah-saleh.yaml", '    start: "2004"\n', "    start: 2004\n")
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output
    [source] = dump(url)["source"]
    assert source.published == "2019"
    roles = [r for r in dump(url)["role"] if r.title.startswith("Director of the National")]
    assert [r.start for r in roles] == ["2004"]
