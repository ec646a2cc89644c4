"""The fields of a statement record, each written once.

A record is what `quotes list --json`, CSV exports, `show` and the web pages give for a
statement. Each field says here where the database keeps it (the SQL that reads it), and,
when the curated file gives it, where the loader takes it from: the listing SELECT, the
loader's writes and comparisons, the CLI's fields and the spreadsheet's formula guard all
follow from this list. Adding a field to statements is a model change, a migration and one
line here.

Plain data: neither the ORM nor click is imported, so the read path stays light.
"""

from dataclasses import dataclass

# Reports of the same utterance other than this one, "source/statement; ..." (NULL when it
# is the only report): the others a `--distinct` listing names beside the earliest one.
_OTHER_REPORTS = (
    'SELECT {agg} FROM (SELECT o_so."key" || \'/\' || o."key" AS k FROM statement o '
    "JOIN source o_so ON o_so.id = o.source_id "
    "WHERE o.utterance_id = s.utterance_id AND o.id <> s.id "
    'ORDER BY o.said_from, o_so."key", o."key") AS others'
)


@dataclass(frozen=True)
class Field:
    """One field of a statement record.

    ``sql`` reads it over ``s`` (statement), ``sp`` (speaker), ``so`` (source), ``r`` (the
    role held, if any) and ``p`` (the party spoken for, if any); a field
    kept in its own statement column names it in ``stored`` (``sql`` then defaults to it).
    ``curated`` is where the loader finds its value on a curated statement (the attribute path
    on quotes.curation.record's CuratedStatement), to write into ``stored``.
    """

    name: str
    sql: str = ""
    stored: str | None = None
    curated: str | None = None
    free_text: bool = False  # a cell a spreadsheet could take for a formula
    is_date: bool = False  # ISO text on both databases
    in_csv: bool = True
    number: bool = False  # an integer, else text (or NULL)

    def select(self, dialect: str) -> str:
        sql = self.sql or f's."{self.stored}"'
        if self.is_date and dialect == "postgresql":
            return iso_date(sql)
        return sql


def iso_date(sql: str) -> str:
    """A PostgreSQL date as YYYY-MM-DD text whatever the session's DateStyle (a client's
    PGDATESTYLE may ask for "27.05.2019"); SQLite keeps dates as that text already."""
    return f"to_char({sql}, 'YYYY-MM-DD')"


STATEMENT = [
    Field("key", "so.\"key\" || '/' || s.\"key\""),
    Field("speaker", "sp.name", free_text=True),
    Field("speaker_key", 'sp."key"'),
    Field("speaker_as_written", stored="speaker_as_written", curated="entry.speaker_as_written",
          free_text=True),
    Field("role", stored="role_as_written", curated="entry.role", free_text=True),
    # The registry role held when speaking, and the party spoken for then.
    Field("role_held", "r.title", free_text=True),
    Field("party", 'p."key"'),
    Field("kind", stored="kind", curated="entry.kind"),
    Field("text", stored="text", curated="entry.text", free_text=True),
    Field("translation", stored="translation", curated="entry.translation", free_text=True),
    Field("cue", stored="cue", curated="entry.cue", free_text=True),
    Field("said", stored="said", curated="entry.said", free_text=True),
    Field("said_from", stored="said_from", curated="said_from", is_date=True),
    Field("said_to", stored="said_to", curated="said_to", is_date=True),
    Field("said_as_written", stored="said_as_written", curated="entry.said_as_written",
          free_text=True),
    Field("said_basis", stored="said_basis", curated="entry.said_basis"),
    Field("context", stored="context", curated="entry.context", free_text=True),
    # "party:polarity; ..." and "claim:position; ...", written from the stances and claims
    # the loader writes as rows (which the filters read).
    Field("stances", stored="stances", curated="stances_cell"),
    Field("claims", stored="claims", curated="claims_cell"),
    Field("note", stored="note", curated="entry.note", free_text=True),
    # The earliest report of the utterance this statement reports, how many sources carry
    # it, and the other reports.
    Field("utterance",
          "CASE WHEN s.utterance_id IS NULL OR s.utterance_id = s.id "
          "THEN so.\"key\" || '/' || s.\"key\" ELSE (SELECT u_so.\"key\" || '/' || u.\"key\" "
          "FROM statement u JOIN source u_so ON u_so.id = u.source_id "
          "WHERE u.id = s.utterance_id) END"),
    Field("reports", stored="reports", number=True),
    Field("other_reports", "CASE WHEN s.reports > 1 THEN ({other_reports}) END"),
    Field("same_as", stored="same_as", curated="entry.same_as"),
    Field("source_key", 'so."key"'),
    Field("source_title", "so.title", free_text=True),
    Field("publication", "so.publication", free_text=True),
    Field("author", "so.author", free_text=True),
    Field("published", "so.published", free_text=True),
    Field("accessed", "so.accessed"),
    Field("url", "so.url", free_text=True),
    Field("language", "so.language"),
    Field("text_path", "so.text_path", free_text=True),
    Field("start", stored="start", curated="anchor.start", number=True),
    Field("end", stored="end", curated="anchor.end", number=True),
    Field("paragraph", stored="paragraph", curated="anchor.paragraph", number=True),
    Field("prefix", stored="prefix", curated="anchor.prefix", free_text=True, in_csv=False),
    Field("suffix", stored="suffix", curated="anchor.suffix", free_text=True, in_csv=False),
    Field("role_named", stored="role_named", curated="entry.role_held", in_csv=False),
]  # fmt: skip

BY_NAME = {field.name: field for field in STATEMENT}
# The fields a listing gives programs (CSV, JSON, TSV): all but the anchor's context.
LISTED = [field.name for field in STATEMENT if field.in_csv]
FREE_TEXT = {field.name for field in STATEMENT if field.free_text}
NUMBERS = {field.name for field in STATEMENT if field.number}
# Statement columns the loader writes from the curated file, compared on every load.
CURATED = [field for field in STATEMENT if field.curated is not None]


def select_sql(field: Field, dialect: str) -> str:
    """The SQL reading ``field`` on ``dialect``."""
    sql = field.select(dialect)
    if "{" not in sql:
        return sql
    return sql.format(
        other_reports=_OTHER_REPORTS.format(
            agg="string_agg(k, '; ')" if dialect == "postgresql" else "group_concat(k, '; ')"
        ),
    )
