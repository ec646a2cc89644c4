"""Matching names as people type them: case, accents, script, word order and spelling.

A name is compared first as typed (case, accents and curly apostrophes ignored), then
written in Latin letters (anyascii: "Сергей Лавров" is "sergey lavrov", "محمد بن سلمان" is
"mhmd bn slmn"), in any word order ("Lavrov Sergei"). Transliteration is lossy, so where one
side was written in another script, the spellings romanizations disagree on are folded
together ("Sergey"/"Sergei", "Salekh"/"Saleh"), and where one side is in a script that leaves
out most vowels (Arabic, Persian, Hebrew) the consonants alone are compared. Each looser step
is taken only when the stricter ones find nothing. Two Latin spellings ("kabull", "Sergey"
for a registry that says only "Sergei") are not taken for each other: "Did you mean" offers
them, comparing names in Latin letters, in any word order.
"""

import difflib
import heapq
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")
CUTOFF = 0.6  # as difflib.get_close_matches

_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "‐": "-", "–": "-", "—": "-"})
# Scripts whose names are written without most vowels: compared by their consonants.
_ABJAD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0700-\u074f\u0750-\u077f\u08a0-\u08ff"
                    r"\ufb1d-\ufdff\ufe70-\ufeff]")  # fmt: skip
# Spellings that romanizations of one name disagree on, folded to one.
_VARIANTS = [("x", "ks"), ("kh", "h"), ("ph", "f"), ("ou", "u"), ("w", "v"), ("j", "i"), ("y", "i")]
_NOT_LETTER = re.compile(r"[^a-z0-9 ]")
_DOUBLE = re.compile(r"([a-z])\1+")
_VOWEL = re.compile(r"[aeiouyw]")
# A word's final h after a vowel is in one romanization and not another ("Amrullah",
# "Amrulla"; "Saleh", "Салех" as "Salekh"); after a consonant too, where only consonants are
# compared ("Mullah", "ملا").
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_FINAL_CONSONANT_H = re.compile(r"h\b")


def normalize(name: str) -> str:
    """The form lookups compare: "Sergéi  LAVROV’s" and "sergei lavrov's" are equal."""
    if name.isascii():  # the common case; nothing to translate or decompose
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name.translate(_PUNCTUATION))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


@lru_cache(maxsize=4096)
def latin(name: str) -> str:
    """``normalize(name)`` in Latin letters: "Сергей Лавров" → "sergey lavrov"."""
    norm = normalize(name)
    if norm.isascii():
        return norm
    from anyascii import anyascii

    return normalize(anyascii(norm))


def _variant(written: str) -> str:
    """A name in Latin letters with the spellings romanizations disagree on folded."""
    folded = _NOT_LETTER.sub("", written.replace("-", " "))
    for spelling, one in _VARIANTS:
        folded = folded.replace(spelling, one)
    return _DOUBLE.sub(r"\1", _FINAL_H.sub("", folded))


def _consonants(written: str) -> str:
    """A name in Latin letters without its vowels: how an abjad writes it."""
    bare = _VOWEL.sub("", _NOT_LETTER.sub("", written.replace("-", " ")).replace("x", "ks"))
    return _DOUBLE.sub(r"\1", _FINAL_CONSONANT_H.sub("", bare))


def _orders(form: str) -> frozenset[str]:
    """``form``, its words sorted, and its words run together: "lavrov sergei" is "sergei
    lavrov", and "Xi Jinping" is "XiJinPing"."""
    words = form.split()
    return frozenset({form, " ".join(sorted(words)), "".join(words)}) - {""}


class _Name:
    """A name as typed, normalized and in Latin letters; its looser forms on demand."""

    __slots__ = ("name", "norm", "latin")

    def __init__(self, name: str):
        self.name = name
        self.norm = normalize(name)
        self.latin = self.norm if self.norm.isascii() else latin(self.norm)

    @property
    def transliterated(self) -> bool:
        """Written in letters that anyascii changes (Cyrillic, Arabic, "ø")."""
        return not self.norm.isascii() and self.latin != self.norm

    @property
    def abjad(self) -> bool:
        return not self.norm.isascii() and _ABJAD.search(self.name) is not None

    def forms(self, level: int) -> list[str]:
        """The name in Latin letters (``level`` 1) or its consonants (3), as written and, for
        more than one word, with its words sorted."""
        form = self.latin if level == 1 else _consonants(self.latin)
        words = form.split()
        return [form] if len(words) < 2 else [form, " ".join(sorted(words))]


def _levels(typed: str, parts: bool) -> Iterator[tuple[Callable[[_Name], bool], bool]]:
    """Tests of a registry name against ``typed``, strictest first. Registries are large and
    most of their names ASCII: each test does its cheap part first."""
    mine = _Name(typed)
    latin_keys = _orders(mine.latin)
    letters = len(mine.latin) - mine.latin.count(" ")  # the same in any order, run together

    def in_latin(name: _Name) -> bool:
        return len(name.latin) - name.latin.count(" ") == letters and not latin_keys.isdisjoint(
            _orders(name.latin)
        )

    def a_part(name: _Name) -> bool:
        return mine.latin in name.latin and part.search(name.latin) is not None

    variant_keys = _orders(_variant(mine.latin))

    def a_variant(name: _Name) -> bool:
        # Two names in Latin letters are never taken for each other's spelling variants.
        if not (mine.transliterated or name.transliterated):
            return False
        return not variant_keys.isdisjoint(_orders(_variant(name.latin)))

    consonant_keys = _orders(_consonants(mine.latin))

    def in_consonants(name: _Name) -> bool:
        if not (mine.abjad or name.abjad):
            return False
        return not consonant_keys.isdisjoint(_orders(_consonants(name.latin)))

    # With each test, whether only names in other letters than ASCII can pass it.
    yield in_latin, False
    if parts and mine.latin:
        part = re.compile(rf"(?<!\w){re.escape(mine.latin)}(?!\w)")
        yield a_part, False
    yield a_variant, not mine.transliterated
    yield in_consonants, not mine.abjad


def loosely(typed: str, names: Iterable[tuple[T, str]], *, parts: bool = False) -> list[T]:
    """The owners of ``names`` that ``typed`` matches, for when the exact comparison found
    none: at the strictest level where any matches (see the module's docstring).

    ``names`` are (owner, name) pairs; with ``parts``, a name containing the typed one as
    whole words in Latin letters ("Лавров" in "Sergei Lavrov") matches after an equal one.
    """
    named = [(owner, _Name(name)) for owner, name in names]
    foreign = [(owner, name) for owner, name in named if not name.norm.isascii()]
    for matches, only_foreign in _levels(typed, parts):
        found = {
            owner: None for owner, name in (foreign if only_foreign else named) if matches(name)
        }
        if found:
            return list(found)
    return []


def closest(name: str, candidates: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` candidates that look like ``name``, best first, for "Did you mean" hints.

    Forgiving of script and word order: a candidate's likeness is difflib's ratio (as
    get_close_matches has it) of the two names in Latin letters, in the same word order or
    both sorted, or (where one is in an abjad) of their consonants; of two as like, the one
    more like in Latin letters first. The ratio is worked out only for candidates whose
    bound (difflib's quick ratio, the same in any word order) could still place them.
    """
    by_norm: dict[str, str] = {}
    for candidate in candidates:
        by_norm.setdefault(normalize(candidate), candidate)
    mine = _Name(name)
    in_latin = [_matcher(form) for form in mine.forms(1)]
    consonants = [_matcher(form) for form in mine.forms(3)]
    bounded = []
    for norm, candidate in by_norm.items():
        theirs = _Name(candidate)
        bound = _bound(in_latin[0], theirs.forms(1)[0])
        if mine.abjad or theirs.abjad:
            bound = max(bound, _bound(consonants[0], theirs.forms(3)[0]))
        if bound >= CUTOFF:
            bounded.append((bound, norm, theirs))
    bounded.sort(key=lambda b: b[0], reverse=True)
    placed: list[tuple[float, float, str]] = []  # the best n so far, the least first
    for bound, norm, theirs in bounded:
        if len(placed) == n and bound < placed[0][0]:
            break  # no candidate left can place
        latin_likeness = _ratio(in_latin, theirs.forms(1))
        best = latin_likeness
        if mine.abjad or theirs.abjad:
            best = max(best, _ratio(consonants, theirs.forms(3)))
        if best >= CUTOFF:
            if len(placed) < n:
                heapq.heappush(placed, (best, latin_likeness, norm))
            else:
                heapq.heappushpop(placed, (best, latin_likeness, norm))
    return [by_norm[norm] for *_, norm in sorted(placed, reverse=True)]


def _matcher(typed: str) -> difflib.SequenceMatcher:
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(typed)
    return matcher


def _bound(matcher: difflib.SequenceMatcher, form: str) -> float:
    """An upper bound of the ratio of ``form`` to the typed form, in either word order."""
    matcher.set_seq1(form)
    if matcher.real_quick_ratio() < CUTOFF:
        return 0.0
    return matcher.quick_ratio()


def _ratio(matchers: list[difflib.SequenceMatcher], forms: list[str]) -> float:
    """The ratio of a candidate's form to the typed name's, the better of as written and with
    both names' words sorted."""
    best = 0.0
    for matcher, form in zip(matchers, forms, strict=False):
        matcher.set_seq1(form)
        best = max(best, matcher.ratio())
    return best


def did_you_mean(name: str, candidates: list[str]) -> str:
    """ " Did you mean 'x'?" or an empty string."""
    matches = closest(name, candidates)
    if not matches:
        return ""
    return " Did you mean " + " or ".join(repr(m) for m in matches) + "?"
