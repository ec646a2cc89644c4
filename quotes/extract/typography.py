"""Straight quotation marks made curly, as a typesetter would, before a text is read.

Plain-text wire copy writes ``"`` for both marks, and some copy (the New York Times' archive
text, say) writes two apostrophes, ``''``; the rules and the tagger read which side of a
quotation they are on from “ and ”. Each ``"`` is one character either way; ``''`` becomes a
thin space and the mark, the mark beside the words (`` “Words”  ``), so offsets into the
typeset text are offsets into the original, whose own characters the candidates keep.
Single marks (British copy: 'Nobody likes it,' Mr Orlov said) are read as “ and ” in pairs,
its apostrophes left alone, except inside a double quotation, where they quote within it.
Copy translated from the French, Russian or German press keeps its own marks (« », „ “): they
are read as “ and ” too, one character for one.
"""

import re

_STRAIGHT = re.compile("\"|''")
_OPENS_AFTER = frozenset("([{—–-/:")  # a mark after these (or a space) opens a quotation
_HALF = "\u2009"  # a thin space: the apostrophe of ``''`` away from the words


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s([{—–/:]))['‘](?=[^\W\d_])", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'‘])['’](?![\w])")
_POSSESSIVE = re.compile(r"s['’] [^\W\d_]")  # "the drivers' union": an apostrophe, not a mark


def singles(text: str) -> str:
    """``text`` with each pair of single quotation marks read as “ and ”: an opening one
    after a space, before a letter; its closing one the first after it in the paragraph not
    inside a word nor a plural's possessive. Inside a double quotation ("He told me 'the
    port is closed'") a single pair is a quotation within it, not one of its own: left."""
    if not _SINGLE_OPEN.search(text):
        return text
    chars = list(text)
    at = 0
    while opening := _SINGLE_OPEN.search(text, at):
        paragraph_end = text.find("\n", opening.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        double = re.compile("[“”]").search(text, opening.end(), paragraph_end)
        closing = next(
            (
                m
                for m in _SINGLE_CLOSE.finditer(
                    text, opening.end(), double.start() if double else paragraph_end
                )
                if not _POSSESSIVE.match(text, m.start() - 1)
            ),
            None,
        )
        if closing is None or _in_double(text, opening.start()):
            at = opening.end()
            continue
        chars[opening.start()], chars[closing.start()] = "“", "”"
        at = closing.end()
    return "".join(chars)


def _in_double(text: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation in double marks (typeset) of its paragraph."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.rfind("“") > before.rfind("”")


_GUILLEMET = re.compile("[«»]")
_LOW_OPEN = re.compile("„")


def foreign(text: str) -> str:
    """``text`` with guillemets and German low marks read as “ and ”: « opens and » closes
    (a French « with a space inside too), but the other way round where the copy sets them
    so, »word ... word« (the German and Danish order); „ opens, and its closing mark, which
    German writes “, is the first “ after it in the paragraph (a ” there closes it already,
    as Polish copy writes it). The same length: only the marks change."""
    if not _GUILLEMET.search(text) and not _LOW_OPEN.search(text):
        return text
    chars = list(text)
    for mark in _GUILLEMET.finditer(text):
        i = mark.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if mark.group(0) == "»":
            reversed_ = before.isspace() and (after.isalnum() or after in "'‘")
            chars[i] = "“" if reversed_ else "”"
        else:
            reversed_ = not before.isspace() and (after.isspace() or after in ",.;:!?)")
            chars[i] = "”" if reversed_ else "“"
    for mark in _LOW_OPEN.finditer(text):
        chars[mark.start()] = "“"
        end = text.find("\n", mark.end())
        closing = re.compile("[“”]").search(text, mark.end(), len(text) if end < 0 else end)
        if closing and closing.group(0) == "“":
            chars[closing.start()] = "”"
    return "".join(chars)


def typeset(text: str) -> str:
    """``text`` with each ``"`` or ``''`` turned into “ where it opens a quotation and ” where
    it closes one, judged by the character before it, or its single marks where it has no
    double ones (``singles``), and the foreign press's marks read as these (``foreign``); the
    same length, nothing else changed."""
    text = foreign(text)
    if '"' not in text and "''" not in text:
        return singles(text)
    chars = list(text)
    for mark in _STRAIGHT.finditer(text):
        i = mark.start()
        before = text[i - 1] if i else " "
        opens = before.isspace() or before in _OPENS_AFTER
        if mark.group(0) == '"':
            chars[i] = "“" if opens else "”"
        else:
            chars[i : i + 2] = [_HALF, "“"] if opens else ["”", _HALF]
    return singles("".join(chars))


def whole_marks(original: str, start: int, end: int) -> tuple[int, int]:
    """A span of the typeset text that opens or closes at a mark written ``''`` in the
    original, taking in both its apostrophes, as the original's own marks go."""
    if start > 0 and original[start - 1 : start + 1] == "''":
        start -= 1
    if original[end - 1 : end + 1] == "''":
        end += 1
    return start, end


def restore(candidates, original: str, typeset_text: str) -> None:
    """Give ``candidates``, found in ``typeset_text``, the original's own characters for the
    words they quote, their cue and their speaker as written, and their words said whole
    marks."""
    if typeset_text is original:
        return
    for c in candidates:
        c.text = original[c.start : c.end]
        c.content_start, c.content_end = whole_marks(original, c.content_start, c.content_end)
        if c.cue_start is not None:
            c.cue = original[c.cue_start : c.cue_end]
        speaker = (c.speaker_start, c.speaker_end)
        if None not in speaker and typeset_text[slice(*speaker)] == c.speaker_as_written:
            c.speaker_as_written = original[slice(*speaker)]
