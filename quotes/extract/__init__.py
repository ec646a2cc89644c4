"""Assisted extraction: a text in, candidate statements out, for a curator to review.

A trained tagger (``tagger``) proposes source, cue and content spans; rules (``rules``) keep
what they do better: quotation marks and reporting cues ("said", "warned that", "according
to") locate what was said, the words around the cue give who said it (``speakers``), the edges
of spans follow the corpus's conventions (``boundaries``), words the tagger cut apart are
rejoined (``rejoin``), and dates come from the sentence (``dates``). It knows nothing of the
database. Offsets are character offsets into the text as Python reads
it; ``text``/``start``/``end`` follow the curated convention (a direct quote without its
quotation marks; reported speech from the cue on), while ``content_start``/``content_end``
give the content alone, as attribution corpora mark it.
"""

import bisect
import datetime
import itertools
import re
from dataclasses import replace

from quotes.extract import lexicon
from quotes.extract.boundaries import (
    CUE_CUT,
    adverb_to_cue,
    cue_over_its_object,
    day_after_object,
    day_out_of_words,
    day_to_the_end,
    name_out_of_cue,
    no_closing_comma,
    no_next_sentence,
    no_writers_participle,
    quotation_after_colon,
    trim_cue,
    words_around_aside,
    words_before_aside,
)
from quotes.extract.candidate import Candidate
from quotes.extract.dates import (
    COUNTS,
    LEADING_DAY,
    dateline,
    day_after_cue,
    said_in,
    stamped,
)
from quotes.extract.mentions import BODY_NOUNS, COMPANY_NOUNS, PERSON_NOUNS, Mentions
from quotes.extract.registry import Registry
from quotes.extract.rejoin import (
    MANNER,
    one_per_cue,
    overlaps,
    quoted_as_one_calls_it,
    quoted_as_saying,
    said_after_as,
    said_after_manner,
    said_after_who,
    said_in_next_paragraph,
    speaker_cut_before_resumed,
)
from quotes.extract.rules import (
    DETERMINER_BEFORE,
    LATER_CLAUSE,
    QUOTE_PAIR,
    candidate_at,
    read_by_rules,
)
from quotes.extract.sentences import sentences
from quotes.extract.speakers import (
    State,
    resolve,
    split_speakers,
)
from quotes.extract.typography import restore, typeset

_DAY_OR_COARSER = re.compile(r"\d{4}(?:-\d{2}){0,2}")


def extract(
    text: str,
    *,
    registry: Registry | None = None,
    published: str | None = None,
    headlines: bool = False,
    model: bool = True,
) -> list[Candidate]:
    """Every candidate statement in ``text``, in order of appearance.

    The trained tagger proposes spans; quotations the rules find from their quotation marks
    replace whatever the tagger made of the same words. Headlines and standfirsts are left
    out unless ``headlines``; ``model=False`` drafts from the rules alone.
    """
    from quotes.extract.assemble import attributions
    from quotes.extract.layout import body_start

    original, text = text, typeset(text)
    registry = registry or Registry.empty()
    found = read_by_rules(text)
    if model:
        from quotes.extract.tagger import tag

        learned = attributions(text, tag(text, found))
        found = merge(text, found, _rules_for_noun_cues(text, found, learned))
        found = _no_noun_for_cue(text, found)
        found = said_after_manner(text, said_in_next_paragraph(text, found))
        found = [_in_whose_view(text, c) for c in said_after_who(text, found)]
        found = said_after_as(text, found)
        found = quoted_as_one_calls_it(text, found)
        for candidate in found:
            adverb_to_cue(text, candidate)
            name_out_of_cue(text, candidate)
            no_closing_comma(text, candidate)
            no_next_sentence(text, candidate)
            no_writers_participle(text, candidate)
            words_around_aside(text, candidate)
            words_before_aside(text, candidate)
            day_to_the_end(text, candidate)
            day_out_of_words(text, candidate)
            day_after_object(text, candidate)
            quotation_after_colon(text, candidate)
            cue_over_its_object(text, candidate)
        found = _one_per_quotation(_no_cue_in_speaker(found))
        found = _own_verb_in_words_said(text, found)
        found = one_per_cue(text, speaker_cut_before_resumed(text, found))
        found = split_speakers(text, _before_own_next_cue(text, found))
        found = quoted_as_saying(text, found)
    # A cue the tagger found nothing said for, or reported words without a cue, is no
    # statement a curator could accept; a quotation without its cue still is.
    found = [
        c
        for c in found
        if c.content_end > c.content_start and (c.cue_start is not None or c.kind == "direct")
    ]
    found = [c for c in found if not _no_statement(text, c) and not _aside(text, c, found)]
    found = [c for c in found if not _an_act_done(text, c)]
    found = _said_twice(text, found)
    for candidate in found:
        _hearer_is_no_speaker(text, candidate)
        _quoted_as(text, candidate)
        _words_before_why_unnamed(text, candidate)
        _noun_out_of_cue(text, candidate)
        _words_after_according_to(text, candidate)
    for candidate in found:
        if candidate.kind == "direct" and _HOW_DESCRIBED.match(text, candidate.end):
            candidate.kind = "partial"
    if not headlines:
        begin = body_start(text)
        found = [c for c in found if c.content_start >= begin]
    state = State(mentions=Mentions.read(text, registry))
    line = dateline(text)
    starts, spans = [], []
    for sentence in sentences(text):
        starts.append(sentence.start)
        spans.append(sentence)
    if line:
        _out_of_dateline(text, found, line)
    unsaid: dict[int, str] = {}  # a sentence's words outside every statement's, by its start
    for candidate in found:
        resolve(candidate, registry, state, text)
        at = candidate.cue_start if candidate.cue_start is not None else candidate.content_start
        sentence = spans[max(0, bisect.bisect_right(starts, at) - 1)] if spans else None
        words = ""
        if sentence:
            if sentence.start not in unsaid:
                unsaid[sentence.start] = _outside_contents(sentence, found)
            words = _others_days_out(sentence, candidate, found, unsaid[sentence.start])
            words = _in_own_clause(sentence, candidate, words)
            words = _speakers_clause_out(sentence, candidate, words)
            words = _question_out(words)
        if line and words.startswith(line.written):
            words = words[len(line.written) :]  # the dateline dates the story, not the words
        perfect = candidate.cue_start is not None and _perfect(text, candidate)
        date = said_in(words, published) if words and not perfect else None
        if not date and not perfect and candidate.cue_end is not None:
            date = day_after_cue(text, candidate.cue_end, published)
        date = date or stamped(text, at, published)
        if not date and not perfect and sentence:
            date = _at_the_time(words, spans, sentence, found, published)
        if date:
            candidate.said, candidate.said_as_written, candidate.said_basis = date
        elif published and _DAY_OR_COARSER.fullmatch(published):
            # Nothing in the sentence dates it: said by the time it was published, as the
            # curated files record such statements.
            candidate.said, candidate.said_basis = f"../{published}", "inferred"
        candidate.parties = registry.parties_in(
            text[candidate.content_start : candidate.content_end]
        )
        candidate.suggested_stances = _suggested(candidate)
    _lede_named_next(text, found)
    restore(found, original, text)
    return found


# The next paragraph's opening name with an age: "Tomas Rehnquist, 57, told the jury"
_AGED_NAME = re.compile(r"((?:[A-Z][\w’'.-]+[ \t]+){1,3}[A-Z][\w’'-]+),[ \t]*\d{1,3},")


def _lede_named_next(text: str, found: list[Candidate]) -> None:
    """Wire copy's lede describes whom the next paragraph names, with an age: "A former
    director of the Port of Veldra testified ...¶Tomas Rehnquist, 57, told the jury ...".
    An unnamed speaker the story's first paragraph describes is the speaker so named, the
    description his role."""
    from quotes.extract.layout import body_start

    begin = body_start(text)
    lede_end = text.find("\n", begin)
    if lede_end < 0:
        return
    named = _AGED_NAME.match(text, lede_end + len(text[lede_end:]) - len(text[lede_end:].lstrip()))
    speaker = next((c for c in found if named and c.speaker_start == named.start()), None)
    if speaker is None:
        return
    for c in found:
        if (
            c.speaker_unnamed
            and c.speaker_start is not None
            and begin <= c.speaker_start < lede_end
        ):
            description = c.speaker_as_written or ""
            c.speaker, c.speaker_key = speaker.speaker, speaker.speaker_key
            c.speaker_unnamed, c.speaker_resolved = False, True
            c.role = c.role or re.sub(r"^(?:an?|one)\s+", "", description, flags=re.IGNORECASE)


_AT_THE_TIME = re.compile(r"\s*At\s+(?:the|that)\s+time\b")


# "Two days after the vote, ...", "A week later, ...", "The next day, ...": counted from the
# day the sentence before gives.
_DAYS_FROM = re.compile(
    r"\s*(?:(?P<count>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d)\s+(?P<unit>days?|weeks?)"
    r"\s+(?P<way>after|before|later|earlier)\b(?:\s+[^,.;:\n]{1,40}?(?=,))?"
    r"|(?:[Tt]he\s+)?(?:next|following)\s+day\b)"
)


def _at_the_time(words: str, spans: list, sentence, found, published):
    """ "... reacted angrily last year ... At the time, the ministry accused": the sentence
    before gives the time (inferred: that it is the same time is the reader's reading); "Two
    days after the vote," counts from the day it gives ("Parliament approved the deal on
    March 3.": March 5)."""
    opening = _AT_THE_TIME.match(words) or _DAYS_FROM.match(words)
    index = spans.index(sentence) if opening else 0
    if not index:
        return None
    before = said_in(_outside_contents(spans[index - 1], found), published)
    if not before:
        return None
    written = f"{opening.group(0).strip()} ({before[1]})"
    if opening.re is _AT_THE_TIME:
        return before[0], written, "inferred"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", before[0]):
        return None
    count = opening["count"] or "1"
    days = int(count) if count.isdigit() else COUNTS[count.lower()]
    days *= 7 if (opening["unit"] or "").startswith("week") else 1
    days *= -1 if opening["way"] in ("before", "earlier") else 1
    day = datetime.date.fromisoformat(before[0]) + datetime.timedelta(days=days)
    return day.isoformat(), written, "inferred"


# "“Dead on arrival” was how Orlov described the plan": his words for it, in the author's
# sentence (partial), not a whole utterance.
_HOW_DESCRIBED = re.compile(r"[,.]?[”\"]\s+(?:was|is)\s+how\b")
_IN_VIEW = re.compile(
    r"(In\s+(his|her|their|its|(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*[’']s)\s+"
    r"(?:view|opinion|estimation)),\s*"
)


def _in_whose_view(text: str, candidate: Candidate) -> Candidate:
    """A paraphrase the tagger read without its cue, "In her view, funding agencies rewarded
    ...": her view is the cue, "her" the speaker, the rest what she holds."""
    view = _IN_VIEW.match(text, candidate.content_start)
    if candidate.cue_start is not None or candidate.kind == "direct" or not view:
        return candidate
    if view.end() >= candidate.content_end:
        return candidate
    return candidate_at(
        text, "indirect", view.span(1), view.end(), candidate.content_end, view.span(2)
    )


# "has repeatedly accused", "have warned": a perfect tense says no day ("Dastan has accused
# Karsovia of ..., and its minister told parliament on Wednesday": not on Wednesday).
_PERFECT = re.compile(r"\b(?:has|have|’ve)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _perfect(text: str, candidate: Candidate) -> bool:
    """Whether the cue is in the perfect tense: "has repeatedly accused", "have said"."""
    cue = candidate.cue or ""
    before = text[max(0, candidate.cue_start - 30) : candidate.cue_start]
    # "has expressed concern about": a cue of several words opening with its auxiliary
    opening = re.match(r"(?:has|have|’ve)\s", cue, re.IGNORECASE)
    return bool(_PERFECT.search(before) or _PERFECT.search(cue[: cue.rfind(" ") + 1]) or opening)


def _blanked(words: str, start: int, end: int) -> str:
    """``words`` with ``start`` to ``end`` made spaces: out of the dating, its offsets kept."""
    return words[:start] + " " * (end - start) + words[end:]


def _outside_contents(sentence, found: list[Candidate]) -> str:
    """The sentence with the words said blanked out, its own statement's and any other's:
    "would meet in April" dates what it speaks of, not when it was said; "said on Monday that"
    dates the saying, and so does a day right after the cue ("said late Saturday they")."""
    words = sentence.text
    for begin, finish in (span for c in found for span in _said_parts(sentence, c)):
        start = max(begin - sentence.start, 0)
        end = min(finish - sentence.start, len(words))
        day = LEADING_DAY.match(words, start) if start < end else None
        if day:
            start = day.end()
        if start < end:
            words = _blanked(words, start, end)
    return words


def _others_days_out(sentence, candidate: Candidate, found, words: str) -> str:
    """``words`` without another statement's cue and the day right after it: "..., said the
    minister, as two unions warned on Tuesday that ..." dates the unions' warning only."""
    for other in found:
        cue = other.cue_start
        if other is candidate or cue is None or cue == candidate.cue_start:
            continue
        if other.speaker_start == candidate.speaker_start or (
            other.content_start <= candidate.content_start < other.content_end
        ):
            continue  # the same speaker's ("said on Tuesday ... and accused"), or what it said
        if not sentence.start <= cue < sentence.start + len(words):
            continue
        start, end = cue - sentence.start, other.cue_end - sentence.start
        if day := LEADING_DAY.match(words, end):
            end = day.end()
        words = _blanked(words, start, end)
    return words


def _in_own_clause(sentence, candidate: Candidate, words: str) -> str:
    """``words`` without the main clause when the statement's speaker and cue are in a clause
    after it: "Keller ruled out on Tuesday any rise, days after the company asked for one"
    does not date the company's asking."""
    who = candidate.speaker_start if candidate.speaker_start is not None else candidate.cue_start
    if who is None or not sentence.start <= who < sentence.start + len(words):
        return words
    # (read in the sentence itself: the words may be blanked out as another's words said)
    clauses = list(LATER_CLAUSE.finditer(sentence.text, 0, who - sentence.start))
    if not clauses or "," in sentence.text[clauses[-1].end() : who - sentence.start]:
        return words
    return _blanked(words, 0, clauses[-1].start())


# A relative clause on the speaker: "Captain X, who scored twice on Wednesday, said", "said
# X, who chaired the inquiry last year."
_SPEAKERS_CLAUSE = re.compile(r",\s*(?:who|whose|which)\s[^,;:.!?“”\"]*(?=[,.;:!?]|$)")


def _speakers_clause_out(sentence, candidate: Candidate, words: str) -> str:
    """``words`` without a relative clause on the speaker: what it tells of the speaker
    ("who scored twice on Wednesday") happened at its own time, not the saying's."""
    if candidate.speaker_start is None or candidate.cue_start is None:
        return words
    offset = sentence.start
    for clause in _SPEAKERS_CLAUSE.finditer(words):
        start, end = clause.start() + offset, clause.end() + offset
        if not candidate.speaker_start < start <= candidate.speaker_end + 1:
            continue  # not right after the speaker's name
        if start <= candidate.cue_start < end or start < candidate.content_start < end:
            continue  # "X, who said on Friday that ...": the clause is the saying
        words = _blanked(words, clause.start(), clause.end())
    return words


def _question_out(words: str) -> str:
    """``words`` without the question put before the answer: "Asked whether the talks on
    March 24 could fail, X said: ..." does not date the saying March 24."""
    lead = len(words) - len(words.lstrip())
    asked = _QUESTIONED.match(words, lead)
    comma = words.find(",", asked.end()) if asked else -1
    return _blanked(words, 0, comma + 1) if comma > 0 else words


_URGED = re.compile(r"(?:urged|asked|pressed|called\s+on|appealed\s+to)", re.IGNORECASE)
_TOLD = re.compile(rf"(?:told|tells?|informed|assured|reminded|warned|{_URGED.pattern})", re.I)
_TOLD_WHOM = re.compile(r"(?:[\w’'.-]+\s+){1,8}?(?=that\s)")
_URGED_WHOM = re.compile(r"(?:[\w’'.-]+\s+){1,8}?(?=that\s|to\s)")


def _said_parts(sentence, candidate: Candidate) -> list[tuple[int, int]]:
    """The spans of the words said: a quotation resumed after its cue ("“A,” Orlov told
    reporters on Thursday. “B.”") is two, and the attribution between them dates it."""
    cue, start, end = candidate.cue_start, candidate.content_start, candidate.content_end
    inside = start - sentence.start
    told = _TOLD_WHOM.match(sentence.text, inside, end - sentence.start)
    if _URGED.fullmatch(candidate.cue or ""):
        told = _URGED_WHOM.match(sentence.text, inside, end - sentence.start)
    how = _TOLD.fullmatch(candidate.cue or "") or MANNER.match(sentence.text, inside)
    if told and candidate.kind != "direct" and how:
        # "told a conference in the capital last month that ...", "said at a briefing on
        # Wednesday that ...", "urged both sides on Wednesday to ...": whom, how and when it
        # was said are not the words said
        return [(sentence.start + told.end(), end)]
    if candidate.kind != "direct" or cue is None or not start < cue < end:
        return [(start, end)]
    speaker = candidate.speaker_start
    before = min(cue, speaker) if speaker is not None and start < speaker < cue else cue
    at = sentence.start
    resumed = sentence.text.find("“", max(candidate.cue_end - at, 0), max(end - at, 0))
    return [(start, before)] + ([(at + resumed, end)] if resumed >= 0 else [])


def _out_of_dateline(text: str, found: list[Candidate], line) -> None:
    """ "ASTANA, September 2 (Reuters) - Hundreds of farmers rallied": speakers start after
    the dateline, which dates and places the story, and so do the words said ("BISHKEK, March
    14 (Reuters) - Kyrgyzstan and Tajikistan signed ..., officials said")."""
    at = text.find(line.written)
    if at < 0:
        return
    end = at + len(line.written)
    after = end + len(text[end:]) - len(text[end:].lstrip(" -–—/."))
    for candidate in found:
        speaker = candidate.speaker_start
        if speaker is not None and speaker < end < candidate.speaker_end:
            candidate.speaker_start = after
            candidate.speaker_as_written = text[after : candidate.speaker_end]
        if candidate.kind != "direct" and candidate.start < end < candidate.end:
            candidate.start = after
            candidate.content_start = max(candidate.content_start, after)
            candidate.text = text[after : candidate.end]


def _head_cut_off(text: str, learned: Candidate, rule: Candidate) -> bool:
    """Whether the tagger's speaker is what the rules' speaker is of ("senators from | both
    parties"): the noun phrase's head, before the preposition, is who speaks."""
    if rule.speaker_start is None or rule.speaker_end != learned.speaker_end:
        return False
    if not rule.speaker_start < learned.speaker_start:
        return False
    return bool(re.search(r"\s(?:from|of)\s+$", text[rule.speaker_start : learned.speaker_start]))


def _according_to_before_words(learned: Candidate, rule: Candidate | None) -> bool:
    """Whether the tagger gave a sentence's opening "According to X," the sentence before it
    where the rules read the words after it."""
    return (
        rule is not None
        and (rule.cue or "").lower() == "according to"
        and rule.cue_start < rule.content_start
        and learned.content_end <= learned.cue_start
    )


def _past_according_to(text: str, learned: Candidate, rule: Candidate) -> bool:
    """Whether the tagger's source after "According to" ran on past its name into the words
    said ("According to Viktor Petrak, a trade analyst, | the ministry expects": one source
    for both cues), where the rules' source for the same cue is a part of it."""
    return (
        rule.speaker_start is not None
        and learned.speaker_start <= rule.speaker_start
        and rule.speaker_end <= learned.speaker_end
        and (rule.speaker_start, rule.speaker_end) != (learned.speaker_start, learned.speaker_end)
        and re.search(r"\baccording\s+to\s+$", text[: learned.speaker_start], re.I) is not None
    )


def _in_relative_clause(text: str, learned: Candidate, rule: Candidate) -> bool:
    """Whether the tagger's speaker is "who", or words inside a relative clause between the
    rules' speaker and the cue ("An official, who briefed the media, said"): the rules'
    speaker, before the clause, is the one that speaks."""
    if rule.speaker_start is None or rule.speaker_end > learned.speaker_start:
        return False
    if (learned.speaker_as_written or "").lower() in ("who", "which"):
        return True
    between = text[rule.speaker_end : learned.speaker_start]
    # the rules' speaker may keep its closing comma ("..., the fund Norvan Holding,")
    return re.match(r",?\s+(?:who|which)\b", between) is not None


# "who asked not to be named", "who declined to be named", "spoke on condition of anonymity":
# why no name is given.
_ANONYMITY = re.compile(
    r"\s*(?:(?:not\s+)?to\s+be\s+(?:named|identified|quoted)|(?:on|under)\s+(?:the\s+)?condition\s+"
    r"of\s+anonymity|for\s+anonymity|anonymity)",
    re.IGNORECASE,
)
# A participle that asks for anonymity ("asking not to be identified"), and the reason given
# after it ("because the talks were private"): why, not what, the source said.
_ASKING_NOT = re.compile(r"asking|requesting|declining|speaking", re.IGNORECASE)
_WHY = re.compile(r"(?:\s+(?:because|as|since)\s[^.!?\n]*)?[.,;]?\s*")
# "Asked about the talks, X said ...": a question put to the speaker of the main verb, also
# by someone ("Asked by a reporter whether ...").
_QUESTIONED = re.compile(
    r"(?:Asked|Pressed|Questioned)(?:\s+by\s+(?:(?:an?|the|one|another)\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    r"(?:\s+\w+)?\s+(?:about|on|whether|if|why|how|what|when|for|to)\b"
)


# "according to a formula", "according to the agreement": in keeping with it, not said by it.
# (Lower case: "the Congressional Budget Office" is a body that says.)
_ACCORDING_TO_A_RULE = re.compile(
    r"\s*(?:an?|the|its|their|this|that)\s+(?:[a-z][\w-]*\s+){0,2}?(?:formula|plan|schedule|"
    r"timetable|law|laws|rule|rules|agreement|deal|terms|treaty|constitution|contract|budget|"
    r"design|tradition|custom)\b(?!\s+[A-Z])"
)


# A newspaper's headline quoted in a press review is its title, not words said ("titled" is
# left alone: PolNeAR marks an advertisement "titled “Arrogant,”" as saying it).
_TITLE_BEFORE = re.compile(r"\b(?:headlines?|headlined)\s*[“\"]$", re.IGNORECASE)


# "Citing two officials in the ministry, Belnet said ...": whom the report rests on, no
# words of theirs ("citing safety concerns" does say something).
# "pointing at the benches" is a gesture, "taking questions" a press conference's business:
# neither says anything ("pointing to", "pointed out" still do)
_GESTURE = re.compile(r"point(?:s|ed|ing)?\s+at\b", re.I)
_TAKING_QUESTIONS = re.compile(
    r"\b(?:take|takes|taking|took|field|fields|fielding|fielded)\s+$", re.I
)
_WHO_IS_CITED = re.compile(
    r"(?:[Cc]iting|[Qq]uoting)\s+(?:[\w’'-]+\s+){0,4}?(?:"
    + "|".join(sorted(PERSON_NOUNS | {"people", "person"}))
    + r")s?(?:\s+(?:in|at|of|from|close\s+to|familiar\s+with)\s+[^,.;]*)?"
)


def _aside(text: str, candidate: Candidate, found: list[Candidate]) -> bool:
    """ "Orlov, who has written two books, said ..." and "Renko, pointing at the gallery, said
    ...": a clause set off by commas between a speaker and the speaker's cue describes the
    speaker; the sentence's statement is the one after it ("who said that ..." still is)."""
    if candidate.cue_start is None or candidate.kind == "direct":
        return False
    if re.match(r"that\s", text[candidate.content_start : candidate.content_end]):
        return False
    relative = (candidate.speaker_as_written or "").lower() in ("who", "which")
    opens = candidate.speaker_start if relative else candidate.cue_start
    if not re.search(r",\s*$", text[max(0, opens - 3) : opens]):
        return False
    for main in found:
        if main is candidate or main.cue_start is None or main.speaker_start is None:
            continue
        same = relative or candidate.speaker_start in (None, main.speaker_start)
        if (
            same
            and main.speaker_start < opens
            and re.fullmatch(r"\s*,\s*", text[candidate.content_end : main.cue_start])
        ):
            return True
    return False


# "She was told that ...": the subject of a passive "told" heard the words; who said them
# the sentence does not say (unless "by" names them).
_TOLD_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being|be|get|got|gets)\s+(?:(?:\w+ly|later|also|then|never|once|since)\s+)?"
    r"(?:told|informed|assured)$",
    re.I,
)


_PASSIVE_QUOTED = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:quoted|cited)\s+as$"
)


# The tagger's words said that are only why the source is unnamed: ", speaking on condition
# of anonymity because ...", ", asking not to be named"
_WHY_UNNAMED_ONLY = re.compile(
    r"[\s,]*(?:speaking|asking|requesting|declining)\b[^.!?\n]*?(?:anonymity|named|identified)"
    r"\b[^.!?\n]*"
)
_CLAUSE_THEN_COMMA = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([^.!?\n]+?),\s+$")


def _words_before_why_unnamed(text: str, candidate: Candidate) -> None:
    """ "The company would announce its plans ..., one of the people said, speaking on
    condition of anonymity because ...": the words said are the clause before the source,
    not the reason for anonymity after the cue (which the tagger took for them)."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return
    if candidate.speaker_start is None or candidate.content_start < candidate.cue_end:
        return
    if not _WHY_UNNAMED_ONLY.fullmatch(text, candidate.content_start, candidate.content_end):
        return
    before = _CLAUSE_THEN_COMMA.search(
        text, max(0, candidate.speaker_start - 400), candidate.speaker_start
    )
    if before:
        candidate.start = candidate.content_start = before.start(1)
        candidate.end = candidate.content_end = before.end(1)
        candidate.text = text[candidate.start : candidate.end]


def _no_cue_in_speaker(found: list[Candidate]) -> list[Candidate]:
    """Without a candidate whose cue is no verb and whose speaker runs over the cue of
    another with the same subject ("Ruiz told analysts on a" | "call", beside "Ruiz" |
    "told": the noun is where it was told, not a saying of its own)."""

    def over_anothers(c: Candidate) -> bool:
        return any(
            d is not c
            and d.cue_start is not None
            and d.speaker_start == c.speaker_start
            and c.speaker_start < d.cue_start < c.speaker_end
            for d in found
        )

    return [c for c in found if c.speaker_start is None or _a_verb(c.cue) or not over_anothers(c)]


def _one_per_quotation(found: list[Candidate]) -> list[Candidate]:
    """One statement per quotation: of direct ones with the same words, the one whose cue is
    a verb ("told"), not a phrase the tagger read for one ("a call on Friday:")."""
    kept: list[Candidate] = []
    for c in found:
        same = next(
            (
                k
                for k in kept
                if c.kind == k.kind == "direct"
                and (c.content_start, c.content_end) == (k.content_start, k.content_end)
            ),
            None,
        )
        if same is None:
            kept.append(c)
        elif _a_verb(c.cue) and not _a_verb(same.cue):
            kept[kept.index(same)] = c
    return kept


def _a_verb(cue: str | None) -> bool:
    """Whether a cue says how with a speech verb ("told", "often citing"), or is a
    transcript's colon, rather than a noun the tagger read for one ("a call on Friday:")."""
    words = [w.strip(":").lower() for w in (cue or "").split()]
    return (cue or "").strip() == ":" or any(w in lexicon.VERB_FORMS for w in words)


def _quoted_as(text: str, candidate: Candidate) -> None:
    """ "“...,” he was quoted as saying": "was quoted as" is the cue's, not the speaker's
    (the tagger ran the speaker on over it, and "he was quoted as" was no pronoun)."""
    if candidate.speaker_start is None or candidate.cue_start is None:
        return
    passive = _PASSIVE_QUOTED.search(text, candidate.speaker_start, candidate.speaker_end)
    if passive and text[candidate.speaker_end : candidate.cue_start].strip() == "":
        candidate.speaker_end = passive.start()
        candidate.speaker_as_written = text[candidate.speaker_start : candidate.speaker_end]
        candidate.cue_start = (
            passive.start() + len(passive.group(0)) - len(passive.group(0).lstrip())
        )
        candidate.cue = text[candidate.cue_start : candidate.cue_end]


# Nouns that name who speaks, not how: "The Qasiri delegation | rejected"
_SPEAKER_NOUNS = PERSON_NOUNS | BODY_NOUNS | COMPANY_NOUNS | {"delegation", "mission", "team"}


def _words_after_according_to(text: str, candidate: Candidate) -> None:
    """ "According to the housing office, rents rose by 9 percent": the words said are the
    clause after the comma, not the attribution before it (the cue is no verb the speaker
    said them with, as "said that ..." is)."""
    if (candidate.cue or "").lower() != "according to" or candidate.kind == "direct":
        return
    if candidate.cue_start is None or candidate.cue_start > candidate.start:
        return
    if candidate.content_start >= candidate.cue_end:
        candidate.start, candidate.end = candidate.content_start, candidate.content_end
        candidate.text = text[candidate.start : candidate.end]


def _noun_out_of_cue(text: str, candidate: Candidate) -> None:
    """ "The Qasiri delegation rejected that account": a cue the tagger opened with the noun
    its speaker ends with ("The Qasiri" | "delegation rejected") leaves the noun to the
    speaker."""
    if candidate.speaker_start is None or candidate.cue_start is None:
        return
    if text[candidate.speaker_end : candidate.cue_start] != " ":
        return
    noun = re.match(r"([a-z]+)\s+([a-z]+)", text[candidate.cue_start : candidate.cue_end])
    if not noun or noun[1].removesuffix("s") not in _SPEAKER_NOUNS:
        return
    if not (noun[2].endswith("ed") or lexicon.CUE.fullmatch(noun[2])):
        return  # "former campaign | worker for", "his | campaign theme of": no verb after it
    noun = re.match(r"[a-z]+\s+", noun[0])
    moved = candidate.cue_start + noun.end()
    candidate.speaker_end = candidate.cue_start + len(noun[0].rstrip())
    candidate.speaker_as_written = text[candidate.speaker_start : candidate.speaker_end]
    if candidate.start == candidate.cue_start:
        candidate.start = moved
        candidate.text = text[candidate.start : candidate.end]
    candidate.content_start = max(candidate.content_start, moved)
    candidate.cue_start, candidate.cue = moved, text[moved : candidate.cue_end]


def _hearer_is_no_speaker(text: str, candidate: Candidate) -> None:
    """ "She was told that the buyers had found cheaper grain abroad": she is not the speaker
    (the draft leaves the speaker for the curator). A speaker after the cue is left alone."""
    if candidate.cue_start is None or candidate.speaker_start is None:
        return
    if candidate.speaker_start > candidate.cue_start:
        return
    before = text[max(0, candidate.cue_start - 30) : candidate.cue_start] + (candidate.cue or "")
    if _TOLD_PASSIVE.search(before):
        candidate.speaker_start = candidate.speaker_end = candidate.speaker_as_written = None
        candidate.speaker = None


def _no_statement(text: str, candidate: Candidate) -> bool:
    """A cue that says why a speaker is unnamed, a question put to the speaker, or "according
    to" a rule or a plan, is not itself a statement."""
    if candidate.kind == "direct" and _TITLE_BEFORE.search(text, 0, candidate.start):
        return True  # "under the headline “An Empty Protest,”": a title, not words said
    if candidate.cue_start is None:
        return False
    if _WHO_IS_CITED.fullmatch(text, candidate.start, candidate.end):
        return True
    if _GESTURE.match(text, candidate.cue_start) or (
        (candidate.cue or "").lower() == "questions"
        and _TAKING_QUESTIONS.search(text, max(0, candidate.cue_start - 12), candidate.cue_start)
    ):
        return True
    if (candidate.cue or "").lower() == "according to" and _ACCORDING_TO_A_RULE.match(
        text, candidate.cue_end
    ):
        return True
    # "who spoke on condition of anonymity", "who declined to be named": no words said but
    # those (where "said on condition of anonymity that ..." goes on to say something).
    anonymity = _ANONYMITY.match(text, candidate.cue_end)
    if anonymity and candidate.content_end <= anonymity.end() + 1:
        return True
    if _ANONYMITY.search(candidate.cue or ""):
        return True
    # "..., the person said, asking not to be named because the talks were private": why
    if (
        anonymity
        and _ASKING_NOT.fullmatch(candidate.cue or "")
        and _WHY.fullmatch(text, anonymity.end(), candidate.content_end)
    ):
        return True
    opens_sentence = candidate.cue_start == 0 or text[candidate.cue_start - 1] in "\n"
    before = text[max(0, candidate.cue_start - 2) : candidate.cue_start]
    opens_sentence = opens_sentence or re.fullmatch(r"[.!?”\"] ", before) is not None
    if opens_sentence and _QUESTIONED.match(text, candidate.cue_start) is not None:
        return True
    return _inside_question_put(text, candidate.cue_start)


def _inside_question_put(text: str, at: int) -> bool:
    """ "Asked about Falkner's remarks on Friday, she said ...": a cue inside the question
    put before the answer's comma ("remarks") is what the question is about, not a statement
    (the tagger made Falkner its speaker, whom a later "she" then meant)."""
    opening = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    asked = _QUESTIONED.match(text, opening)
    return asked is not None and asked.end() <= at < text.find(",", asked.end(), at + 200)


# "presented the plan.": a thing done to a thing named, and nothing said of it
_THING_DONE = re.compile(r"(?:the|a|an|its|his|her|their)(?:\s+[a-z][\w-]*){1,2}[.!]?")


def _said_twice(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "Shop owner X, who ..., said “It came too late,” she said.": one quotation with its cue
    twice, a slip of the writer's; one statement, the quotation said by the speaker named (the
    draft had a partial quote "said “...,” she said" beside the quotation)."""
    dropped = []
    for c in found:
        if c.kind == "direct" or c.cue_end is None or c.speaker_start is None:
            continue
        for d in found:
            if (
                d.kind == "direct"
                and d.speaker_start is not None
                and text[d.speaker_start : d.speaker_end].lower() in lexicon.PRONOUNS
                and c.content_start == d.content_start
                and c.cue_end <= c.content_start
                and not text[c.cue_end : c.content_start].strip()
                and d.cue_end is not None
                and not text[d.cue_end : c.content_end].strip(" .,")
            ):
                d.speaker_start, d.speaker_end = c.speaker_start, c.speaker_end
                d.speaker_as_written = c.speaker_as_written
                dropped.append(c)
    return [c for c in found if c not in dropped]


def _an_act_done(text: str, candidate: Candidate) -> bool:
    """ "The Minister ..., Ravil Osmani, today presented the plan": a verb in the past that is
    no speech verb, with no speaker found and a bare noun phrase for its words, is something
    done, not said (the tagger proposes such; PolNeAR's dev has them wrong: "gamed the tax
    code")."""
    cue = candidate.cue or ""
    return (
        candidate.speaker_start is None
        and candidate.kind == "indirect"
        and re.fullmatch(r"[a-z]+ed", cue) is not None
        and cue not in lexicon.VERB_FORMS
        and _THING_DONE.fullmatch(text, candidate.content_start, candidate.content_end) is not None
    )


def merge(text: str, ruled: list[Candidate], learned: list[Candidate]) -> list[Candidate]:
    """The tagger's candidates, with what the rules do better: the words of a quotation
    (quotation marks are evidence), a source the tagger missed for the same cue, a second
    cue of the same speaker, a speech noun's owner ("Russia’s denials"). No span twice."""
    kept, quoted = _quotations(text, [c for c in ruled if c.kind == "direct"], learned)
    by_cue = {c.cue_start: c for c in ruled if c.cue_start is not None}
    after: list[Candidate] = []
    for candidate in kept:
        trim_cue(candidate, text)
        _cue_from_rules(text, candidate, ruled, learned)
        rule = by_cue.get(candidate.cue_start) or _rule_inside_cue(candidate, ruled)
        if rule is not None and _hearer_in_cue(candidate, rule):
            candidate.cue, candidate.cue_end = rule.cue, rule.cue_end
        if re.fullmatch(r"[a-z]+ly", candidate.speaker_as_written or ""):
            candidate.speaker_start = candidate.speaker_end = candidate.speaker_as_written = None
        if rule is not None and (
            candidate.speaker_start is None
            or _in_relative_clause(text, candidate, rule)
            or _head_cut_off(text, candidate, rule)
            or _past_according_to(text, candidate, rule)
            or _apposition_after_and(text, candidate, rule)
        ):
            candidate.speaker_start, candidate.speaker_end = rule.speaker_start, rule.speaker_end
            candidate.speaker_as_written = rule.speaker_as_written
        if later := _words_of_a_later_cue(text, candidate, ruled):
            candidate.content_start = candidate.content_end  # theirs: its own from the rules
            after.append(later)
        elif joined := _and_another_said(text, candidate, ruled):
            candidate.content_end = joined[0]
            candidate.end = min(candidate.end, joined[0])
            candidate.text = text[candidate.start : candidate.end]
            after.append(joined[1])
        elif (comma := _into_next_speaker(text, candidate, ruled, learned)) is not None:
            candidate.content_end = candidate.end = comma
            candidate.text = text[candidate.start : candidate.end]
        if candidate.content_end <= candidate.content_start:
            _words_from_rules(candidate, ruled)
            _words_after_dateline_cue(text, candidate)
        elif (
            _partial_after_all(candidate, rule)
            or _said_before_cut_short(text, candidate, rule)
            or _according_to_before_words(candidate, rule)
            or _cut_before_nested(text, candidate, rule, learned)
            or _rest_left_without_cue(text, candidate, rule, learned)
        ):
            # "said the deal showed “what dialogue can achieve”": the quoted words are part of
            # what the rules read as said, not all of it.
            for field in ("kind", "text", "start", "end", "content_start", "content_end"):
                setattr(candidate, field, getattr(rule, field))
    widened = [c for c in kept if _said_before_cut_short(text, c, by_cue.get(c.cue_start))]
    kept = [c for c in kept if not any(_inside_as_own(c, w) for w in widened)]
    kept = _according_to_asides(kept, ruled)
    extra = _coordinated(ruled, kept, by_cue) + after
    cues = {c.cue_start for c in learned}

    def nested(c: Candidate) -> bool:
        """ "contradicted Russia’s denials that ...": a speech noun with its owner inside
        another statement's content is a statement of its own."""
        return (c.cue or "").lower() in lexicon.SPEECH_NOUNS and any(
            k.content_start <= c.cue_start < k.content_end for k in kept
        )

    # Other reported speech the rules found and the tagger did not take is left out: the
    # tagger saw the rules' reading among its features and turned it down (on PolNeAR's dev
    # articles such candidates were wrong more often than right).
    extra += [
        c
        for c in ruled
        if c not in extra and c.kind != "direct" and c.cue_start not in cues and nested(c)
    ]
    owners = _owners_after(text, [c for c in ruled if c.cue_start not in cues])
    extra += owners
    # The tagger's reading of the same speakers with a word after them for a cue ("... from
    # Lavrov and Baradar | for ...") gives way to the rules' speech noun.
    kept = [
        c
        for c in kept
        if c.cue_start is None
        or not any(
            o.cue_end <= c.cue_start < o.content_end
            and c.speaker_start is not None
            and c.speaker_start < o.speaker_end
            and o.speaker_start < c.speaker_end
            for o in owners
        )
    ]
    # "According to a joint statement released after the talks, ...": a verb inside whom the
    # words are according to is no cue of its own.
    according = [
        (r.speaker_start, r.speaker_end)
        for r in ruled
        if (r.cue or "").lower() == "according to" and r.speaker_start is not None
    ]
    kept = [
        c
        for c in kept
        if c.cue_start is None or not any(a <= c.cue_start < b for a, b in according)
    ]
    merged = sorted(quoted + kept + extra, key=lambda c: (c.content_start, c.cue_start or 0))
    unique, seen = [], set()
    for candidate in merged:
        span = (candidate.content_start, candidate.content_end)
        if span not in seen:
            seen.add(span)
            unique.append(candidate)
    return unique


def _rules_for_noun_cues(text: str, ruled, learned) -> list[Candidate]:
    """ "A report by the Morrow Trust, a think tank in the capital, suggests ...": where the
    tagger took a noun ("think") for its cue and missed the verb after it, the rules' reading
    of that verb, with the noun inside its speaker, stands in for the tagger's (the noun goes
    later, in ``_no_noun_for_cue``; the draft had lost the report's words)."""
    kept = _no_noun_for_cue(text, learned)
    nouns = [c for c in learned if not any(c is k for k in kept)]
    cues = {c.cue_start for c in learned}
    for rule in _no_noun_for_cue(text, [replace(r) for r in ruled]):
        if rule.kind == "direct" or rule.cue_start in cues or rule.speaker_start is None:
            continue
        if any(rule.speaker_start <= n.cue_start < rule.speaker_end for n in nouns):
            learned = [*learned, rule]
    return learned


def _no_noun_for_cue(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "Pavel Korsun, an analyst at ..., a think tank in the capital, said": a verb's form
    after "a" or "the" is a noun, no cue; the speaker cut at the article runs on to the
    comma before its own cue."""
    nouns = [
        c
        for c in found
        if c.kind != "direct"
        and c.cue_start is not None
        and (c.cue or "").lower() in lexicon.VERB_FORMS
        and DETERMINER_BEFORE.search(text, max(0, c.cue_start - 8), c.cue_start)
    ]
    kept = [c for c in found if not any(c is n for n in nouns)]
    for candidate, noun in itertools.product(kept, nouns):
        if candidate.speaker_start is None or candidate.cue_start is None:
            continue
        if not candidate.speaker_end <= noun.cue_start < candidate.cue_start:
            continue
        rest = _UP_TO_CUE.fullmatch(text, noun.cue_start, candidate.cue_start)
        if rest and not text[candidate.speaker_end : noun.cue_start].strip():
            candidate.speaker_end = rest.end(1)
            candidate.speaker_as_written = text[candidate.speaker_start : candidate.speaker_end]
    return kept


_UP_TO_CUE = re.compile(r"([^.;:“”\"!?\n]*?),?\s*")  # the rest of a speaker, before its cue


def _cue_from_rules(text: str, candidate: Candidate, ruled, learned) -> None:
    """Reported words the tagger found no cue for take the cue the rules read before them in
    the same sentence, if no other of the tagger's statements has it ("The Ministry reminds
    citizens that ...": the tagger took "reminds" for part of a source, or read none).
    Without a cue they would be dropped; the speaker is then the rules' too (``merge``)."""
    if candidate.cue_start is not None or candidate.kind == "direct":
        return
    taken = {c.cue_start for c in learned}
    for rule in ruled:
        if (
            rule.kind != "direct"
            and rule.cue_start is not None
            and rule.cue_start not in taken
            and rule.content_start <= candidate.content_start
            and rule.cue_end <= candidate.content_start
            and candidate.content_end == rule.content_end
            and _cue_then_words(text, rule, candidate.content_start)
        ):
            candidate.cue, candidate.cue_start, candidate.cue_end = (
                rule.cue,
                rule.cue_start,
                rule.cue_end,
            )
            candidate.start = rule.cue_start
            candidate.text = text[candidate.start : candidate.end]
            return


# "reminds citizens that", "told reporters that": whom the words were said to, before them.
_TELLS = re.compile(
    r"remind(?:s|ed)?|tells?|told|inform(?:s|ed)?|assur(?:es|ed|e)|warn(?:s|ed)?|advis(?:es|ed|e)",
    re.I,
)
_HEARER = re.compile(r"\s+(?:[\w’'-]+\s+){1,3}?(?=that\s)")


def _cue_then_words(text: str, rule: Candidate, start: int) -> bool:
    """Whether the words said from ``start`` are a that-clause right after the rules' cue, or
    after whom it tells them ("reminds citizens | that ..."). (Without "that", on PolNeAR's
    dev articles, the rules' speakers of such cues were wrong: "aside from | saying".)"""
    if not text.startswith("that ", start):
        return False
    if not text[rule.cue_end : start].strip():
        return True
    hearer = _HEARER.match(text, rule.cue_end)
    return bool(_TELLS.fullmatch(rule.cue or "") and hearer and hearer.end() == start)


def _words_of_a_later_cue(text: str, candidate: Candidate, ruled) -> Candidate | None:
    """The rules' statement whose cue, in a later sentence, stands between the tagger's cue
    and the words it gave that cue ("As X has pointed out in these pages, .... The
    Commission estimated in 2021 that ...": the that-clause is the Commission's, a cue the
    tagger did not read)."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return None
    for rule in ruled:
        if (
            rule.kind != "direct"
            and rule.cue_start is not None
            and candidate.cue_end <= rule.cue_start < candidate.content_start
            and rule.content_start < candidate.content_end <= rule.content_end
            and re.search(r"[.!?][”\"]?\s+[A-Z“\"]", text[candidate.cue_end : rule.cue_start])
        ):
            return rule
    return None


_AND_THEN = re.compile(r",\s+(?:and|but)\s+$")
# who says it: a name, a pronoun or "its spokeswoman" (not ", and that he", ", and any walkouts")
_SECOND_SPEAKER = re.compile(r"(?:[A-Z]\w*|(?:he|she|they|its|his|her|their)\b)")
_SAID_VERB = re.compile(r"(?:said|says|told|tells|added|adds|warned|warns|noted|insisted|argued)")
_QUOTE_MARKS = re.compile(r"[“”\"]")


def _after_and(text: str, candidate: Candidate, rule: Candidate) -> re.Match | None:
    """The ", and" before the rules' second speaker and said-verb inside the tagger's words
    (a name, a pronoun or "its spokeswoman"), if the rules read one there."""
    if rule.kind == "direct" or rule.speaker_start is None or rule.cue_start is None:
        return None
    if not candidate.content_start < rule.speaker_start < rule.cue_start:
        return None
    if not (
        _SECOND_SPEAKER.match(rule.speaker_as_written or "")
        and _SAID_VERB.fullmatch(rule.cue or "")
    ):
        return None
    return _AND_THEN.search(text, candidate.content_start, rule.speaker_start)


def _and_another_said(text: str, candidate: Candidate, ruled) -> tuple[int, Candidate] | None:
    """ "The ministry accused Lindmark of stalling, and its spokeswoman said ...": the tagger
    ran the first words on over a second speaker and cue the rules read after ", and"; the
    first words end at the comma (returned with the rules' statement)."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return None
    for rule in ruled:
        if (
            (joint := _after_and(text, candidate, rule))
            and rule.cue_end <= candidate.content_end
            and not _QUOTE_MARKS.search(text, candidate.content_start, rule.speaker_start)
        ):
            return joint.start(), rule
    return None


def _into_next_speaker(text: str, candidate: Candidate, ruled, learned) -> int | None:
    """ "has blamed the Vessian side for the delays, and his deputy, Ilona Marsh, told ...":
    the tagger ran the first words on into the next speaker, whose cue it read as a statement
    of its own; the first words end at the comma before ", and" (returned)."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return None
    for rule in ruled:
        if (
            (joint := _after_and(text, candidate, rule))
            and rule.speaker_start < candidate.content_end <= rule.cue_start
            and any(c is not candidate and c.cue_start == rule.cue_start for c in learned)
        ):
            return joint.start()
    return None


def _apposition_after_and(text: str, learned: Candidate, rule: Candidate) -> bool:
    """Whether the tagger's speaker is the name after the rules' speaker's comma, where that
    speaker opens after ", and" ("..., and his deputy, | Ilona Marsh, told"): who speaks is
    written whole, as the rules read it."""
    return (
        rule.speaker_start is not None
        and rule.speaker_start < learned.speaker_start
        and learned.speaker_end <= rule.speaker_end
        and re.search(r",\s+$", text[rule.speaker_start : learned.speaker_start]) is not None
        and _AND_THEN.search(text, max(0, rule.speaker_start - 8), rule.speaker_start) is not None
    )


def _hearer_in_cue(candidate: Candidate, rule: Candidate) -> bool:
    """Whether the tagger's cue runs on past the rules' "called on" into whom it calls on
    ("called on supporters | to stay calm"): the cue is the verb and its preposition."""
    return (
        rule.cue_start == candidate.cue_start
        and rule.cue_end < candidate.cue_end
        and re.fullmatch(r"[a-z]+\s+(?:on|upon)", rule.cue or "") is not None
        and (candidate.cue or "").startswith(rule.cue + " ")
    )


def _rule_inside_cue(candidate: Candidate, ruled: list[Candidate]) -> Candidate | None:
    """The rules' reading of the same cue when the tagger's starts before it ("has expressed
    concern about" and the rules' "expressed concern"), for a source the tagger missed."""
    if candidate.cue_start is None or candidate.speaker_start is not None:
        return None
    return next(
        (
            r
            for r in ruled
            if r.cue_start is not None and candidate.cue_start < r.cue_start < candidate.cue_end
        ),
        None,
    )


_WHICH_AFTER = re.compile(r",\s+(?:which|who|whose)\b")


def _according_to_asides(kept: list[Candidate], ruled: list[Candidate]) -> list[Candidate]:
    """ "Everyone in Dernov, according to the organisers, wants the crossings reopened": one
    statement, the organisers' (the rules' reading), its words the whole sentence; not the
    tagger's "Everyone in Dernov" for a speaker, nor "the organisers | wants" for a cue."""
    asides = [
        r
        for r in ruled
        if (r.cue or "").lower() == "according to"
        and r.content_start < r.cue_start < r.content_end
        and r.speaker_start is not None
        # "..., according to the federation, which has warned ...": a clause about the
        # source, no words said running on after it
        and not _WHICH_AFTER.match(r.text, r.speaker_end - r.start)
    ]
    for aside in asides:
        for candidate in kept:
            if candidate.cue_start == aside.cue_start:
                for field in ("speaker_start", "speaker_end", "speaker_as_written", "kind"):
                    setattr(candidate, field, getattr(aside, field))
                for field in ("text", "start", "end", "content_start", "content_end"):
                    setattr(candidate, field, getattr(aside, field))
    return [
        c
        for c in kept
        if not any(
            a.cue_end < (c.cue_start or 0) < a.content_end
            and c.speaker_start is not None
            and a.speaker_start <= c.speaker_start < a.speaker_end + 1
            for a in asides
        )
    ]


def _said_before_cut_short(text: str, candidate: Candidate, rule: Candidate | None) -> bool:
    """Whether the tagger read the words said before their cue from inside their sentence,
    where the rules read them whole ("Mr Orlov is expected to meet union leaders on 10
    March, his office said": the tagger's words began at "to meet")."""
    return (
        rule is not None
        and candidate.kind == rule.kind == "indirect"
        and candidate.cue_start is not None
        and rule.content_end <= candidate.cue_start
        and rule.content_start <= candidate.content_start
        and candidate.content_end == rule.content_end
        and re.search(r"[.!?\n]", text[rule.content_start : candidate.content_start]) is None
    )


_PRONOUN = re.compile(r"(?:he|she|they|we|I)")


def _cut_before_nested(text: str, candidate: Candidate, rule: Candidate | None, learned) -> bool:
    """Whether the tagger ended the words said where a pronoun's statement inside them begins,
    and the rules read the words through it ("said on Wednesday | he expected a vote": one
    span per word, the tagger cannot nest the pronoun's statement in the words said)."""
    if rule is None or candidate.kind != "indirect" or rule.kind != "indirect":
        return False
    if candidate.cue_start is None or rule.content_start > candidate.content_start:
        return False
    return any(
        other.speaker_start is not None
        and _PRONOUN.fullmatch(other.speaker_as_written or "")
        and other.speaker_start >= candidate.content_end
        and not text[candidate.content_end : other.speaker_start].strip()
        and other.content_end <= rule.content_end
        for other in learned
    )


def _rest_left_without_cue(text: str, candidate: Candidate, rule: Candidate | None, learned):
    """Whether the tagger ended the words said at a comma and read the rest, to where the rules
    end the same cue's words, as words of no cue ("said the fence was meant to stop smuggling,
    | not to claim land"): one clause said, not a statement and a stray remainder."""
    if rule is None or candidate.kind != "indirect" or rule.kind != "indirect":
        return False
    if candidate.cue_start is None or rule.content_start != candidate.content_start:
        return False
    return candidate.content_end < rule.content_end and any(
        other.cue_start is None
        and other.speaker_start is None
        and other.kind == "indirect"
        and other.content_end == rule.content_end
        and re.fullmatch(r",\s+", text[candidate.content_end : other.content_start])
        for other in learned
    )


def _inside_as_own(candidate: Candidate, widened: Candidate) -> bool:
    """Whether the tagger made a statement of a cue inside those words, with their speaker
    ("is expected", by "his office")."""
    return (
        candidate is not widened
        and candidate.cue_start is not None
        and widened.content_start <= candidate.cue_start < widened.content_end
        and candidate.speaker_start == widened.speaker_start
    )


def _partial_after_all(candidate: Candidate, rule: Candidate | None) -> bool:
    """Whether the tagger read only a quotation as said where the rules read the same cue's
    words around it (quoted words within reported speech: partial)."""
    return (
        rule is not None
        and candidate.kind == "direct"
        and rule.kind == "partial"
        and rule.content_start <= candidate.content_start
        and candidate.content_end <= rule.content_end
    )


def _owners_after(text: str, ruled: list[Candidate]) -> list[Candidate]:
    """The rules' statements of a speech noun whose owners follow it ("the joint calls from
    Lavrov and Baradar for ..."), which the tagger rarely takes for a cue: one per cue, its
    speakers joined again (``split_speakers`` splits them after ``one_per_cue``)."""
    joined: dict[int, Candidate] = {}
    for c in ruled:
        if (
            (c.cue or "").lower() not in lexicon.SPEECH_NOUNS
            or c.speaker_start is None
            or not re.match(r"\s+from\s", text[c.cue_end :])
        ):
            continue
        first = joined.setdefault(c.cue_start, replace(c))
        first.speaker_end = max(first.speaker_end, c.speaker_end)
        first.speaker_as_written = text[first.speaker_start : first.speaker_end]
    return list(joined.values())


_TRANSCRIPT_LABEL = re.compile(r"(?-i:[A-Z][A-Z.’' -]*)")
_EDITORS_NOTE = re.compile(r"CLARIFICATION|CORRECTION|UPDATE|EDITOR.S NOTE|NOTE|UPDATED")


def _answer(text: str, q: Candidate) -> bool:
    """A transcript's line, "A: ..." or "VASQUEZ: ...": its speaker, in capitals, opens a line
    after the first (a headline's "Pat Caddell: ..." and a "CLARIFICATION:" are no answers)."""
    label = q.speaker_as_written or ""
    return (
        q.cue == ":"
        and q.speaker_start is not None
        and q.speaker_start > 0
        and text[q.speaker_start - 1] == "\n"
        and _TRANSCRIPT_LABEL.fullmatch(label) is not None
        and not _EDITORS_NOTE.fullmatch(label)
    )


def _said_beside(text: str, q: Candidate) -> bool:
    """Whether a quotation's speaker and cue follow its closing mark with nothing between
    ("“A,” Orlov said." or "“A,” said Orlov."): who said it is beyond doubt."""
    if q.speaker_start is None or q.cue_start is None or q.cue_start < q.content_end:
        return False
    if not re.search(r"(?:^|[.!?]”?\s|\n)$", text[max(0, q.content_start - 3) : q.content_start]):
        return False  # a quotation opening its sentence, not a phrase quoted inside one
    first, last = sorted((q.speaker_start, q.cue_start))
    between = text[q.speaker_end : q.cue_start] if q.speaker_start < q.cue_start else ""
    return not text[q.content_end : first].strip() and not between.strip() and last > first


def _quotations(text, quoted, learned) -> tuple[list[Candidate], list[Candidate]]:
    """Each quotation the rules found given to the tagger's candidate for it (the one with
    the same cue, else the one sharing most words): that candidate keeps its cue and source
    and takes the quotation's words; cueless pieces of a quotation go. Returns the tagger's
    candidates and the quotations the tagger had nothing for."""
    kept, alone, taken = list(learned), [], set()
    beside = {q.cue_start for q in quoted if _said_beside(text, q)}
    for q in quoted:
        near = [c for c in kept if id(c) not in taken and overlaps(q, c)]
        # "“A,” X told her briefing, according to a translation": the tagger read A as the
        # translation's and "her briefing" as told; the words are the quotation's cue's.
        own = [c for c in kept if id(c) not in taken and c.cue_start == q.cue_start]
        if own and near and all(_according_to_after(c, q) for c in near):
            near = own[:1]
        elif (
            own
            and (own[0].content_end <= own[0].content_start or _object_after(own[0], q))
            and len(near) == 1
            and _ran_into(near[0], q)
        ):
            # "Vandorn said she would be glad to be proven wrong. “But I have heard ...,” she
            # said": the tagger ran the first statement's words into the quotation, which is
            # the second cue's; the first ends before it. The second cue's words may be none,
            # or words after the quotation ("“...,” he wrote on | Telegram"): the verb is the cue
            if own[0].content_end > own[0].content_start:
                own[0].cue, own[0].cue_start, own[0].cue_end = q.cue, q.cue_start, q.cue_end
            _cut_before(text, near[0], q)
            near = own[:1]
        if not near:
            alone.append(q)
            continue
        c = max(
            near,
            key=lambda c: (
                c.cue_start == q.cue_start,
                min(c.content_end, q.content_end) - max(c.content_start, q.content_start),
            ),
        )
        taken.add(id(c))
        in_name = q.speaker_start is not None and (
            c.cue_start is not None and q.speaker_start <= c.cue_start < q.speaker_end
        )  # "“...” ― Farida Noori" tagged "Farida | Noori": the rules' name and dash hold
        # "VASQUEZ: ... and we expect an answer": the speaker's own "we" among the quoted
        # words, and its cue, are not who said the quotation nor how; in a transcript's
        # answer ("A: The council gave us money ...") no one inside it is.
        quoted_cue = (
            c.cue_start is not None
            and q.content_start <= c.cue_start < q.content_end
            and ((c.speaker_as_written or "").lower() in ("i", "we", "you") or _answer(text, q))
        )
        in_name = in_name or quoted_cue
        # "“A,” Orlov said. “B,” Petrova said.": the tagger paired the quotations with each
        # other's cues; a cue and speaker right after the closing mark are the quotation's
        crossed = (
            c.cue_start is not None
            and c.cue_start != q.cue_start
            and c.cue_start in beside  # the cue right after another quotation
            and q.cue_start in beside
        )
        in_name = in_name or crossed
        if c.cue_start is None or in_name:
            c.cue, c.cue_start, c.cue_end = q.cue, q.cue_start, q.cue_end
        if (
            c.speaker_start is None
            or in_name
            or re.fullmatch(r"[a-z]+ly", c.speaker_as_written or "")
        ):
            c.speaker_start, c.speaker_end = q.speaker_start, q.speaker_end
            c.speaker_as_written = q.speaker_as_written
        for field in ("kind", "text", "start", "end", "content_start", "content_end"):
            setattr(c, field, getattr(q, field))
    quotations = [c for c in kept if id(c) in taken] + alone
    kept = [
        c
        for c in kept
        if id(c) in taken or c.cue_start is not None or not any(overlaps(q, c) for q in quotations)
    ]
    return kept, alone


def _object_after(c: Candidate, q: Candidate) -> bool:
    """Whether the tagger gave the quotation ``q``'s cue only the object of a preposition it
    cut the cue after ("“...,” he wrote on | Telegram")."""
    return c.content_start >= q.content_end and CUE_CUT.fullmatch(c.cue or "") is not None


def _ran_into(c: Candidate, q: Candidate) -> bool:
    """Whether ``c``, with a cue of its own before the quotation ``q``, has words that start
    before ``q`` and run into it."""
    return (
        c.cue_start is not None
        and c.cue_start < c.content_start < q.content_start < c.content_end
        and c.kind != "direct"
    )


def _cut_before(text: str, c: Candidate, q: Candidate) -> None:
    """End ``c``'s words before the quotation ``q`` (and the full stop before it)."""
    end = q.content_start
    while end > c.content_start and text[end - 1] in " \t.,;":
        end -= 1
    c.content_end = c.end = end
    c.text = text[c.start : c.end]
    if c.kind == "partial" and not QUOTE_PAIR.search(text, c.content_start, end):
        c.kind = "indirect"


_JOINED = re.compile(r"(?:[\s,;]|\band\b|\bbut\b)*$")


def _own_verb_in_words_said(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "She said the Veldran side still refused to discuss the crossings": the tagger's
    second cue right after the first one's words, with no comma or "and" between, is the
    verb of what she said (its subject the words before it), not a second statement of hers."""
    dropped = []
    for c in found:
        if c.cue_start is None or c.speaker_start is None or c in dropped:
            continue
        for o in found:
            if (
                o is not c
                and o.cue_start is not None
                and o.speaker_start == c.speaker_start
                # "An official who asked not to be named said ...": why unnamed, no words said
                and not _ANONYMITY.fullmatch(text, c.cue_end, c.content_end)
                and c.cue_end <= c.content_start < c.content_end < o.cue_start
                and (
                    _subject_then_verb(text, c.content_start, c.content_end, o.cue_start)
                    or _attitude_of_its_subject(text, c, o)
                )
                and not QUOTE_PAIR.search(text, c.content_start, o.content_end)
                and "\n" not in text[c.content_start : o.content_end]
            ):
                if c.end == c.content_end:
                    c.end = o.content_end
                c.content_end = o.content_end
                c.text = text[c.start : c.end]
                dropped.append(o)
    return [c for c in found if c not in dropped]


def _attitude_of_its_subject(text: str, c: Candidate, o: Candidate) -> bool:
    """ "Solberg said the company would delay two ships and expected to cut costs": an
    attitude ("expected", "hopes") joined by "and" to a said-clause with a subject of its own,
    its words a to-infinitive, is that subject's, inside what she said (see ``_coordinated``
    for the tagger's one statement); "urged A and called for B" stays two."""
    return (
        c.kind == "indirect"
        and bool(_ATTITUDE_OF_THE_CLAUSE.fullmatch(o.cue or ""))
        and re.fullmatch(r"\s+and\s+", text[c.content_end : o.cue_start]) is not None
        and re.match(r"\s+to\s", text[o.cue_end : o.content_end]) is not None
        and re.match(r"(?:that\s+)?to\s", text[c.content_start : c.content_end]) is None
    )


_OPEN_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,]*$")


def _subject_then_verb(text: str, start: int, end: int, verb: int) -> bool:
    """Whether the words from ``start`` to ``end`` run straight into ``verb`` as its subject:
    nothing between, or the comma that closes the subject's relative clause ("the movement,
    which holds the hills, has asked")."""
    gap = text[end:verb].strip()
    return not gap or (gap == "," and bool(_OPEN_RELATIVE.search(text, start, end)))


def _before_own_next_cue(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "called the plan “dead on arrival,” adding that the union would strike": the words
    of the first cue end where the same speaker's next cue begins, which has its own
    statement; the second was drafted inside the first, the same words twice."""
    for c in found:
        inner = [
            o.cue_start
            for o in found
            if o is not c
            and o.cue_start is not None
            and c.cue_end is not None
            and c.speaker_start is not None
            and o.speaker_start == c.speaker_start
            and c.cue_end <= c.content_start < o.cue_start < c.content_end
            and o.content_end <= c.content_end
        ]
        if not inner:
            continue
        end = min(inner)
        joined = _JOINED.search(text, c.content_start, end).group(0)
        coordinated = re.search(r"(?:,[”\"]?|\band)\s*$", text[c.content_start : end])
        if not coordinated or (c.cue or "").lower() == "according to":
            continue  # a clause of its own the speaker's next cue opens, as "X, adding ..."
        end -= len(joined)
        if end <= c.content_start:
            continue
        if c.end == c.content_end:
            c.end = end
        c.content_end = end
        c.text = text[c.start : c.end]
        if c.kind == "partial" and not QUOTE_PAIR.search(text, c.content_start, end):
            c.kind = "indirect"
    return found


def _according_to_after(c: Candidate, q: Candidate) -> bool:
    """Whether ``c`` is an "according to" after the quotation ``q``'s own cue."""
    return (c.cue or "").lower() == "according to" and (c.cue_start or 0) > (q.cue_start or 0)


def _words_from_rules(candidate: Candidate, ruled: list[Candidate]) -> None:
    """A cue the tagger found nothing said for takes the words the rules gave the same cue
    (a cue they share a word with): the tagger sees one attribution's words only, so the
    words of ", the source added" or "The museum, Mr. Obama said, ..." are often taken by
    another attribution inside them, or left to the rules."""
    for rule in ruled:
        if (
            rule.cue_start is not None
            and rule.cue_start < candidate.cue_end
            and candidate.cue_start < rule.cue_end
            and rule.content_end > rule.content_start
        ):
            for field in ("kind", "text", "start", "end", "content_start", "content_end"):
                setattr(candidate, field, getattr(rule, field))
            return


def _words_after_dateline_cue(text: str, candidate: Candidate) -> None:
    """ "TASHKENT, January 12 (Reuters) - X said on Sunday she would ...": words the rules
    found before the speaker inside the dateline ("TASHKENT") were said by no one; with no
    words from the tagger, what the cue says is the rest of its sentence."""
    line = dateline(text)
    at = text.find(line.written) if line else -1
    if at < 0 or candidate.cue_end is None or candidate.content_end > at + len(line.written):
        return
    sentence = next((s for s in sentences(text) if s.start <= candidate.cue_start < s.end), None)
    rest = sentence and re.match(r"\s*(\S.*?)[.!?]?\s*$", text[candidate.cue_end : sentence.end])
    if not rest:
        return
    candidate.content_start = candidate.cue_end + rest.start(1)
    candidate.content_end = candidate.end = candidate.cue_end + rest.end(1)
    candidate.start, candidate.kind = candidate.cue_start, "indirect"
    candidate.text = text[candidate.start : candidate.end]


# "said the company would delay two ships and expected to cut costs": what the company
# expects, inside her words, where "urged A and called for B" is two statements.
_ATTITUDE_OF_THE_CLAUSE = re.compile(
    r"expect(?:s|ed)|hope[sd]|plan(?:s|ned)|intend(?:s|ed)|want(?:s|ed)", re.I
)


def _coordinated(ruled, kept, by_cue) -> list[Candidate]:
    """ "X urged A and called for B": two statements where the tagger saw one. The rules'
    second cue, said by the same speaker inside the tagger's content, ends that content."""
    found = []
    for candidate in kept:
        first = by_cue.get(candidate.cue_start)
        if first is None or candidate.speaker_start is None:
            continue
        for rule in ruled:
            if (
                rule is not first
                and rule.kind != "direct"
                and rule.speaker_start == candidate.speaker_start
                and rule.cue_start is not None
                and candidate.content_start < rule.cue_start < candidate.content_end
                and first.content_end <= rule.cue_start
                and not _ATTITUDE_OF_THE_CLAUSE.fullmatch(rule.cue or "")
            ):
                candidate.content_end = min(candidate.content_end, first.content_end)
                candidate.end = min(candidate.end, candidate.content_end)
                candidate.text = candidate.text[: candidate.end - candidate.start]
                found.append(rule)
    return found


def _suggested(candidate: Candidate) -> dict[str, str]:
    """A stance only where the cue makes it plain, toward the parties the content names."""
    cue = (candidate.cue or "").lower()
    if any(cue.startswith(c) for c in lexicon.CRITICAL_CUES):
        return dict.fromkeys(candidate.parties, "critical")
    if any(cue.startswith(c) for c in lexicon.SUPPORTIVE_CUES):
        return dict.fromkeys(candidate.parties, "supportive")
    return {}
