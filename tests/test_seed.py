"""Spot checks of the curated seed article, written from reading the article itself."""

from datetime import date

import pytest
from sqlalchemy import select
from sqlmodel import Session

from quotes.models import Party, Source, Speaker, Stance, Statement
from tests.helpers import PROJECT, copy_project, run

TEXT = (PROJECT / "seeds" / "russia-falling-out-with-kabul.txt").read_text(encoding="utf-8")


@pytest.fixture
def loaded(engine, tmp_path):
    data = copy_project(tmp_path)
    assert (
        run(
            str(engine.url.render_as_string(hide_password=False)), "load", "--data", str(data)
        ).exit_code
        == 0
    )
    with Session(engine) as session:
        yield session


def _statement(session, key) -> Statement:
    return session.execute(select(Statement).where(Statement.key == key)).scalar_one()


def test_seed_text_is_the_shared_article_byte_for_byte():
    shared = PROJECT.parent / "shared" / "seeds" / "000_3dc2c840ccc121e4.txt"
    assert (
        PROJECT / "seeds" / "russia-falling-out-with-kabul.txt"
    ).read_bytes() == shared.read_bytes()


def test_saleh_direct_quote_is_anchored_at_its_offsets(loaded):
    quote = _statement(loaded, "saleh-stunning-experience")
    # Offsets counted by hand: `grep -bo` gives byte 3884, and the 3884 bytes before it
    # hold 3824 characters (`head -c 3884 | wc -m`): curly quotes take three bytes each.
    assert (quote.start, quote.end) == (3824, 3882)
    assert quote.kind == "direct"
    assert TEXT[quote.start - 1] == "“" and TEXT[quote.end : quote.end + 2] == ",”"
    assert quote.prefix.endswith("by sarcastically stating that “")
    assert quote.suffix.startswith(",” and alleging that Afghan")


def test_afghan_officials_of_december_2016_are_critical_of_russia(loaded):
    rows = loaded.execute(
        select(Statement.key, Statement.said_from, Party.key, Stance.polarity)
        .select_from(Statement)
        .join(Speaker, Statement.speaker_id == Speaker.id)
        .join(Stance, Stance.statement_id == Statement.id)
        .join(Party, Stance.party_id == Party.id)
        .where(
            Speaker.key == "afghan-officials", Statement.said == "2016-12-26", Party.key == "russia"
        )
    ).all()
    assert sorted(r[0] for r in rows) == [
        "afghan-officials-illegitimate-and-dubious",
        "afghan-officials-warn-against-meddling",
    ]
    assert all(r[1] == date(2016, 12, 26) and r[3] == "critical" for r in rows)


def test_every_statement_text_is_verbatim_at_its_offsets(loaded):
    statements = loaded.execute(select(Statement)).scalars().all()
    assert len(statements) == 22
    for s in statements:
        assert TEXT[s.start : s.end] == s.text


def test_source_records_what_the_text_supports(loaded):
    source = loaded.execute(select(Source)).scalar_one()
    assert source.publication is None
    assert source.author == "Samuel Ramani"
    assert (source.published_from, source.published_to) == (date(2019, 5, 27), date(2019, 9, 27))
