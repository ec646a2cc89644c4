"""Score `quotes extract` against gold attributions and print the figures.

PolNeAR (../shared/polnear): precision, recall and F1 for source, cue and content spans,
exact and overlapping, for all attributions and for direct quotes; the curated seed article:
the share of its statements the draft finds, and of those the share with the right speaker;
throughput in articles per second on one core. The corpus texts are read in place, never
copied. Run: .venv/bin/python benchmarks/extraction.py [--compartment dev|train]
"""

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from quotes.curation.record import read_record  # noqa: E402
from quotes.extract import extract  # noqa: E402
from quotes.extract.registry import Registry  # noqa: E402

ROLES = ("source", "cue", "content")
TARGETS = {("dev", "content", "overlap"): 0.75, ("dev", "source", "exact"): 0.60}


def gold_attributions(ann: Path) -> list[dict]:
    """Each attribution as {role: (start, end)}; discontinuous spans become their extent."""
    spans, attributions = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not re.match(r"[TE]\d+\t", line):
            continue  # a span's text running onto the next physical line
        if line.startswith("T"):
            tid, info = line.split("\t")[:2]
            label, _, ranges = info.partition(" ")
            bounds = [tuple(map(int, r.split())) for r in ranges.split(";")]
            spans[tid] = (label, min(b[0] for b in bounds), max(b[1] for b in bounds))
        elif line.startswith("E"):
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            attribution = {}
            for role, tid in roles.items():
                name = role.rstrip("0123456789").lower()
                if name in ROLES and tid in spans:
                    _, start, end = spans[tid]
                    if name in attribution:  # Content2 continues the content
                        start = min(start, attribution[name][0])
                        end = max(end, attribution[name][1])
                    attribution[name] = (start, end)
            attributions.append(attribution)
    return attributions


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


def polnear(root: Path, compartment: str) -> tuple[Score, Score, int, float]:
    rows = [
        r
        for r in csv.DictReader((root / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")
        if r["compartment"] == compartment
    ]
    everything, direct = Score(), Score()
    elapsed = 0.0
    for row in rows:
        text = (root / compartment / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
        annotator = row["annotators"].split("|")[0]
        gold = gold_attributions(
            root / compartment / "attributions" / f"{row['filename']}_{annotator}.ann"
        )
        began = time.perf_counter()
        candidates = extract(text, published=row["publication_date"] or None)
        elapsed += time.perf_counter() - began
        predicted = _spans(candidates)
        everything.add(predicted, {r: [a[r] for a in gold if r in a] for r in ROLES})
        gold_direct = [a for a in gold if is_direct(text, a.get("content"))]
        direct.add(
            _spans([c for c in candidates if is_direct(text, (c.content_start, c.content_end))]),
            {r: [a[r] for a in gold_direct if r in a] for r in ROLES},
        )
    return everything, direct, len(rows), elapsed


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
                if any(c.speaker_key == statement.entry.speaker for c in hits):
                    right += 1
    return total, found, right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=PROJECT.parent / "shared" / "polnear")
    parser.add_argument("--compartment", default="dev", choices=["dev", "train"])
    args = parser.parse_args()

    everything, direct, articles, elapsed = polnear(args.polnear, args.compartment)
    print(f"PolNeAR {args.compartment}: {articles} articles (first annotator's gold)")
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
    rate = articles / elapsed if elapsed else float("inf")
    print(
        f"\nthroughput: {rate:.1f} articles per second on one core "
        f"(target 20: {'met' if rate >= 20 else 'NOT met'})"
    )
    total, found, right = seed()
    share = right / total if total else 0.0
    print(
        f"seed article: {found}/{total} curated statements found, {right} of them with the right "
        f"speaker: {share:.0%} (target 90%: {'met' if share >= 0.9 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
