"""Scale benchmark: a million statements on SQLite and PostgreSQL, side by side with the peers.

For each backend: load synthetic data through the real loader (statements per second, peak
memory); ask the everyday questions in process (median and 95th percentile) next to the same
rows asked through the database's own client (the sqlite3 shell, psql) in the same run; time
the commands as whole processes, with and without bytecode, next to `sqlite-utils query`
giving the same rows; export every statement (in date order and in no order; rows per second
and peak memory) next to sqlite-utils and the client on the same columns; time `quotes
--help`; print each query's plan. Every peer's rows are checked equal to ours, cell by cell.
Figures only: nothing here passes or fails on time.

    .venv/bin/pip install -e . --group bench    # the peers: sqlite-utils (sqlite3, psql: apt)
    .venv/bin/python benchmarks/scale.py                 # 1,000,000 statements, both backends
    .venv/bin/python benchmarks/scale.py --n 20000 --repeat 2    # the CI smoke run
    # a database loaded before (its load not timed again):
    .venv/bin/python benchmarks/scale.py --phase load --url sqlite:///m1.db --n 1000000
    .venv/bin/python benchmarks/scale.py --sqlite-file m1.db --postgresql-url URL --repeat 5
"""

import argparse
import csv
import io
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
SQLITE_UTILS = str(Path(sys.executable).parent / "sqlite-utils")
TARGETS = {
    "ratio": 1.5,
    "help_ms": 100,
    "process_ms": 250,
    "load_rate": {"sqlite": 25_000, "postgresql": 15_000},
    "export_vs_sqlite_utils": 2.0,
    "export_rate": {"sqlite": 200_000, "postgresql": 100_000},
    "export_mb": 200,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="statements to generate")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=7, help="runs per timing")
    parser.add_argument(
        "--sqlite-file",
        type=Path,
        help="a SQLite database this script loaded before with the same --n: its load is not "
        "timed again",
    )
    parser.add_argument(
        "--postgresql-url",
        help="a PostgreSQL database this script loaded before with the same --n (its phase "
        "'load'): its load is not timed again",
    )
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
        if backend == "sqlite" and args.sqlite_file:
            url = f"sqlite:///{args.sqlite_file.resolve()}"
            _run(backend, url, ["sqlite3", str(args.sqlite_file.resolve())], args, load=False)
            continue
        if backend == "postgresql" and args.postgresql_url:
            _run(backend, args.postgresql_url, _psql(args.postgresql_url), args, load=False)
            continue
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
        return url, _psql(url, self.server.bindir)

    def __exit__(self, *exc):
        if self.backend == "postgresql":
            self.server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def _psql(url: str, bindir: Path | None = None) -> list[str]:
    """psql on the database at ``url`` (postgresql+psycopg://user@host:port/name)."""
    from urllib.parse import urlsplit

    if bindir is None:
        from tests.pgserver import _bindir

        bindir = _bindir()
    parts = urlsplit(url)
    where = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    return [
        str(bindir / "psql"),
        "-X",
        "-q",
        *where,
        "-U",
        parts.username or "quotes",
        "-d",
        parts.path.lstrip("/"),
    ]


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


def _run(backend: str, url: str, client: list[str], args, load: bool = True) -> None:
    print(f"== {backend} ==")
    if load:
        _load(backend, url, args)
    else:
        print(f"load: not timed in this run ({url} was loaded before)")
    _ask(backend, url, client, args)


def _load(backend: str, url: str, args) -> None:
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
        + _against(rate, TARGETS["load_rate"][backend], "statements/s", more=True)
        + f"; peak memory {loaded['peak_mb']:.0f} MB"
    )


def _ask(backend: str, url: str, client: list[str], args) -> None:
    from benchmarks.synthetic import Synthetic
    from quotes.reader import connect

    reader = connect(url)
    questions = _questions(reader, Synthetic(args.n))
    peer = "sqlite3" if backend == "sqlite" else "psql"
    print(
        f"\n{'in process':34} {'quotes (ms)':>16} {peer + ' (ms)':>16} {'ratio':>6}"
        f"  {'rows':>6}  same cells  target"
    )
    for name, question in questions.items():
        ours, rows = _in_process(question["run"], args.repeat)
        floor = _floor(client, backend, question["sql"], args.repeat)
        # sqlite3's timer counts whole milliseconds: a faster answer counts as 0.5 ms.
        floor = [max(t, 0.5) for t in floor]
        ratio = statistics.median(ours) / statistics.median(floor) if floor else float("nan")
        same = _same(question["csv"](), _client_csv(client, backend, question["sql"]))
        print(
            f"{name:34} {_ms(ours):>16} {_ms(floor):>16} {ratio:6.2f}  {rows:6,}  {same:10}  "
            f"<= 1.5: {'met' if ratio <= TARGETS['ratio'] else 'NOT met'}"
        )

    print(
        f"\n{'whole process, median ms':64} {'quotes':>7} {'bytecode':>8} "
        + (f"{'sqlite-utils':>12} {'ratio':>6}  same cells" if backend == "sqlite" else "")
    )
    for question in questions.values():
        command = [*QUOTES, "--db", url, *question["cli"], "--csv"]
        cold = statistics.median(_process_times(command, args.repeat, bytecode=False))
        warm = statistics.median(_process_times(command, args.repeat, bytecode=True))
        line = f"{'quotes ' + ' '.join(question['cli']) + ' --csv':64} {cold:7.0f} {warm:8.0f}"
        if backend == "sqlite":
            utils = [SQLITE_UTILS, "query", url.removeprefix("sqlite:///"), question["sql"]]
            theirs = statistics.median(_process_times([*utils, "--csv"], args.repeat))
            ours = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            same = _same(ours, _output([*utils, "--csv"]))
            line += f" {theirs:12.0f} {warm / theirs:6.2f}  {same}"
            if question.get("process_target"):
                line += _against(warm, TARGETS["process_ms"], "ms") + (
                    f", <= 1.5x sqlite-utils: {'met' if warm / theirs <= 1.5 else 'NOT met'}"
                )
        print(line)
    cold = statistics.median(_process_times([*QUOTES, "--help"], args.repeat, bytecode=False))
    warm = statistics.median(_process_times([*QUOTES, "--help"], args.repeat, bytecode=True))
    print(
        f"{'quotes --help':64} {cold:7.0f} {warm:8.0f}"
        + _against(warm, TARGETS["help_ms"], "ms (with bytecode)")
    )

    print("\nexport, every column (whole process)")
    _exports(backend, url, client, reader, args)

    print("\nquery plans (ours)")
    for name, question in questions.items():
        explain = "EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN "
        plan = reader.execute(explain + question["sql"]).fetchall()
        print(f"  {name}:")
        # SQLite: the statement's own steps (parent 0), not those inside the stance and claim
        # subqueries; PostgreSQL: the plan's first lines.
        steps = [row for row in plan if backend != "sqlite" or row[1] == 0]
        for row in steps[:14]:
            print(f"    {row[-1]}")
    reader.close()
    print()


def _exports(backend: str, url: str, client: list[str], reader, args) -> None:
    """Every statement, every column: quotes against sqlite-utils (same columns, same order)
    and the database's client, in date order and in no order."""
    from quotes.cli.statements import EXPORT_FIELDS
    from quotes.query import Filters

    folder = Path(tempfile.mkdtemp())
    for sort in ("said", "none"):
        out = folder / "export.csv"
        command = [*QUOTES, "--db", url, "export", "--sort", sort, "--silent", "-o", str(out)]
        seconds, peak = _measured(command)
        rate = args.n / seconds
        line = f"  --sort {sort:5}: quotes {seconds:6.1f} s, {rate:9,.0f} rows/s"
        line += f", peak {peak:.0f} MB"
        sql = _literal(reader, Filters(sort=sort), EXPORT_FIELDS, citation_of_sources=True)
        if backend == "sqlite":
            theirs_out = folder / "sqlite-utils.csv"
            path = url.removeprefix("sqlite:///")
            utils = [SQLITE_UTILS, "query", path, sql, "--csv"]
            theirs, _ = _measured(utils, stdout=theirs_out)
            line += f"; sqlite-utils {args.n / theirs:9,.0f} rows/s, ratio {theirs / seconds:.2f}"
            if sort == "said":
                line += _against(
                    theirs / seconds, TARGETS["export_vs_sqlite_utils"], "x sqlite-utils", more=True
                )
        shell_out = folder / "client.csv"
        shell, _ = _measured(_client_command(client, backend, sql), stdout=shell_out)
        line += f"; {client[0].rsplit('/', 1)[-1]} {args.n / shell:9,.0f} rows/s"
        if sort == "none":
            line += _against(rate, TARGETS["export_rate"][backend], "rows/s", more=True)
        line += _against(peak, TARGETS["export_mb"], "MB")
        rows = _count_rows(out)
        line += f"; rows: {rows:,}" + (" (all)" if rows == args.n else f" (NOT {args.n:,})")
        if backend == "sqlite" and sort == "said":
            line += f"; same cells as sqlite-utils: {_same_files(out, theirs_out)}"
        print(line)
    shutil.rmtree(folder, ignore_errors=True)


# -- the questions ---------------------------------------------------------------------------


def _questions(reader, synthetic) -> dict:
    """Each everyday question: how quotes answers it in process (CSV cells, names looked up
    as the CLI does), its command line, and the same rows as one SQL statement for the peers."""
    from datetime import date

    from quotes.cli.statements import STATEMENT_FIELDS, write_listing
    from quotes.lookup import find_speaker, resolve_filters

    speaker = synthetic.speaker_name(100)

    def listing(cli: list[str], process_target: bool = False, **names) -> dict:
        def csv() -> str:
            buffer = io.StringIO()
            write_listing(reader, resolve_filters(reader, **names), buffer, fmt="csv")
            return buffer.getvalue()

        filters = resolve_filters(reader, **names)
        return {
            "run": lambda: csv().count("\r\n") - 1,
            "csv": csv,
            "cli": cli,
            "sql": _literal(reader, filters, STATEMENT_FIELDS),
            "process_target": process_target,
        }

    found = find_speaker(reader, speaker)
    critical = {"critical_of": ("party-00",), "limit": 50, "sort": "-said"}
    questions = {
        f"said '{speaker}'": listing(["said", speaker], True, speakers=(found.key,)),
        "list --critical-of P --limit 50 (newest)": listing(
            ["list", "--critical-of", "party-00", "--limit", "50", "--sort", "-said"],
            True,
            **critical,
        ),
        "  ... --since 2019-01 --until 2019-03": listing(
            [
                "list",
                *("--critical-of", "party-00", "--since", "2019-01", "--until", "2019-03"),
                *("--limit", "50", "--sort", "-said"),
            ],
            **critical,
            since=date(2019, 1, 1),
            until=date(2019, 3, 31),
        ),
        "list --search 'two words' --limit 50": listing(
            ["list", "--search", "ceasefire sanctions", "--limit", "50"],
            search="ceasefire sanctions",
            limit=50,
        ),
    }
    return questions


def _literal(reader, filters, fields: list[str], citation_of_sources: bool = False) -> str:
    """Our SELECT for ``filters`` as one SQL text with its values written in, for the peers.
    The citation, which quotes finishes in Python from the source, is left to the peers as the
    source id and its locator (with ``citation_of_sources``) or left out."""
    from quotes.query import _cell_columns, select_sql

    columns = _cell_columns(reader.dialect, fields)
    names = [*fields, "locator"] if "citation" in fields else fields
    named = [f'{column} AS "{name}"' for column, name in zip(columns, names, strict=True)]
    if "citation" in fields and not citation_of_sources:
        named = named[:-2]
    sql, params = select_sql(reader, filters, named)
    for value in params:
        if isinstance(value, str) or hasattr(value, "isoformat"):
            text = str(value).replace("'", "''").join("''")
        else:
            text = str(value)
        sql = sql.replace(reader.mark, text, 1)
    return sql


# -- measuring -------------------------------------------------------------------------------


def _in_process(run, repeat: int) -> tuple[list[float], int]:
    run()  # warm the caches once, as a user's second question would
    times, rows = [], 0
    for _ in range(repeat):
        began = time.perf_counter()
        rows = run()
        times.append((time.perf_counter() - began) * 1000)
    return times, rows


def _floor(client: list[str], backend: str, sql: str, repeat: int) -> list[float]:
    """The same rows from the database's own client, timed by the client itself."""
    runs = repeat + 1
    if backend == "sqlite":
        script = ".mode csv\n.output /dev/null\n.timer on\n" + f"{sql};\n" * runs
        output = subprocess.run(client, input=script, capture_output=True, text=True)
        times = [float(t) * 1000 for t in re.findall(r"Run Time: real ([0-9.]+)", output.stderr)]
        times = times or [
            float(t) * 1000 for t in re.findall(r"Run Time: real ([0-9.]+)", output.stdout)
        ]
    else:
        script = "\\pset format csv\n\\o /dev/null\n\\timing on\n" + f"{sql};\n" * runs
        output = subprocess.run(client, input=script, capture_output=True, text=True).stdout
        times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", output)]
    return times[1:]  # the first run warms the cache


def _client_command(client: list[str], backend: str, sql: str) -> list[str]:
    """The client printing the rows of ``sql`` as CSV without a header."""
    if backend == "sqlite":
        return [client[0], "-csv", *client[1:], sql]
    return [*client, "--csv", "-t", "-c", sql]


def _client_csv(client: list[str], backend: str, sql: str) -> str:
    return "header\r\n" + _output(_client_command(client, backend, sql))


def _output(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))[1:]  # without the header


def _same(ours: str, theirs: str) -> str:
    """Whether two CSV texts hold the same rows, cell by cell (headers aside)."""
    a, b = _rows(ours), _rows(theirs)
    if a == b:
        return "yes"
    return f"NO ({len(a):,} rows against {len(b):,})"


def _same_files(ours: Path, theirs: Path) -> str:
    """The export's rows against the peer's, the citation (ours) and source id and locator
    (theirs) aside."""
    with ours.open(newline="", encoding="utf-8") as a, theirs.open(newline="") as b:
        mine, other = csv.reader(a), csv.reader(b)
        next(mine), next(other)
        for count, (x, y) in enumerate(zip(mine, other, strict=False), 1):
            if x[:-1] != y[:-2]:
                return f"NO (row {count})"
    return "yes"


def _count_rows(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as rows:
        return sum(1 for _ in csv.reader(rows)) - 1


def _process_times(command: list[str], repeat: int, bytecode: bool | None = None) -> list[float]:
    """Wall-clock times of ``command``. ``bytecode`` False: quotes' own modules compiled anew
    each run (PYTHONDONTWRITEBYTECODE, as on these machines, with an editable install); True:
    from cached bytecode, as after a regular install."""
    env = dict(os.environ)
    if bytecode is not None:
        for cache in (PROJECT / "quotes").rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)  # compiles
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - began) * 1000)
    if bytecode:
        for cache in (PROJECT / "quotes").rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
    return times


# A small process runs the command and reports its child's peak memory: a child of this
# process would count this process's own memory (a forked child starts with its parent's
# resident pages, and the peak survives exec), hundreds of MB after the questions above.
_PEAK_OF = (
    "import os, subprocess, sys\n"
    "out = open(sys.argv[1], 'w')\n"
    "child = subprocess.Popen(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(usage.ru_maxrss, os.waitstatus_to_exitcode(status), file=sys.stderr)\n"
)


def _measured(command: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one child process."""
    began = time.perf_counter()
    runner = subprocess.run(
        [sys.executable, "-c", _PEAK_OF, str(stdout or os.devnull), *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - began
    peak, status = runner.stderr.split()[-2:]
    if runner.returncode != 0 or status != "0":
        raise SystemExit(f"{' '.join(command)[:200]} failed")
    return seconds, int(peak) / 1024


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
