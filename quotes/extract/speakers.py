"""Who said it: the speaker's words around a cue, cleaned, split and named.

Subjects before a cue ("Afghan MP Fariba Ahmadi Kakar warned"), appositives ("Oleg
Barabanov, an ... analyst, postulated"), possessors of speech nouns ("Russia’s denials"),
pronouns and "who" resolved to the person last named, and names matched to the registry.
"""

import re
from dataclasses import dataclass, replace

from quotes.extract import lexicon
from quotes.extract.candidate import Candidate
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
    r"\w+ly))+\s*$",
    re.IGNORECASE,
)


@dataclass
class State:
    """What a pass over one text remembers: the person last named, for pronouns."""

    last_person: tuple[str, str | None] | None = None  # (name, registry key)


def split_speakers(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "Lavrov and Taliban co-founder Mullah Abdul Ghani Baradar": one candidate per speaker."""
    split = []
    for candidate in candidates:
        mention = candidate.speaker_as_written or ""
        parts = re.fullmatch(r"(.*?[A-Z][\w.’'-]*)\s+and\s+(.*[A-Z][\w.’'-]*.*)", mention)
        if not parts or parts.group(1)[:1].islower():
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
    if start == end:
        return None
    if "," in text[start:end] and text[end : end + 1] == ",":
        end += 1
    return start, end


def subject(text: str, sentence: Sentence, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase that says the cue: the last clause's subject before it."""
    head = _TRAILING_VERBS.sub(" ", text[sentence.start : cue_start])
    segment_start = 0
    for boundary in _BOUNDARY.finditer(head):
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


def resolve(candidate: Candidate, registry: Registry, state: State, text: str) -> None:
    """Name the speaker: registry match, or the person last named for a pronoun."""
    mention = candidate.speaker_as_written
    if not mention:
        return
    if mention.lower() == "who":  # "Amrullah Saleh, who recently described"
        name = re.search(
            r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+),\s*$", text[: candidate.speaker_start]
        )
        if name:
            key, _ = registry.speaker_in(name.group(1))
            candidate.speaker_key = key
            candidate.speaker = registry.speaker_name(key) if key else name.group(1)
            candidate.speaker_resolved = True
        return
    if mention.lower() in lexicon.PRONOUNS:
        if state.last_person and mention.lower() in ("he", "she", "who", "i"):
            candidate.speaker, candidate.speaker_key = state.last_person
            candidate.speaker_resolved = True
        return
    key, alias = registry.speaker_in(mention)
    candidate.speaker_key = key
    candidate.speaker = registry.speaker_name(key) if key else mention
    if alias:
        role = mention.replace(alias, "").strip(" ,")
        role = re.sub(r"^(?:an?|the)\b\s*", "", role, flags=re.IGNORECASE).strip(" ,")
        candidate.role = role or None
    if key and registry.is_person(key) or re.search(r"[A-Z]\w+ [A-Z]\w+", mention):
        state.last_person = (candidate.speaker, key)
