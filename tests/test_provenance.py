"""Provenance (issue 11): `quotes load` logs when it changed something and from which git
commit of data/; `quotes sources` and `quotes db current` say so."""

import json
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quotes import db
from tests.curation_helpers import write_source
from tests.helpers import copy_project, edit, run

TEXT = "Talks\n\nThe government said the talks will resume in spring.\n"
STATEMENT = "  - key: talks-resume\n    speaker: russian-government\n    kind: indirect\n"
STATEMENT += "    text: the talks will resume in spring\n"
META = "  language: ru-RU\n  curated_by: Jane Analyst\n  reviewed: 2026-11-20\n"
SEED = "russia-falling-out-with-kabul"
LINE = re.compile(r"last load (\d+) at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC, (.*)")


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
        + list(args),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def _project(tmp_path: Path) -> Path:
    """The seed and one source of our own (curated, reviewed, in Russian as spoken in
    Russia), in a folder of their own; returns the data folder."""
    data = copy_project(tmp_path / "project")
    write_source(data, "talks", TEXT, STATEMENT, meta=META)
    return data


def _sources(url: str) -> dict[str, dict]:
    result = run(url, "sources", "--json")
    assert result.exit_code == 0, result.output
    return {row["key"]: row for row in json.loads(result.output)}


def _last_load(url: str) -> tuple[int, datetime, str]:
    result = run(url, "db", "current")
    assert result.exit_code == 0, result.output
    head, last = result.stdout.splitlines()
    assert head.endswith("(head)")
    number, when, revision = LINE.fullmatch(last).groups()
    return int(number), datetime.strptime(when, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC), revision


def _within(moment: str | datetime, began: datetime, ended: datetime) -> bool:
    """Whether ``moment`` (ISO text to the microsecond, or db current's whole seconds) falls
    between the clock readings taken before and after a load."""
    if isinstance(moment, str):
        return began <= datetime.fromisoformat(moment) <= ended
    return began.replace(microsecond=0) <= moment <= ended


def test_a_load_inside_a_git_repository_records_its_commit(blank_url, tmp_path):
    data = _project(tmp_path)
    project = data.parent
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "curated")
    commit = _git(project, "rev-parse", "HEAD")

    began = datetime.now(UTC)
    loaded = run(blank_url, "load", "--data", str(data))
    ended = datetime.now(UTC)
    assert loaded.exit_code == 0, loaded.output
    assert "recorded as load 1 at " in loaded.stderr
    assert loaded.stderr.rstrip().endswith(f"data/ at git commit {commit}")

    number, when, revision = _last_load(blank_url)
    assert (number, revision) == (1, f"data/ at git commit {commit}")
    assert _within(when, began, ended)
    rows = _sources(blank_url)
    talks = rows["talks"]
    assert talks["language"] == "ru-RU"
    assert (talks["curated_by"], talks["reviewed"]) == ("Jane Analyst", "2026-11-20")
    assert (talks["git_commit"], talks["git_dirty"]) == (commit, False)
    assert _within(talks["loaded_at"], began, ended)
    assert rows[SEED]["language"] == "en"
    # As the seed's file says (data/sources/russia-falling-out-with-kabul.yaml).
    assert rows[SEED]["curated_by"].startswith("quotes founding engineers")
    assert rows[SEED]["reviewed"] == "2026-11-24"
    table = run(blank_url, "sources").output
    assert "Jane Analyst," in table and "ru-RU" in table
    # The LOADED cell: the day, then the abbreviated commit (wrapped onto a second line).
    assert f"{began:%Y-%m-%d}" in table and commit[:7] in table and "-dirty" not in table

    # Unchanged files: nothing written, nothing logged.
    again = run(blank_url, "load", "--data", str(data))
    assert again.exit_code == 0 and "recorded as" not in again.stderr
    assert _last_load(blank_url)[0] == 1

    # One source edited and not committed: a second load, dirty, that only it points at.
    edit(data / "sources" / "talks.yaml", "title: talks", "title: Talks resume")
    began = datetime.now(UTC)
    changed = run(blank_url, "load", "--data", str(data))
    ended = datetime.now(UTC)
    assert changed.exit_code == 0, changed.output
    number, when, revision = _last_load(blank_url)
    assert (number, revision) == (2, f"data/ at git commit {commit}, with uncommitted changes")
    assert _within(when, began, ended)
    rows = _sources(blank_url)
    assert (rows["talks"]["git_commit"], rows["talks"]["git_dirty"]) == (commit, True)
    assert (rows[SEED]["git_commit"], rows[SEED]["git_dirty"]) == (commit, False)
    assert _within(rows["talks"]["loaded_at"], began, ended)
    assert datetime.fromisoformat(rows[SEED]["loaded_at"]) < began
    assert f"{commit[:7]}-dirty" in run(blank_url, "sources").output


def test_a_changed_source_text_not_committed_is_dirty_too(tmp_path):
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    data = _project(tmp_path)
    project = data.parent
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "curated")
    (project / "seeds" / "talks.txt").write_text(TEXT + "\nA new paragraph.\n", encoding="utf-8")
    assert run(url, "load", "--data", str(data)).exit_code == 0
    assert _last_load(url)[2].endswith(", with uncommitted changes")


def test_a_load_outside_a_repository_records_no_commit(blank_url, tmp_path, monkeypatch):
    # git looks no higher than the test's folder, wherever the machine keeps it.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    data = _project(tmp_path)
    began = datetime.now(UTC)
    loaded = run(blank_url, "load", "--data", str(data))
    ended = datetime.now(UTC)
    assert loaded.exit_code == 0, loaded.output
    number, when, revision = _last_load(blank_url)
    assert (number, revision) == (1, "data/ not in a git repository (or before its first commit)")
    assert _within(when, began, ended)
    talks = _sources(blank_url)["talks"]
    assert (talks["git_commit"], talks["git_dirty"]) == (None, None)
    assert _within(talks["loaded_at"], began, ended)


def test_without_git_the_revision_is_unknown_not_an_error(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    data = _project(tmp_path)
    _git(data.parent, "init", "-q")
    _git(data.parent, "add", "-A")
    _git(data.parent, "commit", "-q", "-m", "curated")
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    loaded = run(url, "load", "--data", str(data))
    assert loaded.exit_code == 0, loaded.output
    assert _sources(url)["talks"]["git_commit"] is None


def test_db_current_before_any_load(tmp_path):
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    assert run(url, "db", "upgrade").exit_code == 0
    assert run(url, "db", "current").output == f"{db.head_revision()} (head)\n"


@pytest.mark.parametrize("git", ["repository", "none"])
def test_a_failed_load_logs_nothing(tmp_path, git, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    data = _project(tmp_path)
    if git == "repository":
        _git(data.parent, "init", "-q")
    assert run(url, "load", "--data", str(data)).exit_code == 0
    edit(data / "sources" / "talks.yaml", "speaker: russian-government", "speaker: nobody-known")
    assert run(url, "load", "--data", str(data)).exit_code == 1
    assert _last_load(url)[0] == 1
