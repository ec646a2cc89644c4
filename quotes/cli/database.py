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

    engine = engine_for(ctx, writer=True)
    db.upgrade(engine)
    click.echo(
        f"{db.masked(str(engine.url))} is at revision {db.current_revision(engine)}", err=True
    )


@db_group.command()
@click.argument("revision")
@click.option(
    "--force", is_flag=True, help="Go down even where that drops data (it says what first)."
)
@click.pass_context
def downgrade(ctx: click.Context, revision: str, force: bool) -> None:
    """Migrate the database back to REVISION ("base" empties it).

    A step down that drops a table or a column drops what it holds: such a downgrade says
    what it would destroy and needs --force. `quotes load` rebuilds the data from the
    curated files after an upgrade.

    \b
    Example:
        quotes db downgrade 0002
        quotes db downgrade base --force
    """
    from quotes import db

    if revision != "base" and revision not in db.REVISIONS:
        known = ", ".join(("base", *db.REVISIONS))
        raise click.BadParameter(
            f"{revision!r} is not a known revision; use one of: {known}", param_hint="REVISION"
        )
    engine = engine_for(ctx, writer=True)
    current = db.current_revision(engine)
    if current is not None and current not in db.REVISIONS:
        raise fail(db.DatabaseNotReady(db.newer_message(str(engine.url), current)))
    if (
        current is not None
        and revision != "base"
        and (db.REVISIONS.index(revision) > db.REVISIONS.index(current))
    ):
        raise click.BadParameter(
            f"the database is at {current}, below {revision}: use `quotes db upgrade`",
            param_hint="REVISION",
        )
    losses = db.downgrade_losses(current, revision)
    if losses and not force:
        lines = "\n".join(f"  undoing {rev}: {what}" for rev, what in losses)
        raise click.ClickException(
            f"Going down to {revision} would destroy data in {db.masked(str(engine.url))}:\n"
            f"{lines}\nRun again with --force to do it (then `quotes load` after an upgrade)."
        )
    db.downgrade(engine, revision)
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
    """Print the database's schema revision and whether it is the newest, and its last load:
    when, and from which git commit of data/.

    \b
    Example:
        quotes db current
    """
    from quotes import db

    engine = engine_for(ctx)
    revision, head = db.current_revision(engine), db.HEAD
    if revision is None:
        raise fail(
            QuotesError(f"No database at {db.masked(str(engine.url))}. Run `quotes db upgrade`.")
        )
    if revision not in db.REVISIONS:
        state = f"(newer than this version of quotes, whose newest is {head}: upgrade quotes)"
    elif revision == head:
        state = "(head)"
    else:
        state = f"(behind head {head}: run `quotes db upgrade`)"
    click.echo(f"{revision} {state}")
    if revision in db.REVISIONS and db.REVISIONS.index(revision) >= db.REVISIONS.index("0005"):
        from sqlmodel import Session

        from quotes.provenance import describe, last_load

        with Session(engine) as session:
            load = last_load(session)
        if load is not None:
            click.echo(f"last {describe(load)}")
