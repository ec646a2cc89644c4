"""Bad curated input: one clear line naming file, line and field; exit 1; database untouched."""

import pytest

from tests.helpers import SEED, copy_project, dump, edit, line_of, run


@pytest.fixture
def project(tmp_path):
    """A loaded copy of the curated project, and the URL of its database."""
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    assert run(url, "load", "--data", str(data)).exit_code == 0
    return data, url


def _source(data):
    return data / "sources" / f"{SEED}.yaml"


# (what is changed, into what, the field named, the message); the line is found by reading
# the edited file for the changed text.
CASES = {
    "unknown field": (
        "  - key: lavrov-urges-withdrawal\n    speaker: sergei-lavrov\n",
        "  - key: lavrov-urges-withdrawal\n    spekaer: sergei-lavrov\n",
        "spekaer",
        "statements[0].spekaer: unknown field. Did you mean 'speaker' or 'speakers'? "
        "See the README for the format",
    ),
    "missing required field": (
        "    kind: direct\n",
        "",
        "key: saleh-stunning-experience",
        "statements[9].kind: required field is missing",
    ),
    "unknown speaker": (
        "    speaker: oleg-barabanov\n",
        "    speaker: oleg-barabanow\n",
        "oleg-barabanow",
        "statements[18].speaker: unknown speaker 'oleg-barabanow'. Did you mean 'oleg-barabanov'?"
        " Known speakers are in {data}/speakers/",
    ),
    "party alias instead of key": (
        "      russia: supportive\n      afghan-government: supportive\n",
        "      russia: supportive\n      Kabul: supportive\n",
        "Kabul: supportive",
        "statements[21].stances.Kabul: unknown party 'Kabul'. 'Kabul' is an alias of "
        "'afghan-government': use the key. Known parties are in {data}/parties.yaml",
    ),
    "unknown stance": (
        "      afghan-opposition: critical\n    claims:\n      talks-without-kabul",
        "      afghan-opposition: hostile\n    claims:\n      talks-without-kabul",
        "afghan-opposition: hostile",
        "statements[6].stances.afghan-opposition: 'hostile' is not allowed here. Use one of: "
        "critical, supportive, neutral, mixed",
    ),
    "unknown kind": (
        "    kind: direct\n",
        "    kind: quote\n",
        "kind: quote",
        "statements[9].kind: 'quote' is not allowed here. Use one of: direct, partial, indirect",
    ),
    "impossible date": (
        "    said: 2016-12-26\n    said_as_written: On December 26, 2016\n    said_basis: stated\n"
        "    context: Moscow meeting of Russia, China and Pakistan on Afghanistan, December 2016\n"
        "    stances:\n      russia: critical\n      china",
        "    said: 2016-02-30\n    said_as_written: On December 26, 2016\n    said_basis: stated\n"
        "    context: Moscow meeting of Russia, China and Pakistan on Afghanistan, December 2016\n"
        "    stances:\n      russia: critical\n      china",
        "said: 2016-02-30",
        "statements[3].said: '2016-02-30' is not a valid EDTF date (e.g. 2019-05-27, 2016-12, "
        "2019-04-21/2019-04-30, ../2019-02, 2019-04~)",
    ),
    "date after publication": (
        "    said: 2019/2019-09-27\n",
        "    said: 2019-10/2019-11\n",
        "said: 2019-10/2019-11",
        "statements[20].said: 2019-10/2019-11 is after the source was published (2019-09-27); "
        "check the date",
    ),
    "duplicate statement key": (
        "  - key: saleh-opposition-betrayed-public\n",
        "  - key: saleh-stunning-experience\n",
        ("key: saleh-stunning-experience", 2),
        "statements[10].key: duplicate key 'saleh-stunning-experience' (first at line {first}); "
        "keys must be unique",
    ),
    "text not in source": (
        "    text: Russian experts of human studies had a stunning experience\n",
        '    text: "\\"Russian experts of human studies had a stunning experience\\""\n',
        "Russian experts of human",
        "statements[9].text: the text is not in the source; closest passage (97% alike) at "
        "offset 3823: '“Russian experts of human studies had a stunning experience,'; first "
        "difference at character 0: '\"' here, '“' in the source",
    ),
    "missing source text": (
        "  text: seeds/russia-falling-out-with-kabul.txt\n",
        "  text: seeds/russia-falling-out.txt\n",
        "text: seeds/russia-falling-out.txt",
        "source.text: source text 'seeds/russia-falling-out.txt' not found (looked in "
        "{data.parent}/seeds/russia-falling-out.txt); paths are relative to the project folder",
    ),
    "misspelt position": (
        "      moscow-talks-government-backed: denies\n",
        "      moscow-talks-government-backed: denys\n",
        "denys",
        "statements[15].claims.moscow-talks-government-backed: 'denys' is not allowed here. "
        "Did you mean 'denies'? Use one of: asserts, denies, questions",
    ),
    "unknown claim": (
        "      russia-armed-taliban: asserts\n",
        "      russia-arms-taliban: asserts\n",
        "russia-arms-taliban",
        "statements[13].claims.russia-arms-taliban: unknown claim 'russia-arms-taliban'. "
        "Did you mean 'russia-armed-taliban'? Known claims are in {data}/claims.yaml",
    ),
    "draft statement": (
        "  - key: saleh-scorpion-genes\n",
        "  - key: saleh-scorpion-genes\n    status: draft\n",
        "status: draft",
        "statements[20].status: this statement is a draft; review it against the source, then "
        "set `status: reviewed`",
    ),
    "duplicate field": (
        "    kind: direct\n",
        "    kind: direct\n    kind: direct\n",
        ("kind: direct", 2),
        "statements[9].kind: given twice; keep one",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_with_one_clear_line(project, case):
    data, url = project
    old, new, marker, message = CASES[case]
    path = _source(data)
    edit(path, old, new)
    before = dump(url)

    result = run(url, "load", "--data", str(data))

    assert result.exit_code == 1
    first = line_of(path, "key: saleh-stunning-experience")
    marker, occurrence = marker if isinstance(marker, tuple) else (marker, 1)
    line = line_of(path, marker, occurrence)
    expected = f"{path}:{line}: " + message.format(data=data, first=first)
    assert result.stderr.splitlines() == [expected, "1 problem(s); nothing was loaded."]
    assert "Traceback" not in result.output
    assert dump(url) == before
    checked = run(url, "check", "--data", str(data))
    assert checked.exit_code == 1
    assert checked.stderr.splitlines()[0] == expected


def test_malformed_yaml_names_the_line(project):
    data, url = project
    path = _source(data)
    edit(path, "    cue: urged\n", "    cue: [urged\n")
    before = dump(url)
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:")
    assert ": malformed YAML: " in result.stderr.splitlines()[0]
    assert dump(url) == before


def test_unknown_party_in_a_speaker_file(project):
    data, url = project
    path = data / "speakers" / "sergei-lavrov.yaml"
    edit(path, "party: russia\naliases", "party: rusia\naliases")
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}:3: party: unknown party 'rusia'. Did you mean 'russia'? "
        f"Known parties are in {data}/parties.yaml"
    )


def test_a_registry_entry_still_cited_cannot_be_dropped(project):
    data, url = project
    before = dump(url)
    (data / "speakers" / "oleg-barabanov.yaml").unlink()
    other = data.parent / "elsewhere"
    other.mkdir()
    # Loading no source at all: the speaker is gone from the registry but still cited.
    result = run(url, "load", "--data", str(data), str(other))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "data/speakers/: speaker: 'oleg-barabanov' is no longer in data/speakers/, but 1 "
        "statement(s) in the database cite it; put it back or load the sources that cite it"
    )
    assert dump(url) == before
