"""A trained tagger for attribution spans: source, cue and content, as PolNeAR marks them.

A linear-chain CRF (CRFsuite) labels each token of a paragraph B-/I- source, cue or content,
or O. Features are the words, their shapes and their word classes (``wordclusters``), a window of
neighbours, whether the token sits inside quotation marks, and where the reporting verbs of the
lexicon stand in the sentence:
no parser is needed, so a text is tagged in milliseconds. The model file ships in the package
(``model/attribution.crfsuite``); ``quotes/extract/train.py`` rebuilds it from the corpus.
"""

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from quotes.extract import lexicon, wordclusters
from quotes.extract.sentences import sentences

MODEL = "attribution.crfsuite"
ROLES = ("source", "cue", "content")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-.,]\w+)*|[’']\w+|\S")
_CUE_FORMS = {f.lower() for f in lexicon.CUE_FORMS} | {"according"}
_OPEN, _CLOSE = "“‘", "”"


class Token(NamedTuple):  # a tuple: an article has thousands, made in microseconds
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Span:
    role: str
    start: int
    end: int


def paragraphs(text: str) -> list[list[Token]]:
    """The tokens of each non-empty line: a paragraph is one sequence for the tagger."""
    return [
        [
            Token(m.start() + p.start(), m.end() + p.start(), m.group(0))
            for m in _TOKEN.finditer(p.group(0))
        ]
        for p in re.finditer(r"[^\n]+", text)
        if p.group(0).strip()
    ]


_SHAPE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "X" * 26 + "x" * 26 + "d" * 10
)
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    """ "Clinton" -> "Xxx", "2016" -> "dd", "U.S." -> "X.X.": runs cut to two."""
    return _REPEATS.sub(r"\1\1", re.sub(r"\d", "d", word.translate(_SHAPE)))


def hints(tokens: list[Token], ruled) -> list[str]:
    """What the rules made of each token (``ruled``: their candidates), as a feature: the
    tagger learns where the rules are right (quotation marks) and where they are not."""
    marks = ["none"] * len(tokens)
    starts = [t.start for t in tokens]
    priority = {"none": 0, "content": 1, "source": 2, "cue": 3}
    for c in ruled:
        spans = (
            ("content", c.content_start, c.content_end, c.kind),
            ("source", c.speaker_start, c.speaker_end, ""),
            ("cue", c.cue_start, c.cue_end, ""),
        )
        for role, start, end, kind in spans:
            if start is None:
                continue
            first = bisect.bisect_left(starts, start)
            for i in range(first, bisect.bisect_left(starts, end)):
                if priority[role] >= priority[marks[i].split(":")[0]]:
                    marks[i] = f"{role}:{'B' if i == first else 'I'}{kind}"
    return marks


def features(text: str, tokens: list[Token], ruled=(), clusters=None) -> list[list[str]]:
    """The features of each token of a paragraph (``ruled``: the rules' candidates;
    ``clusters``: the word classes, the shipped ones unless given), as strings: only what
    holds is listed, which keeps tagging fast."""
    rule = hints(tokens, ruled)
    if clusters is None:
        clusters = wordclusters.shipped()
    begin = tokens[0].start if tokens else 0
    starts = [begin + s.start for s in sentences(text[begin : tokens[-1].end])] if tokens else []
    sentence_of = [bisect.bisect_right(starts, t.start) for t in tokens]
    words = [t.text.lower() for t in tokens]
    shapes = [_shape(t.text) for t in tokens]
    cue = [w in _CUE_FORMS for w in words]
    classes = [clusters.get(w) for w in words]
    quoted, inside = [], False
    for token in tokens:
        char = token.text
        if char in _OPEN:
            inside = True
        elif char in _CLOSE:
            quoted.append(True)
            inside = False
            continue
        elif char == '"':
            inside = not inside
            quoted.append(True)
            continue
        quoted.append(inside)
    # Per sentence: where the cue words stand, to say "a cue comes later" / "came earlier".
    first_cue: dict[int, int] = {}
    last_cue: dict[int, int] = {}
    first_token: dict[int, int] = {}
    for i, s in enumerate(sentence_of):
        first_token.setdefault(s, i)
        if cue[i] and not quoted[i]:
            first_cue.setdefault(s, i)
            last_cue[s] = i
    n = len(tokens)
    columns = [
        ["w=" + w for w in words],
        ["shape=" + x for x in shapes],
        ["suf3=" + w[-3:] for w in words],
        [
            "cue_pos=" + _relative(i, first_cue.get(s), last_cue.get(s))
            for i, s in enumerate(sentence_of)
        ],
        ["rule=" + r for r in rule],
        *_classes(classes, "", range(len(wordclusters.SIZES))),
        ["title" if t.text[:1].isupper() else None for t in tokens],
        ["cue" if c else None for c in cue],
        ["quoted" if q else None for q in quoted],
        ["pronoun" if w in lexicon.PRONOUNS else None for w in words],
        ["first" if first_token[s] == i else None for i, s in enumerate(sentence_of)],
        ["par_first" if s == sentence_of[0] else None for s in sentence_of],
    ]
    for offset in (-2, -1, 1, 2):
        inside = range(max(0, -offset), min(n, n - offset))
        pad = [None] * min(abs(offset), n)

        def shifted(values, offset=offset, pad=pad, inside=inside):
            """``values`` of the token ``offset`` away, None past the paragraph's edge."""
            moved = [values[i + offset] for i in inside]
            return pad + moved if offset < 0 else moved + pad

        edge = [f"{offset}:edge" if not 0 <= i + offset < n else None for i in range(n)]
        columns += [
            edge,
            shifted([f"{offset}:w={w}" for w in words]),
            shifted([f"{offset}:cue" if c else None for c in cue]),
        ]
        if abs(offset) == 1:
            other = [
                f"{offset}:other_sentence" if sentence_of[i + offset] != sentence_of[i] else None
                for i in inside
            ]
            columns += [
                shifted([f"{offset}:shape={x}" for x in shapes]),
                shifted([f"{offset}:rule={r}" for r in rule]),
                shifted([f"{offset}:quoted" if q else None for q in quoted]),
                *(shifted(c) for c in _classes(classes, f"{offset}:", (1, 2))),
                pad + other if offset < 0 else other + pad,
            ]
    columns.append([None] + [f"-1|w={a}|{b}" for a, b in zip(words, words[1:], strict=False)])
    columns.append([f"w|+1={a}|{b}" for a, b in zip(words, words[1:], strict=False)] + [None])
    return [[f for f in row if f] for row in zip(*columns, strict=True)]


def _classes(classes, prefix: str, levels) -> list[list[str]]:
    """A column of feature names for each granularity in ``levels``: ``{prefix}c{level}=N``,
    or ``{prefix}c=unk`` (in the first column) for a word the table does not have."""
    unknown = prefix + "c=unk"
    columns = []
    for n, level in enumerate(levels):
        name = f"{prefix}c{level}="
        missing = unknown if n == 0 else None
        columns.append([name + c[level] if c else missing for c in classes])
    return columns


def _relative(i: int, first: int | None, last: int | None) -> str:
    """Where a token stands against the sentence's cue words, with the distance binned."""
    if first is None:
        return "none"
    if i < first:
        return f"before{min(first - i, 6)}"
    if i > last:
        return f"after{min(i - last, 6)}"
    if i in (first, last):
        return "at"
    return "between"


def labels(tokens: list[Token], spans: list[Span]) -> list[str]:
    """BIO labels of a paragraph from gold spans; a shorter span overrides a longer one,
    so a nested attribution keeps its own source and cue inside another's content."""
    tags = ["O"] * len(tokens)
    owner = [None] * len(tokens)
    starts = [t.start for t in tokens]
    for span in sorted(spans, key=lambda s: s.end - s.start, reverse=True):
        first = bisect.bisect_left(starts, span.start)
        last = bisect.bisect_left(starts, span.end)
        for i in range(first, last):
            tags[i] = ("B-" if i == first else "I-") + span.role
            owner[i] = span
    for i in range(1, len(tags)):  # an outer span resumed after an inner one begins afresh
        if tags[i].startswith("I-") and owner[i] is not owner[i - 1]:
            tags[i] = "B-" + tags[i][2:]
    return tags


def decode(tokens: list[Token], tags: list[str]) -> list[Span]:
    """Spans from BIO tags; an I- without its B- opens a span too."""
    found: list[Span] = []
    current: list | None = None
    for token, tag in zip(tokens, tags, strict=True):
        if tag == "O":
            current = None
            continue
        kind, role = tag.split("-", 1)
        if kind == "B" or current is None or current[0] != role:
            current = [role, token.start, token.end]
            found.append(current)
        else:
            current[2] = token.end
    return [Span(*c) for c in found]


@cache
def _tagger():
    from importlib.resources import files

    import pycrfsuite

    data = (files("quotes.extract") / "model" / MODEL).read_bytes()
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    return tagger, data  # CRFsuite reads the bytes in place: they must outlive the tagger


def tag(text: str, ruled=()) -> list[Span]:
    """Every source, cue and content span the shipped model finds in ``text``, given the
    rules' candidates ``ruled``."""
    tagger, _ = _tagger()
    found = []
    for tokens in paragraphs(text):
        first, last = tokens[0].start, tokens[-1].end
        near = [c for c in ruled if c.content_start < last and first < c.content_end]
        found += decode(tokens, tagger.tag(features(text, tokens, near)))
    return found
