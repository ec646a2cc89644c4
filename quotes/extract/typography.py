"""Straight double quotation marks made curly, as a typesetter would, before a text is read.

Plain-text wire copy writes ``"`` for both marks; the rules and the tagger read which side of
a quotation they are on from “ and ”. Each mark is one character either way, so offsets into
the typeset text are offsets into the original, whose own characters the candidates keep.
"""

import re

_STRAIGHT = re.compile('"')
_OPENS_AFTER = frozenset("([{—–-/:")  # a mark after these (or a space) opens a quotation


def typeset(text: str) -> str:
    """``text`` with each ``"`` turned into “ where it opens a quotation and ” where it closes
    one, judged by the character before it; the same length, nothing else changed."""
    if '"' not in text:
        return text
    chars = list(text)
    for mark in _STRAIGHT.finditer(text):
        i = mark.start()
        before = text[i - 1] if i else " "
        chars[i] = "“" if before.isspace() or before in _OPENS_AFTER else "”"
    return "".join(chars)


def restore(candidates, original: str, typeset_text: str) -> None:
    """Give ``candidates``, found in ``typeset_text``, the original's own characters for the
    words they quote, their cue and their speaker as written."""
    if typeset_text is original:
        return
    for c in candidates:
        c.text = original[c.start : c.end]
        if c.cue_start is not None:
            c.cue = original[c.cue_start : c.cue_end]
        speaker = (c.speaker_start, c.speaker_end)
        if None not in speaker and typeset_text[slice(*speaker)] == c.speaker_as_written:
            c.speaker_as_written = original[slice(*speaker)]
