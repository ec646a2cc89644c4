"""The command line: thin click commands over the core modules. No SQL here.

Each family of commands has a module of its own; this one holds the root group.
"""

import click

from quotes import config
from quotes.cli.common import QuotesGroup, add_database_option

# Each command's module is imported only when the command runs or shows its help (see
# quotes.cli.lazy): `quotes --help` lists them from these summaries, the first sentence of
# each command's docstring (tests/test_docs.py checks that they agree).
COMMANDS = {
    "check": (
        "quotes.cli.curation:check",
        "Validate the curated files and anchor every statement; write nothing.",
    ),
    "load": (
        "quotes.cli.curation:load",
        "Check the curated files, then make the database say exactly what they say.",
    ),
    "extract": (
        "quotes.cli.extraction:extract",
        "Draft the statements of new sources for a curator to review.",
    ),
    "list": (
        "quotes.cli.statements:list_",
        "List statements, filtered by speaker, party, stance, date, source, claim and text.",
    ),
    "said": (
        "quotes.cli.statements:said",
        "Everything NAME said, oldest first, with role, date, kind, stances and source.",
    ),
    "show": (
        "quotes.cli.statements:show",
        "One statement in full: its words in context, dates, stances, claims and citation.",
    ),
    "export": (
        "quotes.cli.statements:export",
        "Export citations: every matching statement with a ready-to-paste Chicago note.",
    ),
    "speakers": (
        "quotes.cli.registries:speakers",
        "List the speakers, with their party, aliases and how many statements each made.",
    ),
    "parties": (
        "quotes.cli.registries:parties",
        "List the parties, with their aliases and how many statements take a stance on each.",
    ),
    "sources": (
        "quotes.cli.registries:sources",
        "List the sources, with their metadata and how many statements each holds.",
    ),
    "claims": (
        "quotes.cli.claims:claims",
        "List the claims, with how many statements assert, deny or question each.",
    ),
    "claim": (
        "quotes.cli.claims:claim",
        "A claim's timeline, oldest first, and who stands where.",
    ),
    "db": ("quotes.cli.database:db_group", "Create, migrate and locate the database."),
    "serve": (
        "quotes.cli.web:serve",
        "Serve read-only pages: statements to filter, link and cite, with the pictures.",
    ),
    "report": (
        "quotes.cli.web:report",
        "Pictures as files: the stance matrix (or who criticizes whom), a claim's timeline.",
    ),
}


def _prepare(command: click.Command) -> None:
    """Every command that opens the database takes --db after its name too, as sqlite-utils'
    commands do: `quotes list --db x` and `quotes --db x list` are the same."""
    if command.name != "extract":
        add_database_option(command)


@click.group(
    cls=QuotesGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    lazy=COMMANDS,
    prepare=_prepare,
)
@click.version_option(package_name="quotes")
@click.option(
    "--db",
    "url",
    envvar=config.ENV_VAR,
    default=config.DEFAULT_URL,
    show_default=True,
    show_envvar=True,
    metavar="URL",
    help="Database URL: a SQLite file, or postgresql+psycopg://user:pass@host/name.",
)
@click.pass_context
def cli(ctx: click.Context, url: str) -> None:
    """Who said what about whom: a quote-and-attribution database with claim tracking.

    \b
    Quick start:
        quotes load                      # build data/quotes.db from the curated files
        quotes said "Amrullah Saleh"     # everything one speaker said
        quotes list --critical-of kabul  # every statement critical of Kabul
    """
    ctx.obj = url
