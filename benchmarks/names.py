"""Time the name comparisons a lookup makes once the exact match has failed, and print them.

A registry as the scale benchmark builds one (benchmarks/synthetic.py: "Sergei Ivanov 12" and
two aliases a speaker); for each typed name, the loose match (script, word order, spelling
variants) and the "Did you mean" ranking over every alias, beside difflib.get_close_matches
over the normalized aliases, which is what the ranking cost before it was forgiving.
Run: .venv/bin/python benchmarks/names.py [--speakers 20000]
"""

import argparse
import difflib
import time

from benchmarks.synthetic import FIRST, LAST
from quotes.names import closest, loosely, normalize

# Speakers 0 and 1 are "Amir Rahimi 0" and "Sergei Rahimi 1": reversed, in Cyrillic, in
# Arabic, and misspelt (which finds nothing and asks "Did you mean").
TYPED = ["Rahimi Sergei 1", "Сергей Рахими 1", "امير رحيمي 0", "Sergie Rahimi 1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speakers", type=int, default=20_000)
    args = parser.parse_args()
    names: list[tuple[int, str]] = []
    for rank in range(args.speakers):
        first, last = FIRST[rank % len(FIRST)], LAST[(rank // len(FIRST)) % len(LAST)]
        names += [
            (rank, f"{first} {last} {rank}"),
            (rank, f"{last} {rank}"),
            (rank, f"{first[0]}. {last} {rank}"),
        ]
    aliases = [name for _, name in names]
    print(f"{len(aliases):,} aliases of {args.speakers:,} speakers")
    for typed in TYPED:
        start = time.perf_counter()
        found = loosely(typed, names, parts=True)
        matched = time.perf_counter() - start
        start = time.perf_counter()
        suggested = closest(typed, aliases)
        ranked = time.perf_counter() - start
        print(
            f"{typed!r}: loose match {matched:.2f} s ({len(found)} found), "
            f"did-you-mean {ranked:.2f} s ({', '.join(suggested) or 'none'})"
        )
    start = time.perf_counter()
    difflib.get_close_matches(normalize(TYPED[-1]), [normalize(a) for a in aliases])
    print(f"difflib.get_close_matches alone, for comparison: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
