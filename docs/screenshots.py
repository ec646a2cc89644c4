"""Take the README's screenshots: load the curated seed into a scratch database, serve it,
and photograph the main pages in headless Chromium (tests/browser.py).

    .venv/bin/python docs/screenshots.py
"""

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PROJECT = DOCS.parent
sys.path.insert(0, str(PROJECT))

SEED = "russia-falling-out-with-kabul"
PAGES = {
    "statements": ("/statements?critical_of=moscow", 1300, 1100),
    "statement": (f"/statements/{SEED}/afghan-officials-illegitimate-and-dubious", 1300, 850),
    "speaker": ("/speakers/amrullah-saleh", 1300, 1000),
    "claim": ("/claims/moscow-talks-government-backed", 1300, 800),
    "source": (f"/sources/{SEED}", 1300, 1100),
    "stance-matrix": ("/stance-matrix", 1300, 1500),
}


def main() -> None:
    from click.testing import CliRunner

    from quotes.cli import cli
    from quotes.web.app import create_app
    from quotes.web.database import read_only_engine
    from tests.browser import chromium, live_server

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/quotes.db"
        result = CliRunner().invoke(cli, ["--db", url, "load", "--data", str(PROJECT / "data")])
        assert result.exit_code == 0, result.output
        engine = read_only_engine(url)
        with live_server(create_app(engine, project=PROJECT)) as base:
            for name, (path, width, height) in PAGES.items():
                with chromium(width=width, height=height) as browser:
                    browser.get(base + path)
                    browser.save_screenshot(str(DOCS / f"{name}.png"))
                print(f"docs/{name}.png: {path}")
        engine.dispose()


if __name__ == "__main__":
    main()
