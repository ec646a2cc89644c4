"""`quotes check` and `quotes load`: the curated files, validated and brought into the database."""

import os
from pathlib import Path

import click

from quotes.cli.common import engine_for, progress, report_problems, silent_option

data_option = click.option(
    "--data",
    "root",
    default="data",
    show_default=True,
    envvar="QUOTES_DATA",
    show_envvar=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The curated data folder (parties.yaml, claims.yaml, speakers/, sources/).",
)
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def require_data_folder(root: Path) -> None:
    """A usage error when the data folder is not there: run from another folder, `check` and
    `load` would list each registry file as not found and never say that the folder is wrong."""
    if root.is_dir():
        return
    where = f"{root} in {Path.cwd()}" if not root.is_absolute() else str(root)
    raise click.BadParameter(
        f"there is no folder {where}: run quotes from the project folder (where data/ and "
        "seeds/ are), or name the curated data folder with --data.",
        param_hint="'--data'",
    )


@click.command()
@paths_argument
@data_option
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], root: Path) -> None:
    """Validate the curated files and anchor every statement; write nothing.

    PATHS are source files or folders of them (default: every file in DATA/sources). The
    registries are always checked. One line per problem, as file:line: field: what is wrong,
    and a non-zero exit status: fit for a pre-commit hook. If the database holds a source
    whose text has changed since it was loaded, every statement whose anchor moved or broke
    is listed too.

    \b
    Example:
        quotes check
        quotes check data/sources/russia-falling-out-with-kabul.yaml
    """
    from quotes.curation.record import inspect_record

    require_data_folder(root)
    record, problems = inspect_record(root=root, paths=paths)
    if not _no_database(ctx.find_root().obj):
        problems += _drift(ctx, record)
    if problems:
        report_problems(problems, what="fix them and run `quotes check` again.")
    statements = sum(len(s.statements) for s in record.sources)
    unnamed = len({key for source in record.sources for key in source.speakers})
    click.echo(
        f"ok: {len(record.sources)} source(s), {statements} statement(s) anchored, "
        f"{len(record.speakers)} speakers (and {unnamed} unnamed in the sources), "
        f"{len(record.parties)} parties, "
        f"{len(record.claims)} claims",
        err=True,
    )


def _no_database(url: str) -> bool:
    """An in-memory SQLite database, or a SQLite file that is not there: no anchors to
    compare with (and no reason to import SQLAlchemy, a good part of a check's time)."""
    if url in ("sqlite://", "sqlite:///:memory:"):
        return True
    path = url.removeprefix("sqlite:///")
    return path != url and "?" not in path and not os.path.lexists(path)


def _drift(ctx: click.Context, record) -> list:
    """Statements whose anchor moved or broke since the database loaded their source."""
    from sqlalchemy.exc import DBAPIError
    from sqlmodel import Session

    from quotes import db
    from quotes.ingest import anchor_drift

    problems = []
    engine = engine_for(ctx)
    try:
        if db.current_revision(engine) == db.HEAD:
            with Session(engine) as session:
                problems += anchor_drift(session=session, record=record)
    except DBAPIError as error:
        # The files are what is checked; the database only adds the drift report.
        reason = db.explain(error, str(engine.url))
        click.echo(f"note: anchors not compared with the database: {reason}", err=True)
    return problems


@click.command()
@paths_argument
@data_option
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another load writing to the same database.",
)
@silent_option
@click.pass_context
def load(
    ctx: click.Context, paths: tuple[Path, ...], root: Path, wait: float, silent: bool
) -> None:
    """Check the curated files, then make the database say exactly what they say.

    All or nothing: the database is created or migrated and the record written in one
    transaction, so a failure or an interruption leaves it as it was. Statements of the
    sources loaded are added, updated or removed; with no PATHS, sources whose files are
    gone are removed too. Running it twice changes nothing. One load writes at a time: a
    second waits for the first (--wait), then reads what the first wrote. Counts go to stderr,
    with a progress bar on a terminal.

    \b
    Example:
        quotes load
        quotes load --db postgresql+psycopg://me@localhost/quotes
    """
    import dataclasses
    import functools

    from sqlmodel import Session

    from quotes import db
    from quotes.curation.record import CurationFailed, read_record
    from quotes.ingest import load_record
    from quotes.provenance import describe, record_load

    require_data_folder(root)
    try:
        reading = functools.partial(progress, label="Reading", silent=silent)
        record = read_record(
            root=root, paths=paths, progress=lambda items, count: reading(items, length=count)
        )
    except CurationFailed as error:
        report_problems(error.problems, what="nothing was loaded.")
    sources = progress(record.sources, label="Loading", length=len(record.sources), silent=silent)
    record = dataclasses.replace(record, sources=sources)
    engine = engine_for(ctx, writer=True, lock_wait=wait)
    # The write lock is taken as the transaction begins, before anything is read from the
    # database, so the comparison below sees every earlier load.
    with engine.begin() as connection:
        db.upgrade_connection(connection)
        with Session(bind=connection) as session:
            try:
                report = load_record(session=session, record=record, prune_sources=not paths)
                session.flush()
                logged = record_load(session=session, report=report, root=root)
                session.flush()
                logged = logged and f"recorded as {describe(logged)}"
            except CurationFailed as error:
                connection.rollback()
                report_problems(error.problems, what="nothing was loaded.")
    if silent:
        return
    for line in report.lines():
        click.echo(line, err=True)
    if logged:
        click.echo(logged, err=True)
