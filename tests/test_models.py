"""Each constraint rejects what it exists to reject, on every backend."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from quotes.models import Party, PartyKind, Source, Speaker, SpeakerKind, Statement, StatementKind


def _statement(**overrides) -> Statement:
    fields = {
        "source_id": 1,
        "key": "s1",
        "speaker_id": 1,
        "kind": StatementKind.direct,
        "text": "words",
        "start": 0,
        "end": 5,
        "prefix": "",
        "suffix": "",
    }
    return Statement(**{**fields, **overrides})


@pytest.fixture
def session(engine):
    with Session(engine) as session:
        session.add(
            Party(id=1, key="russia", name="Government of Russia", kind=PartyKind.government)
        )
        session.add(Speaker(id=1, key="lavrov", name="Sergei Lavrov", kind=SpeakerKind.person))
        session.add(
            Source(id=1, key="src", title="A title", text_path="seeds/a.txt", sha256="0" * 64)
        )
        session.commit()
        yield session


def test_duplicate_speaker_key_is_rejected(session):
    session.add(Speaker(key="lavrov", name="Another", kind=SpeakerKind.person))
    with pytest.raises(IntegrityError):
        session.commit()


def test_duplicate_statement_key_within_a_source_is_rejected(session):
    session.add(_statement(key="s1"))
    session.add(_statement(key="s1"))
    with pytest.raises(IntegrityError):
        session.commit()


def test_statement_with_unknown_speaker_is_rejected(session):
    session.add(_statement(speaker_id=99))
    with pytest.raises(IntegrityError):
        session.commit()


def test_stance_with_unknown_polarity_is_rejected(session):
    session.add(_statement(id=1))
    session.commit()
    with pytest.raises(IntegrityError):
        session.execute(
            text("INSERT INTO stance (statement_id, party_id, polarity) VALUES (1, 1, 'hostile')")
        )


def test_statement_with_unknown_kind_is_rejected(session):
    with pytest.raises(IntegrityError):
        session.execute(
            text(
                'INSERT INTO statement (source_id, key, speaker_id, kind, text, start, "end",'
                " prefix, suffix) VALUES (1, 'x', 1, 'rumour', 't', 0, 1, '', '')"
            )
        )


def test_a_valid_stance_is_accepted(session):
    session.add(_statement(id=1))
    session.commit()
    session.execute(
        text("INSERT INTO stance (statement_id, party_id, polarity) VALUES (1, 1, 'critical')")
    )
    assert session.execute(text("SELECT polarity FROM stance")).scalar_one() == "critical"
