"""Imprecise dates in EDTF, bounded to ISO dates for range queries.

The ``edtf`` package parses and validates, but its edges need guarding: open intervals
("../2019-02") and some unspecified digits ("2019-04-2X") make it raise TypeError or
ValueError, approximate dates ("2019-04~") widen its fuzzy bounds by more than a year, and
bounds come back as ``struct_time``. We split intervals ourselves, bound unspecified digits
ourselves, use the strict bounds, and raise one DateError with a message for the curator.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from quotes.errors import QuotesError

_PLAIN = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_UNSPECIFIED = re.compile(r"^(\d{4}|\d{3}X|\d{2}XX)(?:-(\d\d|[0-1X]X)(?:-(\d\d|[0-3X]X|\dX))?)?$")
EXAMPLES = "e.g. 2019-05-27, 2016-12, 2019-04-21/2019-04-30, ../2019-02, 2019-04~"


class DateError(QuotesError):
    """A string that is not a valid EDTF date or interval."""


class DateOutOfRange(DateError):
    """An EDTF date outside the years Python's dates hold (Y-20000, -2019)."""


@dataclass(frozen=True)
class Bounds:
    """The earliest and latest day a date can mean; None is an open end."""

    lower: date | None
    upper: date | None


@lru_cache(maxsize=65536)
def bounds(text: str) -> Bounds:
    """Parse an EDTF date or interval and return its strict bounds."""
    text = text.strip()
    if len(text) > 64:  # the longest real EDTF interval is some 40 characters
        raise DateError(f"{text[:20]!r}... is too long to be a date ({EXAMPLES})")
    if "/" in text:
        start, _, end = text.partition("/")
        lower = _single(start).lower if start not in ("", "..") else None
        upper = _single(end).upper if end not in ("", "..") else None
        if start in ("", "..") and end in ("", ".."):
            raise DateError(f"{text!r} is open at both ends; give at least one bound ({EXAMPLES})")
        if lower and upper and lower > upper:
            raise DateError(f"{text!r} ends before it starts")
        return Bounds(lower, upper)
    return _single(text)


def _single(text: str) -> Bounds:
    if _PLAIN.match(text):
        return _plain(text)
    if "X" in text:
        return _unspecified(text)
    import edtf  # imported here: it is slow to import and only curation needs it

    try:
        parsed = edtf.parse_edtf(text)
        lower, upper = parsed.lower_strict(), parsed.upper_strict()
    except Exception as error:  # the parser raises several kinds on bad input
        raise DateError(f"{text!r} is not a valid EDTF date ({EXAMPLES})") from error
    if lower is None or upper is None:
        raise DateError(f"{text!r} is not a single date ({EXAMPLES})")
    try:
        return Bounds(date(*lower[:3]), date(*upper[:3]))
    except ValueError:  # EDTF allows years ("Y-20000") that Python's dates cannot hold
        raise DateOutOfRange(
            f"{text!r} is outside the years 1 to 9999 that dates can hold"
        ) from None


def _plain(text: str) -> Bounds:
    """Year, year-month or a full date: by far the most common, and 1000 times faster than the
    edtf parser (whose pyparsing grammar takes some 15 ms a date)."""
    year, month, day = (int(part) if part else None for part in _PLAIN.match(text).groups())
    try:
        if month is None:
            return Bounds(date(year, 1, 1), date(year, 12, 31))
        if day is None:
            return Bounds(
                date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            )
        return Bounds(date(year, month, day), date(year, month, day))
    except ValueError as error:
        raise DateError(f"{text!r} is not a valid EDTF date ({EXAMPLES})") from error


def _unspecified(text: str) -> Bounds:
    """Bounds of dates with unspecified digits ("2019-04-2X"), which edtf cannot always parse."""
    match = _UNSPECIFIED.match(text)
    if not match:
        raise DateError(f"{text!r} is not a valid EDTF date ({EXAMPLES})")
    year, month, day = match.groups()
    years = (int(year.replace("X", "0")), int(year.replace("X", "9")))
    months = _digits(month, 1, 12)
    try:
        lower = date(years[0], months[0], _digits(day, 1, 31)[0])
        last = calendar.monthrange(years[1], months[1])[1]
        upper = date(years[1], months[1], min(_digits(day, 1, 31)[1], last))
    except ValueError as error:
        raise DateError(f"{text!r} is not a possible date") from error
    if upper < lower:
        raise DateError(f"{text!r} is not a possible date")
    return Bounds(lower, upper)


def _digits(part: str | None, first: int, last: int) -> tuple[int, int]:
    if part is None:
        return first, last
    low = max(first, int(part.replace("X", "0")))
    high = min(last, int(part.replace("X", "9")))
    if low > high:
        raise DateError(f"{part!r} is out of range")
    return low, high
