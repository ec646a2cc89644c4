"""`quotes extract`: draft the statements of a new source for a curator to review."""

from pathlib import Path

import click

from quotes.cli.curation import data_option


@click.command()
@click.argument("text_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--published",
    metavar="EDTF",
    help='When the source was published (EDTF): resolves dates like "On May 27".',
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft here (e.g. data/sources/KEY.yaml) instead of stdout.",
)
@click.option(
    "--nl",
    "as_nl",
    is_flag=True,
    help="Print the candidates as JSON Lines (with offsets) instead of a draft.",
)
@data_option
def extract(
    text_file: Path, published: str | None, output: Path | None, as_nl: bool, root: Path
) -> None:
    """Draft the statements of a new source for a curator to review.

    Finds direct quotes, partial quotes and reported speech with their cues, speakers
    (resolved against the registry, pronouns to the person last named), dates and the
    parties named. Every statement is marked `status: draft`: `quotes load` refuses it
    until a curator has reviewed it and set `status: reviewed`.

    \b
    Example:
        quotes extract seeds/my-article.txt --published 2019-06 -o data/sources/my-article.yaml
        quotes extract seeds/my-article.txt --nl
    """
    import hashlib
    import json

    from quotes.dates import DateError, bounds
    from quotes.extract import extract as find_candidates
    from quotes.extract.draft import draft_yaml
    from quotes.extract.registry import Registry

    if published:
        try:
            bounds(published)
        except DateError as error:
            raise click.BadParameter(str(error), param_hint="'--published'") from None
    raw = text_file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise click.BadParameter(f"{text_file} is not UTF-8 text", param_hint="TEXT_FILE") from None
    registry = Registry.from_data(root)
    candidates = find_candidates(text, registry=registry, published=published)
    if as_nl:
        for candidate in candidates:
            click.echo(json.dumps(candidate.as_json(), ensure_ascii=False))
        return
    title = next((line.strip() for line in text.splitlines() if line.strip()), text_file.stem)
    try:
        text_path = str(text_file.resolve().relative_to(root.resolve().parent))
    except ValueError:
        text_path = str(text_file)
    draft = draft_yaml(
        candidates,
        text=text,
        text_path=text_path,
        title=title,
        published=published,
        sha256=hashlib.sha256(raw).hexdigest(),
        known_speakers=set(registry.names),
    )
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(draft, encoding="utf-8")
        click.echo(f"{len(candidates)} candidate statement(s) drafted in {output}", err=True)
    else:
        click.echo(draft, nl=False)
