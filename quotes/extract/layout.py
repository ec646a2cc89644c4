"""Where an article's body starts: headlines, standfirsts and page furniture come before it.

A headline states; it is not a statement anyone made in the story, so extraction leaves it
out unless asked. The leading block is the lines that read as headings (short, no closing
full stop), the single sentences that follow a heading (a standfirst), and everything before
a dateline ("MOSCOW, May 28 /TASS/").
"""

import re

from quotes.extract.dates import dateline


def body_start(text: str) -> int:
    """The offset of the first paragraph of the story itself."""
    paragraphs = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text)]
    paragraphs = [(start, words) for start, words in paragraphs if words]
    line = dateline(text)
    if line:
        for start, words in paragraphs[:6]:
            if words.startswith(line.written):
                return start
    begin = 0
    after_heading = False
    for start, words in paragraphs[:8]:
        if _heading(words) or (after_heading and _CREDIT.match(words)):
            after_heading, begin = True, start + len(words)
        elif after_heading and _standfirst(words, paragraphs, start):
            after_heading, begin = False, start + len(words)
        else:
            break
    return begin


# A credit line under the heading: "Translated and summarised by the Marl Monitor desk."
_CREDIT = re.compile(
    r"(?:Translated|Compiled|Edited|Summari[sz]ed|(?:Additional\s+)?[Rr]eporting)"
    r"(?:\s+and\s+\w+)?\s+by\s+[^.!?]{2,80}[.]?$"
)


def _heading(words: str) -> bool:
    return len(words.split()) <= 20 and not re.search(r"[.!?…”\"]$", words)


def _standfirst(words: str, paragraphs, start) -> bool:
    """One sentence or two after a heading, followed by another heading (as magazines print
    it: "... made enemies of its neighbours. Can Korsa keep them at bay?")."""
    if len(words.split()) > 45 or len(re.findall(r"[.!?]\s+[A-Z]", words)) > 1:
        return False
    following = [w for s, w in paragraphs if s > start][:1]
    return bool(following) and _heading(following[0])


# A press release's label line: "PRESS RELEASE", "For immediate release".
_RELEASE_LABEL = re.compile(
    r"(?:(?:press|news|media)\s+release|for\s+immediate\s+release)\W*", re.I
)


def headline(text: str) -> str | None:
    """The title: the text's first line, but for a press release's label line ("PRESS
    RELEASE", then its issuer) the last heading before the body."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    if not _RELEASE_LABEL.fullmatch(lines[0]):
        return lines[0]
    before = text[: body_start(text)]
    headings = [line.strip() for line in before.splitlines() if line.strip()]
    headings = [h for h in headings if _heading(h) and not _RELEASE_LABEL.fullmatch(h)]
    return headings[-1] if headings else lines[0]


_NOT_AUTHOR = {"associated", "press", "reuters", "ap", "afp", "staff", "writer", "and", "the"}


def byline(text: str) -> str | None:
    """The author a byline before the body names ("By MARTA ILVES Associated Press": Marta
    Ilves), in the case names are written, or None. Several authors ("By Anna Petrova and
    Marat Ismailov") are one author string, as the curated files record them."""
    begin = body_start(text)
    for line in re.finditer(r"[^\n]+", text[: begin or 400]):
        found = re.match(r"\s*By\s+(.+)", line.group(0))
        if not found:
            continue
        names = []
        for part in re.split(r",?\s+(?:and|&)\s+|,\s*", found.group(1).strip()):
            name = _name_in_byline(part)
            if not name:
                break
            names.append(name)
        if names:
            return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return None


def _name_in_byline(words: str) -> str | None:
    """The name that opens one author's part of a byline ("MARTA ILVES Associated Press")."""
    name = []
    for word in re.split(r"\s+", words.strip()):
        if not re.fullmatch(r"[A-Z][\w.’'-]*", word) or word.lower() in _NOT_AUTHOR:
            break
        name.append(word.title() if word.isupper() and len(word) > 2 else word)
    return " ".join(name) if 2 <= len(name) <= 4 else None
