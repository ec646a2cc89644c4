"""What a command imports: `--help` none of the command modules, the read path no ORM.

Each runs in a fresh interpreter (a subprocess), where sys.modules shows exactly what one
command line imported. Timings are the benchmark's business (benchmarks/scale.py).
"""

import json
import subprocess
import sys

import click
import pytest

from quotes.cli import COMMANDS, cli
from tests.helpers import SEED, copy_project

HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "yaml")
# Runs one command line in this interpreter, then prints the top-level packages and the
# quotes modules it imported, as JSON on stderr (stdout carries the command's output).
PROBE = """
import json, sys
from quotes.cli import cli
status = None
try:
    cli(sys.argv[1:], prog_name="quotes")
except SystemExit as end:
    status = end.code
found = {m.split(".")[0] for m in sys.modules} | {m for m in sys.modules if m[:7] == "quotes."}
found = sorted(found)
print(json.dumps({"status": status, "modules": found}), file=sys.stderr)
"""


def imported(*args: str) -> tuple[int, set[str], str]:
    """The exit status, the modules imported and the output of `quotes ARGS`."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    probe = json.loads(result.stderr.splitlines()[-1])
    return probe["status"], set(probe["modules"]), result.stdout


def test_help_imports_no_command_module():
    status, modules, output = imported("--help")
    assert status == 0
    assert "said      Everything NAME said, oldest first, with" in output
    commands = {m for m in modules if m.startswith("quotes.cli.")}
    assert commands == {"quotes.cli.common", "quotes.cli.lazy"}
    assert not modules & {*HEAVY, "sqlite3", "psycopg", "csv"}


@pytest.mark.parametrize(
    "args",
    [
        ["said", "Amrullah Saleh", "--csv"],
        ["list", "--critical-of", "russia", "--limit", "50", "--csv"],
        ["list", "--search", "stunning experience", "--json"],
        ["show", f"{SEED}/saleh-stunning-experience"],
        ["export", "--sort", "none", "--silent"],
    ],
    ids=lambda args: args[0] + ("-search" if "--search" in args else ""),
)
def test_the_read_path_imports_no_orm(seeded_url, args):
    status, modules, output = imported("--db", seeded_url, *args)
    assert status in (0, None), output
    assert "Saleh" in output or "saleh" in output
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    assert "quotes.cli.curation" not in modules and "quotes.cli.web" not in modules


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_summary_in_the_root_help_is_the_commands_own(name):
    real = cli.get_command(click.Context(cli), name)
    stand_in = click.Command(name, help=COMMANDS[name][1])
    assert real.name == name
    for limit in (20, 35, 45, 60, 80, 120):
        assert stand_in.get_short_help_str(limit) == real.get_short_help_str(limit)


def test_a_lazily_loaded_command_takes_db_after_its_name():
    for name in sorted(COMMANDS):
        command = cli.get_command(click.Context(cli), name)
        subcommands = command.commands.values() if isinstance(command, click.Group) else [command]
        for sub in subcommands:
            has_db = any("--db" in getattr(p, "opts", ()) for p in sub.params)
            assert has_db == (name != "extract"), (name, sub.name)


def test_an_unknown_command_is_refused_as_before():
    status, _, _ = imported("sadi")
    assert status == 2
    result = subprocess.run(
        [sys.executable, "-m", "quotes", "sadi"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "No such command 'sadi'" in result.stderr
    assert "Did you mean 'said'?" in result.stderr


def test_check_without_a_database_imports_no_orm(tmp_path):
    data = copy_project(tmp_path)
    status, modules, _ = imported(
        "--db", f"sqlite:///{tmp_path / 'none.db'}", "check", "--data", str(data)
    )
    assert status == 0
    assert not modules & {"sqlalchemy", "sqlmodel", "alembic"}
    assert "pydantic" in modules and "yaml" in modules  # the curated files' readers
    assert not (tmp_path / "none.db").exists()
