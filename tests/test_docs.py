"""Every command explains itself, and the README's commands are the ones CI runs."""

import re

import click
import pytest

from quotes.cli import cli
from tests.helpers import PROJECT


def _commands(group: click.Group, prefix=()):
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)  # imports a lazily loaded command
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = dict(_commands(cli))


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_has_a_summary_and_an_example(path):
    command = COMMANDS[path]
    assert command.help and command.get_short_help_str(), path
    assert "Example:" in command.help, path


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_option_has_help(path):
    for param in COMMANDS[path].params:
        if isinstance(param, click.Option):
            assert param.help, (path, param.name)


def _readme_commands() -> list[str]:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    setup = r"(?:bash scripts/test-deps.sh && )?python3 -m venv .*?"
    return re.findall(rf"```\n({setup})\n```", readme)[:2]


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    main, tests = _readme_commands()
    assert ".venv/bin/quotes load" in main
    assert tests.endswith(".venv/bin/pytest")
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def test_the_code_passes_the_linter():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(PROJECT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


README_EXAMPLES = [
    ["said", "Amrullah Saleh"],
    ["list", "--critical-of", "moscow", "--kind", "direct", "--kind", "partial"],
    ["list", "--critical-of", "kabul"],
    ["list", "--about", "taliban", "--since", "2019", "--until", "2019", "--kind", "partial"],
    ["claims", "--disputed"],
    ["claim", "moscow-talks-government-backed"],
]


@pytest.mark.parametrize("args", README_EXAMPLES, ids=" ".join)
def test_readme_shows_the_real_output_of_its_examples(seeded_url, args, monkeypatch):
    from tests.helpers import run

    monkeypatch.setenv("COLUMNS", "110")
    result = run(seeded_url, *args)
    assert result.exit_code == 0
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"$ quotes {' '.join(_quoted(a) for a in args)}\n{result.stdout}" in readme


def _quoted(arg: str) -> str:
    return f'"{arg}"' if " " in arg else arg


THREE_SOURCES = [
    ["claims"],
    ["claims", "--distinct"],
    ["list", "--claim", "talks-must-include-kabul", "--distinct"],
    ["show", "broadcast/orlov-talks-include-kabul"],
]


def test_readme_shows_the_real_output_of_the_three_sources_example(tmp_path, monkeypatch):
    from tests.helpers import run

    monkeypatch.setenv("COLUMNS", "110")
    url = f"sqlite:///{tmp_path / 'example.db'}"
    data = PROJECT / "examples" / "three-sources" / "data"
    assert run(url, "load", "--data", str(data)).exit_code == 0
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for args in THREE_SOURCES:
        result = run(url, *args)
        assert result.exit_code == 0
        assert f"$ quotes {' '.join(args)}\n{result.stdout}" in readme, args


def _yaml_example(heading: str) -> str:
    """The YAML block that follows the README paragraph opening with ``heading``."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"(?m)^{re.escape(heading)}.*?\n```yaml\n(.*?)```", readme, re.S)
    assert found, heading
    return found.group(1)


def test_the_readmes_curated_file_examples_pass_check(tmp_path):
    # A curator copies these: the source example once named `accessed` twice, which `check`
    # refuses ("given twice; keep one").
    from tests.helpers import copy_project, run

    data = copy_project(tmp_path)
    source = _yaml_example("A source (`sources/russia-falling-out-with-kabul.yaml`)")
    (data / "sources" / "russia-falling-out-with-kabul.yaml").write_text(source, "utf-8")
    speaker = _yaml_example("A speaker (`speakers/amrullah-saleh.yaml`)")
    (data / "speakers" / "amrullah-saleh.yaml").write_text(speaker, "utf-8")
    party = _yaml_example("A party (`parties.yaml`)").split("parties:\n", 1)[1]
    parties = (data / "parties.yaml").read_text(encoding="utf-8")
    kept = re.split(r"(?m)^(?=  - key: )", parties)
    kept = [party if b.startswith("  - key: afghan-government\n") else b for b in kept]
    assert party in kept
    (data / "parties.yaml").write_text("".join(kept), "utf-8")
    result = run(f"sqlite:///{tmp_path / 'q.db'}", "check", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert "ok: 1 source(s), 1 statement(s) anchored" in result.output
