"""A URL's query string to the CLI's filter object: the same names, aliases and date rule.

Sizes are bounded here so that no URL can ask for an unbounded amount of work.
"""

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from quotes.errors import QuotesError
from quotes.query import Cursor
from quotes.vocabulary import Polarity, Position, StatementKind

# URL parameter -> (resolve_filters keyword, values allowed or None for names).
NAMED = {
    "speaker": "speakers",
    "by": "by",
    "about": "about",
    "critical_of": "critical_of",
    "supportive_of": "supportive_of",
    "source": "sources",
    "claim": "claims",
}
CHOSEN = {"kind": ("kinds", StatementKind), "stance": ("polarities", Polarity)}
CHOSEN["position"] = ("positions", Position)
DATES = ("since", "until")
FILTER_PARAMS = (*NAMED, *CHOSEN, *DATES, "search", "language")
MAX_VALUES = 10  # values of one parameter
MAX_LENGTH = 200  # characters of one value
DAY = r"(\d{4}-\d{2}-\d{2})?"
CURSOR = re.compile(rf"{DAY}~{DAY}~(\d{{1,18}})")


class BadRequest(QuotesError):
    """A query string the pages cannot answer; the message says which parameter and why."""


@dataclass(frozen=True)
class Question:
    """The filters as typed (to show in the form and put in links) and as lookup keywords."""

    typed: list[tuple[str, str]]
    keywords: dict

    def query_string(self, **extra) -> str:
        pairs = self.typed + [(k, str(v)) for k, v in extra.items() if v is not None]
        return urlencode(pairs)

    def values(self, name: str) -> list[str]:
        return [v for k, v in self.typed if k == name]


def question(params) -> Question:
    """The filters in ``params`` (a multi-dict of the query string), checked and bounded."""
    typed: list[tuple[str, str]] = []
    keywords: dict = {}
    for name in FILTER_PARAMS:
        values = [v.strip() for v in params.getlist(name) if v.strip()]
        if len(values) > MAX_VALUES:
            raise BadRequest(f"{name}: at most {MAX_VALUES} values, not {len(values)}.")
        if any(len(v) > MAX_LENGTH for v in values):
            raise BadRequest(f"{name}: a value is longer than {MAX_LENGTH} characters.")
        typed += [(name, v) for v in values]
        if name in NAMED:
            keywords[NAMED[name]] = tuple(values)
        elif name in CHOSEN:
            keyword, vocabulary = CHOSEN[name]
            allowed = [m.value for m in vocabulary]
            for value in values:
                if value not in allowed:
                    raise BadRequest(f"{name}: {value!r} is not one of {', '.join(allowed)}.")
            keywords[keyword] = tuple(values)
        elif name in DATES and values:
            keywords[name] = _day(name, values[-1])
        elif name == "search" and values:
            keywords["search"] = " ".join(values)
        elif name == "language" and values:
            keywords["languages"] = tuple(_language(value) for value in values)
    return Question(typed, keywords)


def _language(value: str) -> str:
    from quotes.languages import language_range

    try:
        return language_range(value)
    except QuotesError as error:
        raise BadRequest(f"language: {error}") from None


def _day(name: str, value: str) -> date:
    """A day, month or year: since takes its first day, until its last (as the CLI does)."""
    from quotes.dates import DateError, bounds

    try:
        found = bounds(value) if "/" not in value else None
    except DateError:
        found = None
    if found is None or found.lower is None:
        raise BadRequest(
            f"{name}: {value!r} is not a day, month or year (2019-05-27, 2019-05, 2019)."
        )
    return found.lower if name == "since" else found.upper


def cursor(value: str | None) -> Cursor | None:
    """The keyset cursor of a page link, ``FROM~TO~ID``: the last row's date bounds (empty
    when open) and id."""
    if not value:
        return None
    match = CURSOR.fullmatch(value)
    try:
        if match is None:
            raise ValueError
        for day in match.group(1, 2):
            if day:
                date.fromisoformat(day)
    except ValueError:
        raise BadRequest("after: not a page cursor; follow the page links.") from None
    return match.group(1), match.group(2), int(match.group(3))


def cursor_text(position: Cursor | None) -> str | None:
    return None if position is None else "~".join(str(part or "") for part in position)


def bounded_int(params, name: str, *, default: int, most: int) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    if not value.isdigit() or not 1 <= int(value) <= most:
        raise BadRequest(f"{name}: a whole number from 1 to {most}.")
    return int(value)
