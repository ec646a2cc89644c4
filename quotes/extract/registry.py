"""What extraction knows of the curated registries: speaker and party names to keys.

Names are found in one pass over a text: every alias is indexed by its normalized words, and
each word of the text looks up only the aliases that start with it, so the cost grows with the
text, not with the registry (60,000 aliases cost no more per word than 60).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from quotes.names import normalize

_WORD = re.compile(r"[\w'.-]+")


@dataclass
class Index:
    """Aliases as word sequences: first word -> lengths present, and sequence -> key."""

    keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # longest first
    # Aliases in capitals ("US", "WHO"): the text's word must be in capitals too ("told us").
    capitals: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, alias: str, key: str) -> None:
        words = tuple(_words(alias))
        if words and words not in self.keys:
            self.keys[words] = key
            if alias.isupper():
                self.capitals.add(words)
            known = self.lengths.get(words[0], ())
            self.lengths[words[0]] = tuple(sorted({*known, len(words)}, reverse=True))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every longest alias in ``text``, left to right, no overlaps."""
        if not self.keys:
            return []  # nothing to find: no need to read the words
        spans = [(m.start(), m.end(), _bare(m.group(0))) for m in _WORD.finditer(text)]
        words = [_normal(w) for _, _, w in spans]
        lengths = self.lengths
        found, i = [], 0
        while i < len(words):
            best = 0
            for length in lengths.get(words[i], ()):
                sequence = tuple(words[i : i + length])
                if i + length <= len(words) and sequence in self.keys:
                    if sequence in self.capitals and not all(
                        w.isupper() for _, _, w in spans[i : i + length]
                    ):
                        continue
                    best = length
                    break
            if best:
                key = self.keys[tuple(words[i : i + best])]
                found.append((spans[i][0], spans[i][0] + _end(spans, i, best), key))
                i += best
            else:
                i += 1
        return found


@lru_cache(maxsize=1 << 16)
def _bare(word: str) -> str:
    """A word without a possessive or a full stop that ends a sentence ("Lavrov’s", "Kabul.")."""
    word = re.sub(r"(?:'s|’s|')$", "", word)
    return word if re.fullmatch(r"(?:\w\.)+", word) else word.rstrip(".")


def _end(spans, i: int, length: int) -> int:
    start, end, bare = spans[i + length - 1]
    return end - spans[i][0] - (end - start - len(bare))


def _words(alias: str) -> list[str]:
    return [_normal(_bare(w)) for w in _WORD.findall(alias)]


@lru_cache(maxsize=1 << 16)
def _normal(word: str) -> str:
    """One word normalized; news repeats its words, so each is normalized once."""
    return normalize(word)


@dataclass
class Registry:
    speakers: Index = field(default_factory=Index)
    names: dict[str, str] = field(default_factory=dict)  # key -> display name
    people: set[str] = field(default_factory=set)
    roles: dict[str, set[str]] = field(default_factory=dict)  # role title word -> keys
    parties: Index = field(default_factory=Index)
    words: dict[str, set[str]] = field(default_factory=dict)  # alias word -> keys

    @classmethod
    def empty(cls) -> "Registry":
        return cls()

    @classmethod
    def from_data(cls, root: Path) -> "Registry":
        """Read ``parties.yaml`` and ``speakers/`` under ``root``; a missing file is empty."""
        from quotes.curation import schema
        from quotes.curation.yamlfile import read_yaml

        registry = cls()
        if (root / "parties.yaml").exists():
            parties = schema.PartyRegistry.model_validate(read_yaml(root / "parties.yaml").data)
            for party in parties.parties:
                for alias in party.aliases:
                    registry.parties.add(alias, party.key)
        for path in sorted((root / "speakers").glob("*.yaml")):
            speaker = schema.SpeakerFile.model_validate(read_yaml(path).data)
            registry.add_speaker(
                path.stem,
                speaker.name,
                speaker.aliases,
                person=speaker.kind == "person",
                roles=[role.title for role in speaker.roles],
            )
        return registry

    def add_speaker(self, key, name, aliases=(), *, person=True, roles=()) -> None:
        self.names[key] = name
        if person:
            self.people.add(key)
        for title in roles:
            for word in _words(title):
                self.roles.setdefault(word, set()).add(key)
        for alias in (name, *aliases):
            self.speakers.add(alias, key)
            for word in _words(alias):
                if len(word) > 3:
                    self.words.setdefault(word, set()).add(key)

    def closest(self, mention: str, n: int = 3) -> list[str]:
        """Up to ``n`` registry keys whose names look like ``mention``, for the curator to pick
        from: only speakers sharing a word with it are compared, so the registry's size does
        not matter."""
        import difflib

        norm = normalize(mention)
        keys = set().union(*(self.words.get(w, set()) for w in _words(mention)))
        ranked = sorted(
            keys,
            key=lambda k: -difflib.SequenceMatcher(None, norm, normalize(self.names[k])).ratio(),
        )
        return ranked[:n]

    def speaker_in(self, mention: str) -> tuple[str | None, str | None]:
        """The registry speaker whose longest name occurs in ``mention``, and that name."""
        found = self.speakers.find(mention)
        if not found:
            return None, None
        start, end, key = max(found, key=lambda f: f[1] - f[0])
        return key, mention[start:end]

    def speaker_name(self, key: str) -> str:
        return self.names.get(key, key)

    def is_person(self, key: str) -> bool:
        return key in self.people

    def parties_in(self, text: str) -> list[str]:
        """Keys of the parties named in ``text`` by any alias, in order of first mention."""
        return list(dict.fromkeys(key for _, _, key in self.parties.find(text)))
