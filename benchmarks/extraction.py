"""Score `quotes extract` against gold attributions and print the figures.

PolNeAR (../shared/polnear): precision, recall and F1 for source, cue and content spans,
exact and overlapping, for all attributions and for direct quotes, and where the errors are
(wrong boundaries, spurious spans, missed spans); the curated seed article:
the share of its statements the draft finds, and of those the share with the right speaker;
throughput in articles per second on one core (CPU time: the machine may be shared); the
time one article takes against a registry of 60,000 aliases. The corpus texts are read in
place, never copied. Run: .venv/bin/python benchmarks/extraction.py [--compartment dev|train]
[--rules]
"""

import argparse
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from quotes.curation.record import read_record  # noqa: E402
from quotes.extract import extract  # noqa: E402
from quotes.extract.draft import unnamed_key  # noqa: E402
from quotes.extract.polnear import ROLES, articles  # noqa: E402
from quotes.extract.registry import Registry  # noqa: E402

TARGETS = {
    ("dev", "content", "overlap"): 0.82,
    ("dev", "source", "exact"): 0.72,
    ("dev", "cue", "exact"): 0.72,
}


def is_direct(text: str, span: tuple[int, int] | None) -> bool:
    if not span:
        return False
    content = text[span[0] : span[1]].strip()
    return bool(re.match(r"^[“\"]", content) and re.search(r"[”\"][.,!?]?$", content))


class Score:
    def __init__(self):
        self.counts = defaultdict(lambda: [0, 0, 0])  # (role, mode) -> [tp_pred, pred, gold]
        self.gold_hits = defaultdict(int)

    def add(self, predicted: dict[str, list], gold: dict[str, list]) -> None:
        for role in ROLES:
            p, g = predicted[role], gold[role]
            for mode in ("exact", "overlap"):
                matched = _match(p, g, mode)
                counts = self.counts[(role, mode)]
                counts[0] += matched
                counts[1] += len(p)
                counts[2] += len(g)

    def figures(self, role: str, mode: str) -> tuple[float, float, float]:
        tp, pred, gold = self.counts[(role, mode)]
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def _match(predicted: list, gold: list, mode: str) -> int:
    """One-to-one matches between predicted and gold spans."""
    free = list(gold)
    hits = 0
    for p in predicted:
        for i, g in enumerate(free):
            if (p == g) if mode == "exact" else (p[0] < g[1] and g[0] < p[1]):
                hits += 1
                del free[i]
                break
    return hits


def polnear(root: Path, compartment: str, model: bool) -> tuple[Score, Score, int, float]:
    """Scores over a compartment, and the seconds spent extracting. PolNeAR marks attributions
    in headlines too, so headlines are drafted here."""
    everything, direct = Score(), Score()
    elapsed = 0.0
    chosen = articles(root, compartment)
    for article in chosen:
        text, gold = article.text, article.attributions
        began = time.process_time()
        candidates = extract(text, published=article.published, headlines=True, model=model)
        elapsed += time.process_time() - began
        predicted = _spans(candidates)
        everything.add(predicted, {r: [a[r] for a in gold if r in a] for r in ROLES})
        gold_direct = [a for a in gold if is_direct(text, a.get("content"))]
        direct.add(
            _spans([c for c in candidates if is_direct(text, (c.content_start, c.content_end))]),
            {r: [a[r] for a in gold_direct if r in a] for r in ROLES},
        )
    return everything, direct, len(chosen), elapsed


def large_registry(speakers: int = 20_000) -> Registry:
    """A registry the size the scale benchmark builds: 20,000 speakers, 60,000 aliases."""
    registry = Registry.from_data(PROJECT / "data")
    for rank in range(speakers):
        name = f"Speaker{rank} Surname{rank % 997}"
        registry.add_speaker(
            f"speaker-{rank:05d}",
            name,
            [f"Surname{rank % 997} {rank}", f"{name} Jr."],
            roles=[f"Minister of Affairs {rank % 50}"],
        )
    return registry


def registry_cost(root: Path, compartment: str) -> tuple[int, float, float]:
    """(aliases, median ms per article with the large registry, the same with the curated one)."""
    small, large = Registry.from_data(PROJECT / "data"), large_registry()
    aliases = len(large.speakers.keys)
    texts = [a.text for a in articles(root, compartment)][:40]
    medians = []
    for registry in (large, small):
        times = []
        for text in texts:
            began = time.process_time()
            extract(text, registry=registry)
            times.append((time.process_time() - began) * 1000)
        medians.append(statistics.median(times))
    return aliases, medians[0], medians[1]


def _spans(candidates) -> dict[str, list]:
    return {
        "source": [
            (c.speaker_start, c.speaker_end) for c in candidates if c.speaker_start is not None
        ],
        "cue": [(c.cue_start, c.cue_end) for c in candidates if c.cue_start is not None],
        "content": [(c.content_start, c.content_end) for c in candidates],
    }


def seed() -> tuple[int, int, int]:
    """(curated statements, found by the draft, found with the right speaker)."""
    data = PROJECT / "data"
    record = read_record(root=data)
    registry = Registry.from_data(data)
    found = right = total = 0
    for source in record.sources:
        candidates = extract(source.text, registry=registry, published=source.meta.published)
        for statement in source.statements:
            total += 1
            a = statement.anchor
            hits = [c for c in candidates if c.start < a.end and a.start < c.end]
            if hits:
                found += 1
                if any(statement.entry.speaker in (c.speaker_key, unnamed_key(c)) for c in hits):
                    right += 1
    return total, found, right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=PROJECT.parent / "shared" / "polnear")
    parser.add_argument("--compartment", default="dev", choices=["dev", "train"])
    parser.add_argument("--rules", action="store_true", help="the rules alone, without the model")
    args = parser.parse_args()

    everything, direct, count, elapsed = polnear(args.polnear, args.compartment, not args.rules)
    method = "rules only" if args.rules else "model and rules"
    print(f"PolNeAR {args.compartment}: {count} articles (first annotator's gold), {method}")
    for title, score in (("all attributions", everything), ("direct quotes", direct)):
        print(f"\n  {title}")
        print(f"  {'span':8} {'match':8} {'P':>6} {'R':>6} {'F1':>6}  gold  pred  target")
        for role in ROLES:
            for mode in ("exact", "overlap"):
                p, r, f = score.figures(role, mode)
                _, pred, gold = score.counts[(role, mode)]
                target = (
                    TARGETS.get((args.compartment, role, mode)) if score is everything else None
                )
                verdict = f"{target:.2f} {'met' if f >= target else 'NOT met'}" if target else ""
                print(
                    f"  {role:8} {mode:8} {p:6.3f} {r:6.3f} {f:6.3f} {gold:5d} {pred:5d}  {verdict}"
                )
    print("\n  where the errors are (all attributions; boundary: overlaps gold, not exactly)")
    print(f"  {'span':8} {'exact':>6} {'boundary':>8} {'spurious':>8} {'missed':>6}")
    for role in ROLES:
        exact, pred, gold = everything.counts[(role, "exact")]
        overlap = everything.counts[(role, "overlap")][0]
        print(f"  {role:8} {exact:6d} {overlap - exact:8d} {pred - overlap:8d} {gold - overlap:6d}")
    rate = count / elapsed if elapsed else float("inf")
    print(
        f"\nthroughput: {rate:.1f} articles per second on one core "
        f"(target 20: {'met' if rate >= 20 else 'NOT met'})"
    )
    total, found, right = seed()
    print(
        f"seed article: {found}/{total} curated statements found, {right} of them with the right "
        f"speaker (target 21 of 22: {'met' if right >= total - 1 else 'NOT met'})"
    )
    aliases, large, small = registry_cost(args.polnear, args.compartment)
    print(
        f"registry: {aliases:,} aliases: {large:.1f} ms per article (median of 40), "
        f"{small:.1f} ms with the curated registry "
        f"(target 50 ms: {'met' if large <= 50 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
