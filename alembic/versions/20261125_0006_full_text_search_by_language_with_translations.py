"""full-text search by language, over text and translation

Search finds an English statement by the stems of its words, a statement in another language
by its own words (never stemmed as English), and any statement by the stems of its English
translation. The indexes hold every row whatever its language (so a source whose language
changes needs no reindexing, and a rebuild from the rows is always right); the query picks,
by the source's language, which index answers for a row (quotes.query._search).

SQLite: ``statement_fts`` is declared again over ``text`` and ``translation``, still
``content="statement"`` with the Porter stemmer, so that `sqlite-utils search` and Datasette
(which find it by that declaration) search translations too; ``statement_fts_words`` is a
contentless FTS5 table of the same text without the stemmer (contentless: no peer tool takes
it for the statement table's index). Triggers keep both in step; the loader drops the two
insert triggers for a bulk load and indexes new rows itself (quotes.ingest). A later
migration that makes batch mode rebuild the ``statement`` table must create the triggers
again (``SQLITE_FTS_TRIGGERS``).

PostgreSQL: the English expression index stays as it is; ``statement_fts_words`` indexes the
text under the 'simple' configuration (lower-cased words, no stemming, no stop words) and
``statement_fts_translation`` the translations under 'english'. quotes.query repeats these
expressions exactly, so that the planner uses the indexes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 15:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# What `quotes db downgrade` warns of before going below this revision (None: nothing).
DOWNGRADE_LOSES = None  # indexes only: the older one is rebuilt from the rows

STEMMED = "tokenize='porter unicode61 remove_diacritics 2'"
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE statement_fts USING fts5(text, translation, "
    f"content=\"statement\", content_rowid='id', {STEMMED})",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE statement_fts_words USING fts5(text, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO statement_fts_words(rowid, text) SELECT id, text FROM statement",
]
_ADD = (
    "INSERT INTO statement_fts(rowid, text, translation) "
    "VALUES (new.id, new.text, new.translation); "
)
_ADD_WORDS = "INSERT INTO statement_fts_words(rowid, text) VALUES (new.id, new.text); "
_REMOVE = (
    "INSERT INTO statement_fts(statement_fts, rowid, text, translation) "
    "VALUES ('delete', old.id, old.text, old.translation); "
    "INSERT INTO statement_fts_words(statement_fts_words, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
)
SQLITE_FTS_TRIGGERS = {
    "statement_fts_insert": f"AFTER INSERT ON statement BEGIN {_ADD}END",
    "statement_fts_words_insert": f"AFTER INSERT ON statement BEGIN {_ADD_WORDS}END",
    "statement_fts_delete": f"AFTER DELETE ON statement BEGIN {_REMOVE}END",
    "statement_fts_update": (
        f"AFTER UPDATE OF text, translation ON statement BEGIN {_REMOVE}{_ADD}{_ADD_WORDS}END"
    ),
}
# Curly quotation marks become spaces first, as in migration 0002.
_TEXT = "translate(text, '“”‘’«»„', '       ')"
POSTGRESQL_FTS = [
    "CREATE INDEX statement_fts_words ON statement USING gin "
    f"(to_tsvector('simple'::regconfig, {_TEXT}))",
    "CREATE INDEX statement_fts_translation ON statement USING gin "
    "(to_tsvector('english'::regconfig, translate(translation, '“”‘’«»„', '       '))) "
    "WHERE translation IS NOT NULL",
]

# As migrations 0004 and 0005 left them.
SQLITE_FTS_BEFORE = [
    'CREATE VIRTUAL TABLE statement_fts USING fts5(text, content="statement", '
    f"content_rowid='id', {STEMMED})",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
    "CREATE TRIGGER statement_fts_insert AFTER INSERT ON statement BEGIN "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "END",
    "CREATE TRIGGER statement_fts_update AFTER UPDATE OF text ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
]


def create_sqlite_fts_triggers() -> None:
    """The triggers that keep both SQLite indexes in step with the statement table."""
    for name, body in SQLITE_FTS_TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def _drop_sqlite_fts() -> None:
    for name in SQLITE_FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS statement_fts_words")
    op.execute("DROP TABLE statement_fts")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _drop_sqlite_fts()
        for sql in SQLITE_FTS:
            op.execute(sql)
        create_sqlite_fts_triggers()
    elif dialect == "postgresql":
        for sql in POSTGRESQL_FTS:
            op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _drop_sqlite_fts()
        for sql in SQLITE_FTS_BEFORE:
            op.execute(sql)
    elif dialect == "postgresql":
        op.execute("DROP INDEX statement_fts_translation")
        op.execute("DROP INDEX statement_fts_words")
