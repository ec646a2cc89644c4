"""Matching names as people type them: case, accents, script, word order and spelling.

A name is compared first as typed (case, accents and curly apostrophes ignored), then
written in Latin letters (anyascii: "Сергей Лавров" is "sergey lavrov", "محمد بن سلمان" is
"mhmd bn slmn"), in any word order ("Lavrov Sergei"). Transliteration is lossy, so where one
side was written in another script, the spellings romanizations disagree on are folded
together ("Sergey"/"Sergei", "Salekh"/"Saleh"), and where one side is in a script that leaves
out most vowels (Arabic, Persian, Hebrew) the consonants alone are compared. Each looser step
is taken only when the stricter ones find nothing. Two Latin spellings ("kabull", "Sergey"
for a registry that says only "Sergei") are not taken for each other: "Did you mean" offers
them, judged by the same forms.
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
# Names less alike than this in Latin letters are not compared in their other forms.
NEAR = 0.5

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
        """The name at ``level`` (0 as typed, 1 in Latin letters, 2 spelling variants folded,
        3 consonants), as written and with its words sorted."""
        if level < 2:
            form = self.latin if level else self.norm
        else:
            form = _variant(self.latin) if level == 2 else _consonants(self.latin)
        words = form.split()
        return [form] if len(words) < 2 else [form, " ".join(sorted(words))]


def _levels(typed: str, parts: bool) -> Iterator[Callable[[_Name], bool]]:
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

    yield in_latin
    if parts and mine.latin:
        part = re.compile(rf"(?<!\w){re.escape(mine.latin)}(?!\w)")
        yield a_part
    yield a_variant
    yield in_consonants


def loosely(typed: str, names: Iterable[tuple[T, str]], *, parts: bool = False) -> list[T]:
    """The owners of ``names`` that ``typed`` matches, for when the exact comparison found
    none: at the strictest level where any matches (see the module's docstring).

    ``names`` are (owner, name) pairs; with ``parts``, a name containing the typed one as
    whole words in Latin letters ("Лавров" in "Sergei Lavrov") matches after an equal one.
    """
    named = [(owner, _Name(name)) for owner, name in names]
    for matches in _levels(typed, parts):
        found = {owner: None for owner, name in named if matches(name)}
        if found:
            return list(found)
    return []


def closest(name: str, candidates: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` candidates that look like ``name``, best first, for "Did you mean" hints.

    Forgiving of script, word order and the spellings transliterations disagree on: a
    candidate's likeness is difflib's ratio (as get_close_matches has it) of the most alike of
    its forms and the same form of ``name`` (consonants only where one is in an abjad).
    """
    by_norm: dict[str, str] = {}
    for candidate in candidates:
        by_norm.setdefault(normalize(candidate), candidate)
    mine = _Name(name)
    matchers = [[_matcher(form) for form in mine.forms(level)] for level in range(4)]
    scored = []
    gate = matchers[1][0]
    for norm, candidate in by_norm.items():
        theirs = _Name(candidate)
        gate.set_seq1(theirs.latin)
        if gate.real_quick_ratio() < NEAR or gate.quick_ratio() < NEAR:
            continue  # too unlike in Latin letters for a spelling or a script to make up
        levels = [1, 2, 3] if mine.abjad or theirs.abjad else [1, 2]
        if not (mine.norm.isascii() and norm.isascii()):
            levels.insert(0, 0)  # else the same as in Latin letters
        likeness = {level: _likeness(matchers[level], theirs.forms(level)) for level in levels}
        best = max(likeness.values())
        if best >= CUTOFF:
            # Of two equally like, the one more like as written ("Sergei" for "Sergei",
            # though "Sergey" folds to it too).
            scored.append((best, max(likeness.get(0, 0.0), likeness[1]), norm))
    return [by_norm[norm] for *_, norm in heapq.nlargest(n, scored)]


def _matcher(typed: str) -> difflib.SequenceMatcher:
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(typed)
    return matcher


def _likeness(matchers: list[difflib.SequenceMatcher], forms: list[str]) -> float:
    """The best ratio of a candidate's forms to the typed name's, in the same word order or
    both sorted; 0 when the cheap bounds (the same for any word order) say under the cutoff."""
    first = matchers[0]
    first.set_seq1(forms[0])
    if first.real_quick_ratio() < CUTOFF or first.quick_ratio() < CUTOFF:
        return 0.0
    best = first.ratio()
    if len(matchers) > 1 and len(forms) > 1:
        matchers[1].set_seq1(forms[1])
        best = max(best, matchers[1].ratio())
    return best


def did_you_mean(name: str, candidates: list[str]) -> str:
    """ " Did you mean 'x'?" or an empty string."""
    matches = closest(name, candidates)
    if not matches:
        return ""
    return " Did you mean " + " or ".join(repr(m) for m in matches) + "?"
