"""Anchoring a statement in its source text: where it is, and a few words either side.

The anchor is both a TextPositionSelector (character offsets, as Python counts them) and a
TextQuoteSelector (prefix, exact text, suffix) in W3C Web Annotation terms, so a moved text
can be re-found and a changed one detected.
"""

import bisect
import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from quotes.errors import QuotesError

CONTEXT = 32
SHOWN_OFFSETS = 5  # offsets listed when a text occurs more than once
SEARCH_WORK = 200_000  # characters compared in one closest-passage search, at most
SEARCHES = 20  # closest-passage searches in one run, at most
ONE_PASS = 4_000_000  # characters a search a text would scan, above which one pass is made
MAX_MATCHES = 10_000_000  # occurrences found in one pass over a source, at most
# A paragraph break is a blank line, whatever the line endings (LF, CRLF or CR).
_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINE = re.compile(_NEWLINE + r"[ \t]*" + _NEWLINE)
_NON_SPACE = re.compile(r"\S")
_WORD_START = re.compile(r"(?<!\S)\S|\b\w")
_WORD = re.compile(r"\w+")


class AnchorError(QuotesError):
    """The text is not in the source, or is there more than once and needs disambiguating."""


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    prefix: str
    suffix: str
    # 1 = first (of the body, when the source says where it starts; None before it);
    # paragraphs are separated by blank lines
    paragraph: int | None


class SourceIndex:
    """A source text with what anchoring asks of it many times, worked out once: where its
    paragraphs start, and (when a closest passage is searched for) where its words start."""

    def __init__(self, text: str):
        self.text = text
        self.paragraph_starts = _paragraph_starts(text)
        self.before_body = 0  # paragraphs before the body: headline, standfirst, credits
        self._word_starts: list[int] | None = None
        self._normalized: str | None = None
        self._found: dict[str, list[int]] = {}

    def find_all(self, texts: Iterable[str]) -> None:
        """Find every occurrence of each of ``texts`` in one pass over the source (Aho-Corasick)
        rather than one pass a text, which made a source of 20,000 statements cost 20,000
        passes over two megabytes."""
        import ahocorasick  # only curation needs it

        wanted = {text for text in texts if text}
        if len(wanted) * len(self.text) < ONE_PASS:
            return  # a search a text is quicker than building the automaton
        automaton = ahocorasick.Automaton()
        for text in wanted:
            automaton.add_word(text, text)
        automaton.make_automaton()
        found: dict[str, list[int]] = {text: [] for text in wanted}
        for matches, (end, text) in enumerate(automaton.iter(self.text)):
            if matches == MAX_MATCHES:
                return  # texts that occur everywhere: each is searched for on its own
            found[text].append(end - len(text) + 1)
        self._found = found

    def occurrences(self, text: str) -> list[int]:
        """Every offset where ``text`` starts, overlapping ones included."""
        if text in self._found:
            return self._found[text]
        return occurrences(self.text, text)

    def paragraph(self, offset: int) -> int | None:
        """The paragraph ``offset`` falls in (1 = first), counting blocks between blank lines
        from the body's first; None for one before the body."""
        number = max(1, bisect.bisect_right(self.paragraph_starts, offset)) - self.before_body
        return number if number >= 1 else None

    def start_body(self, opening: str) -> str | None:
        """Number paragraphs from the one that starts with ``opening``; or say why not."""
        starts = [s for s in self.paragraph_starts if self.text.startswith(opening, s)]
        if len(starts) == 1:
            self.before_body = self.paragraph_starts.index(starts[0])
            return None
        if starts:
            numbers = ", ".join(str(self.paragraph_starts.index(s) + 1) for s in starts)
            return (
                f"{len(starts)} paragraphs start with these words (paragraphs {numbers}); give "
                "more of the body's opening words, so that they start only its first paragraph"
            )
        at = self.text.find(opening)
        if at != -1:
            return (
                f"these words are in the text (at offset {at}, inside paragraph "
                f"{self.paragraph(at)}) but do not start a paragraph; give the opening words of "
                "the first paragraph of the body, copied from the source"
            )
        return (
            "these words do not start any paragraph of the text; copy the opening words of "
            "the first paragraph of the body exactly from the source"
        )

    @property
    def normalized_text(self) -> str:
        if self._normalized is None:
            self._normalized = self.normalized(self.text)
        return self._normalized

    @staticmethod
    def normalized(text: str) -> str:
        return unicodedata.normalize("NFC", text)

    @property
    def word_starts(self) -> list[int]:
        if self._word_starts is None:
            self._word_starts = sorted({m.start() for m in _WORD_START.finditer(self.text)})
        return self._word_starts


def _paragraph_starts(text: str) -> list[int]:
    """The offset of the first non-blank character of each paragraph, in linear time even on
    a text of nothing but blank lines."""
    starts: list[int] = []
    found = _NON_SPACE.search(text)
    if found is None:
        return starts
    starts.append(found.start())
    for blank in _BLANK_LINE.finditer(text, found.end()):
        if blank.start() < starts[-1]:
            continue  # inside the blank run already skipped
        found = _NON_SPACE.search(text, blank.end())
        if found is None:
            break
        starts.append(found.start())
    return starts


def paragraph_at(source: str, offset: int) -> int:
    """The paragraph ``offset`` falls in; build a SourceIndex to ask this more than once."""
    return SourceIndex(source).paragraph(offset)


class SearchBudget:
    """How many closest-passage searches one run may still make: each costs up to a second
    on a long source, and a file of texts pasted from elsewhere must not take hours."""

    def __init__(self, searches: int | None = None):
        self.left = SEARCHES if searches is None else searches

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


def occurrences(source: str, text: str) -> list[int]:
    """Every offset where ``text`` starts in ``source``, overlapping ones included."""
    found, at = [], source.find(text)
    while at != -1:
        found.append(at)
        at = source.find(text, at + 1)
    return found


def anchor(
    source: str | SourceIndex,
    text: str,
    *,
    before: str | None = None,
    after: str | None = None,
    occurrence: int | None = None,
    budget: SearchBudget | None = None,
) -> Anchor:
    """Find ``text`` in ``source``; raise AnchorError saying how to fix it when that fails.

    Pass a SourceIndex to anchor many texts in one source, and a SearchBudget to bound the
    closest-passage searches of a run (unbounded in number without one).
    """
    index = source if isinstance(source, SourceIndex) else SourceIndex(source)
    source = index.text
    starts = index.occurrences(text)
    if not starts:
        raise AnchorError(not_found_message(index, text, budget=budget))
    fitting = [
        s
        for s in starts
        if (before is None or source.endswith(before, 0, s))
        and (after is None or source.startswith(after, s + len(text)))
    ]
    if not fitting:
        raise AnchorError(
            f"the text occurs {len(starts)} time(s) but never with the given before/after "
            "context; copy the context exactly from the source"
        )
    if occurrence is not None:
        if occurrence > len(fitting):
            raise AnchorError(
                f"occurrence {occurrence} asked for, but the text occurs {len(fitting)} time(s)"
            )
        start = fitting[occurrence - 1]
    elif len(fitting) > 1:
        offsets = ", ".join(str(s) for s in fitting[:SHOWN_OFFSETS])
        if len(fitting) > SHOWN_OFFSETS:
            offsets += f" and {len(fitting) - SHOWN_OFFSETS} more"
        raise AnchorError(
            f"the text occurs {len(fitting)} times (at offsets {offsets}); add `occurrence: N` "
            "(1 = first) or `before:`/`after:` with the words around the one you mean"
        )
    else:
        start = fitting[0]
    end = start + len(text)
    return Anchor(
        start,
        end,
        source[max(0, start - CONTEXT) : start],
        source[end : end + CONTEXT],
        index.paragraph(start),
    )


def not_found_message(
    source: str | SourceIndex, text: str, *, budget: SearchBudget | None = None
) -> str:
    """Say the text is missing, and show the closest passage and where it first differs."""
    index = source if isinstance(source, SourceIndex) else SourceIndex(source)
    if index.normalized(text) in index.normalized_text:
        return (
            "the text is not in the source as written, but the source has the same letters in "
            "another Unicode normalization (NFC/NFD); copy the text from the source file"
        )
    if budget is not None and not budget.take():
        return (
            f"the text is not in the source (no closest passage shown: this run has searched "
            f"for {SEARCHES} already; fix those first)"
        )
    best, complete = closest_passage(index, text)
    cut = (
        ""
        if complete
        else "; the search was cut short on this long source: a closer passage may exist"
    )
    if best is None:
        return "the text is not in the source, and nothing in it looks alike" + cut
    start, passage, ratio = best
    matcher = difflib.SequenceMatcher(None, text, passage, autojunk=False)
    first = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    _, i1, i2, j1, j2 = first
    ours = repr(text[i1:i2]) if i2 > i1 else "nothing"
    theirs = repr(passage[j1:j2]) if j2 > j1 else "nothing"
    return (
        f"the text is not in the source; closest passage ({ratio:.0%} alike) at offset {start}: "
        f"{passage!r}; first difference at character {i1}: {ours} here, {theirs} in the source"
        + cut
    )


def closest_passage(
    source: str | SourceIndex, text: str, *, work: int | None = None
) -> tuple[tuple[int, str, float] | None, bool]:
    """The window of the source most like ``text``, starting where a word or a token starts,
    and whether every start was tried.

    Each window tried costs the text's length, so at most ``work`` characters' worth are
    tried: first the windows where one of the text's longer words sits as it does in the
    text, then the rest in order.
    """
    index = source if isinstance(source, SourceIndex) else SourceIndex(source)
    source = index.text
    width = len(text)
    best: tuple[int, str, float] | None = None
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(text)
    limit = max(100, (SEARCH_WORK if work is None else work) // max(width, 1))
    for start in _candidates(index, text, limit):
        window = source[start : start + width]
        matcher.set_seq1(window)
        floor = best[2] if best else 0.5001
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        ratio = matcher.ratio()
        # On a tie, prefer the window that starts like the text: its difference is the real one.
        if ratio > floor or (best and ratio == floor and window[:1] == text[:1] != best[1][:1]):
            best = (start, window, ratio)
    return best, len(index.word_starts) <= limit


def _candidates(index: SourceIndex, text: str, limit: int) -> list[int]:
    """Window starts to try: every word start if there are at most ``limit``; else the
    likeliest first (where one of the text's rarer words is found at the same distance from
    the start, snapped to a word start), then the rest in order."""
    words = index.word_starts
    if len(words) <= limit:
        return words
    offsets: dict[str, int] = {}
    for match in itertools.islice(_WORD.finditer(text), 30):
        offsets.setdefault(match.group(), match.start())
    counts = {word: index.text.count(word) for word in offsets}
    rare = sorted((w for w in offsets if counts[w]), key=lambda w: (counts[w], -len(w)))
    aligned: dict[int, None] = {}
    for word in rare[:8]:
        at = index.text.find(word)
        while at != -1 and len(aligned) < limit:
            i = bisect.bisect_left(words, at - offsets[word])
            aligned.update((words[j], None) for j in (i - 1, i) if 0 <= j < len(words))
            at = index.text.find(word, at + 1)
    rest = (start for start in words if start not in aligned)
    return [*aligned, *itertools.islice(rest, max(0, limit - len(aligned)))]
