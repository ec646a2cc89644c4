"""Dates written in a sentence, as EDTF: "On December 26, 2016" is stated; "On May 27"
is resolved against the publication year; anything vaguer is left for the curator."""

import re

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_NAME = "|".join(m.capitalize() for m in MONTHS)
_DAY = re.compile(rf"\b(?:[Oo]n\s+)?({_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(\d{{4}}))?\b")
_MONTH = re.compile(rf"\b[Ii]n\s+({_NAME})\s+(\d{{4}})\b")


def said_in(sentence: str, published: str | None) -> tuple[str, str, str] | None:
    """(EDTF, the words as written, how it was fixed), or None."""
    day = _DAY.search(sentence)
    if day:
        month, number, year = MONTHS[day.group(1).lower()], int(day.group(2)), day.group(3)
        if year:
            return f"{year}-{month:02d}-{number:02d}", day.group(0), "stated"
        return _resolved(month, number, published, day.group(0))
    month = _MONTH.search(sentence)
    if month:
        return f"{month.group(2)}-{MONTHS[month.group(1).lower()]:02d}", month.group(0), "stated"
    return None


def _resolved(month: int, day: int, published: str | None, written: str):
    """A day without its year, in the latest year that puts it on or before publication."""
    from datetime import date

    from quotes.dates import DateError, bounds

    if not published:
        return None
    try:
        latest = bounds(published).upper
    except DateError:
        return None
    if latest is None:
        return None
    year = latest.year
    try:
        if date(year, month, day) > latest:
            year -= 1
        date(year, month, day)
    except ValueError:
        return None
    return f"{year}-{month:02d}-{day:02d}", written, "resolved"
