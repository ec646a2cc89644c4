"""`quotes check`: validation without writing, and anchors that moved or broke."""

import re
import unicodedata
from datetime import date

from quotes.curation import anchor
from tests.curation_helpers import write_source
from tests.helpers import SEED, copy_project, dump, edit, line_of, run


def test_check_on_the_curated_record_passes_and_writes_nothing(tmp_path):
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'never.db'}"
    result = run(url, "check", "--data", str(data))
    assert result.exit_code == 0
    assert result.stderr == (
        "ok: 1 source(s), 22 statement(s) anchored, 13 speakers (and 1 unnamed in the sources), "
        "9 parties, 6 claims\n"
    )
    assert not (tmp_path / "never.db").exists()


def test_a_changed_source_text_lists_every_moved_and_broken_anchor(tmp_path):
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    assert run(url, "load", "--data", str(data)).exit_code == 0
    before = dump(url)
    text = data.parent / "seeds" / f"{SEED}.txt"
    # Two characters added before everything; one quoted word changed.
    edit(
        text,
        "Russia’s Falling Out With Kabul\n\nRecent",
        "A Russia’s Falling Out With Kabul\n\nRecent",
    )
    edit(text, "Russian experts of human studies", "Russian experts on human studies")

    result = run(url, "check", "--data", str(data))

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    source = data / "sources" / f"{SEED}.yaml"
    assert lines[0].startswith(f"{source}:15: source.sha256: seeds/{SEED}.txt has changed since")
    assert lines[1].startswith(
        f"{source}:{line_of(source, 'Russian experts of human')}: "
        "statements[9].text: the text is not in the source"
    )
    moved = [line for line in lines if "its anchor moved" in line]
    broke = [line for line in lines if "its anchor broke" in line]
    assert len(moved) == 21
    assert moved[0] == (
        f"{source}:{line_of(source, 'key: lavrov-urges-withdrawal')}: statement "
        f"lavrov-urges-withdrawal: its anchor moved from 625-686 to 627-688 in seeds/{SEED}.txt; "
        "check it still says the same"
    )
    assert broke == [
        f"{source}: statement saleh-stunning-experience: its anchor broke: the text loaded at "
        f"3824-3882 is no longer in seeds/{SEED}.txt"
    ]
    assert lines[-1] == "24 problem(s); fix them and run `quotes check` again."
    assert dump(url) == before


def _seed_file(data):
    return data / "sources" / f"{SEED}.yaml"


def _check_lines(data, url="sqlite://"):
    result = run(url, "check", "--data", str(data))
    assert result.exit_code == 1
    return result.stderr.splitlines()


def test_every_problem_of_a_file_in_one_run_sorted_by_line(tmp_path):
    """A bad position used to stop the file's reference checks: four runs for four fixes."""
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(path, "      russia-armed-taliban: asserts\n", "      russia-arms-taliban: asserts\n")
    edit(
        path,
        "      moscow-talks-government-backed: denies\n",
        "      moscow-talks-government-backed: denys\n",
    )
    edit(path, "    speaker: oleg-barabanov\n", "    speaker: oleg-barabanow\n")
    edit(
        path,
        "      russia: supportive\n      afghan-government: supportive\n",
        "      russia: supportive\n      Kabul: supportive\n",
    )
    assert _check_lines(data) == [
        f"{path}:{line_of(path, 'russia-arms-taliban')}: statements[13].claims."
        "russia-arms-taliban: unknown claim 'russia-arms-taliban'. Did you mean "
        f"'russia-armed-taliban'? Known claims are in {data}/claims.yaml",
        f"{path}:{line_of(path, 'denys')}: statements[15].claims.moscow-talks-government-backed:"
        " 'denys' is not allowed here. Did you mean 'denies'? Use one of: asserts, denies, "
        "questions",
        f"{path}:{line_of(path, 'oleg-barabanow')}: statements[18].speaker: unknown speaker "
        "'oleg-barabanow'. Did you mean 'oleg-barabanov'? Known speakers are in "
        f"{data}/speakers/",
        f"{path}:{line_of(path, 'Kabul: supportive')}: statements[21].stances.Kabul: unknown "
        "party 'Kabul'. 'Kabul' is an alias of 'afghan-government': use the key. Known parties "
        f"are in {data}/parties.yaml",
        "4 problem(s); fix them and run `quotes check` again.",
    ]


def test_one_bad_registry_entry_keeps_the_others(tmp_path):
    """One bad field in parties.yaml used to drop the whole registry: 54 false "unknown
    party" lines followed. Now: one line, and no statement loses its parties."""
    data = copy_project(tmp_path)
    parties = data / "parties.yaml"
    edit(
        parties,
        "  - key: russia\n    name: Government of the Russian Federation\n    kind: government\n",
        "  - key: russia\n    name: Government of the Russian Federation\n    kind: empire\n",
    )
    assert _check_lines(data) == [
        f"{parties}:{line_of(parties, 'kind: empire')}: parties[2].kind: 'empire' is not "
        "allowed here. Use one of: government, state, movement, opposition, organization",
        "1 problem(s); fix them and run `quotes check` again.",
    ]


def test_a_whitespace_text_is_refused_in_one_short_line(tmp_path):
    blank = 'text: "  "'
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(
        path,
        "    text: urged the swift withdrawal of foreign troops from Afghanistan\n",
        f"    {blank}\n",
    )
    assert _check_lines(data) == [
        f"{path}:{line_of(path, blank)}: statements[0].text: the text is only blank "
        "space; copy the words as the source prints them",
        "1 problem(s); fix them and run `quotes check` again.",
    ]


def test_a_text_found_many_times_lists_a_few_offsets(tmp_path):
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(
        path,
        "    text: urged the swift withdrawal of foreign troops from Afghanistan\n",
        "    text: Russia\n",
    )
    source = (data.parent / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer("Russia", source)]
    assert len(starts) == 40
    assert _check_lines(data) == [
        f"{path}:{line_of(path, 'text: Russia')}: statements[0].text: the text occurs 40 times "
        f"(at offsets {', '.join(map(str, starts[:5]))} and 35 more); add `occurrence: N` "
        "(1 = first) or `before:`/`after:` with the words around the one you mean",
        "1 problem(s); fix them and run `quotes check` again.",
    ]


def test_a_unicode_normalization_difference_is_named_as_such(tmp_path):
    data = copy_project(tmp_path)
    composed = "Le ministre a déclaré que la paix était proche."
    decomposed = unicodedata.normalize("NFD", "a déclaré que la paix était proche")
    assert decomposed not in composed  # the same letters, other code points
    path = write_source(
        data,
        "paix-proche",
        composed,
        f"  - key: paix\n    speaker: sergei-lavrov\n    kind: indirect\n    text: {decomposed}\n",
    )
    assert _check_lines(data) == [
        f"{path}:{line_of(path, 'text: a d')}: statements[0].text: the text is not in the "
        "source as written, but the source has the same letters in another Unicode "
        "normalization (NFC/NFD); copy the text from the source file",
        "1 problem(s); fix them and run `quotes check` again.",
    ]


def test_a_role_that_ends_before_it_starts(tmp_path):
    data = copy_project(tmp_path)
    speaker = data / "speakers" / "amrullah-saleh.yaml"
    edit(
        speaker, "    start: 2018-12\n    end: 2019-01\n", "    start: 2019-12\n    end: 2019-01\n"
    )
    assert _check_lines(data) == [
        f"{speaker}:{line_of(speaker, 'end: 2019-01')}: roles[1].end: the role ends (2019-01) "
        "before it starts (2019-12); check the dates",
        "1 problem(s); fix them and run `quotes check` again.",
    ]


def test_a_party_that_is_its_own_parent(tmp_path):
    data = copy_project(tmp_path)
    parties = data / "parties.yaml"
    edit(parties, "    parent: taliban\n", "    parent: taliban-government\n")
    assert _check_lines(data) == [
        f"{parties}:{line_of(parties, 'parent: taliban-government')}: parties[1].parent: party "
        "'taliban-government' is its own parent; remove `parent` or name another",
        "1 problem(s); fix them and run `quotes check` again.",
    ]


def test_parents_that_go_round_in_a_circle(tmp_path):
    data = copy_project(tmp_path)
    parties = data / "parties.yaml"
    edit(
        parties,
        "  - key: taliban\n    name: Taliban\n",
        "  - key: taliban\n    parent: taliban-government\n    name: Taliban\n",
    )
    assert _check_lines(data) == [
        f"{parties}:{line_of(parties, 'parent: taliban')}: parties[1].parent: parents go round "
        "in a circle (taliban-government → taliban → taliban-government); a party cannot be "
        "its own ancestor: remove one of these `parent` fields",
        "1 problem(s); fix them and run `quotes check` again.",
    ]


def test_a_future_date_is_refused_when_the_source_has_no_publication_date(tmp_path):
    data = copy_project(tmp_path)
    today = date.today()
    path = write_source(
        data,
        "undated",
        "The minister said that the talks will resume in spring.",
        "  - key: resume\n    speaker: sergei-lavrov\n    kind: indirect\n"
        "    text: the talks will resume in spring\n    said: 2999-01\n",
    )
    dated = write_source(
        data,
        "dated-ahead",
        "The minister said that the talks will resume in spring.",
        "  - key: resume\n    speaker: sergei-lavrov\n    kind: indirect\n"
        "    text: the talks will resume in spring\n",
        meta="  published: 2999\n",
    )
    assert _check_lines(data) == [
        f"{dated}:{line_of(dated, 'published: 2999')}: source.published: 2999 is in the "
        f"future (today is {today.isoformat()}); check the date",
        f"{path}:{line_of(path, 'said: 2999-01')}: statements[0].said: 2999-01 is in the "
        f"future (today is {today.isoformat()}); check the date",
        "2 problem(s); fix them and run `quotes check` again.",
    ]


MISQUOTED = (
    "    text: Russian experts of human studies had a stunning experience\n",
    '    text: "\\"Russian experts of human studies had a stunning experience\\""\n',
)


def test_the_closest_passage_search_is_bounded_and_says_so(tmp_path, monkeypatch):
    # The seed has some 1,300 word starts; a budget of 100 windows cuts the search short,
    # and the windows where the text's own words sit come first, so it still finds them.
    monkeypatch.setattr(anchor, "SEARCH_WORK", 1)
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(path, *MISQUOTED)
    assert _check_lines(data)[0] == (
        f"{path}:{line_of(path, 'Russian experts of human')}: statements[9].text: the text is "
        "not in the source; closest passage (97% alike) at offset 3823: '“Russian experts of "
        "human studies had a stunning experience,'; first difference at character 0: '\"' "
        "here, '“' in the source; the search was cut short on this long source: a closer "
        "passage may exist"
    )


def test_a_run_searches_for_closest_passages_a_bounded_number_of_times(tmp_path, monkeypatch):
    monkeypatch.setattr(anchor, "SEARCHES", 1)
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(path, *MISQUOTED)
    edit(
        path,
        "    text: urged the swift withdrawal of foreign troops from Afghanistan\n",
        "    text: urged the slow withdrawal of foreign troops from Afghanistan\n",
    )
    lines = _check_lines(data)
    assert lines[0].startswith(
        f"{path}:{line_of(path, 'the slow withdrawal')}: statements[0].text: the text is not "
        "in the source; closest passage"
    )
    assert lines[1] == (
        f"{path}:{line_of(path, 'Russian experts of human')}: statements[9].text: the text is "
        "not in the source (no closest passage shown: this run has searched for 1 already; "
        "fix those first)"
    )


def test_the_paragraph_index_is_built_once_per_source(tmp_path, monkeypatch):
    """Rebuilt per statement, it made one source of 20,000 statements take 66 s to check."""
    built = []
    real = anchor._paragraph_starts
    monkeypatch.setattr(anchor, "_paragraph_starts", lambda text: built.append(1) or real(text))
    data = copy_project(tmp_path)
    result = run("sqlite://", "check", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert len(built) == 1  # one source, 22 statements


def test_an_unreadable_registry_is_one_problem_not_one_per_reference(tmp_path):
    data = copy_project(tmp_path)
    parties = data / "parties.yaml"
    edit(parties, "  - key: russia\n", "  - key: [russia\n")
    lines = _check_lines(data)
    assert len(lines) == 2
    assert lines[0].startswith(f"{parties}:")
    assert ": malformed YAML: " in lines[0]
    assert lines[1] == "1 problem(s); fix them and run `quotes check` again."


def test_a_bracket_left_open_is_reported_where_it_opens(tmp_path):
    data = copy_project(tmp_path)
    parties = data / "parties.yaml"
    line = parties.read_text().splitlines().index("  - key: russia") + 1
    edit(parties, "  - key: russia\n", "  - key: [russia\n")
    (first, _) = _check_lines(data)
    # The parser notices on a later line; the line to fix is the one the bracket opens.
    assert first.startswith(f"{parties}:{line}: ")
    assert "flow sequence begun here" in first


def test_a_line_out_of_place_in_a_block_is_reported_on_that_line(tmp_path):
    """A curator's slip inside `statements:` was reported on the `statements:` line, where
    the block began, dozens of lines above the mistake."""
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(path, "    cue: sarcastically stating\n", "    cue: sarcastically stating\n   note: x\n")
    line = line_of(path, "   note: x")
    assert line - line_of(path, "statements:") > 100  # far from where the block begins

    (first, _) = _check_lines(data)

    assert first.startswith(f"{path}:{line}: malformed YAML: ")


def test_straight_quotes_inside_a_quoted_text_are_reported_on_their_line(tmp_path):
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(
        path,
        "    text: Russian experts of human studies had a stunning experience\n",
        '    text: "Russian "experts" of human studies had a stunning experience"\n',
    )

    line = line_of(path, 'text: "Russian "experts"')

    (first, _) = _check_lines(data)

    assert first.startswith(f"{path}:{line}: malformed YAML: ")


def test_a_value_of_the_wrong_shape_says_what_was_expected_and_found(tmp_path):
    """Pydantic's "Input should be a valid dictionary or instance of StatementEntry" named a
    class the curator never sees."""
    data = copy_project(tmp_path)
    path = _seed_file(data)
    edit(
        path,
        "  - key: lavrov-urges-withdrawal\n",
        "  - just text\n  - key: lavrov-urges-withdrawal\n",
    )
    (data / "sources" / "listed.yaml").write_text("- a\n- b\n", encoding="utf-8")

    lines = _check_lines(data)

    listed = data / "sources" / "listed.yaml"
    assert f"{listed}:1: expected fields written as `name: value` lines, found a list" in lines
    assert (
        f"{path}:{line_of(path, '  - just text')}: statements[0]: expected fields written as "
        "`name: value` lines, found the text 'just text'"
    ) in lines
    assert not [line for line in lines if "Input should" in line]
