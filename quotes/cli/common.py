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
