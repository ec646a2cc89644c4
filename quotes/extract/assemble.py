"""The tagger's spans joined into attributions: each cue with its nearest content and source.

The tagger labels spans one by one; a statement needs them together. Within a paragraph each
cue takes the closest content not yet taken (after it when one starts in the same sentence,
else the one before it) and the closest source in its sentence. A content left without a cue
stays a candidate: it is usually a quotation whose cue the tagger missed.
"""

import re

from quotes.extract.candidate import Candidate
from quotes.extract.tagger import Span

_DIRECT = re.compile(r"[“\"‘][^“”\"]*[”\"’][.,!?]?", re.S)


def attributions(text: str, spans: list[Span]) -> list[Candidate]:
    """One candidate per cue (and per cueless content), in order of their content."""
    found = []
    by_paragraph: dict[int, list[Span]] = {}
    for span in spans:
        by_paragraph.setdefault(text.rfind("\n", 0, span.start), []).append(span)
    for group in by_paragraph.values():
        cues = [s for s in group if s.role == "cue"]
        # A stray comma tagged as content is no words said: the cue is then left without
        # any, for the rules' words to fill (quotes.extract.merge).
        contents = [
            s for s in group if s.role == "content" and re.search(r"\w", text[s.start : s.end])
        ]
        sources = [s for s in group if s.role == "source"]
        pairs = sorted(
            ((_cost(text, cue, content, cues), i, j) for i, cue in enumerate(cues)
             for j, content in enumerate(contents)),
        )  # fmt: skip
        content_of: dict[int, Span] = {}
        taken: set[int] = set()
        for _, i, j in pairs:
            if i not in content_of and j not in taken:
                content_of[i] = contents[j]
                taken.add(j)
        for i, cue in enumerate(cues):
            own = [s for s in sources if not _subject_of_next_cue(text, cue, s, cues)]
            source = _nearest(text, cue, own, same_sentence=True, prefer_before=True)
            found.append(candidate(text, cue, content_of.get(i), source))
        found += [candidate(text, None, c, None) for j, c in enumerate(contents) if j not in taken]
    return sorted(found, key=lambda c: (c.content_start, c.cue_start or 0))


_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s")


def _subject_of_next_cue(text: str, cue: Span, source: Span, cues: list[Span]) -> bool:
    """ "The bank has expressed concern about ..., and its president, Ines Kallberg, told":
    a source after the cue, in a clause of its own ("and", "but") and right before a cue,
    is that cue's subject, not the speaker of the first ("said Orlov, adding" is Orlov's)."""
    if source.start < cue.end or not _NEXT_CLAUSE.search(text, cue.end, source.start):
        return False
    return any(0 <= c.start - source.end <= 3 for c in cues if c is not cue)


def _cost(text: str, cue: Span, content: Span, cues: list[Span]) -> int:
    """How unlikely ``content`` is what ``cue`` introduces: the words between them, more so
    across a sentence's end or another cue."""
    gap = _gap(text, cue, content)
    cost = len(gap)
    if re.search(r"[.!?][”\"’]?\s", gap):
        cost += 200
    first, last = sorted((cue, content), key=lambda s: s.start)
    if any(first.end <= c.start and c.end <= last.start for c in cues if c is not cue):
        cost += 400
    return cost


def _gap(text: str, a: Span, b: Span) -> str:
    first, second = (a, b) if a.start <= b.start else (b, a)
    return text[first.end : second.start]


def _nearest(text, cue, spans, *, same_sentence=False, prefer_before=False) -> Span | None:
    best, best_cost = None, None
    for span in spans:
        gap = _gap(text, cue, span)
        # the later span's first letter too: "has asked to join. The group said" ends a
        # sentence before "The group", which is no source of "has asked"
        later = max(cue.start, span.start)
        if same_sentence and re.search(r"[.!?][”\"’]?\s+[A-Z“\"]", gap + text[later : later + 1]):
            continue
        cost = len(gap) + (0 if (span.start < cue.start) == prefer_before else 1)
        if best_cost is None or cost < best_cost:
            best, best_cost = span, cost
    return best


def kind_of(content: str) -> str:
    """direct: all of it inside quotation marks; partial: quoted words within; else indirect."""
    bare = content.strip()
    if _DIRECT.fullmatch(bare):
        return "direct"
    if re.search(r"[“\"][^“”\"]+[”\"]", bare):
        return "partial"
    return "indirect"


def candidate(text: str, cue: Span | None, content: Span | None, source: Span | None):
    """A candidate in the curated convention: a direct quote's text without its marks,
    reported speech from the cue on when the cue comes first."""
    start, end = (content.start, content.end) if content else (cue.end, cue.end)
    kind = kind_of(text[start:end]) if content else "indirect"
    shown_start, shown_end = start, end
    if kind == "direct":
        shown_start = start + 1
        shown_end = end - 1 if text[end - 1] in '”"’' else end - 2
        while shown_end > shown_start and text[shown_end - 1] in ",.":
            shown_end -= 1
    elif cue is not None and cue.start < start:
        shown_start = cue.start
    return Candidate(
        text=text[shown_start:shown_end],
        start=shown_start,
        end=shown_end,
        kind=kind,
        cue=text[cue.start : cue.end] if cue else None,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
        speaker=None,
        speaker_start=source.start if source else None,
        speaker_end=source.end if source else None,
        speaker_as_written=text[source.start : source.end] if source else None,
        content_start=start,
        content_end=end,
    )
