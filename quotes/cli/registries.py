"""`quotes speakers`, `parties` and `sources`: the registries, with statement counts."""

import click

from quotes.cli.output import emit, output_options, with_session
from quotes.export import Column


@click.command()
@output_options
@with_session
def speakers(session, fmt: str) -> None:
    """List the speakers, with their party, aliases and how many statements each made.

    \b
    Example:
        quotes speakers
        quotes speakers --json
    """
    from quotes.registries import speaker_rows

    emit(
        speaker_rows(session),
        fmt=fmt,
        empty="No speakers yet: run `quotes load`.",
        table=[
            Column("key", "KEY", 26),
            Column("name", "NAME", 26),
            Column("kind", "KIND", 10),
            Column("party", "PARTY", 18),
            Column("statements", "N", 3),
            Column("aliases", "ALIASES"),
        ],
        fields=["key", "name", "kind", "party", "wikidata", "aliases", "statements"],
    )


@click.command()
@output_options
@with_session
def parties(session, fmt: str) -> None:
    """List the parties, with their aliases and how many statements take a stance on each.

    \b
    Example:
        quotes parties
        quotes parties --csv
    """
    from quotes.registries import party_rows

    emit(
        party_rows(session),
        fmt=fmt,
        empty="No parties yet: run `quotes load`.",
        table=[
            Column("key", "KEY", 20),
            Column("name", "NAME", 34),
            Column("kind", "KIND", 12),
            Column("statements", "N", 3),
            Column("aliases", "ALIASES"),
        ],
        fields=["key", "name", "kind", "code", "parent", "existed", "aliases", "statements"],
    )


@click.command()
@output_options
@with_session
def sources(session, fmt: str) -> None:
    """List the sources, with their metadata and how many statements each holds.

    The metadata include each source's language, who curated and reviewed it, and when it
    was last loaded, from which git commit of data/.

    \b
    Example:
        quotes sources
    """
    from quotes.registries import source_rows

    emit(
        _with_provenance(source_rows(session)) if fmt == "table" else source_rows(session),
        fmt=fmt,
        empty="No sources yet: run `quotes load`.",
        table=[
            Column("key", "KEY", 30),
            Column("language", "LANG", 5),
            Column("published", "PUBLISHED", 21),
            Column("statements", "N", 3),
            Column("curated", "CURATED", 14),
            Column("loaded", "LOADED", 14),
            Column("title", "TITLE"),
        ],
        fields=[
            "key",
            "title",
            "publication",
            "author",
            "published",
            "url",
            "text_path",
            "sha256",
            "language",
            "accessed",
            "curated_by",
            "reviewed",
            "loaded_at",
            "git_commit",
            "git_dirty",
            "statements",
        ],
    )


def _with_provenance(rows):
    """Rows with the cells a table shows: who curated and when reviewed; when last loaded,
    from which commit (abbreviated, "-dirty" with uncommitted changes, as git describe says)."""
    for row in rows:
        curated = ", ".join(
            filter(None, [row["curated_by"], row["reviewed"] and f"reviewed {row['reviewed']}"])
        )
        loaded = ""
        if row["loaded_at"]:
            commit = (row["git_commit"] or "")[:7] + ("-dirty" if row["git_dirty"] else "")
            loaded = f"{row['loaded_at'][:10]} {commit}".strip()
        yield {**row, "curated": curated, "loaded": loaded}
