"""Deterministic synthetic data at scale, shaped like a desk's years of curation.

N statements (default 1,000,000) over N/10 sources, 20,000 speakers with a few aliases each
and a Zipf-like number of statements each, 60 parties, 1 to 3 stances a statement, claims on
one statement in ten, and imprecise dates (days, months, intervals, open ends) over 15 years.
The same seed gives the same data. Sources are built in memory with their texts, so every
statement is anchored for real, and are streamed to the loader (quotes.ingest) one by one.
"""

import bisect
import hashlib
import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta

from quotes.curation import schema
from quotes.curation.anchor import anchor
from quotes.curation.record import CuratedSource, CuratedStatement, Record
from quotes.dates import bounds

WORDS = (
    "peace talks government taliban troops withdrawal ceasefire election security border "
    "sanctions dialogue negotiation agreement minister envoy summit delegation conflict "
    "region support criticism accusation denial weapons militants reform economy aid "
    "humanitarian refugees opposition parliament coalition strategy influence stability "
    "terrorism cooperation diplomacy pressure promise warning mediation legitimacy"
).split()
CUES = [
    "said",
    "warned",
    "urged",
    "argued",
    "claimed",
    "denied",
    "stated",
    "noted",
    "added",
    "insisted",
    "emphasized",
    "predicted",
    "alleged",
    "described",
]
FIRST = [
    "Amir",
    "Sergei",
    "Maria",
    "Ahmad",
    "Olga",
    "John",
    "Fatima",
    "Li",
    "Omar",
    "Anna",
    "Hamid",
    "Elena",
    "David",
    "Zalmay",
    "Ivan",
    "Sara",
    "Karim",
    "Nadia",
    "Peter",
    "Wei",
]
LAST = [
    "Rahimi",
    "Ivanov",
    "Smith",
    "Karimi",
    "Petrova",
    "Khan",
    "Chen",
    "Haidari",
    "Jones",
    "Popov",
    "Ahmadi",
    "Brown",
    "Sokolov",
    "Nazari",
    "Wang",
    "Miller",
    "Safi",
    "Orlov",
]
POLARITIES = ["critical", "supportive", "neutral", "mixed"]
POSITIONS = ["asserts", "denies", "questions"]
START = date(2010, 1, 1)
DAYS = 15 * 365


class Synthetic:
    def __init__(
        self,
        n: int = 1_000_000,
        *,
        seed: int = 7,
        speakers: int = 20_000,
        parties: int = 60,
        per_source: int = 10,
    ):
        self.n, self.seed = n, seed
        self.speaker_count, self.party_count, self.per_source = speakers, parties, per_source
        self.claim_count = max(10, n // 500)
        # Zipf-like weights: the speaker of rank r speaks in proportion to 1 / r.
        weights = [1 / rank for rank in range(1, speakers + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def speaker_key(self, rank: int) -> str:
        return f"speaker-{rank:05d}"

    def speaker_name(self, rank: int) -> str:
        return f"{FIRST[rank % len(FIRST)]} {LAST[(rank // len(FIRST)) % len(LAST)]} {rank}"

    def record(self) -> Record:
        """The registries, and the sources as a stream (so memory stays flat)."""
        parties = [
            schema.PartyEntry(
                key=f"party-{i:02d}",
                name=f"Party {i}",
                kind="government",
                aliases=[f"Capital {i}", f"P{i}"],
            )
            for i in range(self.party_count)
        ]
        speakers = {
            self.speaker_key(rank): schema.SpeakerFile(
                name=self.speaker_name(rank),
                kind="person",
                party=f"party-{rank % self.party_count:02d}",
                aliases=[
                    self.speaker_name(rank).split()[1] + f" {rank}",
                    f"{self.speaker_name(rank)} Jr.",
                ][: 1 + rank % 2],
            )
            for rank in range(1, self.speaker_count + 1)
        }
        claims = [
            schema.ClaimEntry(key=f"claim-{i:05d}", text=f"Proposition number {i}.")
            for i in range(self.claim_count)
        ]
        return Record(parties, speakers, claims, self.sources())

    def sources(self) -> Iterator[CuratedSource]:
        rng = random.Random(self.seed)
        made = 0
        number = 0
        while made < self.n:
            count = min(self.per_source, self.n - made)
            yield self._source(rng, number, count)
            made += count
            number += 1

    def _source(self, rng: random.Random, number: int, count: int) -> CuratedSource:
        published = START + timedelta(days=rng.randrange(DAYS))
        sentences, entries = [], []
        for i in range(count):
            rank = bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1]) + 1
            cue = rng.choice(CUES)
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24)))
            spoken = f"{cue} that the {words} (statement {number}.{i})"
            sentences.append(f"{self.speaker_name(rank)} {spoken}.")
            stances = {
                f"party-{p:02d}": rng.choice(POLARITIES)
                for p in rng.sample(range(self.party_count), rng.randint(1, 3))
            }
            claims = (
                {f"claim-{rng.randrange(self.claim_count):05d}": rng.choice(POSITIONS)}
                if rng.random() < 0.1
                else {}
            )
            entries.append(
                schema.StatementEntry(
                    key=f"s{i}",
                    speaker=self.speaker_key(rank),
                    kind=rng.choice(["direct", "partial", "indirect"]),
                    text=spoken,
                    cue=cue,
                    said=self._said(rng, published),
                    said_basis="inferred",
                    stances=stances,
                    claims=claims,
                )
            )
        text = f"Synthetic source {number}\n\n" + "\n\n".join(sentences) + "\n"
        statements = [
            CuratedStatement(
                entry,
                anchor(text, entry.text),
                bounds(entry.said) if entry.said else None,
                None,
                entry.speaker,
            )
            for entry in entries
        ]
        meta = schema.SourceMeta(
            title=f"Synthetic source {number}",
            publication="The Bench",
            author=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            published=published.isoformat(),
            text=f"synthetic/{number}.txt",
        )
        return CuratedSource(
            f"source-{number:06d}",
            f"synthetic/{number}.yaml",
            meta,
            meta.text,
            hashlib.sha256(text.encode()).hexdigest(),
            bounds(meta.published),
            statements,
            text,
        )

    @staticmethod
    def _said(rng: random.Random, published: date) -> str | None:
        day = published - timedelta(days=rng.randrange(30, 400))
        shape = rng.random()
        if shape < 0.5:
            return day.isoformat()
        if shape < 0.75:
            return day.strftime("%Y-%m")
        if shape < 0.9:
            return f"{day.isoformat()}/{(day + timedelta(days=rng.randrange(1, 30))).isoformat()}"
        if shape < 0.97:
            return f"../{day.isoformat()}"
        return None
