"""Time `quotes load` alone: N synthetic statements into a new database, statements per second.

Each run is a child process that builds the synthetic record first (benchmarks/synthetic.py:
sources in memory, anchored, never written as YAML, so neither generating nor reading files
is counted), then loads it into a new database in one transaction and commits. It prints the
wall seconds, the loader's CPU seconds (the child's user + system), on PostgreSQL the CPU
seconds of the server process that served the load (from /proc), and the load average. With
``--against DIR`` every run of this code is followed by one of the code in DIR (a worktree
of an older commit, put first on PYTHONPATH), so both see the same minutes of a shared
machine.

    .venv/bin/python benchmarks/load.py --n 50000 --repeat 3
    .venv/bin/python benchmarks/load.py --backends sqlite --against /tmp/old --repeat 5
    .venv/bin/python benchmarks/load.py --backends sqlite --repeat 1 --profile load.prof
    .venv/bin/python benchmarks/load.py --repeat 1 --phases   # the seconds of each SQL statement
    .venv/bin/python benchmarks/load.py --files 2273 --repeat 1     # from YAML files, as users do
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TARGETS = {"sqlite": 25_000, "postgresql": 15_000}
QUOTES = [sys.executable, "-m", "quotes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="statements to load")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=3, help="runs per backend (and code)")
    parser.add_argument("--against", type=Path, help="a checkout of other code to alternate with")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the load (one run)")
    parser.add_argument(
        "--phases",
        action="store_true",
        help="print where each run's time went: every kind of SQL statement the loader sent "
        "(wall, the loader's CPU, the server's CPU), the Python around them, the commit",
    )
    parser.add_argument(
        "--files",
        type=int,
        help="instead: `quotes check` and `quotes load` as processes on this many copies of "
        "the seed's source file (22 statements each), to see what reading the YAML costs",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="time a second load of the same record instead (nothing changes: every row read "
        "back and compared, as when a user loads again after editing one file)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)  # internal: the URL to load into
    args = parser.parse_args()
    if args.child:
        return _child(args.child, args.n, args.profile, args.again, args.phases)
    sys.path.insert(0, str(PROJECT))
    from benchmarks.scale import _database

    if args.files:
        return _files(args)
    codes = {"this": None, **({"against": args.against.resolve()} if args.against else {})}
    print(f"n = {args.n:,} statements; load average {_load_average()}")
    for backend in args.backends.split(","):
        runs: dict[str, list[dict]] = {name: [] for name in codes}
        for number in range(args.repeat):
            for name, code in codes.items():
                with _database(backend) as (url, _client):
                    run = _run(url, args, code)
                runs[name].append(run)
                server = f" + {run['server']:.2f} s server CPU" if run["server"] else ""
                print(
                    f"  {backend} {name} run {number + 1}: {run['seconds']:.2f} s wall, "
                    f"{run['cpu']:.2f} s CPU{server}, {args.n / run['seconds']:,.0f} "
                    f"statements/s; load average {run['load']}",
                    flush=True,
                )
                if args.phases:
                    _print_phases(run)
        for name, measured in runs.items():
            wall = statistics.median(r["seconds"] for r in measured)
            cpu = statistics.median(r["cpu"] + r["server"] for r in measured)
            met = "met" if args.n / wall >= TARGETS[backend] else "NOT met"
            both = " (the server's too)" if backend == "postgresql" else ""
            print(
                f"{backend} ({name}): median {wall:.2f} s wall, {cpu:.2f} s CPU{both}: "
                f"{args.n / wall:,.0f} statements/s ({args.n / cpu:,.0f} per CPU second; "
                f"target >= {TARGETS[backend]:,}/s: {met})"
            )
    print(f"load average {_load_average()}")


def _files(args) -> None:
    """`quotes check`, then `quotes load`, of FILES source files, as a user runs them."""
    from benchmarks.check import SEED, _project
    from benchmarks.scale import _database

    with tempfile.TemporaryDirectory() as folder:
        data = _project(Path(folder))
        seed = (data / "sources" / f"{SEED}.yaml").read_text(encoding="utf-8")
        for i in range(1, args.files):
            (data / "sources" / f"{SEED}-{i:05}.yaml").write_text(seed, encoding="utf-8")
        n = args.files * 22
        print(f"{args.files:,} source files, {n:,} statements; load average {_load_average()}")
        for backend in args.backends.split(","):
            for number in range(args.repeat):
                with _database(backend) as (url, _client):
                    for command in ("check", "load"):
                        wall, cpu = _process([*QUOTES, "--db", url, command, "--data", str(data)])
                        print(
                            f"  {backend} run {number + 1}: quotes {command} {wall:.2f} s wall, "
                            f"{cpu:.2f} s CPU, {n / wall:,.0f} statements/s; "
                            f"load average {_load_average()}",
                            flush=True,
                        )


def _process(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of a command run to the end, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _run(url: str, args, code: Path | None) -> dict:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    command = [sys.executable, __file__, "--child", url, "--n", str(args.n)]
    if args.again:
        command.append("--again")
    if args.profile:
        command += ["--profile", str(args.profile)]
    if args.phases:
        command.append("--phases")
    child = subprocess.run(command, capture_output=True, text=True, env=env)
    if child.returncode:
        raise SystemExit(child.stderr[-3000:])
    return json.loads(child.stdout.splitlines()[-1]) | {"load": _load_average()}


def _child(url: str, n: int, profile: Path | None, again: bool, phases: bool) -> None:
    """Load N synthetic statements into ``url`` (``again``: a second time); print the seconds,
    wall and CPU (``phases``: and each kind of SQL statement's), as JSON."""
    sys.path.append(str(PROJECT))  # benchmarks.synthetic; quotes comes from PYTHONPATH first
    from sqlmodel import Session

    from benchmarks.synthetic import Synthetic
    from quotes import db
    from quotes.curation.record import Record
    from quotes.ingest import load_record

    engine = db.make_engine(url, writer=True)
    db.upgrade(engine)
    made = Synthetic(n).record()
    record = Record(made.parties, made.speakers, made.claims, list(made.sources))

    server = [0.0]
    timed: dict[str, list[float]] = {}
    serving: dict[str, int | None] = {}

    def load() -> None:
        with Session(engine) as session:
            backend = serving["pid"] = _backend_pid(session)
            before = _cpu_of(backend)
            load_record(session=session, record=record, prune_sources=True)
            began = _clocks(backend)
            session.commit()
            if phases:
                timed["COMMIT"] = [1, *_since(began, backend)]
            server[0] = _cpu_of(backend) - before

    if again:
        load()
    if phases:
        _time_statements(engine, serving, timed)
    wall, cpu = time.perf_counter(), time.process_time()
    if profile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
        profiler.runcall(load)
        profiler.dump_stats(profile)
    else:
        load()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    code = str(Path(db.__file__).parent)
    measured = {"seconds": wall, "cpu": cpu, "server": server[0], "code": code}
    print(json.dumps(measured | ({"phases": timed} if phases else {})))


def _time_statements(engine, serving: dict, timed: dict[str, list[float]]) -> None:
    """Add to ``timed`` each SQL statement's count, wall, CPU and server CPU seconds, by its
    first words (the table it writes or reads); ``serving["pid"]``: the server process."""
    from sqlalchemy import event

    @event.listens_for(engine, "before_cursor_execute")
    def _before(connection, cursor, statement, parameters, context, executemany):
        connection.info["clocks"] = _clocks(serving.get("pid"))

    @event.listens_for(engine, "after_cursor_execute")
    def _after(connection, cursor, statement, parameters, context, executemany):
        spent = _since(connection.info.pop("clocks"), serving.get("pid"))
        words = " ".join(statement.replace("(", " ").split()[:3])
        totals = timed.setdefault(words, [0, 0.0, 0.0, 0.0])
        totals[0] += 1
        for at, seconds in enumerate(spent, 1):
            totals[at] += seconds


def _clocks(backend: int | None) -> tuple[float, float, float]:
    """Wall seconds, this process's CPU seconds and the server process's (0 on SQLite)."""
    return time.perf_counter(), time.process_time(), _cpu_of(backend)


def _since(began: tuple, backend: int | None) -> list[float]:
    return [now - then for then, now in zip(began, _clocks(backend), strict=True)]


def _print_phases(run: dict) -> None:
    """The run's SQL statements, most costly first, and what is left for Python (and COPY,
    which the driver sends outside SQLAlchemy's cursor events)."""
    phases = run["phases"]
    print(f"    {'seconds: wall':>17} {'CPU':>6} {'server':>7}  count  statement")
    for words, (count, wall, cpu, server) in sorted(phases.items(), key=lambda p: -p[1][1])[:14]:
        print(f"    {wall:17.3f} {cpu:6.3f} {server:7.3f} {count:6}  {words}")
    wall = run["seconds"] - sum(p[1] for p in phases.values())
    cpu = run["cpu"] - sum(p[2] for p in phases.values())
    print(f"    {wall:17.3f} {cpu:6.3f} {'':7}         the rest: Python (and COPY on PostgreSQL)")


def _backend_pid(session) -> int | None:
    """The PostgreSQL server process serving this session (None on SQLite)."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return None
    return connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()


def _cpu_of(pid: int | None) -> float:
    """User + system CPU seconds of a process of this machine so far (0 for None)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
