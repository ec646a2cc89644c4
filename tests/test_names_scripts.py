"""Names typed in another script or word order find the registry's speakers and parties."""

import json

import pytest

from quotes.names import closest, loosely
from tests.helpers import copy_project, run

# The seed's three statements by sergei-lavrov (data/sources/russia-falling-out-with-kabul.yaml).
LAVROV = {
    "russia-falling-out-with-kabul/lavrov-urges-withdrawal",
    "russia-falling-out-with-kabul/lavrov-calls-for-intra-afghan-dialogue",
    "russia-falling-out-with-kabul/lavrov-joint-call-us-withdrawal",
}
# The seed's nine statements with a stance toward taliban.
ABOUT_TALIBAN = {
    "russia-falling-out-with-kabul/" + key
    for key in [
        "lavrov-urges-withdrawal",
        "lavrov-calls-for-intra-afghan-dialogue",
        "russian-officials-only-to-facilitate-peace",
        "us-alleges-arms-transfers",
        "russia-denies-talks-government-backed",
        "lavrov-joint-call-us-withdrawal",
        "barabanov-trustworthy-taliban",
        "ghani-offers-taliban-recognition",
        "saleh-scorpion-genes",
    ]
}


def keys(result) -> set[str]:
    assert result.exit_code == 0, result.output
    return {record["key"] for record in json.loads(result.stdout)}


REGISTRY = [
    (1, "Sergei Lavrov"),
    (1, "Lavrov"),
    (2, "Amrullah Saleh"),
    (3, "Сергей Шойгу"),
    (4, "محمد بن سلمان"),
    (5, "Abdul Ghani Baradar"),
    (6, "Xi Jinping"),
]


@pytest.mark.parametrize(
    ("typed", "owners"),
    [
        # anyascii writes it "Sergey Lavrov": Sergei and Sergey differ only in a romanization.
        ("Сергей Лавров", [1]),
        ("Lavrov Sergei", [1]),
        ("Лавров", [1]),
        # The registry writes him in Cyrillic only; "Shoigu" is "Shoygu" in anyascii's letters.
        ("Sergei Shoigu", [3]),
        ("Shoigu Sergei", [3]),
        # Arabic leaves out short vowels: m-h-m-d b-n s-l-m-n either way.
        ("Mohammed bin Salman", [4]),
        ("Muhammad bin Salman", [4]),
        ("امرالله صالح", [2]),
        # "عبد الغني" runs the article into the next word: b-d-l-g-h-n once run together.
        ("عبد الغني برادر", [5]),
        # anyascii runs Chinese syllables together: "XiJinPing".
        ("習近平", [6]),
        # Two Latin spellings are not taken for each other (a typo, or another person).
        ("Sergey Shoygu Junior", []),
        ("Lavrova", []),
        ("Amrulah Salih", []),
    ],
)
def test_loose_matching(typed, owners):
    assert loosely(typed, REGISTRY, parts=True) == owners


def test_two_latin_spellings_are_only_suggested():
    assert loosely("Sergey Lavrov", [(1, "Sergei Lavrov")]) == []
    assert closest("Sergey Lavrov", ["Sergei Lavrov", "Amrullah Saleh"]) == ["Sergei Lavrov"]
    assert closest("Lavrov Sergej", ["Sergei Lavrov", "Amrullah Saleh"]) == ["Sergei Lavrov"]


def test_cyrillic_name_lists_the_latin_speaker(seeded_url):
    assert keys(run(seeded_url, "list", "--speaker", "Сергей Лавров", "--json")) == LAVROV


def test_reversed_name_lists_the_speaker(seeded_url):
    assert keys(run(seeded_url, "said", "Lavrov Sergei", "--json")) == LAVROV


def test_misspelt_reversed_name_is_suggested(seeded_url):
    result = run(seeded_url, "said", "Lavrof Sergei")
    assert result.exit_code == 2
    assert "No speaker called 'Lavrof Sergei'. Did you mean 'Sergei Lavrov'" in result.stderr


def test_arabic_party_name_finds_the_party(seeded_url):
    assert keys(run(seeded_url, "list", "--about", "طالبان", "--json")) == ABOUT_TALIBAN


# A short article of our own, with two speakers the registry writes in their own scripts.
ARTICLE = """Ministers meet in Riyadh

Crown Prince Mohammed bin Salman said the kingdom “welcomes every effort toward peace.”

Defence Minister Sergei Shoigu said that “the exercises will go ahead as planned.”
"""
SOURCE = """source:
  title: Ministers meet in Riyadh
  text: seeds/riyadh.txt
statements:
  - key: mbs-welcomes-peace
    speaker: mohammed-bin-salman
    kind: direct
    text: welcomes every effort toward peace.
  - key: shoigu-exercises
    speaker: sergei-shoigu
    kind: direct
    text: the exercises will go ahead as planned.
"""


@pytest.fixture(scope="module")
def scripts_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scripts")
    data = copy_project(folder)
    (folder / "seeds" / "riyadh.txt").write_text(ARTICLE, encoding="utf-8")
    (data / "sources" / "riyadh.yaml").write_text(SOURCE, encoding="utf-8")
    (data / "speakers" / "mohammed-bin-salman.yaml").write_text(
        "name: Mohammed bin Salman\nkind: person\naliases: [محمد بن سلمان آل سعود]\n",
        encoding="utf-8",
    )
    (data / "speakers" / "sergei-shoigu.yaml").write_text(
        "name: Сергей Шойгу\nkind: person\nparty: russia\n", encoding="utf-8"
    )
    url = f"sqlite:///{folder / 'quotes.db'}"
    result = run(url, "load", "--data", str(data))
    assert result.exit_code == 0, result.output
    return url


@pytest.mark.parametrize(
    "typed",
    [
        "محمد بن سلمان",  # his registry name, in Arabic script
        "Muhammad bin Salman Al Saud",  # his Arabic alias, in another romanization
        "Mohammed bin Salman al-Saud",
    ],
)
def test_arabic_script_both_ways(scripts_url, typed):
    result = run(scripts_url, "list", "--speaker", typed, "--json")
    assert keys(result) == {"riyadh/mbs-welcomes-peace"}


@pytest.mark.parametrize("typed", ["Sergei Shoigu", "Sergey Shoygu", "Shoigu", "Шойгу Сергей"])
def test_a_registry_name_in_cyrillic_found_in_latin(scripts_url, typed):
    result = run(scripts_url, "list", "--speaker", typed, "--json")
    assert keys(result) == {"riyadh/shoigu-exercises"}
