"""The shipped model is what the training script builds from the corpus as extract reads it now."""

from importlib.resources import files
from pathlib import Path

import pytest

from quotes.extract import polnear, train, wordclusters

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "polnear"


def test_the_shipped_model_was_trained_on_the_corpus_as_extract_reads_it_now():
    """Typesetting, tokens and the rules' hints all feed the tagger's features: a change to
    any of them after the model was trained leaves it reading text it never saw in training,
    and no longer the model the script rebuilds (retrain: python -m quotes.extract.train)."""
    if not POLNEAR.is_dir():
        pytest.fail(f"PolNeAR is not beside the project: {POLNEAR}")
    shipped = (files("quotes.extract") / "model" / train.INPUTS).read_text(encoding="utf-8")
    training = polnear.articles(POLNEAR, "train")
    now = train.fingerprint(train.sequences(training, wordclusters.shipped()))
    assert len(now) == 64
    assert shipped.strip() == now, "stale model: run .venv/bin/python -m quotes.extract.train"


def test_the_digest_changes_with_one_feature_or_one_label():
    paragraph = ([["w=kabul", "title"], ["w=said", "cue"]], ["B-source", "B-cue"])
    other_feature = ([["w=kabul", "title"], ["w=said", "quoted"]], ["B-source", "B-cue"])
    other_label = ([["w=kabul", "title"], ["w=said", "cue"]], ["B-source", "O"])
    split = ([["w=kabul", "title"]], ["B-source"]), ([["w=said", "cue"]], ["B-cue"])
    digests = {
        train.fingerprint(paragraphs)
        for paragraphs in ([paragraph], [other_feature], [other_label], list(split))
    }
    assert len(digests) == 4
    assert train.fingerprint([paragraph]) == train.fingerprint([paragraph])
