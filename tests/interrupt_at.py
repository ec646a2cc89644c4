"""Run the quotes CLI, pausing at a chosen point of a load so a test can kill it there.

    python tests/interrupt_at.py POINT MARKER [quotes arguments...]

When the load reaches POINT, MARKER is created and the process sleeps, inside the load's
transaction, until the test sends its signal. A harness for tests, outside the package.
"""

import signal
import sys
import time
from pathlib import Path


def pause_after(module, name: str, marker: Path, when=lambda *args: True) -> None:
    original = getattr(module, name)

    def paused(*args, **kwargs):
        result = original(*args, **kwargs)
        if when(*args):
            marker.touch()
            time.sleep(600)
        return result

    setattr(module, name, paused)


def main() -> None:
    # Ctrl-C must reach the load even when the test run itself was started in the background
    # (a shell starts `&` jobs with SIGINT ignored, and Python then installs no handler).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    point, marker, *arguments = sys.argv[1:]
    marker = Path(marker)
    import quotes.db
    import quotes.ingest.rows

    if point == "schema":  # the tables exist, nothing loaded yet
        pause_after(quotes.db, "upgrade_connection", marker)
    elif point == "statements":  # statements written, their stances not yet
        pause_after(
            quotes.ingest.rows,
            "bulk_insert",
            marker,
            when=lambda session, model, columns, rows: model.__tablename__ == "statement",
        )
    elif point == "commit":  # everything written, the commit next
        pause_after(quotes.ingest, "load_record", marker)
    else:
        raise SystemExit(f"unknown point {point!r}")
    from quotes.cli import cli

    cli.main(arguments, prog_name="quotes")


if __name__ == "__main__":
    main()
