"""Anchoring a statement in its source text: where it is, and a few words either side.

The anchor is both a TextPositionSelector (character offsets, as Python counts them) and a
TextQuoteSelector (prefix, exact text, suffix) in W3C Web Annotation terms, so a moved text
can be re-found and a changed one detected.
"""

import difflib
import re
from dataclasses import dataclass

from quotes.errors import QuotesError

CONTEXT = 32
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


class AnchorError(QuotesError):
    """The text is not in the source, or is there more than once and needs disambiguating."""


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    prefix: str
    suffix: str
    paragraph: int  # 1 = first; paragraphs are separated by blank lines


def paragraph_at(source: str, offset: int) -> int:
    """The paragraph ``offset`` falls in, counting blocks of text between blank lines."""
    return len([block for block in _BLANK_LINES.split(source[:offset]) if block.strip()]) or 1


def occurrences(source: str, text: str) -> list[int]:
    """Every offset where ``text`` starts in ``source``, overlapping ones included."""
    found, at = [], source.find(text)
    while at != -1:
        found.append(at)
        at = source.find(text, at + 1)
    return found


def anchor(
    source: str,
    text: str,
    *,
    before: str | None = None,
    after: str | None = None,
    occurrence: int | None = None,
) -> Anchor:
    """Find ``text`` in ``source``; raise AnchorError saying how to fix it when that fails."""
    starts = occurrences(source, text)
    if not starts:
        raise AnchorError(not_found_message(source, text))
    fitting = [
        s
        for s in starts
        if (before is None or source[:s].endswith(before))
        and (after is None or source[s + len(text) :].startswith(after))
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
        offsets = ", ".join(str(s) for s in fitting)
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
        paragraph_at(source, start),
    )


def not_found_message(source: str, text: str) -> str:
    """Say the text is missing, and show the closest passage and where it first differs."""
    best = closest_passage(source, text)
    if best is None:
        return "the text is not in the source, and nothing in it looks alike"
    start, passage, ratio = best
    matcher = difflib.SequenceMatcher(None, text, passage, autojunk=False)
    first = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    _, i1, i2, j1, j2 = first
    ours = repr(text[i1:i2]) if i2 > i1 else "nothing"
    theirs = repr(passage[j1:j2]) if j2 > j1 else "nothing"
    return (
        f"the text is not in the source; closest passage ({ratio:.0%} alike) at offset {start}: "
        f"{passage!r}; first difference at character {i1}: {ours} here, {theirs} in the source"
    )


def closest_passage(source: str, text: str) -> tuple[int, str, float] | None:
    """The window of the source most like ``text``, starting where a word or a token starts."""
    width = len(text)
    best: tuple[int, str, float] | None = None
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(text)
    starts = sorted({m.start() for m in re.finditer(r"(?<!\S)\S|\b\w", source)})
    for start in starts:
        window = source[start : start + width]
        matcher.set_seq1(window)
        floor = best[2] if best else 0.5001
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        ratio = matcher.ratio()
        # On a tie, prefer the window that starts like the text: its difference is the real one.
        if ratio > floor or (best and ratio == floor and window[:1] == text[:1] != best[1][:1]):
            best = (start, window, ratio)
    return best
