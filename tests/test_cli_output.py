"""The same question in every output format, exactly; `show`; the registries; pipes."""

import json

import pytest

from tests.helpers import run

KEY = "russia-falling-out-with-kabul/saleh-stunning-experience"
WORDS = "Russian experts of human studies had a stunning experience"
# Every cell between quotation marks (as the Arrow export writes it).
CSV_ROW = (
    f'"{KEY}","Amrullah Saleh","amrullah-saleh","Former Afghan Minister of the Interior Amrullah Saleh",'
    # No registry role of Saleh's overlaps May-September 2019 (Minister of the Interior ended
    # 2019-01): no role held, and his own party, afghan-government, is the one spoken for.
    f'"Former Afghan Minister of the Interior","","afghan-government","direct","{WORDS}","",'
    '"sarcastically stating",'
    '"2019-05-27/2019-09-27","2019-05-27","2019-09-27","(about) the May 27 talks","inferred",'
    '"Moscow meeting of 27 May 2019","afghan-opposition:critical; russia:critical","",'
    '"Sarcasm. The source reports it as displaying his discontent with the talks.",'
    # One report of its utterance: itself.
    f'"{KEY}","1","","",'
    '"russia-falling-out-with-kabul","Russia’s Falling Out With Kabul","","Samuel Ramani",'
    '"2019-05-27/2019-09-27","","","en","seeds/russia-falling-out-with-kabul.txt","3824","3882","5"'
)
HEADER = (
    "key,speaker,speaker_key,speaker_as_written,role,role_held,party,kind,text,translation,cue,"
    "said,said_from,said_to,said_as_written,said_basis,context,stances,claims,note,utterance,"
    "reports,other_reports,same_as,source_key,source_title,publication,author,published,"
    "accessed,url,language,text_path,start,end,paragraph"
)
RECORD = {
    "key": KEY,
    "speaker": "Amrullah Saleh",
    "speaker_key": "amrullah-saleh",
    "speaker_as_written": "Former Afghan Minister of the Interior Amrullah Saleh",
    "role": "Former Afghan Minister of the Interior",
    "role_held": None,
    "party": "afghan-government",
    "kind": "direct",
    "text": WORDS,
    "translation": None,
    "cue": "sarcastically stating",
    "said": "2019-05-27/2019-09-27",
    "said_from": "2019-05-27",
    "said_to": "2019-09-27",
    "said_as_written": "(about) the May 27 talks",
    "said_basis": "inferred",
    "context": "Moscow meeting of 27 May 2019",
    "stances": {"afghan-opposition": "critical", "russia": "critical"},
    "claims": [],
    "note": "Sarcasm. The source reports it as displaying his discontent with the talks.",
    "utterance": KEY,
    "reports": 1,
    "other_reports": None,
    "same_as": None,
    "source_key": "russia-falling-out-with-kabul",
    "source_title": "Russia’s Falling Out With Kabul",
    "publication": None,
    "author": "Samuel Ramani",
    "published": "2019-05-27/2019-09-27",
    "accessed": None,
    "url": None,
    "language": "en",
    "text_path": "seeds/russia-falling-out-with-kabul.txt",
    "start": 3824,
    "end": 3882,
    "paragraph": 5,
    "prefix": " by sarcastically stating that “",
    "suffix": ",” and alleging that Afghan oppo",
    "role_named": None,
}
# 120 columns: 21 + 22 + 8 + 28 fixed, four gaps of two, 33 left for the text.
TABLE = """\
SAID                   SPEAKER                 KIND      STANCES                       TEXT
---------------------  ----------------------  --------  ----------------------------  ---------------------------------
2019-05-27/2019-09-27  Amrullah Saleh (Former  direct    afghan-opposition:critical    Russian experts of human studies
                       Afghan Minister of the            russia:critical               had a stunning experience
                       Interior)
                       ↳ russia-falling-out-with-kabul/saleh-stunning-experience
"""


@pytest.fixture(autouse=True)
def _terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        ("--table", TABLE),
        # CliRunner turns the CSV's CRLF line ends into LF (test_export checks the bytes).
        ("--csv", f"{HEADER}\n{CSV_ROW}\n"),
        ("--tsv", None),
        ("--json", "[\n  " + json.dumps(RECORD, ensure_ascii=False) + "\n]\n"),
        ("--nl", json.dumps(RECORD, ensure_ascii=False) + "\n"),
    ],
)
def test_each_format_on_the_same_question(seeded_url, flag, expected):
    result = run(seeded_url, "list", "--kind", "direct", flag)
    assert result.exit_code == 0
    if flag == "--tsv":
        # The TSV row is the CSV row with tabs and no quotation marks (no cell holds a tab, a
        # quotation mark or a line break); the one comma inside a field stays a comma.
        expected = (
            f"{HEADER}\n{CSV_ROW}\n".replace('"', "")
            .replace(",", "\t")
            .replace("Sarcasm.\tThe", "Sarcasm. The")
        )
        assert result.stdout.split("\t") == expected.split("\t")
        return
    assert result.stdout == expected


def test_two_formats_at_once_is_a_usage_error(seeded_url):
    result = run(seeded_url, "list", "--csv", "--json")
    assert result.exit_code == 2
    assert "Choose one output format: --csv, --json" in result.stderr


def test_show_prints_the_statement_in_context_with_its_citation(seeded_url):
    result = run(seeded_url, "show", KEY)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == KEY
    assert (
        "  … by sarcastically stating that “[Russian experts of human studies had a stunning "
        "experience],” and alleging that Afghan oppo…"
    ) in result.stdout
    assert (
        "  citation   Samuel Ramani, “Russia’s Falling Out With Kabul,” 2019, par. 5."
        in result.stdout
    )
    assert "  stances    afghan-opposition: critical, russia: critical" in result.stdout


def test_show_unknown_key(seeded_url):
    result = run(seeded_url, "show", "nope/nothing")
    assert result.exit_code == 2
    assert "No statement 'nope/nothing'" in result.stderr


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        # Part of a key: the keys that hold it, as a new user copies half of one.
        (
            "russia-falling-out-with-kabul/saleh",
            "Did you mean 'russia-falling-out-with-kabul/saleh-opposition-betrayed-public' or "
            "'russia-falling-out-with-kabul/saleh-scorpion-genes' or "
            "'russia-falling-out-with-kabul/saleh-stunning-experience'?",
        ),
        # A statement's own key, without its source's.
        (
            "saleh-stunning-experience",
            "Did you mean 'russia-falling-out-with-kabul/saleh-stunning-experience'?",
        ),
        # A misspelt key, and a misspelt source.
        (
            "russia-falling-out-with-kabul/saleh-stuning-experience",
            "Did you mean 'russia-falling-out-with-kabul/saleh-stunning-experience'?",
        ),
        (
            "russia-falling-out-of-kabul/saleh-stunning-experience",
            "Did you mean 'russia-falling-out-with-kabul/saleh-stunning-experience'?",
        ),
    ],
)
def test_show_a_key_nearly_right_suggests_the_key(seeded_url, typed, hint):
    result = run(seeded_url, "show", typed)
    assert result.exit_code == 2
    assert f"No statement {typed!r}." in result.stderr
    assert hint in result.stderr


def test_registries_count_statements(seeded_url):
    speakers = {r["key"]: r for r in json.loads(run(seeded_url, "speakers", "--json").stdout)}
    assert speakers["amrullah-saleh"]["statements"] == 3
    assert speakers["sergei-lavrov"]["statements"] == 3
    assert speakers["sergei-lavrov"]["aliases"] == [
        "Lavrov",
        "Sergey Lavrov",
        "Sergey Viktorovich Lavrov",
    ]
    parties = {r["key"]: r for r in json.loads(run(seeded_url, "parties", "--json").stdout)}
    assert parties["russia"]["statements"] == 13
    assert parties["taliban-government"]["parent"] == "taliban"
    sources = json.loads(run(seeded_url, "sources", "--json").stdout)
    assert [(s["key"], s["statements"]) for s in sources] == [("russia-falling-out-with-kabul", 22)]
