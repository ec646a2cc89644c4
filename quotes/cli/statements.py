"""`quotes list`, `said`, `show` and `export`: statements, filtered, shown and cited."""

import contextlib
import functools
import sys
from pathlib import Path

import click

from quotes.cli.common import language_ranges, progress, silent_option
from quotes.cli.output import emit, into_file, output_options, stdout_guarded, with_reader
from quotes.export import Column
from quotes.fields import LISTED
from quotes.vocabulary import SORTS, Polarity, Position, StatementKind

STATEMENT_FIELDS = LISTED
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
        from quotes.dates import DateError, DateOutOfRange, bounds

        if not isinstance(value, str):
            return value
        try:
            found = bounds(value) if "/" not in value else None
        except DateOutOfRange as error:
            self.fail(str(error), param, ctx)
        except (DateError, ValueError, OverflowError, TypeError):
            # One message for every refusal: the EDTF one offers intervals as examples. (The
            # EDTF parser takes years like Y-20000 that no date type holds.)
            found = None
        if found is None or found.lower is None:
            self.fail(
                f"{value!r} is not a day, month or year between 0001 and 9999 "
                "(e.g. 2019-05-27, 2019-05, 2019)",
                param,
                ctx,
            )
        return found.lower if self.end == "lower" else found.upper


def _choice(enum) -> click.Choice:
    return click.Choice([m.value for m in enum], case_sensitive=False)


# The largest LIMIT the databases take, as quotes.query.MAX_LIMIT (not imported: --help
# would pay for the query module).
LIMIT_MAX = 2**63 - 1
UNORDERED = {"none": "as stored: the fastest, for whole exports"}


def filter_options(command, *, speaker: bool = True, unordered: bool = False):
    """The filters every statement listing shares; options AND together, repeats OR.

    ``unordered`` offers ``--sort none``.
    """
    sorts = {**SORTS, **(UNORDERED if unordered else {})}
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
            help="All these words in the text or its English translation (full-text search: "
            "English stemmed, other languages word for word).",
        ),
        click.option(
            "--language",
            "languages",
            multiple=True,
            metavar="TAG",
            callback=language_ranges,
            help="From a source in this language (BCP 47: ru finds ru and ru-RU). Repeatable.",
        ),
        click.option(
            "--distinct",
            is_flag=True,
            help="Each utterance once: its earliest report, the others named in other_reports.",
        ),
        click.option(
            "--sort",
            type=click.Choice(list(sorts)),
            default="said",
            show_default=True,
            help="; ".join(f"{k}: {v}" for k, v in sorts.items()) + ".",
        ),
        click.option(
            "--limit",
            type=click.IntRange(min=0, max=LIMIT_MAX),
            help="At most this many statements.",
        ),
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


def _filters(reader, options: dict):
    from quotes.errors import QuotesError
    from quotes.lookup import AmbiguousName, UnknownName, resolve_filters
    from quotes.query import search_words

    since, until = options.get("since"), options.get("until")
    if since and until and since > until:
        raise click.UsageError(
            f"--since {since} is after --until {until}, so nothing can match: swap them."
        )
    if options.get("search") is not None:
        try:
            search_words(options["search"])
        except QuotesError as error:
            raise click.BadParameter(str(error), param_hint="'--search'") from None
    try:
        return resolve_filters(
            reader,
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


def _list(reader, fmt: str, options: dict) -> None:
    from quotes.query import statement_records

    filters = _filters(reader, options)
    if fmt in ("csv", "tsv"):
        with stdout_guarded() as out:
            write_listing(reader, filters, out, fmt=fmt)
        return
    records = statement_records(reader, filters)
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


def write_listing(reader, filters, out, *, fmt: str) -> None:
    """What `quotes list` and `quotes said` write as CSV or TSV: a CSV the database made
    (quotes.query.database_csv), a TSV from rows of cells it made, a batch at a time."""
    from quotes.export import write_cells
    from quotes.query import database_csv, statement_cells

    if fmt == "csv" and (lines := database_csv(reader, filters, STATEMENT_FIELDS)) is not None:
        out.write(",".join(STATEMENT_FIELDS) + "\r\n")
        out.writelines(lines)
        return
    cells = statement_cells(reader, filters, STATEMENT_FIELDS)
    write_cells(cells, out, fmt=fmt, header=STATEMENT_FIELDS)


@click.command(name="list")
@filter_options
@output_options
@with_reader
def list_(reader, fmt: str, **options) -> None:
    """List statements, filtered by speaker, party, stance, date, source, claim and text.

    \b
    Example:
        quotes list --critical-of kabul
        quotes list --about taliban --since 2019 --until 2019 --csv
        quotes list --claim moscow-talks-government-backed --position denies
    """
    _list(reader, fmt, options)


@click.command()
@click.argument("name")
@functools.partial(filter_options, speaker=False)
@output_options
@with_reader
def said(reader, name: str, fmt: str, **options) -> None:
    """Everything NAME said, oldest first, with role, date, kind, stances and source.

    NAME is a key, a name or an alias, ignoring case and accents, or a unique part of a name.

    \b
    Example:
        quotes said "Amrullah Saleh"
        quotes said lavrov --json
    """
    from quotes.lookup import AmbiguousName, UnknownName, find_speaker

    try:
        speaker = find_speaker(reader, name)
    except (UnknownName, AmbiguousName) as error:
        raise click.BadParameter(str(error), param_hint="'NAME'") from None
    _list(reader, fmt, {**options, "speaker": (speaker.key,)})


@click.command()
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="The statement as one JSON record.")
@with_reader
def show(reader, key: str, as_json: bool) -> None:
    """One statement in full: its words in context, dates, stances, claims and citation.

    KEY is source-key/statement-key, as `quotes list` prints it.

    \b
    Example:
        quotes show russia-falling-out-with-kabul/saleh-stunning-experience
    """
    import json

    from quotes.citation import chicago_note, location
    from quotes.lookup import UnknownName
    from quotes.query import find_statement, utterance_reports

    try:
        record = find_statement(reader, key)
    except UnknownName as error:
        raise click.BadParameter(str(error), param_hint="'KEY'") from None
    record = {**record, "location": location(record), "citation": chicago_note(record)}
    if as_json:
        with stdout_guarded():
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
    held = record["role_held"] or "no registry role covers the date"
    lines.append(f"  held       {held}; spoke for {record['party'] or 'no party recorded'}")
    if record["translation"]:
        lines.append(f"  English    {record['translation']}")
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
    if record["reports"] > 1:
        lines += ["", f"  reported by {record['reports']} sources (earliest first):"]
        for other in utterance_reports(reader, record):
            mark = "*" if other["key"] == record["key"] else " "
            lines.append(f"  {mark} {other['key']}")
            lines.append(f"      {chicago_note(other)}")
    with stdout_guarded():
        click.echo("\n".join(lines))


EXPORT_FORMATS = {
    "csv": "One row per statement with its location and citation (the default).",
    "tsv": "The same, tab-separated.",
    "json": "One JSON array of records, each with its location and citation.",
    "nl": "JSON Lines: one such record per line.",
    "csl-json": "One CSL-JSON item per source cited, for Zotero and other managers.",
}
# What an earlier export into a file looks like: writing over it needs no --force.
EXPORT_SUFFIXES = {
    "csv": (".csv", ".txt"),
    "tsv": (".tsv", ".tab", ".txt"),
    "json": (".json",),
    "nl": (".jsonl", ".ndjson", ".json"),
    "csl-json": (".json",),
}

# What a name's suffix says a file holds, where that is not the export's format.
NAMED_FOR = {
    ".csv": "a CSV file",
    ".tsv": "a TSV file",
    ".tab": "a TSV file",
    ".json": "a JSON file",
    ".jsonl": "a JSON Lines file",
    ".ndjson": "a JSON Lines file",
    ".xlsx": "an Excel workbook",
    ".xls": "an Excel workbook",
    ".ods": "a spreadsheet",
}


def refuse_another_format(output: Path, fmt: str) -> None:
    """A usage error when ``output`` is named for another format than the one asked for: a
    spreadsheet would open `-o x.xlsx` as a workbook (it is CSV), `--json -o x.csv` as CSV."""
    suffix = output.suffix.lower()
    if suffix not in NAMED_FOR or suffix in EXPORT_SUFFIXES[fmt]:
        return
    own, named = EXPORT_SUFFIXES[fmt][0], NAMED_FOR[suffix]
    if suffix in (".xlsx", ".xls", ".ods"):
        fix = ": quotes writes no workbook, and a spreadsheet opens a .csv (--excel for Excel)"
    else:
        asked = next(f for f, suffixes in EXPORT_SUFFIXES.items() if suffix in suffixes)
        fix = f", or ask for --format {asked}"
    raise click.UsageError(
        f"{output} names {named}, but the export is {fmt.upper()}: name it {own}{fix}."
    )


@click.command()
@functools.partial(filter_options, unordered=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (whole or not at all) instead of standard output.",
)
@output_options(formats=EXPORT_FORMATS, default="csv")
@click.option(
    "--excel",
    is_flag=True,
    help="CSV and TSV only: start with a byte-order mark, so Excel reads the file as UTF-8.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write over an existing file that does not look like an export (a database, say).",
)
@silent_option
@with_reader
def export(
    reader, output: Path | None, fmt: str, excel: bool, force: bool, silent: bool, **options
) -> None:
    """Export citations: every matching statement with a ready-to-paste Chicago note.

    Same filters as `quotes list`, plus `--sort none` (as stored, the fastest). CSV columns:
    the statement's fields (stances as "party:polarity; ...", claims as "claim:position;
    ..."), its location in the source (paragraph and characters) and a Chicago notes-style
    citation. Cells that a spreadsheet could run as a formula are prefixed with an apostrophe
    (OWASP's CSV-injection advice). A progress bar shows on a terminal.

    \b
    Example:
        quotes export --critical-of moscow -o critical-of-moscow.csv
        quotes export --excel -o citations.csv
        quotes export --format csl-json -o sources.json
        quotes export --sort none --nl > everything.jsonl
    """
    if excel and fmt not in ("csv", "tsv"):
        raise click.UsageError(
            f"--excel adds the byte-order mark Excel needs to read CSV as UTF-8; a {fmt} file "
            "must not start with one. Leave out --excel, or export --csv."
        )
    if output:
        refuse_another_format(output, fmt)
    filters = _filters(reader, options)

    # Rows on a terminal and a bar on the same terminal would mix: the bar only beside a file
    # or a pipe.
    bar_off = silent or (output is None and sys.stdout.isatty())

    def produce(out) -> int:
        return write_export(reader, filters, out, fmt=fmt, excel=excel, silent=bar_off)

    if output:
        count = into_file(output, produce, force=force, suffixes=EXPORT_SUFFIXES[fmt])
    else:
        with stdout_guarded() as out:
            if hasattr(out, "reconfigure"):  # an export is UTF-8 whatever the locale says
                out.reconfigure(encoding="utf-8")
            count = produce(out)
    if not silent:
        click.echo(f"{count} statement(s) exported" + (f" to {output}" if output else ""), err=True)


def write_export(
    reader, filters, out, *, fmt: str, excel: bool = False, silent: bool = True
) -> int:
    """What `quotes export` writes (and the web pages' downloads): the statements ``filters``
    asks for, with their citations, in ``fmt``; how many. A SQLite file or PostgreSQL server
    that ADBC can open is read through Arrow; any other database row by row, the same cells."""
    from quotes import columnar
    from quotes.export import with_citation, write, write_cells
    from quotes.query import statement_batches, statement_cells, statement_count, statement_records

    def shown(items, size=None):
        count = functools.partial(statement_count, reader, filters)
        return progress(items, label="Exporting", length=count, silent=silent, size=size)

    # Through Arrow, but not with --limit: a limit asks for few rows, and the SQLite that ADBC
    # bundles (3.53) plans ORDER BY ... LIMIT as a sort of every row where 3.40 walks the
    # date index (the first 100,000 of a million rows: 5.0 s through Arrow, 3.2 s row by row).
    if fmt in ("csv", "tsv") and columnar.readable(reader) and filters.limit is None:
        batches = statement_batches(reader, filters, EXPORT_FIELDS)
        with contextlib.closing(batches):  # its database connection, even if writing fails
            shown_batches = shown(batches, lambda batch: batch.num_rows)
            return columnar.write(shown_batches, out, fmt=fmt, header=EXPORT_FIELDS, excel=excel)
    if fmt in ("csv", "tsv"):
        batches = shown(statement_cells(reader, filters, EXPORT_FIELDS), len)
        return write_cells(batches, out, fmt=fmt, header=EXPORT_FIELDS, excel=excel)
    records = shown(with_citation(statement_records(reader, filters)))
    if fmt == "csl-json":
        return _write_csl(records, out)
    return write(records, out, fmt=fmt, columns=[Column(f, f) for f in EXPORT_FIELDS])


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
