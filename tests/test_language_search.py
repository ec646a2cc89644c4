"""Sources in other languages (issue 11): full-text search over the verbatim text and its
English translation, English stemmed and other languages word for word; --language.

The texts are short articles written for these tests (in Russian, French and English), and
their speaker is invented: no real person is given words here.
"""

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from quotes import db
from tests.curation_helpers import write_source
from tests.helpers import copy_project, dump, run

RUSSIAN = (
    "Орлов: Россия не вооружает движение\n\n"
    "Министр иностранных дел России Иван Орлов заявил журналистам в Москве: "
    "«Мы не поставляем оружие талибам». Он добавил, что переговоры продолжатся весной.\n"
)
FRENCH = (
    "Kaboul et ses voisins\n\n"
    "Le ministre a déclaré à la presse : « Les nations voisines refusent toute ingérence "
    "dans les affaires afghanes. »\n"
)
ENGLISH = (
    "Moscow answers\n\n"
    "A spokesman for the ministry denies that any weapons were sent, and says the "
    "neighbouring nations must talk.\n"
)
RU_KEY = "ministry-interview-ru/no-weapons"
FR_KEY = "kabul-neighbours-fr/neighbours-refuse"
EN_KEY = "moscow-answers/spokesman-denies"
TRANSLATION = "We do not supply weapons to the Taliban"
ORLOV = "name: Ivan Orlov\nkind: person\nparty: russia\naliases: [Иван Орлов]\n"


def _project(tmp_path):
    data = copy_project(tmp_path)
    (data / "speakers" / "ivan-orlov.yaml").write_text(ORLOV, encoding="utf-8")
    return data


def _statement(key: str, words: str, extra: str = "") -> str:
    return (
        f"  - key: {key}\n    speaker: ivan-orlov\n    kind: direct\n"
        f"    text: {words}\n    said: 2019-06-01\n{extra}"
    )


@pytest.fixture
def languages_url(blank_url, tmp_path) -> str:
    """The seed and three sources of our own, in Russian (with an English translation),
    French (France) and English, loaded into a blank database of each backend."""
    data = _project(tmp_path)
    write_source(
        data,
        "ministry-interview-ru",
        RUSSIAN,
        _statement(
            "no-weapons",
            "Мы не поставляем оружие талибам",
            f"    translation: {TRANSLATION}\n    claims:\n      russia-armed-taliban: denies\n",
        ),
        meta="  language: ru\n",
    )
    write_source(
        data,
        "kabul-neighbours-fr",
        FRENCH,
        _statement("neighbours-refuse", "Les nations voisines refusent toute ingérence"),
        meta="  language: fr-FR\n",
    )
    write_source(
        data,
        "moscow-answers",
        ENGLISH,
        _statement(
            "spokesman-denies",
            "denies that any weapons were sent, and says the neighbouring nations must talk",
        ),
    )
    loaded = run(blank_url, "load", "--data", str(data))
    assert loaded.exit_code == 0, loaded.output
    return blank_url


def _keys(url: str, *args: str) -> list[str]:
    result = run(url, "list", *args, "--nl")
    assert result.exit_code == 0, result.output
    return [json.loads(line)["key"] for line in result.output.splitlines()]


def test_russian_text_found_by_its_own_words(languages_url):
    assert _keys(languages_url, "--search", "оружие") == [RU_KEY]
    assert _keys(languages_url, "--search", "поставляем талибам") == [RU_KEY]
    # Word for word: the words around the quotation are not the statement's.
    assert _keys(languages_url, "--search", "журналистам") == []


def test_russian_statement_found_by_its_english_translation_stemmed(languages_url):
    # "weapons" is in the translation here and in the English statement's own text.
    assert _keys(languages_url, "--search", "weapons", "--sort", "source") == [RU_KEY, EN_KEY]
    # "supplies" and "supply" share the stem "suppli".
    assert _keys(languages_url, "--search", "supplies taliban") == [RU_KEY]


def test_english_text_found_by_a_stemmed_form(languages_url):
    assert _keys(languages_url, "--search", "denied weapon") == [EN_KEY]


def test_other_languages_are_not_stemmed_as_english(languages_url):
    # The English "nations" is found by "nation"; the French "nations" only as written.
    assert FR_KEY not in _keys(languages_url, "--search", "nation")
    assert EN_KEY in _keys(languages_url, "--search", "nation")
    assert _keys(languages_url, "--search", "nations voisines") == [FR_KEY]
    assert _keys(languages_url, "--search", "refusent") == [FR_KEY]
    assert _keys(languages_url, "--search", "refuse") == []


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["ru"], [RU_KEY]),
        (["fr"], [FR_KEY]),  # the primary subtag finds fr-FR
        (["FR-fr"], [FR_KEY]),  # the whole tag, in any case
        (["fr-CA"], []),
        (["ru", "fr"], [FR_KEY, RU_KEY]),
    ],
)
def test_language_filter(languages_url, languages, expected):
    options = [arg for tag in languages for arg in ("--language", tag)]
    assert _keys(languages_url, *options, "--sort", "source") == expected


def test_language_filter_combines_with_the_others(languages_url):
    assert _keys(languages_url, "--language", "en", "--search", "weapons") == [EN_KEY]
    said = run(languages_url, "said", "orlov", "--language", "ru", "--nl")
    assert [json.loads(line)["key"] for line in said.output.splitlines()] == [RU_KEY]
    exported = run(languages_url, "export", "--language", "fr", "--nl", "--silent")
    assert [json.loads(line)["key"] for line in exported.output.splitlines()] == [FR_KEY]


def _claims(url: str, *args: str) -> dict[str, dict]:
    result = run(url, "claims", *args, "--json")
    assert result.exit_code == 0, result.output
    return {row["key"]: row for row in json.loads(result.output)}


def test_claims_count_the_statements_in_a_language(languages_url):
    russian = _claims(languages_url, "--language", "ru")
    assert list(russian) == ["russia-armed-taliban"]
    counts = {
        k: v for k, v in russian["russia-armed-taliban"].items() if k not in ("text", "topic")
    }
    assert counts == {
        "key": "russia-armed-taliban",
        "asserts": 0,
        "denies": 1,
        "questions": 0,
        "speakers": 1,
        "reports": 1,  # the one Russian statement, its own utterance
        "utterances": 1,
        "first": "2019-06-01",
        "last": "2019-06-01",
    }
    every, english = _claims(languages_url), _claims(languages_url, "--language", "en")
    assert english.keys() <= every.keys()
    assert every["russia-armed-taliban"]["denies"] == english["russia-armed-taliban"]["denies"] + 1


def test_a_language_that_is_no_tag_is_a_usage_error(languages_url):
    result = run(languages_url, "list", "--language", "russian")
    assert result.exit_code == 2
    assert "'russian' is not a BCP 47 language tag" in result.stderr
    assert "Traceback" not in result.output


def test_web_statements_filter_by_language(languages_url, tmp_path):
    from starlette.testclient import TestClient

    from quotes.web.app import create_app

    engine = db.make_engine(languages_url)
    with TestClient(create_app(engine, project=tmp_path)) as client:
        page = client.get("/api/statements", params={"language": "ru"})
        bad = client.get("/api/statements", params={"language": "russian"})
    # The app counts its stance matrix in a thread of its own: let it give its connection
    # back before the engine goes.
    for thread in threading.enumerate():
        if thread.name == "quotes-matrix":
            thread.join(60)
    engine.dispose()
    assert [r["key"] for r in page.json()] == [RU_KEY]
    assert bad.status_code == 400
    assert "'russian' is not a BCP 47 language tag" in bad.json()["error"]


# -- SQLite: the index stays in step, and the peers' tools see translations ---------------


@pytest.fixture
def sqlite_languages(tmp_path) -> str:
    """As languages_url, on SQLite only (a fixture cannot narrow blank_url's backends)."""
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    data = _project(tmp_path)
    write_source(
        data,
        "ministry-interview-ru",
        RUSSIAN,
        _statement(
            "no-weapons", "Мы не поставляем оружие талибам", f"    translation: {TRANSLATION}\n"
        ),
        meta="  language: ru\n",
    )
    assert run(url, "load", "--data", str(data)).exit_code == 0
    return url


def _integrity(path: str) -> None:
    """FTS5's own check that the stemmed index says what the statement table says."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO statement_fts(statement_fts, rank) VALUES ('integrity-check', 1)"
        )
        connection.execute(
            "INSERT INTO statement_fts_words(statement_fts_words) VALUES ('integrity-check')"
        )


def test_sqlite_indexes_follow_edits_of_text_and_translation(sqlite_languages):
    path = sqlite_languages.removeprefix("sqlite:///")
    _integrity(path)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE statement SET translation = 'We send no rifles' WHERE key = 'no-weapons'"
        )
        connection.execute("UPDATE statement SET text = 'поставляем' WHERE key = 'no-weapons'")
    _integrity(path)
    assert _keys(sqlite_languages, "--search", "rifle") == [RU_KEY]
    assert _keys(sqlite_languages, "--search", "weapons") == []
    assert _keys(sqlite_languages, "--search", "оружие") == []
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM statement WHERE key = 'no-weapons'")
    _integrity(path)
    assert _keys(sqlite_languages, "--search", "поставляем") == []


def test_sqlite_utils_search_finds_the_translation(sqlite_languages):
    path = sqlite_languages.removeprefix("sqlite:///")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "sqlite-utils"), "search", path, "statement"]
        + ["weapons", "-c", "key"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"key": "no-weapons"}]


def test_migration_0006_round_trip_keeps_the_rows_and_the_search(sqlite_languages):
    path = sqlite_languages.removeprefix("sqlite:///")
    engine = db.make_engine(sqlite_languages)
    before = dump(engine)
    db.downgrade(engine, "0005")
    with sqlite3.connect(path) as connection:
        triggers = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            )
        ]
        found = connection.execute(
            "SELECT rowid FROM statement_fts WHERE statement_fts MATCH 'оружие'"
        ).fetchall()
    assert triggers == ["statement_fts_delete", "statement_fts_insert", "statement_fts_update"]
    assert len(found) == 1
    db.upgrade(engine)
    assert dump(engine) == before
    engine.dispose()
    _integrity(path)
    assert _keys(sqlite_languages, "--search", "оружие") == [RU_KEY]
    assert _keys(sqlite_languages, "--search", "weapons") == [RU_KEY]


def test_a_russian_statement_is_exported_with_its_words_and_their_translation(languages_url):
    import csv
    import io

    exported = run(languages_url, "export", "--language", "ru", "--silent")
    assert exported.exit_code == 0, exported.output
    [row] = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert row["key"] == RU_KEY
    assert row["text"] == "Мы не поставляем оружие талибам"
    assert row["translation"] == TRANSLATION
    assert row["language"] == "ru"
