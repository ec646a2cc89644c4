"""What a careful reader remembers of a text while reading it: who has been named so far,
which acronyms the text defined, and so what a description or a misspelt name refers to.

"the group" is the movement named a line earlier; "the top diplomat" is the foreign minister
in the headline or the registry; "MoFA" is "the Ministry of Foreign Affairs (MoFA)"; "Lavrow"
three paragraphs after "Lavrov" is Lavrov.
"""

import bisect
import difflib
import re
from dataclasses import dataclass, field

from quotes.extract.registry import Registry
from quotes.names import normalize

# Head nouns of descriptions, and whether they describe a person or a body.
PERSON_NOUNS = {
    "minister", "diplomat", "spokesman", "spokeswoman", "spokesperson", "president", "official",
    "ambassador", "envoy", "leader", "chief", "head", "governor", "senator", "lawmaker", "mp",
    "general", "commander", "secretary", "premier", "chancellor", "prime", "deputy", "director",
    "adviser", "advisor", "negotiator", "mayor", "candidate", "nominee", "analyst", "founder",
    "chairman", "chairwoman", "chairperson", "professor", "economist", "researcher", "expert",
    "executive", "officer", "employee", "representative", "resident", "witness", "activist",
    "journalist", "correspondent", "observer", "teacher", "farmer", "worker", "engineer",
    "lawyer", "manager", "aide", "source", "insider", "trader", "banker", "broker", "investor",
    "member", "delegate", "columnist", "editor", "commentator", "colleague",
    # offices and trades printed before a name ("Environment Commissioner X", "local historian X")
    "commissioner", "historian", "scientist", "biologist", "prosecutor", "judge", "inspector",
    "coach", "architect", "physician", "doctor", "nurse", "writer", "novelist", "campaigner",
    "councillor", "councilor", "councilman", "councilwoman", "alderman",
    "person",  # "a person close to the board" (markets copy's anonymous source)
}  # fmt: skip
BODY_NOUNS = {
    "group", "movement", "ministry", "government", "organization", "organisation", "militants",
    "insurgents", "party", "office", "department", "agency", "committee", "council", "campaign",
    "administration", "kremlin", "embassy", "company", "army", "military", "alliance", "coalition",
    "union", "commission", "paper", "newspaper", "website", "broadcaster",
}  # fmt: skip
# What a newspaper, a broadcaster or a news site is called before its name: "The
# pro-government daily Novy Glas", "The news website Belnet".
PRESS_NOUNS = {
    "daily", "weekly", "newspaper", "paper", "tabloid", "magazine", "website", "site",
    "broadcaster", "channel", "station", "outlet",
}  # fmt: skip
# What a description says in other words than the registry's titles.
SYNONYMS = {
    "top diplomat": "foreign minister",
    "foreign minister": "minister of foreign affairs",
    "foreign ministry": "ministry of foreign affairs",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
}
_BODY = re.compile(  # "The company" opening a sentence is a description, not a name
    r"\b(?:The\s+)?((?:(?!(?:The|A|An|Its|His|Her|Their|This|That)\s)[A-Z][\w’'-]+[ \t]+)+"
    r"(?i:" + "|".join(sorted(BODY_NOUNS)) + r")\b)"
)
# A body named by its noun first: "Ministry of Water Resources", "Council of the Republic".
_BODY_OF = re.compile(
    r"\b((?:" + "|".join(sorted(n.capitalize() for n in BODY_NOUNS)) + r")[ \t]+of[ \t]+"
    r"(?:the[ \t]+)?[A-Z][\w’'-]+(?:[ \t]+(?:(?:of|and|for)[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'-]+)*)"
)
# What a company is called by its trade: "Northwind Rail, the freight operator" ... "the company".
COMPANY_NOUNS = {
    "company", "firm", "operator", "carrier", "airline", "maker", "manufacturer", "producer",
    "lender", "bank", "insurer", "retailer", "corporation", "business", "conglomerate",
}  # fmt: skip
# Nouns a text uses for the same kind of body: "the Taliban movement" ... "the group".
FAMILIES = [
    {"group", "movement", "organization", "organisation", "militants", "insurgents", "party",
     "alliance", "coalition", "union"},
    {"ministry", "government", "department", "office", "administration", "agency", "kremlin"},
    COMPANY_NOUNS,
    PRESS_NOUNS,  # "The independent daily Brask Courier ..." then "the paper"
]  # fmt: skip


def same_family(noun: str, name: str) -> bool:
    """Whether a body called ``name`` can be "the <noun>"."""
    words = set(name.lower().split())
    return noun in words or any(noun in f and words & f for f in FAMILIES)


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_PERSON_NAME = re.compile(  # on one line; "Solheim-Vance" is one word
    r"\b[A-Z][a-z’']+(?:-[A-Z]?[a-z’']+)*(?:[ \t]+[A-Z][a-z’']+(?:-[A-Z]?[a-z’']+)*){1,3}\b"
)


# A paragraph's first words that name its subject: "Dr Irena Vass has spent most of ...".
# An aside may stand between them: "Tomas Vinter, for his part, is not hopeful."
_OPENS_STORY = re.compile(
    r"(?:,[ \t]+(?:for[ \t]+(?:his|her)[ \t]+part|who[ \t][^,\n]{1,60}),)?"
    r"\s+(?:has|had|is|was|said|told|says)\s+[^\n]*[.!?][”\"]?[ \t]*(?:\n|$)"
)
# "Ilona Bartos lost her job ...", "Ilona Bartos, 44, left the yard": a person's deed, by an
# age or a "her" in the sentence (a company "posted a record profit")
_OPENS_LIFE = re.compile(
    r"(?:,[ \t]*\d{1,3},[ \t]*(?=[a-z]{2,}\s)"
    r"|[ \t]+(?=[a-z]{2,}\s[^.!?\n]*\b(?:his|her|he|she|him)\b))"
    r"(?:[a-z]{2,}ed|lost|left|took|spent|went|came|won|fled|ran|began|became|grew|sold|bought|"
    r"drove|made)\s"
)
_NOT_FIRST_NAMES = {"One", "Another", "Two", "Three", "Some", "Each", "Every", "Both", "Several"}
# A sentence's first word, capitalized as any is: "On Dec. 2, he had told" names no "On Dec".
_OPENING_WORDS = {
    "On", "In", "At", "After", "Before", "By", "For", "From", "Since", "Until", "With", "When",
    "While", "As", "If", "But", "And", "Or", "So", "Yet", "The", "A", "An", "This", "That",
    "Its", "His", "Her", "Their", "Our", "Earlier", "Later", "Meanwhile", "However",
}  # fmt: skip
# A question's first word: "Can Korsa keep them at bay?" names Korsa, not "Can Korsa" (a
# name too, "Will", outside a question).
_ASKING = {"Can", "Could", "Will", "Would", "Should", "Shall", "Must", "Does", "Did", "Is", "Are"}
_QUESTION_AFTER = re.compile(r"[^.!?\n]*\?")


def _person_names(text: str):
    """Capitalized words that name a person, read past a title before them: "Foreign
    Minister Ivan Orlov" names Ivan Orlov (not "Foreign Minister Ivan", four words)."""
    position = 0
    while match := _PERSON_NAME.search(text, position):
        words = list(re.finditer(r"\S+", match.group(0)))
        asking = words[0].group(0) in _ASKING and _QUESTION_AFTER.match(text, match.end())
        if asking or words[0].group(0) in _NOT_FIRST_NAMES | _OPENING_WORDS:  # "One ... trader"
            position = match.start() + words[0].end()
            continue
        if words[-1].group(0).lower() in PERSON_NOUNS:  # "Transport Correspondent": a title
            position = match.end()
            continue
        titles = [w for w in words[:-1] if w.group(0).lower() in PERSON_NOUNS]
        if titles:
            position = match.start() + titles[-1].end()
            continue
        yield match
        position = match.end()


# An appositive that says what a name is by its trade, its head noun: ", the largest
# aluminium producer in Brennov," (but not ", the chief executive of the company," nor ", the
# bank's chief economist,").
_TRADE_BESIDE = re.compile(
    r",[ \t]+(?:the|an?)[ \t]+(?:(?!(?:of|at|for|in|with|from)\b)[\w-]+[ \t]+){0,4}?("
    + "|".join(sorted(COMPANY_NOUNS))
    + r")(?=[ \t]*[,.;]|[ \t]+(?:in|of|at|from|for|with|based)\b)"
)


def _bodies(text: str) -> list[tuple[int, str]]:
    """(start, name) of each body the text names; "the Karsovian Ministry of External
    Relations" is one name, whose ministry and which, not "Karsovian Ministry" and a
    "Ministry of External Relations" that "the ministry" would take for another body."""
    plain = list(_BODY.finditer(text))
    bodies = []
    for match in _BODY_OF.finditer(text):
        owner = next((b for b in plain if b.start(1) < match.start(1) < b.end(1)), None)
        if owner:
            plain.remove(owner)
            bodies.append((owner.start(1), text[owner.start(1) : match.end(1)]))
        else:
            bodies.append((match.start(1), match.group(1)))
    return sorted([*((m.start(1), m.group(1)) for m in plain), *bodies])


# What a body is, printed before its bare name: "Credit rating agency Sterling Ratings",
# "steelmaker Norvan Steel"; and a company's shares: "Shares in Norvan Steel fell".
_TRADE_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?:[a-z-]+[ \t]+)?[a-z]*("
    + "|".join(sorted(COMPANY_NOUNS | {"agency"}))
    + r")[ \t]+$"
)
_SHARES_IN = re.compile(r"\b[Ss]hares[ \t]+(?:in|of)[ \t]+$")


# The last word of a company's own name: "Talvik Chemicals", "Norvan Steel", "Ardis Holdings"
_COMPANY_NAME_ENDS = {
    "chemicals", "steel", "group", "holdings", "holding", "industries", "systems",
    "technologies", "motors", "energy", "airlines", "airways", "bank", "mining", "metals",
    "pharmaceuticals", "shipping", "logistics", "foods", "textiles", "electronics", "petroleum",
    "oil", "gas", "cement", "plastics", "telecom", "inc", "ltd", "corp", "plc", "ag", "sa",
}  # fmt: skip


# "Osk Veltrana, which operates the plant,": a name that runs a business is a company's
_WHICH_TRADES = re.compile(
    r",[ \t]+which[ \t]+(?:operates|owns|runs|makes|produces|manufactures|builds|sells|"
    r"supplies|employs|manages|exports|imports)\b"
)


def _company_by_name(name: str) -> str:
    """ "company" for a name that ends in a word companies are named with ("Talvik
    Chemicals"), which "the company" later means, or ""."""
    return "company" if name.split()[-1].lower().strip(".") in _COMPANY_NAME_ENDS else ""


def _trade_before(text: str, start: int) -> str:
    """The trade printed before a name at ``start`` ("agency", "maker"), "company" after
    "Shares in", or ""."""
    before = text[max(0, start - 40) : start]
    if trade := _TRADE_BEFORE.search(before):
        return trade[1]
    return "company" if _SHARES_IN.search(before) else ""


@dataclass
class Named:
    start: int
    name: str
    key: str | None
    person: bool
    trade: str = ""  # what the text calls a body beside its name: "the freight operator"


@dataclass
class Mentions:
    """Everything named in a text, in order, and the acronyms it defines."""

    named: list[Named] = field(default_factory=list)
    acronyms: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    @classmethod
    def read(cls, text: str, registry: Registry) -> "Mentions":
        mentions = cls()
        for start, end, key in registry.speakers.find(text):
            person = registry.is_person(key)
            mentions.named.append(Named(start, text[start:end], key, person))
        covered = [(n.start, n.start + len(n.name)) for n in mentions.named]
        for match in _person_names(text):
            if any(a <= match.start() < b for a, b in covered):
                continue
            beside = _TRADE_BESIDE.match(text, match.end())
            trade = beside[1] if beside else _trade_before(text, match.start())
            trade = trade or _company_by_name(match.group(0))
            trade = trade or ("company" if _WHICH_TRADES.match(text, match.end()) else "")
            line_start = match.start() == 0 or text[match.start() - 1] == "\n"
            # a headline or a line's first words: too often not a name, unless the story's
            # verb or the body's trade follows them ("Halvard Shipping, the largest carrier,")
            opens = _OPENS_STORY.match(text, match.end()) or _OPENS_LIFE.match(text, match.end())
            if line_start and not opens and not trade:
                continue
            if text.startswith("By ", text.rfind("\n", 0, match.start()) + 1):
                continue  # a byline's author is no one the story describes
            if trade:  # "Ostrava Metals, the largest aluminium producer in Brennov,": a body
                mentions.named.append(Named(match.start(), match.group(0), None, False, trade))
            else:
                mentions.named.append(Named(match.start(), match.group(0), None, True))
        for start, name in _bodies(text):
            if not any(a <= start < b for a, b in covered):
                key, _ = registry.speaker_in(name)
                mentions.named.append(Named(start, name, key, False))
        for match in _ACRONYM.finditer(text):
            before = text[: match.start()].rstrip()
            expansion = _expansion(before, match.group(1))
            if expansion:
                # The registry may know the body by a longer name ending with the expansion.
                near = registry.speakers.find(before[-100:])
                key = near[-1][2] if near and near[-1][1] == len(before[-100:]) else None
                mentions.acronyms[match.group(1)] = (expansion, key)
        mentions.named.sort(key=lambda n: n.start)
        return mentions

    def before(self, position: int) -> list[Named]:
        return [n for n in self.named if n.start < position]

    def add(self, named: Named) -> None:
        """A name the text gives a speaker, where reading the text alone missed it (at the
        start of a paragraph, say): later surnames and misspellings find it too."""
        same = [i for i, n in enumerate(self.named) if n.start == named.start]
        if not same:
            bisect.insort(self.named, named, key=lambda n: n.start)
        elif not named.person:  # read as a person's name, but the text says it is a body
            self.named[same[0]] = named
        elif self.named[same[0]].key is None and len(named.name) > len(self.named[same[0]].name):
            self.named[same[0]] = named  # "Abdul Rahman" read alone: "... al-Qasimi" in full

    def acronym_in(self, mention: str) -> tuple[str, str | None] | None:
        for word in re.findall(r"[A-Z][A-Za-z]{1,9}", mention):
            if word in self.acronyms:
                return self.acronyms[word]
        return None

    def near_miss(self, mention: str, position: int) -> Named | None:
        """A name already in the text that ``mention`` misspells ("Barabanow" for "Barabanov")."""
        words = normalize(mention).split()
        if len(words) >= 2 or words and _PARTICLED.fullmatch(mention.strip(" ,")):
            # "van der Berg", "al-Qasimi", "Tavares Neto": a surname, in words or particles
            if particled := self._particled(mention, position):
                return particled
        if not words or not mention[:1].isupper():
            return None
        if not mention.split()[-1][:1].isupper():
            return None  # "Passenger groups" opens a sentence: a common noun, no name misspelt
        if len(words) == 2 and words[0].rstrip(".") in _HONORIFICS:
            words = words[1:]  # "Mr. Orlov" is "Orlov": the newspaper's courtesy, not the name
        word = words[-1]
        for named in reversed(self.before(position)):
            if len(words) == 1 and not named.person and normalize(named.name).split()[0] == word:
                return named  # "Northwind" after "Northwind Rail, the freight operator"
            last = normalize(named.name).split()[-1]
            if last == word and len(words) == 1 and named.person and len(word) > 2:
                return named  # "Kabulov" after "Zamir Kabulov", "Vass" after "Irena Vass"
            if (
                len(word) <= 4
                or last == word
                or last[0] != word[0]
                or abs(len(last) - len(word)) > 2
            ):
                continue
            if difflib.SequenceMatcher(None, last, word).ratio() < 0.8:
                continue
            # "Ministry of Railways" is no misspelt "Northern Railway": a name of several
            # words is misspelt as a whole
            whole = difflib.SequenceMatcher(None, normalize(named.name), " ".join(words))
            if len(words) == 1 or whole.ratio() >= 0.8:
                return named
        return None

    def _particled(self, mention: str, position: int) -> Named | None:
        """The person named before whose surname ``mention`` is, particles and all: "van
        der Berg" after "Dirk van der Berg", "al-Qasimi" after "Abdul Rahman al-Qasimi"."""
        surname = " " + normalize(mention.strip(" ,"))
        for named in reversed(self.before(position)):
            if named.person and normalize(named.name).endswith(surname):
                return named
        return None


# A name's lower-case particles: "Abdul Rahman al-Qasimi", "Dirk van der Berg", "de la Roche"
PARTICLE = r"(?:al|el|bin|ibn|bint|abu|van|von|der|den|de|del|della|di|da|du|dos|das|la|le|ter|zu)"
# A surname that opens with its particles, as a story writes it after the full name
_PARTICLED = re.compile(rf"(?i:{PARTICLE}\s+){{1,2}}[A-Z][\w’'-]+|(?i:al|el)-[A-Z][\w’'-]+")
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr"}
_NOT_OWNERS = {
    "the", "a", "an", "on", "in", "at", "by", "and", "but", "yesterday", "today", "meanwhile",
    *"monday tuesday wednesday thursday friday saturday sunday".split(),
    *"january february march april may june july august".split(),
    *"september october november december".split(),
}  # fmt: skip


def _expansion(before: str, acronym: str) -> str | None:
    """The capitalised words before "(MoFA)" whose initials spell it."""
    letters = [c.lower() for c in acronym if c.isupper()]
    words = re.findall(r"[\w’'-]+", before)
    capitals = 0
    for i in range(len(words) - 1, -1, -1):
        if words[i][:1].isupper():
            capitals += 1
        if capitals == len(letters):
            initials = [w[0].lower() for w in words[i:] if w[:1].isupper()]
            if initials != letters:
                return None
            # "the Kyrgyz Ministry of Foreign Affairs (MFA)": whose ministry is part of it.
            while i > 0 and words[i - 1][:1].isupper() and words[i - 1].lower() not in _NOT_OWNERS:
                i -= 1
            return " ".join(words[i:])
    return None


def description(mention: str) -> tuple[str, bool] | None:
    """(head noun, names a person) when ``mention`` is a description like "the group"."""
    words = re.findall(r"[\w’'-]+", mention.lower())
    determiners = ("the", "a", "an", "one", "another", "its", "his", "her", "their")
    if not words or not (words[0] in determiners or re.search(r"[’']s$", words[0])):
        return None
    named = re.findall(r"[\w’'-]+", mention)[1:]
    if words[0] == "the" and len(named) >= 2 and all(w[:1].isupper() for w in named):
        return None  # "the Russian Foreign Ministry": a name, not "the ministry"
    if any(w[:1].isupper() for w in re.findall(r"[\w’'-]+", mention)[1:]) and not any(
        w in PERSON_NOUNS | BODY_NOUNS for w in words
    ):
        return None
    head = words[-1]
    if words[0] in ("a", "an", "one", "another"):
        # "a senior executive at KazTransGaz": the person noun before what it is of.
        before = next((i for i, w in enumerate(words) if i > 1 and w in _OF_WORDS), len(words))
        head = next((w for w in reversed(words[1:before]) if w in PERSON_NOUNS), head)
    if head in PERSON_NOUNS:
        return head, True
    if head in BODY_NOUNS:
        return head, False
    return None


_OF_WORDS = {"at", "of", "for", "with", "from", "in", "familiar", "close", "who"}


def by_role(mention: str, registry: Registry) -> list[str]:
    """Registry speakers whose role titles say what the description says ("the Russian top
    diplomat" -> the Minister of Foreign Affairs of Russia)."""
    words = re.sub(r"'s\b", "", normalize(mention))
    for phrase, other in SYNONYMS.items():
        words = words.replace(phrase, other)
    wanted = set(re.findall(r"\w+", words)) - {"the", "a", "an", "of", "its", "his", "her", "their"}
    found: set[str] | None = None
    for word in wanted:
        keys = set().union(*(registry.roles.get(form, set()) for form in _forms(word)))
        found = keys if found is None else found & keys
        if not found:
            return []
    return sorted(found or ())


def _forms(word: str) -> tuple[str, ...]:
    """A word and its country form: "russian" also matches "russia"."""
    if word.endswith("ian"):
        return word, word[:-1]
    if word.endswith("an"):
        return word, word + "istan"
    return (word,)
