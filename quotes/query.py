"""One filter object, one SELECT: every listing and export of statements goes through here.

The SELECT is plain SQL handed to the driver (see quotes.reader): the read path never imports
SQLAlchemy. Stances and claims ride along in the same row as "key:value; ..." strings, so
one query streams every record, and memory stays flat however many statements match.
"""

import contextlib
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from quotes import fields as record_fields
from quotes.errors import QuotesError, UnknownName
from quotes.languages import english_sql, language_range, matching_sql
from quotes.reader import Reader, reader_of
from quotes.vocabulary import SORTS

BATCH = 2000
# The largest LIMIT both databases take (a 64-bit signed integer).
MAX_LIMIT = 2**63 - 1


@dataclass(frozen=True)
class Filters:
    """What to list. Options combine with AND; the values of one option with OR."""

    speaker_ids: tuple[int, ...] = ()
    by_party_ids: tuple[int, ...] = ()
    about_party_ids: tuple[int, ...] = ()
    polarities: tuple[str, ...] = ()
    critical_of: tuple[int, ...] = ()
    supportive_of: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    source_ids: tuple[int, ...] = ()
    claim_ids: tuple[int, ...] = ()
    positions: tuple[str, ...] = ()
    # Language ranges of the source ("ru" finds ru and ru-RU), as quotes.languages matches them.
    languages: tuple[str, ...] = ()
    search: str | None = None
    # Each utterance once: its earliest report (the others are named in its record).
    distinct: bool = False
    sort: str = "said"
    limit: int | None = None

    def __post_init__(self):
        if self.since and self.until and self.since > self.until:
            raise QuotesError(
                f"--since {self.since} is after --until {self.until}: nothing can match; swap them."
            )
        if self.limit is not None and not 0 <= self.limit <= MAX_LIMIT:
            raise QuotesError(f"--limit must be between 0 and {MAX_LIMIT:,}.")
        object.__setattr__(self, "languages", tuple(map(language_range, self.languages)))


class _Params:
    """Values bound to the SQL being built, each behind the driver's placeholder."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self.values: list = []

    def __call__(self, value) -> str:
        if isinstance(value, date) and self.reader.dialect == "sqlite":
            value = value.isoformat()  # SQLite keeps dates as ISO text
        self.values.append(value)
        return self.reader.mark

    def each(self, values) -> str:
        return "(" + ", ".join(self(v) for v in values) + ")"


def search_words(search: str) -> list[str]:
    words = re.findall(r"\w+", search)
    if not words:
        raise QuotesError(f"--search {search!r} has no words to look for.")
    return words


def _stemmed(column: str) -> str:
    """English words of ``column`` by their stems (a PostgreSQL expression that migrations 0002
    and 0006 index: repeated exactly, or the index goes unused). Curly quotation marks become
    spaces first: PostgreSQL's parser takes them for letters under a C locale."""
    return f"to_tsvector('english'::regconfig, translate({column}, '“”‘’«»„', '       '))"


def _search(search: str, p: _Params) -> str:
    """Statements with all these words: in an English text, by their stems; in any text, as
    written; in an English translation, by their stems. Each index holds every row (migration
    0006), so a text in another language is in the stemmed index too: the source's language
    keeps it from matching there. (An English text that has the words as written has their
    stems too: the unstemmed index needs no such check.)"""
    words = search_words(search)
    english = english_sql("o.language")
    if p.reader.dialect == "sqlite":
        match = "(" + " ".join('"' + w.replace('"', '""') + '"' for w in words) + ")"
        return (
            "s.id IN (SELECT statement_fts.rowid FROM statement_fts "
            "JOIN statement t ON t.id = statement_fts.rowid JOIN source o ON o.id = t.source_id "
            f"WHERE statement_fts MATCH {p('text : ' + match)} AND {english} "
            "UNION SELECT rowid FROM statement_fts WHERE statement_fts MATCH "
            f"{p('translation : ' + match)} "
            "UNION SELECT rowid FROM statement_fts_words "
            f"WHERE statement_fts_words MATCH {p(match)})"
        )
    if p.reader.dialect == "postgresql":
        # The stemmed index is read first (MATERIALIZED), and the language checked on its
        # matches: the planner cannot tell how many sources are English, and guessing few it
        # would walk their statements and compute every text's vector instead.
        query = " ".join(words)
        as_written = "to_tsvector('simple'::regconfig, translate(text, '“”‘’«»„', '       '))"
        return (
            "s.id IN (WITH stemmed AS MATERIALIZED (SELECT t.id, t.source_id FROM statement t "
            f"WHERE {_stemmed('t.text')} @@ plainto_tsquery('english'::regconfig, {p(query)})) "
            f"SELECT h.id FROM stemmed h JOIN source o ON o.id = h.source_id WHERE {english} "
            "UNION SELECT id FROM statement WHERE translation IS NOT NULL AND "
            f"{_stemmed('translation')} @@ plainto_tsquery('english'::regconfig, {p(query)}) "
            f"UNION SELECT id FROM statement WHERE {as_written} "
            f"@@ plainto_tsquery('simple'::regconfig, {p(query)}))"
        )
    return " AND ".join(
        f"(s.text LIKE {p(f'%{w}%')} OR s.translation LIKE {p(f'%{w}%')})" for w in words
    )


def _stance(party_ids, polarities, p: _Params) -> str:
    """Statements with such a stance, as an IN (...) list that the stance index answers:
    both planners then start from the few matching stances, not from every statement."""
    condition = []
    if party_ids:
        condition.append(f"party_id IN {p.each(party_ids)}")
    if polarities:
        condition.append(f"polarity IN {p.each(polarities)}")
    return f"s.id IN (SELECT statement_id FROM stance WHERE {' AND '.join(condition)})"


def conditions(filters: Filters, p: _Params) -> list[str]:
    """The WHERE clauses for ``filters``; shared by listings and exports."""
    where = []
    if filters.speaker_ids:
        where.append(f"s.speaker_id IN {p.each(filters.speaker_ids)}")
    if filters.by_party_ids:
        # The party the speaker spoke for then (their role's, else their own): quotes.ingest.links
        where.append(f"s.party_id IN {p.each(filters.by_party_ids)}")
    if filters.about_party_ids or filters.polarities:
        where.append(_stance(filters.about_party_ids, filters.polarities, p))
    if filters.critical_of:
        where.append(_stance(filters.critical_of, ("critical",), p))
    if filters.supportive_of:
        where.append(_stance(filters.supportive_of, ("supportive",), p))
    if filters.kinds:
        where.append(f"s.kind IN {p.each(filters.kinds)}")
    # A statement matches a date range when the days it may have been said overlap it.
    if filters.since:
        where.append(f"(s.said_to IS NULL OR s.said_to >= {p(filters.since)})")
    if filters.until:
        where.append(f"(s.said_from IS NULL OR s.said_from <= {p(filters.until)})")
    if filters.source_ids:
        where.append(f"s.source_id IN {p.each(filters.source_ids)}")
    if filters.claim_ids or filters.positions:
        condition = []
        if filters.claim_ids:
            condition.append(f"claim_id IN {p.each(filters.claim_ids)}")
        if filters.positions:
            condition.append(f"position IN {p.each(filters.positions)}")
        where.append(
            "s.id IN (SELECT statement_id FROM claimposition WHERE " + " AND ".join(condition) + ")"
        )
    if filters.languages:
        where.append(matching_sql("so.language", list(filters.languages), p))
    if filters.search:
        where.append(_search(filters.search, p))
    if filters.distinct:
        where.append("(s.utterance_id IS NULL OR s.utterance_id = s.id)")
    return where


def _order(sort: str, *, sorted_scan: bool = False) -> str:
    """The ORDER BY for ``sort``. ``sorted_scan`` (SQLite, every row asked for): "+" keeps the
    planner off the date index, whose walk reads the rows in random order (a system call per
    page not cached), so that it reads the table in order and sorts it in temporary files."""
    said = "s.said_from ASC NULLS FIRST, s.said_to ASC NULLS LAST"
    if sorted_scan:
        said = "+" + said
    place = 'so."key", s.start, s."key"'
    orders = {
        "said": f"{said}, {place}",
        "-said": f"{'+' if sorted_scan else ''}s.said_to DESC NULLS LAST, "
        f"s.said_from DESC NULLS LAST, {place}",
        "speaker": f"sp.name, {said}, {place}",
        "source": place,
        "none": "",
    }
    if sort not in orders:
        raise QuotesError(f"Unknown sort {sort!r}; use one of: {', '.join(SORTS)}.")
    return f" ORDER BY {orders[sort]}" if orders[sort] else ""


def _columns(dialect: str) -> dict[str, str]:
    """Every field of a statement record (quotes.fields), as SQL over s(tatement), sp(eaker),
    so(urce); and the source's id, which citations are built from."""
    columns = {
        field.name: record_fields.select_sql(field, dialect) for field in record_fields.STATEMENT
    }
    columns["source_id"] = "s.source_id"
    return columns


def _from(reader: Reader, filters: Filters) -> str:
    """The statement with its speaker and source, the role held and the party spoken for
    (joined, not a subquery per row: PostgreSQL ran those once per row of a whole export, and
    the formula guard of role_held three times). On SQLite, statements lead the join
    (CROSS JOIN fixes SQLite's join order): else its planner may walk speakers and fetch
    their statements one by one, ten times slower for a whole export than reading the table
    in order (or in the order of its date index)."""
    join = "CROSS JOIN" if reader.dialect == "sqlite" else "JOIN"
    return (
        f"FROM statement s {join} speaker sp ON sp.id = s.speaker_id "
        f"{join} source so ON so.id = s.source_id "
        "LEFT JOIN role r ON r.id = s.role_id LEFT JOIN party p ON p.id = s.party_id"
    )


def select_sql(
    reader: Reader,
    filters: Filters,
    columns: list[str],
    where: list[str] | None = None,
    p=None,
    *,
    sorted_scan: bool = False,
) -> tuple[str, list]:
    """The SELECT of ``columns`` (SQL expressions) for the statements ``filters`` asks for,
    in order, and the values bound to it (``sorted_scan``: see _order)."""
    p = p or _Params(reader)
    clauses = [*conditions(filters, p), *(where or [])]
    sql = f"SELECT {', '.join(columns)} {_from(reader, filters)}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += _order(filters.sort, sorted_scan=sorted_scan)
    if filters.limit is not None:
        sql += f" LIMIT {p(filters.limit)}"
    return sql, p.values


def _record_select(reader: Reader, filters: Filters, where=None, p=None) -> tuple[str, list]:
    return select_sql(reader, filters, list(_columns(reader.dialect).values()), where, p)


Cursor = tuple[str | None, str | None, int]  # (said_from, said_to, id) of a page's last row

# The (said_from, said_to, id) order in three bands, each walked by the date index alone:
# no start and no end; no start; a start (PostgreSQL's indexes put NULLs last, SQLite's first).
_BANDS = [
    ("s.said_from IS NULL AND s.said_to IS NULL", ""),
    ("s.said_from IS NULL AND s.said_to IS NOT NULL", "s.said_to ASC, "),
    ("s.said_from IS NOT NULL", "s.said_from ASC, s.said_to ASC NULLS FIRST, "),
]


def statement_page(
    session, filters: Filters, *, after: Cursor | None, size: int
) -> tuple[list[dict], Cursor | None]:
    """One page of ``size`` statements in (said_from, said_to, id) order, unknown bounds
    first, from after the keyset cursor ``after`` (the previous page's last row); and the
    cursor for the next page, or None on the last page.

    Keyset paging: a page deep into a million rows costs what the first one does (no OFFSET).
    Unfiltered (or by date only), the bands are asked for apart, so that each follows the
    date index on both backends. Filtered, one query asks for the matches after the cursor
    and the database sorts them (bands would each redo the filter's work).
    """
    reader = reader_of(session)
    columns = _columns(reader.dialect)
    names = [*columns, "id"]
    first = 0 if after is None else (2 if after[0] else 1 if after[1] else 0)
    if dataclasses.replace(filters, since=None, until=None, sort="said", limit=None) != Filters():
        queries = [(first, "filtered")]
    else:
        queries = [(band, "band") for band in range(first, len(_BANDS))]
    rows: list[dict] = []
    for band, how in queries:
        if len(rows) > size:
            break
        p = _Params(reader)
        where = conditions(filters, p)
        if how == "band":
            where.append(_BANDS[band][0])
            if after is not None and band == first:
                where += _after(band, after, p)
            order = _BANDS[band][1]
        else:
            if after is not None:
                later = [f"({condition})" for condition, _ in _BANDS[first + 1 :]]
                here = " AND ".join([_BANDS[first][0], *_after(first, after, p)])
                where.append("(" + " OR ".join([f"({here})", *later]) + ")")
            order = "s.said_from ASC NULLS FIRST, s.said_to ASC NULLS FIRST, "
        sql = f"SELECT {', '.join([*columns.values(), 's.id'])} {_from(reader, filters)}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}s.id LIMIT {p(size + 1 - len(rows))}"
        rows += [dict(zip(names, row, strict=True)) for row in reader.execute(sql, p.values)]
    more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if more else None
    cursor = (last["said_from"], last["said_to"], last["id"]) if last else None
    return [record(row) for row in rows], cursor


def _after(band: int, after: Cursor, p: _Params) -> list[str]:
    """Rows of ``band`` after the cursor's row, in the band's order; with a plain lower bound
    on the band's first date, which lets the index seek instead of scan."""
    said_from, said_to, last_id = after
    if band == 0:
        return [f"s.id > {p(last_id)}"]
    if band == 1:
        day = date.fromisoformat(said_to)
        return [
            f"s.said_to >= {p(day)}",
            f"(s.said_to > {p(day)} OR (s.said_to = {p(day)} AND s.id > {p(last_id)}))",
        ]
    # Placeholders are numbered in the order they are made: make them in the SQL's order.
    start = date.fromisoformat(said_from)
    seek = f"s.said_from >= {p(start)}"
    here = f"(s.said_from > {p(start)} OR (s.said_from = {p(start)} AND "
    if said_to is None:
        within = f"(s.said_to IS NOT NULL OR s.id > {p(last_id)})"
    else:
        end = date.fromisoformat(said_to)
        within = f"(s.said_to > {p(end)} OR (s.said_to = {p(end)} AND s.id > {p(last_id)}))"
    return [seek, f"{here}{within}))"]


def statement_records(session, filters: Filters) -> Iterator[dict]:
    """Each matching statement as a flat record (the JSON shape), streamed.

    ``session`` is a quotes.reader.Reader or a SQLAlchemy session or connection.
    """
    reader = reader_of(session)
    sql, params = _record_select(reader, filters)
    names = list(_columns(reader.dialect))
    for batch in reader.batches(sql, params, BATCH, few=_few(filters, reader)):
        for row in batch:
            yield record(dict(zip(names, row, strict=True)))


def _few(filters: Filters, reader: Reader) -> bool:
    """Whether the answer fits in one batch: by its limit, or, on PostgreSQL, because the
    speakers asked for have said no more, counted on their index first (0.1-0.3 ms), so that
    one round trip answers where a server-side cursor takes three and a millisecond more."""
    if filters.limit is not None and filters.limit <= BATCH:
        return True
    if reader.dialect != "postgresql" or not filters.speaker_ids:
        return False
    p = _Params(reader)
    said = (
        f"SELECT count(*) FROM (SELECT 1 FROM statement WHERE speaker_id IN "
        f"{p.each(filters.speaker_ids)} LIMIT {BATCH + 1}) AS said"
    )
    return reader.execute(said, p.values).fetchone()[0] <= BATCH


def record(row: dict) -> dict:
    """A statement row as one flat record: what JSON, CSV and tables show."""
    found = {field.name: row[field.name] for field in record_fields.STATEMENT}
    found["stances"] = dict(_pairs(row["stances"]))
    found["claims"] = [
        {"claim": claim, "position": position} for claim, position in _pairs(row["claims"])
    ]
    return found


def _pairs(listed: str | None) -> list[tuple[str, str]]:
    """ "china:neutral; russia:critical" as pairs (keys are slugs: no ':' or ';')."""
    if not listed:
        return []
    return [tuple(item.split(":", 1)) for item in listed.split("; ")]


def find_statement(session, key: str) -> dict:
    """One statement by its global key ``source-key/statement-key``."""
    reader = reader_of(session)
    source_key, _, statement_key = key.partition("/")
    p = _Params(reader)
    where = [f'so."key" = {p(source_key)}', f's."key" = {p(statement_key)}']
    sql, params = _record_select(reader, Filters(sort="none"), where, p)
    row = reader.execute(sql, params).fetchone()
    if row is None:
        raise UnknownName(
            f"No statement {key!r}.{_keys_like(reader, source_key, statement_key)} Keys look "
            "like source-key/statement-key (see `quotes list`)."
        )
    return record(dict(zip(_columns(reader.dialect), row, strict=True)))


def _keys_like(reader: Reader, source_key: str, statement_key: str) -> str:
    """ " Did you mean ...?" for a key nearly right: the statement keys that hold what was
    typed (half a key copied, or a statement's key without its source's), else the closest,
    in the source named or the closest to it."""
    from quotes.names import closest

    if not source_key.strip():
        return ""
    p = _Params(reader)
    sql = 'SELECT so."key", s."key" FROM statement s JOIN source so ON so.id = s.source_id'
    if statement_key:  # source-key/statement-key: look in that source, or the closest
        sources = [r[0] for r in reader.execute('SELECT "key" FROM source').fetchall()]
        if source_key not in sources:
            source_key = next(iter(closest(source_key, sources)), "")
        sql += f' WHERE so."key" = {p(source_key)}'
    else:  # no slash: a statement's own key, in any source
        statement_key = source_key
    keys = sorted(f"{a}/{b}" for a, b in reader.execute(sql, p.values).fetchall())
    ends = {key.partition("/")[2]: key for key in keys}
    found = [k for k in keys if statement_key in k.partition("/")[2]][:3]
    found = found or [ends[k] for k in closest(statement_key, list(ends))]
    if not found:
        return ""
    return " Did you mean " + " or ".join(repr(k) for k in found) + "?"


def utterance_reports(session, record: dict) -> list[dict]:
    """Every report of the utterance ``record`` reports: the earliest (as quotes.ingest.links
    chose it), then the others by the date said and key."""
    keys = {record["key"], *(record["other_reports"] or "").split("; ")} - {""}
    found = [record if key == record["key"] else find_statement(session, key) for key in keys]
    return sorted(
        found, key=lambda r: (r["key"] != r["utterance"], r["said_from"] or "9999", r["key"])
    )


_FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r")  # as quotes.export.FORMULA_STARTS
_FORMULA_CODES = ", ".join(str(ord(character)) for character in _FORMULA_FIRST)


def _inert(column: str, dialect: str) -> str:
    """SQL that prefixes a formula-looking cell with an apostrophe (OWASP's CSV-injection
    advice), so the database does it in C rather than Python for every cell of an export."""
    # The first character's code point: one call, where substr() and two char() were three.
    first = "ascii" if dialect == "postgresql" else "unicode"
    return (
        f"CASE WHEN {first}({column}) IN ({_FORMULA_CODES}) THEN '''' || {column} ELSE {column} END"
    )


def _cell_columns(
    dialect: str, fields: list[str], *, text_never_null: bool = False, never_null: bool = False
) -> list[str]:
    """SQL giving each of ``fields`` as the cell a CSV shows; "citation" is finished in Python
    from the source id and the paragraph locator at the end of the row. ``text_never_null``
    gives an empty text for a missing one (ADBC's SQLite driver takes a column whose first
    rows are all NULL for a number column, and stops at the first text in it);
    ``never_null`` gives every cell as a text, an empty one for a missing number too (as
    quotes.export.write_cells writes them)."""
    columns = _columns(dialect)
    located = "s.paragraph IS NOT NULL AND s.paragraph <> 0"
    computed = {
        "key": 'so."key" || \'/\' || s."key"',
        "location": f"CASE WHEN {located} THEN 'paragraph ' || s.paragraph || ', ' ELSE '' END"
        " || 'characters ' || s.start || '–' || s.\"end\" || ' of ' || so.text_path",
        "citation": "s.source_id",
    }
    cells = []
    for field in fields:
        column = computed.get(field) or columns[field]
        if field in record_fields.FREE_TEXT:
            column = _inert(column, dialect)
        if field == "citation":
            pass
        elif field in record_fields.NUMBERS:
            if never_null:
                column = f"coalesce(CAST({column} AS TEXT), '')"
        elif text_never_null or never_null:
            column = f"coalesce({column}, '')"
        cells.append(column)
    if "citation" in fields:
        cells.append(f"CASE WHEN {located} THEN ', par. ' || s.paragraph || '.' ELSE '.' END")
    return cells


def statement_cells(session, filters: Filters, fields: list[str]) -> Iterator[list[tuple]]:
    """Every matching statement as a row of CSV cells for ``fields``, in batches: the export's
    hot path, where the database builds nearly every cell and Python only the citation."""
    reader = reader_of(session)
    columns = _cell_columns(reader.dialect, fields, never_null=True)
    sql, params = select_sql(reader, filters, columns)
    batches = reader.batches(sql, params, BATCH, few=_few(filters, reader))
    yield from _cited(batches, reader, filters, fields, _cited_rows)


def database_csv(reader: Reader, filters: Filters, fields: list[str]) -> Iterator[str] | None:
    """statement_cells' rows as the CSV text quotes.export.write_cells makes of them (every cell
    quoted), a batch at a time: the database joins each row's cells into one text with
    quotes.csvtext's separator, so that a row is one Python object, not one per cell (which
    took longer than the query; PostgreSQL's COPY ... TO STDOUT, one message a row, too). The
    rows of a batch in which some cell holds the separator's mark are read again cell by
    cell. None where a citation is asked for, which Python finishes."""
    if "citation" in fields:
        return None
    return _joined(reader, filters, fields)


def _joined(reader: Reader, filters: Filters, fields: list[str]) -> Iterator[str]:
    from quotes import csvtext

    if reader.dialect == "postgresql":
        columns = _cell_columns(reader.dialect, fields, never_null=True)  # none left out
        mark = f"chr({ord(csvtext.MARK)})"
        joined = f"concat_ws({mark} || ',' || {mark}, {', '.join(columns)})"
    else:
        columns = _cell_columns(reader.dialect, fields)  # printf: a missing cell is empty
        joined = f"printf('{csvtext.SEPARATOR.join(['%s'] * len(columns))}', {', '.join(columns)})"
    sql, params = select_sql(reader, filters, [joined, "s.id"])
    for batch in reader.batches(sql, params, BATCH, few=_few(filters, reader)):
        text = csvtext.joined_lines([line for line, _id in batch], cells=len(columns))
        if text is None:
            text = csvtext.cells_each(_cells_by_id(reader, fields, [i for _line, i in batch]))
        yield text


def _cells_by_id(reader: Reader, fields: list[str], ids: list[int]) -> list[tuple]:
    """statement_cells' rows of the statements ``ids``, in that order (one a load removed
    since is left out)."""
    p = _Params(reader)
    columns = [*_cell_columns(reader.dialect, fields, never_null=True), "s.id"]
    sql, params = select_sql(reader, Filters(), columns, [f"s.id IN {p.each(ids)}"], p)
    found = {row[-1]: row[:-1] for batch in reader.batches(sql, params) for row in batch}
    return [found[i] for i in ids if i in found]


def statement_batches(reader: Reader, filters: Filters, fields: list[str]) -> Iterator:
    """statement_cells' rows as Arrow record batches (quotes.columnar), the citation finished
    on whole columns: a whole export's path, with no Python object per cell."""
    from quotes import columnar

    columns = _cell_columns(reader.dialect, fields, text_never_null=True)
    whole = reader.dialect == "sqlite" and _every_statement(filters)
    if whole and filters.sort == "none":  # read in chunks of ids, on two cores
        sql, _ = select_sql(reader, filters, columns, ["s.id > ?", "s.id <= ?"])
        ids = "SELECT (SELECT min(id) FROM statement), (SELECT max(id) FROM statement)"
        read = columnar.chunked_batches(reader, sql, ids)
    else:
        sql, params = select_sql(reader, filters, columns, sorted_scan=whole)
        read = columnar.batches(reader, sql, params)
    with contextlib.closing(read) as batches:
        yield from _cited(batches, reader, filters, fields, columnar.cited)


def _cited(batches, reader: Reader, filters: Filters, fields: list[str], cite) -> Iterator:
    """``batches`` with the source id in the citation column and the locator ending each row
    made one citation by ``cite(batch, column, notes)``, when ``fields`` has a citation."""
    if "citation" not in fields:
        yield from batches
        return
    at = fields.index("citation")
    notes = _SourceNotes(reader)
    every = _every_statement(filters)  # every source is cited
    for batch in batches:
        if every and not notes.complete:
            # Once the rows have begun: the sources a load adds meanwhile are among the notes.
            notes.fetch_all()
        yield cite(batch, at, notes)


def _every_statement(filters: Filters) -> bool:
    """Whether ``filters`` asks for every statement (in some order): a whole export."""
    return filters == Filters(sort=filters.sort)


def _cited_rows(batch: list[tuple], at: int, notes: "_SourceNotes") -> list[tuple]:
    from quotes.citation import finished

    notes.fetch({r[at] for r in batch})
    return [r[:at] + (finished(notes[r[at]], r[-1]),) + r[at + 1 : -1] for r in batch]


def statement_count(session, filters: Filters) -> int:
    """How many statements ``filters`` matches (for a progress bar)."""
    reader = reader_of(session)
    unordered = dataclasses.replace(filters, sort="none", limit=None)
    sql, params = select_sql(reader, unordered, ["count(*)"])
    count = reader.execute(sql, params).fetchone()[0]
    return count if filters.limit is None else min(count, filters.limit)


class SourceGone(QuotesError):
    """A statement read cites a source no longer there: a load removed it meanwhile."""

    def __init__(self):
        super().__init__(
            "A load removed a source while its statements were being read: nothing is "
            "complete. Run the command again."
        )


class _SourceNotes(dict):
    """Source id to its citation without the locator: a citation depends only on its source,
    so each source's note is built once however its statements interleave."""

    def __init__(self, reader: Reader):
        super().__init__()
        self.reader = reader
        self.complete = False  # every source's note is here
        self.by_id = None  # then quotes.columnar keeps them as an Arrow array, by source id

    def __missing__(self, source_id: int):
        raise SourceGone()

    def fetch(self, source_ids: set[int]) -> None:
        """Build the notes of those sources not seen yet, reading them in one query."""
        if self.complete:
            return
        # Not source_ids - self.keys(): that walks every key, one per source seen so far.
        missing = sorted(i for i in source_ids if i not in self)
        if missing:
            marks = ", ".join(self.reader.mark for _ in missing)
            self._build(f"WHERE id IN ({marks})", missing)

    def fetch_all(self) -> None:
        """Build every source's note in one query: for a whole export, which cites them all
        (in date order, a batch of rows cites nearly as many sources as it has rows)."""
        self._build("", [])
        self.complete = True

    def _build(self, where: str, params: list) -> None:
        from quotes.citation import source_note

        sql = f"SELECT id, author, title, publication, published, url, accessed FROM source {where}"
        # A batch at a time: every source's metadata at once would be a peak of its own.
        for rows in self.reader.batches(sql, params, BATCH, few=bool(where)):
            for source_id, *metadata in rows:
                note = source_note.__wrapped__(*metadata)  # kept here: its cache keeps it too
                self[source_id] = "'" + note if note.startswith(_FORMULA_FIRST) else note
