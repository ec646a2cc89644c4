"""Fixtures: a fresh database per test, on SQLite and on a real PostgreSQL server."""

import itertools
import signal
from pathlib import Path

import pytest

from quotes import db
from tests.pgserver import PostgresServer

BACKENDS = ["sqlite", "postgresql"]
_databases = itertools.count()


@pytest.fixture(autouse=True)
def _isolated_database(tmp_path, monkeypatch):
    """No test can touch data/quotes.db: the default URL points into the test's own folder."""
    monkeypatch.setenv(db.ENV_VAR, f"sqlite:///{tmp_path / 'default.db'}")


@pytest.fixture
def ctrl_c():
    """Ctrl-C (SIGINT) raises KeyboardInterrupt in this process for the test's duration. A
    shell starts `&` jobs (`nohup pytest &`) with SIGINT ignored, and Python then installs
    no handler: a test that signals itself waited forever."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def blank_url(request, tmp_path: Path) -> str:
    """The URL of a new, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'quotes.db'}"
    server = request.getfixturevalue("pg_server")
    return server.create_database(f"test_{next(_databases)}")


@pytest.fixture
def engine(blank_url):
    """An engine on a blank database migrated to head."""
    engine = db.make_engine(blank_url)
    db.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def seeded_url(request, tmp_path_factory) -> str:
    """A database loaded with the curated seed, shared by a module's read-only tests."""
    from tests.helpers import copy_project, run

    folder = tmp_path_factory.mktemp("seeded")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'quotes.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database(f"seeded_{next(_databases)}")
    result = run(url, "load", "--data", str(copy_project(folder)))
    assert result.exit_code == 0, result.output
    return url


def pytest_terminal_summary(terminalreporter):
    passed = terminalreporter.stats.get("passed", [])
    counts = {name: sum(f"[{name}" in r.nodeid for r in passed) for name in BACKENDS}
    terminalreporter.write_line(
        "database tests passed per backend: "
        + ", ".join(f"{name} {count}" for name, count in counts.items())
    )
