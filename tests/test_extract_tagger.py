"""The trained tagger: gold spans to labels and back, and the shipped model loads and tags."""

from quotes.extract import tagger, wordclusters

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


def test_word_classes_put_words_with_the_same_neighbours_together():
    # Two kinds of word in the same slots: reporting verbs after a name, nouns after "the".
    names, verbs, nouns = ["ivan", "olga", "pyotr"], ["said", "argued", "claimed"], ["tax", "rent"]
    sentences = [
        [name, verb, "that", "the", noun, "rose", "."]
        for name in names
        for verb in verbs
        for noun in nouns
    ]
    table = wordclusters.build(sentences, least=1, dimensions=4, sizes=(2, 4))
    assert set(table) == {*names, *verbs, *nouns, "that", "the", "rose", "."}
    assert all(len(classes) == 2 for classes in table.values())
    assert table["said"][1] == table["argued"][1] == table["claimed"][1]
    assert table["tax"][1] == table["rent"][1] != table["said"][1]
    assert table["ivan"][1] == table["olga"][1] == table["pyotr"][1] != table["said"][1]
    assert wordclusters.build(sentences, least=1, dimensions=4, sizes=(2, 4)) == table


def test_a_word_class_table_is_written_and_read_back(tmp_path):
    path = tmp_path / "clusters.tsv"
    wordclusters.write({"said": (3, 17, 250), "ivan": (0, 5, 9)}, path)
    assert path.read_text() == "said\t3\t17\t250\nivan\t0\t5\t9\n"
    assert wordclusters.read(path) == {"said": ("3", "17", "250"), "ivan": ("0", "5", "9")}


def test_features_name_the_word_class_of_a_word_and_of_its_neighbours():
    text = "Ivanova argued that rents rose."
    (tokens,) = tagger.paragraphs(text)
    rows = tagger.features(text, tokens, clusters={"argued": ("4", "40", "400")})
    assert {"c0=4", "c1=40", "c2=400"} <= set(rows[1])
    assert "c=unk" in rows[0] and not any(f.startswith("c0=") for f in rows[0])
    assert {"1:c1=40", "1:c2=400"} <= set(rows[0])  # the next word's finer classes
    assert {"-1:c1=40", "-1:c2=400"} <= set(rows[2])
    assert "-1:c=unk" in rows[1]


def test_the_shipped_word_classes_load_and_the_model_sees_them():
    table = wordclusters.shipped()
    assert len(table["said"]) == len(wordclusters.SIZES)
    (tokens,) = tagger.paragraphs(TEXT)
    row = tagger.features(TEXT, tokens)[1]  # "said", with the shipped table
    assert f"c0={table['said'][0]}" in row
