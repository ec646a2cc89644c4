"""Many sources, one record: an utterance carried by several outlets, unnamed speakers that
stay apart, and the party a speaker spoke for at the time.

The articles are short texts written for these tests (no news article is copied), and
their speakers are invented: no real person is given words here.
"""

import json

import pytest

from tests.curation_helpers import write_source
from tests.helpers import copy_project, run

WIRE = (
    "Orlov calls for talks\n\n"
    "MOSCOW, March 3 - Foreign Minister Ivan Orlov said on Monday that "
    "“the talks must include every Afghan party.”\n\n"
    "A senior official said the meeting would go ahead.\n"
)
BROADCAST = (
    "Moscow wants wider talks\n\n"
    "Speaking in Moscow, Ivan Orlov said that “the talks must include every Afghan "
    "party.”\n\n"
    "A senior official said nothing had been decided.\n"
)
PAPER = (
    "Editorial notes\n\n"
    "Mr. Orlov said on Monday that “the talks must include every Afghan party,” a line "
    "our readers will know.\n"
)
ORLOV = "name: Ivan Orlov\nkind: person\nparty: russia\n"
SAID = "the talks must include every Afghan party."
CLAIM = "    claims:\n      kabul-must-lead-peace-process: asserts\n"


def _orlov(key: str, text: str, said: str, same_as: str | None = None) -> str:
    link = f"    same_as: {same_as}\n" if same_as else ""
    return (
        f"  - key: {key}\n    speaker: ivan-orlov\n    kind: direct\n"
        f"    text: {text}\n    said: {said}\n{link}{CLAIM}"
    )


def _official(key: str, text: str) -> str:
    return f"  - key: {key}\n    speaker: official\n    kind: indirect\n    text: {text}\n"


UNNAMED = "speakers:\n  - key: official\n    name: A senior official\n    party: russia\n"


@pytest.fixture
def project(tmp_path, blank_url):
    """Three sources: a wire story and a broadcast carrying one remark of Orlov's on
    2019-03-04, and a paper carrying it again; the wire and the broadcast each quote an
    unnamed official of their own."""
    data = copy_project(tmp_path)
    (data / "speakers" / "ivan-orlov.yaml").write_text(ORLOV, encoding="utf-8")
    write_source(
        data,
        "wire",
        WIRE,
        _orlov("orlov-talks", SAID, "2019-03-04")
        + _official("official-goes-ahead", "said the meeting would go ahead"),
        meta="  published: 2019-03-04\n" + UNNAMED,
    )
    write_source(
        data,
        "broadcast",
        BROADCAST,
        _orlov("orlov-talks", SAID, "2019-03-04", same_as="wire/orlov-talks")
        + _official("official-undecided", "said nothing had been decided"),
        meta="  published: 2019-03-05\n" + UNNAMED,
    )
    write_source(
        data,
        "paper",
        PAPER,
        _orlov(
            "orlov-repeats",
            "the talks must include every Afghan party,",
            "2019-03-04",
            same_as="broadcast/orlov-talks",
        ),
        meta="  published: 2019-03-06\n",
    )
    loaded = run(blank_url, "load", "--data", str(data))
    assert loaded.exit_code == 0, loaded.output
    return data, blank_url


def _keys(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [json.loads(line)["key"] for line in result.output.splitlines()]


def test_one_utterance_in_three_sources_counts_once_with_distinct(project):
    data, url = project
    sources = ("--source", "wire", "--source", "broadcast", "--source", "paper")
    every = _keys(run(url, "list", "--speaker", "Ivan Orlov", *sources, "--nl"))
    assert sorted(every) == ["broadcast/orlov-talks", "paper/orlov-repeats", "wire/orlov-talks"]
    once = run(url, "list", "--speaker", "Ivan Orlov", *sources, "--distinct", "--nl")
    [record] = [json.loads(line) for line in once.output.splitlines()]
    # The earliest report: all three were said 2019-03-04; the wire was published first.
    assert record["key"] == "wire/orlov-talks"
    assert record["utterance"] == "wire/orlov-talks"
    assert record["reports"] == 3
    assert record["other_reports"] == "broadcast/orlov-talks; paper/orlov-repeats"


def test_every_report_knows_its_utterance_and_show_lists_them(project):
    _, url = project
    shown = run(url, "show", "paper/orlov-repeats")
    assert shown.exit_code == 0, shown.output
    assert "reported by 3 sources (earliest first):" in shown.output
    listed = [line.strip() for line in shown.output.splitlines() if "/orlov-" in line]
    assert listed[1:] == ["wire/orlov-talks", "broadcast/orlov-talks", "* paper/orlov-repeats"]
    record = json.loads(run(url, "show", "paper/orlov-repeats", "--json").output)
    assert (record["utterance"], record["reports"]) == ("wire/orlov-talks", 3)


def test_claim_counts_say_reports_and_utterances(project):
    _, url = project
    rows = json.loads(run(url, "claims", "--json").output)
    claim = next(r for r in rows if r["key"] == "kabul-must-lead-peace-process")
    # The seed has 2 statements asserting it (two utterances); our sources add 3 reports of 1.
    assert (claim["asserts"], claim["reports"], claim["utterances"]) == (5, 5, 3)
    rows = json.loads(run(url, "claims", "--distinct", "--json").output)
    claim = next(r for r in rows if r["key"] == "kabul-must-lead-peace-process")
    assert claim["asserts"] == 3


def test_two_sources_unnamed_officials_stay_two_speakers(project):
    _, url = project
    wire = json.loads(run(url, "show", "wire/official-goes-ahead", "--json").output)
    broadcast = json.loads(run(url, "show", "broadcast/official-undecided", "--json").output)
    assert wire["speaker_key"] == "wire/official"
    assert broadcast["speaker_key"] == "broadcast/official"
    said = run(url, "said", "wire/official", "--nl")
    assert _keys(said) == ["wire/official-goes-ahead"]


def test_a_curator_links_two_unnamed_officials(project):
    data, url = project
    path = data / "sources" / "broadcast.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    party: russia\n", "    party: russia\n    same_as: wire/official\n", 1),
        encoding="utf-8",
    )
    assert run(url, "load", "--data", str(data)).exit_code == 0
    said = run(url, "said", "wire/official", "--nl")
    assert sorted(_keys(said)) == ["broadcast/official-undecided", "wire/official-goes-ahead"]


def test_same_as_with_another_speaker_is_refused(project):
    data, url = project
    path = data / "sources" / "paper.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("speaker: ivan-orlov", "speaker: ashraf-ghani"), "utf-8")
    checked = run(url, "check", "--data", str(data))
    assert checked.exit_code == 1
    assert (
        "statements[0].same_as: broadcast/orlov-talks is said by 'ivan-orlov', this "
        "statement by 'ashraf-ghani': reports of one utterance have one speaker"
    ) in checked.output


NADIA = """\
name: Nadia Karimi
kind: person
party: afghan-opposition
roles:
  - title: Minister of Mines
    party: afghan-government
    start: 2015-01
    end: 2018-06
  - title: Opposition leader
    party: afghan-opposition
    start: 2018-07
"""
CAREER = (
    "Karimi then and now\n\n"
    "In 2017 Nadia Karimi said the mines were safe.\n\n"
    "In 2020 Nadia Karimi said the government had failed.\n"
)


def test_by_party_follows_the_role_held_at_the_time(tmp_path, blank_url):
    data = copy_project(tmp_path)
    (data / "speakers" / "nadia-karimi.yaml").write_text(NADIA, encoding="utf-8")
    statements = "".join(
        f"  - key: {key}\n    speaker: nadia-karimi\n    kind: indirect\n"
        f"    text: {text}\n    said: {said}\n"
        for key, text, said in [
            ("mines-safe", "said the mines were safe", "2017"),
            ("government-failed", "said the government had failed", "2020"),
        ]
    )
    write_source(data, "career", CAREER, statements)
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    government = run(blank_url, "list", "--by", "afghan-government", "--source", "career", "--nl")
    opposition = run(blank_url, "list", "--by", "afghan-opposition", "--source", "career", "--nl")
    assert _keys(government) == ["career/mines-safe"]
    assert _keys(opposition) == ["career/government-failed"]
    records = [json.loads(line) for line in government.output.splitlines()]
    assert (records[0]["role_held"], records[0]["party"]) == (
        "Minister of Mines",
        "afghan-government",
    )


def test_the_web_page_of_a_report_lists_every_report_and_the_unnamed_speaker(project):
    from starlette.testclient import TestClient

    from quotes.web.app import create_app
    from quotes.web.database import read_only_engine

    data, url = project
    engine = read_only_engine(url)
    client = TestClient(create_app(engine, project=data.parent))
    page = client.get("/statements/broadcast/orlov-talks").text
    assert "Reported by 3 sources, earliest first" in page
    assert page.index('href="/statements/wire/orlov-talks"') < page.index(
        "<strong>this report</strong>"
    )
    assert page.index("<strong>this report</strong>") < page.index(
        'href="/statements/paper/orlov-repeats"'
    )
    official = client.get("/speakers/wire/official")
    assert official.status_code == 200
    assert "wire/official-goes-ahead" in official.text
    assert "broadcast/official-undecided" not in official.text
    engine.dispose()


def test_check_names_each_broken_link_unnamed_registry_speaker_and_shared_wikidata(tmp_path):
    import shutil

    from tests.helpers import PROJECT, edit

    example = tmp_path / "example"
    shutil.copytree(PROJECT / "examples" / "three-sources", example)
    data = example / "data"
    broadcast, paper = data / "sources" / "broadcast.yaml", data / "sources" / "paper.yaml"
    edit(broadcast, "same_as: wire/orlov-talks-include-kabul", "same_as: wire/orlov-talk")
    edit(broadcast, "    party: taliban\n", "    party: taliban\n    same_as: paper/nobody\n")
    edit(
        paper, "    speaker: farid-noori\n", "    speaker: farid-noori\n    role_held: President\n"
    )
    (data / "speakers" / "ghost.yaml").write_text("name: Ghost\nkind: unnamed\nwikidata: Q5\n")
    (data / "speakers" / "ghost2.yaml").write_text("name: Ghost2\nkind: person\nwikidata: Q5\n")
    checked = run("sqlite:///" + str(tmp_path / "none.db"), "check", "--data", str(data))
    assert checked.exit_code == 1
    lines = [line.removeprefix(str(data) + "/") for line in checked.stderr.splitlines()]
    assert lines == [
        "sources/broadcast.yaml:12: speakers[0].same_as: same_as names paper/nobody, which is "
        "not an unnamed speaker declared in sources/paper.yaml",
        "sources/broadcast.yaml:21: statements[0].same_as: no statement 'wire/orlov-talk' "
        "(sources/wire.yaml has none by that key)",
        "sources/paper.yaml:11: statements[0].role_held: 'farid-noori' has no role titled "
        "'President' in the registry (its roles: none)",
        "speakers/ghost.yaml:2: kind: an unnamed speaker belongs to the source that quotes it: "
        "declare it in that source file's `speakers:` list (two sources' unnamed officials are "
        "two speakers unless a curator links them with `same_as`)",
        f"speakers/ghost2.yaml:3: wikidata: Q5 is also the Wikidata id of {data}/speakers/"
        "ghost.yaml (line 3); an id names one speaker or party",
        "5 problem(s); fix them and run `quotes check` again.",
    ]


def test_an_undated_web_source_is_cited_with_its_access_date(tmp_path, blank_url):
    data = copy_project(tmp_path)
    (data / "speakers" / "ivan-orlov.yaml").write_text(ORLOV, encoding="utf-8")
    write_source(
        data,
        "undated",
        WIRE,
        _orlov("orlov-talks", SAID, "2019-03-04"),
        meta="  url: https://example.org/orlov\n  accessed: 2026-11-20\n",
    )
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    note = "“undated,” accessed November 20, 2026, https://example.org/orlov, par. 2."
    assert f"citation   {note}" in run(blank_url, "show", "undated/orlov-talks").output
    exported = run(blank_url, "export", "--source", "undated", "--format", "nl")
    assert json.loads(exported.stdout)["citation"] == note
