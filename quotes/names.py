"""Matching names as people type them: case, accents and curly apostrophes ignored."""

import difflib
import unicodedata

_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "‐": "-", "–": "-", "—": "-"})


def normalize(name: str) -> str:
    """The form lookups compare: "Sergéi  LAVROV’s" and "sergei lavrov's" are equal."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_PUNCTUATION))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def closest(name: str, candidates: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` candidates that look like ``name``, best first, for "Did you mean" hints."""
    by_norm: dict[str, str] = {}
    for candidate in candidates:
        by_norm.setdefault(normalize(candidate), candidate)
    matches = difflib.get_close_matches(normalize(name), list(by_norm), n=n, cutoff=0.6)
    return [by_norm[m] for m in matches]


def did_you_mean(name: str, candidates: list[str]) -> str:
    """ " Did you mean 'x'?" or an empty string."""
    matches = closest(name, candidates)
    if not matches:
        return ""
    return " Did you mean " + " or ".join(repr(m) for m in matches) + "?"
