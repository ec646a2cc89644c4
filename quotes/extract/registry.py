"""What extraction knows of the curated registries: speaker and party names to keys."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from quotes.names import normalize


@dataclass
class Registry:
    speakers: dict[str, str] = field(default_factory=dict)  # normalized alias -> key
    names: dict[str, str] = field(default_factory=dict)  # key -> display name
    people: set[str] = field(default_factory=set)
    parties: dict[str, str] = field(default_factory=dict)  # normalized alias -> party key

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
                    registry.parties[normalize(alias)] = party.key
        for path in sorted((root / "speakers").glob("*.yaml")):
            speaker = schema.SpeakerFile.model_validate(read_yaml(path).data)
            registry.names[path.stem] = speaker.name
            if speaker.kind == "person":
                registry.people.add(path.stem)
            for alias in (speaker.name, *speaker.aliases):
                registry.speakers.setdefault(normalize(alias), path.stem)
        return registry

    def speaker_in(self, mention: str) -> tuple[str | None, str | None]:
        """The registry speaker whose longest name occurs in ``mention``, and that name."""
        norm = normalize(mention)
        best: tuple[str | None, str | None] = (None, None)
        for alias, key in self.speakers.items():
            if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", norm) and len(alias) > len(
                best[1] or ""
            ):
                best = (key, alias)
        if best[1] is None:
            return None, None
        at = norm.index(best[1])
        return best[0], mention[at : at + len(best[1])]

    def speaker_name(self, key: str) -> str:
        return self.names.get(key, key)

    def is_person(self, key: str) -> bool:
        return key in self.people

    def parties_in(self, text: str) -> list[str]:
        """Keys of the parties named in ``text`` by any alias, in order of first mention."""
        norm = normalize(text)
        found: dict[str, int] = {}
        for alias, key in self.parties.items():
            match = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", norm)
            if match:
                found[key] = min(found.get(key, match.start()), match.start())
        return sorted(found, key=found.get)
