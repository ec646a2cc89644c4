"""Claim tracking: who asserted, denied or questioned a claim, when, and where.

A claim's timeline is the statement listing filtered to that claim, so it orders and
streams exactly as `quotes list` does; the summary folds it into who stands where.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, select, text
from sqlalchemy.orm import aliased
from sqlmodel import Session

from quotes.languages import language_range, matching_sql
from quotes.models import Claim, ClaimPosition, Source, Stance, Statement
from quotes.query import Filters, statement_records


def claim_rows(
    session: Session,
    *,
    disputed: bool = False,
    about_party_ids: tuple[int, ...] = (),
    distinct: bool = False,
    languages: tuple[str, ...] = (),
) -> Iterator[dict]:
    """Every claim with counts of positions, distinct speakers, first and last day said, and
    how many reports and how many utterances took a position on it.

    ``disputed`` keeps claims someone asserts and someone denies or questions;
    ``about_party_ids`` keeps claims whose statements take a stance on one of those parties;
    ``distinct`` counts positions by utterance (one remark in three outlets counts once);
    ``languages`` (ranges, as quotes.languages matches them) counts only statements from
    sources in those languages, and keeps the claims that such statements take a position on.
    """
    utterance = func.coalesce(Statement.utterance_id, Statement.id)

    def count(position: str):
        taking = ClaimPosition.position == position
        if distinct:
            return func.count(func.distinct(case((taking, utterance))))
        return func.count(case((taking, 1)))

    asserts, denies, questions = count("asserts"), count("denies"), count("questions")
    in_language = []
    if languages:
        values: dict[str, str] = {}

        def bind(value: str) -> str:
            name = f"language_{len(values)}"
            values[name] = value
            return f":{name}"

        # Aliases of their own: the statement and source of the outer query stay apart.
        said, source = aliased(Statement, name="said"), aliased(Source, name="said_in")
        matching = matching_sql("said_in.language", [*map(language_range, languages)], bind)
        spoken = select(said.id).join(source, source.id == said.source_id)
        spoken = spoken.where(text(matching).bindparams(**values))
        in_language = [ClaimPosition.statement_id.in_(spoken)]
    query = (
        select(
            Claim.key,
            Claim.text,
            Claim.topic,
            asserts.label("asserts"),
            denies.label("denies"),
            questions.label("questions"),
            func.count(func.distinct(Statement.speaker_id)).label("speakers"),
            func.count(Statement.id).label("reports"),
            func.count(func.distinct(utterance)).label("utterances"),
            func.min(Statement.said_from).label("first"),
            func.max(Statement.said_to).label("last"),
        )
        .select_from(Claim)
        .outerjoin(ClaimPosition, and_(ClaimPosition.claim_id == Claim.id, *in_language))
        .outerjoin(Statement, ClaimPosition.statement_id == Statement.id)
        .group_by(Claim.id, Claim.key, Claim.text, Claim.topic)
        .order_by(Claim.key)
    )
    if disputed:
        query = query.having(asserts > 0, denies + questions > 0)
    if languages:
        query = query.having(func.count(ClaimPosition.claim_id) > 0)
    if about_party_ids:
        concerned = (
            select(ClaimPosition.claim_id)
            .join(Stance, Stance.statement_id == ClaimPosition.statement_id)
            .where(Stance.party_id.in_(about_party_ids))
        )
        query = query.where(Claim.id.in_(concerned))
    for row in session.connection().execute(query):
        yield {
            "key": row.key,
            "text": row.text,
            "topic": row.topic,
            "asserts": row.asserts,
            "denies": row.denies,
            "questions": row.questions,
            "speakers": row.speakers,
            "reports": row.reports,
            "utterances": row.utterances,
            "first": row.first.isoformat() if row.first else None,
            "last": row.last.isoformat() if row.last else None,
        }


def timeline(session: Session, claim: Claim) -> Iterator[dict]:
    """The statements taking a position on ``claim``, oldest first, each with its position."""
    for record in statement_records(session, Filters(claim_ids=(claim.id,))):
        position = next(c["position"] for c in record["claims"] if c["claim"] == claim.key)
        yield {**record, "claim": claim.key, "position": position}


@dataclass
class Stand:
    """Where one speaker stands on a claim: every position taken, in order."""

    speaker: str
    speaker_key: str
    positions: list[tuple[str, str | None]] = field(default_factory=list)  # (position, said)

    @property
    def changed(self) -> bool:
        return len({p for p, _ in self.positions}) > 1

    def runs(self) -> list[tuple[str, list[str | None]]]:
        """Consecutive positions folded together: [("asserts", [said, said]), ("denies", ...)]."""
        folded: list[tuple[str, list[str | None]]] = []
        for position, said in self.positions:
            if folded and folded[-1][0] == position:
                folded[-1][1].append(said)
            else:
                folded.append((position, [said]))
        return folded


def stands(events: Iterable[dict]) -> list[Stand]:
    """Who stands where, in order of each speaker's first position."""
    found: dict[str, Stand] = {}
    for event in events:
        stand = found.setdefault(
            event["speaker_key"], Stand(event["speaker"], event["speaker_key"])
        )
        stand.positions.append((event["position"], event["said"]))
    return list(found.values())
