"""`quotes list`, `said`, `show` and `export`: statements, filtered, shown and cited."""

import functools
import sys
from pathlib import Path

import click

from quotes.cli.output import emit, output_options, with_session
from quotes.export import Column
from quotes.vocabulary import SORTS, Polarity, Position, StatementKind

STATEMENT_FIELDS = [
    "key",
    "speaker",
    "speaker_key",
    "speaker_as_written",
    "role",
    "kind",
    "text",
    "cue",
    "said",
    "said_from",
    "said_to",
    "said_as_written",
    "said_basis",
    "context",
    "stances",
    "claims",
    "note",
    "source_key",
    "source_title",
    "publication",
    "author",
    "published",
    "url",
    "text_path",
    "start",
    "end",
    "paragraph",
]
EXPORT_FIELDS = [f for f in STATEMENT_FIELDS if f != "text_path"] + ["location", "citation"]
STATEMENT_TABLE = [
    Column("said", "SAID", 21),
    Column("who", "SPEAKER", 22),
    Column("kind", "KIND", 8),
    Column("stances", "STANCES", 28),
    Column("text", "TEXT"),
]


class DateBound(click.ParamType):
    """A day, month or year (2019-05-27, 2019-05, 2019): --since takes its first day,
    --until its last."""

    name = "DATE"

    def __init__(self, end: str):
        self.end = end

    def convert(self, value, param, ctx):
        from quotes.dates import DateError, bounds

        try:
            found = bounds(value) if "/" not in value else None
        except DateError as error:
            self.fail(str(error), param, ctx)
        if found is None or found.lower is None:
            self.fail(
                f"{value!r} is not a day, month or year (e.g. 2019-05-27, 2019-05, 2019)",
                param,
                ctx,
            )
        return found.lower if self.end == "lower" else found.upper


def _choice(enum) -> click.Choice:
    return click.Choice([m.value for m in enum], case_sensitive=False)


def filter_options(command, *, speaker: bool = True):
    """The filters every statement listing shares; options AND together, repeats OR."""
    options = [
        click.option(
            "--by",
            multiple=True,
            metavar="PARTY",
            help="Said by a speaker of PARTY (key or alias). Repeatable.",
        ),
        click.option(
            "--about",
            multiple=True,
            metavar="PARTY",
            help="Takes a stance on PARTY; with --stance, that stance. Repeatable.",
        ),
        click.option(
            "--critical-of",
            multiple=True,
            metavar="PARTY",
            help="Critical of PARTY, e.g. kabul, moscow. Repeatable.",
        ),
        click.option(
            "--supportive-of",
            multiple=True,
            metavar="PARTY",
            help="Supportive of PARTY. Repeatable.",
        ),
        click.option(
            "--stance",
            multiple=True,
            type=_choice(Polarity),
            help="With --about: only this stance toward it; alone: toward anyone.",
        ),
        click.option(
            "--kind",
            multiple=True,
            type=_choice(StatementKind),
            help="Direct quote, partial quote or indirect (reported) speech.",
        ),
        click.option(
            "--since",
            type=DateBound("lower"),
            help="Said on or after DATE: matches when the days it may have been said "
            "overlap the range (an open or unknown date overlaps everything).",
        ),
        click.option(
            "--until",
            type=DateBound("upper"),
            help="Said on or before DATE (overlap, as for --since).",
        ),
        click.option(
            "--source", multiple=True, metavar="KEY", help="From this source. Repeatable."
        ),
        click.option(
            "--claim",
            multiple=True,
            metavar="KEY",
            help="Takes a position on this claim. Repeatable.",
        ),
        click.option(
            "--position",
            multiple=True,
            type=_choice(Position),
            help="With --claim: only statements taking this position.",
        ),
        click.option(
            "--search",
            metavar="WORDS",
            help="All these words in the text (full-text search, stemmed).",
        ),
        click.option(
            "--sort",
            type=click.Choice(list(SORTS)),
            default="said",
            show_default=True,
            help="; ".join(f"{k}: {v}" for k, v in SORTS.items()) + ".",
        ),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many statements."),
    ]
    if speaker:
        options.insert(
            0,
            click.option(
                "--speaker",
                multiple=True,
                metavar="NAME",
                help="Said by NAME (key, name, alias or a unique part of a name). Repeatable.",
            ),
        )
    for option in reversed(options):
        command = option(command)
    return command


def _filters(session, options: dict):
    from quotes.lookup import AmbiguousName, UnknownName, resolve_filters

    try:
        return resolve_filters(
            session,
            speakers=options.pop("speaker", ()),
            by=options.pop("by"),
            about=options.pop("about"),
            critical_of=options.pop("critical_of"),
            supportive_of=options.pop("supportive_of"),
            sources=options.pop("source"),
            claims=options.pop("claim"),
            kinds=tuple(options.pop("kind")),
            polarities=tuple(options.pop("stance")),
            positions=tuple(options.pop("position")),
            **options,
        )
    except (UnknownName, AmbiguousName) as error:
        raise click.BadParameter(str(error), param_hint=f"'--{error.option}'") from None


def _records(session, filters):
    from quotes.errors import QuotesError
    from quotes.query import search_words, statement_records

    if filters.search:
        try:
            search_words(filters.search)
        except QuotesError as error:
            raise click.BadParameter(str(error), param_hint="'--search'") from None
    return statement_records(session, filters)


def _for_people(records):
    """Records with the cells a table shows: who said it in which role, one stance a line."""
    for record in records:
        who = record["speaker"] + (f" ({record['role']})" if record["role"] else "")
        stances = "\n".join(f"{party}:{polarity}" for party, polarity in record["stances"].items())
        yield {
            **record,
            "who": who,
            "stances": stances,
            "shown": f"{record['text']}\n[{record['key']}]",
        }


def _list(session, fmt: str, options: dict) -> None:
    records = _records(session, _filters(session, options))
    if fmt == "table":
        records = _for_people(records)
    emit(
        records,
        fmt=fmt,
        table=STATEMENT_TABLE,
        fields=STATEMENT_FIELDS,
        empty="No statements match.",
        footer="key",
    )


@click.command(name="list")
@filter_options
@output_options
@with_session
def list_(session, fmt: str, **options) -> None:
    """List statements, filtered by speaker, party, stance, date, source, claim and text.

    \b
    Example:
        quotes list --critical-of kabul
        quotes list --about taliban --since 2019 --until 2019 --csv
        quotes list --claim moscow-talks-government-backed --position denies
    """
    _list(session, fmt, options)


@click.command()
@click.argument("name")
@functools.partial(filter_options, speaker=False)
@output_options
@with_session
def said(session, name: str, fmt: str, **options) -> None:
    """Everything NAME said, oldest first, with role, date, kind, stances and source.

    NAME is a key, a name or an alias, ignoring case and accents, or a unique part of a name.

    \b
    Example:
        quotes said "Amrullah Saleh"
        quotes said lavrov --json
    """
    from quotes.lookup import AmbiguousName, UnknownName, find_speaker

    try:
        speaker = find_speaker(session, name)
    except (UnknownName, AmbiguousName) as error:
        raise click.BadParameter(str(error), param_hint="'NAME'") from None
    _list(session, fmt, {**options, "speaker": (speaker.key,)})


@click.command()
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="The statement as one JSON record.")
@with_session
def show(session, key: str, as_json: bool) -> None:
    """One statement in full: its words in context, dates, stances, claims and citation.

    KEY is source-key/statement-key, as `quotes list` prints it.

    \b
    Example:
        quotes show russia-falling-out-with-kabul/saleh-stunning-experience
    """
    import json

    from quotes.citation import chicago_note, location
    from quotes.lookup import UnknownName
    from quotes.query import find_statement

    try:
        record = find_statement(session, key)
    except UnknownName as error:
        raise click.BadParameter(str(error), param_hint="'KEY'") from None
    record = {**record, "location": location(record), "citation": chicago_note(record)}
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    role = f", {record['role']}" if record["role"] else ""
    written = record["speaker_as_written"]
    said = record["said"] or "unknown"
    if record["said"] and record["said_from"] != record["said_to"]:
        said += f"  ({record['said_from'] or '…'} to {record['said_to'] or '…'})"
    if record["said_basis"]:
        said += f", {record['said_basis']}"
    if record["said_as_written"]:
        said += f"; the source says: {record['said_as_written']}"
    cue = f", cue “{record['cue']}”" if record["cue"] else ""
    lines = [
        record["key"],
        f"  speaker    {record['speaker']}{role}"
        + (f"  (as written: {written})" if written and written != record["speaker"] else ""),
        f"  kind       {record['kind']}{cue}",
        f"  said       {said}",
    ]
    if record["context"]:
        lines.append(f"  context    {record['context']}")
    lines.append(
        "  stances    "
        + (", ".join(f"{p}: {s}" for p, s in record["stances"].items()) or "none recorded")
    )
    if record["claims"]:
        lines.append(
            "  claims     " + ", ".join(f"{c['position']} {c['claim']}" for c in record["claims"])
        )
    if record["note"]:
        lines.append(f"  note       {record['note']}")
    in_context = " ".join(f"…{record['prefix']}[{record['text']}]{record['suffix']}…".split())
    lines += [
        "",
        f"  {in_context}",
        "",
        f"  location   {record['location']}",
        f"  citation   {record['citation']}",
    ]
    click.echo("\n".join(lines))


@click.command()
@filter_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "tsv", "json", "nl", "csl-json"]),
    default="csv",
    show_default=True,
    help="csv/tsv: one row per statement with a citation; json/nl: records; "
    "csl-json: one item per source cited, for Zotero and other managers.",
)
@click.option(
    "--excel",
    is_flag=True,
    help="Start the file with a byte-order mark, so Excel reads it as UTF-8.",
)
@with_session
def export(session, output: Path | None, fmt: str, excel: bool, **options) -> None:
    """Export citations: every matching statement with a ready-to-paste Chicago note.

    Same filters as `quotes list`. CSV columns: the statement's fields (stances as
    "party:polarity; ...", claims as "claim:position; ..."), its location in the source
    (paragraph and characters) and a Chicago notes-style citation. Cells that a spreadsheet
    could run as a formula are prefixed with an apostrophe (OWASP's CSV-injection advice).

    \b
    Example:
        quotes export --critical-of moscow -o critical-of-moscow.csv
        quotes export --excel -o citations.csv
        quotes export --format csl-json -o sources.json
    """
    from quotes.export import with_citation, write

    records = with_citation(_records(session, _filters(session, options)))
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csl-json":
            count = _write_csl(records, out)
        else:
            count = write(
                records, out, fmt=fmt, columns=[Column(f, f) for f in EXPORT_FIELDS], excel=excel
            )
    finally:
        if output:
            out.close()
    click.echo(f"{count} statement(s) exported" + (f" to {output}" if output else ""), err=True)


def _write_csl(records, out) -> int:
    import json

    from quotes.citation import csl_item

    items, count = {}, 0
    for record in records:
        count += 1
        items.setdefault(record["source_key"], csl_item(record))
    json.dump(list(items.values()), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return count
