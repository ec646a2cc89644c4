"""Words said rejoined to their cue and speaker, where the tagger cut them apart.

A cue that ends its paragraph with a colon, or sits after a manner, a "who" or an "as"; a
quotation quoted "as saying"; a quotation resumed after its cue and speaker: each read as one
statement, as a reader takes it."""

import re

from quotes.extract.candidate import Candidate

_CONTINUED = re.compile(r"[\s,.;:]*[“\"]")
# A cue that ends its paragraph with a colon: "He said:", "The governor added:".
_COLON_THEN_PARAGRAPH = re.compile(r"[ \t]*:?[ \t]*\n\s*(?P<said>[^\n]*\S)")
_QUOTATION_GOES_ON = re.compile(r"\n\s*“[^\n]*\S")  # a quotation's next paragraph


def _through_open_paragraphs(text: str, begin: int, end: int) -> int:
    """The end of a quotation opened at ``begin`` and still open at ``end``, a paragraph's
    end: "“B.\n\n“C.”" is one quotation, each paragraph opening with a mark."""
    while text.count("“", begin, end) > text.count("”", begin, end):
        more = _QUOTATION_GOES_ON.match(text, end)
        if more is None:
            break
        end = more.end()
    return end


def said_in_next_paragraph(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "Limbaugh added:" closing a paragraph introduces the next paragraph: those are the
    words said (a quotation when quotation marks enclose them), and any piece of them the
    tagger left without a cue goes. The tagger reads one paragraph at a time, so it finds
    such a cue with nothing said after it."""
    taken = []
    for c in found:
        if c.cue_start is None or c.content_end > c.content_start:
            continue
        colon = text[c.cue_end - 1] == ":" or text[c.cue_end : c.cue_end + 1] == ":"
        said = _COLON_THEN_PARAGRAPH.match(text, c.cue_end) if colon else None
        if said is None:
            continue
        begin, end = said.span("said")
        if text[begin] == "“":
            end = _through_open_paragraphs(text, begin, end)
        taken.append((begin, end))
        if re.fullmatch(r"“[^”]*”[.,]?", text[begin:end]):
            c.kind, c.start, c.end = "direct", begin + 1, text.rindex("”", begin, end)
            while c.end > c.start and text[c.end - 1] in ",.":
                c.end -= 1
        else:
            end -= text[end - 1] == "."  # the full stop is not the words', as PolNeAR marks them
            c.kind, c.start, c.end = "indirect", begin, end
        c.content_start, c.content_end = begin, end
        c.text = text[c.start : c.end]
    return [
        c
        for c in found
        if c.cue_start is not None
        or not any(begin <= c.content_start and c.content_end <= end for begin, end in taken)
    ]


# How the words were said, between the cue and what was said: "in a letter to the council".
MANNER = re.compile(r"(?:in|to|at|during|through|via|with|after|before)\s", re.IGNORECASE)


def said_after_manner(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "said in a letter to the council on Monday that it supported ...": the tagger often
    gives the cue the phrase after it ("in a letter ...") and leaves the "that" clause
    without a cue; the clause is what the cue said, and the phrase how."""
    taken = set()
    for clause in found:
        if clause.cue_start is not None or not re.match(r"that\s", text[clause.content_start :]):
            continue
        for c in found:
            if c.cue_start is None or c.kind == "direct" or c.content_end > clause.content_start:
                continue
            between = text[c.content_end : clause.content_start]
            if (
                MANNER.match(text, c.content_start)
                and c.start == c.cue_start
                and not re.search(r"[.;:!?\n“”\"]", between)
                and len(between.split()) <= 4
            ):
                c.content_start, c.content_end = clause.content_start, clause.content_end
                c.end = clause.content_end
                c.text = text[c.start : c.end]
                taken.add(id(clause))
                break
    return [c for c in found if id(c) not in taken]


def said_after_who(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "brokered by the council's secretary-general, Matteo Ferrante, who said in a speech
    in September that both sides wanted a way out": a relative clause's cue says what
    follows it, not the main clause before it, which both the tagger and the rules read
    as said (as in "..., officials said"). The clause after it is the words said."""
    taken = set()
    for c in found:
        if (c.speaker_as_written or "").lower() not in ("who", "which") or c.cue_start is None:
            continue
        if c.kind == "direct" or c.content_end > c.cue_start:
            continue
        for clause in found:
            between = text[c.cue_end : clause.content_start]
            if (
                clause.cue_start is None
                and clause.content_start >= c.cue_end
                and not re.search(r"[.;:!?\n“”\"]", between)
                and len(between.split()) <= 8
            ):
                c.content_start, c.content_end = clause.content_start, clause.content_end
                c.start, c.end = c.cue_start, clause.content_end
                c.text = text[c.start : c.end]
                taken.add(id(clause))
                break
    return [c for c in found if id(c) not in taken]


# "As Orlov has pointed out, the formula ...": a sentence opening with "As", its speaker and
# cue, then a comma; what follows, to the sentence's end, is what was pointed out.
_AS_BEFORE = re.compile(r"(?:^|(?<=[.!?\n])|(?<=[.!?][”\"]))\s*As\s+$")
_AS_SAID = re.compile(r"[^,.;:!?“”\"\n]{0,40}?,\s+(?=\S)")


def said_after_as(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "As Ivan Orlov has pointed out, the formula was written before the harvest failed.":
    the tagger finds the cue with nothing said after it (the words follow the comma, as the
    main clause), so the candidate had no words and went."""
    for c in found:
        if c.cue_start is None or c.speaker_start is None or c.content_end > c.content_start:
            continue
        if not _AS_BEFORE.search(text, max(0, c.speaker_start - 6), c.speaker_start):
            continue
        said = _AS_SAID.match(text, c.cue_end)
        if said is None:
            continue
        line_end = text.find("\n", said.end())
        line_end = len(text) if line_end < 0 else line_end
        stop = re.search(r"[.!?](?=[”\"]?(?:\s+[A-Z“\"]|\s*$))", text[said.end() : line_end])
        begin = said.end()
        end = begin + stop.start() if stop else line_end
        c.content_start, c.content_end = begin, end
        c.start, c.end = c.cue_start, end
        c.kind = "partial" if re.search(r"[“\"]", text[begin:end]) else "indirect"
        c.text = text[c.start : c.end]
    return found


_AS_ONE_CALLS = re.compile(r",?\s*as\s+$")


def quoted_as_one_calls_it(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "“a monument to impatience,” as local historian Greta Lind calls it": the quotation is
    what she calls it; the tagger read "it" as her words and left the quotation without a
    speaker or cue. The quotation takes hers, and "calls it" goes."""
    taken = set()
    for c in found:
        if c.cue_start is None or c.speaker_start is None or c.kind == "direct":
            continue
        if text[c.content_start : c.content_end] != "it":
            continue
        for q in found:
            if (
                q.kind == "direct"
                and q.cue_start is None
                and q.content_end <= c.speaker_start
                and _AS_ONE_CALLS.fullmatch(text, q.content_end, c.speaker_start)
            ):
                for field in ("cue", "cue_start", "cue_end", "speaker_start", "speaker_end"):
                    setattr(q, field, getattr(c, field))
                q.speaker_as_written = c.speaker_as_written
                taken.add(id(c))
                break
    return [c for c in found if id(c) not in taken]


# "VNA quoted the minister, Sabine Orlan, as saying that ...": what the agency reported is
# what she said; the span before the cue is "quoted <whom> as ".
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+([^.;:!?“”\"\n]+?),?\s+as\s+$")


def quoted_as_saying(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "X quoted Y as saying that ...": Y said it, and X's "quoted" is how it reached the
    page, not a statement of X's (the tagger reads "quoted the minister" as one)."""
    dropped = set()
    for c in found:
        _saying_of_quoted(text, c)
        if c.cue_start is None:
            continue
        whom = _QUOTED_AS.search(text, max(0, c.cue_start - 200), c.cue_start)
        if not whom:
            continue
        c.speaker_start, c.speaker_end = whom.span(1)
        c.speaker = text[c.speaker_start : c.speaker_end]
        for other in found:
            if other.cue_start == whom.start() and other is not c:
                dropped.add(id(other))
            elif (
                other.cue_start is not None
                and other.content_start < whom.start() < other.content_end
            ):
                # "said voters were “tired ...,” and quoted a teacher, X, as saying": the
                # first words end before the quoting
                end = len(text[: whom.start()].rstrip().removesuffix("and").rstrip(" ,"))
                other.content_end = other.end = end
                other.text = text[other.start : other.end]
    return [c for c in found if id(c) not in dropped]


# "quoted a retired teacher, Marta Lind, as saying she would ...": the words the cue
# "quoted" was given, up to the cue of the one quoted
_WHOM_AS_SAYING = re.compile(r"[^.;:!?“”\"\n]+?,?\s+as\s+(saying)\s+(?:that\s+)?")


def _saying_of_quoted(text: str, c: Candidate) -> None:
    """ "The Ostrov Herald, in the north, quoted a retired teacher, X, as saying ...": a
    "quoted" whose words run over the one quoted and "as saying" (the tagger read no cue in
    them) is cued by "saying", the words after it (``quoted_as_saying`` then gives them to
    whom was quoted)."""
    if not re.fullmatch(r"quot(?:ed|es|ing)", c.cue or ""):
        return
    saying = _WHOM_AS_SAYING.match(text, c.content_start, c.content_end)
    if not saying or saying.end() >= c.content_end:
        return
    c.cue_start, c.cue_end = saying.span(1)
    c.cue = text[c.cue_start : c.cue_end]
    c.start, c.content_start = c.cue_start, saying.end()
    c.text = text[c.start : c.end]


# The rest of a speaker's appositive, then the quotation resumed: " clinic, “and ..."
_APPOSITIVE_THEN_QUOTATION = re.compile(r"[^“”\"\n.!?,;:]{1,80}(?=,\s*([“\"]))")


def speaker_cut_before_resumed(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "“A,” said Marta Ilves, a nurse at the district clinic, “and B.”": where the tagger
    ended the speaker inside the appositive ("... the district") and read the rest as words
    said, or as a cue ("clinic for"), the speaker ends at the comma before the quotation
    resumes, and what the tagger made of the rest is that quotation's second part, with no
    cue of its own (``one_per_cue`` then makes A and B one)."""
    for c in found:
        if c.kind != "direct" or c.speaker_end is None or c.cue_start is None:
            continue
        if not c.content_end <= c.cue_start < c.speaker_start:
            continue  # "“A,” said X, ...": the cue, then the speaker, after the quotation
        rest = _APPOSITIVE_THEN_QUOTATION.match(text, c.speaker_end)
        if rest is None or not text[c.speaker_end].isspace():
            continue
        if re.match(r"\s*\w+ing\b", rest[0]):
            continue  # "said Sherman, speaking of politicians, “and ...”": no appositive
        resumed = rest.start(1)
        others = [
            o
            for o in found
            if o is not c
            and c.speaker_end <= o.content_start < resumed
            and (o.cue_start is None or c.speaker_end <= o.cue_start < resumed)
        ]
        if not others:
            continue
        c.speaker_end = rest.end()
        c.speaker_as_written = text[c.speaker_start : c.speaker_end]
        for o in others:
            o.kind, o.content_start = "direct", resumed
            o.cue = o.cue_start = o.cue_end = None
            o.speaker = o.speaker_start = o.speaker_end = o.speaker_as_written = None
            o.start = resumed + 1
            o.text = text[o.start : o.end]
    return found


# A quotation resumed after its speaker: "..., said X, “and B.”"
_AFTER_A_COMMA = re.compile(r",\s*\Z")


def one_per_cue(text: str, found: list[Candidate]) -> list[Candidate]:
    """One statement per cue: "“A,” she said. “B.”" is one quotation, A to B, when nothing but
    its cue and speaker stand between its parts (B with the same cue, or with none); any other
    content the same cue was given is a piece the tagger cut off, and goes."""
    _cue_back_to_quotation(text, found)
    by_cue: dict[int, list[Candidate]] = {}
    for candidate in found:
        if candidate.cue_start is not None:
            by_cue.setdefault(candidate.cue_start, []).append(candidate)
    dropped = set()
    for group in by_cue.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda c: (c.kind != "direct", c.content_start))
        for other in group[1:]:
            dropped.add(id(other))
            _resume(text, group[0], other)
    quotations = sorted(
        (c for c in found if c.kind == "direct" and id(c) not in dropped),
        key=lambda c: c.content_end,
    )
    for candidate in found:
        if candidate.cue_start is None and id(candidate) not in dropped:
            if candidate.kind == "direct" and not _AFTER_A_COMMA.search(
                text, 0, candidate.content_start
            ):
                continue  # "“A,” read one. “B,”": another quotation, or a title
            before = [q for q in quotations if q.content_end <= candidate.content_start]
            if before and _resume(text, before[-1], candidate):
                dropped.add(id(candidate))
    kept = [c for c in found if id(c) not in dropped]
    return _resumed_after_attribution(text, kept)


# A cue's words that are only the next quotation: ". “B.”" after "the statement said"
_ONLY_NEXT_QUOTATION = re.compile(r"[\s,.;:]*“")


def _cue_back_to_quotation(text: str, found: list[Candidate]) -> None:
    """ "“A,” the statement said. “B.”": when the tagger gave the cue between two quotations
    to the second alone (its words ". “B.”") and left the first with none, the cue and its
    speaker are the first's too, and the second's words begin at its quotation mark;
    ``one_per_cue`` then joins them."""
    for second in found:
        if second.cue_start is None or second.speaker_start is None:
            continue
        words = _ONLY_NEXT_QUOTATION.match(text, second.content_start)
        if not words or second.cue_end > second.content_start:
            continue
        if not re.fullmatch(r"[\s.,;:]*", text[second.cue_end : second.content_start]):
            continue
        attribution = min(second.cue_start, second.speaker_start)
        first = next(
            (
                c
                for c in found
                if c.kind == "direct"
                and c.cue_start is None
                and re.fullmatch(r"[\s,]*", text[c.content_end : attribution])
            ),
            None,
        )
        if first is None:
            continue
        first.cue, first.cue_start, first.cue_end = second.cue, second.cue_start, second.cue_end
        first.speaker, first.speaker_as_written = second.speaker, second.speaker_as_written
        first.speaker_start, first.speaker_end = second.speaker_start, second.speaker_end
        second.kind, second.content_start = "direct", words.end() - 1
        second.start = second.content_start + 1
        second.text = text[second.start : second.end]


# The attribution after a quotation, up to the end of its sentence, then the next quotation:
# "“A,” Serikbayev told reporters after meeting the envoys. “B.”"
# The second quotation may stay open at the end of its paragraph and go on in the next.
_ATTRIBUTION_THEN_QUOTE = re.compile(r"[^“”\n]{1,160}?[.!?]\s+(“[^“”\n]+(?:”|(?=\n\s*“)))")


def _left_open(text: str, quotation: Candidate) -> int | None:
    """Where the last part of a direct quotation opens, if nothing closes it before its
    paragraph ends ("“Nobody will learn that from a map.\n\n"), else None."""
    opens = text.rfind("“", quotation.content_start, quotation.content_end)
    if opens < 0 or "”" in text[opens : quotation.content_end]:
        return None
    return opens if re.match(r"[^“”\n\w]*\n", text[quotation.content_end :]) else None


def _resumed_after_attribution(text: str, found: list[Candidate]) -> list[Candidate]:
    """A quotation whose next sentence, after its attribution, is nothing but a quotation
    with no cue of its own goes on: one direct statement, its second part taken from
    whatever candidate the tagger made of it (with a cue from inside the attribution)."""
    dropped = set()
    for first in found:
        if first.kind != "direct" or first.cue_start is None or id(first) in dropped:
            continue
        then = _ATTRIBUTION_THEN_QUOTE.match(text, first.content_end)
        if then and first.content_end <= first.cue_start < then.start(1):
            begin, end = then.span(1)
        elif (opens := _left_open(text, first)) is not None:
            # "“A,” said X. “B.\n\n“C.”": the draft's B, unclosed, goes on in C
            begin, end = opens, text.index("\n", first.content_end)
        else:
            continue
        end = _through_open_paragraphs(text, begin, end)
        if text[end - 1] != "”":
            continue
        after = text[end : end + 2]
        if after.strip() and not re.match(r"\s*\n", after):
            continue  # the quotation has words of its own after it (its own cue, say)
        others = [
            c for c in found if c is not first and c.content_start < end and begin < c.content_end
        ]
        if any(
            c.cue_start is not None and not first.content_end <= c.cue_start < begin for c in others
        ):
            continue  # the second quotation has a cue of its own
        dropped |= {id(c) for c in others}
        first.content_end = end
        first.end = end - 1
        while first.end > first.start and text[first.end - 1] in ",.":
            first.end -= 1
        first.text = text[first.start : first.end]
    return [c for c in found if id(c) not in dropped]


def _resume(text: str, first: Candidate, other: Candidate) -> bool:
    """Extend the quotation ``first`` over ``other`` when ``other`` resumes it after its cue
    and speaker: "“A,” she said. “B.”"."""
    between = text[first.content_end : other.content_start]
    cue_and_speaker = between.replace(first.cue or "", "", 1)
    if first.speaker_as_written:
        cue_and_speaker = cue_and_speaker.replace(first.speaker_as_written, "", 1)
    if not (
        first.kind == "direct"
        and other.content_start >= first.content_end
        and re.fullmatch(r"[\s,.;:]*", cue_and_speaker)
        and _CONTINUED.match(text, other.content_start)
        and "\n" not in between
    ):
        return False
    first.content_end = first.end = other.content_end
    while first.end > first.start and text[first.end - 1] in '”",.':
        first.end -= 1  # the words without the closing mark, as for any quotation
    first.text = text[first.start : first.end]
    return True


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.content_start < b.content_end and b.content_start < a.content_end
