"""Scale benchmark: a million statements on SQLite and PostgreSQL, against hand-written SQL.

For each backend: load synthetic data through the real loader (statements per second, peak
memory); time the everyday questions in process (median and 95th percentile) next to the same
answer asked as hand-written SQL through the database's own client (sqlite3, psql) in the same
run, as the floor; time the same commands as whole processes; export every statement to CSV
(rows per second, peak memory, at 100,000 rows and at all); time `quotes --help`; and print
each query's plan. Figures only: nothing here passes or fails on time.

    .venv/bin/python benchmarks/scale.py                 # 1,000,000 statements, both backends
    .venv/bin/python benchmarks/scale.py --n 20000 --repeat 2    # the CI smoke run
"""

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

QUOTES = [sys.executable, "-m", "quotes"]
TARGETS = {
    "ratio": 1.5,
    "help_ms": 150,
    "said_process_ms": 500,
    "load_rate": 20_000,
    "export_rate": 200_000,
    "export_mb": 200,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="statements to generate")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=7, help="runs per timing")
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # internal: run one phase in a child
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "load":
        return _load_child(args.url, args.n)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {_cpu()}, "
        f"Python {platform.python_version()}; n = {args.n:,} statements\n"
    )
    for backend in args.backends.split(","):
        with _database(backend) as (url, client):
            _run(backend, url, client, args)


# -- databases -----------------------------------------------------------------------------


class _database:
    """A new database on ``backend`` and the command that runs SQL in its own client."""

    def __init__(self, backend: str):
        self.backend = backend

    def __enter__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="quotes-scale-"))
        if self.backend == "sqlite":
            path = self.folder / "quotes.db"
            return f"sqlite:///{path}", ["sqlite3", str(path)]
        from tests.pgserver import PostgresServer

        self.server = PostgresServer().start()
        url = self.server.create_database("scale")
        client = [
            str(self.server.bindir / "psql"),
            "-X",
            "-q",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.server.port),
            "-U",
            "quotes",
            "-d",
            "scale",
        ]
        return url, client

    def __exit__(self, *exc):
        if self.backend == "postgresql":
            self.server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


# -- phases ----------------------------------------------------------------------------------


def _load_child(url: str, n: int) -> None:
    """Load N synthetic statements; print seconds loading (generation excluded) and peak RSS."""
    from sqlmodel import Session

    from benchmarks.synthetic import Synthetic
    from quotes import db
    from quotes.curation.record import Record
    from quotes.ingest import load_record

    engine = db.make_engine(url)
    db.upgrade(engine)
    synthetic = Synthetic(n)
    generating = [0.0]

    def timed(sources):
        iterator = iter(sources)
        while True:
            began = time.perf_counter()
            try:
                source = next(iterator)
            except StopIteration:
                return
            finally:
                generating[0] += time.perf_counter() - began
            yield source

    record = synthetic.record()
    record = Record(record.parties, record.speakers, record.claims, timed(record.sources))
    began = time.perf_counter()
    with Session(engine) as session:
        report = load_record(session=session, record=record, prune_sources=True)
        session.commit()
    total = time.perf_counter() - began
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": total - generating[0],
                "generating": generating[0],
                "peak_mb": peak,
                "report": report.lines(),
            }
        )
    )


def _run(backend: str, url: str, client: list[str], args) -> None:
    print(f"== {backend} ==")
    child = subprocess.run(
        [sys.executable, __file__, "--phase", "load", "--url", url, "--n", str(args.n)],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(child.stdout.splitlines()[-1])
    rate = args.n / loaded["seconds"]
    print(
        f"load: {args.n:,} statements in {loaded['seconds']:.1f} s (generating the data, "
        f"{loaded['generating']:.1f} s more, not counted): {rate:,.0f} statements/s"
        + (
            _against(rate, TARGETS["load_rate"], "statements/s", more=True)
            if backend == "sqlite"
            else ""
        )
        + f"; peak memory {loaded['peak_mb']:.0f} MB"
    )

    from sqlmodel import Session

    from benchmarks.synthetic import Synthetic
    from quotes import db

    synthetic = Synthetic(args.n)
    engine = db.make_engine(url)
    questions = _questions(synthetic, backend)
    print(
        f"\n{'question':34} {'in process (ms)':>18} {'hand SQL (ms)':>16} {'ratio':>6}"
        f"  {'rows':>7}  target"
    )
    with Session(engine) as session:
        for name, question in questions.items():
            ours, rows = _in_process(session, question["core"], args.repeat)
            floor = _floor(client, backend, question["sql"], args.repeat)
            # sqlite3's timer counts whole milliseconds: a faster answer counts as 0.5 ms.
            floor = [max(t, 0.5) for t in floor]
            ratio = statistics.median(ours) / statistics.median(floor) if floor else float("nan")
            print(
                f"{name:34} {_ms(ours):>18} {_ms(floor):>16} {ratio:6.2f}  {rows:7,}  "
                f"{'<= 1.5: ' + ('met' if ratio <= TARGETS['ratio'] else 'NOT met')}"
            )

    print(f"\n{'whole process':60} {'median ms':>10} {'p95 ms':>8}")
    for name, question in questions.items():
        times = _process_times([*QUOTES, "--db", url, *question["cli"], "--nl"], args.repeat)
        note = ""
        if name.startswith("said"):
            note = _against(statistics.median(times), TARGETS["said_process_ms"], "ms")
        print(
            f"{'quotes ' + ' '.join(question['cli']):60} {statistics.median(times):10.0f} "
            f"{_p95(times):8.0f}{note}"
        )
    help_times = _process_times([*QUOTES, "--help"], args.repeat)
    print(
        f"{'quotes --help':60} {statistics.median(help_times):10.0f} {_p95(help_times):8.0f}"
        + _against(statistics.median(help_times), TARGETS["help_ms"], "ms")
    )

    print("\nexport to CSV (whole process)")
    for limit in sorted({min(100_000, args.n), args.n}):
        out = Path(tempfile.mkdtemp()) / "export.csv"
        command = [*QUOTES, "--db", url, "export", "-o", str(out)]
        if limit < args.n:
            command += ["--limit", str(limit)]
        seconds, peak = _measured(command)
        rows = limit
        print(
            f"  {rows:>9,} rows: {seconds:.1f} s, {rows / seconds:,.0f} rows/s"
            + _against(rows / seconds, TARGETS["export_rate"], "rows/s", more=True)
            + f"; peak memory {peak:.0f} MB"
            + _against(peak, TARGETS["export_mb"], "MB")
        )
        shutil.rmtree(out.parent, ignore_errors=True)

    print("\nquery plans (ours)")
    with engine.connect() as connection:
        for name, question in questions.items():
            if question.get("plan") is None:
                continue
            explain = "EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN "
            compiled = question["plan"](engine)
            plan = connection.exec_driver_sql(explain + compiled).all()
            lines = [" ".join(str(c) for c in row[-1:]) for row in plan]
            print(f"  {name}:")
            for line in lines[:12]:
                print(f"    {line}")
    engine.dispose()
    print()


# -- the questions ---------------------------------------------------------------------------


def _questions(synthetic, backend: str) -> dict:
    from quotes.claims import claim_rows
    from quotes.lookup import find_speaker, resolve_filters
    from quotes.query import Filters, statement_records, statement_select

    speaker = synthetic.speaker_name(100)
    sqlite = backend == "sqlite"
    concat = (
        "group_concat(p.key || ':' || st.polarity, '; ')"
        if sqlite
        else "string_agg(p.key || ':' || st.polarity, '; ')"
    )
    nulls = "" if sqlite else " NULLS FIRST"
    columns = (
        "s.id, so.key, s.key, sp.name, sp.key, s.role_as_written, s.kind, s.text, s.cue, s.said, "
        's.said_from, s.said_to, so.title, so.author, so.published, s.start, s."end", '
        f"(SELECT {concat} FROM stance st JOIN party p ON p.id = st.party_id "
        "WHERE st.statement_id = s.id) AS stances"
    )
    base = (
        "FROM statement s JOIN speaker sp ON sp.id = s.speaker_id "
        "JOIN source so ON so.id = s.source_id "
    )
    order = f"ORDER BY s.said_from{nulls}, s.said_to, so.key, s.start, s.key"
    # The floor is the best hand-written form: an IN list the stance index answers.
    critical = (
        "s.id IN (SELECT statement_id FROM stance WHERE party_id = "
        "(SELECT id FROM party WHERE key = 'party-00') AND polarity = 'critical')"
    )
    search = (
        "s.id IN (SELECT rowid FROM statement_fts WHERE statement_fts MATCH "
        '\'"ceasefire" "sanctions"\')'
        if sqlite
        else "to_tsvector('english'::regconfig, translate(s.text, '“”‘’«»„', '       ')) @@ "
        "plainto_tsquery('english'::regconfig, 'ceasefire sanctions')"
    )
    search_sql = f"SELECT {columns} {base}WHERE {search} {order} LIMIT 50"

    def listing(**names):
        def run(session):
            return list(statement_records(session, resolve_filters(session, **names)))

        def plan(engine):
            from sqlmodel import Session

            with Session(engine) as session:
                filters = resolve_filters(session, **names)
            return str(
                statement_select(filters, engine.dialect.name).compile(
                    engine, compile_kwargs={"literal_binds": True}
                )
            )

        return run, plan

    def said(session):
        found = find_speaker(session, speaker)
        return list(statement_records(session, Filters(speaker_ids=(found.id,))))

    critical_run, critical_plan = listing(critical_of=("party-00",), limit=50)
    dated_run, dated_plan = listing(
        critical_of=("party-00",), limit=50, since=_date("2019-01-01"), until=_date("2019-03-31")
    )
    search_run, search_plan = listing(search="ceasefire sanctions", limit=50)
    speaker_id = f"(SELECT speaker_id FROM speakeralias WHERE norm = '{speaker.lower()}')"
    disputed_sql = (
        "SELECT c.key, c.text, count(CASE WHEN cp.position = 'asserts' THEN 1 END) AS a, "
        "count(CASE WHEN cp.position = 'denies' THEN 1 END) AS d, "
        "count(CASE WHEN cp.position = 'questions' THEN 1 END) AS q, "
        "count(DISTINCT s.speaker_id), min(s.said_from), max(s.said_to) FROM claim c "
        "LEFT JOIN claimposition cp ON cp.claim_id = c.id LEFT JOIN statement s ON "
        "s.id = cp.statement_id GROUP BY c.id, c.key, c.text "
        "HAVING count(CASE WHEN cp.position = 'asserts' THEN 1 END) > 0 AND "
        "count(CASE WHEN cp.position IN ('denies', 'questions') THEN 1 END) > 0 ORDER BY c.key"
    )
    return {
        f"said '{speaker}'": {
            "core": said,
            "cli": ["said", speaker],
            "sql": f"SELECT {columns} {base}WHERE s.speaker_id = {speaker_id} {order}",
            "plan": lambda engine: f"SELECT s.id {base}WHERE s.speaker_id = {speaker_id} {order}",
        },
        "list --critical-of --limit 50": {
            "core": critical_run,
            "cli": ["list", "--critical-of", "party-00", "--limit", "50"],
            "sql": f"SELECT {columns} {base}WHERE {critical} {order} LIMIT 50",
            "plan": critical_plan,
        },
        "  ... --since 2019-01 --until 2019-03": {
            "core": dated_run,
            "cli": [
                "list",
                "--critical-of",
                "party-00",
                "--since",
                "2019-01-01",
                "--until",
                "2019-03-31",
                "--limit",
                "50",
            ],
            "sql": f"SELECT {columns} {base}WHERE {critical} AND (s.said_to IS NULL OR "
            "s.said_to >= '2019-01-01') AND (s.said_from IS NULL OR s.said_from <= "
            f"'2019-03-31') {order} LIMIT 50",
            "plan": dated_plan,
        },
        "list --search (two words)": {
            "core": search_run,
            "cli": ["list", "--search", "ceasefire sanctions", "--limit", "50"],
            "sql": search_sql,
            "plan": search_plan,
        },
        "claims --disputed": {
            "core": lambda session: list(claim_rows(session, disputed=True)),
            "cli": ["claims", "--disputed"],
            "sql": disputed_sql,
            "plan": None,
        },
    }


def _date(text: str):
    from datetime import date

    return date.fromisoformat(text)


# -- measuring -------------------------------------------------------------------------------


def _in_process(session, run, repeat: int) -> tuple[list[float], int]:
    run(session)  # warm the caches once, as a user's second question would
    times, rows = [], 0
    for _ in range(repeat):
        began = time.perf_counter()
        rows = len(run(session))
        times.append((time.perf_counter() - began) * 1000)
    return times, rows


def _floor(client: list[str], backend: str, sql: str, repeat: int) -> list[float]:
    """The same answer from the database's own client, timed by the client itself."""
    runs = repeat + 1
    if backend == "sqlite":
        script = ".mode list\n.timer on\n" + f"{sql};\n" * runs
        output = subprocess.run(client, input=script, capture_output=True, text=True).stdout
        times = [float(t) * 1000 for t in re.findall(r"Run Time: real ([0-9.]+)", output)]
    else:
        script = "\\o /dev/null\n\\timing on\n" + f"{sql};\n" * runs
        output = subprocess.run(client, input=script, capture_output=True, text=True).stdout
        times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", output)]
    return times[1:]  # the first run warms the cache


def _process_times(command: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - began) * 1000)
    return times


def _measured(command: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one child process."""
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return seconds, usage.ru_maxrss / 1024


def _ms(times: list[float]) -> str:
    if not times:
        return "n/a"
    return f"{statistics.median(times):.1f} / {_p95(times):.1f}"


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _against(value: float, target: float, unit: str, more: bool = False) -> str:
    met = value >= target if more else value <= target
    sign = ">=" if more else "<="
    return f" (target {sign} {target:,} {unit}: {'met' if met else 'NOT met'})"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
