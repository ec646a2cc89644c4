"""The trained tagger: gold spans to labels and back, and the shipped model loads and tags."""

from quotes.extract import tagger

TEXT = "Smith said that taxes would rise."


def test_labels_and_spans_round_trip_with_a_nested_attribution_inside_a_content():
    text = "Jones wrote that Smith said taxes rise."
    (tokens,) = tagger.paragraphs(text)
    assert [t.text for t in tokens] == [
        "Jones", "wrote", "that", "Smith", "said", "taxes", "rise", ".",
    ]  # fmt: skip
    spans = [
        tagger.Span("source", 0, 5),
        tagger.Span("cue", 6, 11),
        tagger.Span("content", 12, 38),  # "that Smith said taxes rise"
        tagger.Span("source", 17, 22),
        tagger.Span("cue", 23, 27),
        tagger.Span("content", 28, 38),
    ]
    labels = tagger.labels(tokens, spans)
    assert labels == [
        "B-source", "B-cue", "B-content", "B-source", "B-cue", "B-content", "I-content", "O",
    ]  # fmt: skip
    assert tagger.decode(tokens, labels) == [
        tagger.Span("source", 0, 5),
        tagger.Span("cue", 6, 11),
        tagger.Span("content", 12, 16),
        tagger.Span("source", 17, 22),
        tagger.Span("cue", 23, 27),
        tagger.Span("content", 28, 38),
    ]


def test_the_shipped_model_loads_from_the_package_and_finds_a_plain_attribution():
    found = {(s.role, TEXT[s.start : s.end]) for s in tagger.tag(TEXT)}
    assert ("cue", "said") in found
    assert ("source", "Smith") in found
