"""`quotes check` and `quotes load`: the curated files, validated and brought into the database."""

from pathlib import Path

import click

from quotes.cli.common import engine_for, fail, report_problems
from quotes.errors import QuotesError

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
    from sqlmodel import Session

    from quotes import db
    from quotes.curation.record import inspect_record
    from quotes.ingest import anchor_drift

    record, problems = inspect_record(root=root, paths=paths)
    engine = engine_for(ctx)
    if db.current_revision(engine) == db.HEAD:
        with Session(engine) as session:
            problems += anchor_drift(session=session, record=record)
    if problems:
        report_problems(problems, what="fix them and run `quotes check` again.")
    statements = sum(len(s.statements) for s in record.sources)
    click.echo(
        f"ok: {len(record.sources)} source(s), {statements} statement(s) anchored, "
        f"{len(record.speakers)} speakers, {len(record.parties)} parties, "
        f"{len(record.claims)} claims",
        err=True,
    )


@click.command()
@paths_argument
@data_option
@click.pass_context
def load(ctx: click.Context, paths: tuple[Path, ...], root: Path) -> None:
    """Check the curated files, then make the database say exactly what they say.

    Runs in one transaction: statements of the sources loaded are added, updated or removed;
    with no PATHS, sources whose files are gone are removed too. Running it twice changes
    nothing. Counts go to stderr. A new database is created, an older one migrated, first.

    \b
    Example:
        quotes load
        quotes --db postgresql+psycopg://me@localhost/quotes load
    """
    from sqlmodel import Session

    from quotes import db
    from quotes.curation.record import CurationFailed, read_record
    from quotes.ingest import load_record

    try:
        record = read_record(root=root, paths=paths)
    except CurationFailed as error:
        report_problems(error.problems, what="nothing was loaded.")
    engine = engine_for(ctx)
    try:
        # A new database is created, an older one migrated: loading writes anyway.
        db.upgrade(engine)
        db.require_current(engine)
    except QuotesError as error:
        raise fail(error) from None
    with Session(engine) as session:
        try:
            report = load_record(session=session, record=record, prune_sources=not paths)
        except CurationFailed as error:
            session.rollback()
            report_problems(error.problems, what="nothing was loaded.")
        session.commit()
    for line in report.lines():
        click.echo(line, err=True)
