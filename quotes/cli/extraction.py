"""`quotes extract`: draft the statements of new sources for a curator to review."""

import re
from pathlib import Path

import click

from quotes.cli.common import progress, silent_option
from quotes.cli.curation import data_option


@click.command()
@click.argument(
    "text_files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--published",
    metavar="EDTF",
    help='When the source was published (EDTF): resolves dates like "on Monday". '
    "Without it, a dateline (“MOSCOW, May 28 /TASS/”) is read.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft of one TEXT_FILE here (e.g. data/sources/KEY.yaml) instead of stdout.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write each TEXT_FILE's draft into this folder, as NAME.yaml.",
)
@click.option(
    "--force", is_flag=True, help="Overwrite existing files (a curated file's review is lost)."
)
@click.option(
    "--headlines", is_flag=True, help="Draft headlines and standfirsts too (left out by default)."
)
@silent_option
@click.option(
    "--nl",
    "as_nl",
    is_flag=True,
    help="Print the candidates as JSON Lines (with offsets) instead of a draft.",
)
@data_option
def extract(
    text_files: tuple[Path, ...],
    published: str | None,
    output: Path | None,
    out_dir: Path | None,
    force: bool,
    headlines: bool,
    silent: bool,
    as_nl: bool,
    root: Path,
) -> None:
    """Draft the statements of new sources for a curator to review.

    Finds direct quotes, partial quotes and reported speech with their cues (a trained
    tagger, with quotation marks as the rules read them), speakers (resolved against the
    registry: names, roles, descriptions, pronouns, acronyms), dates (resolved against
    --published or the dateline) and the parties named. Every statement is marked
    `status: draft`: `quotes load` refuses it until a curator has reviewed it. An existing
    file is never overwritten without --force.

    \b
    Example:
        quotes extract seeds/my-article.txt --published 2019-06 -o data/sources/my-article.yaml
        quotes extract seeds/*.txt --out data/sources/
        quotes extract seeds/my-article.txt --nl
    """
    import json

    from quotes.dates import DateError, bounds
    from quotes.extract.registry import Registry

    if published:
        try:
            bounds(published)
        except DateError as error:
            raise click.BadParameter(str(error), param_hint="'--published'") from None
    if output and out_dir:
        raise click.UsageError("Give -o FILE or --out DIR, not both.")
    if as_nl and (output or out_dir):
        raise click.UsageError(
            "--nl prints to standard output; -o and --out write drafts. "
            "For JSON Lines in a file: quotes extract TEXT --nl > FILE.jsonl"
        )
    if output and len(text_files) > 1:
        raise click.UsageError(
            f"-o writes one file but {len(text_files)} texts were given: use --out DIR."
        )
    if len(text_files) > 1 and not out_dir and not as_nl:
        raise click.UsageError("Several texts need --out DIR (one draft per text).")
    targets = {}
    if not as_nl:
        for path in text_files:
            target = output or (out_dir / f"{path.stem}.yaml" if out_dir else None)
            if target:
                targets[path] = target
    if not force:
        _refuse_overwrite(list(targets.values()))
    texts = {path: _read(path) for path in text_files}
    registry = Registry.from_data(root)
    total = 0
    drafting = progress(
        text_files, label="Drafting", length=len(text_files), silent=silent or len(text_files) == 1
    )
    for path in drafting:
        if as_nl:
            from quotes.extract import extract as find_candidates

            for candidate in find_candidates(
                texts[path][0], registry=registry, published=published, headlines=headlines
            ):
                row = candidate.as_json()
                if len(text_files) > 1:
                    row = {"file": str(path), **row}
                click.echo(json.dumps(row, ensure_ascii=False))
            continue
        draft, count = _draft(path, texts[path], registry, root, published, headlines)
        total += count
        target = targets.get(path)
        if target is None:
            click.echo(draft, nl=False)
            continue
        _write_whole(target, draft)
        if len(text_files) == 1 and not silent:
            click.echo(f"{count} candidate statement(s) drafted in {target}", err=True)
    if targets and len(text_files) > 1 and not silent:
        click.echo(
            f"{total} candidate statement(s) drafted in {len(targets)} file(s) in {out_dir}",
            err=True,
        )


def _write_whole(target: Path, draft: str) -> None:
    """Write ``draft`` whole or not at all (a temporary file renamed into place), so that a
    full disk under --force leaves the curated file it would have replaced as it was."""
    from quotes.cli.output import into_file

    target.parent.mkdir(parents=True, exist_ok=True)
    into_file(target, lambda out: out.write(draft), force=True, suffixes=(".yaml",))


def _read(path: Path) -> tuple[str, bytes]:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), raw
    except UnicodeDecodeError:
        raise click.BadParameter(f"{path} is not UTF-8 text", param_hint="TEXT_FILES") from None


def _refuse_overwrite(targets: list[Path]) -> None:
    """Stop before writing anything if a draft would replace a file: say what is in it."""
    existing = [t for t in targets if t.exists()]
    if not existing:
        return
    lines = [f"  {t}: {_contents(t)}" for t in existing]
    raise click.ClickException(
        f"{len(existing)} file(s) already exist and would be overwritten:\n"
        + "\n".join(lines)
        + "\nNothing was written. Use --force to overwrite, or write the draft elsewhere."
    )


def _contents(path: Path) -> str:
    """What overwriting ``path`` would destroy, in a few words."""
    text = path.read_text(encoding="utf-8", errors="replace")
    # The statements' list only: a source's own `speakers:` list has keys too.
    listed = re.split(r"(?m)^statements:", text, maxsplit=1)[-1]
    statements = listed.count("\n  - key:")
    drafts = listed.count("status: draft")
    if not statements:
        return f"{len(text.splitlines())} line(s)"
    return f"{statements} statement(s), {statements - drafts} of them reviewed"


def _draft(path, text_and_raw, registry, root, published, headlines) -> tuple[str, int]:
    import hashlib

    from quotes.extract.draft import draft_source
    from quotes.extract.layout import headline

    text, raw = text_and_raw
    title = headline(text) or path.stem
    try:
        text_path = str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        text_path = str(path)
    return draft_source(
        text,
        registry=registry,
        text_path=text_path,
        title=title,
        published=published,
        sha256=hashlib.sha256(raw).hexdigest(),
        headlines=headlines,
    )
