"""PolNeAR's gold attributions (BRAT standoff), read in place for training and scoring.

The corpus texts are copyrighted news: they are read from where they lie, never copied.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

ROLES = ("source", "cue", "content")


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published: str | None
    attributions: list[dict[str, tuple[int, int]]]


def articles(root: Path, compartment: str) -> list[Article]:
    """Every article of a compartment with the first listed annotator's attributions."""
    with (root / "metadata.tsv").open(encoding="utf-8") as rows:
        chosen = [
            r for r in csv.DictReader(rows, delimiter="\t") if r["compartment"] == compartment
        ]
    found = []
    for row in chosen:
        folder = root / compartment
        annotator = row["annotators"].split("|")[0]
        found.append(
            Article(
                name=row["filename"],
                text=(folder / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8"),
                published=row["publication_date"] or None,
                attributions=gold_attributions(
                    folder / "attributions" / f"{row['filename']}_{annotator}.ann"
                ),
            )
        )
    return found


def gold_attributions(ann: Path) -> list[dict[str, tuple[int, int]]]:
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
