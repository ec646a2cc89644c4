"""Questions analysts ask, answered from the seed; expected answers come from the article."""

import json

import pytest

from tests.helpers import dump, run

SEED = "russia-falling-out-with-kabul/"


def keys(url, *args) -> list[str]:
    result = run(url, *args, "--nl")
    assert result.exit_code == 0, result.output
    return [json.loads(line)["key"].removeprefix(SEED) for line in result.stdout.splitlines()]


def test_everything_amrullah_saleh_said_oldest_first(seeded_url):
    # "Recently" (2019 onward) sorts before the comments on the May 27 talks; those two come
    # in the order the article gives them.
    expected = [
        "saleh-scorpion-genes",
        "saleh-stunning-experience",
        "saleh-opposition-betrayed-public",
    ]
    assert keys(seeded_url, "said", "Amrullah Saleh") == expected
    assert keys(seeded_url, "said", "saleh") == expected
    assert keys(seeded_url, "said", "AMRULLAH SALEH") == expected
    assert keys(seeded_url, "list", "--speaker", "amrullah-saleh") == expected


def test_names_match_ignoring_accents_and_unique_parts(seeded_url):
    assert keys(seeded_url, "said", "Lávrov") == [
        "lavrov-urges-withdrawal",
        "lavrov-calls-for-intra-afghan-dialogue",
        "lavrov-joint-call-us-withdrawal",
    ]
    assert keys(seeded_url, "said", "Sergey Lavrov")[0] == "lavrov-urges-withdrawal"


CRITICAL_OF_MOSCOW = {
    # Afghan officials, December 2016, and "Ghani-aligned officials" since then
    "afghan-officials-illegitimate-and-dubious",
    "afghan-officials-warn-against-meddling",
    "ghani-aligned-officials-discontent",
    # MP Fariba Ahmadi Kakar and the Afghan Foreign Ministry, ahead of February 2019
    "kakar-warns-complicate-peace",
    "foreign-ministry-predicts-no-peace",
    "foreign-ministry-urges-afghan-led-settlement",
    # Saleh's sarcasm about the "Russian experts of human studies"
    "saleh-stunning-experience",
    # the U.S. allegation of arms transfers, and the scepticism it fed
    "us-alleges-arms-transfers",
    "observers-skeptical-of-russian-claims",
}


@pytest.mark.parametrize("name", ["moscow", "Moscow", "russia", "the Kremlin", "kremlin"])
def test_statements_critical_of_moscow(seeded_url, name):
    assert set(keys(seeded_url, "list", "--critical-of", name)) == CRITICAL_OF_MOSCOW


def test_nothing_in_the_article_is_critical_of_kabul(seeded_url):
    # The article reports criticism flowing from Kabul, not toward it.
    result = run(seeded_url, "list", "--critical-of", "kabul")
    assert result.exit_code == 0
    assert result.stdout.endswith("No statements match.\n")
    assert run(seeded_url, "list", "--critical-of", "kabul", "--json").stdout == "[]\n"


def test_statements_about_kabul_are_all_supportive(seeded_url):
    assert set(keys(seeded_url, "list", "--about", "Kabul")) == {
        "russian-officials-kabul-leading-role",
        "foreign-ministry-urges-afghan-led-settlement",
        "russian-officials-only-to-facilitate-peace",
        "heidari-close-relationship-with-russia",
    }
    assert keys(seeded_url, "list", "--about", "kabul", "--stance", "critical") == []


def test_a_date_range_overlaps_possible_dates(seeded_url):
    # December 2016 to February 2017: the two statements of 26 December 2016, the Russian
    # reply around the February 2017 talks, the "since December 2016" discontent, and the
    # statements the article leaves undated (open start), which may fall in the range.
    found = keys(seeded_url, "list", "--since", "2016-12", "--until", "2017-02")
    assert set(found) == {
        "afghan-officials-illegitimate-and-dubious",
        "afghan-officials-warn-against-meddling",
        "russian-officials-kabul-leading-role",
        "ghani-aligned-officials-discontent",
        "russian-officials-only-to-facilitate-peace",
        "observers-skeptical-of-russian-claims",
        "us-alleges-arms-transfers",
        "ghani-offers-taliban-recognition",
    }
    assert (
        keys(
            seeded_url,
            "list",
            "--since",
            "2019-05-28",
            "--until",
            "2019-05-28",
            "--speaker",
            "lavrov",
        )
        == []
    )


def test_what_was_said_about_the_taliban_in_2019(seeded_url):
    found = keys(seeded_url, "list", "--about", "taliban", "--since", "2019", "--until", "2019")
    assert "saleh-scorpion-genes" in found
    assert "barabanov-trustworthy-taliban" in found
    assert "lavrov-calls-for-intra-afghan-dialogue" in found
    assert "afghan-officials-warn-against-meddling" not in found


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "direct"], ["saleh-stunning-experience"]),
        (
            ["--by", "taliban"],
            ["taliban-official-contradicts-denials", "baradar-joint-call-us-withdrawal"],
        ),
        (
            ["--stance", "mixed", "--about", "taliban"],
            ["russian-officials-only-to-facilitate-peace"],
        ),
        (
            ["--supportive-of", "taliban", "--by", "moscow"],
            ["lavrov-urges-withdrawal", "lavrov-joint-call-us-withdrawal"],
        ),
        (
            ["--claim", "moscow-talks-government-backed", "--position", "denies"],
            ["russia-denies-talks-government-backed"],
        ),
        (["--search", "scorpion genes"], ["saleh-scorpion-genes"]),
        # stemmed: "denial" finds "denials"
        (
            ["--search", "denial"],
            ["russia-denies-talks-government-backed", "taliban-official-contradicts-denials"],
        ),
        (
            ["--kind", "partial", "--kind", "direct", "--speaker", "saleh"],
            ["saleh-scorpion-genes", "saleh-stunning-experience"],
        ),
        # newest first: latest possible day, then latest earliest day, then place in the text
        (
            ["--sort", "-said", "--limit", "3"],
            [
                "saleh-stunning-experience",
                "saleh-opposition-betrayed-public",
                "barabanov-trustworthy-taliban",
            ],
        ),
    ],
)
def test_filters(seeded_url, args, expected):
    assert keys(seeded_url, "list", *args) == expected


HOSTILE = ["'; DROP TABLE statement; --", '"quoted"', "100%", "a_b", "--", "O'Brien"]


@pytest.mark.parametrize("value", HOSTILE)
def test_user_input_never_reaches_sql_as_text(seeded_url, value):
    before = dump(seeded_url)
    for option in (
        "--speaker",
        "--by",
        "--about",
        "--critical-of",
        "--supportive-of",
        "--source",
        "--claim",
    ):
        result = run(seeded_url, "list", f"{option}={value}")
        assert result.exit_code == 2, (option, result.output)
        assert f"Invalid value for '{option}'" in result.stderr
    searched = run(seeded_url, "list", f"--search={value}", "--json")
    if value == "--":  # the one value with no word in it
        assert searched.exit_code == 2
        assert "--search '--' has no words to look for." in searched.stderr
    else:
        # No statement of the seed has these words (or, for "O'Brien", both "O" and "Brien").
        assert searched.exit_code == 0, searched.output
        assert json.loads(searched.stdout) == []
    assert dump(seeded_url) == before


def test_unknown_party_suggests_the_closest(seeded_url):
    result = run(seeded_url, "list", "--critical-of", "kabull")
    assert result.exit_code == 2
    assert (
        "Invalid value for '--critical-of': Unknown party 'kabull'. Did you mean 'Kabul'?"
        in result.stderr
    )


def test_unknown_kind_lists_the_allowed(seeded_url):
    result = run(seeded_url, "list", "--kind", "quote")
    assert result.exit_code == 2
    assert "'quote' is not one of 'direct', 'partial', 'indirect'" in result.stderr


def test_ambiguous_speaker_lists_candidates(seeded_url):
    result = run(seeded_url, "said", "afghan")
    assert result.exit_code == 2
    assert (
        "'afghan' matches 2 speakers: afghan-foreign-ministry (Afghan Ministry of Foreign "
        "Affairs), afghan-officials (Afghan officials)"
    ) in result.stderr


def test_unknown_speaker_suggests_the_closest(seeded_url):
    result = run(seeded_url, "said", "Amrulah Salih")
    assert result.exit_code == 2
    assert "No speaker called 'Amrulah Salih'. Did you mean 'Amrullah Saleh'?" in result.stderr


@pytest.mark.parametrize("value", ["2019-02-30", "2019-13", "yesterday", "../2019-02"])
def test_bad_date_is_a_usage_error(seeded_url, value):
    """One message for every date --since refuses: the EDTF one offered intervals and open
    dates as examples, which --since then refused in other words."""
    result = run(seeded_url, "list", "--since", value)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Invalid value for '--since': {value!r} is not a day, month or year between 0001 and "
        "9999 (e.g. 2019-05-27, 2019-05, 2019)\n"
    )


def test_a_missing_database_says_how_to_build_it(tmp_path):
    result = run(f"sqlite:///{tmp_path / 'none.db'}", "list")
    assert result.exit_code == 1
    assert "No database at" in result.stderr and "quotes load" in result.stderr


def test_the_read_path_expects_alembics_head():
    from quotes import db, reader

    assert reader.HEAD == db.HEAD == db.head_revision()
