"""What a load did, for the person who ran it and for the provenance log."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LoadReport:
    """What a load did, per kind of row: added, updated, removed, unchanged."""

    counts: dict[str, Counter] = field(default_factory=dict)
    # Keys of the sources whose rows this load added or changed (their own or their statements').
    touched_sources: set[str] = field(default_factory=set)

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        counter = self.counts.setdefault(kind, Counter())
        if n:
            counter[outcome] += n

    def lines(self) -> list[str]:
        outcomes = ("added", "updated", "removed", "unchanged")
        return [
            f"{kind}: " + ", ".join(f"{counter[o]} {o}" for o in outcomes)
            for kind, counter in self.counts.items()
        ]
