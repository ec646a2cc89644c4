"""A candidate statement: what extraction proposes to a curator, with its offsets."""

from dataclasses import asdict, dataclass, field


@dataclass
class Candidate:
    """One candidate statement, as the curated format and the benchmark need it."""

    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_as_written: str | None = None
    speaker_resolved: bool = False
    speaker_key: str | None = None
    speaker_options: list[str] = field(default_factory=list)  # registry keys it may be
    speaker_unnamed: bool = False  # "a senior diplomat": someone the source does not name
    # "the two leaders": the other speakers the words stand for, (name, registry key) each
    also_said_by: list[tuple[str, str | None]] = field(default_factory=list)
    role: str | None = None
    said: str | None = None
    said_as_written: str | None = None
    said_basis: str | None = None
    parties: list[str] = field(default_factory=list)
    suggested_stances: dict[str, str] = field(default_factory=dict)
    content_start: int = 0
    content_end: int = 0

    def as_json(self) -> dict:
        return asdict(self)
