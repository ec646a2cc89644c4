"""Careless and hostile command lines on the read path: each refused or handled with one clear
message and the documented exit status, never a traceback, and the database as it was."""

import os
import pty
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BACKENDS
from tests.helpers import PROJECT, dump, run
from tests.test_search_peers import seed_in_sqlite

QUOTES = [sys.executable, "-m", "quotes"]


def quotes(url: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """quotes as a process of its own, for what the test runner cannot show: real stdout and
    stderr, exit statuses from the process itself."""
    return subprocess.run(
        [*QUOTES, "--db", url, *args],
        cwd=PROJECT,
        capture_output=True,
        timeout=120,
        **kwargs,
    )


# -- one way to pick a format --------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "fmt", "expected"),
    [
        *(("list", fmt, "saleh-stunning-experience") for fmt in ("csv", "tsv", "json", "nl")),
        *(
            ("export", fmt, "Russia’s Falling Out With Kabul")
            for fmt in ("csv", "tsv", "json", "nl", "csl-json")
        ),
    ],
)
def test_a_format_by_name_or_by_flag(seeded_url, command, fmt, expected):
    by_flag = run(seeded_url, command, "--kind", "direct", f"--{fmt}")
    by_name = run(seeded_url, command, "--kind", "direct", "--format", fmt)
    assert by_flag.exit_code == by_name.exit_code == 0
    assert by_name.stdout == by_flag.stdout
    assert expected in by_name.stdout


def test_two_different_formats_are_a_usage_error(seeded_url):
    for command in ("list", "export"):
        result = run(seeded_url, command, "--csv", "--format", "json")
        assert result.exit_code == 2
        assert "Choose one output format: --csv, --format json" in result.stderr
    # The same format named both ways is one format.
    assert run(seeded_url, "list", "--csv", "--format", "csv").exit_code == 0


@pytest.mark.parametrize("fmt", ["json", "nl", "csl-json"])
def test_excel_byte_order_mark_is_refused_for_json(seeded_url, tmp_path, fmt):
    out = tmp_path / "out.json"
    result = run(seeded_url, "export", "--excel", "--format", fmt, "-o", str(out))
    assert result.exit_code == 2
    assert f"--excel adds the byte-order mark Excel needs to read CSV as UTF-8; a {fmt} file" in (
        result.stderr
    )
    assert not out.exists()


# -- values out of range -----------------------------------------------------------------


def test_limit_beyond_a_64_bit_integer_is_refused(seeded_url):
    result = run(seeded_url, "list", "--limit", str(2**63))
    assert result.exit_code == 2
    assert "Invalid value for '--limit': 9223372036854775808 is not in the range" in result.stderr
    # The largest limit the databases take is accepted, and lists all 22 statements.
    largest = run(seeded_url, "list", "--limit", str(2**63 - 1), "--nl")
    assert largest.exit_code == 0
    assert len(largest.stdout.splitlines()) == 22


OUTSIDE = "is outside the years 1 to 9999 that dates can hold"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Y-20000", OUTSIDE),
        ("Y20000", OUTSIDE),
        ("-2019", OUTSIDE),
        ("10000-01-01", "is not a"),
        ("0000", "is not a"),
        ("99999", "is not a"),
    ],
)
def test_dates_out_of_range_are_refused(seeded_url, value, why):
    for option in ("--since", "--until"):
        result = run(seeded_url, "list", f"{option}={value}")
        assert result.exit_code == 2, result.output
        assert f"Invalid value for '{option}': '{value}' {why}" in result.stderr


def test_since_after_until_is_refused(seeded_url):
    result = run(seeded_url, "list", "--since", "2020", "--until", "2019-06")
    assert result.exit_code == 2
    assert (
        "--since 2020-01-01 is after --until 2019-06-30, so nothing can match: swap them."
        in result.stderr
    )
    # The same day at both ends is a range of one day.
    assert run(seeded_url, "list", "--since", "2019-02", "--until", "2019-02").exit_code == 0


# -- export -o: whole or nothing, and nothing destroyed ---------------------------------------


def _no_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_export_into_a_missing_folder(seeded_url, tmp_path):
    before = dump(seeded_url)
    target = tmp_path / "missing" / "out.csv"
    result = quotes(seeded_url, "export", "-o", str(target), text=True)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: Cannot write {target}: there is no folder {target.parent}. "
        "Name another file, or create the folder first.\n"
    )
    assert not target.parent.exists()
    assert dump(seeded_url) == before


def test_export_under_a_file_says_it_is_no_folder(seeded_url, tmp_path):
    """`-o README.md/x.csv` said "there is no folder README.md" of a file that is there."""
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    target = tmp_path / "notes.md" / "out.csv"
    result = quotes(seeded_url, "export", "-o", str(target), text=True)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: Cannot write {target}: {target.parent} is a file, not a folder. "
        "Name another file, or create the folder first.\n"
    )
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "# notes\n"


@pytest.mark.parametrize(
    ("args", "name", "says"),
    [
        ((), "citations.xlsx", "an Excel workbook"),
        ((), "citations.ods", "a spreadsheet"),
        (("--json",), "citations.csv", "a CSV file"),
        (("--tsv",), "citations.json", "a JSON file"),
    ],
)
def test_export_named_for_another_format_is_a_usage_error(seeded_url, tmp_path, args, name, says):
    # `-o citations.xlsx` wrote CSV into a file Excel opens as a workbook, and `--json -o x.csv`
    # JSON into a .csv, both without a word.
    target = tmp_path / name
    result = quotes(seeded_url, "export", *args, "-o", str(target), text=True)
    assert result.returncode == 2, result.stderr
    assert f"{target} names {says}" in result.stderr
    assert "Traceback" not in result.stderr and not target.exists()


def test_export_to_a_name_of_its_own_format_or_none_is_written(seeded_url, tmp_path):
    for args, name in [((), "a.txt"), ((), "a"), (("--nl",), "a.json"), (("--tsv",), "a.tab")]:
        result = quotes(seeded_url, "export", *args, "-o", str(tmp_path / name), text=True)
        assert result.returncode == 0, result.stderr


def test_export_into_an_unwritable_place(seeded_url):
    # /proc takes no new files, whoever runs the tests (root included).
    result = quotes(seeded_url, "export", "-o", "/proc/quotes-export.csv", text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: Cannot write /proc/quotes-export.csv: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_export_into_a_full_device(seeded_url):
    result = quotes(seeded_url, "export", "-o", "/dev/full", text=True)
    assert result.returncode == 1
    assert result.stderr == "Error: Cannot write /dev/full: No space left on device.\n"


def test_export_cut_short_leaves_the_old_file_and_no_half_file(big_url, tmp_path):
    """A file size limit stands in for a disk that fills up halfway through the export (of
    some 3 MB: the limit leaves room for SQLite's 32 KB shared-memory file)."""
    old = tmp_path / "citations.csv"
    old.write_text("an earlier export\n", encoding="utf-8")

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))

    result = quotes(big_url, "export", "-o", str(old), text=True, preexec_fn=small_disk)
    assert result.returncode == 1
    assert result.stderr == f"Error: Cannot write {old}: File too large.\n"
    assert old.read_text(encoding="utf-8") == "an earlier export\n"
    assert _no_leftovers(tmp_path) == []


def test_export_over_the_database_is_refused_without_force(tmp_path):
    url = seed_in_sqlite(tmp_path)
    copy = Path(url.removeprefix("sqlite:///"))
    before, size = dump(url), copy.stat().st_size
    result = run(url, "export", "-o", str(copy))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {copy} is a SQLite database ({size:,} bytes): exporting would destroy it. "
        "Name another file, or add --force to overwrite it.\n"
    )
    assert dump(url) == before
    assert copy.stat().st_size == size
    assert run(url, "export", "-o", str(copy), "--force").exit_code == 0
    assert copy.read_text(encoding="utf-8").startswith("key,speaker,")


def test_export_over_a_file_that_is_no_export_is_refused(seeded_url, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# my notes\n", encoding="utf-8")
    result = run(seeded_url, "export", "-o", str(notes))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {notes} is a file of 11 bytes that does not look like an export (not .csv): "
        "exporting would destroy it. Name another file, or add --force to overwrite it.\n"
    )
    assert notes.read_text(encoding="utf-8") == "# my notes\n"
    # An earlier export of the same kind is simply replaced.
    earlier = tmp_path / "earlier.csv"
    earlier.write_text("old\n", encoding="utf-8")
    assert run(seeded_url, "export", "-o", str(earlier)).exit_code == 0
    assert earlier.read_text(encoding="utf-8").startswith("key,speaker,")
    assert _no_leftovers(tmp_path) == []


# -- standard output that fails -----------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["list", "--csv"],
        ["export"],
        # show, claim's table and the root's --help and --version said "No space left on
        # device" alone, and the root's help and version ended in a traceback.
        ["show", "russia-falling-out-with-kabul/saleh-stunning-experience"],
        ["show", "russia-falling-out-with-kabul/saleh-stunning-experience", "--json"],
        ["claim", "moscow-talks-government-backed"],
        ["--help"],
        ["--version"],
    ],
)
def test_stdout_to_a_full_device(seeded_url, command):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*QUOTES, "--db", seeded_url, *command],
            cwd=PROJECT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert result.stderr == "Error: Cannot write to standard output: No space left on device.\n"


@pytest.fixture(scope="module", params=BACKENDS)
def big_url(request, tmp_path_factory) -> str:
    """3,000 synthetic statements: well over what a pipe holds (64 KB) in any format."""
    from sqlmodel import Session

    from benchmarks.synthetic import Synthetic
    from quotes import db
    from quotes.ingest import load_record

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('big') / 'quotes.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database("big_pipe")
    engine = db.make_engine(url)
    db.upgrade(engine)
    with Session(engine) as session:
        load_record(session=session, record=Synthetic(3000).record(), prune_sources=True)
        session.commit()
    engine.dispose()
    return url


@pytest.mark.parametrize(
    "command",
    [
        ["list", "--nl"],
        ["list", "--csv"],
        ["list"],
        ["export"],
        ["export", "--tsv"],
        ["export", "--json"],
        ["export", "-o", "/dev/stdout"],  # a pipe named as the output file
    ],
)
def test_a_closed_pipe_ends_quietly(big_url, command):
    """The reader (head -1) goes away after one line: quotes itself exits 0, says nothing."""
    with subprocess.Popen(
        [*QUOTES, "--db", big_url, *command],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        status = process.wait(timeout=120)
    assert status == 0
    assert stderr == b""
    assert first  # it did write before the pipe closed


# -- progress --------------------------------------------------------------------------------


def _export_with_stderr_on_a_terminal(url: str, tmp_path: Path, *args: str) -> str:
    return _with_stderr_on_a_terminal(url, "export", "-o", str(tmp_path / "all.csv"), *args)


def _with_stderr_on_a_terminal(url: str, *args: str, stdout_too: bool = False) -> str:
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [*QUOTES, "--db", url, *args],
            cwd=PROJECT,
            stdout=terminal if stdout_too else subprocess.DEVNULL,
            stderr=terminal,
            timeout=120,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal side is closed: all read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert result.returncode == 0
    return shown.decode()


def test_export_shows_progress_on_a_terminal_only(big_url, tmp_path):
    shown = _export_with_stderr_on_a_terminal(big_url, tmp_path)
    assert "Exporting" in shown and "100%" in shown
    assert f"3000 statement(s) exported to {tmp_path / 'all.csv'}" in shown
    silent = _export_with_stderr_on_a_terminal(big_url, tmp_path, "--silent")
    assert silent == ""
    piped = quotes(big_url, "export", "-o", str(tmp_path / "piped.csv"), text=True)
    assert piped.stderr == f"3000 statement(s) exported to {tmp_path / 'piped.csv'}\n"


def test_export_to_the_terminal_draws_no_bar_among_its_rows(big_url):
    shown = _with_stderr_on_a_terminal(big_url, "export", "--limit", "5", stdout_too=True)
    assert "Exporting" not in shown
    assert shown.count("\n") >= 6  # the header and five rows did come out


def test_load_shows_progress_on_a_terminal_only(tmp_path):
    url = f"sqlite:///{tmp_path / 'shown.db'}"
    shown = _with_stderr_on_a_terminal(url, "load")
    assert "Reading" in shown and "Loading" in shown and "100%" in shown
    assert "statements: 22 added" in shown
    url = f"sqlite:///{tmp_path / 'silent.db'}"
    assert _with_stderr_on_a_terminal(url, "load", "--silent") == ""
    assert quotes(url, "said", "Amrullah Saleh", "--csv", text=True).stdout.count("\n") > 1
    piped = quotes(f"sqlite:///{tmp_path / 'piped.db'}", "load", text=True)
    assert "Reading" not in piped.stderr and "Loading" not in piped.stderr
    assert "statements: 22 added" in piped.stderr


# -- run outside the project folder ------------------------------------------------------------


def test_outside_the_project_folder_check_load_and_list_say_where_to_run(tmp_path):
    # A new user in another folder was told "No database at sqlite:///data/quotes.db. Run
    # `quotes load`", and `quotes load` then listed data/claims.yaml, data/parties.yaml and
    # data/sources as "not found": nothing said that the folder was the problem.
    elsewhere = {"cwd": tmp_path, "capture_output": True, "text": True, "timeout": 120}
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    env.pop("QUOTES_DATABASE_URL", None)
    env.pop("QUOTES_DATA", None)
    for command in (["check"], ["load"]):
        result = subprocess.run([*QUOTES, *command], env=env, **elsewhere)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") <= 4 and "Traceback" not in result.stderr
        assert f"there is no folder data in {tmp_path}" in result.stderr
        assert "run quotes from the project folder" in result.stderr
    listed = subprocess.run([*QUOTES, "list"], env=env, **elsewhere)
    assert listed.returncode == 1 and "Traceback" not in listed.stderr
    assert "No database at sqlite:///data/quotes.db" in listed.stderr
    assert f"There is no folder data in {tmp_path}" in listed.stderr
    assert not (tmp_path / "data").exists()


def test_a_listing_on_a_narrow_terminal_shows_blocks_that_fit(seeded_url, monkeypatch):
    # On an 80-column terminal the 117-column table folded every line in two: the README's
    # first command, on the commonest terminal, printed a jumble. There it is a block a record.
    monkeypatch.setenv("COLUMNS", "80")
    shown = _with_stderr_on_a_terminal(seeded_url, "said", "Amrullah Saleh", stdout_too=True)
    lines = shown.replace("\r\n", "\n").splitlines()
    assert lines[:6] == [
        "SAID     2019/2019-09-27",
        "SPEAKER  Amrullah Saleh",
        "KIND     partial",
        "STANCES  taliban:critical",
        "TEXT     described the Taliban as having “scorpion genes” and possessing “Bronze",
        "         Age logic.”",
    ]
    assert "↳ russia-falling-out-with-kabul/saleh-stunning-experience" in lines
    assert max(len(line) for line in lines) <= 80
