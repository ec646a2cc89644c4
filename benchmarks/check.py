"""Time `quotes check` on curated records built for the purpose, and print the figures.

Three records, each in a temporary copy of the project: 1,000 source files (the seed's
curated file under 1,000 names, 22,000 statements; the target is 3 s); one generated source
of 20,000 statements, one a paragraph; and the same with 100 texts that are not in the
source, so that each costs a closest-passage search. Wall time of the whole command, as a
user runs it, and CPU time (its worker processes included), which a busy machine inflates
less; the load average says how busy it was.
Run: .venv/bin/python benchmarks/check.py [--files 1000] [--statements 20000]
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SEED = "russia-falling-out-with-kabul"
TARGET_FILES = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--statements", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = _project(Path(folder))
        sources = data / "sources"
        seed = (sources / f"{SEED}.yaml").read_text(encoding="utf-8")
        for i in range(1, args.files):
            (sources / f"{SEED}-{i:04}.yaml").write_text(seed, encoding="utf-8")
        load = os.getloadavg()[0]
        seconds, cpu = _check(data)
        print(
            f"check, {args.files} source files ({args.files * 22} statements): "
            f"{seconds:.2f} s wall, {cpu:.2f} s CPU (target {TARGET_FILES:.0f} s: "
            f"{'met' if seconds <= TARGET_FILES else 'NOT met'}; load average {load:.2f} "
            f"on {os.cpu_count()} cores before it)"
        )
    for missing in (0, 100):
        with tempfile.TemporaryDirectory() as folder:
            data = _project(Path(folder))
            (data / "sources" / f"{SEED}.yaml").unlink()
            _one_long_source(data, args.statements, missing)
            seconds, cpu = _check(data, expect_problems=missing)
            print(
                f"check, one source of {args.statements} statements, {missing} not in the "
                f"text: {seconds:.2f} s wall, {cpu:.2f} s CPU"
            )


def _project(folder: Path) -> Path:
    shutil.copytree(PROJECT / "data", folder / "data", ignore=shutil.ignore_patterns("*.db*"))
    shutil.copytree(PROJECT / "seeds", folder / "seeds")
    return folder / "data"


def _one_long_source(data: Path, count: int, missing: int) -> None:
    """A text of ``count`` paragraphs, each quoting one remark, and a statement for each; the
    first ``missing`` statements misquote their remark by one word."""
    paragraphs, statements = [], []
    for i in range(count):
        remark = f"talks number {i} must go on without delay, whatever the weather in {i % 97}"
        paragraphs.append(f"On day {i} the minister said that {remark}, officials reported.")
        quoted = remark.replace("must", "should") if i < missing else remark
        statements.append(
            f"  - key: remark-{i}\n    speaker: sergei-lavrov\n    kind: indirect\n"
            f"    text: {quoted}\n"
        )
    (data.parent / "seeds" / "long.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    (data / "sources" / "long.yaml").write_text(
        "source:\n  title: A long record\n  text: seeds/long.txt\nstatements:\n"
        + "".join(statements),
        encoding="utf-8",
    )


def _check(data: Path, expect_problems: int = 0) -> tuple[float, float]:
    """Run `quotes check`; its wall time and its CPU time (the machine may be shared)."""
    command = [sys.executable, "-m", "quotes", "--db", "sqlite://", "check", "--data", str(data)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=data.parent)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    problems = [line for line in result.stderr.splitlines() if "statements[" in line]
    if len(problems) != expect_problems:
        sys.exit(f"expected {expect_problems} problem(s), got:\n{result.stderr[-2000:]}")
    return seconds, cpu


if __name__ == "__main__":
    main()
