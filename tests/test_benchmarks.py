"""Smoke runs of the benchmark scripts: they must run to the end and print their figures.

Nothing here looks at a timing: figures are for people to read, not for tests to judge.
"""

import subprocess
import sys

from tests.helpers import PROJECT


def _run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=PROJECT, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_scale_benchmark_runs_on_both_backends_at_small_n():
    out = _run("benchmarks/scale.py", "--n", "20000", "--repeat", "1")
    for backend in ("sqlite", "postgresql"):
        assert f"== {backend} ==" in out
    assert out.count("load: 20,000 statements in") == 2
    # Every peer returned the same rows as quotes, cell by cell: 4 questions in process on
    # each backend, 4 whole processes against sqlite-utils, the ordered export.
    assert out.count("  yes") == 8 + 4
    assert "NO (" not in out
    assert out.count("rows: 20,000 (all)") == 4  # two exports (date order, none) per backend
    assert out.count("same cells as sqlite-utils: yes") == 1
    assert out.count("quotes --help") == 2
    assert "query plans (ours)" in out


def test_extraction_benchmark_runs():
    out = _run("benchmarks/extraction.py")
    assert "PolNeAR dev: 84 articles" in out
    assert "content  overlap" in out
    assert "seed article: " in out and "throughput: " in out


def test_load_benchmark_runs_on_both_backends():
    out = _run("benchmarks/load.py", "--n", "2000", "--repeat", "1")
    for backend in ("sqlite", "postgresql"):
        assert f"{backend} (this): median" in out
    assert "server CPU" in out  # PostgreSQL's own process, read from /proc
    files = _run("benchmarks/load.py", "--files", "3", "--repeat", "1", "--backends", "sqlite")
    assert "3 source files, 66 statements" in files
    assert "quotes check" in files and "quotes load" in files
