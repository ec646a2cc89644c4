"""The `quotes db` commands and the root command's help."""

import click
from click.testing import CliRunner

from quotes import db
from quotes.cli import cli


def test_help_lists_the_database_option_and_its_default():
    result = CliRunner().invoke(cli, ["--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "--db URL" in result.output
    assert "default: sqlite:///data/quotes.db" in result.output
    assert "QUOTES_DATABASE_URL" in result.output


def test_upgrade_creates_a_fresh_database_at_head(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'new.db'}"
    runner = CliRunner()
    upgraded = runner.invoke(cli, ["--db", url, "db", "upgrade"], catch_exceptions=False)
    assert upgraded.exit_code == 0
    assert (tmp_path / "sub" / "new.db").exists()
    current = runner.invoke(cli, ["--db", url, "db", "current"], catch_exceptions=False)
    assert current.output == f"{db.head_revision()} (head)\n"


def test_current_on_a_missing_database_says_how_to_fix_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing.db'}"
    result = CliRunner().invoke(cli, ["--db", url, "db", "current"])
    assert result.exit_code == 1
    assert "No database at" in result.output
    assert "quotes db upgrade" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_path_masks_the_password():
    url = "postgresql+psycopg://analyst:s3cret@db.example:5432/quotes"
    result = CliRunner().invoke(cli, ["--db", url, "db", "path"], catch_exceptions=False)
    assert result.output == "postgresql+psycopg://analyst:***@db.example:5432/quotes\n"


def test_path_of_a_sqlite_database_is_the_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    result = CliRunner().invoke(cli, ["--db", url, "db", "path"], catch_exceptions=False)
    assert result.output == f"{tmp_path / 'q.db'}\n"


def test_downgrade_to_an_unknown_revision_is_a_usage_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    runner = CliRunner()
    runner.invoke(cli, ["--db", url, "db", "upgrade"], catch_exceptions=False)
    result = runner.invoke(cli, ["--db", url, "db", "downgrade", "nope"])
    assert result.exit_code == 2
    assert "'nope' is not a known revision" in result.output


def _commands(group, path=()):
    """Every command, imported (the groups are lazy: ``group.commands`` holds only those
    imported so far, which depends on the tests that ran before)."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


def test_every_command_that_opens_the_database_takes_db_after_its_name():
    without = {path for path, command in _commands(cli) if "--db" not in _option_names(command)}
    assert without == {("extract",)}  # reads text and the registry files, never the database


def _option_names(command) -> set[str]:
    return {name for param in command.params for name in getattr(param, "opts", [])}


def test_db_after_the_command_overrides_the_root_and_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(db.ENV_VAR, f"sqlite:///{tmp_path / 'from-env.db'}")
    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'after.db'}"
    upgraded = runner.invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 'root.db'}", "db", "upgrade", "--db", url]
    )
    assert upgraded.exit_code == 0
    assert (tmp_path / "after.db").exists()
    assert not (tmp_path / "root.db").exists() and not (tmp_path / "from-env.db").exists()
    listed = runner.invoke(cli, ["list", "--db", url], catch_exceptions=False)
    assert listed.exit_code == 0
    assert "No statements match." in listed.output
