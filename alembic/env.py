"""Alembic environment: migrates the connection the caller passes in, or $QUOTES_DATABASE_URL."""

from alembic import context
from sqlmodel import SQLModel

import quotes.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from quotes.db import database_url, include_object, make_engine

target_metadata = SQLModel.metadata


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    with make_engine(database_url()).begin() as own_connection:
        run_migrations(own_connection)
