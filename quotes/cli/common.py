"""What the command modules share: the database from the root option, errors, problems."""

import click

from quotes.errors import QuotesError


def engine_for(ctx: click.Context):
    """An engine on the database the root ``--db`` option names, disposed when the command ends."""
    from quotes import db

    engine = db.make_engine(ctx.find_root().obj)
    ctx.call_on_close(engine.dispose)
    return engine


def fail(error: QuotesError) -> click.ClickException:
    return click.ClickException(str(error))


def report_problems(problems, *, what: str) -> None:
    """Print one line per problem on stderr and exit 1."""
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(problems)} problem(s); {what}", err=True)
    raise SystemExit(1)


def add_database_option(command: click.Command) -> None:
    """Give ``command`` (and each command of a group) a ``--db`` of its own, which overrides
    the root's: the root option reads the environment, this one only what is typed."""

    def remember(ctx: click.Context, _param, value: str | None) -> None:
        if value is not None:
            ctx.find_root().obj = value

    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_database_option(sub)
        return
    command.params.append(
        click.Option(
            ["--db"],
            expose_value=False,
            callback=remember,
            metavar="URL",
            help="Database URL, as the root --db (which it overrides).",
        )
    )
