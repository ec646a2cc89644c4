"""Loading the curated record: idempotent, precise updates and removals, on both backends."""

from sqlalchemy import select
from sqlmodel import Session

from quotes import db
from quotes.curation.record import read_record
from quotes.ingest import load_record
from quotes.models import ClaimPosition, Party, Source, Speaker, Stance, Statement
from tests.helpers import SEED, copy_project, dump, edit


def _load(engine, data, *paths):
    with Session(engine) as session:
        report = load_record(
            session=session, record=read_record(root=data, paths=paths), prune_sources=not paths
        )
        session.commit()
    return {kind: dict(counter) for kind, counter in report.counts.items()}


def test_loading_twice_changes_nothing(engine, tmp_path):
    data = copy_project(tmp_path)
    first = _load(engine, data)
    assert first["statements"]["added"] == 22
    before = dump(engine)
    second = _load(engine, data)
    assert second["statements"] == {"unchanged": 22}
    assert all(set(c) == {"unchanged"} for c in second.values())
    assert dump(engine) == before


def test_editing_one_statement_updates_one_row(engine, tmp_path):
    data = copy_project(tmp_path)
    _load(engine, data)
    edit(
        data / "sources" / f"{SEED}.yaml",
        "      afghan-opposition: critical\n    claims:\n      talks-without-kabul",
        "      afghan-opposition: mixed\n    claims:\n      talks-without-kabul",
    )
    report = _load(engine, data)
    assert report["statements"] == {"updated": 1, "unchanged": 21}
    with Session(engine) as session:
        polarity = session.execute(
            select(Stance.polarity)
            .join(Statement, Stance.statement_id == Statement.id)
            .join(Party, Stance.party_id == Party.id)
            .where(
                Statement.key == "kakar-warns-complicate-peace", Party.key == "afghan-opposition"
            )
        ).scalar_one()
    assert polarity == "mixed"


def test_removing_a_statement_from_its_file_removes_it(engine, tmp_path):
    data = copy_project(tmp_path)
    _load(engine, data)
    path = data / "sources" / f"{SEED}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - key: observers-skeptical-of-russian-claims")
    end = text.index("  - key: us-alleges-arms-transfers")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    report = _load(engine, data)
    assert report["statements"] == {"removed": 1, "unchanged": 21}
    with Session(engine) as session:
        keys = session.execute(select(Statement.key)).scalars().all()
        positions = session.execute(select(ClaimPosition)).all()
    assert "observers-skeptical-of-russian-claims" not in keys
    assert len(keys) == 21
    assert len(positions) == 11


def test_a_source_whose_file_is_gone_is_removed_by_a_full_load(engine, tmp_path):
    data = copy_project(tmp_path)
    _load(engine, data)
    (data / "sources" / f"{SEED}.yaml").unlink()
    report = _load(engine, data)
    assert report["sources"] == {"removed": 1}
    # Its 22 statements went with it, and the load says so (it said "0 removed").
    assert report["statements"] == {"removed": 22}
    with Session(engine) as session:
        assert session.execute(select(Source)).all() == []
        assert session.execute(select(Statement)).all() == []
        # The 13 registry speakers stay (data/speakers/ has 13 files); the source's own
        # unnamed speaker went with it.
        assert len(session.execute(select(Speaker)).all()) == 13


def test_load_command_migrates_a_new_database(blank_url, tmp_path):
    from tests.helpers import run

    data = copy_project(tmp_path)
    result = run(blank_url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert "statements: 22 added, 0 updated, 0 removed, 0 unchanged" in result.stderr
    engine = db.make_engine(blank_url)
    assert db.current_revision(engine) == db.head_revision()
    again = run(blank_url, "load", "--data", str(data))
    assert "statements: 0 added, 0 updated, 0 removed, 22 unchanged" in again.stderr
    engine.dispose()
