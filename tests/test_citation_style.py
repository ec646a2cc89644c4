"""Citations as the Chicago Manual of Style writes them: quotation marks within a title,
access dates for undated sources, body paragraphs as locators, organisations as authors."""

import csv
import io

import pytest

from quotes.citation import chicago_note, csl_item, csl_name, source_note
from tests.curation_helpers import write_source
from tests.helpers import copy_project, line_of, run

# -- quotation marks within a title --------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "note"),
    [
        # Double marks inside become single; the comma stays inside the closing double mark.
        (
            "Saleh mocks “stunning experience” of Russian hosts",
            "“Saleh mocks ‘stunning experience’ of Russian hosts,” n.d.",
        ),
        (
            'Saleh mocks "stunning experience" of Russian hosts',
            "“Saleh mocks ‘stunning experience’ of Russian hosts,” n.d.",
        ),
        # A title that ends with a quotation: the comma goes inside both closing marks.
        (
            "Saleh: the Taliban have “Bronze Age logic”",
            "“Saleh: the Taliban have ‘Bronze Age logic,’” n.d.",
        ),
        (
            '"Trustworthy Taliban": a Moscow analyst\'s view',
            "“‘Trustworthy Taliban’: a Moscow analyst's view,” n.d.",
        ),
        # An apostrophe is not a quotation mark: left as it is.
        ("Russia’s Falling Out With Kabul", "“Russia’s Falling Out With Kabul,” n.d."),
        ("The Envoys’", "“The Envoys’,” n.d."),
        # A question mark ends the title: no comma after it.
        ("Is Moscow “the New Broker”?", "“Is Moscow ‘the New Broker’?” n.d."),
    ],
)
def test_quotation_marks_within_a_title(title, note):
    assert source_note(None, title, None, None, None) == note


def test_a_title_with_quotation_marks_in_a_full_note():
    record = {
        "author": "Test Author",
        "source_title": "A “tricky”, made-up article",
        "publication": "The Test Gazette",
        "published": "2019-06-01",
        "url": "https://example.org/tricky",
        "paragraph": 2,
    }
    assert chicago_note(record) == (
        "Test Author, “A ‘tricky’, made-up article,” The Test Gazette, June 1, 2019, "
        "https://example.org/tricky, par. 2."
    )


def test_an_undated_note_without_a_locator_ends_with_one_stop():
    assert chicago_note({"source_title": "Envoys meet", "paragraph": None}) == "“Envoys meet,” n.d."


# -- access dates ----------------------------------------------------------------------------


def test_an_undated_web_source_gives_its_access_date():
    # Chicago 17th ed., 14.12's example: Yale University, “About Yale: Yale Facts,” accessed
    # May 1, 2017, https://www.yale.edu/about-yale/yale-facts.
    note = source_note(
        "Yale University",
        "About Yale: Yale Facts",
        None,
        None,
        "https://www.yale.edu/about-yale/yale-facts",
        accessed="2017-05-01",
    )
    assert note == (
        "Yale University, “About Yale: Yale Facts,” accessed May 1, 2017, "
        "https://www.yale.edu/about-yale/yale-facts"
    )


def test_a_dated_source_gives_its_date_not_the_access_date():
    note = source_note(
        "Samuel Ramani", "Title", "The Diplomat", "2019-06-14", None, accessed="2024-03-05"
    )
    assert note == "Samuel Ramani, “Title,” The Diplomat, June 14, 2019"


def test_a_date_that_spans_years_is_no_date_and_the_access_date_stands_in():
    # 2018-12/2019-01 cannot be written as one year: without an access date it is "n.d.".
    assert source_note(None, "Title", None, "2018-12/2019-01", None) == "“Title,” n.d."
    note = source_note(None, "Title", None, "2018-12/2019-01", None, accessed="2024-03-05")
    assert note == "“Title,” accessed March 5, 2024"


def test_the_note_of_a_record_with_an_access_date():
    record = {
        "author": None,
        "source_title": "Taliban statement",
        "publication": "Al Emarah",
        "published": None,
        "url": "https://example.org/statement",
        "accessed": "2021-08-16",
        "paragraph": None,
    }
    assert chicago_note(record) == (
        "“Taliban statement,” Al Emarah, accessed August 16, 2021, https://example.org/statement."
    )
    assert csl_item({**record, "source_key": "taliban-statement"})["accessed"] == {
        "date-parts": [[2021, 8, 16]]
    }


# -- authors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "name"),
    [
        ("Samuel Ramani", {"family": "Ramani", "given": "Samuel"}),
        ("Samuel P. Huntington", {"family": "Huntington", "given": "Samuel P."}),
        ("Jean-Pierre Filiu", {"family": "Filiu", "given": "Jean-Pierre"}),
        ("Mohammed bin Salman", {"literal": "Mohammed bin Salman"}),
        ("Reuters", {"literal": "Reuters"}),
        ("Staff of the Diplomat", {"literal": "Staff of the Diplomat"}),
        ("Associated Press", {"literal": "Associated Press"}),
        ("AFP", {"literal": "AFP"}),
        ("Samuel Ramani and Catherine Putz", {"literal": "Samuel Ramani and Catherine Putz"}),
        ("محمد بن سلمان", {"literal": "محمد بن سلمان"}),
        ("Ludwig van Beethoven", {"literal": "Ludwig van Beethoven"}),
    ],
)
def test_authors_split_only_when_plainly_given_and_family(author, name):
    assert csl_name(author) == name


def test_a_csl_item_keeps_an_organisation_whole():
    item = csl_item({"source_key": "k", "source_title": "T", "author": "Staff of the Diplomat"})
    assert item["author"] == [{"literal": "Staff of the Diplomat"}]


# -- paragraphs counted from the body --------------------------------------------------------

# A short article of our own: headline, standfirst, then two body paragraphs.
HEADLINE = "Envoys meet in Doha"
STANDFIRST = "Observers call the peace “fragile.”"
BODY_1 = "The foreign minister said on Monday that the talks will resume in spring."
BODY_2 = "The observers warned that nothing is settled yet."
ARTICLE = "\n\n".join([HEADLINE, STANDFIRST, BODY_1, BODY_2]) + "\n"
STATEMENTS = "".join(
    f"  - key: {key}\n    speaker: sergei-lavrov\n    kind: {kind}\n    text: {text}\n"
    for key, kind, text in [
        ("fragile", "direct", "fragile."),
        ("talks-resume", "indirect", "the talks will resume in spring"),
        ("nothing-settled", "indirect", "nothing is settled yet"),
    ]
)


def exported(url: str) -> dict[str, dict]:
    result = run(url, "export", "--source", "doha-talks")
    assert result.exit_code == 0, result.output
    return {row["key"].partition("/")[2]: row for row in csv.DictReader(io.StringIO(result.stdout))}


def test_paragraphs_are_counted_from_the_body(tmp_path):
    data = copy_project(tmp_path)
    write_source(data, "doha-talks", ARTICLE, STATEMENTS, meta="  body: The foreign minister\n")
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    assert run(url, "load", "--data", str(data)).exit_code == 0

    rows = exported(url)
    # BODY_1 is the first body paragraph, BODY_2 the second; the standfirst has no number.
    assert rows["talks-resume"]["citation"] == "“doha-talks,” n.d., par. 1."
    assert rows["nothing-settled"]["citation"] == "“doha-talks,” n.d., par. 2."
    assert rows["fragile"]["citation"] == "“doha-talks,” n.d."  # one stop after "n.d."
    start = ARTICLE.index("fragile.")
    assert rows["fragile"]["location"] == (
        f"characters {start}–{start + 8} of seeds/doha-talks.txt"
    )
    assert rows["nothing-settled"]["location"].startswith("paragraph 2, characters ")


def test_without_a_body_every_block_is_counted(tmp_path):
    data = copy_project(tmp_path)
    write_source(data, "doha-talks", ARTICLE, STATEMENTS)
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    assert run(url, "load", "--data", str(data)).exit_code == 0
    rows = exported(url)
    assert [rows[k]["citation"] for k in ("fragile", "talks-resume", "nothing-settled")] == [
        "“doha-talks,” n.d., par. 2.",
        "“doha-talks,” n.d., par. 3.",
        "“doha-talks,” n.d., par. 4.",
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "the talks will resume",
            "these words are in the text (at offset {at}, inside paragraph 3) but do not "
            "start a paragraph; give the opening words of the first paragraph of the body, "
            "copied from the source",
        ),
        (
            "The",
            "2 paragraphs start with these words (paragraphs 3, 4); give more of the body's "
            "opening words, so that they start only its first paragraph",
        ),
        (
            "Nothing of the kind",
            "these words do not start any paragraph of the text; copy the opening words of "
            "the first paragraph of the body exactly from the source",
        ),
    ],
)
def test_a_body_that_does_not_start_one_paragraph_is_a_problem(tmp_path, body, problem):
    data = copy_project(tmp_path)
    path = write_source(data, "doha-talks", ARTICLE, STATEMENTS, meta=f"  body: {body}\n")
    result = run(f"sqlite:///{tmp_path / 'q.db'}", "check", "--data", str(data))
    assert result.exit_code == 1
    at = ARTICLE.index("the talks will resume")
    expected = f"{path}:{line_of(path, 'body:')}: source.body: {problem.format(at=at)}"
    assert expected in result.stderr.splitlines()


def test_an_access_date_must_be_one_day(tmp_path):
    data = copy_project(tmp_path)
    path = write_source(data, "doha-talks", ARTICLE, STATEMENTS, meta="  accessed: 2024-03\n")
    result = run(f"sqlite:///{tmp_path / 'q.db'}", "check", "--data", str(data))
    assert result.exit_code == 1
    assert (
        f"{path}:{line_of(path, 'accessed:')}: source.accessed: '2024-03' is not one day; "
        "write the day as YYYY-MM-DD"
    ) in result.stderr.splitlines()


def test_the_seed_counts_paragraphs_from_its_body(seeded_url):
    # seeds/russia-falling-out-with-kabul.txt: six blocks before "On May 27, a delegation"
    # (line 14); the Saleh quote is on line 22, the eleventh block, so the fifth of the body.
    result = run(seeded_url, "show", "russia-falling-out-with-kabul/saleh-stunning-experience")
    assert "  citation   Samuel Ramani, “Russia’s Falling Out With Kabul,” 2019, par. 5." in (
        result.stdout
    )
