"""Reading the whole curated record: registries and source files, checked and anchored.

Every problem found is collected with its file, line and field, so that one run of
``quotes check`` lists them all; nothing is written anywhere.
"""

import contextlib
import copy
import gc
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from quotes import dates
from quotes.curation import schema, workers
from quotes.curation.anchor import (
    Anchor,
    AnchorError,
    SearchBudget,
    SourceIndex,
    anchor,
    not_found_message,
)
from quotes.curation.texts import SourceTextError, read_source_text
from quotes.curation.yamlfile import Loc, Problem, YamlDocument, YamlError, read_yaml
from quotes.errors import QuotesError
from quotes.names import closest, did_you_mean, normalize

PARTIES = "parties.yaml"
CLAIMS = "claims.yaml"
SPEAKERS = "speakers"
SOURCES = "sources"
# Fewer source files than this are read one after the other: starting worker processes
# costs more than it saves.
PARALLEL_FROM = 50


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
    # The database key of its speaker: a registry key, or "source-key/local-key" for an
    # unnamed speaker declared in a source file (the first of those a curator linked).
    speaker_key: str = ""

    # The said date's bounds, for the loader (quotes.fields): None for an open end or no date.
    @property
    def said_from(self) -> date | None:
        return self.said.lower if self.said else None

    @property
    def said_to(self) -> date | None:
        return self.said.upper if self.said else None

    # Its stances and claims as the one cell listings show, "party:polarity; ..." by key:
    # stored beside the rows they sum up, so that an export reads a column, not a subquery.
    @property
    def stances_cell(self) -> str | None:
        return _cell(self.entry.stances)

    @property
    def claims_cell(self) -> str | None:
        return _cell(self.entry.claims)


def _cell(values: dict) -> str | None:
    """{"russia": "critical", "china": StanceEntry(polarity="neutral", ...)} ->
    "china:neutral; russia:critical"; None for none. Keys sorted by code point, the same on
    every database; made for every statement of a load, so one list and one join."""
    if not values:
        return None
    return "; ".join(
        [
            f"{key}:{value if isinstance(value, str) else value.polarity}"
            for key, value in sorted(values.items())
        ]
    )


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
    # The unnamed speakers its statements cite, by database key.
    speakers: dict[str, schema.LocalSpeaker] = field(default_factory=dict)


@dataclass(frozen=True)
class Record:
    parties: list[schema.PartyEntry]
    speakers: dict[str, schema.SpeakerFile]
    claims: list[schema.ClaimEntry]
    sources: list[CuratedSource]


def source_files(root: Path, paths: Sequence[Path] = ()) -> list[Path]:
    """The source files to read: those named (folders expand to their YAML files), else all.

    A file named twice, or named and inside a folder named, is read once. ``.yml`` files are
    listed too, so that they are refused by name rather than silently skipped.
    """
    chosen = list(paths) or [root / SOURCES]
    files: dict[Path, Path] = {}
    for path in chosen:
        for file in _yaml_files(path) if path.is_dir() else [path]:
            files.setdefault(_identity(file), file)
    return list(files.values())


def _yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reading it will say so
        return path.absolute()


def inspect_record(
    *,
    root: Path,
    paths: Sequence[Path] = (),
    parallel_from: int | None = None,
    progress: Callable | None = None,
) -> tuple[Record, list[Problem]]:
    """Read, validate and anchor what can be; return it with every problem found, sorted by
    file and line.

    ``root`` is the data folder; source texts are found in the ``seeds/`` folder beside it.
    From ``parallel_from`` source files on (PARALLEL_FROM), they are read in worker
    processes, one per core; the record and the problems are the same either way.
    ``progress(readings, count)`` may wrap the source files' readings as they come (a bar).
    """
    reader = _Reader(root, PARALLEL_FROM if parallel_from is None else parallel_from)
    if progress is not None:
        reader.progress = progress
    with _few_collections():
        record = reader.read(source_files(root, paths))
    problems = sorted(reader.problems, key=lambda p: (p.file, p.line or 0))
    return record, problems


def read_record(
    *,
    root: Path,
    paths: Sequence[Path] = (),
    parallel_from: int | None = None,
    progress: Callable | None = None,
) -> Record:
    """The curated record, or CurationFailed listing every problem in it."""
    record, problems = inspect_record(
        root=root, paths=paths, parallel_from=parallel_from, progress=progress
    )
    if problems:
        raise CurationFailed(problems)
    return record


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Let the young generation grow large before the cyclic garbage collector runs: reading
    makes millions of objects and keeps most, so collecting every 700 was a quarter of a
    check's time (1,000 files: 2.16 s of CPU, 1.71 s with this). Forked workers inherit it."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


class _SearchLater(Exception):
    """A closest-passage search asked for while a file is read on its own: the run's budget
    of searches is spent in file order, when the readings are put together."""


class _SearchesLater(SearchBudget):
    def take(self) -> bool:
        raise _SearchLater


@dataclass
class _Reading:
    """What reading one source file found: plain data, as it may come from a worker."""

    source: CuratedSource | None
    problems: list[Problem]
    # Problems (by index) whose message awaits a closest-passage search for this text.
    searches: list[tuple[int, str]]
    links: list[tuple[Problem, str, CuratedStatement]]
    # The speaker keys resolved in this file, by (this file's key, name used).
    resolved: dict[tuple[str, str], str | None]


def _as_they_come(readings: Iterable, count: int) -> Iterable:
    return readings


class _Reader:
    def __init__(self, root: Path, parallel_from: int = PARALLEL_FROM):
        self.progress: Callable = _as_they_come
        self.root = root
        self.parallel_from = parallel_from
        self.problems: list[Problem] = []
        self.today = date.today()
        self.budget = SearchBudget()
        self.wikidata: dict[str, tuple[str, int | None]] = {}
        self.resolved: dict[tuple[str, str], str | None] = {}
        self.registry_speakers: dict[str, schema.SpeakerFile] = {}
        # Source files read whole (key -> (document, shell)), where each source's file is
        # (key -> path), and the same_as links to check once every file is read: where the
        # link is, what it names, and the statement.
        self.files: dict[str, tuple[YamlDocument, schema.SourceFile] | None] = {}
        self.paths: dict[str, Path] = {}
        self.links: list[tuple[Problem, str, CuratedStatement]] = []
        self.searches: list[tuple[int, str]] = []

    def read(self, files: Iterable[Path]) -> Record:
        party_file, parties, party_keys = self._registry(
            self.root / PARTIES, schema.PartyRegistry, "parties", schema.PartyEntry
        )
        _, claims, claim_keys = self._registry(
            self.root / CLAIMS, schema.ClaimRegistry, "claims", schema.ClaimEntry
        )
        # Keys of entries with a problem count as known: the problem is reported once, at
        # the entry, not again at every statement that cites it.
        self.party_keys = party_keys
        self.party_aliases = {normalize(a): p.key for p in parties for a in p.aliases}
        self.claim_keys = claim_keys
        self.speaker_keys: set[str] = set()
        if party_file is not None:
            self._check_parties(party_file, parties)
            for i, party in enumerate(parties):
                self._unique_wikidata(party_file, party.wikidata, ("parties", i, "wikidata"))
        speakers = self._speakers()
        sources = self._sources(files)
        self._check_links()
        return Record(parties, speakers, claims, sources)

    # -- files ---------------------------------------------------------------------------

    def _document(self, path: Path) -> YamlDocument | None:
        try:
            return read_yaml(path)
        except YamlError as error:
            self.problems.append(error.problem)
            return None

    def _validate(self, document: YamlDocument, model: type[BaseModel], data, at: Loc = ()):
        """``data`` (found at ``at`` in the document) as ``model``, or None with its problems."""
        try:
            return model.model_validate(data if data is not None else {})
        except ValidationError as error:
            details = [{**d, "loc": (*at, *d["loc"])} for d in error.errors()]
            seen: set[Loc] = set(_misspelt(document, details))
            for detail in details:
                loc = _located(document, detail["loc"])
                if loc in seen:
                    continue
                seen.add(loc)
                self.problems.append(document.problem(loc, _message(detail)))
            return None

    def _with_items(self, document: YamlDocument, model: type[BaseModel], name: str, item):
        """Validate a file whose field ``name`` is a list of ``item``, one item at a time:
        the file's other fields (or None), and the valid items with their positions."""
        data = document.data
        if not isinstance(data, dict) or not isinstance(data.get(name), list):
            whole = self._validate(document, model, data)
            items = list(getattr(whole, name)) if whole is not None else []
            return whole, list(enumerate(items))
        try:  # the common case, in one call
            whole = model.model_validate(data)
            return whole, list(enumerate(getattr(whole, name)))
        except ValidationError:
            pass  # again, item by item, to keep the good ones and report the rest
        shell = self._validate(document, model, {**data, name: []})
        valid = [
            (i, entry)
            for i, raw in enumerate(data[name])
            if (entry := self._validate(document, item, raw, (name, i))) is not None
        ]
        return shell, valid

    def _registry(self, path: Path, model: type[BaseModel], name: str, item):
        """The valid entries of a registry, and the keys of all its entries: None when the
        file has no list of entries to read (its problem is reported; references to it are
        not checked, rather than each reported as unknown)."""
        document = self._document(path)
        if document is None:
            return None, [], None
        _, entries = self._with_items(document, model, name, item)
        if not isinstance(document.data, dict) or not isinstance(document.data.get(name), list):
            return document, [], None
        raw = _raw_list(document.data, name)
        keys = [e.get("key") if isinstance(e, dict) else None for e in raw]
        self._unique_keys(document, name, keys)
        known = {k for k in keys if isinstance(k, str) and _is_key(k)}
        return document, [entry for _, entry in entries], known

    def _unique_keys(self, document: YamlDocument, name: str, keys: list) -> None:
        first: dict[str, int] = {}
        for i, key in enumerate(keys):
            if not isinstance(key, str):
                continue
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
        for i, raw in enumerate(_raw_list(document.data, "parties")):
            if isinstance(raw, dict) and isinstance(raw.get("parent"), str):
                self._reference(document, ("parties", i, "parent"), raw["parent"], "party")
        for i, party in enumerate(parties):
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
        self._parent_cycles(document)

    def _parent_cycles(self, document) -> None:
        """A party that is its own parent, or its own ancestor: each cycle reported once."""
        raw = _raw_list(document.data, "parties")
        parent = {
            e["key"]: e["parent"].strip()
            for e in raw
            if isinstance(e, dict) and isinstance(e.get("key"), str)
            if isinstance(e.get("parent"), str)
        }
        reported: set[str] = set()
        for i, entry in enumerate(raw):
            key = entry.get("key") if isinstance(entry, dict) else None
            if key not in parent or key in reported:
                continue
            chain, at = [key], parent[key]
            while at in parent and at not in chain:
                chain.append(at)
                at = parent[at]
            if at != key:
                continue
            reported.update(chain)
            if len(chain) == 1:
                message = f"party {key!r} is its own parent; remove `parent` or name another"
            else:
                circle = " → ".join([*chain, key])
                message = (
                    f"parents go round in a circle ({circle}); a party cannot be its own "
                    "ancestor: remove one of these `parent` fields"
                )
            self.problems.append(document.problem(("parties", i, "parent"), message))

    def _speakers(self) -> dict[str, schema.SpeakerFile]:
        speakers: dict[str, schema.SpeakerFile] = {}
        for path in _yaml_files(self.root / SPEAKERS):
            document = self._document(path)
            if path.suffix == ".yaml" and _is_key(path.stem):
                self.speaker_keys.add(path.stem)  # known, even when its file has a problem
            if document is None or not self._file_key(document, path):
                continue
            data = document.data
            if isinstance(data, dict):
                self._party_reference(document, ("party",), data.get("party"))
                for i, role in enumerate(_raw_list(data, "roles")):
                    if isinstance(role, dict):
                        self._party_reference(document, ("roles", i, "party"), role.get("party"))
            speaker = self._validate(document, schema.SpeakerFile, data)
            if speaker is None:
                continue
            for i, role in enumerate(speaker.roles):
                self._role_period(document, ("roles", i), role)
            if speaker.kind == "unnamed":
                self.problems.append(
                    document.problem(
                        ("kind",),
                        "an unnamed speaker belongs to the source that quotes it: declare it "
                        "in that source file's `speakers:` list (two sources' unnamed officials "
                        "are two speakers unless a curator links them with `same_as`)",
                    )
                )
            self._unique_wikidata(document, speaker.wikidata, ("wikidata",))
            speakers[path.stem] = speaker
        self.registry_speakers = speakers
        return speakers

    def _unique_wikidata(self, document, wikidata: str | None, loc: Loc) -> None:
        """A Wikidata id names one speaker or party across the registries."""
        if wikidata is None:
            return
        first = self.wikidata.setdefault(wikidata, (document.path, document.line(loc)))
        if first != (document.path, document.line(loc)):
            self.problems.append(
                document.problem(
                    loc,
                    f"{wikidata} is also the Wikidata id of {first[0]} (line {first[1]}); "
                    "an id names one speaker or party",
                )
            )

    def _role_period(self, document, loc: Loc, role: schema.RoleEntry) -> None:
        if role.start is None or role.end is None:
            return
        start, end = dates.bounds(role.start), dates.bounds(role.end)
        if start.lower and end.upper and start.lower > end.upper:
            self.problems.append(
                document.problem(
                    (*loc, "end"),
                    f"the role ends ({role.end}) before it starts ({role.start}); check the dates",
                )
            )

    def _file_key(self, document: YamlDocument, path: Path) -> bool:
        if not _is_key(path.stem):
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

    def _sources(self, files: Iterable[Path]) -> list[CuratedSource]:
        """Each source file, refusing a key (file name) that two files share."""
        first = self.paths
        for path in files:
            if path.stem in first:
                self.problems.append(
                    Problem(
                        str(path),
                        None,
                        "",
                        f"source key {path.stem!r} is also the key of {first[path.stem]}: "
                        "a source's key is its file name, and each source needs its own; "
                        "rename one of them (or leave one out)",
                    )
                )
                continue
            first[path.stem] = path
        sources = []
        paths = list(first.values())
        for reading in self.progress(self._readings(paths), len(paths)):
            if reading.searches:
                index = SourceIndex(reading.source.text)
            for at, text in reading.searches:
                reading.problems[at].message = not_found_message(index, text, budget=self.budget)
            self.problems += reading.problems
            self.links += reading.links
            self.resolved.update(reading.resolved)
            if reading.source is not None:
                sources.append(reading.source)
        return sources

    def _readings(self, paths: list[Path]) -> Iterator[_Reading]:
        """Each file read on its own, by a copy of this reader that knows the registries;
        in worker processes when there are enough files and cores."""
        reader = copy.copy(self)
        reader.budget = _SearchesLater()
        reader.progress = _as_they_come  # the bar is the parent's
        cores = workers.cores()
        if len(paths) < self.parallel_from or cores < 2:
            return map(reader._reading, paths)
        return workers.read_in_parallel(reader._reading, paths, min(cores, len(paths)))

    def _reading(self, path: Path) -> _Reading:
        self.problems, self.links, self.searches, self.resolved = [], [], [], {}
        source = self._source(path)
        return _Reading(source, self.problems, self.searches, self.links, self.resolved)

    def _source(self, path: Path) -> CuratedSource | None:
        document = self._document(path)
        if document is None or not self._file_key(document, path):
            return None
        shell, entries = self._with_items(
            document, schema.SourceFile, "statements", schema.StatementEntry
        )
        self.files[path.stem] = (document, shell) if shell is not None else None
        raw = _raw_list(document.data, "statements")
        self._unique_keys(
            document, "statements", [e.get("key") if isinstance(e, dict) else None for e in raw]
        )
        local = self._local_speakers(document, path.stem)
        for i, statement in enumerate(raw):
            if isinstance(statement, dict):
                self._statement_references(document, ("statements", i), statement, local)
        if shell is None:
            return None
        meta = shell.source
        try:
            raw_text = read_source_text(self.root.parent, meta.text)
            text = raw_text.decode("utf-8")
        except SourceTextError as error:
            self.problems.append(document.problem(("source", "text"), str(error)))
            return None
        except UnicodeDecodeError:
            self.problems.append(document.problem(("source", "text"), "source text is not UTF-8"))
            return None
        digest = hashlib.sha256(raw_text).hexdigest()
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
        if published and published.lower and published.lower > self.today:
            self.problems.append(
                document.problem(("source", "published"), self._future(meta.published))
            )
        if meta.accessed and dates.bounds(meta.accessed).lower > self.today:
            self.problems.append(
                document.problem(("source", "accessed"), self._future(meta.accessed))
            )
        index = SourceIndex(text)
        if meta.body is not None and (problem := index.start_body(meta.body)):
            self.problems.append(document.problem(("source", "body"), problem))
        index.find_all(entry.text for _, entry in entries)
        statements = self._statements(document, path.stem, entries, index, published)
        speakers = {}
        for statement in statements:
            if "/" in statement.speaker_key:
                owner, _, key = statement.speaker_key.partition("/")
                declared = self._local_entry(owner, key)
                if declared is not None:
                    speakers[statement.speaker_key] = declared
        return CuratedSource(
            path.stem, str(path), meta, meta.text, digest, published, statements, text, speakers
        )

    # -- unnamed speakers, declared in a source file ---------------------------------------

    def _local_speakers(self, document: YamlDocument, source: str) -> set[str]:
        """The keys of the unnamed speakers this file declares, their references checked."""
        keys = set()
        raw = _raw_list(document.data, "speakers")
        self._unique_keys(
            document, "speakers", [e.get("key") if isinstance(e, dict) else None for e in raw]
        )
        for i, entry in enumerate(raw):
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("key"), str):
                keys.add(entry["key"])
                if len(f"{source}/{entry['key']}") > 120:
                    self.problems.append(
                        document.problem(
                            ("speakers", i, "key"),
                            "the source's key, a slash and this key make the speaker's key in "
                            "the database, at most 120 characters: shorten this key",
                        )
                    )
                if entry["key"] in self.speaker_keys:
                    self.problems.append(
                        document.problem(
                            ("speakers", i, "key"),
                            f"{entry['key']!r} is also a registry speaker "
                            f"({SPEAKERS}/{entry['key']}.yaml); give this unnamed speaker "
                            "another key",
                        )
                    )
            self._party_reference(document, ("speakers", i, "party"), entry.get("party"))
            if isinstance(entry.get("same_as"), str) and isinstance(entry.get("key"), str):
                self._speaker_key(document, ("speakers", i, "same_as"), source, entry["key"])
        return keys

    def _local_entry(self, source: str, key: str) -> schema.LocalSpeaker | None:
        found = self._source_file(source)
        if found is None:
            return None
        return next((s for s in found[1].speakers if s.key == key), None)

    def _speaker_key(self, document, loc: Loc, source: str, ref: str) -> str | None:
        """The database key of the speaker ``ref`` names in ``source``: a registry key, or
        "source/key" of the first unnamed speaker along its ``same_as`` links (None, with a
        problem reported once, when a link is broken)."""
        if (source, ref) not in self.resolved:
            self.resolved[(source, ref)] = self._follow(document, loc, source, ref)
        return self.resolved[(source, ref)]

    def _follow(self, document, loc: Loc, source: str, ref: str) -> str | None:
        seen = []
        while True:
            entry = self._local_entry(source, ref)
            if entry is None:
                if not seen and ref in self.speaker_keys:
                    return ref
                if seen:
                    self.problems.append(
                        document.problem(
                            loc,
                            f"same_as names {source}/{ref}, which is not an unnamed speaker "
                            f"declared in {SOURCES}/{source}.yaml",
                        )
                    )
                return None
            seen.append(f"{source}/{ref}")
            if entry.same_as is None:
                return seen[-1]
            source, _, ref = entry.same_as.partition("/")
            if f"{source}/{ref}" in seen:
                circle = " → ".join([*seen, f"{source}/{ref}"])
                self.problems.append(
                    document.problem(loc, f"same_as links go round in a circle ({circle})")
                )
                return None

    def _source_file(self, key: str) -> tuple[YamlDocument, schema.SourceFile] | None:
        """A source file by key, read whole once (without its text) when it was not read yet:
        links may name sources that this check or load leaves out, or that another worker
        reads. The same as reading it in turn gives, so that the order files are read in
        changes nothing."""
        if key not in self.files:
            self.files[key] = None
            path = self.paths.get(key, self.root / SOURCES / f"{key}.yaml")
            if _is_key(key) and path.is_file():
                try:
                    document = read_yaml(path)
                except YamlError:
                    return None  # reported when that file is checked
                shell = _shell(document.data)
                self.files[key] = (document, shell) if shell is not None else None
        return self.files[key]

    def _statement_references(self, document, loc: Loc, raw: dict, local: set[str]) -> None:
        """The registry entries a statement names, checked even when the statement has other
        problems, so that one run reports them all."""
        speaker = raw.get("speaker")
        if isinstance(speaker, str) and speaker.strip() not in local:
            self._reference(document, (*loc, "speaker"), speaker.strip(), "speaker")
        for name, kind in (("stances", "party"), ("claims", "claim")):
            if isinstance(raw.get(name), dict):
                for key in raw[name]:
                    self._reference(document, (*loc, name, key), key.strip(), kind)

    # -- links between statements ----------------------------------------------------------

    def _check_links(self) -> None:
        """Each ``same_as`` names another report of the same utterance: a statement that
        exists, by the same speaker, at a date that can be the same."""
        for place, target, statement in self.links:
            source, _, key = target.partition("/")
            found = self._source_file(source)
            other = None
            if found is not None:
                other = next((s for s in found[1].statements if s.key == key), None)
            if other is None:
                known = f"{SOURCES}/{source}.yaml" if found else f"no source {source!r}"
                self.problems.append(
                    replace(
                        place, message=f"no statement {target!r} ({known} has none by that key)"
                    )
                )
                continue
            if Path(place.file).stem == source and statement.entry.key == key:
                self.problems.append(
                    replace(place, message="a statement cannot be another report of itself")
                )
                continue
            speaker = self._speaker_key(found[0], (), source, other.speaker.strip())
            if speaker is not None and speaker != statement.speaker_key:
                self.problems.append(
                    replace(
                        place,
                        message=f"{target} is said by {speaker!r}, this statement by "
                        f"{statement.speaker_key!r}: reports of one utterance have one speaker",
                    )
                )
            if (
                other.said
                and statement.said
                and not _overlap(dates.bounds(other.said), statement.said)
            ):
                self.problems.append(
                    replace(
                        place,
                        message=f"{target} was said {other.said}, this statement "
                        f"{statement.entry.said}: reports of one utterance need dates that can "
                        "be the same day",
                    )
                )

    def _statements(self, document, source: str, entries, index: SourceIndex, published):
        result = []
        for i, entry in entries:
            loc: Loc = ("statements", i)
            if entry.status != "reviewed":
                self.problems.append(
                    document.problem(
                        (*loc, "status"),
                        "this statement is a draft; review it "
                        "against the source, then set `status: reviewed`",
                    )
                )
            said = dates.bounds(entry.said) if entry.said else None
            if said and said.lower:
                if published and published.upper:
                    if said.lower > published.upper:
                        self.problems.append(
                            document.problem(
                                (*loc, "said"),
                                f"{entry.said} is after the source was "
                                f"published ({published.upper}); check the date",
                            )
                        )
                elif said.lower > self.today:
                    self.problems.append(document.problem((*loc, "said"), self._future(entry.said)))
            try:
                found = anchor(
                    index,
                    entry.text,
                    before=entry.before,
                    after=entry.after,
                    occurrence=entry.occurrence,
                    budget=self.budget,
                )
            except AnchorError as error:
                self.problems.append(document.problem((*loc, "text"), str(error)))
                continue
            except _SearchLater:
                self.searches.append((len(self.problems), entry.text))
                self.problems.append(document.problem((*loc, "text"), ""))
                continue
            speaker = self._speaker_key(document, (*loc, "speaker"), source, entry.speaker)
            curated = CuratedStatement(entry, found, said, document.line(loc), speaker or "")
            if entry.role_held is not None and speaker is not None:
                self._role_held(document, (*loc, "role_held"), entry.role_held, speaker)
            if entry.same_as is not None:
                place = document.problem((*loc, "same_as"), "")
                self.links.append((place, entry.same_as, curated))
            result.append(curated)
        return result

    def _role_held(self, document, loc: Loc, title: str, speaker: str | None) -> None:
        registered = self.registry_speakers.get(speaker or "")
        titles = [role.title for role in registered.roles] if registered else []
        if title not in titles:
            known = ", ".join(repr(t) for t in titles) or "none"
            self.problems.append(
                document.problem(
                    loc,
                    f"{speaker!r} has no role titled {title!r} in the registry "
                    f"(its roles: {known})",
                )
            )

    def _future(self, when: str) -> str:
        return f"{when} is in the future (today is {self.today}); check the date"

    def _party_reference(self, document, loc: Loc, key) -> None:
        if isinstance(key, str):
            self._reference(document, loc, key.strip(), "party")

    def _reference(self, document, loc: Loc, key: str, kind: str) -> None:
        known, plural, where = {
            "party": (self.party_keys, "parties", PARTIES),
            "speaker": (self.speaker_keys, "speakers", f"{SPEAKERS}/"),
            "claim": (self.claim_keys, "claims", CLAIMS),
        }[kind]
        if known is None or key in known:
            return
        hint = did_you_mean(key, sorted(known))
        if kind == "party" and normalize(key) in self.party_aliases:
            hint = f" {key!r} is an alias of {self.party_aliases[normalize(key)]!r}: use the key."
        message = f"unknown {kind} {key!r}.{hint} Known {plural} are in {self.root}/{where}"
        self.problems.append(document.problem(loc, message))


def _overlap(a: dates.Bounds, b: dates.Bounds) -> bool:
    """Whether two spans of days can share a day (an open bound reaches everything)."""
    return not (
        (a.upper and b.lower and a.upper < b.lower) or (b.upper and a.lower and b.upper < a.lower)
    )


def _shell(data) -> schema.SourceFile | None:
    """A source file's fields as reading it gives them to other files: all of it, or
    without its statements when one of them is invalid (None when the rest is)."""
    try:
        return schema.SourceFile.model_validate(data if data is not None else {})
    except ValidationError:
        if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
            return None
    try:
        return schema.SourceFile.model_validate({**data, "statements": []})
    except ValidationError:
        return None


def _raw_list(data, name: str) -> list:
    """``data[name]`` if the file has it as a list, else nothing."""
    value = data.get(name) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _is_key(text: str) -> bool:
    try:
        schema.KeyAdapter.validate_python(text)
    except ValidationError:
        return False
    return True


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
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {_what_is(detail['input'])}"
    if kind == "enum" and isinstance(detail.get("input"), str):
        allowed = re.findall(r"'([^']*)'", detail["ctx"]["expected"])
        return (
            f"{detail['input']!r} is not allowed here.{did_you_mean(detail['input'], allowed)}"
            f" Use one of: {', '.join(allowed)}"
        )
    return message


# Pydantic's "Input should be a valid dictionary or instance of StatementEntry", in the
# curator's words: what the YAML should have held there.
_EXPECTED = {
    "model_type": "fields written as `name: value` lines",
    "dict_type": "entries written as `name: value` lines",
    "list_type": "a list (`- item` lines or [a, b])",
    "string_type": "a single value",
}


def _what_is(value) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "`name: value` lines"
    if value is None:
        return "nothing"
    text = str(value)
    shown = text.splitlines()[0][:40] if text.strip() else text
    return f"the text {shown!r}" + ("…" if shown != text else "")
