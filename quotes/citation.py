"""Citations built from a source's metadata: Chicago notes style, and CSL-JSON items.

Chicago (17th ed., 14.206) cites a web article as: Author, "Title," Publication, Month Day,
Year, URL. Unpaged texts are located by paragraph ("par. 11", 14.150), counted from the
source's body when its curated file says where that starts. Unknown parts are left out rather
than invented; an unknown date is "n.d.", or, when the source records when it was read, the
access date (14.12: "accessed May 1, 2017").
"""

import calendar
import re
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
        accessed=record.get("accessed"),
    )
    return finished(note, f", par. {record['paragraph']}." if record.get("paragraph") else ".")


def finished(note: str, locator: str) -> str:
    """``note`` with its locator (", par. 9." or a bare "."): one final stop, after "n.d." too."""
    return note if locator == "." and note.endswith(".") else note + locator


@lru_cache(maxsize=65536)
def source_note(author, title, publication, published, url, accessed=None) -> str:
    """The note for a source, without its locator or final stop (many rows share it).

    ``accessed`` (an EDTF day) is printed only when there is no publication date to print.
    """
    when = chicago_date(published)
    if when == "n.d." and accessed:
        when = f"accessed {chicago_date(accessed)}"
    parts = [author] if author else []
    parts.append(quoted_title(title))
    if publication:
        parts.append(publication)
    parts.append(when)
    if url:
        parts.append(url)
    # The title's closing quotation mark already ends with its separating comma, or with a
    # question or exclamation mark, which takes none.
    return re.sub(r"([,?!][’”]+), ", r"\1 ", ", ".join(parts))


_OPENING_STRAIGHT = re.compile(r'(?:^|(?<=[\s(\[{‘—–-]))"')


def quoted_title(title: str) -> str:
    """``title`` in quotation marks as Chicago sets it in a note: “Title,” with the comma
    inside; double quotation marks within the title, straight or curly, become single ones
    (a quotation within a quotation); a comma that would follow a closing quotation mark
    inside the title goes inside it too (“On ‘Bronze Age Logic,’”), and none follows a
    question or exclamation mark (“Is Russia Winning?”)."""
    inner = _OPENING_STRAIGHT.sub("‘", title).replace('"', "’").replace("“", "‘")
    inner = inner.replace("”", "’")
    if inner.endswith(("?", "!", "?’", "!’")):
        return f"“{inner}”"
    if inner.endswith("’") and title.endswith(('"', "”")):
        return f"“{inner[:-1]},’”"
    return f"“{inner},”"


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
        item["author"] = [csl_name(record["author"])]
    if record.get("publication"):
        item["container-title"] = record["publication"]
    if record.get("url"):
        item["URL"] = record["url"]
    if record.get("published"):
        item["issued"] = _csl_date(record["published"])
    if record.get("accessed"):
        item["accessed"] = _csl_date(record["accessed"])
    return item


# Words that name an organisation or a desk, not a person ("Associated Press", "News Desk").
_ORGANISATION_WORDS = frozenset(
    "agency associated board bureau center centre committee correspondent correspondents "
    "council desk editor editorial editors foundation group institute media ministry network "
    "news office post press reporter reporters service staff team times tribune watch".split()
)


def _name_word(word: str, *, initial: bool) -> bool:
    """A capitalised personal name ("Samuel", "Jean-Pierre", "O’Neill", "Müller"), not an
    acronym or a word that names an organisation; where ``initial``, an initial ("P.") too."""
    if initial and len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    letters = re.sub(r"(?<=\w)[-’'](?=\w)", "", word)
    return (
        letters.isalpha()
        and word[0].isupper()
        and not letters.isupper()
        and word.casefold() not in _ORGANISATION_WORDS
    )


def csl_name(author: str) -> dict:
    """A curated author as a CSL name, split into given and family names only where it is
    plainly "Given Family": two or three capitalised name words, the middle one possibly an
    initial, none naming an organisation ("Samuel Ramani", "Samuel P. Huntington").

    Anything else stays whole as a CSL literal, which every processor prints as written:
    organisations ("Reuters", "Staff of the Diplomat", "Associated Press"), names with
    particles or not in that order ("Mohammed bin Salman"), names in scripts without capitals,
    several authors. A wrong split is worse than none: a reference manager would print and
    sort "Salman, Mohammed bin". Shape cannot tell a romanized name written family first ("Xi
    Jinping") from "Given Family"; such a name is split as if it were.
    """
    words = author.split()
    plain = 2 <= len(words) <= 3 and all(
        _name_word(word, initial=0 < i < len(words) - 1) for i, word in enumerate(words)
    )
    if not plain:
        return {"literal": " ".join(words)}
    return {"family": words[-1], "given": " ".join(words[:-1])}


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
