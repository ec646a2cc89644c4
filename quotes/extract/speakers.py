"""Who said it: the speaker's words around a cue, cleaned, split and named.

Subjects before a cue ("Afghan MP Fariba Ahmadi Kakar warned"), appositives ("Oleg
Barabanov, an ... analyst, postulated"), possessors of speech nouns ("Russia’s denials"),
pronouns and "who" resolved to the person last named, and names matched to the registry.
"""

import re
from dataclasses import dataclass, field, replace

from quotes.extract import lexicon
from quotes.extract.candidate import Candidate
from quotes.extract.dates import DAY_NAME, MONTH_NAME, PART_OF_DAY
from quotes.extract.mentions import (
    BODY_NOUNS,
    COMPANY_NOUNS,
    PARTICLE,
    PERSON_NOUNS,
    PRESS_NOUNS,
    Mentions,
    Named,
    by_role,
    description,
    same_family,
)
from quotes.extract.registry import Registry
from quotes.extract.sentences import Sentence

# Words that end a subject noun phrase before its verb.
_VERBISH = re.compile(
    r"^(?:\w+ly|\w+ed|is|was|are|were|has|have|had|will|would|can|could|may|might|must|"
    r"should|did|does|do|also|then|continue|continues|continued|not|never|first|again)$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"(?:[;:(—–]|\s(?:that|and|but|while|as|because|after|before|when|if|which|although|"
    r"though|since|so|by|with|whom)\s)",
    re.IGNORECASE,
)
_TRAILING_VERBS = re.compile(
    r"(?:\s+(?:continues?\s+to|continued\s+to|has|have|had|also|will|would|did|does|do|not|"
    # "Ruben Falk, likes to say": the verb the cue hangs on is no part of the subject
    r"(?:likes?|liked|wants?|wanted|tends?|tended|used|seems?|seemed|went\s+on)\s+to|"
    r"\w+ly))+\s*$",
    re.IGNORECASE,
)


@dataclass
class State:
    """What a pass over one text remembers: the person last named, for pronouns, and the
    unnamed speakers introduced ("an Uzbek official"), for "the official" after them."""

    last_person: tuple[str, str | None] | None = None  # (name, registry key)
    last_person_at: int = -1  # where that speaker was written
    last_body: tuple[str, str | None] | None = None  # the body that spoke last, for "it"
    last_many: tuple[str, str | None] | None = None  # who spoke last, if many, for "they"
    unnamed: list[tuple[str, str]] = field(default_factory=list)  # (head noun, as introduced)
    titled: list[tuple[str, str, str | None]] = field(default_factory=list)  # (role, name, key)
    mentions: "Mentions | None" = None


def split_speakers(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "Lavrov and Taliban co-founder Mullah Abdul Ghani Baradar": one candidate per speaker."""
    split = []
    for candidate in candidates:
        mention = candidate.speaker_as_written or ""
        parts = re.fullmatch(r"(.*?[A-Z][\w.’'-]*)\s+and\s+(.*[A-Z][\w.’'-]*.*)", mention)
        if (
            not parts
            or parts.group(1)[:1].islower()
            or "," in mention.strip(" ,")  # "X, an economist ... and now president of Y"
            # "The foreign ministers of Norvania and Qasira": the countries are not speakers
            or re.match(r"(?:[Tt]he\s+)?(?:[a-z][\w’'-]*\s+)+(?:of|from)\s", parts.group(1))
            or _VERBISH.match(parts.group(2).split()[0])
        ):
            split.append(candidate)
            continue
        for group in (1, 2):
            start = candidate.speaker_start + parts.start(group)
            end = candidate.speaker_start + parts.end(group)
            split.append(
                replace(
                    candidate,
                    speaker_start=start,
                    speaker_end=end,
                    speaker_as_written=text[start:end],
                )
            )
    return split


def clean(text: str, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """A source span without stray quotation marks or dashes around it; an appositive keeps
    its closing comma ("Brian Fallon, a spokesman for Mrs. Clinton,"), as corpora mark it."""
    if not source or source[0] is None:
        return None
    start, end = source
    while start < end and text[start] in "“”\"'’‘—–- \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    start, end = _no_half_parenthesis(text, start, end)
    if start == end:
        return None
    if "," in text[start:end] and text[end : end + 1] == ",":
        end += 1
    return start, end


def _no_half_parenthesis(text: str, start: int, end: int) -> tuple[int, int]:
    """ "MoFA)" is "MoFA": a parenthesis the span does not open, or does not close, is cut."""
    if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    if end > start and text[start] == "(" and ")" not in text[start:end]:
        start += 1
    if end > start and text[end - 1] == "(":  # "Mr. Burman (" before "(D-N.C.)"
        end -= 1
    opened = text.rfind("(", start, end)
    if opened >= 0 and ")" not in text[opened:end] and text[end : end + 1] == ")":
        end += 1  # "The Ministry of Foreign Affairs (MoFA": the acronym's parenthesis closes
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end


def subject(text: str, sentence: Sentence, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase that says the cue: the last clause's subject before it."""
    head = _TRAILING_VERBS.sub(" ", text[sentence.start : cue_start])
    # "Kazakhstan’s foreign minister, Daulet Serikbayev, on Tuesday urged": the day (or an
    # adverb) between the subject and its verb is no part of the subject.
    # "X, who asked ..., said"; "Aslef, which represents about 9,000 drivers, said"
    head = re.sub(r",\s+(?:who|which)\s(?:[^,]|(?<=\d),(?=\d{3}))*,\s*$", ", ", head)
    head = re.sub(r",\s+[a-z]+ing\s[^,]*,\s*$", ", ", head)  # "X, speaking by phone, said"
    noise = _TRAILING_NOISE.search(head)
    if noise:
        comma = re.match(r"\s*,", noise.group(0))
        head = head[: noise.start()] + ("," if comma else "") + " "
    segment_start = 0
    for boundary in _BOUNDARY.finditer(head):
        if boundary.group(0) == "(" and ")" in head[boundary.end() :]:
            continue  # "the Ministry of Foreign Affairs (MoFA) said": the name goes on
        segment_start = boundary.end()
    commas = [m.end() for m in re.finditer(r",\s*", head)]
    if commas and commas[-1] > segment_start:
        if head[commas[-1] :].strip():
            segment_start = commas[-1]
        elif len(commas) >= 2 and re.match(r"(?:like|such as)\s", head[commas[-2] :]):
            # "influential figures, like Kabul governor Mohammed Yaqub Heidari, continue to"
            like = re.match(r"(?:like|such as)\s+", head[commas[-2] :])
            start = sentence.start + commas[-2] + like.end()
            return start, sentence.start + len(head[: commas[-1]].rstrip(", "))
        elif len(commas) >= 2:  # an appositive: "Oleg Barabanov, an analyst at ..., said"
            earlier = [c for c in commas[:-2] if c >= segment_start]
            segment_start = earlier[-1] if earlier else segment_start
        else:
            segment_start = 0
    words = list(re.finditer(r"\S+", head[segment_start:]))
    while words and re.fullmatch(
        r"(?:\w+ly|and|but|or|also|then|has|have|had|not|although|while|as|though|if|because|"
        r"since|when),?",
        words[0].group(0),
        re.IGNORECASE,
    ):
        words.pop(0)
    kept = []
    for word in words:
        bare = word.group(0).strip(",")
        if kept and (_VERBISH.match(bare) or lexicon.CUE.fullmatch(bare)):
            break
        kept.append(word)
    if not kept:
        return None
    start = sentence.start + segment_start + kept[0].start()
    end = sentence.start + segment_start + kept[-1].end()
    while end > start and text[end - 1] in ",;:":
        end -= 1
    if text[start:end].lower() in ("that", "as", "and", ""):
        return None
    return start, end


def possessor(text, base, words, cue) -> tuple[int, int] | None:
    """Who a speech noun belongs to: "U.S. allegations", "Russia’s denials"."""
    before = re.search(r"((?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.-]*?)(?:’s|'s)?\s+$", words[: cue.start()])
    if not before:
        return None
    return base + before.start(1), base + before.end(1)


def sentence_subject(text: str, sentence: Sentence) -> tuple[int, int] | None:
    """The sentence's subject, after any leading phrase ("On May 27, ...")."""
    body = sentence.text
    lead = re.match(
        r"(?:(?:On|In|At|After|Before|Since|During|Ahead of|While)\b[^,]{0,80},\s*"
        r"|(?:[^,\s]+\s+){0,4}[^,\s]+,\s*)",
        body,
    )
    skip = lead.end() if lead else 0
    kept = []
    for word in re.finditer(r"\S+", body[skip:]):
        bare = word.group(0).strip(",")
        if kept and (_VERBISH.match(bare) or lexicon.CUE.fullmatch(bare)):
            break
        kept.append(word)
        if len(kept) > 12:
            return None
    if not kept:
        return None
    return sentence.start + skip + kept[0].start(), sentence.start + skip + kept[-1].end()


_DISCOURSE = (
    r"however|meanwhile|moreover|also|though|therefore|instead|nevertheless|still|too|"
    r"in\s+turn|in\s+addition|for\s+(?:his|her|its|their)\s+part|separately|later|earlier"
)
_WHEN = (
    rf"(?:on\s+|last\s+|this\s+)?(?:{DAY_NAME})"
    rf"(?:\s+(?:{PART_OF_DAY}))?|yesterday|today|tonight|recently|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|on\s+\w+\s+\d{1,2}"
)
_LEADING_NOISE = re.compile(
    rf"^(?:(?:{_DISCOURSE}|{_WHEN}|and|but|so|then|both|either|neither|(?:was|is)\s+how)"
    r"\b[\s,]*)+",  # "“Dead on arrival” was how Orlov described it": Orlov
    re.I,
)
# Adverbs between a speaker and the cue: "Wells Fargo just announced", "Mr. Obama often says".
_ADVERB = (
    r"(?-i:[a-z]{2,}(?:ally|edly|ously|ively|ately|ently|antly|arly)|privately|publicly|openly|"
    r"directly|simply|quickly|briefly|firmly|strongly|repeatedly|just|often|never|already|"
    r"again|now|(?:in|during)\s+\d{4})"
)
_TRAILING_NOISE = re.compile(rf"(?:[\s,]+(?:{_DISCOURSE}|{_WHEN}|{_ADVERB}))+[\s,(]*$", re.I)
_SAID_BY = re.compile(
    rf"^(?:an?|the)\s+(?:\w+\s+)?(?:{'|'.join(lexicon.SPEECH_NOUNS)})\s+(?:from|by|of)\s+", re.I
)
_AGE = re.compile(r",\s*\d{1,3}\s*(?=,|$),?\s*(?=\S|$)")  # ", 58," in "X, 58, a shopkeeper,"
_CLAUSE_OPENED = re.compile(r"(?:,\s*|\s+)(?:who|which|whose)$")
_WHY_UNNAMED = re.compile(r"\s+(?:asked|declined|requested|spoke|was\s+not)\b")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whose|which)\b.*$", re.S)
# "X, who chairs the cooperative,": a post the clause says X holds now is X's role
_HOLDS = {
    "chairs": "chair",
    "heads": "head",
    "leads": "leader",
    "directs": "director",
    "manages": "manager",
    "edits": "editor",
    "coordinates": "coordinator",
    "runs": None,
    "owns": None,
    "represents": None,
    "teaches": None,
}
_DEED_AFTER = re.compile(rf"\s+who\s+(?!(?:{'|'.join(_HOLDS)})\b).*$", re.I)
_HOLDS_POST = re.compile(rf",\s*who\s+(?P<verb>{'|'.join(_HOLDS)})\s+(?P<what>[^,]+)", re.I)
_PARTICLES = rf"(?:{PARTICLE}\s+){{0,2}}(?:(?:al|el)-)?"  # before a name's capitalized word
_SURNAME_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([A-Z][\w’'-]+),\s*$")
_NAME_AFTER = re.compile(
    rf",\s*((?:[A-Z][\w’'.-]+\s+(?:{_PARTICLES}(?=[A-Z]))?){{0,3}}{_PARTICLES}[A-Z][\w’'-]+)"
    r"(?:,|\.(?:\s|$))"
)
_NAME_BEFORE = re.compile(
    rf"([A-Z][\w’'.-]+(?:\s+{_PARTICLES}[A-Z][\w’'.-]+){{0,2}}\s+{_PARTICLES}[A-Z][\w’'-]+),\s*$"
)
# "On Thursday", "In March", "Late Friday night": a time, never a person's name
A_TIME = re.compile(
    rf"(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Ll]ast|[Ll]ate|[Ee]arly|[Tt]his|[Nn]ext)\s+)*"
    rf"(?:(?:{DAY_NAME}|{MONTH_NAME})(?:\s+\d{{1,2}}(?:,?\s+\d{{4}})?)?(?:\s+(?:{PART_OF_DAY}))?)"
)


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A speaker span without the discourse words and dates glued to it ("Reports, however",
    "the ministry on Friday"); None when nothing of a speaker is left, or when the span
    opens a quotation (its first word is what was said, not who said it)."""
    if text[max(0, start - 1) : start] in '“"' and start > 0 and text[end : end + 1] != ":":
        return None  # ("“HOST: ...": a transcript's speaker inside the quotation marks is one)
    words = text[start:end]
    lead = _LEADING_NOISE.match(words)
    if lead:
        start += lead.end()
    words = text[start:end]
    tail = _TRAILING_NOISE.search(words)
    if tail:
        end = start + tail.start()
    while end > start and text[end - 1] in " ,":
        end -= 1
    clause = _CLAUSE_OPENED.search(text, start, end)
    # without its comma only before why the speaker goes unnamed (PolNeAR marks "who" alone)
    unnamed = clause and (clause[0].startswith(",") or _WHY_UNNAMED.match(text, end))
    if unnamed and clause.start() > start:
        end = clause.start()  # "a senior diplomat, who", "an official who": not "who"
    start, end = _no_half_parenthesis(text, start, end)
    if end <= start or re.fullmatch(rf"(?:{_DISCOURSE}|{_WHEN})", text[start:end], re.I):
        return None
    return start, end


_ARTICLE = re.compile(r"(?:The|A|An)\s*")
_CAPITALIZED = re.compile(r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*)+")


def _article_alone(text: str, candidate: Candidate) -> None:
    """ "GENEVA, March 13 - The United Nations on Friday urged": a speaker span the tagger
    left at its article ("The") is the name after it ("The United Nations")."""
    start, end = candidate.speaker_start, candidate.speaker_end
    if start is None or not _ARTICLE.fullmatch(text, start, end):
        return
    if name := _CAPITALIZED.match(text, end):
        candidate.speaker_end = name.end()
        candidate.speaker_as_written = text[start : candidate.speaker_end]


_ACCORDING_TO_SOURCE = re.compile(r"\b[Aa]ccording\s+to\s+([^,.;:\n]+),\s*$")
# "Agnes Thorpe, 71, a retired nurse who ...,": the name before an age, and what she is
_NAME_THEN_AGE = re.compile(r"((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+),\s*$")
_AGED_AS = re.compile(r"\d{1,3},\s*(?:(?:an?|the)\s+[^,;:]*?(?=\s+(?:who|whose|which)\b|,|$))?")


def _name_before_age(text: str, candidate: Candidate) -> None:
    """A speaker span that starts at an age ("71, a" of "Agnes Thorpe, 71, a retired nurse
    who ..., told") is the name before it, with the description after it for a role; one
    that stops inside that description ("a former dairy") takes it whole."""
    start, end = candidate.speaker_start, candidate.speaker_end
    if start is None:
        return
    limit = candidate.cue_start if candidate.cue_start and candidate.cue_start > start else end
    inside = re.search(r",\s*(?=\d{1,3},\s*(?:an?|the)\s)", text[start:end])
    if inside:  # "Viktor Hollis, 62, a former dairy | farmer who ...": the description whole
        aged = _AGED_AS.match(text[:limit], start + inside.end())
        candidate.speaker_end = max(aged.end(), end) if aged else end
        return
    if not re.match(r"\d{1,3},", text[start:end]):
        return
    name = _NAME_THEN_AGE.search(text, max(0, start - 60), start)
    if not name:
        return
    aged = _AGED_AS.match(text[:limit], start)
    candidate.speaker_start = name.start(1)
    candidate.speaker_end = max(aged.end(), end) if aged else end


# ", whose children use the branch after school, said": a relative clause closed before the cue
_CLAUSE_BEFORE_CUE = re.compile(r",\s+(?:who|whose|which)\s(?:[^,;:.!?\n]|(?<=\d),(?=\d{3}))*,\s*$")
_PHRASE_BEFORE = re.compile(r"(?:^|(?<=[.!?,;:\n—–])\s*)([^.!?,;:\n—–]+)$")


def _subject_before_clause(text: str, candidate: Candidate) -> None:
    """A speaker span inside a relative clause closed before its cue ("school" of "Parent
    Sofia Lind, whose children use the branch after school, said"; the clause alone) is the
    subject the clause is about, the clause kept as PolNeAR's spans keep it."""
    start, cue = candidate.speaker_start, candidate.cue_start
    if start is None or cue is None or cue < candidate.speaker_end:
        return
    base = max(0, start - 200)
    clause = _CLAUSE_BEFORE_CUE.search(text, base, cue)
    if not clause or clause.start() >= start or clause.end() < candidate.speaker_end:
        return
    phrase = _PHRASE_BEFORE.search(text, base, clause.start())
    if not phrase or not re.search(r"[A-Z]", phrase.group(1)) or len(phrase.group(1).split()) > 8:
        return
    candidate.speaker_start = phrase.start(1)
    candidate.speaker_end = text.rindex(",", clause.start(), clause.end()) + 1


def resolve(candidate: Candidate, registry: Registry, state: State, text: str) -> None:
    """Name the speaker as a careful reader would: the registry's name for it, the person a
    pronoun or a description stands for, the name beside a role, an acronym's expansion, or
    the name a misspelling repeats."""
    _article_alone(text, candidate)
    _name_before_age(text, candidate)
    _subject_before_clause(text, candidate)
    if candidate.speaker_start is not None:
        span = trim(text, candidate.speaker_start, candidate.speaker_end)
        if span is None:
            candidate.speaker_start = candidate.speaker_end = candidate.speaker_as_written = None
        else:
            candidate.speaker_start, candidate.speaker_end = span
            if text[span[1] : span[1] + 1] == "," and "," in text[span[0] : span[1]]:
                candidate.speaker_end += 1  # an appositive keeps its closing comma
            candidate.speaker_as_written = text[candidate.speaker_start : candidate.speaker_end]
    mention = candidate.speaker_as_written
    if not mention:
        return
    surname_of = False
    trade = _trade(mention)
    # "said Kholov, who led the talks": Kholov speaks (the words as written keep the clause,
    # as PolNeAR's source spans do).
    clause = _RELATIVE_CLAUSE.search(mention)
    mention = _RELATIVE_CLAUSE.sub("", mention) or mention
    # "MP Dana Kovar (Green Alliance)": the party is hers, part of her role, not of her name
    party = _PARTY.search(mention)
    if party:
        mention = mention[: party.start()] + mention[party.end() :]
    if _AGE.search(mention):  # "Tokonov, 58,": Tokonov; "Asanova, 45, a shopkeeper"
        mention = _AGE.sub(", ", mention).strip(" ,") or mention
    # "A statement from the ministry accused ...": the ministry speaks.
    mention = _SAID_BY.sub("", mention) or mention
    # "Falk himself has dismissed ...": Falk
    mention = re.sub(r"\s+(?:him|her|it)self$|\s+themselves$", "", mention.strip(" ,")) or mention
    mentions = state.mentions
    if mention.lower() in ("who", "which") and (
        source := _ACCORDING_TO_SOURCE.search(
            text, max(0, candidate.speaker_start - 150), candidate.speaker_start
        )
    ):
        # "..., according to the Breska commodity exchange, which has forecast ...": whom
        # the sentence is according to (the span stays "which", as PolNeAR marks it)
        whom = replace(
            candidate, speaker_start=source.start(1), speaker_end=source.end(1), speaker=None
        )
        whom.speaker_as_written = source[1]
        resolve(whom, registry, state, text)
        for field in ("speaker", "speaker_key", "speaker_options", "speaker_unnamed", "role"):
            setattr(candidate, field, getattr(whom, field))
        candidate.speaker_resolved = True
        return
    if mention.lower() in ("who", "which"):  # "Amrullah Saleh, who recently described"
        name = re.search(
            r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+),\s*$", text[: candidate.speaker_start]
        )
        # "a comment from Foreign Minister Sabine Orlan, who said": Orlan, a foreign minister
        titled = name and not registry.speaker_in(name.group(1))[0] and _named_member(name.group(1))
        if titled:
            _name(candidate, registry, titled[0], resolved=True)
            candidate.role = titled[1]
        elif name:
            _name(candidate, registry, name.group(1), resolved=True)
        elif surname := _SURNAME_BEFORE.search(text[: candidate.speaker_start]):
            # "Abt, who said ...": the person named before in full ("Lorenz Abt")
            missed = mentions.near_miss(surname.group(1), surname.start()) if mentions else None
            if missed and missed.person:
                _name(candidate, registry, missed.name, key=missed.key, resolved=True)
        return
    # "In her view, ...": whose view it is; "Her new book argues": whose book
    mention = _WRITING.sub(r"\1", mention)
    mention = {"her": "she", "his": "he", "their": "they", "its": "it"}.get(
        mention.lower(), mention
    )
    if _ISSUED.fullmatch(mention) and state.last_body:
        mention = "it"  # "“...,” the statement said": the body that just spoke issued it
    if _FILED.fullmatch(mention.strip(" ,")) and state.last_body:
        mention = "it"  # "according to a filing with the exchange": the company that filed it
    if mention.lower() in lexicon.PRONOUNS:
        subject = _subject_since(text, mentions, state.last_person_at, candidate.speaker_start)
        if subject and mention.lower() in ("he", "she"):
            _name(candidate, registry, subject.name, key=subject.key, resolved=True)
        elif state.last_person and mention.lower() in ("he", "she", "who", "i"):
            candidate.speaker, candidate.speaker_key = state.last_person
            candidate.speaker_resolved = True
        elif state.last_body and mention.lower() == "it":
            candidate.speaker, candidate.speaker_key = state.last_body
            candidate.speaker_resolved = True
        elif state.last_many and mention.lower() == "they":
            candidate.speaker, candidate.speaker_key = state.last_many
            candidate.speaker_resolved = True
        return
    if _the_unnamed(candidate, mention, state):
        return
    if aged := _of_that_age(text, mention, candidate.speaker_start, mentions):
        _name(candidate, registry, aged.name, key=aged.key, resolved=True)
        candidate.role = candidate.role or _YEAR_OLD.fullmatch(mention.strip(" ,"))[2]
        state.last_person, state.last_person_at = (candidate.speaker, aged.key), aged.start
        return
    if _SOURCES.fullmatch(mention.strip(" ,")):
        # "people familiar with the matter": sources the text does not name, no one to register
        candidate.speaker, candidate.speaker_unnamed = mention.strip(" ,"), True
        return
    if mention == "A" and candidate.cue == ":" and (interviewee := _interviewee(text, mentions)):
        _name(candidate, registry, interviewee.name, key=interviewee.key, resolved=True)
        return
    if _REPORTS.fullmatch(mention.strip(" ,")):
        # "Reports say ...": reports the source does not name, no speaker to register
        candidate.speaker, candidate.speaker_unnamed = mention.strip(" ,"), True
        return
    if group := _the_two(text, mentions, mention, candidate.speaker_start):
        (name, key), *candidate.also_said_by = group
        _name(candidate, registry, name, key=key, resolved=True)
        return
    key, alias = registry.speaker_in(mention)
    # "Russia’s top diplomat" is not Russia but someone of Russia's; "the ministry spokesman
    # X" is X, not the ministry.
    of_body = key and re.match(r"\s*[’']s\b", mention[mention.find(alias) + len(alias) :])
    member = key and not registry.is_person(key) and _member_of(mention, alias)
    body, key = key, None if of_body or member else key
    named = _named_member(mention) if of_body or member else None
    if named:
        _name(candidate, registry, named[0])
        candidate.role = _without_article(named[1])
    elif member and not _inner_appositive(mention):
        appositive = _appositive(text, candidate)
        if appositive:
            _name(candidate, registry, appositive, resolved=True)
            candidate.role = _without_article(mention.strip(" ,"))
        else:
            candidate.speaker, candidate.speaker_options = mention, [body]
            candidate.speaker_unnamed = _INDEFINITE.match(mention) is not None
    elif key:
        candidate.speaker_key, candidate.speaker = key, registry.speaker_name(key)
        role = mention.replace(alias, "").strip(" ,")
        role = _ACRONYM_AFTER.sub("", role)  # "(MoFA)" is the name's, no role
        role = re.sub(r"^(?:an?|the)\b\s*", "", role, flags=re.IGNORECASE).strip(" ,")
        candidate.role = role or None
    elif mentions and mentions.acronym_in(mention) and not _inner_appositive(mention):
        # "MoFA" is the ministry; "A spokesman for MER, Viktor Lanz," is Lanz (below)
        expansion, key = mentions.acronym_in(mention)
        _name(candidate, registry, expansion, key=key, resolved=True)
    elif _inner_appositive(mention):
        name, role = _inner_appositive(mention)
        _name(candidate, registry, name)
        candidate.role = _without_article(role)
        if not candidate.speaker_key and mentions:
            missed = mentions.near_miss(name, candidate.speaker_start)
            # a surname alone is the full name before it, in the registry or not
            if missed and (missed.key or " " not in name or _surname_of(name, missed.name)):
                _name(candidate, registry, missed.name, key=missed.key, resolved=True)
    else:
        described = description(mention)
        appositive = _appositive(text, candidate) if described or mention[:1].islower() else None
        if appositive:
            _name(candidate, registry, appositive, resolved=True)
            candidate.role = _without_article(mention.strip(" ,"))
            if re.match(r"(?:who|whose|which)\b", candidate.role):
                candidate.role = _post_held(candidate.role)  # a clause is no role but a post
        elif described and described[1] and (titled := _given_the_title(mention, state)):
            _name(candidate, registry, titled[0], key=titled[1], resolved=True)
        elif described:
            roles = {name: role for role, name, _key in state.titled}
            _described(candidate, registry, mentions, mention, by_role(mention, registry), roles)
            if not candidate.speaker_resolved and not candidate.speaker_unnamed:
                _titled_after(candidate, registry, mention, text)
            if not candidate.speaker_resolved and not candidate.speaker_unnamed:
                _of_the_body(candidate, registry, mentions, state, mention)
            if not candidate.speaker_resolved and not candidate.speaker_unnamed:
                _the_company_that_spoke(candidate, state, mention)
        elif named := _named_member(mention) or _name_of_body(mention):
            # "IFAS chairman Dilorom Yusupova", "analyst Svetlana Orekhova of the Institute"
            _name(candidate, registry, named[0])
            candidate.role = _without_article(named[1])
            if not candidate.speaker_key and mentions:
                missed = mentions.near_miss(named[0], candidate.speaker_start)
                # "Minister Osmani" after "Ravil Osmani": a surname alone is the name in full
                surname = missed and missed.person and len(named[0].split()) == 1
                if missed and (missed.key or surname):
                    _name(candidate, registry, missed.name, key=missed.key, resolved=True)
        else:
            missed = mentions.near_miss(mention, candidate.speaker_start) if mentions else None
            if missed:
                _name(candidate, registry, missed.name, key=missed.key, resolved=True)
                # "Whitcombe said ...": Dale Whitcombe is now the one "he" means.
                surname_of = missed.person
            elif titled := _titled(mention):  # "Sen. Paula Greer", "Dr. Samuel Achebe"
                _name(candidate, registry, titled[0])
                candidate.role = titled[1] or None
            elif kind := _KIND_OF_BODY.fullmatch(mention.strip(" ,")):
                # "Environmental group Green Corridor": the name after what it is
                _name(candidate, registry, kind.group(2))
                candidate.role = kind.group(1)
                trade = kind.group(1).split()[-1].lower()
            elif traded := _trade_before_name(mention):  # "Mill owner Petra Hale"
                _name(candidate, registry, traded[0])
                candidate.role = traded[1]
            else:
                # "the Russian Foreign Ministry" is the Russian Foreign Ministry
                candidate.speaker = re.sub(r"^the\s+(?=[A-Z])", "", mention, flags=re.I)
                candidate.speaker_options = registry.closest(mention)
    if not candidate.speaker_resolved and not candidate.speaker_unnamed:
        _body_by_its_kind(candidate, registry, text, mention)
    if not candidate.role and _FULL_NAME.fullmatch(mention.strip(" ,")):
        # "A Veskan farmer whose fields lie next to the site, Marek Dorn, said": the tagger's
        # speaker is the name; the description before it is the role
        before = _ROLE_BEFORE.search(
            text, max(0, candidate.speaker_start - 100), candidate.speaker_start
        )
        if before and set(re.findall(r"[a-z]+", before[1].lower())) & PERSON_NOUNS:
            candidate.role = _without_article(before[1])
    if not candidate.role and clause:
        candidate.role = _post_held(clause[0])
    if party:
        candidate.role = f"{candidate.role} ({party[1]})" if candidate.role else party[1]
    if candidate.role:
        # "a partner at Halm & Roos who led the company's case": what the partner did is no
        # part of the post ("the Tallinn Democrat who chairs the panel": a post held, is)
        candidate.role = _DEED_AFTER.sub("", candidate.role) or candidate.role
        candidate.role = _its_role(
            candidate.role, state.last_body, mentions, candidate.speaker_start, registry, text
        )
        candidate.role = _his_role(candidate, text, state)
    if candidate.role and candidate.speaker and not candidate.speaker_unnamed:
        state.titled.append((candidate.role.lower(), candidate.speaker, candidate.speaker_key))
    if candidate.speaker_unnamed and (described := description(mention)):
        state.unnamed.append((described[0], candidate.speaker))
    elif mentions and not candidate.speaker_key and _FULL_NAME.fullmatch(candidate.speaker or ""):
        start = text.find(candidate.speaker, candidate.speaker_start, candidate.speaker_end)
        start = start if start >= 0 else candidate.speaker_start
        mentions.add(Named(start, candidate.speaker, None, not trade, trade))
    key = candidate.speaker_key
    # "Prosecutors alleged ... They said": "they" is the last speaker when it was many.
    state.last_many = (candidate.speaker, key) if _MANY.fullmatch(mention.strip(" ,")) else None
    if key and not registry.is_person(key) or trade or _a_body(mention):
        state.last_body = (candidate.speaker, key)  # not whom a "he" or "she" means
    elif A_TIME.fullmatch(candidate.speaker or ""):
        pass  # a day taken for a speaker is no one a later "she" could mean
    elif _GROUP.match(mention.strip(" ,")) and not (key and registry.is_person(key)):
        pass  # "Many Arkel sellers said ...": a group, no one a later "she" could mean
    elif (
        key
        and registry.is_person(key)
        or re.search(r"[A-Z]\w+ [A-Z]\w+", mention)
        or surname_of
        or (candidate.role or "-").split()[-1].lower() in _KIN  # "his wife, Karin,"
    ):
        state.last_person = (candidate.speaker, key)
        state.last_person_at = candidate.speaker_start
    elif (
        not key
        and re.fullmatch(r"[A-Z][\w&.’'-]+", mention.strip(" ,"))
        and mention.strip(" ,").lower().removesuffix("s") not in PERSON_NOUNS  # "Officials"
    ):
        # "Halvenkorn said ... It declined": one capitalized word no name before ends in is
        # a body's name (a person is named in full first)
        state.last_body = (candidate.speaker, key)


# A group of people: a quantifier first ("Some users", "Many Arkel sellers") or a plural in
# lower case last ("Arkel sellers")
_GROUP = re.compile(
    r"(?:(?:Some|Many|Most|Several|Few|A\s+few|Other|All|Both|Dozens|Hundreds|Thousands|Two|"
    r"Three|Four|Five)\s+.*|(?:[A-Z][\w’'-]*\s+)+[a-z-]*[a-z][^s\W]s)$"
)


def _given_the_title(mention: str, state: State) -> tuple[str, str | None] | None:
    """(name, key) of the speaker this text last gave the title a description has: "The
    Minister stressed" after "Minister Osmani stated" is Osmani, whoever else the registry
    has for a minister ("the foreign minister" is not him: "foreign" is no word of his)."""
    words = re.findall(r"[\w’'-]+", mention.lower())
    if len(words) < 2 or words[0] != "the":
        return None
    for role, name, key in reversed(state.titled):
        held = set(re.findall(r"[\w’'-]+", role))
        if set(words[1:]) <= held and not (held - set(words)) & _BELOW:
            return name, key
    return None


_BELOW = {"deputy", "vice", "assistant", "acting", "former", "junior"}  # not "the minister"


_QUESTION_LINE = re.compile(r"^Q:\s", re.M)


def _interviewee(text: str, mentions: "Mentions | None") -> "Named | None":
    """Who answers an interview's "A:" turns: the first person its introduction names,
    before the first "Q:" (the introduction is about whom the questions are put to)."""
    question = _QUESTION_LINE.search(text)
    if question is None or mentions is None:
        return None
    return next((n for n in mentions.before(question.start()) if n.person), None)


def _post_held(clause: str) -> str | None:
    """The role a relative clause gives: "who chairs the Lakeside Cooperative" is "chair of
    the Lakeside Cooperative", "who runs the café" "runs the café"; a deed ("who led the
    talks", "who has written two books") is none."""
    held = _HOLDS_POST.match(clause.strip())
    if not held:
        return None
    noun = _HOLDS[held["verb"].lower()]
    return f"{noun} of {held['what']}" if noun else f"{held['verb']} {held['what']}"


def _surname_of(surname: str, name: str) -> bool:
    """Whether ``surname`` ends ``name`` ("Tavares Neto" of "Rui Tavares Neto")."""
    return name.endswith(" " + surname) and name != surname


def _without_article(words: str) -> str:
    """A description as a role: "the head of the union" -> "head of the union"."""
    return re.sub(r"^(?:an?|the)\s+", "", words, flags=re.I)


# The sentence just before, opening with a body described ("The opposition disagrees.").
_DESCRIBED_BODY_BEFORE = re.compile(
    r"(?:^|(?<=[.!?])\s+|(?<=[.!?][”\"])\s+|\n)The\s+([a-z][\w-]*)\s[^.!?\n]*[.!?][”\"]?\s+"
    r"(?:[Ii]ts\s[^.!?\n]*)?$"
)


def _its_role(
    role: str, spoke_last, mentions, position: int, registry: Registry, text: str = ""
) -> str:
    """ "Its chairman, Lev Pashin,": chairman of the body that spoke last (``spoke_last``:
    "the commission" after "The commission insisted"), else of the body the sentence before
    opens with ("The opposition disagrees. Its leader, X,"), else of the body named last
    before him, as the registry writes titles ("spokesman of Free Highlands Movement"); not
    of "its"."""
    if not re.match(r"its\s", role, re.IGNORECASE):
        return role
    before = _DESCRIBED_BODY_BEFORE.search(text, max(0, position - 300), position)
    if before and before[1] in BODY_NOUNS | COMPANY_NOUNS | {"opposition"}:
        return f"{role[4:].strip()} of the {before[1]}"
    if spoke_last:
        body = re.sub(r"^(?:[Tt]he\s+|(?=[a-z]))", "the ", spoke_last[0])
        return f"{role[4:].strip()} of {body}"
    owned = re.fullmatch(r"its\s+(.+)", role, re.IGNORECASE)
    earlier = reversed(mentions.before(position)) if mentions else ()
    body = next((n for n in earlier if not n.person), None)
    if not owned or body is None:
        return role
    return f"{owned.group(1)} of {registry.speaker_name(body.key) if body.key else body.name}"


def _his_role(candidate: Candidate, text: str, state: State) -> str:
    """ "His lawyer, Pieter Lund,": lawyer of the person a "his" there means (the subject of a
    sentence since the last speaker, "Abt is due to testify", else the last person who
    spoke), not "His lawyer"; the role as it is where no one else is found."""
    role = candidate.role or ""
    owned = re.fullmatch(r"(?:his|her)\s+(.+)", role, re.IGNORECASE)
    if not owned:
        return role
    at = candidate.speaker_start
    whose = _subject_since(text, state.mentions, state.last_person_at, at)
    name = whose.name if whose else state.last_person[0] if state.last_person else None
    if not name or name == candidate.speaker:
        return role
    return f"{owned.group(1)} of {name}"


# Relatives, quoted by a first name beside the relation ("his wife, Karin,")
_KIN = {
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow",
    "widower", "partner", "grandmother", "grandfather", "aunt", "uncle", "cousin", "niece",
    "nephew",
}  # fmt: skip
_REPORTS = re.compile(
    r"(?:(?:some|several|many|other|local|media|press|news|unconfirmed)\s+){0,2}reports", re.I
)
# Sources in the plural that the text does not name: "people familiar with the matter", "two
# sources close to the talks", "bankers with knowledge of the deal" (no article before them).
_SOURCES = re.compile(
    r"(?:(?:two|three|four|five|several|some|other|\d+)\s+)?(?:[a-z-]+\s+)?"
    r"(?:people|persons|sources|officials|insiders|bankers|executives|diplomats|traders)\s+"
    r"(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|"
    r"involved\s+in|aware\s+of)\s[^,.;:]+"
    # "one of the people", "two of the sources": some of those sources again
    r"|(?:one|two|three|some|several|most|all|both)\s+of\s+(?:the|those|these)\s+"
    r"(?:people|persons|sources|officials|insiders|bankers|executives|diplomats|traders)",
    re.IGNORECASE,
)
_ISSUED = re.compile(r"the\s+(?:[a-z]+\s+)?(?:statement|communiqu[eé]|press\s+release)", re.I)
_FILED = re.compile(
    r"(?:an?|the|its)\s+(?:[a-z-]+\s+)?filings?(?:\s+(?:with|to)\s+[^,.;:]+)?", re.IGNORECASE
)
_ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Z][\w.&-]*\s*\)")
_WRITING = re.compile(
    r"^(his|her|their|its)\s+(?:[a-z]+\s+)?(?:book|memoir|letter|essay|article|paper|column|"
    r"blog|post|report|study|speech|statement)$",
    re.IGNORECASE,
)
_MANY = re.compile(
    r"(?:(?:[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any)\s+)?(?:[a-z]+\s+)?[A-Za-z][a-z]+[^s\W]s"
)


# What may stand before a name that opens a sentence: its titles ("Sen.", "Foreign Minister").
# ... or after a description and its comma: "The Green Front leader, Alma Ruud, toured ..."
# (a dateline's dash opens the story's first sentence)
_OPENS_SENTENCE = re.compile(
    r"(?:[.!?][”\"]?\s+|\n|(?:\d|\))\s[-–—]\s)(?:(?:The|A|An)\s+(?:[\w’'-]+\s+){0,5}[\w’'-]+,\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+){0,3}"
    # "Union leader Tomas Vinter": a lowercase title after a capitalized word
    r"(?:(?<=[a-z] )(?:" + "|".join(sorted(PERSON_NOUNS)) + r")\s+(?:[A-Z][\w.’'-]*\s+){0,2})?$"
)


def _subject_since(text, mentions, since: int, position: int) -> "Named | None":
    """The person named as a sentence's subject after the last speaker and before a "she"
    ("Sen. Paula Greer, a Democrat, was not persuaded. She said ..."): the one she means,
    though that sentence said nothing."""
    found = None
    for named in reversed(mentions.before(position) if mentions else []):
        if named.start <= since:
            break
        before = text[max(0, named.start - 80) : named.start]
        if named.person and _OPENS_SENTENCE.search("\n" * (named.start <= 80) + before):
            found = named
            break
    # "Kalvas, 61, did not speak ... he had told": a surname opens a sentence since.
    for surname in reversed(list(_OPENING_SURNAME.finditer(text, max(since, 0), position))):
        if found and surname.start() < found.start:
            break
        named = mentions.near_miss(surname.group(1), surname.start()) if mentions else None
        if named and named.person:
            return named
    return found


# A word alone opening a sentence, its subject: "Kalvas, 61, did", not "Orlov's deputy" nor
# "Federation chairman X".
_OPENING_SURNAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))([A-Z][\w-]+)(?=,|\s+(?!(?:"
    + "|".join(sorted(PERSON_NOUNS))
    + r")\b)[a-z])",
    re.M,
)


_THE_TWO = re.compile(r"(?:the\s+)?(?:two|both)\s+(?:\w+\s+)?(\w+)", re.IGNORECASE)


def _the_two(text, mentions, mention: str, position: int) -> list[tuple[str, str | None]]:
    """ "The two leaders", "both ministers": the last two persons named before, as a reader
    takes them (one statement each, as the curated files have it); [] for anything else."""
    plural = _THE_TWO.fullmatch(mention.strip())
    noun = plural.group(1).lower() if plural else ""
    if noun not in {"men", "women"} and noun[:-1] not in PERSON_NOUNS:
        return []
    persons: list[tuple[str, str | None]] = []
    for named in reversed(mentions.before(position) if mentions else []):
        if named.person and named.name not in [p[0] for p in persons]:
            persons.append((named.name, named.key))
        if len(persons) == 2:
            return persons[::-1]
    return []


def _a_body(mention: str) -> bool:
    """ "The Afghan Foreign Ministry", "The ministry of Qasira": a body by its head noun."""
    head = re.split(r",|\s(?:of|for|at|in)\s", mention.strip(" ,"))[0].split()
    return bool(head) and head[-1].lower() in BODY_NOUNS | COMPANY_NOUNS | _INSTITUTIONS


# Heads of an institution's name that no description stands for alone: "The Northern
# Investment Fund, which financed ..., and its director, Sven Tallis" (his is the fund's).
_INSTITUTIONS = {"fund", "institute", "foundation", "association", "authority", "board", "forum"}


def _trade(mention: str) -> str:
    """The noun of a company's trade in its appositive ("Northwind Rail, the Baltic freight
    operator,": "operator"), or ""."""
    parts = [p.strip() for p in mention.strip(" ,").split(",")]
    if len(parts) != 2 or not _FULL_NAME.fullmatch(parts[0]):
        return ""
    noun = re.findall(r"\w+", parts[1].lower())[-1:]
    return noun[0] if noun and noun[0] in COMPANY_NOUNS else ""


# "The 29-year-old midfielder", "said the 27-year-old": someone named before with that age
_YEAR_OLD = re.compile(r"[Tt]he\s+(\d{1,3})-year-old(?:\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*))?")
_NAME_AGED = r"((?:[A-Z][\w’'.-]+\s+){{0,3}}[A-Z][\w’'-]+),\s*{age},"
_AGED_NAME = (
    r"\b{age}-year-old\s+(?:[a-z][\w-]*\s+){{0,2}}((?:[A-Z][\w’'.-]+\s+){{0,3}}[A-Z][\w’'-]+)"
)


def _of_that_age(text: str, mention: str, position: int, mentions) -> "Named | None":
    """ "The 29-year-old midfielder also revealed": the person named before with that age
    ("Marco Ventis, 29," or "29-year-old Marco Ventis"), the last one so named."""
    year_old = _YEAR_OLD.fullmatch(mention.strip(" ,"))
    if not year_old:
        return None
    age = year_old[1]
    named = [
        m
        for pattern in (_NAME_AGED, _AGED_NAME)
        for m in re.finditer(pattern.format(age=age), text[:position])
    ]
    if not named:
        return None
    last = max(named, key=lambda m: m.start(1))
    name = re.sub(r"^(?:The|A|An)\s+", "", last[1])
    name = (_named_member(name) or _trade_before_name(name) or (name,))[0]
    missed = mentions.near_miss(name, position) if mentions else None
    return missed or Named(last.start(1), name, None, True, "")


# "Mill owner Petra Hale", "Board chair Owen Pratt": a trade in lower case opening a
# sentence, then the name
_TRADE_THEN_NAME = re.compile(
    r"((?:(?!(?:The|A|An)\s)[A-Z][a-z]+\s+)?(?:(?!(?:of|and|or|for|the|in|at|on|to|by|with|from|de|van|von|del|la)\s)[a-z][a-z-]+\s+){1,2})"
    r"((?:[A-Z][\w’'.-]+\s+){1,2}[A-Z][\w’'-]+)"
)


def _trade_before_name(mention: str) -> tuple[str, str] | None:
    """(name, role) of "Mill owner Petra Hale": the words up to the last in lower case are
    what she is, the capitalized ones after them her name."""
    trade = _TRADE_THEN_NAME.fullmatch(mention.strip(" ,"))
    return (trade[2], trade[1].strip()) if trade else None


def _the_unnamed(candidate: Candidate, mention: str, state: State) -> bool:
    """ "the official" after "an Uzbek official": the unnamed speaker introduced last with
    that noun, rather than a named person or body of the sort."""
    described = description(mention) if re.match(r"the\s", mention, re.IGNORECASE) else None
    for noun, name in reversed(state.unnamed if described else []):
        if noun == described[0] and not _other_portfolio(mention, noun, name):
            candidate.speaker, candidate.speaker_resolved = name, True
            candidate.speaker_unnamed = True
            return True
    return False


_MEMBER_NOUNS = "|".join(sorted(PERSON_NOUNS))
_MEMBER_AFTER = re.compile(rf"(?:[’']s)?\s+(?:\w+\s+)?(?:{_MEMBER_NOUNS})\b", re.I)
_MEMBER_BEFORE = re.compile(rf"\b(?:{_MEMBER_NOUNS})\s+(?:of|for|at|to)\s+(?:the\s+)?$", re.I)
_NAMED_MEMBER = re.compile(
    rf"(.*\b(?:{_MEMBER_NOUNS}))\s+((?:[A-Z][\w’'.-]+\s+){{0,3}}[A-Z][\w’'-]+)\s*,?$", re.I
)


def _member_of(mention: str, alias: str) -> bool:
    """Whether ``mention`` is someone of the body ``alias`` names rather than the body:
    "the Afghan Foreign Ministry spokesman", "a spokeswoman for the ministry"."""
    at = mention.find(alias)
    if at < 0:
        return False
    return bool(
        _MEMBER_AFTER.match(mention, at + len(alias)) or _MEMBER_BEFORE.search(mention[:at])
    )


def _named_member(mention: str) -> tuple[str, str] | None:
    """(name, role) of "Afghan Foreign Ministry spokesman Sibghatullah Ahmadi"."""
    found = _NAMED_MEMBER.fullmatch(mention.strip())
    if not found or not re.match(r"[A-Z]", found.group(2)):
        return None
    if _capitalized_adjective_of_body(found):
        return None  # "The General Transport Workers' Union": a body's whole name
    return found.group(2), found.group(1)


def _capitalized_adjective_of_body(found: re.Match) -> bool:
    """Whether a title word before a name is a capitalized word of a body's name ("The
    General Workers' Union", not the union's general): the name ends in a body's noun."""
    title = found.group(1).split()
    last = found.group(2).split()[-1].lower()
    return title[-1][:1].isupper() and last in BODY_NOUNS | COMPANY_NOUNS


# A description opening a sentence, then a comma before the name: "A Veskan farmer ..., ".
# ... or a possessive's ("Varnia’s trade minister, Elira Honsk,"; "..., and its president,
# Ines Kallberg, told").
_ROLE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=- )|(?<=,\sand\s)|(?<=,\sbut\s))"
    r"((?:An?|The|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*[’']s)\s[^,.;:\n“”\"]{3,80}),\s*$"
)
_FULL_NAME = re.compile(
    rf"[A-Z][\w’'.-]+(?:\s+{_PARTICLES}[A-Z][\w’'.-]+){{0,2}}\s+{_PARTICLES}[A-Z][\w’'-]+"
)
_OF_BODY = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[\w’'.&-]+)*$")


def _name_of_body(mention: str) -> tuple[str, str] | None:
    """(name, role) of "Analyst Svetlana Orekhova of the Central Asia Trade Institute": a
    full name between the words of a title (a person noun) and the body it is of."""
    body = _OF_BODY.search(mention)
    if not body:
        return None
    words = mention[: body.start()].split()
    title = []
    while words and words[0].lower() in PERSON_NOUNS | {"senior", "chief", "former"}:
        title.append(words.pop(0))
    name = " ".join(words)
    if not _FULL_NAME.fullmatch(name) or words[-1].lower() in BODY_NOUNS | COMPANY_NOUNS:
        return None  # "The Steppe Ministry of Transport" is a body's whole name
    return name, " ".join([*title, body.group(0).strip()])


_KIND_NAMED = re.compile(
    r"(?:the\s+)?((?:[a-z-]+\s+){0,3}(?:"
    + "|".join(sorted(BODY_NOUNS | COMPANY_NOUNS | _INSTITUTIONS))
    + r"))\s+((?:[A-Z][\w’'&-]+\s+){0,3}[A-Z][\w’'&-]+)"
)


def _inner_appositive(mention: str) -> tuple[str, str] | None:
    """(name, role) of "Russia’s envoy, Zamir Kabulov," or "Zamir Kabulov, the envoy,", or
    of "Former deputy minister Rustam Kholov, now a consultant," (the role both sides), or of
    "Pavel Korsun, an analyst at the Tarn Forum, a think tank in Brask," (the role in two), or
    of "Korsun, the analyst," (a surname, to be tied to the full name before)."""
    parts = [p.strip() for p in mention.strip(" ,").split(",")]
    if len(parts) > 2 and all(parts) and _FULL_NAME.fullmatch(parts[0]):
        if not any(_FULL_NAME.fullmatch(p) for p in parts[1:]):
            return parts[0], ", ".join(parts[1:])
    if len(parts) != 2 or not all(parts):
        return None
    # "The dockworkers' union, the Coastal Transport Federation,": a body's name with "the"
    parts = [re.sub(r"^the\s+(?=(?:[A-Z]\w*\s+)+[A-Z])", "", p) for p in parts]
    for i in (1, 0):
        if _FULL_NAME.fullmatch(parts[i]) and not _FULL_NAME.fullmatch(parts[1 - i]):
            return parts[i], parts[1 - i]
    # "The company's largest shareholder, the state investment fund Norvan Holding,": the
    # name after what it is, both parts its role
    kind = _KIND_NAMED.fullmatch(parts[1])
    if kind and not _FULL_NAME.fullmatch(parts[0]):
        return kind.group(2), f"{parts[0]}, {kind.group(1)}"
    titled = _named_member(parts[0])
    if titled and not _FULL_NAME.fullmatch(parts[1]):
        return titled[0], f"{titled[1]}, {parts[1]}"
    # "Rehnquist's wife, Karin,": a relative named by a first name alone
    if re.fullmatch(r"[A-Z][\w’'-]+", parts[1]) and parts[0].split()[-1].lower() in _KIN:
        return parts[1], parts[0]
    # "Ostrik, deputy head of the delegation,": a surname named again, with a role
    if re.fullmatch(r"[A-Z][\w’'-]+", parts[0]) and re.match(r"[a-z]", parts[1]):
        return parts[0], parts[1]
    return None


# Titles a newspaper prints before a name: "Sen. Paula Greer" is Paula Greer, a senator.
_TITLES = re.compile(
    r"(?:(?:Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Prof|Rev|Dr|Amb|Mr|Mrs|Ms)\.|"
    r"(?:Dr|Mr|Mrs|Ms|Prof)(?=\s)|Mayor|"  # British copy writes "Dr Irena Vass"
    r"Councill?or|Council(?:man|woman)|Congress(?:man|woman)|Senator|Representative|Judge|"
    r"Professor|Doctor|Supervisor|Commissioner|Alderman|Alderwoman|Sheriff|Assembly(?:man|"
    r"woman|member))\s+(?=[A-Z])"
)
# A party after a name: two capitalised words or more ("(People's Party)"; one, "(MoFA)", is
# an acronym the text defines), or a party and a state ("(R-Texas)").
_PARTY = re.compile(r"(?<=[a-z])\s*\(((?:[A-Z][\w’'-]*\s+)+[A-Z][\w’'-]*|[A-Z]-[A-Z][\w. ]*)\)")
_COURTESY = {"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms"}


_KIND_OF_BODY = re.compile(  # "Environmental group Green Corridor", "The opposition Unity Bloc"
    r"(?:[Tt]he\s+)?((?:[A-Z][a-z]+\s+)?(?:[a-z]+(?:-[a-z]+)*\s+)?"
    rf"(?:{'|'.join(sorted(BODY_NOUNS | COMPANY_NOUNS | PRESS_NOUNS | {'opposition'}))}))\s+"
    # the name, its particles too: "Le Courrier de l'Ouest", "Corriere della Sera"
    rf"([A-Z][\w’'&-]+(?:\s+(?:{PARTICLE}\s+)*(?:[dl][’']|(?:al|el)-)?[A-Z0-9][\w’'&-]*){{0,4}})"
)


def _titled(name: str) -> tuple[str, str] | None:
    """(name, title) of "Sen. Paula Greer" or "Councillor Bruno Keller": a full name after
    its titles; a courtesy title ("Mr.") is no role, so the title is then empty."""
    titles = re.match(rf"(?:{_TITLES.pattern})+", name.strip())
    if not titles or not _FULL_NAME.fullmatch(rest := name.strip()[titles.end() :].strip(" ,")):
        return None
    title = " ".join(w for w in titles.group(0).split() if w not in _COURTESY)
    return rest, title


def _name(candidate, registry, name, *, key=None, resolved=False) -> None:
    if not key and not registry.speaker_in(name)[0] and (titled := _titled(name)):
        name = titled[0]
    key = key or registry.speaker_in(name)[0]
    candidate.speaker_key = key
    candidate.speaker = registry.speaker_name(key) if key else name
    candidate.speaker_resolved = resolved


def _appositive(text: str, candidate: Candidate) -> str | None:
    """The name printed beside a role: "the spokesman, Zamir Kabulov," or "Kabulov, the envoy"."""
    after = _NAME_AFTER.match(text, candidate.speaker_end)
    if after:
        return after.group(1)
    head = text[max(0, candidate.speaker_start - 120) : candidate.speaker_start]
    before = _NAME_BEFORE.search(head[-60:])
    if before and A_TIME.fullmatch(before.group(1)):
        return None  # "On Thursday, ministry spokeswoman X": a day, no one's name
    # "According to an analyst at the Lindqvist Institute, the ministry expects": the name
    # closes whom the sentence is according to; the ministry is no appositive of it
    if before and re.search(r"\b[Aa]ccording\s+to\s[^.!?;:\n]*$", head):
        return None
    return before.group(1) if before else None


# "a senior official", "one trader", "another diplomat": someone not named
_INDEFINITE = re.compile(r"(?:an?|one|another)\s", re.IGNORECASE)


# "the ministry's spokeswoman", "its spokesman": someone of a body, by the body's word
_OWNED = re.compile(r"(?:(?:[Tt]he\s+)?([a-z]+)[’']s|[Ii]ts)\s+(?=[a-z])")


def _titled_after(candidate, registry, mention: str, text: str) -> None:
    """ "..., said the transport minister, ..." then "Transport Minister Anton Orlov said":
    a description no one before answers is the one named next with it for a title; "the
    ministry's spokeswoman" is the one named with "spokeswoman" for a title, near it before
    or after, unless another body's word comes with the title ("Northwind spokeswoman X")."""
    mention = mention.strip(" ,")
    owner = _OWNED.match(mention)
    title = mention[owner.end() :] if owner else re.sub(r"^the\s+", "", mention, flags=re.I)
    if title == mention or not re.fullmatch(r"[a-z][a-z ]+", title):
        return
    words = r"\s+".join(re.escape(w) for w in title.split())
    named = re.compile(rf"\b(?i:{words})\s+((?:[A-Z][\w’'-]+\s+){{0,2}}[A-Z][\w’'-]+)")
    start, end = candidate.speaker_start, candidate.speaker_end
    found = list(named.finditer(text, end, end + 800))
    if owner:  # the nearest before first: "Spokeswoman X said ... The ministry's spokeswoman"
        found = list(reversed(list(named.finditer(text, max(0, start - 800), start)))) + found
        found = [f for f in found if _of_owner(text, f.start(), owner.group(1))]
    if found:
        _name(candidate, registry, found[0].group(1), resolved=True)
        candidate.role = text[found[0].start() : found[0].start(1)].strip()


def _of_owner(text: str, at: int, owner: str | None) -> bool:
    """Whether the words before a title at ``at`` name no body but ``owner`` ("Ministry
    spokeswoman", "Spokeswoman"; not "Northwind spokeswoman" for the ministry's)."""
    clause = re.search(r"[^.,;:!?\n“”\"]*$", text[max(0, at - 60) : at]).group(0)
    words = clause.split()
    if owner and any(same_family(owner.lower(), w) for w in words):
        return True
    return not any(
        w.lower() in BODY_NOUNS | COMPANY_NOUNS or w[:1].isupper() and w not in ("The", "Its")
        for w in words
    )


def _of_the_body(candidate, registry, mentions, state, mention: str) -> None:
    """ "The ministry's spokeswoman said" with no one named so: an unnamed speaker of the
    ministry named before ("Steppe Ministry of Transport spokeswoman"), the body offered as
    the candidate, rather than a key made of the description's words."""
    mention = mention.strip(" ,")
    owner = _OWNED.match(mention)
    if not owner:
        return
    body = state.last_body  # the body that spoke last, if it is such a body, else one named
    if owner.group(1) and not (body and same_family(owner.group(1), body[0])):
        body = None
    for named in reversed(mentions.before(candidate.speaker_start) if not body else []):
        if not named.person and same_family(owner.group(1), f"{named.name} {named.trade}"):
            body = (registry.speaker_name(named.key) if named.key else named.name, named.key)
            break
    if body:
        title = mention[owner.end() :]
        name = re.sub(r"^the\s+", "", body[0], flags=re.I)
        candidate.speaker = f"{name} {title}"
        candidate.speaker_unnamed, candidate.role = True, title
        candidate.speaker_options = [body[1]] if body[1] else []


_THE_COMPANY = re.compile(r"the\s+(?:" + "|".join(sorted(COMPANY_NOUNS)) + r")", re.I)


def _the_company_that_spoke(candidate, state, mention: str) -> None:
    """ "Veltrana, which operates the plant, said ... The company said": the body that spoke
    last, named by its bare name, when the text names no body of that trade (the draft left
    "The company" unresolved). A body whose name says another kind ("the Harnby Council")
    is not it."""
    body = state.last_body
    if not body or not _THE_COMPANY.fullmatch(mention.strip(" ,")):
        return
    words = set(body[0].lower().split())
    if words & (BODY_NOUNS - COMPANY_NOUNS) or not re.match(r"(?!(?:The|An?)\s)[A-Z]", body[0]):
        return
    candidate.speaker, candidate.speaker_key = body
    candidate.speaker_resolved = True


# "the regulator", "the watchdog": a body whose name says it regulates; "their union": a union
_REGULATOR = re.compile(r"the\s+(?:regulator|watchdog|agency|authority)", re.IGNORECASE)
_REGULATOR_NAME = re.compile(
    r"\b(?:[A-Z][\w’'-]*[ \t]+){1,5}(?:Authority|Commission|Office|Agency|Regulator|Inspectorate"
    r"|Board|Bureau)\b"
)
_THEIR_UNION = re.compile(r"(?:their|its)\s+(?:trade\s+|labou?r\s+)?union", re.IGNORECASE)
_UNION_NAME = re.compile(r"\b(?:[A-Z][\w’'-]*[ \t]+){1,5}Union\b")
# "the foundation", "the university": a body whose name ends in that noun ("Calder University")
_BODY_OF_KIND = re.compile(
    r"the\s+(foundation|institute|university|trust|council|college|society|association|"
    r"federation|institution|centre|center|fund|academy|league|coalition|alliance)",
    re.IGNORECASE,
)
# "the report", "a study published ... by the Morrow Trust": the body that published it
_WORK_OF = re.compile(
    r"(?:an?|the|this|that|its)\s+(?:new\s+|latest\s+|annual\s+)?"
    r"(report|study|survey|analysis|paper|review|index|poll)\b",
    re.IGNORECASE,
)
_BY_BODY = (
    r"\b(?i:{})\b[^.;:“”\n]{{0,80}}?\bby\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'&-]*[ \t]+){{0,5}}[A-Z][\w&-]*(?:[ \t]+of[ \t]+[A-Z][\w&-]*)?)\b(?![’'])"
)
# a sentence's first word, capitalized as any is, opens no name ("The Kaldera Nursing Union")
_OPENING = re.compile(r"(?:The|A|An|Its|Their|His|Her)[ \t]+")


class _Found:
    """A name found inside a longer match, as ``re.Match`` gives one: its words and start."""

    def __init__(self, name: str, start: int) -> None:
        self._name, self._start = name, start

    def group(self, _: int = 0) -> str:
        return self._name

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._name)


def _body_by_its_kind(candidate, registry, text: str, mention: str) -> None:
    """ "The Benelian Financial Conduct Office (BFCO) ... the regulator said": the nearest body
    named before whose name says it is an authority, an office or a commission; "..., their
    union said. The Dockers' Union ...": the union named nearest, before or in the next
    sentence (the draft left both unresolved)."""
    mention = mention.strip(" ,")
    start = candidate.speaker_start
    if start is None:
        return
    if _REGULATOR.fullmatch(mention):
        names = list(_REGULATOR_NAME.finditer(text, 0, start))
    elif kind := _BODY_OF_KIND.fullmatch(mention):
        noun = kind.group(1).capitalize()
        names = list(
            re.finditer(
                rf"\b(?:[A-Z][\w’'-]*[ \t]+){{1,5}}{noun}\b(?:[ \t]+of[ \t]+[A-Z][\w&-]*)?"
                rf"|\b{noun}[ \t]+of[ \t]+(?:[A-Z][\w’'-]*[ \t]+){{0,3}}[A-Z][\w’'-]*",
                text[:start],
            )
        )
    elif work := (_WORK_OF.fullmatch(mention) or _WORK_OF.match(mention)):
        # the body named after "by" with the same noun, in the mention itself or before it
        by = _BY_BODY.format(work.group(1))
        end = start + len(mention) if work.end() < len(mention) else start
        names = [_Found(m.group(1), m.start(1)) for m in re.finditer(by, text[:end])]
    elif _THEIR_UNION.fullmatch(mention):
        end = text.find(".", text.find(".", start) + 1)  # to the end of the next sentence
        names = list(_UNION_NAME.finditer(text, 0, end if end > 0 else len(text)))
    else:
        return
    names = [m for m in names if not (m.start() <= start < m.end())]
    if not names:
        return
    nearest = min(names, key=lambda m: abs(m.start() - start))
    name = nearest.group(0)
    if opening := _OPENING.match(name):
        name = name[opening.end() :]
    _name(candidate, registry, name, resolved=True)
    candidate.speaker_options = []


def _other_portfolio(mention: str, noun: str, name: str) -> bool:
    """ "its finance ministry" is not the Varnian Foreign Ministry named before: the word
    before "ministry" or "department" says which one, and that name lacks it."""
    if noun not in ("ministry", "department"):
        return False
    word = re.search(rf"\b([a-z]+)\s+{noun}\b", mention)
    if not word or word.group(1) in ("the", "its", "his", "her", "their", "our", "a", "an"):
        return False
    return word.group(1) not in name.lower()


# Nouns any person speaking for something may be called, whatever their title.
_ANYONE = {"official", "source", "spokesman", "spokeswoman", "spokesperson", "representative"}


def _may_be(noun: str, role: str) -> bool:
    """Whether someone the text gave ``role`` may be called "the ``noun``"."""
    return noun in _ANYONE or noun in re.findall(r"[\w’'-]+", role.lower())


def _described(candidate, registry, mentions, mention, by_role, roles: dict[str, str]) -> None:
    """ "the group", "the ministry", "the top diplomat": the one the registry gives that role
    to, else the latest person or body of that sort named before, but not a person the text
    gave another role (``roles``: "The mayor said" after "Orlov, the head of the union,"
    is not Orlov); "a diplomat" is neither."""
    noun, person = description(mention)
    # "the office" is a body: not a person whose role names an office ("head of the political
    # office"), nor "the spokesman" a body
    by_role = [key for key in by_role if registry.is_person(key) == person]
    if _INDEFINITE.match(mention):
        # "a senior diplomat" brings in someone not named: nobody named before.
        candidate.speaker = mention
        candidate.speaker_options = by_role[:3]
        candidate.speaker_unnamed = True
        return
    # "her ministry", "his office": a person's body, neither the last body named before nor
    # whoever holds an "office" in the registry.
    persons = re.match(r"(?:his|her|their)\s", mention, re.IGNORECASE)
    if len(by_role) == 1 and not persons:
        _name(candidate, registry, registry.speaker_name(by_role[0]), key=by_role[0], resolved=True)
        return
    owned = not person and persons
    # "The Taliban's chief negotiator": someone of the Taliban's, whom the registry's roles
    # did not find; not whoever was named last.
    owned = owned or (person and re.search(r"\w[’']s\s|^its\s", mention, re.IGNORECASE))
    earlier = mentions.before(candidate.speaker_start) if mentions and not owned else []
    for named in reversed(earlier):
        if named.person != person:
            continue
        if by_role and named.key not in by_role:
            continue
        if person and named.name in roles and not _may_be(noun, roles[named.name]):
            continue
        # a body named by another kind of noun is not "the council": neither "Northwind"
        # unknown nor "the Ministry of Foreign Affairs" in the registry ("the Taliban", in
        # the registry with no such noun in its name, may be "the group")
        kind = f"{named.name} {named.trade}"
        other_kind = named.key is None or set(kind.lower().split()) & BODY_NOUNS
        if not person and other_kind and not same_family(noun, kind):
            continue
        if not person and _other_portfolio(mention, noun, kind):
            continue
        _name(candidate, registry, named.name, key=named.key, resolved=True)
        return
    candidate.speaker = mention
    candidate.speaker_options = [] if persons else by_role[:3]
