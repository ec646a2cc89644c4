"""What the command modules share: the database from the root option, errors, problems."""

import errno
import sys

import click

from quotes.cli.lazy import LazyGroup
from quotes.errors import QuotesError


class QuotesGroup(LazyGroup):
    """The root group, its commands imported when needed (quotes.cli.lazy): whatever the
    core or the database raises becomes one line on stderr and an exit status, never a
    traceback."""

    def main(self, *args, **kwargs):
        """What click's main lets through: the root's --help and --version are written before
        any command is invoked, so standard output failing there is said here."""
        try:
            return super().main(*args, **kwargs)
        except OSError as error:
            from quotes.cli.output import stdout_failed

            try:
                stdout_failed(error)
            except click.ClickException as failure:  # past click's own handling: said here
                failure.show()
                sys.exit(failure.exit_code)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except QuotesError as error:
            raise fail(error) from None
        except KeyboardInterrupt:
            click.echo("Interrupted: what was being written was rolled back.", err=True)
            ctx.exit(130)
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise  # click ends quietly on a closed pipe
            where = f": {error.filename}" if error.filename else ""
            raise click.ClickException(f"{error.strerror or error}{where}") from None
        except Exception as error:
            from quotes import db

            message = db.explain(error, ctx.obj or "")
            if message is None:
                raise
            raise click.ClickException(message) from None


def engine_for(ctx: click.Context, *, writer: bool = False, lock_wait: float | None = None):
    """An engine on the database the ``--db`` options name, disposed when the command ends."""
    from quotes import db

    options = {} if lock_wait is None else {"lock_wait": lock_wait}
    try:
        engine = db.make_engine(ctx.find_root().obj, writer=writer, **options)
    except db.BadDatabaseURL as error:
        raise bad_url(error) from None
    ctx.call_on_close(engine.dispose)
    return engine


def bad_url(error: QuotesError) -> click.BadParameter:
    return click.BadParameter(str(error), param_hint="'--db' / $QUOTES_DATABASE_URL")


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


def language_ranges(_ctx, param, values: tuple[str, ...]) -> tuple[str, ...]:
    """A --language option's values as ranges to match (quotes.languages); a usage error
    for a value that is no language tag."""
    from quotes.languages import language_range

    try:
        return tuple(language_range(value) for value in values)
    except QuotesError as error:
        raise click.BadParameter(str(error), param=param) from None


def silent_option(command):
    """``--silent``: no progress bar and no summary on stderr."""
    return click.option("--silent", is_flag=True, help="No progress bar and no summary on stderr.")(
        command
    )


def progress(items, *, label: str, length, silent: bool, size=None):
    """``items`` as they are, moving a bar on stderr by ``size(item)`` (else 1) for each: only
    on a terminal, never in a pipe or a log, and not with ``--silent``. ``length`` may be a
    function, called only when the bar shows (counting an export's rows costs a query)."""
    if silent or not sys.stderr.isatty():
        yield from items
        return
    total = length() if callable(length) else length
    with click.progressbar(length=total, label=label, file=sys.stderr, width=30) as bar:
        for item in items:
            yield item
            bar.update(size(item) if size else 1)
