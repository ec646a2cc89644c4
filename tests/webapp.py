"""A web application over the seed plus one made-up source, on the backend a test asks for."""

import itertools

from starlette.testclient import TestClient

from quotes.web.app import create_app
from quotes.web.database import read_only_engine
from tests.helpers import copy_project, run

_databases = itertools.count()


def app_with_source(request, tmp_path_factory, *, key: str, text: str, yaml: str, edit=None):
    """Yields a test client (and its app as ``.app``) over the seed plus source ``key``
    (``text`` in seeds/, ``yaml`` its curated file); ``edit(data)`` may change data/ more."""
    folder = tmp_path_factory.mktemp(key)
    data = copy_project(folder)
    (folder / "seeds" / f"{key}.txt").write_text(text, encoding="utf-8")
    (data / "sources" / f"{key}.yaml").write_text(yaml, encoding="utf-8")
    if edit:
        edit(data)
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'quotes.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        url = server.create_database(f"{key}_{next(_databases)}")
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output
    engine = read_only_engine(url)
    yield TestClient(create_app(engine, project=folder))
    engine.dispose()
