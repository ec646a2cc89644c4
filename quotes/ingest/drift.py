"""Anchors that moved or broke since the database was loaded: a source text changed."""

from sqlalchemy import select
from sqlmodel import Session

from quotes.curation.record import Record
from quotes.curation.yamlfile import Problem
from quotes.models import Source, Statement


def anchor_drift(*, session: Session, record: Record) -> list[Problem]:
    """Statements whose anchor moved or broke since the database was loaded from a source text
    that has changed since (its checksum differs)."""
    problems = []
    for source in record.sources:
        row = session.execute(
            select(Source.id, Source.sha256).where(Source.key == source.key)
        ).first()
        if row is None or row.sha256 == source.sha256:
            continue
        now = {s.entry.key: s for s in source.statements}
        for key, start, end in session.execute(
            select(Statement.key, Statement.start, Statement.end)
            .where(Statement.source_id == row.id)
            .order_by(Statement.start)
        ):
            found = now.get(key)
            if found is None:
                problems.append(
                    Problem(
                        source.file,
                        None,
                        f"statement {key}",
                        "its anchor broke: "
                        f"the text loaded at {start}-{end} is no longer in "
                        f"{source.text_path}",
                    )
                )
            elif (found.anchor.start, found.anchor.end) != (start, end):
                problems.append(
                    Problem(
                        source.file,
                        found.line,
                        f"statement {key}",
                        f"its anchor moved from {start}-{end} to "
                        f"{found.anchor.start}-{found.anchor.end} in "
                        f"{source.text_path}; check it still says the same",
                    )
                )
    return problems
