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
    assert out.count("claims --disputed") >= 2
    assert out.count("20,000 rows:") == 2
    assert "quotes --help" in out
    assert "query plans (ours)" in out


def test_extraction_benchmark_runs():
    out = _run("benchmarks/extraction.py")
    assert "PolNeAR dev: 84 articles" in out
    assert "content  overlap" in out
    assert "seed article: " in out and "throughput: " in out
