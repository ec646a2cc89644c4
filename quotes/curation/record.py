"""Reading the whole curated record: registries and source files, checked and anchored.

Every problem found is collected with its file, line and field, so that one run of
``quotes check`` lists them all; nothing is written anywhere.
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from quotes import dates
from quotes.curation import schema
from quotes.curation.anchor import Anchor, AnchorError, anchor
from quotes.curation.yamlfile import Loc, Problem, YamlDocument, YamlError, read_yaml
from quotes.errors import QuotesError
from quotes.names import closest, did_you_mean, normalize

PARTIES = "parties.yaml"
CLAIMS = "claims.yaml"
SPEAKERS = "speakers"
SOURCES = "sources"


class CurationFailed(QuotesError):
    """The curated record has problems; ``problems`` lists each one."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class CuratedStatement:
    entry: schema.StatementEntry
    anchor: Anchor
    said: dates.Bounds | None
    line: int | None


@dataclass(frozen=True)
class CuratedSource:
    key: str
    file: str
    meta: schema.SourceMeta
    text_path: str
    sha256: str
    published: dates.Bounds | None
    statements: list[CuratedStatement]
    text: str = field(repr=False)


@dataclass(frozen=True)
class Record:
    parties: list[schema.PartyEntry]
    speakers: dict[str, schema.SpeakerFile]
    claims: list[schema.ClaimEntry]
    sources: list[CuratedSource]


def source_files(root: Path, paths: Sequence[Path] = ()) -> list[Path]:
    """The source files to read: those named (folders expand to their YAML files), else all."""
    chosen = list(paths) or [root / SOURCES]
    files: list[Path] = []
    for path in chosen:
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return files


def inspect_record(*, root: Path, paths: Sequence[Path] = ()) -> tuple[Record, list[Problem]]:
    """Read, validate and anchor what can be; return it with every problem found.

    ``root`` is the data folder; source texts are found relative to its parent (the project).
    """
    reader = _Reader(root)
    record = reader.read(source_files(root, paths))
    return record, reader.problems


def read_record(*, root: Path, paths: Sequence[Path] = ()) -> Record:
    """The curated record, or CurationFailed listing every problem in it."""
    record, problems = inspect_record(root=root, paths=paths)
    if problems:
        raise CurationFailed(problems)
    return record


class _Reader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def read(self, files: Iterable[Path]) -> Record:
        party_file, parties = self._registry(self.root / PARTIES, schema.PartyRegistry, "parties")
        _, claims = self._registry(self.root / CLAIMS, schema.ClaimRegistry, "claims")
        self.party_keys = {p.key for p in parties}
        self.party_aliases = {normalize(a): p.key for p in parties for a in p.aliases}
        self.claim_keys = {c.key for c in claims}
        self.speaker_keys: set[str] = set()
        self._check_parties(party_file, parties)
        speakers = self._speakers()
        self.speaker_keys = set(speakers)
        sources = [s for path in files if (s := self._source(path)) is not None]
        return Record(parties, speakers, claims, sources)

    # -- files ---------------------------------------------------------------------------

    def _document(self, path: Path) -> YamlDocument | None:
        try:
            return read_yaml(path)
        except YamlError as error:
            self.problems.append(error.problem)
            return None

    def _validate(self, document: YamlDocument, model: type[BaseModel]):
        try:
            return model.model_validate(document.data if document.data is not None else {})
        except ValidationError as error:
            seen: set[Loc] = set(_misspelt(document, error.errors()))
            for detail in error.errors():
                loc = _located(document, detail["loc"])
                if loc in seen:
                    continue
                seen.add(loc)
                self.problems.append(document.problem(loc, _message(detail)))
            return None

    def _registry(self, path: Path, model: type[BaseModel], name: str):
        document = self._document(path)
        registry = self._validate(document, model) if document is not None else None
        if registry is None:
            return document, []
        entries = getattr(registry, name)
        self._unique_keys(document, name, [e.key for e in entries])
        return document, entries

    def _unique_keys(self, document: YamlDocument, name: str, keys: list[str]) -> None:
        first: dict[str, int] = {}
        for i, key in enumerate(keys):
            if key in first:
                self.problems.append(
                    document.problem(
                        (name, i, "key"),
                        f"duplicate key {key!r} (first at line "
                        f"{document.line((name, first[key], 'key'))}); keys must be unique",
                    )
                )
            first.setdefault(key, i)

    def _check_parties(self, document, parties: list[schema.PartyEntry]) -> None:
        owner: dict[str, str] = {}
        for i, party in enumerate(parties):
            if party.parent is not None:
                self._reference(document, ("parties", i, "parent"), party.parent, "party")
            for j, alias in enumerate(party.aliases):
                norm = normalize(alias)
                if owner.get(norm, party.key) != party.key:
                    self.problems.append(
                        document.problem(
                            ("parties", i, "aliases", j),
                            f"alias {alias!r} is also an alias of {owner[norm]!r}; "
                            "an alias must name one party",
                        )
                    )
                owner.setdefault(norm, party.key)

    def _speakers(self) -> dict[str, schema.SpeakerFile]:
        speakers: dict[str, schema.SpeakerFile] = {}
        for path in sorted((self.root / SPEAKERS).glob("*.yaml")):
            document = self._document(path)
            if document is None or not self._file_key(document, path):
                continue
            speaker = self._validate(document, schema.SpeakerFile)
            if speaker is None:
                continue
            if speaker.party is not None:
                self._reference(document, ("party",), speaker.party, "party")
            for i, role in enumerate(speaker.roles):
                if role.party is not None:
                    self._reference(document, ("roles", i, "party"), role.party, "party")
            speakers[path.stem] = speaker
        return speakers

    def _file_key(self, document: YamlDocument, path: Path) -> bool:
        try:
            schema.KeyAdapter.validate_python(path.stem)
        except ValidationError:
            self.problems.append(
                document.problem(
                    (),
                    f"file name {path.name!r} is not a key: use lowercase words "
                    "joined by hyphens, e.g. amrullah-saleh.yaml",
                )
            )
            return False
        return True

    # -- sources -------------------------------------------------------------------------

    def _source(self, path: Path) -> CuratedSource | None:
        document = self._document(path)
        if document is None or not self._file_key(document, path):
            return None
        curated = self._validate(document, schema.SourceFile)
        if curated is None:
            return None
        meta = curated.source
        text_file = self.root.parent / meta.text
        try:
            raw = text_file.read_bytes()
            text = raw.decode("utf-8")
        except FileNotFoundError:
            self.problems.append(
                document.problem(
                    ("source", "text"),
                    f"source text {meta.text!r} not found "
                    f"(looked in {text_file}); paths are relative to the project folder",
                )
            )
            return None
        except UnicodeDecodeError:
            self.problems.append(document.problem(("source", "text"), "source text is not UTF-8"))
            return None
        digest = hashlib.sha256(raw).hexdigest()
        if meta.sha256 is not None and meta.sha256 != digest:
            self.problems.append(
                document.problem(
                    ("source", "sha256"),
                    f"{meta.text} has changed since it was "
                    f"curated (its sha256 is now {digest}); check every statement's "
                    "text, then update sha256",
                )
            )
        published = dates.bounds(meta.published) if meta.published else None
        statements = self._statements(document, curated.statements, text, published)
        return CuratedSource(
            path.stem, str(path), meta, meta.text, digest, published, statements, text
        )

    def _statements(self, document, entries, text, published) -> list[CuratedStatement]:
        self._unique_keys(document, "statements", [e.key for e in entries])
        result = []
        for i, entry in enumerate(entries):
            loc: Loc = ("statements", i)
            if entry.status != "reviewed":
                self.problems.append(
                    document.problem(
                        (*loc, "status"),
                        "this statement is a draft; review it "
                        "against the source, then set `status: reviewed`",
                    )
                )
            self._reference(document, (*loc, "speaker"), entry.speaker, "speaker")
            for party in entry.stances:
                self._reference(document, (*loc, "stances", party), party, "party")
            for claim in entry.claims:
                self._reference(document, (*loc, "claims", claim), claim, "claim")
            said = dates.bounds(entry.said) if entry.said else None
            if said and published and said.lower and published.upper:
                if said.lower > published.upper:
                    self.problems.append(
                        document.problem(
                            (*loc, "said"),
                            f"{entry.said} is after the source was "
                            f"published ({published.upper}); check the date",
                        )
                    )
            try:
                found = anchor(
                    text,
                    entry.text,
                    before=entry.before,
                    after=entry.after,
                    occurrence=entry.occurrence,
                )
            except AnchorError as error:
                self.problems.append(document.problem((*loc, "text"), str(error)))
                continue
            result.append(CuratedStatement(entry, found, said, document.line(loc)))
        return result

    def _reference(self, document, loc: Loc, key: str, kind: str) -> None:
        known, plural, where = {
            "party": (self.party_keys, "parties", PARTIES),
            "speaker": (self.speaker_keys, "speakers", f"{SPEAKERS}/"),
            "claim": (self.claim_keys, "claims", CLAIMS),
        }[kind]
        if key in known:
            return
        hint = did_you_mean(key, sorted(known))
        if kind == "party" and normalize(key) in self.party_aliases:
            hint = f" {key!r} is an alias of {self.party_aliases[normalize(key)]!r}: use the key."
        message = f"unknown {kind} {key!r}.{hint} Known {plural} are in {self.root}/{where}"
        self.problems.append(document.problem(loc, message))


def _misspelt(document: YamlDocument, details: list[dict]) -> list[Loc]:
    """Missing fields that an unknown field nearby is a misspelling of: one problem, not two."""
    unknown = [_located(document, d["loc"]) for d in details if d["type"] == "extra_forbidden"]
    missing = [_located(document, d["loc"]) for d in details if d["type"] == "missing"]
    return [
        gone
        for gone in missing
        if any(u[:-1] == gone[:-1] and closest(str(u[-1]), [str(gone[-1])]) for u in unknown)
    ]


def _located(document: YamlDocument, loc: tuple) -> Loc:
    """Drop pydantic's union tags from ``loc``, keeping the parts that name real fields."""
    kept: list = []
    for part in loc:
        if part == "[key]":
            break
        if (*kept, part) in document.lines:
            kept.append(part)
        elif isinstance(part, str) and not part[:1].isupper() and "[" not in part:
            kept.append(part)  # a missing or unknown field: name it anyway
            break
    return tuple(kept)


def _message(detail: dict) -> str:
    kind, message = detail["type"], detail["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(detail["loc"][-1])
        return (
            f"unknown field.{did_you_mean(name, schema.FIELD_NAMES)} See the README for the format"
        )
    if kind == "string_pattern_mismatch" and detail["loc"][-1:] in (("[key]",), ("key",)):
        return f"{detail['input']!r} is not a key: use lowercase words joined by hyphens"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind == "enum" and isinstance(detail.get("input"), str):
        allowed = re.findall(r"'([^']*)'", detail["ctx"]["expected"])
        return (
            f"{detail['input']!r} is not allowed here.{did_you_mean(detail['input'], allowed)}"
            f" Use one of: {', '.join(allowed)}"
        )
    return message
