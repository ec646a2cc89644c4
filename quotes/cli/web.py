"""`quotes serve` (the read-only web pages) and `quotes report` (their pictures as files)."""

from pathlib import Path

import click

from quotes.cli.output import with_session


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@click.option(
    "--texts",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=".",
    show_default=True,
    help="The project folder: source texts' paths (seeds/...) are relative to it.",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, texts: Path) -> None:
    """Serve read-only pages: statements to filter, link and cite, with the pictures.

    Listens on 127.0.0.1 (this machine only) unless --host says otherwise.

    \b
    Example:
        quotes serve
        quotes serve --port 8080
    """
    import uvicorn

    from quotes import db
    from quotes.cli.common import fail
    from quotes.errors import DatabaseNotReady
    from quotes.web.app import create_app
    from quotes.web.database import read_only_engine

    engine = read_only_engine(ctx.find_root().obj)
    ctx.call_on_close(engine.dispose)
    try:
        db.require_current(engine)
    except DatabaseNotReady as error:
        raise fail(error) from None
    shown = f"[{host}]" if ":" in host else host
    _can_listen(host, port, f"{shown}:{port}")
    click.echo(
        f"Serving {db.masked(str(engine.url))} read-only at http://{shown}:{port}/", err=True
    )
    uvicorn.run(create_app(engine, project=texts), host=host, port=port, log_level="warning")


def _can_listen(host: str, port: int, shown: str) -> None:
    """A port already taken is one line and exit status 1, before "Serving ...": uvicorn
    announced nothing, logged the errno and exited 3 after our "Serving" line."""
    import errno
    import socket

    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(found[0], found[1]) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(found[4])
    except OSError as error:
        taken = error.errno == errno.EADDRINUSE
        hint = " Another server (a second `quotes serve`?) has it: choose another --port."
        raise click.ClickException(
            f"Cannot listen on {shown}: {error.strerror or error}.{hint if taken else ''}"
        ) from None


@click.group()
def report() -> None:
    """Pictures as files: the stance matrix (or who criticizes whom), a claim's timeline.

    \b
    Example:
        quotes report stance-matrix -o matrix.svg
        quotes report claim moscow-talks-government-backed -o timeline.png
    """


PICTURES = (".svg", ".png")


def _picture_name(ctx, param, output: Path) -> Path:
    """Only a name ending .svg or .png: `-o x.jpg` wrote an SVG under that name, and `-o
    README.md` wrote one over the README."""
    if output.suffix.lower() not in PICTURES:
        raise click.BadParameter(f"{output}: name the file .svg, or .png for a PNG picture.")
    return output


def _output_option(command):
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=True,
        callback=_picture_name,
        help="The file to write: SVG, or PNG when the name ends in .png.",
    )(command)


def _save(svg: str, output: Path) -> None:
    """The picture whole or not at all, and never over a database, as `quotes export`."""
    from quotes.cli.output import into_file

    if output.suffix.lower() == ".png":
        from quotes.reports.svg import to_png

        png = to_png(svg)

        def produce(out) -> None:
            out.flush()
            out.buffer.write(png)

    else:

        def produce(out) -> None:
            out.write(svg)

    into_file(output, produce, force=False, suffixes=PICTURES)
    click.echo(f"Wrote {output}", err=True)


@report.command(name="stance-matrix")
@_output_option
@click.option(
    "--graph", is_flag=True, help="Draw who criticizes whom as a graph instead of the matrix."
)
@with_session
def stance_matrix(session, output: Path, graph: bool) -> None:
    """Speakers' parties down, target parties across, statements counted by stance.

    With --graph: an arrow from speakers' party to each party they criticize.

    \b
    Example:
        quotes report stance-matrix -o matrix.svg
        quotes report stance-matrix --graph -o graph.png
    """
    from quotes.browse import party_names
    from quotes.browse import stance_matrix as matrix_rows
    from quotes.reports.matrix import criticism_graph_svg, stance_matrix_svg

    draw = criticism_graph_svg if graph else stance_matrix_svg
    _save(draw(matrix_rows(session), party_names(session)), output)


@report.command(name="claim")
@click.argument("key")
@_output_option
@with_session
def claim_timeline(session, key: str, output: Path) -> None:
    """A claim's timeline: who asserts, denies or questions it, each date as a bar.

    \b
    Example:
        quotes report claim moscow-talks-government-backed -o timeline.svg
    """
    from quotes.claims import timeline
    from quotes.lookup import UnknownName, find_claim
    from quotes.reports.timeline import claim_timeline_svg

    try:
        found = find_claim(session, key)
    except UnknownName as error:
        raise click.BadParameter(str(error), param_hint="'KEY'") from None
    _save(claim_timeline_svg(found.key, found.text, list(timeline(session, found))), output)
