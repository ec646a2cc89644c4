"""Web benchmark: `quotes serve` over the synthetic database, on loopback, SQLite and PostgreSQL.

For each backend: load N synthetic statements through the real loader (benchmarks/scale.py's
load phase), count the stance matrix once in process, start `quotes serve` as a process of its
own, then time each page one request at a time (median and 95th percentile, after one warm-up
request each) and the statements page under 50 concurrent clients (requests per second,
errors). Figures only: nothing here passes or fails on time.

    .venv/bin/python benchmarks/web.py                           # 1,000,000 statements
    .venv/bin/python benchmarks/web.py --n 100000 --repeat 20    # smaller and quicker
    .venv/bin/python benchmarks/web.py --url sqlite:///big.db    # one already loaded
"""

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from benchmarks.scale import _cpu, _database, _p95  # noqa: E402

TARGETS_MS = {"statements": 50, "statement": 20, "stance matrix": 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="statements to generate")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=30, help="requests per page")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=15, help="length of the load test")
    parser.add_argument("--url", help="an already loaded synthetic database: measure it as is")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {_cpu()}, "
        f"Python {platform.python_version()}; "
        + (f"database {args.url}" if args.url else f"n = {args.n:,} statements")
        + "\n"
    )
    if args.url:
        return _run(args.url.split(":")[0].split("+")[0], args.url, args, load=False)
    for backend in args.backends.split(","):
        with _database(backend) as (url, _client):
            _run(backend, url, args)


def _run(backend: str, url: str, args, load: bool = True) -> None:
    print(f"== {backend} ==")
    if load:
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, str(PROJECT / "benchmarks" / "scale.py"), "--phase", "load"]
            + ["--url", url, "--n", str(args.n)],
            check=True,
            capture_output=True,
        )
        print(f"loaded {args.n:,} statements in {time.perf_counter() - began:.0f} s")
    print(f"stance matrix counted in process: {_matrix_seconds(url) * 1000:.0f} ms")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "quotes", "--db", url, "serve", "--port", str(port)],
        cwd=PROJECT,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port)
        # The server counts the matrix as it starts; the first request waits for that, and
        # nothing else is timed while it runs.
        first, size = _times(port, "/stance-matrix", 1, warm=False)
        name = "stance matrix (first request, from the server's start)"
        print(f"\n{'page (one client)':58} {'median ms':>10} {'p95 ms':>8} {'KB':>6}")
        print(f"{name:58} {first[0]:10.1f} {'':>8} {size / 1024:6.0f}")
        pages = _pages(port, url)
        for name, path in pages.items():
            times, size = _times(port, path, args.repeat, warm=True)
            note = _target(name, statistics.median(times))
            print(
                f"{name:58} {statistics.median(times):10.1f} {_p95(times):8.1f} "
                f"{size / 1024:6.0f}{note}"
            )
        for name in ("statements", "statements, critical of party-00"):
            rate, errors, times = _load(port, pages[name], args.clients, args.seconds)
            print(
                f"\n{args.clients} concurrent clients, {args.seconds:.0f} s, {name}: "
                f"{rate:,.0f} requests/s, {errors} errors; median {statistics.median(times):.0f}"
                f" ms, p95 {_p95(times):.0f} ms"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    print()


def _matrix_seconds(url: str) -> float:
    from sqlmodel import Session

    from quotes.browse import stance_matrix
    from quotes.db import make_engine

    engine = make_engine(url)
    with Session(engine) as session:
        began = time.perf_counter()
        stance_matrix(session)
        seconds = time.perf_counter() - began
    engine.dispose()
    return seconds


def _pages(port: int, url: str) -> dict[str, str]:
    """The URLs to time, with keys taken from the database itself."""
    sample = json.loads(_get(port, "/api/statements?limit=1")[1])[0]
    middle = _middle_cursor(url)
    party = "party-00"

    def statements(**query) -> str:
        return "/statements?" + urlencode(query)

    return {
        "statements": "/statements",
        "statements, critical of party-00": statements(critical_of=party),
        "statements, critical of party-00 in 2019-01..03": statements(
            critical_of=party, since="2019-01", until="2019-03"
        ),
        "statements, a page half way down (keyset)": statements(after=middle),
        "statements, search two words": statements(search="ceasefire sanctions"),
        "statement": "/statements/" + sample["key"],
        "speaker": "/speakers/" + sample["speaker_key"],
        "party": "/parties/" + party,
        "claim": "/claims/claim-00001",
        "source (text not on disk: statements listed)": "/sources/" + sample["source_key"],
        "stance matrix": "/stance-matrix",
        "api, critical of party-00, 100 records": "/api/statements?"
        + urlencode({"critical_of": party, "limit": 100}),
        "CSV download, critical of party-00 in 2019-01": "/statements.csv?"
        + urlencode({"critical_of": party, "since": "2019-01", "until": "2019-01"}),
    }


def _middle_cursor(url: str) -> str:
    from sqlalchemy import text

    from quotes.db import make_engine

    engine = make_engine(url)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM statement")).scalar_one()
        row = connection.execute(
            text(
                "SELECT said_from, said_to, id FROM statement "
                "ORDER BY said_from NULLS FIRST, said_to NULLS FIRST, id LIMIT 1 OFFSET :half"
            ),
            {"half": count // 2},
        ).one()
    engine.dispose()
    return "~".join(str(part or "") for part in row)


def _get(port: int, path: str, connection=None) -> tuple[int, bytes]:
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


def _times(port: int, path: str, repeat: int, *, warm: bool) -> tuple[list[float], int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    if warm:
        _get(port, path, connection)
    times, size = [], 0
    for _ in range(repeat):
        began = time.perf_counter()
        status, body = _get(port, path, connection)
        times.append((time.perf_counter() - began) * 1000)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}: {body[:300]!r}")
        size = len(body)
    connection.close()
    return times, size


def _load(port: int, path: str, clients: int, seconds: float):
    """``clients`` threads, each on a keep-alive connection, asking ``path`` for ``seconds``."""
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.perf_counter() < stop:
            began = time.perf_counter()
            try:
                status, _ = _get(port, path, connection)
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            with lock:
                times.append((time.perf_counter() - began) * 1000)
                errors[0] += status != 200
        connection.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(times) / (time.perf_counter() - began), errors[0], times


def _target(name: str, value: float) -> str:
    target = TARGETS_MS.get(name)
    if target is None:
        return ""
    return f" (target <= {target:,} ms: {'met' if value <= target else 'NOT met'})"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("quotes serve did not start")


if __name__ == "__main__":
    main()
