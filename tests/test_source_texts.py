"""Source texts: confined to seeds/, regular files of bounded size, paragraphs counted whatever
the line endings; and one source file per source key."""

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from quotes.db import make_engine
from quotes.models import Statement
from tests.curation_helpers import assert_refused, loaded_project, within, write_source
from tests.helpers import SEED, copy_project, dump, edit, line_of, run

SECRET = "the launch code is swordfish-4471"


@pytest.fixture
def project(tmp_path):
    return loaded_project(tmp_path)


def _point_text_at(data: Path, name: str) -> tuple[Path, int]:
    """Make the seed's curated file name ``name`` as its text; its path and that line."""
    path = data / "sources" / f"{SEED}.yaml"
    edit(path, f"  text: seeds/{SEED}.txt\n", f"  text: {name}\n")
    return path, line_of(path, f"  text: {name}")


def _outside(data: Path, path: Path, line: int, name: str) -> str:
    return (
        f"{path}:{line}: source.text: source text {name!r} is outside the project's seeds/ "
        f"folder; a source text must be a file in {data.parent / 'seeds'}, named relative "
        "to the project folder (seeds/name.txt)"
    )


def test_etc_passwd_is_refused_without_its_content(project):
    data, url = project
    path, line = _point_text_at(data, "/etc/passwd")
    printed = assert_refused(url, data, [_outside(data, path, line, "/etc/passwd")])
    assert "root:" not in printed  # /etc/passwd's first line, never shown


@pytest.mark.parametrize(
    "name", ["seeds/../secret.txt", "../secret.txt", "../../secret.txt", "seeds/link.txt"]
)
def test_a_path_out_of_seeds_is_refused_without_its_content(project, name):
    data, url = project
    project_folder = data.parent
    (project_folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    (project_folder.parent / "secret.txt").write_text(SECRET, encoding="utf-8")
    (project_folder / "seeds" / "link.txt").symlink_to(project_folder / "secret.txt")
    path, line = _point_text_at(data, name)
    printed = assert_refused(url, data, [_outside(data, path, line, name)])
    assert "swordfish" not in printed


def test_dev_zero_is_refused_directly_and_through_a_symlink(project):
    data, url = project
    (data.parent / "seeds" / "zero.txt").symlink_to("/dev/zero")
    path, line = _point_text_at(data, "seeds/zero.txt")
    assert_refused(url, data, [_outside(data, path, line, "seeds/zero.txt")])
    edit(path, "  text: seeds/zero.txt\n", "  text: /dev/zero\n")
    assert_refused(url, data, [_outside(data, path, line, "/dev/zero")])


def test_a_folder_is_refused(project):
    data, url = project
    (data.parent / "seeds" / "folder").mkdir()
    path, line = _point_text_at(data, "seeds/folder")
    assert_refused(
        url,
        data,
        [f"{path}:{line}: source.text: source text 'seeds/folder' is a folder, not a file"],
    )


def test_a_fifo_is_refused_without_waiting(project):
    data, url = project
    os.mkfifo(data.parent / "seeds" / "pipe.txt")
    path, line = _point_text_at(data, "seeds/pipe.txt")
    with within(60):
        assert_refused(
            url,
            data,
            [
                f"{path}:{line}: source.text: source text 'seeds/pipe.txt' is a FIFO, not a "
                "regular file"
            ],
        )


def test_a_text_over_the_size_cap_is_refused(project):
    data, url = project
    with open(data.parent / "seeds" / "huge.txt", "wb") as huge:
        huge.truncate(40 * 1024 * 1024)  # sparse: no disk used
    path, line = _point_text_at(data, "seeds/huge.txt")
    assert_refused(
        url,
        data,
        [
            f"{path}:{line}: source.text: source text 'seeds/huge.txt' is too big (40.0 MB): "
            "the limit is 32 MB"
        ],
    )


def test_an_unreadable_text_is_refused(project, monkeypatch):
    # As root, chmod 000 does not stop reading: the refusal is simulated.
    data, url = project
    text = data.parent / "seeds" / f"{SEED}.txt"
    real_open = os.open

    def refusing_open(path, *args, **kwargs):
        if os.fspath(path) == str(text.resolve()):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    path = data / "sources" / f"{SEED}.yaml"
    line = line_of(path, f"  text: seeds/{SEED}.txt")
    assert_refused(
        url,
        data,
        [
            f"{path}:{line}: source.text: source text 'seeds/{SEED}.txt' cannot be read "
            "(permission denied)"
        ],
    )


# A short article of our own: a headline and three paragraphs.
ARTICLE = [
    "Envoys meet in Doha",
    "The foreign minister said on Monday that the talks will resume in spring, after a pause.",
    "A spokesman added that the delegation would listen before it speaks.",
    "Observers warned that nothing is settled yet.",
]
STATEMENTS = "".join(
    f"  - key: {key}\n    speaker: sergei-lavrov\n    kind: indirect\n    text: {text}\n"
    for key, text in [
        ("talks-resume", "the talks will resume in spring"),
        ("listen-first", "the delegation would listen before it speaks"),
        ("nothing-settled", "nothing is settled yet"),
    ]
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_paragraphs_and_offsets_whatever_the_line_endings(tmp_path, newline):
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    text = (newline * 2).join(ARTICLE) + newline
    write_source(data, "doha-talks", text, STATEMENTS)
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output

    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(Statement.key, Statement.paragraph, Statement.start, Statement.end)
            .where(Statement.key.in_(["talks-resume", "listen-first", "nothing-settled"]))
            .order_by(Statement.start)
        ).all()
    engine.dispose()
    # The headline (19 characters) and a blank line come first: two line breaks of
    # len(newline) characters each; "The foreign minister said on Monday that " is 41.
    talks = 19 + 2 * len(newline) + 41
    assert [tuple(r) for r in rows] == [
        ("talks-resume", 2, talks, talks + 31),
        (
            "listen-first",
            3,
            text.index("the delegation"),
            text.index("the delegation") + 44,
        ),
        ("nothing-settled", 4, text.index("nothing"), text.index("nothing") + 22),
    ]
    stored = (data.parent / "seeds" / "doha-talks.txt").read_bytes().decode("utf-8")
    assert [stored[start:end] for _, _, start, end in rows] == [
        "the talks will resume in spring",
        "the delegation would listen before it speaks",
        "nothing is settled yet",
    ]


def test_two_source_files_with_one_key_are_refused(project):
    data, url = project
    other = data.parent / "other"
    other.mkdir()
    seed = data / "sources" / f"{SEED}.yaml"
    twin = other / f"{SEED}.yaml"
    twin.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    assert_refused(
        url,
        data,
        [
            f"{twin}: source key '{SEED}' is also the key of {seed}: a source's key is its "
            "file name, and each source needs its own; rename one of them (or leave one out)"
        ],
        str(data / "sources"),
        str(other),
    )


def _record(url: str) -> dict:
    """Every row but the load log's."""
    return {table: rows for table, rows in dump(url).items() if table != "load"}


@pytest.mark.parametrize(
    "named",
    [
        ["sources/{seed}.yaml", "sources/{seed}.yaml"],
        ["sources", "sources/{seed}.yaml"],
        ["sources/{seed}.yaml", "sources/../sources/{seed}.yaml"],
    ],
    ids=["twice", "in its folder too", "by two paths"],
)
def test_one_file_named_twice_is_read_once(tmp_path, named):
    data = copy_project(tmp_path)
    once, twice = (f"sqlite:///{tmp_path / name}" for name in ("once.db", "twice.db"))
    path = str(data / "sources" / f"{SEED}.yaml")
    assert run(once, "load", "--data", str(data), path).exit_code == 0
    paths = [str(data / name.format(seed=SEED)) for name in named]
    result = run(twice, "load", "--data", str(data), *paths)
    assert result.exit_code == 0, result.output
    # The two loads' log rows differ by their time alone.
    assert _record(twice) == _record(once)
    checked = run(twice, "check", "--data", str(data), *paths)
    assert checked.stderr.startswith("ok: 1 source(s), 22 statement(s) anchored")
