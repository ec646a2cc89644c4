"""Which revision of the curated files a database says, and since when.

Each `quotes load` that changes something is logged (table ``load``) with its time and, when
``data/`` is in a git repository, the commit it was at and whether its files (and the source
texts) differed from that commit; each source points at the load that last wrote it. Without
git, outside a repository or before the first commit, the revision is unknown (NULL): never
an error, since a curator may keep data/ anywhere.
"""

import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlmodel import Session

from quotes.models import Load, Source

CHUNK = 500  # source keys per UPDATE
GIT_TIMEOUT = 30  # seconds; a slow or stuck git leaves the revision unknown


@dataclass(frozen=True)
class Revision:
    """A git commit (40 hex digits) and whether the files differ from it; None: unknown."""

    commit: str | None = None
    dirty: bool | None = None


def _git(folder: Path, *args: str) -> str | None:
    """What ``git args`` prints in ``folder``, or None where git fails or is missing."""
    try:
        done = subprocess.run(
            ["git", "--no-optional-locks", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def git_revision(folder: Path, texts: list[Path] = ()) -> Revision:
    """The commit of the repository that ``folder`` is in, and whether ``folder`` or the
    ``texts`` (files or folders; those outside the repository are left out) have changes
    not committed, untracked files included."""
    if shutil.which("git") is None or not folder.is_dir():
        return Revision()
    found = _git(folder, "rev-parse", "--show-toplevel", "--verify", "HEAD")
    if found is None or len(found.split()) != 2:
        return Revision()
    top, commit = found.split()
    top_path = Path(top).resolve()
    paths = [folder.resolve()]
    paths += [p.resolve() for p in texts if p.resolve().is_relative_to(top_path)]
    changes = _git(folder, "status", "--porcelain", "--untracked-files=all", "--", *map(str, paths))
    return Revision(commit, None if changes is None else bool(changes.strip()))


def record_load(*, session: Session, report, root: Path) -> Load | None:
    """Log a load that changed something (now, in UTC, and the revision of ``root``) and make
    it the last load of the sources it touched; None when it changed nothing. ``report`` is
    the load's quotes.ingest.LoadReport. Runs in the load's transaction: a failed load logs
    nothing."""
    outcomes = ("added", "updated", "removed")
    if not any(counter[o] for counter in report.counts.values() for o in outcomes):
        return None
    folders = session.execute(select(Source.text_path).distinct()).scalars()
    texts = sorted({(root.parent / path).parent for path in folders})
    revision = git_revision(root, texts)
    load = Load(loaded_at=datetime.now(UTC), git_commit=revision.commit, git_dirty=revision.dirty)
    session.add(load)
    session.flush()
    keys = sorted(report.touched_sources)
    for start in range(0, len(keys), CHUNK):
        session.execute(
            update(Source)
            .where(Source.key.in_(keys[start : start + CHUNK]))
            .values(load_id=load.id)
        )
    return load


def last_load(session: Session) -> Load | None:
    """The latest load that changed something, or None before the first."""
    return session.execute(select(Load).order_by(Load.id.desc()).limit(1)).scalar_one_or_none()


def describe(load: Load) -> str:
    """A load in one line, for people: when, and from which revision of data/."""
    when = load.loaded_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"load {load.id} at {when}, {revision_text(load.git_commit, load.git_dirty)}"


def revision_text(commit: str | None, dirty: bool | None) -> str:
    if commit is None:
        return "data/ not in a git repository (or before its first commit)"
    state = {True: ", with uncommitted changes", False: ""}.get(dirty, ", changes unknown")
    return f"data/ at git commit {commit}{state}"
