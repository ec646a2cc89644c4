"""Claim tracking, with expected answers from reading the article."""

import json

import pytest

from tests.helpers import copy_project, dump, run

SEED = "russia-falling-out-with-kabul/"


def nl(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_disputed_claims(seeded_url):
    found = nl(run(seeded_url, "claims", "--disputed", "--nl"))
    # Russia denies the talks were government-backed, a senior Taliban official asserts it;
    # Russian officials say they talk to the Taliban only for peace, observers doubt it.
    assert [c["key"] for c in found] == [
        "moscow-talks-government-backed",
        "russia-talks-to-taliban-only-for-peace",
    ]
    backed = found[0]
    assert (backed["asserts"], backed["denies"], backed["questions"], backed["speakers"]) == (
        1,
        1,
        0,
        2,
    )


def test_a_claim_with_one_position_is_not_disputed(seeded_url):
    everything = {c["key"]: c for c in nl(run(seeded_url, "claims", "--nl"))}
    assert everything["foreign-troops-should-withdraw"]["asserts"] == 3
    disputed = [c["key"] for c in nl(run(seeded_url, "claims", "--disputed", "--nl"))]
    assert "foreign-troops-should-withdraw" not in disputed
    assert "russia-armed-taliban" not in disputed


def test_government_backed_timeline_denial_then_assertion(seeded_url):
    events = nl(run(seeded_url, "claim", "moscow-talks-government-backed", "--nl"))
    assert [(e["key"].removeprefix(SEED), e["speaker_key"], e["position"]) for e in events] == [
        ("russia-denies-talks-government-backed", "russian-government", "denies"),
        (
            "taliban-official-contradicts-denials",
            "russia-falling-out-with-kabul/senior-taliban-official",
            "asserts",
        ),
    ]


def test_withdrawal_claim_has_two_asserting_speakers_on_27_may_2019(seeded_url):
    events = nl(run(seeded_url, "claim", "foreign-troops-should-withdraw", "--nl"))
    assert {e["speaker_key"] for e in events} == {"sergei-lavrov", "abdul-ghani-baradar"}
    assert {(e["position"], e["said"]) for e in events} == {("asserts", "2019-05-27")}


def test_claims_about_a_party(seeded_url):
    found = [c["key"] for c in nl(run(seeded_url, "claims", "--about", "kabul", "--nl"))]
    assert found == ["kabul-must-lead-peace-process", "russia-talks-to-taliban-only-for-peace"]


def test_unknown_claim_suggests_the_closest(seeded_url):
    result = run(seeded_url, "claim", "moscow-talks-goverment-backed")
    assert result.exit_code == 2
    assert "Did you mean 'moscow-talks-government-backed'?" in result.stderr


def test_positions_survive_a_reload_unchanged(tmp_path):
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'q.db'}"
    run(url, "load", "--data", str(data))
    before = dump(url)["claimposition"]
    timeline = run(url, "claim", "moscow-talks-government-backed", "--nl").stdout
    assert len(before) == 12
    run(url, "load", "--data", str(data))
    assert dump(url)["claimposition"] == before
    assert run(url, "claim", "moscow-talks-government-backed", "--nl").stdout == timeline


SECOND_TEXT = """Moscow Changes Its Story

In March 2020, a Russian Foreign Ministry spokesperson acknowledged that the February 2019
talks had been organised with the government's support.
"""


@pytest.fixture
def two_sources(tmp_path):
    """The seed and a second (made-up) article whose statement takes a side on the same claim."""
    data = copy_project(tmp_path)
    (tmp_path / "seeds" / "second.txt").write_text(SECOND_TEXT, encoding="utf-8")
    (data / "sources" / "second.yaml").write_text(
        "source:\n  title: Moscow Changes Its Story\n  published: 2020-04\n"
        "  text: seeds/second.txt\n"
        "statements:\n"
        "  - key: ministry-acknowledges-backing\n    speaker: russian-government\n"
        "    speaker_as_written: a Russian Foreign Ministry spokesperson\n    kind: indirect\n"
        "    text: |-\n      acknowledged that the February 2019\n"
        "      talks had been organised with the government's support\n"
        "    cue: acknowledged\n    said: 2020-03\n    said_basis: stated\n"
        "    claims:\n      moscow-talks-government-backed: asserts\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'q.db'}"
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output
    return url


def test_one_timeline_across_two_sources(two_sources):
    events = nl(run(two_sources, "claim", "moscow-talks-government-backed", "--nl"))
    assert [(e["source_key"], e["position"]) for e in events] == [
        ("russia-falling-out-with-kabul", "denies"),
        ("russia-falling-out-with-kabul", "asserts"),
        ("second", "asserts"),
    ]


def test_a_speaker_who_changed_position_is_pointed_out(two_sources):
    result = run(two_sources, "claim", "moscow-talks-government-backed")
    assert result.exit_code == 0
    summary = result.stdout.split("Who stands where:\n")[1].splitlines()
    assert summary == [
        "  Government of Russia: denies (2019-01/2019-02), then asserts (2020-03)"
        "  <- changed position",
        "  A senior Taliban official: asserts (2019-02)",
    ]
