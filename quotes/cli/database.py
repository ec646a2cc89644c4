"""`quotes db ...`: create, migrate and locate the database."""

import click

from quotes.cli.common import engine_for, fail
from quotes.errors import QuotesError


@click.group(name="db")
def db_group() -> None:
    """Create, migrate and locate the database.

    \b
    Example:
        quotes db upgrade
        quotes --db postgresql+psycopg://me@localhost/quotes db current
    """


@db_group.command()
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Migrate the database to the newest schema, creating it if missing.

    \b
    Example:
        quotes db upgrade
    """
    from quotes import db

    engine = engine_for(ctx)
    db.upgrade(engine)
    click.echo(
        f"{db.masked(str(engine.url))} is at revision {db.current_revision(engine)}", err=True
    )


@db_group.command()
@click.argument("revision")
@click.pass_context
def downgrade(ctx: click.Context, revision: str) -> None:
    """Migrate the database back to REVISION ("base" empties it).

    \b
    Example:
        quotes db downgrade base
    """
    from quotes import db

    engine = engine_for(ctx)
    try:
        db.downgrade(engine, revision)
    except Exception as error:  # alembic raises its own CommandError and KeyError
        from alembic.util import CommandError

        if not isinstance(error, CommandError | KeyError):
            raise
        raise click.BadParameter(
            f"{revision!r} is not a known revision", param_hint="REVISION"
        ) from None
    current = db.current_revision(engine) or "base"
    click.echo(f"{db.masked(str(engine.url))} is at revision {current}", err=True)


@db_group.command()
@click.pass_context
def path(ctx: click.Context) -> None:
    """Print where the database is, with any password masked.

    \b
    Example:
        quotes db path
    """
    from quotes import db

    url = ctx.find_root().obj
    file = db.sqlite_path(url)
    click.echo(str(file.resolve()) if file is not None else db.masked(url))


@db_group.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Print the database's schema revision and whether it is the newest.

    \b
    Example:
        quotes db current
    """
    from quotes import db

    engine = engine_for(ctx)
    if not db.exists(engine):
        raise fail(
            QuotesError(f"No database at {db.masked(str(engine.url))}. Run `quotes db upgrade`.")
        )
    revision, head = db.current_revision(engine), db.HEAD
    state = "(head)" if revision == head else f"(behind head {head}: run `quotes db upgrade`)"
    click.echo(f"{revision or 'base'} {state}")
