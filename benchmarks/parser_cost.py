"""What a syntactic parse would cost the extraction draft, in CPU time an article.

The tagger misses cues a parse would find (beliefs, plans, "has faced ridicule"), but the
draft's budget is 20 articles a second on one core. This parses PolNeAR dev's first
articles, sentence by sentence, with the one parser Debian packages, CMU's link grammar
(`apt install python3-link-grammar link-grammar-dictionaries-en`; Debian's own Python,
so run it with /usr/bin/python3), one linkage and at most a second a sentence, and prints
the CPU time an article. Run: /usr/bin/python3 benchmarks/parser_cost.py [--articles N]
"""

import argparse
import re
import time
from pathlib import Path

from linkgrammar import Dictionary, ParseOptions, Sentence

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=Path("../shared/polnear"))
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    dictionary = Dictionary("en")
    options = ParseOptions(max_parse_time=1, linkage_limit=1)
    texts = sorted((args.polnear / "dev" / "text").glob("*.txt"))[: args.articles]
    sentences = words = 0
    began = time.process_time()
    for path in texts:
        for sentence in SENTENCE_END.split(path.read_text(encoding="utf-8")):
            if sentence.strip():
                next(iter(Sentence(sentence, dictionary, options).parse()), None)
                sentences += 1
                words += len(sentence.split())
    spent = time.process_time() - began
    print(
        f"link grammar: {len(texts)} articles, {sentences} sentences, {words} words:"
        f" {spent / len(texts) * 1000:.0f} ms of CPU an article, {spent / sentences * 1000:.1f} ms"
        f" a sentence ({len(texts) / spent:.1f} articles a second; the draft's target is 20)"
    )


if __name__ == "__main__":
    main()
