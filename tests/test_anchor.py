"""Anchoring in one source: occurrences found in one pass, paragraphs counted once."""

import pytest

from quotes.curation import anchor
from quotes.curation.anchor import SourceIndex, occurrences

TEXT = "banana bandana. An ana\n\nbanana again"


@pytest.fixture(autouse=True)
def _always_one_pass(monkeypatch):
    """One pass pays on long sources only; these short ones must take it too."""
    monkeypatch.setattr(anchor, "ONE_PASS", 0)


def test_one_pass_finds_what_one_search_a_text_finds():
    texts = ["ana", "banana", "an", "bandana", "missing", "a"]
    index = SourceIndex(TEXT)
    index.find_all(texts)
    # By hand: "ana" starts at 1, 3, 11, 19, 25 and 27 (overlapping ones included).
    assert index.occurrences("ana") == [1, 3, 11, 19, 25, 27]
    assert index.occurrences("banana") == [0, 24]
    assert index.occurrences("missing") == []
    for text in texts:
        assert index.occurrences(text) == occurrences(TEXT, text)


def test_texts_found_everywhere_fall_back_to_a_search_each(monkeypatch):
    monkeypatch.setattr(anchor, "MAX_MATCHES", 3)
    index = SourceIndex(TEXT)
    index.find_all(["a", "an"])
    assert index.occurrences("a") == occurrences(TEXT, "a")
    assert len(index.occurrences("a")) == 13  # 3 + 3 + 2 + 3 + 2, word by word


@pytest.mark.parametrize(
    ("offset", "paragraph"),
    [(0, 1), (14, 1), (21, 1), (23, 1), (24, 2), (30, 2)],
)
def test_paragraphs_from_the_first_character_of_each(offset, paragraph):
    # "banana bandana. An ana" is paragraph 1 (offsets 0-21), a blank line, then paragraph 2
    # from offset 24; offsets in the blank line still belong to the first.
    assert SourceIndex(TEXT).paragraph(offset) == paragraph
