"""Where a candidate's spans begin and end, as PolNeAR and the curated files mark them.

The tagger labels words one by one and sometimes strays at a span's edge: an adverb left with
the speaker, a name cut into the cue, a comma kept in the words said, a day glued to the cue.
Each fix here moves one edge and keeps the candidate's text and offsets in step.
"""

import re

from quotes.extract.candidate import Candidate
from quotes.extract.dates import DAY_NAME, DAYS_AGO, LEADING_DAY, MONTH_NAME, PART_OF_DAY

_CUE_WHEN = re.compile(
    rf"\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:{DAY_NAME}|yesterday)"
    rf"(?:\s+(?:{PART_OF_DAY}))?|today|last\s+(?:week|night)|this\s+week|"
    r"this\s+(?:morning|afternoon|evening)|tonight|overnight|(?:earlier|later)(?:\s+on)?|"
    r"(?:earlier|later)\s+in\s+the\s+(?:day|week|month)|then|earlier\s+this\s+(?:week|month)|"
    r"last\s+month|"
    rf"{DAYS_AGO})$"  # "said later on | Monday": the day left out
)


# What is left of a sentence after words said that the tagger ended early: a day the words
# speak of ("would stay closed | until Sunday", "would resume on | Monday").
_DAY_LEFT = re.compile(
    r"[ \t]*(?P<by>(?:until|till|through|by|from|before|after)\s+)?(?:on\s+)?(?:next\s+)?"
    rf"(?:{DAY_NAME}|tomorrow|week|month|"
    rf"(?:{MONTH_NAME})(?:\s+\d{{1,2}})?)(?:\s+(?:{PART_OF_DAY}))?"
    r"(?=[ \t]*[.!?,;]?(?:\s|$))"
)
# "said the letter had been sent | on Sunday": a day after a verb in the past perfect is
# when that was done, before the saying
_PAST_PERFECT_LAST = re.compile(r"\bhad\s+(?:been\s+)?[a-z]+$")
_PREPOSITION_LAST = re.compile(r"\b(?:on|until|till|through|by|from|before|after|in)$")
# "said late on Wednesday that talks would resume | on Monday": the saying has its day, so
# the one ending the sentence is what was said of
_SAYING_DATED = re.compile(rf"\b(?:{DAY_NAME}|yesterday|today)\b")
# "said she would begin talks with the smaller parties | on Monday": a day after a verb to
# come in the words said is when that will be done, not when it was said ("urged X to accept
# refugees on Monday" is when X was urged)
_FUTURE_VERB = re.compile(r"\b(?:would|will|shall)\s+(?:not\s+)?[a-z]+\b")


_NOT_ADVERBS = {"family", "rally", "tally", "ally", "reply", "assembly", "supply", "daily", "july"}


def adverb_to_cue(text: str, candidate: Candidate) -> None:
    """ "a senior official explicitly contradicted": the adverb belongs to the cue, as
    PolNeAR marks it ("publicly said", "repeatedly denied"), not to the speaker."""
    if candidate.speaker_as_written is None or candidate.cue_start is None:
        return
    last = re.search(r"\s([a-z]{2,}ly)\s*$", candidate.speaker_as_written)
    if not last or last.group(1) in _NOT_ADVERBS:
        return
    start = candidate.speaker_start + last.start(1)
    if text[candidate.speaker_end : candidate.cue_start].strip():
        return
    if candidate.start == candidate.cue_start:  # reported speech shown from its cue on
        candidate.start = start
        candidate.text = text[start : candidate.end]
    candidate.cue_start = start
    candidate.cue = text[start : candidate.cue_end]
    candidate.speaker_end = candidate.speaker_start + last.start()
    candidate.speaker_as_written = text[candidate.speaker_start : candidate.speaker_end]


def name_out_of_cue(text: str, candidate: Candidate) -> None:
    """ "Prime Minister Theresa May said": capitalized words inside a sentence, before the
    cue's lower-case words, are a name the tagger cut (headlines, in title case, keep
    theirs); the speaker just before the cue gets them back."""
    if candidate.cue_start is None:
        return
    name = re.match(r"(?:[A-Z][\w.’'-]*\s+)+(?=[a-z])", candidate.cue)
    before = text[: candidate.cue_start].rstrip(" ")
    if not name or not before or before[-1] in '.!?:\n“"':
        return
    start = candidate.cue_start + name.end()
    if (
        candidate.speaker_start is not None
        and not text[candidate.speaker_end : candidate.cue_start].strip()
    ):
        candidate.speaker_end = candidate.cue_start + len(name.group(0).rstrip())
        candidate.speaker_as_written = text[candidate.speaker_start : candidate.speaker_end]
    if candidate.start == candidate.cue_start:
        candidate.start = start
        candidate.text = text[start : candidate.end]
    candidate.cue_start = start
    candidate.cue = text[start : candidate.cue_end]


def no_closing_comma(text: str, candidate: Candidate) -> None:
    """ "Taxes will rise, the minister said": the words said end before the comma that
    leads to their speaker, as PolNeAR and the curated files mark them."""
    end = candidate.content_end
    if end > candidate.content_start + 1 and text[end - 1] == ",":
        if candidate.end == end:
            candidate.end = end - 1
            candidate.text = text[candidate.start : candidate.end]
        candidate.content_end = end - 1


def trim_cue(candidate: Candidate, text: str) -> None:
    """ "said on Monday", "said Thursday night": the cue is the verb; the day is the date's
    business, and so is an "on" the cue ends with before a day ("ruled on | Wednesday")."""
    when = _CUE_WHEN.search(candidate.cue or "")
    if not when and candidate.cue_start is not None and _ON_DAY.match(text, candidate.cue_end):
        when = re.search(r"\s+on$", candidate.cue or "")
    if when:
        candidate.cue = candidate.cue[: when.start()]
        candidate.cue_end = candidate.cue_start + len(candidate.cue)


_ON_DAY = re.compile(rf"\s+(?:{DAY_NAME}|(?:{MONTH_NAME})\s+\d|\d{{1,2}}\s+(?:{MONTH_NAME}))\b")


_CLOSED = re.compile(r"[.!?][”\"](?=[ \t]+[A-Z])")


def no_next_sentence(text: str, candidate: Candidate) -> None:
    """ "said they were “closer than people think.” He gave no details.": the words said
    end with the quotation that ends their sentence (the sentence splitter keeps the two
    together, as a quotation may go on after a full stop inside it)."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return
    if candidate.cue_start > candidate.content_start:
        return  # the words said come before their cue
    closed = _CLOSED.search(text, candidate.content_start, candidate.content_end)
    if closed:
        candidate.content_end = min(candidate.content_end, closed.end())
        candidate.end = min(candidate.end, closed.end())
        candidate.text = text[candidate.start : candidate.end]


_CLAUSE_BEFORE = re.compile(r"(?:^|[.!?][”\"]?\s+|\n)([^.!?\n“”\"]+),\s*$")


# Where an aside's cue ends: at its comma, or after its hearer ("he told parliament,").
_ASIDE_ENDS = re.compile(r"(?:\s+(?:the\s+)?[A-Za-z][\w’'.-]*){0,2},")


# The rest of a sentence after an aside's comma, going on in lower case: ", the novel she ..."
_REST_AFTER_ASIDE = re.compile(r"\s+(?=[a-z])[^\n“”\"]*?[.!?](?=\s|$)")
# What follows a cue that ends the words said: when, why or how it was said
_CIRCUMSTANCE = re.compile(
    r"(?:as|after|before|when|while|amid|despite|in|at|on|during|but|and|[a-z]+ing)\b"
)
# A cue the tagger ran on over the aside's closing comma into the sentence's verb
_CUE_OVER_COMMA = re.compile(r",\s+(?:is|was|are|were|has|had|have|will|would|could|may|might)$")


def words_around_aside(text: str, candidate: Candidate) -> None:
    """ "The difficulty, one senior diplomat explained, is that ...": a speaker and cue set off
    by commas inside a sentence are an aside in it; the words said go on after it to the
    sentence's end (the draft had only "The difficulty", or a cue "explained, is"). The words
    said are the whole sentence, aside and all, as PolNeAR marks them ("The museum, Mr. X said,
    celebrated ..."); not where what follows the aside says when or how ("..., as they ...")."""
    speaker, cue = candidate.speaker_start, candidate.cue_start
    if candidate.kind == "direct" or speaker is None or cue is None or not speaker < cue:
        return
    before = candidate.content_end <= speaker
    if before and text[candidate.content_end : speaker].strip() != ",":
        return
    if not before and candidate.content_start < cue:
        return
    clause = _CLAUSE_BEFORE.search(text, max(0, speaker - 200), speaker)
    if not clause:
        return
    over = _CUE_OVER_COMMA.search(candidate.cue or "")
    if over:
        candidate.cue = candidate.cue[: over.start()]
        candidate.cue_end = candidate.cue_start + len(candidate.cue)
    aside = _ASIDE_ENDS.match(text, candidate.cue_end)
    rest = aside and _REST_AFTER_ASIDE.match(text, aside.end())
    if not rest:
        return
    if _CIRCUMSTANCE.match(rest.group().lstrip()):
        return  # "..., lawmakers said Friday, as they bristled at ...": the cue ends the words
    candidate.start = candidate.content_start = (
        candidate.content_start if before else clause.start(1)
    )
    candidate.content_end = candidate.end = rest.end() - 1
    candidate.text = text[candidate.start : candidate.end]


def words_before_aside(text: str, candidate: Candidate) -> None:
    """ "The cabinet, it said, had approved the plan" ("The government, he told parliament,
    would ..."): the cue and its speaker (and hearer) are an aside in the words said, so the
    statement's text starts with the sentence, not at the cue (the words said, its content,
    stay the part after the cue where ``words_around_aside`` has not read the sentence whole)."""
    speaker, cue = candidate.speaker_start, candidate.cue_start
    if candidate.kind == "direct" or speaker is None or cue is None or candidate.start != cue:
        return
    if not speaker < cue or not _ASIDE_ENDS.match(text, candidate.cue_end):
        return
    clause = _CLAUSE_BEFORE.search(text, max(0, speaker - 200), speaker)
    if clause and len(clause.group(1).split()) >= 2:
        candidate.start = clause.start(1)
        candidate.text = text[candidate.start : candidate.end]


def day_to_the_end(text: str, candidate: Candidate) -> None:
    """ "said late on Wednesday that talks would resume on | Monday.": reported words that
    stop at a day ending their sentence take it in when it cannot be the saying's: after a
    preposition left in the words ("on"), with one of its own ("until Sunday"), after a verb
    in the past perfect ("had been sent | on Sunday"), after a verb to come ("would begin talks
    | on Monday"), or when the cue has its own day."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return
    if candidate.cue_start > candidate.content_start or candidate.end != candidate.content_end:
        return
    left = _DAY_LEFT.match(text, candidate.content_end)
    before = text[max(0, candidate.content_end - 40) : candidate.content_end]
    if left is None or not (
        left.group("by")
        or _PREPOSITION_LAST.search(before[-8:])
        or _PAST_PERFECT_LAST.search(before)
        or _SAYING_DATED.search(text, candidate.cue_start, candidate.content_start)
        or _FUTURE_VERB.search(text, candidate.content_start, candidate.content_end)
    ):
        return
    candidate.content_end = candidate.end = left.end()
    candidate.text = text[candidate.start : candidate.end]


def day_out_of_words(text: str, candidate: Candidate) -> None:
    """ "said on Wednesday the company welcomed the vote": a day right after the cue dates the
    saying (the draft reads it so), not the words said, as with "said on Wednesday that"."""
    if candidate.kind == "direct" or candidate.cue_end is None:
        return
    if text[candidate.cue_end : candidate.content_start].strip():
        return
    day = LEADING_DAY.match(text, candidate.content_start)
    if day and day.end() < candidate.content_end and text[day.end() : day.end() + 1] == " ":
        candidate.content_start = day.end() + 1


# "disclosed the breach | late on Thursday": a short noun phrase, no clause, then a day
_OBJECT_THEN_DAY = re.compile(
    r"(?:the|a|an|its|his|her|their)\s+(?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w’'-]*"
    rf"(?P<day>\s+(?:(?:late|early)\s+)?on\s+(?:{DAY_NAME})(?:\s+(?:{PART_OF_DAY}))?)"
)


# Words that make the object a clause ("the delegations to meet on Friday": the meeting's day)
_CLAUSE_WORD = re.compile(
    r"\b(?:to|that|was|were|is|are|be|been|had|has|have|did|does|do|would|will|could|should|"
    r"can|may|might|must)\b"
)


def day_after_object(text: str, candidate: Candidate) -> None:
    """ "The company disclosed the breach late on Thursday": a day after the cue's object, a
    noun phrase of a few words with no clause in it, dates the disclosing, as in "announced
    the sale on Monday"; it is no part of the words said."""
    if candidate.kind == "direct" or candidate.cue_end is None:
        return
    if candidate.cue_start > candidate.content_start:
        return
    found = _OBJECT_THEN_DAY.fullmatch(text, candidate.content_start, candidate.content_end)
    if found and not _CLAUSE_WORD.search(found[0]):
        candidate.content_end = found.start("day")
        candidate.end = min(candidate.end, candidate.content_end)
        candidate.text = text[candidate.start : candidate.end]


# "told reporters on Friday: “...”": a hearer or a phrase, a colon, and a whole quotation
_COLON_THEN_QUOTATION = re.compile(r"([^.!?“”\"\n:]{1,60}?):[ \t]*(“[^“”\n]+”)[ \t]*")
_SUBJECT_WORD = re.compile(r"\b(?:he|she|they|it|we|i|you)\b", re.IGNORECASE)


def quotation_after_colon(text: str, candidate: Candidate) -> None:
    """ "She told reporters on Friday: “Every door is open.”": the words said are the
    quotation, direct, as after "said:"; the hearer and the day before the colon are how and
    when it was said (the tagger's words ran from "reporters")."""
    if candidate.kind == "direct" or candidate.cue_end is None:
        return
    if candidate.cue_start > candidate.content_start:
        return
    found = _COLON_THEN_QUOTATION.fullmatch(text, candidate.content_start, candidate.content_end)
    if not found or len(found[1].split()) > 6 or _CLAUSE_WORD.search(found[1]):
        return  # "said she has the essential quality for the job: “...”": a clause said
    if _SUBJECT_WORD.search(found[1]):
        return
    candidate.kind = "direct"
    candidate.content_start, candidate.content_end = found.span(2)
    candidate.start, candidate.end = found.start(2) + 1, found.end(2) - 1
    while candidate.end > candidate.start and text[candidate.end - 1] in ".,!?":
        candidate.end -= 1  # as a direct quotation's words end: "... in a hurry" (not ".")
    candidate.text = text[candidate.start : candidate.end]


CUE_CUT = re.compile(r".*\s(?:on|in|at|to|via|by|from)$", re.IGNORECASE)
_OBJECT_THEN_THAT = re.compile(r"(?:[\w’'.&-]+\s+){1,3}?(?=that\s)")


def cue_over_its_object(text: str, candidate: Candidate) -> None:
    """ "said in a post on | Telegram that its members ...": a cue cut after a preposition
    takes the words up to the "that" of what was said (the cue "said in a post on" left
    "Telegram that ..." as the words said)."""
    if candidate.cue_start is None or candidate.content_start != candidate.cue_end + 1:
        return
    if not CUE_CUT.fullmatch(candidate.cue or ""):
        return
    rest = _OBJECT_THEN_THAT.match(text, candidate.content_start, candidate.content_end)
    if rest is None:
        return
    candidate.cue_end = rest.end() - 1
    candidate.cue = text[candidate.cue_start : candidate.cue_end]
    candidate.content_start = rest.end()


# The writer's participle clause closing the sentence, after a comma: ", escalating a dispute
# that has simmered for a year." (what the saying did to a quarrel or a market, not what was
# said; ", including ...", ", focusing on ..." often are the speaker's own)
_WRITERS_PARTICIPLE = re.compile(
    r",\s+(?:escalating|deepening|intensifying|heightening|raising|prompting|sparking|"
    r"triggering|fuel?ling|stoking|reigniting|rekindling|renewing|reversing|marking|"
    r"signall?ing|underscoring|dealing|dashing|defying|rebuffing|upping|ratcheting)\b"
    r"[^.;:!?“”\"\n]*[.!?]?\s*\Z"
)


def no_writers_participle(text: str, candidate: Candidate) -> None:
    """ "said it would impose duties on timber from Karsund, deepening a quarrel that began
    in the spring": the words said end before the participle clause the writer adds about
    the saying at the end of the sentence."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return
    if candidate.cue_start > candidate.content_start:
        return  # the words said come before their cue
    words = text[candidate.content_start : candidate.content_end]
    clause = _WRITERS_PARTICIPLE.search(words)
    if not clause:
        return
    cut = candidate.content_start + clause.start()
    candidate.content_end = min(candidate.content_end, cut)
    candidate.end = min(candidate.end, cut)
    candidate.text = text[candidate.start : candidate.end]
