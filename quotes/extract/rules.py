"""The rules' reading of an article, before the tagger is heard.

Quotations from their marks, reported speech from a reporting verb and its subject: each a
candidate with its cue, speaker and words, which ``merge`` weighs against the tagger's."""

import re

from quotes.extract import lexicon
from quotes.extract.candidate import Candidate
from quotes.extract.dates import DAY_NAME
from quotes.extract.mentions import PERSON_NOUNS
from quotes.extract.sentences import Sentence, sentences
from quotes.extract.speakers import (
    State,
    clean,
    possessor,
    sentence_subject,
    split_speakers,
    subject,
)

# Typography in the wild mixes curly and straight marks (“...," or "...”), and some texts
# write quotation marks as two apostrophes.
QUOTE_PAIR = re.compile(r"[“\"][^“”\"\n]*[”\"]|''(?:(?!'')[^\n])*''")


_SUBORDINATE = re.compile(r"(?:Although|While|As|Though|If|Because|Since|When|Whereas)\b")


_LEADING = re.compile(r"^(?:[,:]\s*|\s+|that\s+)+", re.IGNORECASE)


# A clause of another time after the main one: "..., days after the city's transport company
# asked for ..." (but "..., as councillors demanded ..." is the same time).
LATER_CLAUSE = re.compile(
    r",\s+(?:(?:days|weeks|months|hours|a\s+day|a\s+week|shortly|soon|just|even)\s+)?"
    r"(?:after|before|since|until)\s"
)


def read_by_rules(text: str) -> list[Candidate]:
    """Candidates from quotation marks and reporting cues alone, speakers not yet named."""
    found: list[Candidate] = []
    state = State()
    for sentence in sentences(text):
        found += split_speakers(text, _in_sentence(text, sentence, state))
    return _over_paragraphs(text, found)


def _over_paragraphs(text: str, found: list[Candidate]) -> list[Candidate]:
    """A quotation that runs over paragraphs opens each with “ and closes only at its end:
    a quote attributed at the start of a paragraph takes in the open paragraphs before it."""
    for candidate in found:
        if (
            candidate.kind != "direct"
            or text[candidate.content_start : candidate.content_start + 1] != "“"
        ):
            continue
        start = candidate.content_start
        while start > 0 and text[start - 1] == "\n":
            previous = text.rfind("\n\n", 0, start - 2)
            begin = previous + 2 if previous >= 0 else 0
            paragraph = text[begin:start].rstrip("\n")
            if not paragraph.startswith("“") or paragraph.count("“") <= paragraph.count("”"):
                break
            start = begin
        if start < candidate.content_start:
            candidate.content_start, candidate.start = start, start + 1
            candidate.text = text[candidate.start : candidate.end]
    extended = [c for c in found if c.kind == "direct"]
    return [
        c
        for c in found
        if not any(
            o is not c
            and o.content_start <= (c.cue_start or -1) < o.content_end
            and o.content_start < c.content_start
            for o in extended
        )
    ]


# A transcript line: "WALLACE: ...", "Sen. Ted Cruz: ...", but not "Credit: ...".
_NOT_SPEAKERS = {
    "credit",
    "photo",
    "image",
    "source",
    "sources",
    "related",
    "read more",
    "update",
    "note",
    "editor's note",
    "correction",
    "video",
    "watch",
    "listen",
    "q",  # an interview's question: the interviewer's words, as a headline is the publisher's
}
_SPEAKER_LINE = re.compile(r"[“\"]?((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)(:)\s+\S")


def _in_sentence(text: str, sentence: Sentence, state: State) -> list[Candidate]:
    """Quotations attributed by a cue after them, then every other cue in order."""
    base, words = sentence.start, sentence.text
    line = _SPEAKER_LINE.match(words)
    if line and (base == 0 or text[base - 1] == "\n"):
        # The speaker's turn is the whole line, however many sentences it holds.
        end = text.find("\n", base)
        end = len(text.rstrip()) if end < 0 else len(text[:end].rstrip())
        if words[:1] in '“"' and text[end - 1] in '”"':
            end -= 1
        source = (base + line.start(1), base + line.end(1))
        if line.group(1).lower() in _NOT_SPEAKERS:
            return []
        cue = (base + line.start(2), base + line.end(2))
        return [candidate_at(text, "direct", cue, base + line.end(2) + 1, end, source)]
    quotes = list(QUOTE_PAIR.finditer(words))
    inside = [(q.start(), q.end()) for q in quotes]
    cues = [
        c
        for c in lexicon.cues(words)
        if not any(a < c.start() < b for a, b in inside) and _is_cue(words, c)
    ]
    found: list[Candidate] = []
    used: set[int] = set()
    for q in quotes:
        after = words[q.end() :]
        signed = _SIGNED.fullmatch(after)
        if signed:  # "“...” ― Sonya Herridge": a quotation signed with its speaker's name
            cue = (base + q.end() + signed.start(1), base + q.end() + signed.end(1))
            source = (base + q.end() + signed.start(2), base + q.end() + signed.end(2))
            found.append(_direct(text, base + q.start(), base + q.end(), cue, source))
            continue
        trailing = _TRAILING.match(after)
        if not trailing:
            continue
        cue = next((c for c in cues if c.start() == q.end() + trailing.start("cue")), None)
        before = trailing.group("before") or ""
        named = before.replace(trailing.group("beside") or "", "")  # the appositive aside
        if cue is None or len(named.split()) > 8 or re.search(r"\b(?:and|but|that)\b", before):
            continue
        used.add(cue.start())
        if trailing.group("before"):
            source = (
                base + q.end() + trailing.start("before"),
                base + q.end() + trailing.end("before"),
            )
        elif trailing.group("after"):
            source = (
                base + q.end() + trailing.start("after"),
                base + q.end() + trailing.end("after"),
            )
        else:
            source = None
        start = q.start()
        # "“A,” he said, “B.”": one statement from A to B.
        # Only when nothing but the attribution stands between the two quotations.
        rest = words[q.end() + trailing.end() :]
        later = [r for r in quotes if r.start() > q.end()]
        joined = later and re.fullmatch(
            r"[\s,]*", rest[: later[0].start() - q.end() - trailing.end()]
        )
        end = later[0].end() if joined else q.end()
        found.append(_direct(text, base + start, base + end, _at(cue, base), source))
    remaining = [c for c in cues if c.start() not in used]
    # "“...,” said Saleh, adding that ...": the quotation's speaker goes on speaking.
    previous_source = (found[-1].speaker_start, found[-1].speaker_end) if found else None
    for i, cue in enumerate(remaining):
        following = remaining[i + 1] if i + 1 < len(remaining) else None
        candidate = _reported(text, sentence, cue, following, quotes, previous_source)
        if candidate:
            found.append(candidate)
            previous_source = (candidate.speaker_start, candidate.speaker_end)
    return sorted(found, key=lambda c: c.start)


# After a quotation that ends its line: " ― Sonya Herridge", " — Rep. John Lewis (D-Ga.)".
_SIGNED = re.compile(
    r"\s*([―—]|(?<=\s)[–-](?=\s))\s*((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*?(?:\s*\([^()]*\))?)[.\s]*"
)
# After a quotation: ", he said", ", said Lavrov", ", Lavrov told reporters", ", the
# group's director, Liene Ozola, said" (a name beside a role), ", one of the sources, a
# manager at the company, said" (a role beside a description).
_TRAILING = re.compile(
    r"\s*,?\s*(?:(?P<before>(?!(?:and|but|that|which|who|because|so|then|as|according)\b)"
    r"[^,.;:“”\"!?\s][^,;:“”\"!?]{0,70}?(?P<beside>,\s+(?:[A-Z]|(?:an?|the)\s)[^,;:“”\"!?]{0,40},)?)"
    r"\s+)?"
    r"(?P<cue>(?:" + "|".join(re.escape(f) for f in lexicon.CUE_FORMS if f.islower()) + r"))\b"
    r"(?:\s+(?P<after>[A-Z][^,.;:“”\"]*))?"
)


_AFTERTHOUGHT = re.compile(
    r"(?:in|on|at|during|after|before|last|this|earlier|later|to|while|when|recently|"
    rf"{DAY_NAME})\b"
)


# Whom the words were told, ending the sentence: "..., two sources told Reuters."
_ADDRESSEE = re.compile(
    r"(?:reporters|journalists|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
    r"(?:\s+(?:by|on|over)\s+(?:phone|telephone|email))?\s*[.!]?"
)


DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|these|those|such)\s+$", re.IGNORECASE)


# A description after its cue, the speaker of the words before: "said the transport minister".
_DESCRIBED = re.compile(
    r"(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(sorted(PERSON_NOUNS))
    + r")s?(?=[,.]|\s*$)"
)
_CLAUSE_AFTER = re.compile(r",\s*(?:as|while|when|after|before|because|but|and|though)\b")


def _short_name(words: str) -> bool:
    """Whether ``words`` can be a speaker's name: short, and no clause in it."""
    return len(words.split()) <= 9 and not re.search(
        r"\b(?:and|but|that|which|because|is|are|was|were|has|have|had)\b", words
    )


def _is_cue(words: str, cue: re.Match) -> bool:
    form = cue.group(0)
    if form[0].isupper() and form.lower() != "according to":
        return False
    if form.lower() in (
        "claim",
        "claims",
        "call",
        "calls",
        "statement",
        "statements",
        "remarks",
        "comments",
        "warning",
        "warnings",
    ):
        return bool(re.match(r"\s+(?:that|for|on|from)\b", words[cue.end() :]))
    return True


# A clause with a subject of its own, whose verbs are not the speaker's.
_OWN_SUBJECT = re.compile(
    r"\b(?:when|where|while|because|if|since|until|after|before|as)\s+"
    r"(?:an?|the|his|her|its|their|he|she|they|it|we|I)\b"
)


# "According to Viktor Petrak, a trade analyst at the Lindqvist Institute, ...": who he is,
# set off by commas, is part of the source, not of the words said.
_ACCORDING_TO_WHOM = re.compile(
    r"(,\s+(?:an?|the|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(sorted(PERSON_NOUNS))
    + r")s?\b[^,.;:]*),\s+\S"
)


def _reported(text, sentence, cue, following, quotes, previous_source) -> Candidate | None:
    """Reported speech: "X warned that ...", "..., officials said", "according to X, ..."."""
    base, words = sentence.start, sentence.text
    if cue.group(0).lower() == "according to":
        source_match = re.match(r"\s*([^,.;]+)", words[cue.end() :])
        if not source_match:
            return None
        role = _ACCORDING_TO_WHOM.match(words, cue.end() + source_match.end())
        if role and cue.start() < 5:  # "According to X, a trade analyst at Y, the ministry ..."
            source_match = re.match(r"\s*(.+)", words[cue.end() : role.end(1)])
        source = (base + cue.end() + source_match.start(1), base + cue.end() + source_match.end(1))
        if cue.start() < 5:
            rest = words[cue.end() + source_match.end() :]
            start = base + cue.end() + source_match.end() + len(rest) - len(_LEADING.sub("", rest))
            end = base + len(words.rstrip(" .\n"))
        else:
            start, end = base, base + len(words[: cue.start()].rstrip(" ,"))
            aside = re.match(r",\s+[a-z]", words[cue.end() + source_match.end() :])
            if aside and words[: cue.start()].rstrip().endswith(","):
                # "Everyone in Dernov, according to the organisers, wants ...": an aside in
                # the words said, which run on after it
                end = base + len(words.rstrip(" .\n"))
        return candidate_at(text, "indirect", _at(cue, base), start, end, source)
    tail = words[cue.end() :].strip()
    head = words[: cue.start()]
    comma = head.rfind(",")
    spoken = head[comma + 1 :] if comma > 0 else ""
    if (
        comma > 0
        and spoken.strip()
        and _short_name(spoken)
        and (
            len(tail) < 3
            or tail[:1] in ".,"
            or _AFTERTHOUGHT.match(tail)
            or (
                cue.group(0).lower() == "told"
                and _ADDRESSEE.fullmatch(tail)
                and not re.search(r"\b(?:who|which)\b", spoken)
            )
        )
    ):
        # "..., officials said." / "..., he said in an interview." The content comes before.
        source = (base + comma + 1 + len(spoken) - len(spoken.lstrip()), base + len(head.rstrip()))
        return candidate_at(text, "indirect", _at(cue, base), base, base + comma, source)
    if (
        comma > 0
        and not spoken.strip()
        and (re.match(r"[A-Z]", tail) or _DESCRIBED.match(tail))
        and _short_name(re.split(r"[,.;]", tail)[0])
    ):
        # "..., says Dante Scala, a political scientist." The speaker follows the cue; not
        # in "An official, who ..., said Tashkent was preparing ...", where a clause does.
        # "..., said the transport minister, as two unions warned ...": the speaker ends
        # before the clause.
        after = words[cue.end() :]
        name_start = cue.end() + len(after) - len(after.lstrip())
        name_end = len(words.rstrip(" .\n"))
        if clause := _CLAUSE_AFTER.search(words, name_start, name_end):
            name_end = clause.start()
        return candidate_at(
            text,
            "indirect",
            _at(cue, base),
            base,
            base + comma,
            (base + name_start, base + name_end),
        )
    if len(tail) < 3 or tail[:1] in ".":
        return None
    if words[cue.end() : cue.end() + 1] not in (" ", ":", ","):
        return None
    if re.search(r"\b(?:been|being|be|is|was|were|are)\s+(?:\w+ly\s+)?$", words[: cue.start()]):
        return None  # passive ("has been criticized"): who spoke is not said here
    participle = cue.group(0).endswith("ing") and re.search(r",\s*$", words[: cue.start()])
    if participle and previous_source and previous_source[0] is not None:
        source = previous_source  # "..., said Saleh, adding that ...": the same speaker
    elif cue.group(0).lower() in lexicon.SPEECH_NOUNS:
        source = possessor(text, base, words, cue)  # "U.S. allegations", "Russia’s denials"
        from_ = re.match(r"\s+from\s+(.+?)\s+(?=(?:for|to|that|on|about)\b)", words[cue.end() :])
        if from_:  # "the joint calls from Lavrov and Baradar for ..."
            source = (base + cue.end() + from_.start(1), base + cue.end() + from_.end(1))
        elif source is None or text[source[0] : source[1]].lower() in ("a", "an", "the"):
            return None  # "A statement from X accused ...": the noun says, the verb is the cue
    else:
        source = subject(text, sentence, base + cue.start())
    if source is None and previous_source and previous_source[0] is not None:
        clause = _OWN_SUBJECT.search(words, 0, cue.start())
        if clause and base + clause.start() > previous_source[1]:
            return None  # "said ..., when a student flew a drone and found ...": the student's
        source = previous_source  # "X urged A and called for B": the same speaker
    if source is None:
        source = sentence_subject(text, sentence)  # "..., and argued", "by stating that"
    rest = words[cue.end() :]
    start = base + cue.end() + len(rest) - len(rest.lstrip(" :,"))
    end = base + len(words.rstrip(" .\n"))
    if following is not None:
        link = re.search(
            r"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?:\w+ly\s+)?$",
            words[: following.start()],
        )
        if link and link.start() > cue.end():
            end = base + link.start()
    if later := LATER_CLAUSE.search(words, cue.end(), end - base):
        # "ruled out any rise, days after the company asked for one": the reporter's clause
        end = min(end, base + later.start())
    if _SUBORDINATE.match(words) and "," in words[cue.end() :]:
        # "Although X continue to emphasize Y, tensions ...": the clause ends at the comma.
        end = min(end, base + cue.end() + words[cue.end() :].index(","))
    if end - start < 8:
        return None
    content = text[start:end]
    kind = "indirect"
    quoted = [q for q in quotes if base + q.start() >= start and base + q.end() <= end + 1]
    if quoted:
        lead = re.fullmatch(r"(?:that\s+)?[“\"].*[”\"][.,]?", content, re.S)
        if lead and len(quoted) == 1:
            if DETERMINER_BEFORE.search(words[: cue.start()]):
                return None  # "calling the reports “fantasy”": a noun, not "reports" the verb
            q = quoted[0]
            return _direct(text, base + q.start(), base + q.end(), _at(cue, base), source)
        kind = "partial"
    return candidate_at(text, kind, _at(cue, base), start, end, source)


def _at(match: re.Match, base: int) -> tuple[int, int]:
    """A match within a sentence as offsets into the whole text."""
    return base + match.start(), base + match.end()


def _direct(text, start, end, cue, source) -> Candidate:
    """A quotation: its text without the quotation marks and the comma or stop inside them."""
    candidate = candidate_at(text, "direct", cue, start, end, source)
    inner_start, inner_end = start + 1, end - 1
    while inner_end > inner_start and text[inner_end - 1] in ",.":
        inner_end -= 1
    candidate.text = text[inner_start:inner_end]
    candidate.start, candidate.end = inner_start, inner_end
    return candidate


def candidate_at(text, kind, cue: tuple[int, int], start, end, source) -> Candidate:
    cue_start, cue_end = cue
    source = clean(text, source)
    speaker_start, speaker_end = source if source else (None, None)
    shown_start = cue_start if kind != "direct" and cue_start < start else start
    return Candidate(
        text=text[shown_start:end],
        start=shown_start,
        end=end,
        kind=kind,
        cue=text[cue_start:cue_end],
        cue_start=cue_start,
        cue_end=cue_end,
        speaker=None,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        speaker_as_written=text[speaker_start:speaker_end] if source else None,
        content_start=start,
        content_end=end,
    )
