"""Languages of sources: BCP 47 tags (RFC 5646), and which sources a language range means.

A range matches a tag as RFC 4647's basic filtering says: the whole tag, or its first
subtags, ignoring case ("ru" matches "ru" and "ru-RU"; "ru-RU" matches only "ru-RU...").
"""

import re

from quotes.errors import QuotesError

# Language, then optional script, region and variants; any case. The curated file format
# (quotes.curation.schema.LanguageTag) checks tags with the same pattern.
TAG_PATTERN = (
    r"[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
)
TAG = re.compile(TAG_PATTERN, re.IGNORECASE)


def language_range(value: str) -> str:
    """``value`` as a range to match tags with (lower case), or QuotesError."""
    if not TAG.fullmatch(value.strip()):
        raise QuotesError(
            f"{value!r} is not a BCP 47 language tag; write one like en, ru, ru-RU, fa-AF or ps."
        )
    return value.strip().lower()


def matching_sql(column: str, ranges: list[str], bind) -> str:
    """SQL true where the tag in ``column`` matches one of ``ranges`` (each already checked by
    language_range: letters, digits and hyphens only, so no LIKE wildcard can slip in).
    ``bind`` turns a value into a placeholder."""
    tag = f"lower({column})"
    # Placeholders may be positional: made in the order they stand in the SQL.
    whole = f"{tag} IN ({', '.join(bind(r) for r in ranges)})"
    return "(" + " OR ".join([whole, *(f"{tag} LIKE {bind(r + '-%')}" for r in ranges)]) + ")"


def english_sql(column: str) -> str:
    """SQL true where the tag in ``column`` is English (en, en-GB, ...)."""
    # No LIKE: a literal % would be taken for a placeholder by psycopg.
    return f"(lower({column}) = 'en' OR substr(lower({column}), 1, 3) = 'en-')"
