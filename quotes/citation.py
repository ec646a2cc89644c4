"""Citations built from a source's metadata: Chicago notes style, and CSL-JSON items.

Chicago (17th ed., 14.206) cites a web article as: Author, "Title," Publication, Month Day,
Year, URL. Unpaged texts are located by paragraph ("par. 11", 14.150). Unknown parts are left
out rather than invented; an unknown date is "n.d.".
"""

import calendar
from datetime import date
from functools import lru_cache

from quotes.dates import bounds

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def chicago_date(published: str | None) -> str:
    """The publication date as Chicago writes it, only as precise as the record is."""
    if not published:
        return "n.d."
    span = bounds(published)
    low, high = span.lower, span.upper
    if low is None or high is None or low.year != high.year:
        return "n.d."
    if low == high:
        return f"{MONTHS[low.month - 1]} {low.day}, {low.year}"
    last_day = calendar.monthrange(high.year, high.month)[1]
    if low.month == high.month and low.day == 1 and high.day == last_day:
        return f"{MONTHS[low.month - 1]} {low.year}"
    return str(low.year)


def chicago_note(record: dict) -> str:
    """A ready-to-paste note for the statement's source, located by paragraph."""
    note = source_note(
        record.get("author"),
        record["source_title"],
        record.get("publication"),
        record.get("published"),
        record.get("url"),
    )
    return f"{note}, par. {record['paragraph']}." if record.get("paragraph") else f"{note}."


@lru_cache(maxsize=65536)
def source_note(author, title, publication, published, url) -> str:
    """The note for a source, without its locator or final stop (many rows share it)."""
    parts = [author] if author else []
    parts.append(f"“{title},”")
    if publication:
        parts.append(publication)
    parts.append(chicago_date(published))
    if url:
        parts.append(url)
    # The comma inside the closing quotation mark already separates the title.
    return ", ".join(parts).replace(",”,", ",”")


def location(record: dict) -> str:
    """Where the quote stands in the source text, for a reader to find it."""
    where = f"characters {record['start']}–{record['end']} of {record['text_path']}"
    return f"paragraph {record['paragraph']}, {where}" if record.get("paragraph") else where


def csl_item(record: dict) -> dict:
    """A CSL-JSON item for the statement's source, as Zotero and other managers import it."""
    item = {
        "id": record["source_key"],
        "type": "article-magazine" if record.get("publication") else "article",
        "title": record["source_title"],
    }
    if record.get("author"):
        *given, family = record["author"].split()
        item["author"] = [{"family": family, "given": " ".join(given)}]
    if record.get("publication"):
        item["container-title"] = record["publication"]
    if record.get("url"):
        item["URL"] = record["url"]
    if record.get("published"):
        item["issued"] = _csl_date(record["published"])
    return item


def _csl_date(published: str) -> dict:
    span = bounds(published)
    ends = [d for d in (span.lower, span.upper) if d is not None]
    if span.lower == span.upper:
        return {"date-parts": [_parts(span.lower)]}
    if len(ends) == 2:
        return {"date-parts": [_parts(span.lower), _parts(span.upper)], "raw": published}
    return {"raw": published}


def _parts(day: date) -> list[int]:
    return [day.year, day.month, day.day]
