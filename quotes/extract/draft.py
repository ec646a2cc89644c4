"""A draft curated file from extraction candidates: every statement marked `status: draft`,
so that `quotes load` refuses it until a curator has reviewed each one."""

import json
import re

from quotes.curation.anchor import occurrences
from quotes.extract.candidate import Candidate


def slug(words: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", words.lower()))[:60].strip("-")


def _string(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def draft_yaml(
    candidates: list[Candidate],
    *,
    text: str,
    text_path: str,
    title: str,
    published: str | None,
    sha256: str,
    known_speakers: set[str],
) -> str:
    lines = [
        f"# Draft made by `quotes extract` from {text_path}: {len(candidates)} candidate(s).",
        "# Review each statement against the source (speaker, kind, text, date, stances,",
        "# claims), then set `status: reviewed`. `quotes load` refuses drafts.",
        "source:",
        f"  title: {_string(title)}",
        "  publication: null",
        "  author: null",
        f"  published: {_string(published) if published else 'null'}",
        "  url: null",
        f"  text: {text_path}",
        f"  sha256: {sha256}",
        "",
        "statements:",
    ]
    keys: dict[str, int] = {}
    for candidate in candidates:
        lines += _statement(candidate, text, keys, known_speakers)
    return "\n".join(lines) + "\n"


def _statement(candidate: Candidate, text: str, keys: dict[str, int], known: set[str]) -> list[str]:
    speaker = (
        candidate.speaker_key
        or slug(candidate.speaker or candidate.speaker_as_written or "unknown")
        or "unknown"
    )
    base = f"{speaker}-{slug(candidate.cue or 'said')}"
    keys[base] = keys.get(base, 0) + 1
    key = base if keys[base] == 1 else f"{base}-{keys[base]}"
    out = [f"  - key: {key}", "    status: draft"]
    note = (
        ""
        if speaker in known
        else f"  # not in the registry: add data/speakers/{speaker}.yaml or use a known key"
    )
    out.append(f"    speaker: {speaker}{note}")
    if candidate.speaker_as_written:
        resolved = (
            "  # a pronoun, resolved to the person last named" if candidate.speaker_resolved else ""
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
        out.append(f"    cue: {_string(candidate.cue)}")
    if candidate.said:
        out += [
            f"    said: {candidate.said}",
            f"    said_as_written: {_string(candidate.said_as_written)}",
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
