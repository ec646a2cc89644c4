"""Sentences with their offsets: paragraphs split on blank lines, sentences on end marks.

A full stop after a common abbreviation ("Mr.", "U.S.", "Sept.") or an initial does not end
a sentence, and neither does one inside a quotation.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "gov",
    "sen",
    "rep",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "corp",
    "co",
    "ltd",
    "dept",
    "u.s",
    "u.n",
    "u.k",
    "d.c",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "etc",
    "rev",
    "ft",
    "mt",
}
_END = re.compile(r"[.!?…]+[”\"’)]*(?=\s)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> Iterator[Sentence]:
    for paragraph in re.finditer(r"[^\n]+", text):
        yield from _split(text, paragraph.start(), paragraph.end())


def _split(text: str, start: int, end: int) -> Iterator[Sentence]:
    begin, depth = start, 0
    position = start
    for match in _END.finditer(text, start, end):
        depth += _quote_balance(text[position : match.start()])
        position = match.start()
        word = re.search(r"(\S+)$", text[begin : match.start()])
        last = word.group(1).lower().strip('“"(') if word else ""
        # "... offered “a joint commission.” Ostrik told ...": the mark after the full stop
        # closes a quotation the sentence's own words led into, and the sentence ends with it
        # (a quotation that opens its sentence goes on to its cue: "“Why?” Orlov asked.")
        opened = text.rfind("“", begin, match.start())
        closed = (
            depth > 0
            and depth + _quote_balance(match.group(0)) == 0
            and bool(text[begin:opened].strip())
        )
        if depth > 0 and not closed or last in ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue
        following = text[match.end() : end].lstrip()
        if following and not (following[0].isupper() or following[0] in "“\"‘'(0123456789"):
            continue
        stop = match.end()
        if text[begin:stop].strip():
            yield _sentence(text, begin, stop)
        begin = stop
    if text[begin:end].strip():
        yield _sentence(text, begin, end)


def _quote_balance(chunk: str) -> int:
    return chunk.count("“") - chunk.count("”")


def _sentence(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    return Sentence(start, end, text[start:end])
