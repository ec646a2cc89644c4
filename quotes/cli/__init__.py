"""The command line: thin click commands over the core modules. No SQL here.

Each family of commands has a module of its own; this one holds the root group.
"""

import click

from quotes import config
from quotes.cli.common import QuotesGroup


@click.group(
    cls=QuotesGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
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


from quotes.cli import (  # noqa: E402
    claims,
    curation,
    database,
    extraction,
    registries,
    statements,
    web,
)
from quotes.cli.common import add_database_option  # noqa: E402

for command in (
    curation.check,
    curation.load,
    extraction.extract,
    statements.list_,
    statements.said,
    statements.show,
    statements.export,
    registries.speakers,
    registries.parties,
    registries.sources,
    claims.claims,
    claims.claim,
    database.db_group,
    web.serve,
    web.report,
):
    cli.add_command(command)

# Every command that opens the database takes --db after its name too, as sqlite-utils'
# commands do: `quotes list --db x` and `quotes --db x list` are the same.
for command in cli.commands.values():
    if command is not extraction.extract:
        add_database_option(command)
