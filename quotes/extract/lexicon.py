"""Reporting cues: the verbs and phrases news uses to attribute speech, and their inflections."""

import re

# Base forms of verbs of saying, arguing and reporting ("warned that", "urged", "denied").
SPEECH_VERBS = """
say tell add note warn urge argue claim state explain insist predict emphasize emphasise
stress allege deny describe acknowledge admit announce assert ask call charge complain
concede confirm contend counter declare demand disclose dismiss estimate hint indicate
maintain mention point reply respond report reveal suggest tweet write testify
vow pledge propose recall recommend remark reiterate repeat observe object
criticize criticise condemn praise welcome accuse blame doubt caution assure
believe think postulate contradict joke quip lament boast brag muse exclaim shout
show find conclude endorse want refuse decline defend promise agree oppose seek cite hope
fear prefer mock expect learn thank discuss question attack offer remind
""".split()
# Base forms that are more often nouns or infinitives than cues ("the state", "a report").
NOT_CUES = {
    "state",
    "states",
    "point",
    "points",
    "report",
    "note",
    "tweet",
    "call",
    "counter",
    "question",
    "charge",
    "charges",
    "attack",
    "attacks",
    "hope",
    "fear",
    "show",
    "find",
    "add",
    "object",
    "objects",
    "doubt",
    "demand",
    "estimate",
    "remark",
    "mention",
    "praise",
    "blame",
    "promise",
    "caution",
    "decline",
    "pledge",
    "vow",
    "recall",
    "welcome",
    "joke",
    "quip",
    "boast",
    "shout",
    "claim",
    "reply",
    "want",
    "tell",
    "ask",
    "respond",
    "repeat",
    "cite",
    "seek",
    "learn",
    "thank",
    "expect",
    "agree",
    "refuse",
    "prefer",
    "defend",
    "oppose",
    "discuss",
    "mock",
    "muse",
    "brag",
    "hint",
    "lament",
    "dismiss",
    "disclose",
    "testify",
    "insist",
    "stress",
    "reveal",
    "concede",
    "contradict",
    "offer",
}

IRREGULAR = {
    "say": ["says", "said", "saying"],
    "tell": ["tells", "told", "telling"],
    "write": ["writes", "wrote", "written", "writing"],
    "think": ["thinks", "thought", "thinking"],
    "deny": ["denies", "denied", "denying", "denials", "denial"],
    "show": ["shows", "showed", "shown", "showing"],
    "find": ["finds", "found", "finding"],
    "seek": ["seeks", "sought", "seeking"],
    "reply": ["replies", "replied", "replying"],
    "testify": ["testifies", "testified", "testifying"],
    "shout": ["shouts", "shouted", "shouting"],
}
# Nouns that carry an attribution ("U.S. allegations that ...", "Russia's denials that ...").
SPEECH_NOUNS = [
    "allegation",
    "allegations",
    "claim",
    "claims",
    "warning",
    "warnings",
    "statement",
    "statements",
    "denial",
    "denials",
    "assertion",
    "assertions",
    "calls",
    "call",
    "remarks",
    "comments",
    "accusation",
    "accusations",
]
PHRASES = [
    "according to",
    "called for",
    "calls for",
    "calling for",
    "called on",
    "calls on",
    "expressed discontent",
    "expressed concern",
    "expressed concerns",
    "made clear",
    "went on to say",
    "pointed out",
    "ruled out",
    "rules out",
    "viewed skeptically",
]


def _inflections(verb: str) -> list[str]:
    if verb in IRREGULAR:
        return [verb, *IRREGULAR[verb]]
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
    past = verb + "d" if verb.endswith("e") else verb + "ed"
    return [verb, third, past, stem + "ing"]


CUE_FORMS = sorted(
    ({form for verb in SPEECH_VERBS for form in _inflections(verb)} - NOT_CUES) | set(SPEECH_NOUNS),
    key=len,
    reverse=True,
)
VERB_FORMS = {f.lower() for f in CUE_FORMS if " " not in f} - set(SPEECH_NOUNS)
# Cue words that make a stance plain enough to suggest it to the curator.
CRITICAL_CUES = (
    "warn",
    "criticiz",
    "criticis",
    "condemn",
    "accus",
    "blame",
    "complain",
    "alleg",
    "attack",
    "denounc",
    "discontent",
)
SUPPORTIVE_CUES = ("prais", "welcom", "support", "endors", "applaud", "commend")

CUE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(p) for p in PHRASES)
    + r"|"
    + "|".join(re.escape(f) for f in CUE_FORMS)
    + r")\b",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she", "they", "we", "i", "it", "who"}
_FORMS = {f.lower() for f in CUE_FORMS}
_WORD = re.compile(r"\b[A-Za-z]+\b")
_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in PHRASES) + r")\b", re.IGNORECASE)


def cues(words: str) -> list[re.Match]:
    """Every cue in ``words``, as ``CUE.finditer`` finds them, by a set lookup per word (the
    one large regular expression is slow): a phrase wins over the words inside it."""
    phrases = list(_PHRASE.finditer(words))
    taken = [(p.start(), p.end()) for p in phrases]
    single = [
        m
        for m in _WORD.finditer(words)
        if m.group(0).lower() in _FORMS and not any(a <= m.start() < b for a, b in taken)
    ]
    return sorted(phrases + single, key=lambda m: m.start())
