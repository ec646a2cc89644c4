"""CPU time of whole processes, quotes next to its peers, on a database scale.py built.

CPU time (user + system of each process) suffers less than wall time from other jobs on a
shared machine. Each command runs N times, alternated with its peers; the best run counts.
Run: .venv/bin/python benchmarks/cputime.py DB.sqlite [--repeat 7] [--export 100000]
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a SQLite file that benchmarks/scale.py loaded")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--export", type=int, default=0, help="also export this many rows")
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT))
    from benchmarks.scale import _literal
    from quotes.cli.statements import EXPORT_FIELDS, STATEMENT_FIELDS
    from quotes.lookup import find_speaker, resolve_filters
    from quotes.query import Filters
    from quotes.reader import connect

    db = str(args.db.resolve())
    reader = connect(f"sqlite:///{db}")
    speaker = find_speaker(reader, "Amir Khan 100")
    said_sql = _literal(reader, resolve_filters(reader, speakers=(speaker.key,)), STATEMENT_FIELDS)
    quotes = [str(BIN / "python"), "-m", "quotes", "--db", f"sqlite:///{db}"]
    commands = {
        "said": [*quotes, "said", "Amir Khan 100", "--csv"],
        "critical": [*quotes, "list", "--critical-of", "party-00", "--limit", "50"]
        + ["--sort", "-said", "--csv"],
        "--help": [str(BIN / "python"), "-m", "quotes", "--help"],
    }

    def utils(sql: str) -> list[str]:
        return [str(BIN / "sqlite-utils"), "query", db, sql, "--csv"]

    cold = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    _clean()
    without = _best({k: (c, cold) for k, c in commands.items()}, args.repeat)
    subprocess.run(commands["said"], env=warm, stdout=subprocess.DEVNULL)  # compiles
    with_ = _best({k: (c, warm) for k, c in commands.items()}, args.repeat)
    _clean()
    peers = _best(
        {
            "sqlite-utils said": (
                [str(BIN / "sqlite-utils"), "query", db, said_sql, "--csv"],
                None,
            ),
            "sqlite3 said": (["sqlite3", "-csv", db, said_sql], None),
            "python -c pass": ([str(BIN / "python"), "-c", "pass"], None),
            "python -c 'import click'": ([str(BIN / "python"), "-c", "import click"], None),
        },
        args.repeat,
    )
    print("whole process, best CPU ms (wall ms of that run)   no bytecode      bytecode")
    for name in commands:
        print(f"  quotes {name:10} {_ms(without[name]):>22} {_ms(with_[name]):>16}")
    for name, best in peers.items():
        print(f"  {name:27} {_ms(best):>12}")
    if args.export:
        for sort in ("said", "none"):
            sql = _literal(
                reader,
                Filters(sort=sort, limit=args.export),
                EXPORT_FIELDS,
                citation_of_sources=True,
            )
            out = ["--silent", "-o", os.devnull]
            exports = {
                "quotes": (
                    [*quotes, "export", "--sort", sort, "--limit", str(args.export), *out],
                    None,
                ),
                "sqlite-utils": ([str(BIN / "sqlite-utils"), "query", db, sql, "--csv"], None),
                "sqlite3": (["sqlite3", "-csv", db, sql], None),
            }
            for name, (cpu, wall, peak) in _best(exports, 2).items():
                print(
                    f"  export {args.export:,} rows --sort {sort}: {name:12} cpu {cpu:5.1f} s = "
                    f"{args.export / cpu:8,.0f} rows per CPU-second; wall {wall:5.1f} s; "
                    f"peak {peak:.0f} MB"
                )


def _best(commands: dict, repeat: int) -> dict:
    """For each command, its run of least CPU time: (cpu s, wall s, peak MB)."""
    best: dict = {}
    for _ in range(repeat):
        for name, (command, env) in commands.items():
            began = time.perf_counter()
            child = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
            )
            _, _, usage = os.wait4(child.pid, 0)
            run = (
                usage.ru_utime + usage.ru_stime,
                time.perf_counter() - began,
                usage.ru_maxrss / 1024,
            )
            if name not in best or run[0] < best[name][0]:
                best[name] = run
    return best


def _ms(run) -> str:
    return f"{run[0] * 1000:.0f} ({run[1] * 1000:.0f})"


def _clean() -> None:
    """No cached bytecode of quotes' own modules (as with PYTHONDONTWRITEBYTECODE)."""
    for cache in (PROJECT / "quotes").rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
