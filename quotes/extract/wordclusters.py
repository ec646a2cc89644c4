"""Word classes learnt from unlabelled text, so the tagger can weigh a word it never saw as a cue.

PolNeAR's cues are often words no reporting lexicon lists ("decided", "worries"). A word that
keeps the same neighbours as "said" or "argued" shares their class, and the tagger's weights for
that class carry over to it. The classes are built once, by the training script, from the words
of the training texts: counts of each word's neighbours (two each side, by position), weighted
by positive pointwise mutual information, reduced to 100 dimensions by a truncated SVD and cut by
k-means at three granularities. The shipped table (``model/clusters.tsv``) holds a word and its
three class numbers a line: no running text. numpy is needed to build it, not to read it.
"""

from collections import Counter
from functools import cache
from pathlib import Path

TABLE = "clusters.tsv"
SIZES = (32, 128, 512)  # classes at each granularity: coarse for word kinds, fine for near-synonyms
_SEED = 12


def build(sequences, *, least=3, contexts=2000, dimensions=100, sizes=SIZES):
    """{word: (its class at each of ``sizes``)} for every word seen ``least`` times in
    ``sequences`` (lists of lowercase words), the same for the same input: every random draw
    is seeded."""
    import numpy as np

    sequences = list(sequences)
    counts = Counter(w for s in sequences for w in s)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))  # ties by spelling: a fixed order
    vocabulary = [w for w in ranked if counts[w] >= least]
    row_of = {w: i for i, w in enumerate(vocabulary)}
    column_of = {w: i for i, w in enumerate(ranked[:contexts])}
    offsets = (-2, -1, 1, 2)
    matrix = np.zeros((len(vocabulary), len(offsets) * contexts), dtype=np.float64)
    for words in sequences:
        rows = [row_of.get(w, -1) for w in words]
        columns = [column_of.get(w, -1) for w in words]
        for i, r in enumerate(rows):
            if r < 0:
                continue
            for k, offset in enumerate(offsets):
                j = i + offset
                if 0 <= j < len(words) and columns[j] >= 0:
                    matrix[r, k * contexts + columns[j]] += 1
    total = matrix.sum()
    context_mass = matrix.sum(0, keepdims=True) ** 0.75  # smoothed: rare contexts weigh less
    context_mass *= total / context_mass.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.log(matrix * total / (matrix.sum(1, keepdims=True) * context_mass))
    ppmi = np.where(np.isfinite(ppmi) & (ppmi > 0), ppmi, 0.0)
    rng = np.random.default_rng(_SEED)
    basis = ppmi @ rng.standard_normal((ppmi.shape[1], dimensions + 20))  # randomized SVD
    for _ in range(2):
        basis, _ = np.linalg.qr(basis)
        basis = ppmi @ (ppmi.T @ basis)
    basis, _ = np.linalg.qr(basis)
    u, s, _ = np.linalg.svd(basis.T @ ppmi, full_matrices=False)
    vectors = (basis @ u[:, :dimensions]) * np.sqrt(s[:dimensions])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    classes = [_kmeans(vectors, k, rng) for k in sizes]
    return {w: tuple(int(c[i]) for c in classes) for i, w in enumerate(vocabulary)}


def _kmeans(vectors, k: int, rng, rounds: int = 25):
    """Spherical k-means: each word to the centre its vector points closest to."""
    import numpy as np

    centres = vectors[rng.choice(len(vectors), k, replace=False)].copy()
    for _ in range(rounds):
        nearest = np.argmax(vectors @ centres.T, axis=1)
        for j in range(k):
            members = vectors[nearest == j]
            if len(members):
                centres[j] = members.mean(0)
        centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-9
    return nearest


def write(table: dict[str, tuple[int, ...]], path: Path) -> None:
    """One word a line, its classes after it, tab-separated, in the table's order."""
    lines = ("\t".join((w, *map(str, c))) for w, c in table.items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read(path: Path) -> dict[str, tuple[str, ...]]:
    """{word: class numbers as strings}: ready to go into feature names."""
    return _parse(path.read_text(encoding="utf-8"))


@cache
def shipped() -> dict[str, tuple[str, ...]]:
    """The table that ships beside the model, read once."""
    from importlib.resources import files

    return _parse((files("quotes.extract") / "model" / TABLE).read_text(encoding="utf-8"))


def _parse(table: str) -> dict[str, tuple[str, ...]]:
    """Lines cut at newlines only: a word may hold any other character."""
    found = {}
    for line in table.split("\n"):
        if line:
            word, *classes = line.split("\t")
            found[word] = tuple(classes)
    return found
