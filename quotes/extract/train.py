"""Rebuild the shipped attribution model from PolNeAR and print its figures on dev.

First builds the word classes from the words of the ``train`` texts (``wordclusters``,
seeded; numpy needed) and writes them beside the model. Then trains CRFsuite's
passive-aggressive learner (its defaults: type I, c 1, weights averaged) on the ``train``
compartment for each setting of a small grid (epochs, and how often a feature must occur to
be kept), scores each on ``dev``
(exact span F1 for source, cue and content, each span counted once), and keeps the best as
``quotes/extract/model/attribution.crfsuite``. The corpus is read in place; the model holds
feature weights only. A run is reproducible: the paragraphs go in in corpus order and
CRFsuite shuffles them with the C library's generator, whose seed is the same in every fresh
process (so the grid always runs in the same order, in one process; ``--epochs`` trains one
setting, quicker, but its model is not the grid's). Beside the model it writes a digest of
what it was trained on (``attribution.inputs``), which a test holds to what this script reads
now: change how extract reads a text, and the model must be retrained.

Run: .venv/bin/python -m quotes.extract.train --polnear ../shared/polnear
"""

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

from quotes.extract import polnear, tagger, wordclusters
from quotes.extract.typography import typeset, whole_marks

# Settings to try, (epochs, least occurrences of a feature): a few passes over the corpus
# each, so a run takes minutes. Passive-aggressive rather than the averaged perceptron: 1.5 to
# 2 points better on every span (dev exact F1, three training orders each). Tried and left
# out: features seen 3+ times (0.4 points better with the perceptron, none with
# passive-aggressive, a model of 10 MB); L-BFGS (c1 0.1, c2 0.01, 150 iterations: source 1.6
# points better, cue 0.5, content 2.7 worse, half an hour a setting); AROW (15 points worse);
# passive-aggressive with c 0.01 or type II (no better).
GRID = ((16, 5), (20, 5))


def word_classes(articles) -> dict[str, tuple[str, ...]]:
    """The word classes of the training texts' words (their words only, not their labels)."""
    words = (
        [t.text.lower() for t in p] for a in articles for p in tagger.paragraphs(typeset(a.text))
    )
    return {w: tuple(map(str, c)) for w, c in wordclusters.build(words).items()}


def sequences(articles, clusters):
    """(features, labels) for every paragraph of every article, read as ``extract`` reads it
    (typeset: its quotation marks curly)."""
    from quotes.extract.rules import read_by_rules

    for article in articles:
        text = typeset(article.text)
        ruled = read_by_rules(text)
        spans = [
            tagger.Span(role, *bounds)
            for attribution in article.attributions
            for role, bounds in attribution.items()
        ]
        for tokens in tagger.paragraphs(text):
            first, last = tokens[0].start, tokens[-1].end
            inside = [s for s in spans if s.start < last and first < s.end]
            near = [c for c in ruled if c.content_start < last and first < c.content_end]
            yield (
                tagger.features(text, tokens, near, clusters),
                tagger.labels(tokens, inside),
            )


INPUTS = "attribution.inputs"


def fingerprint(train_set) -> str:
    """A digest of every training paragraph's features and labels, in order: a change to
    how extract reads a text (typesetting, tokens, the rules' hints) changes it, so a model
    trained before such a change is seen to be stale (tests compare it with the shipped one)."""
    digest = hashlib.sha256()
    for xseq, yseq in train_set:
        for row, label in zip(xseq, yseq, strict=True):
            digest.update(("\x1f".join(row) + "\x1e" + label + "\n").encode())
        digest.update(b"\x1d")
    return digest.hexdigest()


def train(train_set, path: Path, epochs: int, minfreq: int = 5) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="pa", verbose=False)
    for xseq, yseq in train_set:
        trainer.append(xseq, yseq)
    trainer.set_params({"max_iterations": epochs, "feature.minfreq": minfreq})
    trainer.train(str(path))


def score(path: Path, articles, clusters) -> dict[str, float]:
    """Exact-span F1 per role, each gold span counted once."""
    import pycrfsuite

    from quotes.extract.rules import read_by_rules

    model = pycrfsuite.Tagger()
    model.open(str(path))
    counts = {role: [0, 0, 0] for role in tagger.ROLES}  # hits, predicted, gold
    for article in articles:
        predicted = set()
        text = typeset(article.text)
        ruled = read_by_rules(text)
        for tokens in tagger.paragraphs(text):
            tags = model.tag(tagger.features(text, tokens, ruled, clusters))
            predicted |= {
                (s.role, *whole_marks(article.text, s.start, s.end))
                for s in tagger.decode(tokens, tags)
            }
        gold = {(role, *b) for a in article.attributions for role, b in a.items()}
        for role in tagger.ROLES:
            p = {s for s in predicted if s[0] == role}
            g = {s for s in gold if s[0] == role}
            counts[role][0] += len(p & g)
            counts[role][1] += len(p)
            counts[role][2] += len(g)
    figures = {}
    for role, (hits, pred, gold) in counts.items():
        precision, recall = hits / pred if pred else 0, hits / gold if gold else 0
        figures[role] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=Path("../shared/polnear"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "model" / tagger.MODEL)
    parser.add_argument(
        "--epochs", type=int, help="train this many epochs only (features seen 5+ times)"
    )
    args = parser.parse_args()
    began = time.perf_counter()
    training = polnear.articles(args.polnear, "train")
    clusters = word_classes(training)
    print(f"{len(clusters)} words in {len(wordclusters.SIZES)} sets of classes", end=", ")
    print(f"built in {time.perf_counter() - began:.0f} s")
    began = time.perf_counter()
    train_set = list(sequences(training, clusters))
    dev = polnear.articles(args.polnear, "dev")
    print(f"{len(train_set)} training paragraphs, features in {time.perf_counter() - began:.0f} s")
    best = None
    with tempfile.TemporaryDirectory() as folder:
        for epochs, minfreq in ((args.epochs, 5),) if args.epochs else GRID:
            path = Path(folder) / f"epochs-{epochs}-minfreq-{minfreq}.crfsuite"
            began = time.perf_counter()
            train(train_set, path, epochs, minfreq)
            figures = score(path, dev, clusters)
            mean = sum(figures.values()) / len(figures)
            print(
                f"{epochs} epochs, features seen {minfreq}+ times: dev exact F1 "
                + " ".join(f"{role} {f:.3f}" for role, f in figures.items())
                + f" (trained in {time.perf_counter() - began:.0f} s)"
            )
            if best is None or mean > best[0]:
                best = (mean, (epochs, minfreq), path.read_bytes())
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(best[2])
        wordclusters.write(clusters, args.out.parent / wordclusters.TABLE)
        (args.out.parent / INPUTS).write_text(fingerprint(train_set) + "\n", encoding="utf-8")
    (epochs, minfreq), size = best[1], len(best[2]) / 1e6
    print(f"kept {epochs} epochs, {minfreq}+: {args.out} ({size:.1f} MB)", end=", ")
    print(f"word classes: {wordclusters.TABLE} and the inputs' digest: {INPUTS} beside it")


if __name__ == "__main__":
    main()
