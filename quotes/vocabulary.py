"""The closed vocabularies: kinds, stances, positions, sort orders.

Kept apart from the tables so that the command line can offer them as choices without
importing the database layer (which would slow every `quotes --help`).
"""

from enum import StrEnum


class SpeakerKind(StrEnum):
    person = "person"
    body = "body"
    collective = "collective"
    unnamed = "unnamed"


class PartyKind(StrEnum):
    government = "government"
    state = "state"
    movement = "movement"
    opposition = "opposition"
    organization = "organization"


class StatementKind(StrEnum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"


class DateBasis(StrEnum):
    """How a statement's date was fixed."""

    stated = "stated"
    resolved = "resolved"
    inferred = "inferred"


class Polarity(StrEnum):
    critical = "critical"
    supportive = "supportive"
    neutral = "neutral"
    mixed = "mixed"


class Position(StrEnum):
    asserts = "asserts"
    denies = "denies"
    questions = "questions"


SORTS = {
    "said": "oldest first (unknown starts first)",
    "-said": "newest first",
    "speaker": "by speaker, then oldest first",
    "source": "by source, then by position in it",
}
