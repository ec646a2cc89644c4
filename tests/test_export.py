"""Citation exports: CSV that spreadsheets open intact and cannot run, and CSL-JSON."""

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import sqlalchemy

from quotes.db import make_engine
from tests.helpers import copy_project, run

TRICKY_TEXT = """A test article, made up for the tests.

The minister listed “=1+1” and “+7 (495) 555-01-02” and “-2+3” and “@SUM(A1:A9)” in one breath.

Лавров заявил: «Россия поддерживает мирный процесс, “без условий”».

سخنگوی طالبان گفت: «ما آماده گفتگو هستیم»

He added, “first line
second line, with a comma and a "straight" quote.”
"""
TRICKY_STATEMENTS = {
    "formula": "=1+1",
    "phone": "+7 (495) 555-01-02",
    "sum": "-2+3",
    "at": "@SUM(A1:A9)",
    "cyrillic": "Россия поддерживает мирный процесс, “без условий”",
    "dari": "ما آماده گفتگو هستیم",
    "multiline": 'first line\nsecond line, with a comma and a "straight" quote.',
}


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    """The seed plus a made-up source whose statements are hard on CSV and spreadsheets."""
    folder = tmp_path_factory.mktemp("tricky")
    data = _tricky_project(folder)
    url = f"sqlite:///{folder / 'quotes.db'}"
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output
    return url, folder


def _tricky_project(folder: Path) -> Path:
    data = copy_project(folder)
    (folder / "seeds" / "tricky.txt").write_text(TRICKY_TEXT, encoding="utf-8")
    entries = "".join(
        f"  - key: {key}\n    speaker: sergei-lavrov\n    kind: direct\n"
        f"    text: {json.dumps(text, ensure_ascii=False)}\n    said: 2019-05-27\n"
        "    stances:\n      russia: neutral\n"
        for key, text in TRICKY_STATEMENTS.items()
    )
    (data / "sources" / "tricky.yaml").write_text(
        "source:\n  title: A “tricky”, made-up article\n  author: Test Author\n"
        "  publication: The Test Gazette\n  published: 2019-06-01\n"
        "  url: https://example.org/tricky\n  text: seeds/tricky.txt\n"
        f"statements:\n{entries}",
        encoding="utf-8",
    )
    return data


def _export(url, path: Path, *args):
    result = run(url, "export", "--source", "tricky", "-o", str(path), *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"7 statement(s) exported to {path}\n"
    return path


def test_csv_keeps_every_character_and_neutralises_formulas(tricky, tmp_path):
    url, _ = tricky
    path = _export(url, tmp_path / "c.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = {row["key"].split("/")[1]: row for row in csv.DictReader(f)}
    assert {k: r["text"] for k, r in rows.items()} == {
        "formula": "'=1+1",
        "phone": "'+7 (495) 555-01-02",
        "sum": "'-2+3",
        "at": "'@SUM(A1:A9)",
        "cyrillic": TRICKY_STATEMENTS["cyrillic"],
        "dari": TRICKY_STATEMENTS["dari"],
        "multiline": TRICKY_STATEMENTS["multiline"],
    }
    assert rows["formula"]["citation"] == (
        "Test Author, “A ‘tricky’, made-up article,” The Test Gazette, June 1, 2019, "
        "https://example.org/tricky, par. 2."
    )
    start = TRICKY_TEXT.index(TRICKY_STATEMENTS["cyrillic"])
    end = start + len(TRICKY_STATEMENTS["cyrillic"])
    assert rows["cyrillic"]["location"] == (
        f"paragraph 3, characters {start}–{end} of seeds/tricky.txt"
    )
    assert rows["formula"]["stances"] == "russia:neutral"


def test_csv_is_rfc_4180(tricky, tmp_path):
    url, _ = tricky
    raw = _export(url, tmp_path / "c.csv").read_bytes()
    assert raw.count(b"\r\n") >= 8  # CRLF line ends
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    # the embedded newline and quotes stay inside one quoted field
    assert '"first line\nsecond line, with a comma and a ""straight"" quote."' in text


def test_excel_option_adds_a_byte_order_mark(tricky, tmp_path):
    url, _ = tricky
    raw = _export(url, tmp_path / "e.csv", "--excel").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfkey,speaker,")


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is needed: apt-get install libreoffice-calc-nogui"
    return found


def _open_in_libreoffice(path: Path, out: Path) -> tuple[str, list[str]]:
    """Let LibreOffice Calc import the CSV (formulas evaluated, as by default) and save it as
    xlsx; return the sheet's XML and its shared strings."""
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{out / 'profile'}",
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with zipfile.ZipFile(out / (path.stem + ".xlsx")) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        shared = book.read("xl/sharedStrings.xml").decode("utf-8")
    import html

    strings = [html.unescape(s) for s in re.findall(r"<t[^>]*>(.*?)</t>", shared, re.S)]
    return sheet, strings


def test_libreoffice_opens_the_export_with_no_formula_and_all_text_intact(tricky, tmp_path):
    url, _ = tricky
    sheet, strings = _open_in_libreoffice(_export(url, tmp_path / "c.csv", "--excel"), tmp_path)
    assert "<f" not in sheet
    for text in (
        "'=1+1",
        "'@SUM(A1:A9)",
        TRICKY_STATEMENTS["cyrillic"],
        TRICKY_STATEMENTS["dari"],
        TRICKY_STATEMENTS["multiline"],
        "key",
    ):
        assert text in strings


def test_libreoffice_would_run_an_unneutralised_cell(tmp_path):
    """The control: the same import does make a formula of a raw "=1+1"."""
    path = tmp_path / "raw.csv"
    path.write_text("a\r\n=1+1\r\n", encoding="utf-8")
    sheet, _ = _open_in_libreoffice(path, tmp_path)
    assert "<f" in sheet


def test_csl_json_has_one_item_per_source(tricky, tmp_path):
    url, _ = tricky
    result = run(url, "export", "--format", "csl-json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert items == [
        {
            "id": "russia-falling-out-with-kabul",
            "type": "article",
            "title": "Russia’s Falling Out With Kabul",
            "author": [{"family": "Ramani", "given": "Samuel"}],
            "issued": {
                "date-parts": [[2019, 5, 27], [2019, 9, 27]],
                "raw": "2019-05-27/2019-09-27",
            },
        },
        {
            "id": "tricky",
            "type": "article-magazine",
            "title": "A “tricky”, made-up article",
            "author": [{"family": "Author", "given": "Test"}],
            "container-title": "The Test Gazette",
            "URL": "https://example.org/tricky",
            "issued": {"date-parts": [[2019, 6, 1]]},
        },
    ]


def test_export_to_stdout_with_filters(tricky):
    url, _ = tricky
    result = run(url, "export", "--critical-of", "moscow", "--kind", "direct")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["key"] for r in rows] == ["russia-falling-out-with-kabul/saleh-stunning-experience"]
    assert rows[0]["citation"] == (
        "Samuel Ramani, “Russia’s Falling Out With Kabul,” 2019, par. 5."
    )
    assert result.stderr == "1 statement(s) exported\n"


@pytest.mark.parametrize("fmt", ["--csv", "--tsv"])
@pytest.mark.parametrize("sort", ["said", "none"])
def test_arrow_export_gives_the_cells_of_the_row_by_row_one(seeded_url, monkeypatch, fmt, sort):
    """A whole export goes through Arrow (quotes.columnar); `quotes list --csv`'s row-by-row
    writer gives the same cells. One row a batch: a batch whose text cells are all empty
    (no translation, no note) comes before one that has them, which ADBC's SQLite driver
    would otherwise take for a number column."""
    from quotes import columnar

    monkeypatch.setattr(columnar, "BATCH_ROWS", 1)
    arrow = run(seeded_url, "export", "--sort", sort, fmt, "--silent")
    assert arrow.exit_code == 0, arrow.output
    monkeypatch.setattr(columnar, "readable", lambda reader: False)
    row_by_row = run(seeded_url, "export", "--sort", sort, fmt, "--silent")
    assert row_by_row.exit_code == 0, row_by_row.output

    dialect = "excel" if fmt == "--csv" else "excel-tab"
    ours = list(csv.reader(io.StringIO(arrow.stdout), dialect=dialect))
    theirs = list(csv.reader(io.StringIO(row_by_row.stdout), dialect=dialect))
    assert len(ours) == 23  # the header and the seed's 22 statements
    assert ours == theirs
    # Byte for byte too: every cell quoted in a CSV (no seed statement lacks a number).
    assert arrow.stdout_bytes == row_by_row.stdout_bytes
    header = ours[0]
    translations = [row[header.index("translation")] for row in ours[1:]]
    assert "" in translations  # the empty cells the batches start with
    note = "Samuel Ramani, “Russia’s Falling Out With Kabul,” 2019"  # no publication; 2019 only
    for row in ours[1:]:
        paragraph = row[header.index("paragraph")]
        assert paragraph and row[header.index("citation")] == f"{note}, par. {paragraph}."


def test_the_formula_guard_in_sql_prefixes_exactly_the_owasp_starts(engine):
    """Each character OWASP names (=, +, -, @, tab, carriage return) at the start of a cell
    gets an apostrophe; the same characters elsewhere, other text, empty and NULL do not."""
    from sqlalchemy import text

    from quotes.query import _inert

    cells = ["=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", " =x", "", None, "’x"]
    expected = ["'=1+1", "'+7", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "a=b", " =x", "", None, "’x"]
    with engine.connect() as connection:
        dialect = connection.dialect.name
        for cell, wanted in zip(cells, expected, strict=True):
            guarded = _inert("CAST(:cell AS TEXT)", dialect)
            got = connection.execute(text(f"SELECT {guarded}"), {"cell": cell})
            assert got.scalar() == wanted, (dialect, cell)


@pytest.mark.parametrize("excel", [[], ["--excel"]])
def test_a_whole_tsv_export_quotes_only_the_cells_that_need_it(tricky, excel):
    """TSV readers such as cut, awk and PostgreSQL's COPY take a quote for part of the cell:
    through Arrow, as row by row (`export --limit`, `list --tsv`), a cell is quoted only when
    it holds a tab, a quote or a line break."""
    url, _ = tricky
    whole = run(url, "export", "--tsv", "--silent", *excel)
    limited = run(url, "export", "--tsv", "--silent", "--limit", "1000", *excel)
    assert whole.exit_code == limited.exit_code == 0, whole.output + limited.output
    text = whole.stdout_bytes.decode("utf-8-sig")
    first = text.split("\r\n")[1].split("\t")
    assert first[:2] == [
        "russia-falling-out-with-kabul/russian-officials-only-to-facilitate-peace",
        "Russian officials",
    ]
    assert '\t"first line\nsecond line, with a comma and a ""straight"" quote."\t' in text
    assert whole.stdout_bytes == limited.stdout_bytes


def test_arrow_tsv_is_what_the_csv_module_writes():
    """Cells with a tab, a quote, a carriage return or a newline are quoted, no others;
    missing text and numbers are empty."""
    import pyarrow as pa

    from quotes import columnar

    texts = ["plain", "a\tb", 'say "x"', "one\rtwo", "one\ntwo", "", None, "’, comma"]
    numbers = [1, None, 30, 4, 500, 6, 7, None]
    batch = pa.RecordBatch.from_arrays(
        [pa.array(texts, pa.string()), pa.array(numbers, pa.int64())], names=["0", "1"]
    )
    ours = io.StringIO(newline="")
    assert (
        columnar.write(iter([batch, batch.slice(2, 3)]), ours, fmt="tsv", header=["t", "n"]) == 11
    )
    theirs = io.StringIO(newline="")
    writer = csv.writer(theirs, dialect="excel-tab")
    writer.writerow(["t", "n"])
    rows = [
        ["" if t is None else t, "" if n is None else n]
        for t, n in zip(texts, numbers, strict=True)
    ]
    writer.writerows(rows + rows[2:5])
    assert ours.getvalue() == theirs.getvalue()


LATER_SOURCE = """source:
  title: A made-up later article
  author: Test Author
  published: 2019-06-01
  text: seeds/later.txt
statements:
  - key: later
    speaker: russian-officials
    kind: indirect
    text: talks will go on
    said: 2019-06-01
"""


@pytest.mark.parametrize("sort", ["said", "none"])
def test_a_load_while_a_whole_export_starts_does_not_break_its_citations(
    blank_url, tmp_path, monkeypatch, sort
):
    """A whole export builds every source's note in one query: a load that adds a source
    just after it, and before the rows are read, must not leave a row without its note."""
    from quotes import query

    data = copy_project(tmp_path)
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    (tmp_path / "seeds" / "later.txt").write_text(
        "A made-up later article.\n\nOfficials said talks will go on.\n", encoding="utf-8"
    )
    build_notes = query._SourceNotes.fetch_all

    def build_notes_then_load(notes):
        build_notes(notes)
        (data / "sources" / "later.yaml").write_text(LATER_SOURCE, encoding="utf-8")
        loaded = subprocess.run(
            [sys.executable, "-m", "quotes", "--db", blank_url, "load", "--data", str(data)],
            capture_output=True,
            text=True,
        )
        assert loaded.returncode == 0, loaded.stderr

    monkeypatch.setattr(query._SourceNotes, "fetch_all", build_notes_then_load)
    result = run(blank_url, "export", "--sort", sort, "--silent")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) in (22, 23)  # the seed's, and the new one if the rows were read after
    assert all(row["citation"] for row in rows)


def _slowed(batches, seconds: float):
    """quotes.columnar.batches with a query that waits ``seconds`` on the server first."""

    def slow(reader, sql, params):
        waited = f"SELECT q.* FROM ({sql}) q CROSS JOIN (SELECT pg_sleep({seconds})) w"
        return batches(reader, waited, params)

    return slow


def test_ctrl_c_while_postgresql_answers_an_export_is_an_interrupt(
    pg_server, tmp_path, monkeypatch, ctrl_c
):
    """ADBC cancels the query on Ctrl-C and reports the server's "canceling statement due
    to user request" as an OSError, which the CLI took for a failed write ("Cannot write
    FILE: ..."): it must stay an interrupt."""
    import os
    import signal
    import threading

    from quotes import columnar
    from quotes.cli.statements import EXPORT_FIELDS
    from quotes.query import Filters, statement_batches
    from quotes.reader import connect

    url = pg_server.create_database("interrupted_export")
    assert run(url, "load", "--data", str(copy_project(tmp_path))).exit_code == 0
    monkeypatch.setattr(columnar, "batches", _slowed(columnar.batches, 30))
    reader = connect(url)
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            list(statement_batches(reader, Filters(), EXPORT_FIELDS))
    finally:
        timer.cancel()
        reader.close()


@pytest.mark.parametrize("args", [[], ["--limit", "100"], ["--tsv", "--excel"]])
def test_an_export_to_standard_output_is_utf8_whatever_its_encoding(tricky, args):
    """The file is UTF-8 (README), on standard output too: with a Latin-1 stdout the row-by-row
    writer failed on the first curly quote, and the Arrow one mixed encodings."""
    import os

    url, _ = tricky
    result = subprocess.run(
        [sys.executable, "-m", "quotes", "--db", url, "export", "--silent", *args],
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert "Россия поддерживает" in result.stdout.decode("utf-8")


def test_a_listing_as_csv_quotes_every_cell(blank_url, tmp_path):
    """`quotes list --csv` writes its cells as the Arrow export does, on either backend (rows
    joined in C on SQLite, PostgreSQL's COPY on PostgreSQL): every cell quoted, CRLF after
    each row and a line break inside a cell left as it is."""
    data = _tricky_project(tmp_path)
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    result = run(blank_url, "list", "--source", "tricky", "--csv")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes.decode("utf-8")
    assert raw.count("\r\n") == 8  # the header and seven rows; the one inside a cell is \n
    assert '"first line\nsecond line, with a comma and a ""straight"" quote."' in raw
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    texts = {row["key"].removeprefix("tricky/"): row["text"] for row in rows}
    assert texts["multiline"] == TRICKY_STATEMENTS["multiline"]
    assert texts["cyrillic"] == TRICKY_STATEMENTS["cyrillic"]
    assert texts["formula"] == "'=1+1"
    start = TRICKY_TEXT.index("=1+1")
    line = next(line for line in raw.split("\r\n") if line.startswith('"tricky/formula"'))
    assert line.startswith('"tricky/formula","Sergei Lavrov","sergei-lavrov",')
    # One report of its utterance; no translation, so an empty text; paragraph 2.
    assert ',"tricky/formula","1","","",' in line
    assert line.endswith(f',"en","seeds/tricky.txt","{start}","{start + 4}","2"')


def test_cells_holding_the_writers_mark_are_written_cell_by_cell():
    """The CSV writer joins a batch's cells with a control character around each: a batch
    whose cells hold that character, or are not all text, goes cell by cell, and says the
    same."""
    from quotes.export import write_cells

    out = io.StringIO()
    batches = [
        [("a\x1db", "7", 'say "x"'), ("plain", "", "")],  # the mark in a cell
        [("c", 1, None)],  # a number and a None
        [("d", "2", "e,f")],
    ]
    count = write_cells(batches, out, fmt="csv", header=["text", "start", "note"])
    assert count == 4
    assert out.getvalue() == (
        'text,start,note\r\n"a\x1db","7","say ""x"""\r\n"plain","",""\r\n'
        '"c","1",""\r\n"d","2","e,f"\r\n'
    )


def test_a_listing_as_csv_keeps_a_cell_that_holds_the_joining_mark(blank_url, tmp_path):
    """SQLite joins each row's cells with a control character between them (quotes.csvtext):
    a batch in which some cell holds that character is read again and written cell by cell,
    so the cell comes out whole and its row keeps its columns."""
    data = _tricky_project(tmp_path)
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    note = 'before\x1d,\x1d"after"'
    engine = make_engine(blank_url)
    with engine.begin() as connection:
        update = sqlalchemy.text("UPDATE statement SET note = :note WHERE key = 'multiline'")
        connection.execute(update, {"note": note})
    engine.dispose()
    result = run(blank_url, "list", "--source", "tricky", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8"), newline="")))
    assert len(rows) == 7
    notes = {row["key"].removeprefix("tricky/"): row["note"] for row in rows}
    assert notes["multiline"] == note
    assert notes["formula"] == ""
    assert {len(row) for row in rows} == {len(rows[0])}
    assert all(None not in row for row in rows)  # no row with more cells than the header


@pytest.mark.parametrize("fmt", ["--csv", "--tsv", "--json"])
def test_a_listing_gives_iso_dates_whatever_the_clients_date_style(
    blank_url, tmp_path, monkeypatch, fmt
):
    """A PostgreSQL client may ask for another date style (PGDATESTYLE): a listing's dates
    stay YYYY-MM-DD, as on SQLite."""
    data = _tricky_project(tmp_path)
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    monkeypatch.setenv("PGDATESTYLE", "SQL, DMY")
    result = run(blank_url, "list", "--source", "tricky", fmt)
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes.decode("utf-8")
    if fmt == "--json":
        rows = json.loads(raw)
    else:
        dialect = "excel" if fmt == "--csv" else "excel-tab"
        rows = list(csv.DictReader(io.StringIO(raw, newline=""), dialect=dialect))
    assert len(rows) == 7
    assert {(row["said_from"], row["said_to"]) for row in rows} == {("2019-05-27", "2019-05-27")}
