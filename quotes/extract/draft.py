"""A draft curated file from extraction candidates: every statement marked `status: draft`,
so that `quotes load` refuses it until a curator has reviewed each one."""

import json
import re
from dataclasses import replace

from quotes.curation.anchor import SourceIndex, occurrences
from quotes.extract import lexicon
from quotes.extract.candidate import Candidate
from quotes.extract.mentions import description
from quotes.names import latin


def slug(words: str) -> str:
    """A key from ``words``, its letters in Latin ("Hélène" -> "helene", not "h-l-ne")."""
    return "-".join(re.findall(r"[a-z0-9]+", latin(words)))[:60].strip("-")


def unnamed_key(candidate: Candidate) -> str | None:
    """The key of the speaker the source does not name ("A senior Taliban official" ->
    senior-taliban-official), declared in the draft's own `speakers:`; else None."""
    name = candidate.speaker or candidate.speaker_as_written
    if not candidate.speaker_unnamed or not name:
        return None
    return slug(re.sub(r"^(?:an?|the)\s+", "", name, flags=re.I)) or None


def _string(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def body_opening(text: str) -> str | None:
    """The opening words of the story's first paragraph when a headline (or a standfirst)
    comes before it, enough of them to start no other paragraph: citations count
    paragraphs from there (the source's `body:`)."""
    from quotes.extract.layout import body_start

    begin = body_start(text)
    if begin == 0:
        return None
    words = text[begin:].lstrip().split("\n", 1)[0].rstrip().split(" ")  # after a heading's end
    index = SourceIndex(text)  # checked by the rule `quotes check` applies to `body:`
    for count in range(min(4, len(words)), len(words) + 1):
        opening = " ".join(words[:count])
        if index.start_body(opening) is None:
            return opening
    return None


def draft_source(
    text: str,
    *,
    registry,
    text_path: str,
    title: str,
    published: str | None,
    sha256: str,
    headlines: bool = False,
) -> tuple[str, int]:
    """The draft of one source and its number of candidates. Without ``published``, a
    dateline gives the publication date, and the draft says where it came from."""
    from quotes.extract import extract
    from quotes.extract.dates import dateline
    from quotes.extract.layout import byline

    line = dateline(text)
    published_note = publication = None
    if not published and line and line.published:
        published = line.published
        published_note = f"from the dateline “{line.written}”; year {line.year_basis}"
    elif not published and line:
        published_note = f"the dateline “{line.written}” gives no year: pass --published"
    if line and line.agency:
        publication = line.agency
    candidates = extract(text, registry=registry, published=published, headlines=headlines)
    draft = draft_yaml(
        candidates,
        author=byline(text),
        text=text,
        body=body_opening(text),
        text_path=text_path,
        title=title,
        published=published,
        published_note=published_note,
        publication=publication,
        sha256=sha256,
        known_speakers=set(registry.names),
    )
    return draft, draft.count("\n    status: draft\n")  # a statement each


def draft_yaml(
    candidates: list[Candidate],
    *,
    text: str,
    text_path: str,
    title: str,
    published: str | None,
    sha256: str,
    known_speakers: set[str],
    published_note: str | None = None,
    publication: str | None = None,
    body: str | None = None,
    author: str | None = None,
) -> str:
    candidates = [c for c in candidates if not _yet_to_come(c, text)]
    statements = [
        one
        for candidate in candidates
        if not _said_again(candidate, candidates)
        and not _reports_another(candidate, candidates)
        and not _attitude_reported(candidate, candidates)
        and not _vote_or_question(candidate, text)
        and not _a_deed(candidate, text)
        and not _according_to_data(candidate, text)
        and not _named_as(candidate, text)
        and not _figures_show(candidate)
        and not _TO_DISCUSS.search(candidate.cue or "")
        and not _agreed_to_act(candidate, candidates, text)
        and not _NO_ONE.fullmatch(candidate.speaker_as_written or "")
        and not _anyone_at_all(candidate)
        and not _HOW_ONE_IS.fullmatch(candidate.cue or "")
        and not _noun_said_nothing(candidate, text)
        and not _PASSIVE.fullmatch(candidate.cue or "")
        for one in _each_speaker(_no_adverb_in_cue(candidate))
    ]
    published_line = f"  published: {_string(published) if published else 'null'}"
    if published_note:
        published_line += f"  # {published_note}"
    publication_line = "  publication: null"
    if publication:
        publication_line = f"  publication: {_string(publication)}  # the dateline's agency"
    lines = [
        f"# Draft made by `quotes extract` from {text_path}: {len(statements)} candidate(s).",
        "# Review each statement against the source (speaker, kind, text, date, stances,",
        "# claims), then set `status: reviewed`. `quotes load` refuses drafts.",
        "source:",
        f"  title: {_string(title)}",
        publication_line,
        f"  author: {_string(author)}  # from the byline" if author else "  author: null",
        published_line,
        "  url: null",
        f"  text: {text_path}",
        *([f"  body: {_string(body)}  # paragraphs are counted from here"] if body else []),
        f"  sha256: {sha256}",
        "",
    ]
    unnamed = {}
    for candidate in candidates:
        key = unnamed_key(candidate)
        if key and key not in unnamed:
            name = (candidate.speaker or candidate.speaker_as_written).strip(" ,")
            unnamed[key] = name[:1].upper() + name[1:]
    if unnamed:
        lines.append("speakers:  # unnamed by the source: declared here, not in the registry")
        for key, name in unnamed.items():
            lines += [f"  - key: {key}", f"    name: {_string(name)}"]
        lines.append("")
    lines.append("statements:")
    keys: dict[str, int] = {}
    for one in statements:
        lines += _statement(one, text, keys, known_speakers)
    return "\n".join(lines) + "\n"


# "so nobody wanted to change what they measured": no one spoke (PolNeAR marks some such
# beliefs, so extraction keeps them).
# "Not everyone in Varnia opposes the project": no one in Varnia spoke either; nor did "few
# in the capital" who "believe it will last" (the writer's own judgement).
_NO_ONE = re.compile(
    r"(?:not\s+)?(?:nobody|no[ -]one|none|everyone|everybody|anyone|anybody|(?:very\s+)?few)"
    r"(?:\s+(?:in|at|from|of)\s+\S.*)?",
    re.IGNORECASE,
)


# "She is more guarded about her private life", "likes to talk about the ferries": what a
# person is like, or likes to talk of, no words said (PolNeAR marks some, so extraction keeps
# them; "warned about the risks" stays)
# ("is talking about deporting", "are expressing concern about": said, and stay)
_HOW_ONE_IS = re.compile(
    r"(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:\w+ly|more|less|so|not|very|too)\s+)"
    r"{0,2}[a-z-]+(?<!ing)|(?:likes?|loves?|prefers?)\s+to\s+\w+)\s+about",
    re.IGNORECASE,
)
# "one has to look past the speeches", "one might think": anyone at all, no speaker ("one
# suggested she marry": one of them, and stays)
_ANYONE_MAY = re.compile(
    r"(?:has\s+to|must|might|may|can|could|would|should|needs\s+to|cannot)\b.*", re.IGNORECASE
)


# "Berg is expected to take charge": who expects it is not said, and Berg is no speaker
# (PolNeAR marks such beliefs, so extraction keeps them).
# "Residents were told to keep their windows shut": an order received, its giver unnamed
_PASSIVE = re.compile(
    r"(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?(?:expected|believed|thought|said|seen|"
    r"considered|understood|reported|rumou?red|told|advised|instructed|ordered)",
    re.IGNORECASE,
)


def _anyone_at_all(candidate: Candidate) -> bool:
    """ "To understand her, one has to look past the speeches": what anyone would have to do,
    the writer's (or another speaker's) words, not one's own."""
    return (candidate.speaker_as_written or "").strip(" ,") == "one" and bool(
        _ANYONE_MAY.fullmatch(candidate.cue or "")
    )


_POSSESSIVE = re.compile(r"[’']s?\s+$")
# after the cue, only another's cue: ", critics argue"
_ONLY_ANOTHER_CUE = re.compile(r"\s*,\s*(?:[\w’'-]+\s+){0,3}[\w’'-]+[\s.]*")


def _noun_said_nothing(candidate: Candidate, text: str) -> bool:
    """ "Any honest account requires looking past the mayor's promises, critics argue": the
    tagger read the noun "promises" as a cue, the clause before it as a speaker; no words
    follow it but another's cue ("Trump's claim that ..." says something, and stays)."""
    if candidate.kind == "direct" or candidate.cue_start is None or candidate.cue_end is None:
        return False
    if candidate.content_start < candidate.cue_start:
        return False
    before = text[max(0, candidate.cue_start - 4) : candidate.cue_start]
    return (
        _POSSESSIVE.search(before) is not None
        and _ONLY_ANOTHER_CUE.fullmatch(text, candidate.cue_end, candidate.content_end) is not None
    )


def _said_again(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """ "Whitcombe said he expected a vote": "he expected" is inside Whitcombe's words and is
    Whitcombe again, no statement of its own (PolNeAR marks it, so extraction keeps it); so
    is an "I" or a "we" inside a quotation ("“We have ordered six cranes,” he said")."""
    pronoun = (candidate.speaker_as_written or "").lower()
    if candidate.cue_start is None or pronoun not in ("he", "she", "i", "we"):
        return False
    return any(
        other is not candidate
        and other.content_start <= candidate.cue_start < other.content_end
        and (
            other.speaker == candidate.speaker
            if pronoun in ("he", "she")
            else other.kind == "direct"
        )
        for other in candidates
    )


# "The council voted 7-2 to reject the plan" and "the ministers signed the agreement" are
# deeds, and "Torsen asked whether the company would sell" a question: none is a claim a
# curator records.
# "deputies voted against": the tagger's cue may take in the subject's last word first
_VOTED = re.compile(r"(?:[a-z]+\s+)?(?:vot(?:ed|es|ing)|sign(?:ed|s|ing))\b", re.IGNORECASE)
# "suspended a timber export agreement", "lost her job as a crane operator": a deed done to
# a thing, nothing said; "did not return calls", "could not be reached": nothing said at all
_DEED = re.compile(
    r"(?:suspend(?:ed|s)|cancell?ed|cancels|scrapped|terminated|halted|lost|loses)\s*$",
    re.IGNORECASE,
)
_OBJECT = re.compile(r"\s*(?:an?|the|its|his|her|their|our|\d[\d,.]*)\s")
_NO_ANSWER = re.compile(
    r"(?:did\s+not|didn[’']t|has\s+not|have\s+not|had\s+not)\s+(?:immediately\s+)?"
    r"(?:return|respond|reply|answer)|could\s+not\s+be\s+reached",
    re.IGNORECASE,
)
# whom it was put to may come first ("asked Rehnquist why"), but no request ("asked them to")
_QUESTION = re.compile(r"(?:(?!to\s)[\w’'.-]+\s+){0,3}?(?:whether|if|why|how|what|when|where)\s")


# "also revealed", "again warned", "further said": the verb is the cue, the adverb only
# says it came after something else
_ADVERB_BEFORE = re.compile(r"(?:also|again|further)\s+(?=\S)", re.IGNORECASE)


def _no_adverb_in_cue(candidate: Candidate) -> Candidate:
    """The cue without an "also", "again" or "further" before its verb, and the words from
    the verb on (PolNeAR's cue keeps the adverb, so extraction keeps it)."""
    adverb = _ADVERB_BEFORE.match(candidate.cue or "")
    if not adverb:
        return candidate
    cue, words, start = candidate.cue[adverb.end() :], candidate.text, candidate.start
    if candidate.text.startswith(candidate.cue):
        words, start = candidate.text[adverb.end() :], start + adverb.end()
    return replace(candidate, cue=cue, text=words, start=start)


def _vote_or_question(candidate: Candidate, text: str) -> bool:
    """A vote, a signing, a question put or being told something (PolNeAR marks some as
    attributions, so extraction keeps them; "asked the council to reconsider" is a request,
    and stays)."""
    cue = candidate.cue or ""
    return (
        bool(_VOTED.match(cue))
        or _being_told(candidate, text)
        or (
            cue.lower() == "asked"
            and _QUESTION.match(text, candidate.content_start, candidate.content_end) is not None
        )
    )


# "when told of the remark", "after being told": being told, not telling
_BEING_TOLD = re.compile(
    r"\b(?:(?:when|after|once|until|if|upon|on|before)\s+being|when|after|once|until|if)\s+$",
    re.IGNORECASE,
)


# "has long lobbied for the measure": pressing for it, no words reported
_LOBBIED = re.compile(r"(?:(?:has|have|had)\s+)?(?:long\s+)?lobb(?:ied|ies|y|ying)\b.*", re.I)
# "responded within hours", "reacted swiftly": when or how, not what was said
_RESPONDED = re.compile(r"respond(?:ed|s)|react(?:ed|s)", re.IGNORECASE)
_ONLY_HOW_SOON = re.compile(
    r"\s+(?:within\s+(?:hours|minutes|days|an?\s+(?:hour|day))|quickly|swiftly|immediately|"
    r"promptly|angrily|furiously)\s*(?:[,.;]|and\b|\Z)",
    re.IGNORECASE,
)
# "gathered outside parliament to protest a planned rise": a protest's purpose, a deed
_TO_PROTEST = re.compile(r"(?:to\s+)?protest", re.IGNORECASE)
# "is expected to tour the valleys": a deed to come ("is expected to announce" stays)
_EXPECTED = re.compile(r"(?:is|are|was|were)\s+expected", re.IGNORECASE)
_TO_VERB = re.compile(r"\s+to\s+([a-z]+)\b")
_SPEAKING = {"speak", "testify", "address", "deliver", "brief", "outline", "present", "unveil"}


def _a_deed(candidate: Candidate, text: str) -> bool:
    """ "The government suspended a timber export agreement", "lost her job as a crane
    operator", "has long lobbied for the measure", "responded within hours", "to protest a
    planned rise", "is expected to tour the valleys", "The mayor's office did not return
    calls": something done or to be done, or no answer given, not words said (the tagger
    proposes such cues; PolNeAR marks some, so extraction keeps them)."""
    cue = candidate.cue or ""
    if candidate.kind == "direct" or candidate.cue_end is None:
        return False
    if _NO_ANSWER.match(cue):
        return True
    if _DEED.match(cue):
        return _OBJECT.match(text, candidate.cue_end) is not None
    if candidate.cue_start is None:
        return False
    if _LOBBIED.fullmatch(cue):
        return True
    if _RESPONDED.fullmatch(cue):
        return _ONLY_HOW_SOON.match(text, candidate.cue_end) is not None
    if _TO_PROTEST.fullmatch(cue):
        return cue.lower().startswith("to") or text[: candidate.cue_start].endswith("to ")
    if _EXPECTED.fullmatch(cue):
        verb = _TO_VERB.match(text, candidate.cue_end)
        return bool(verb) and verb[1] not in lexicon.VERB_FORMS | _SPEAKING
    return False


def _being_told(candidate: Candidate, text: str) -> bool:
    """ "Kovacs, 64, frowned when told of the decision": he heard it and said nothing (the
    teller, a reporter as a rule, goes unnamed)."""
    if candidate.cue_start is None or not re.fullmatch(r"told|informed", candidate.cue or "", re.I):
        return False
    return (
        _BEING_TOLD.search(text, max(0, candidate.cue_start - 20), candidate.cue_start) is not None
    )


# "would meet on Monday to discuss the options", "is due to discuss the contract": a meeting
# planned, nothing said yet (PolNeAR marks plans, so extraction keeps them)
_TO_DISCUSS = re.compile(r"(?:^|\s)to\s+discuss$", re.IGNORECASE)
# "according to data compiled by Meridian", "according to official figures": numbers the
# story cites, not words anyone said
_DATA = re.compile(
    r"\s*(?:(?:the|its|their)\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:data|figures|statistics)\b"
)


def _according_to_data(candidate: Candidate, text: str) -> bool:
    """Figures "according to" data (PolNeAR marks them, so extraction keeps them)."""
    if (candidate.cue or "").lower() != "according to" or candidate.cue_end is None:
        return False
    return _DATA.match(text, candidate.cue_end) is not None


# "Police named the dead as ...", "identified the driver as ...": who someone is, made known;
_NAMED = re.compile(r"named|identified", re.IGNORECASE)
# ... as a person's name, or "as a 34-year-old man" ("identified the judge as “Spanish”",
# "named a favourite as her guilty pleasure" say something of their own, and stay)
_AS = re.compile(r"[^.;:“”\"\n]{1,60}?\sas\s+(?:[A-Z][\w’'-]+\s+[A-Z]|an?\s+\d+-year-old\b)")


def _named_as(candidate: Candidate, text: str) -> bool:
    """ "Police named the victims as Greta Lund and ...": an identification, a deed, not a
    claim (PolNeAR marks some, so extraction keeps them)."""
    if not _NAMED.fullmatch(candidate.cue or "") or candidate.cue_end is None:
        return False
    return (
        _OBJECT.match(text, candidate.cue_end) is not None
        and _AS.match(text, candidate.cue_end) is not None
    )


# "Official results showed ...", "The figures show ...": a document or numbers, no one speaking
_SHOWED = re.compile(r"show(?:s|ed|n)?|indicat(?:e|es|ed)", re.IGNORECASE)
_FIGURES = re.compile(
    r".*\b(?:results?|figures|data|statistics|numbers|count|tally|records?|polls?|surveys?)",
    re.IGNORECASE,
)


def _figures_show(candidate: Candidate) -> bool:
    """ "Provisional results showed the League ahead": what figures show, not words said
    (as with "according to data"; PolNeAR marks some, so extraction keeps them). A report
    that "said" something stays the report's statement."""
    return bool(_SHOWED.fullmatch(candidate.cue or "")) and bool(
        _FIGURES.fullmatch(candidate.speaker_as_written or "")
    )


_AGREED = re.compile(r"agree(?:d|s)?", re.IGNORECASE)
_TO_ACT = re.compile(r"(?:[^,.;:“”\"\n]{0,25}?\s)?to\s")  # "to reopen", "on Tuesday to reopen"


def _agreed_to_act(candidate: Candidate, candidates: list[Candidate], text: str) -> bool:
    """ "Talmora and Vesk agreed on Tuesday to reopen the railway, officials of both countries
    said": a joint decision, a deed, inside the words of whoever reports it, whose statement
    it is ("agreed that the plan was flawed" says something, and stays; so does an agreement
    nobody in the text reports, the story's own news)."""
    if not _AGREED.fullmatch(candidate.cue or ""):
        return False
    if _TO_ACT.match(text, candidate.content_start, candidate.content_end) is None:
        return False
    return any(
        other is not candidate
        and other.cue_start is not None
        and other.content_start <= candidate.cue_start < other.content_end
        for other in candidates
    )


# "before it announces", "until he confirms": a cue in the present after a conjunction of time
_YET_TO_COME = re.compile(r"\b(?:before|until|till|unless|once)\s+(?:\w+\s+){0,2}?$", re.IGNORECASE)


def _yet_to_come(candidate: Candidate, text: str) -> bool:
    """ "the government wants a new mandate before it announces spending cuts": what is yet
    to be announced is no statement (the tagger reads one; the draft then took it for a
    statement inside "According to Petrak, ...", and dropped Petrak's)."""
    if candidate.kind == "direct" or candidate.cue_start is None:
        return False
    cue = candidate.cue or ""
    return (
        re.fullmatch(r"[a-z]+s", cue) is not None
        and _YET_TO_COME.search(text, max(0, candidate.cue_start - 40), candidate.cue_start)
        is not None
    )


# What someone expects, believes or plans, as another reports it: the report is the statement.
_ATTITUDE = re.compile(
    r"(?:expect|believe|think|hope|fear|want|plan|intend|prefer)(?:s|ed|d)?", re.IGNORECASE
)


def _attitude_reported(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """ "According to Viktor Petrak, the ministry expects exports to fall": Petrak's claim
    about the ministry, which has said nothing here (PolNeAR marks both, so extraction keeps
    the ministry's)."""
    if candidate.cue_start is None or not _ATTITUDE.fullmatch(candidate.cue or ""):
        return False
    return any(
        (other.cue or "").lower() == "according to"
        and other.cue_start < other.content_start <= candidate.content_start
        and other.content_start <= candidate.cue_start < other.content_end
        for other in candidates
    )


def _reports_another(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """ "“Our boats are tied up,” he said, according to ORSA": the agency reports his words,
    his statement, not one of the agency's (PolNeAR marks it, so extraction keeps it)."""
    if (candidate.cue or "").lower() != "according to":
        return False
    return any(
        other is not candidate
        and other.cue_start is not None
        and not _ATTITUDE.fullmatch(other.cue or "")
        and candidate.content_start <= other.content_start
        and other.content_end <= candidate.content_end
        and candidate.content_start <= other.cue_start < candidate.content_end
        for other in candidates
    )


def _each_speaker(candidate: Candidate) -> list[Candidate]:
    """ "The two leaders said ...": one statement per leader, as the curated files have it
    (one candidate, one source span, as PolNeAR marks it)."""
    return [candidate] + [
        replace(candidate, speaker=name, speaker_key=key, also_said_by=[])
        for name, key in candidate.also_said_by
    ]


def _unresolved_description(candidate: Candidate) -> bool:
    """ "the ministry" with no ministry named before it: no key to invent from its words (but
    "A spokesman for the governor, Kyle Benning," is Kyle Benning)."""
    return (
        not candidate.speaker_resolved
        and bool(description(candidate.speaker_as_written or ""))
        and bool(description(candidate.speaker or ""))
    )


def _statement(candidate: Candidate, text: str, keys: dict[str, int], known: set[str]) -> list[str]:
    local = unnamed_key(candidate)
    name = candidate.speaker or candidate.speaker_as_written or ""
    if not _unresolved_description(candidate):  # "the ministry" stays a description's key
        # "The Marl Delta Alliance" is keyed as the registry keys bodies, without "the"
        name = re.sub(r"^the\s+", "", name, flags=re.I)
    speaker = candidate.speaker_key or local or slug(name) or "unknown"
    base = f"{speaker}-{slug(candidate.cue or '') or 'said'}"  # a transcript's cue is ":"
    keys[base] = keys.get(base, 0) + 1
    key = base if keys[base] == 1 else f"{base}-{keys[base]}"
    out = [f"  - key: {key}", "    status: draft"]
    note = ""
    if local:
        note = "  # unnamed: declared under speakers: above"
    elif speaker == "unknown":  # "She was told that ...": the text does not say who spoke
        note = "  # not in the registry: the text does not say who said it; add whom it means"
    elif speaker not in known and _unresolved_description(candidate):
        note = "  # a description the text does not resolve: use the key of whom it means"
        if candidate.speaker_options:
            note += " (closest: " + ", ".join(candidate.speaker_options) + ")"
    elif speaker not in known:
        note = f"  # not in the registry: add data/speakers/{speaker}.yaml or use a known key"
        if candidate.speaker_options:
            note += " (closest: " + ", ".join(candidate.speaker_options) + ")"
    out.append(f"    speaker: {speaker}{note}")
    if candidate.speaker_as_written:
        resolved = (
            f"  # resolved to {candidate.speaker}: check it" if candidate.speaker_resolved else ""
        )
        out.append(f"    speaker_as_written: {_string(candidate.speaker_as_written)}{resolved}")
    if candidate.role:
        out.append(f"    role: {_string(candidate.role)}")
    out.append(f"    kind: {candidate.kind}")
    out.append(f"    text: {_string(candidate.text)}")
    starts = occurrences(text, candidate.text)
    if len(starts) > 1:
        out.append(f"    occurrence: {starts.index(candidate.start) + 1}")
    if candidate.cue:
        # "said:" is the verb (PolNeAR's cue keeps the colon; a transcript's ":" stays)
        out.append(f"    cue: {_string(candidate.cue.rstrip(':') or candidate.cue)}")
    if candidate.said_as_written:
        out += [
            f"    said: {candidate.said}",
            f"    said_as_written: {_string(candidate.said_as_written)}",
            f"    said_basis: {candidate.said_basis}",
        ]
    elif candidate.said:
        out += [
            f"    said: {candidate.said}  # the text does not say when: by its publication",
            f"    said_basis: {candidate.said_basis}",
        ]
    if candidate.suggested_stances:
        out.append("    stances:  # suggested from the cue; check them")
        out += [
            f"      {party}: {polarity}" for party, polarity in candidate.suggested_stances.items()
        ]
    elif candidate.parties:
        out.append(f"    # parties named: {', '.join(candidate.parties)}")
    return out
