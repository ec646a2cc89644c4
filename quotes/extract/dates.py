"""Dates written in a sentence, as EDTF, and the dateline that opens a wire story.

"On December 26, 2016" is stated; "On May 27", "on Monday", "yesterday", "last week",
"earlier this month", "two days ago", "in late April", "earlier in the day", "this morning",
"overnight" are resolved against the publication date; anything vaguer is left for the
curator. A dateline ("MOSCOW, April 5 /TASS/", "KABUL, May 28 (Reuters) -") gives the
publication date when none was given, its year taken from the text; a live blog's time stamp
("14:05 GMT") dates the entries under it.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        1,
    )
}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_NAME = "|".join(m.capitalize() for m in MONTHS)
# The names of the days and the parts of a day, as the patterns of the draft write them.
DAY_NAME = "|".join(d.capitalize() for d in WEEKDAYS)
MONTH_NAME = _NAME
PART_OF_DAY = "morning|afternoon|evening|night"
_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
# "On Dec. 2", "on 3 March 2024" (British copy puts the day first)
_DAY = re.compile(
    rf"\b(?:[Oo]n\s+)?(?:({_NAME}|(?:{_SHORT})\.)\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(\d{{4}}))?"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+({_NAME})(?:\s+(\d{{4}}))?)\b"
)
_MONTH_YEAR = re.compile(rf"\b[Ii]n\s+({_NAME})\s+(\d{{4}})\b")
# "In 2019, ...", "said in a 2017 interview": the year alone (stated); not one of two
# ("in 2015 and 2016") nor a span ("2019-20")
_YEAR = re.compile(
    r"\b[Ii]n\s+(?:(?:a|an|the|his|her|its|their)\s+(?P<of>(?:19|20)\d{2})\s+[a-z]+"
    r"|(?P<year>(?:19|20)\d{2})\b(?![-–/]\d|\s*,?\s*(?:\d|and\s+\d|or\s+\d|to\s+\d)))"
)
_PART = re.compile(rf"\b(?:[Ii]n\s+)?(early|mid|late|the\s+middle\s+of)[\s-]+({_NAME})\b")
_MONTH = re.compile(rf"\b[Ii]n\s+({_NAME})\b(?!\s+\d)")
_WEEKDAY = re.compile(
    r"\b(?:(?:[Ll]ater|[Ee]arlier)\s+)?(?:(?:[Oo]n|[Ll]ast|[Tt]his)\s+)?(?:(?:late|early)\s+)?"
    rf"({DAY_NAME})(?:\s+({PART_OF_DAY}))?\b(?![’']s)"  # "Wednesday's match": spoken of
)
# "At Friday's press conference, Vandt said ...": the sentence's saying was at that event
_OPENING_EVENT = re.compile(rf"^\s*(?:At|After|During)\s+({DAY_NAME})[’']s\b")
# "two days ago": counted back from the publication day
COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
DAYS_AGO = rf"(?:{'|'.join(COUNTS)}|\d)\s+days?\s+ago"
_RELATIVE = re.compile(
    rf"\b({DAYS_AGO}|yesterday|today|last\s+night|"
    r"earlier\s+(?:this|in\s+the)\s+(?:week|month)|"
    r"(?:earlier|later)\s+in\s+the\s+day|this\s+(?:morning|afternoon|evening)|tonight|"
    r"overnight|last\s+(?:week|month|year)|this\s+(?:week|month|year))\b(?![’'])",
    re.IGNORECASE,
)
# Parts of the publication day itself ("earlier in the day", "this morning")
_SAME_DAY = (
    "today",
    "tonight",
    "earlier in the day",
    "later in the day",
    "this morning",
    "this afternoon",
    "this evening",
)
Said = tuple[str, str, str]  # EDTF, the words as written, how it was fixed
# A day right after the cue, before the words said ("said late Saturday they were ready"):
# it dates the saying, wherever a tagger puts it.
LEADING_DAY = re.compile(
    rf"\s*(?:(?:on|late|early|last|this)\s+)?(?:{DAY_NAME}|"
    rf"yesterday|today|(?:{_NAME})\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    rf"(?:\s+(?:{PART_OF_DAY}))?\b"
    # "said this morning that", "said overnight that" ("said overnight talks had failed":
    # the talks' night, not the saying's)
    r"|\s*(?:(?:earlier|later)\s+in\s+the\s+day|this\s+(?:morning|afternoon|evening)|"
    r"tonight|overnight|earlier\s+this\s+(?:week|month)|last\s+(?:week|month)|"
    rf"{DAYS_AGO})(?=\s+that\b|\s*,)",
    re.IGNORECASE,
)


def said_in(sentence: str, published: str | None) -> Said | None:
    """(EDTF, the words as written, how it was fixed), or None."""
    day = _DAY.search(sentence)
    if day:
        name, number, year = day.group(1, 2, 3) if day.group(1) else day.group(5, 4, 6)
        month, number = _month_number(name), int(number)
        if year:
            return f"{year}-{month:02d}-{number:02d}", day.group(0), "stated"
        return _day_before(month, number, _latest(published), day.group(0))
    month_year = _MONTH_YEAR.search(sentence)
    if month_year:
        number = MONTHS[month_year.group(1).lower()]
        return f"{month_year.group(2)}-{number:02d}", month_year.group(0), "stated"
    latest = _latest(published)
    if latest is None:
        return _year(sentence, published)
    for pattern, resolve in (
        (_OPENING_EVENT, _weekday),
        (_WEEKDAY, _weekday),
        (_RELATIVE, _relative),
        (_PART, _part_of_month),
        (_MONTH, _month),
    ):
        match = pattern.search(sentence)
        if match:
            edtf = resolve(match, latest, _day_of(published))
            if edtf:
                return edtf, match.group(0), "resolved"
    return _year(sentence, published)


# "said after Wednesday's session", "told reporters before Friday's vote": right after the
# cue (and whom it was told), the day the saying came after or before
_EVENT_DAY = re.compile(
    rf"\s+(?:(?:reporters|journalists|the\s+press)\s+)?(?P<written>(?:after|before|at)\s+"
    rf"(?:{DAY_NAME})[’']s)\b"
)


def day_after_cue(text: str, cue_end: int, published: str | None) -> Said | None:
    """ "“...,” Korrin said after Wednesday's session": the weekday's possessive right after
    the cue dates the saying ("Wednesday's match" alone is what is spoken of, no date)."""
    match = _EVENT_DAY.match(text, cue_end)
    if match is None or _latest(published) is None:
        return None
    day = re.search(rf"({DAY_NAME})", match.group("written"))
    edtf = _weekday(day, _latest(published), _day_of(published))
    return (edtf, match.group("written"), "resolved") if edtf else None


def _year(sentence: str, published: str | None) -> Said | None:
    """ "In 2019, ...", "in a 2017 interview": a year no later than the publication's, when
    nothing nearer dates the saying."""
    year = _YEAR.search(sentence)
    number = year and (year.group("of") or year.group("year"))
    if not number or (published and number > published[:4]):
        return None
    return number, year.group(0), "stated"


# A live blog's time stamp on a line of its own ("14:05 GMT", "Updated 3:40 p.m.")
_STAMP = re.compile(
    r"^[ \t]*(?:(?:Updated|UPDATED|Posted|POSTED):?\s+)?\d{1,2}[:.]\d{2}"
    r"(?:\s*(?:[ap]\.m\.|[ap]m|[AP]M))?(?:\s+[A-Z]{2,4})?[ \t]*$",
    re.MULTILINE,
)


def stamped(text: str, at: int, published: str | None) -> Said | None:
    """The publication day for words under a live blog's time stamp ("14:05 GMT"), when
    the publication is known to the day: the entry was posted that day (inferred, as the
    saying may be older)."""
    day = _day_of(published)
    if day is None:
        return None
    stamp = None
    for stamp in _STAMP.finditer(text, 0, at):  # noqa: B007 (the last one above)
        pass
    return (day.isoformat(), stamp.group(0).strip(), "inferred") if stamp else None


def _latest(published: str | None) -> date | None:
    from quotes.dates import DateError, bounds

    if not published:
        return None
    try:
        return bounds(published).upper
    except DateError:
        return None


def _day_of(published: str | None) -> date | None:
    """The publication day when it is known to the day, else None."""
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _day_before(month: int, day: int, latest: date | None, written: str) -> Said | None:
    """A day without its year, in the latest year that puts it on or before publication."""
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


def _weekday(match: re.Match, latest: date, day: date | None) -> str | None:
    """The last such weekday on or before the publication day ("last Monday": a week before
    that when it would be the publication day itself)."""
    if day is None:
        return None
    wanted = WEEKDAYS.index(match.group(1).lower())
    back = (day.weekday() - wanted) % 7
    if back == 0 and match.group(0).lower().startswith("last"):
        back = 7
    return (day - timedelta(days=back)).isoformat()


def _relative(match: re.Match, latest: date, day: date | None) -> str | None:
    words = " ".join(match.group(1).lower().split())
    if words.endswith(" ago"):
        if day is None:
            return None
        count = words.split()[0]
        back = int(count) if count.isdigit() else COUNTS[count]
        return (day - timedelta(days=back)).isoformat()
    if words in ("yesterday", "last night", "overnight", *_SAME_DAY):
        if day is None:
            return None
        if words == "overnight":  # the night before the publication day, into it
            return f"{(day - timedelta(days=1)).isoformat()}/{day.isoformat()}"
        return (day - timedelta(days=0 if words in _SAME_DAY else 1)).isoformat()
    if words == "last year":
        return str(latest.year - 1)
    if words == "this year":
        return f"{latest.year}-01-01/{latest.isoformat()}"
    if words == "last month":
        first = latest.replace(day=1) - timedelta(days=1)
        return f"{first.year}-{first.month:02d}"
    if words.endswith("month"):  # "earlier this month", "this month"
        return f"{latest.replace(day=1).isoformat()}/{latest.isoformat()}"
    monday = latest - timedelta(days=latest.weekday())
    if words == "last week":
        start = monday - timedelta(days=7)
        return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"
    return f"{monday.isoformat()}/{latest.isoformat()}"  # "this week", "earlier this week"


def _year_for(month: int, latest: date) -> int:
    return latest.year if month <= latest.month else latest.year - 1


def _part_of_month(match: re.Match, latest: date, day: date | None) -> str | None:
    month = MONTHS[match.group(2).lower()]
    year = _year_for(month, latest)
    first, last = {"early": (1, 10), "late": (21, 31)}.get(match.group(1).lower(), (11, 20))
    if last == 31:
        following = date(year + (month == 12), month % 12 + 1, 1)
        last = (following - timedelta(days=1)).day
    return f"{year}-{month:02d}-{first:02d}/{year}-{month:02d}-{last:02d}"


def _month(match: re.Match, latest: date, day: date | None) -> str | None:
    month = MONTHS[match.group(1).lower()]
    return f"{_year_for(month, latest)}-{month:02d}"


@dataclass(frozen=True)
class Dateline:
    """The line that opens a wire story: where it was filed, when, and by which agency."""

    written: str
    city: str
    agency: str | None
    published: str | None  # EDTF, the year taken from the text when the dateline has none
    year_basis: str | None  # how the year was found, for the curator


# "MOSCOW, May 28 /TASS/", "KABUL (Reuters) -", and a press release's "RIGA, Latvia, June
# 10, 2025 —": a region may follow the city, and a dated dateline needs no agency. A state
# agency writes a full stop after the day ("MOSCOW, May 28. /TASS/"); British copy writes the
# day first ("SARNET, 12 August 2026 -").
_DATELINE = re.compile(
    # a city in capitals, or one in title case before "(Agency) -": "Karsk (Lakeside Wire) -"
    rf"^(?P<city>[A-Z][A-Z .'’-]{{1,40}}?"
    r"|[A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+)?(?=\s*\([^)\n]+\)\s*[-–—]))"
    rf"(?:,\s*(?!(?:{_NAME}|{_SHORT})\b)[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=,|\s*[/(]))?"
    rf"(?:,\s*(?:(?P<month>{_NAME}|{_SHORT})\.?\s+(?P<day>\d{{1,2}})"
    rf"|(?P<britday>\d{{1,2}})\s+(?P<britmonth>{_NAME}|{_SHORT})\.?)(?:,?\s*(?P<year>\d{{4}}))?\.?)?"
    r"\s*(?:/(?P<slash>[^/\n]{1,40})/|\((?P<paren>[^)\n]{1,40})\)"
    r"|(?(day)(?=[-–—])|(?(britday)(?=[-–—])|(?!))))"
    r"\s*[-–—:]*\s*",
    re.MULTILINE,
)


def dateline(text: str) -> Dateline | None:
    """The dateline at the start of one of the text's first paragraphs, if any."""
    for paragraph in [p for p in text.split("\n") if p.strip()][:4]:
        match = _DATELINE.match(paragraph.strip())
        if match:
            break
    else:
        return None
    agency = (match.group("slash") or match.group("paren") or "").strip() or None
    published = basis = None
    if match.group("month") or match.group("britmonth"):
        month = _month_number(match.group("month") or match.group("britmonth"))
        day = int(match.group("day") or match.group("britday"))
        if match.group("year"):
            year, basis = int(match.group("year")), "stated in the dateline"
        else:
            year, basis = _context_year(text, month, day)
        try:
            published = date(year, month, day).isoformat() if year else None
        except ValueError:
            published = None
    return Dateline(
        match.group(0).strip(" -–—:"), match.group("city").strip(), agency, published, basis
    )


def _month_number(name: str) -> int:
    name = name.lower()
    return next(number for full, number in MONTHS.items() if full.startswith(name[:3]))


def _context_year(text: str, month: int, day: int) -> tuple[int | None, str | None]:
    """The latest year the text names: a dateline omits the year because it is the current one."""
    years = [int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)]
    if years:
        return max(years), f"the latest year the text names ({max(years)}); check it"
    return None, None
