"""`quotes claims` and `quotes claim KEY`: claim tracking."""

import click

from quotes.cli.common import language_ranges
from quotes.cli.output import emit, output_options, stdout_guarded, with_session
from quotes.export import Column


@click.command()
@click.option(
    "--disputed",
    is_flag=True,
    help="Only claims that someone asserts and someone denies or questions.",
)
@click.option(
    "--about",
    multiple=True,
    metavar="PARTY",
    help="Only claims whose statements take a stance on PARTY. Repeatable.",
)
@click.option(
    "--distinct",
    is_flag=True,
    help="Count each utterance once, however many sources report it.",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="TAG",
    callback=language_ranges,
    help="Count only statements from sources in this language (BCP 47: ru finds ru-RU). "
    "Repeatable.",
)
@output_options
@with_session
def claims(
    session,
    disputed: bool,
    about: tuple[str, ...],
    distinct: bool,
    languages: tuple[str, ...],
    fmt: str,
) -> None:
    """List the claims, with how many statements assert, deny or question each.

    FIRST is the earliest day any position was possibly taken, LAST the latest. REPORTS
    counts statements, UTTER the utterances they report (one remark carried by three
    outlets is three reports of one utterance); --distinct counts positions by utterance.

    \b
    Example:
        quotes claims --disputed
        quotes claims --about moscow --json
        quotes claims --language ru
    """
    from quotes.claims import claim_rows
    from quotes.lookup import UnknownName, find_party

    try:
        party_ids = tuple(find_party(session, name).id for name in about)
    except UnknownName as error:
        raise click.BadParameter(str(error), param_hint="'--about'") from None
    emit(
        claim_rows(
            session,
            disputed=disputed,
            about_party_ids=party_ids,
            distinct=distinct,
            languages=languages,
        ),
        fmt=fmt,
        empty="No claims match.",
        table=[
            Column("key", "KEY", 38),
            Column("asserts", "ASSERT", 6),
            Column("denies", "DENY", 4),
            Column("questions", "QUERY", 5),
            Column("speakers", "WHO", 3),
            Column("reports", "REPORTS", 7),
            Column("utterances", "UTTER", 5),
            Column("first", "FIRST", 10),
            Column("last", "LAST", 10),
            Column("text", "CLAIM"),
        ],
        fields=[
            "key",
            "text",
            "topic",
            "asserts",
            "denies",
            "questions",
            "speakers",
            "reports",
            "utterances",
            "first",
            "last",
        ],
    )


@click.command()
@click.argument("key")
@output_options
@with_session
def claim(session, key: str, fmt: str) -> None:
    """A claim's timeline, oldest first, and who stands where.

    Each row: when, who in which role, the position taken, the words and the source. Then a
    summary per speaker; a speaker who changed position is pointed out.

    \b
    Example:
        quotes claim moscow-talks-government-backed
        quotes claim foreign-troops-should-withdraw --csv
    """
    from quotes.claims import stands, timeline
    from quotes.lookup import UnknownName, find_claim

    try:
        found = find_claim(session, key)
    except UnknownName as error:
        raise click.BadParameter(str(error), param_hint="'KEY'") from None
    events = []

    def kept(rows):
        for row in rows:
            events.append({k: row[k] for k in ("speaker", "speaker_key", "position", "said")})
            who = row["speaker"] + (f" ({row['role']})" if row["role"] else "")
            yield {**row, "who": who, "where": row["source_title"]}

    if fmt == "table":
        with stdout_guarded():  # as the rows are: one line if standard output fails
            click.echo(f"{found.key}: {found.text}\n")
    emit(
        kept(timeline(session, found)),
        fmt=fmt,
        empty="No statement takes a position on it.",
        table=[
            Column("said", "SAID", 21),
            Column("who", "SPEAKER", 22),
            Column("position", "POSITION", 9),
            Column("text", "TEXT"),
            Column("where", "SOURCE", 18),
        ],
        fields=[
            "key",
            "claim",
            "position",
            "said",
            "said_from",
            "said_to",
            "speaker",
            "speaker_key",
            "role",
            "kind",
            "text",
            "source_key",
            "source_title",
            "publication",
            "published",
            "url",
            "start",
            "end",
        ],
        footer="key",
    )
    if fmt == "table" and events:
        with stdout_guarded():
            click.echo("\nWho stands where:")
            for stand in stands(events):
                steps = ", then ".join(_run(position, said) for position, said in stand.runs())
                note = "  <- changed position" if stand.changed else ""
                click.echo(f"  {stand.speaker}: {steps}{note}")


def _run(position: str, said: list[str | None]) -> str:
    days = "; ".join(dict.fromkeys(day or "date unknown" for day in said))
    many = f", {len(said)} statements" if len(said) > 1 else ""
    return f"{position} ({days}{many})"
