"""The web pages, through Starlette's test client, on SQLite and PostgreSQL.

Expected statements come from reading seeds/russia-falling-out-with-kabul.txt and its curated
file: nine statements critical of Moscow, Saleh's three, the disputed claim's two positions.
"""

import json
import re
from urllib.parse import urlencode

import pytest
from starlette.testclient import TestClient

from quotes.web.app import create_app
from quotes.web.database import read_only_engine
from tests.conftest import BACKENDS
from tests.helpers import PROJECT, SEED, run
from tests.webapp import app_with_source

CRITICAL_OF_MOSCOW = {
    "ghani-aligned-officials-discontent",
    "afghan-officials-illegitimate-and-dubious",
    "afghan-officials-warn-against-meddling",
    "kakar-warns-complicate-peace",
    "foreign-ministry-predicts-no-peace",
    "foreign-ministry-urges-afghan-led-settlement",
    "saleh-stunning-experience",
    "observers-skeptical-of-russian-claims",
    "us-alleges-arms-transfers",
}
# Oldest first: "recently" (2019/...) starts before the May 27 talks; the two about the
# talks in the order they stand in the article.
SALEH = ["saleh-scorpion-genes", "saleh-stunning-experience", "saleh-opposition-betrayed-public"]


@pytest.fixture(scope="module")
def client(seeded_url):
    engine = read_only_engine(seeded_url)
    with TestClient(create_app(engine, project=PROJECT, page_size=10)) as client:
        yield client
    engine.dispose()


def listed(html: str) -> list[str]:
    """The statement keys a page lists, in order (each once, from its quote's link)."""
    found = re.findall(rf'<blockquote><a href="/statements/{SEED}/([a-z0-9-]+)"', html)
    return found


def get(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    return response.text


@pytest.mark.parametrize("party", ["moscow", "russia", "the Kremlin"])
def test_critical_of_moscow_lists_the_nine_under_every_alias(client, party):
    html = get(client, "/statements?" + urlencode({"critical_of": party}))
    assert set(listed(html)) == CRITICAL_OF_MOSCOW
    assert "9 statements match" in html


def test_critical_of_kabul_is_an_empty_answer(client):
    html = get(client, "/statements?critical_of=kabul")
    assert "No statements match." in html and listed(html) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Quoted words only (the README's example): the partial and the direct one.
        (
            "critical_of=moscow&kind=direct&kind=partial",
            {"afghan-officials-illegitimate-and-dubious", "saleh-stunning-experience"},
        ),
        # Dates overlap 2019: the two of 26 December 2016 drop out.
        (
            "critical_of=moscow&since=2019",
            CRITICAL_OF_MOSCOW
            - {
                "afghan-officials-illegitimate-and-dubious",
                "afghan-officials-warn-against-meddling",
            },
        ),
        (
            "about=taliban&since=2019&until=2019&kind=partial",
            {"saleh-scorpion-genes", "barabanov-trustworthy-taliban"},
        ),
        # Until 2016: what may have been said by then, open starts included.
        (
            "until=2016",
            {
                "ghani-aligned-officials-discontent",
                "afghan-officials-illegitimate-and-dubious",
                "afghan-officials-warn-against-meddling",
                "russian-officials-kabul-leading-role",
                "russian-officials-only-to-facilitate-peace",
                "observers-skeptical-of-russian-claims",
                "us-alleges-arms-transfers",
                "ghani-offers-taliban-recognition",
            },
        ),
        (
            "by=moscow",
            {
                "lavrov-urges-withdrawal",
                "lavrov-calls-for-intra-afghan-dialogue",
                "lavrov-joint-call-us-withdrawal",
                "russian-officials-kabul-leading-role",
                "russian-officials-only-to-facilitate-peace",
                "russia-denies-talks-government-backed",
            },
        ),
        ("stance=mixed", {"russian-officials-only-to-facilitate-peace"}),
        (
            "supportive_of=kabul",
            {
                "russian-officials-kabul-leading-role",
                "foreign-ministry-urges-afghan-led-settlement",
                "russian-officials-only-to-facilitate-peace",
                "heidari-close-relationship-with-russia",
            },
        ),
        ("speaker=saleh", set(SALEH)),
        (
            "claim=moscow-talks-government-backed&position=denies",
            {"russia-denies-talks-government-backed"},
        ),
        (
            "search=withdrawal",
            {
                "lavrov-urges-withdrawal",
                "lavrov-joint-call-us-withdrawal",
                "baradar-joint-call-us-withdrawal",
            },
        ),
        (f"source={SEED}&kind=direct", {"saleh-stunning-experience"}),
    ],
)
def test_each_filter_lists_what_the_article_says(client, query, expected):
    html = get(client, f"/statements?{query}")
    assert set(listed(html)) == expected
    assert f"{len(expected)} statement{'' if len(expected) == 1 else 's'} match" in html


def test_the_form_shows_the_question_it_answers(client):
    html = get(client, "/statements?critical_of=moscow&since=2019&kind=partial")
    assert '<input type="text" name="critical_of" value="moscow"' in html
    assert '<input type="text" name="since" value="2019"' in html
    assert '<option value="partial" selected>' in html
    assert 'href="/statements.csv?critical_of=moscow&amp;kind=partial&amp;since=2019"' in html


def test_facets_count_the_matches(client):
    html = get(client, "/statements?critical_of=moscow")
    facets = html[html.index('class="facets"') :]
    # Three of the nine are Afghan officials'; all nine critical of Russia; seven indirect.
    assert re.search(r">Afghan officials</a> <span class=\"count\">3<", facets)
    assert re.search(r">russia: critical</a> <span class=\"count\">9<", facets)
    assert re.search(r">indirect</a> <span class=\"count\">7<", facets)
    assert re.search(r">direct</a> <span class=\"count\">1<", facets)
    # Each facet value narrows the same question.
    assert 'href="/statements?critical_of=moscow&amp;kind=direct"' in facets


def test_paging_walks_every_statement_once_oldest_first(client):
    seen, url = [], "/statements"
    while url:
        html = get(client, url)
        seen += listed(html)
        match = re.search(r'rel="next" href="([^"]+)"', html)
        url = match.group(1).replace("&amp;", "&") if match else None
    assert len(seen) == 22 == len(set(seen))
    # Oldest first: the four whose start is unknown ("../2019-09-27") come first.
    assert set(seen[:4]) == {
        "russian-officials-only-to-facilitate-peace",
        "observers-skeptical-of-russian-claims",
        "us-alleges-arms-transfers",
        "ghani-offers-taliban-recognition",
    }


def test_statement_page(client):
    html = get(client, f"/statements/{SEED}/afghan-officials-illegitimate-and-dubious")
    # The quote in its paragraph, as the article prints it.
    assert (
        "On December 26, 2016, Afghan officials <mark>described Russia’s decision to host "
        "representatives of China and Pakistan" in html
    )
    assert "“illegitimate and dubious,”</mark> and openly warned Russia" in html
    assert "Samuel Ramani, “Russia’s Falling Out With Kabul,” 2019, par. 3." in html
    assert "paragraph 3, characters 1732–1932 of seeds/russia-falling-out-with-kabul.txt" in html
    assert "as a participant in talks on Afghanistan held without Kabul" in html  # stance note
    assert "On December 26, 2016" in html and "stated" in html
    assert 'id="copy-citation"' in html


def test_statement_page_shows_role_date_bounds_and_claims(client):
    html = get(client, f"/statements/{SEED}/saleh-stunning-experience")
    assert "Former Afghan Minister of the Interior" in html
    assert "2019-05-27/2019-09-27 (2019-05-27 to 2019-09-27)" in html
    assert "mocks the Russian hosts" in html
    html = get(client, f"/statements/{SEED}/russia-denies-talks-government-backed")
    assert 'denies <a href="/claims/moscow-talks-government-backed">' in html


def test_speaker_page(client):
    html = get(client, "/speakers/amrullah-saleh")
    assert listed(html) == SALEH
    assert "Director of the National Directorate of Security" in html
    assert "Minister of the Interior" in html
    # Stances by party: the Taliban once, Russia once, the Afghan opposition twice; critical.
    for party, n in [("taliban", 1), ("russia", 1), ("afghan-opposition", 2)]:
        assert (
            f'href="/statements?speaker=amrullah-saleh&amp;about={party}&amp;stance=critical">'
            f"{n}</a>"
        ) in html


def test_speaker_page_heads_with_the_speakers_kind_and_wikidata_id(blank_url, tmp_path):
    # The heading read kind and Wikidata id from the key-and-name record a lookup gives:
    # it said ", of afghan-government" and never showed an id.
    from tests.helpers import copy_project, edit

    data = copy_project(tmp_path)
    edit(
        data / "speakers" / "amrullah-saleh.yaml",
        "kind: person\n",
        "kind: person\nwikidata: Q123\n",
    )
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    engine = read_only_engine(blank_url)
    with TestClient(create_app(engine, project=tmp_path)) as client:
        html = get(client, "/speakers/amrullah-saleh")
    engine.dispose()
    assert '<p>person, of <a href="/parties/afghan-government">' in html
    assert " · Wikidata Q123" in html


def test_no_page_reads_an_attribute_its_record_lacks(seeded_url, monkeypatch):
    # Jinja renders a missing attribute as nothing: the source and speaker pages read title,
    # author, kind and more from a lookup's key-and-name record and showed blanks. A dict's
    # missing key (a count of none) is fine; an attribute missing on an object is not.
    import jinja2
    from jinja2.utils import missing

    import quotes.web.app as web

    lacking = set()

    class Reporting(jinja2.Undefined):
        def _note(self):
            if self._undefined_obj is not missing and not isinstance(self._undefined_obj, dict):
                lacking.add((type(self._undefined_obj).__name__, self._undefined_name))

        def __str__(self):
            self._note()
            return ""

        def __bool__(self):
            self._note()
            return False

    plain = web._templates

    def reporting():
        environment = plain()
        environment.undefined = Reporting
        return environment

    monkeypatch.setattr(web, "_templates", reporting)
    engine = read_only_engine(seeded_url)
    with TestClient(create_app(engine, project=PROJECT)) as client:
        for url in [
            "/statements?critical_of=moscow",
            f"/statements/{SEED}/saleh-stunning-experience",
            "/speakers",
            "/speakers/amrullah-saleh",
            f"/speakers/{SEED}/senior-taliban-official",
            "/parties",
            "/parties/kabul",
            "/claims",
            "/claims/moscow-talks-government-backed",
            "/sources",
            f"/sources/{SEED}",
            "/stance-matrix",
        ]:
            get(client, url)
    engine.dispose()
    assert lacking == set()


def test_party_page_by_alias(client):
    html = get(client, "/parties/moscow")
    assert "Government of the Russian Federation" in html
    # Afghan officials: discontent, "illegitimate and dubious", the warning against meddling.
    row = re.search(r">Afghan officials</a></td>(.*?)</tr>", html, re.S).group(1)
    assert ">3</a>" in row and "stance=critical" in row
    row = re.search(r">Mohammed Yaqub Heidari</a></td>(.*?)</tr>", html, re.S).group(1)
    assert ">1</a>" in row and "stance=supportive" in row


def test_claim_page_shows_the_dispute(client):
    html = get(client, "/claims/moscow-talks-government-backed")
    assert "The Moscow talks with the Taliban were backed by the Russian government." in html
    stands = html[html.index("Who stands where") :]
    assert re.search(r"Government of Russia</a>:\s*<span class=\"position denies\">denies", stands)
    assert re.search(r"A senior Taliban official</a>:\s*<span class=\"position asserts\">", stands)
    assert "<svg" in html and "Government of Russia denies" in html
    assert listed(html) == [
        "russia-denies-talks-government-backed",
        "taliban-official-contradicts-denials",
    ]


def test_claims_page_lists_the_disputed(client):
    html = get(client, "/claims?disputed=1")
    assert re.findall(r'href="/claims/([a-z0-9-]+)"', html) == [
        "moscow-talks-government-backed",
        "russia-talks-to-taliban-only-for-peace",
    ]


def test_source_page_highlights_and_links_every_statement(client):
    html = get(client, f"/sources/{SEED}")
    links = re.findall(rf'class="anchor" href="/statements/{SEED}/([a-z0-9-]+)"', html)
    assert len(links) == 22 == len(set(links))
    assert (
        '<mark title="Amrullah Saleh">Russian experts of human studies had a stunning '
        "experience</mark>"
    ) in html
    # Two statements share one span (the joint call): marked as overlapping, both linked.
    assert '<mark class="overlap"' in html
    assert "The text (" not in html  # the text was found and matched its checksum


def test_registry_pages(client):
    assert "Amrullah Saleh" in get(client, "/speakers")
    assert "Kabul, Afghan government" in get(client, "/parties")
    assert "Russia’s Falling Out With Kabul" in get(client, "/sources")
    assert get(client, "/", 200)  # redirects to the statements


def test_stance_matrix_cells_link_to_their_statements(client):
    html = get(client, "/stance-matrix")
    # Afghan government speakers on Russia: seven critical, Heidari's one supportive.
    link = 'href="/statements?by=afghan-government&amp;about=russia&amp;stance=critical"'
    assert link in html
    assert "afghan-government critical of russia: 7" in html
    assert "afghan-government supportive of russia: 1" in html
    assert "afghan-government critical of russia: 7 statement(s)" in html  # the graph's arrow
    keys = set(listed(get(client, "/statements?by=afghan-government&about=russia&stance=critical")))
    assert keys == CRITICAL_OF_MOSCOW - {
        "observers-skeptical-of-russian-claims",
        "us-alleges-arms-transfers",
    }


def test_the_stance_matrix_follows_a_load_made_while_the_server_runs(blank_url, tmp_path):
    # The matrix was counted once per process ("the database does not change under a
    # read-only server"), but `quotes load` writes it while the server reads: after a load
    # the statements pages had the new record and the matrix the old one until a restart.
    from tests.helpers import copy_project

    data = copy_project(tmp_path)
    assert run(blank_url, "load", "--data", str(data)).exit_code == 0
    engine = read_only_engine(blank_url)
    with TestClient(create_app(engine, project=tmp_path)) as client:
        assert "afghan-government critical of russia: 7" in get(client, "/stance-matrix")
        (data / "sources" / f"{SEED}.yaml").unlink()
        assert run(blank_url, "load", "--data", str(data)).exit_code == 0
        assert "9 statements match" not in get(client, "/statements?critical_of=moscow")
        assert "critical of russia" not in get(client, "/stance-matrix")
        assert "critical of russia" not in get(client, "/stance-matrix/matrix.svg")
    engine.dispose()


def test_pictures_are_svg(client):
    for url in [
        "/stance-matrix/matrix.svg",
        "/stance-matrix/graph.svg",
        "/claims/moscow-talks-government-backed/timeline.svg",
    ]:
        response = client.get(url)
        assert response.headers["content-type"] == "image/svg+xml"
        assert response.text.startswith("<svg")


def test_api_gives_the_records_quotes_list_json_gives(client, seeded_url):
    response = client.get("/api/statements?critical_of=moscow")
    cli = json.loads(run(seeded_url, "list", "--critical-of", "moscow", "--json").stdout)
    assert len(cli) == 9
    by_key = sorted(cli, key=lambda r: r["key"])
    assert sorted(response.json(), key=lambda r: r["key"]) == by_key


def test_api_pages_with_a_link_header(client):
    keys, url = [], "/api/statements?limit=5"
    while url:
        response = client.get(url)
        keys += [r["key"] for r in response.json()]
        link = response.headers.get("link")
        url = re.match(r"<([^>]+)>", link).group(1) if link else None
    assert len(keys) == 22 == len(set(keys))


@pytest.mark.parametrize(
    ("suffix", "args"),
    [
        ("csv", []),
        ("jsonl", ["--format", "nl"]),
        ("csl.json", ["--format", "csl-json"]),
    ],
)
def test_downloads_are_what_quotes_export_writes(client, seeded_url, tmp_path, suffix, args):
    out = tmp_path / f"export.{suffix}"
    run(seeded_url, "export", "--critical-of", "moscow", "--since", "2019", *args, "-o", str(out))
    response = client.get(f"/statements.{suffix}?critical_of=moscow&since=2019")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.content == out.read_bytes()
    if suffix == "csv":
        assert response.content.count(b"\r\n") == 1 + 7  # header and the seven of 2019


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/statements?critical_of=moskow", 400, "Did you mean"),
        ("/statements?speaker=nobody-at-all", 400, "No speaker called"),
        ("/statements?since=last-week", 400, "is not a day, month or year"),
        ("/statements?kind=shouted", 400, "is not one of direct, partial, indirect"),
        ("/statements?after=2019-99-99~~3", 400, "not a page cursor"),
        ("/statements?" + "&".join(["speaker=saleh"] * 11), 400, "at most 10 values"),
        ("/statements?search=" + "x" * 201, 400, "longer than 200"),
        ("/statements?" + "x" * 5000, 414, "too long"),
        ("/api/statements?limit=100000", 400, "from 1 to 1000"),
        (f"/statements/{SEED}/no-such-statement", 404, "No statement"),
        ("/speakers/nobody-at-all", 404, "No speaker"),
        ("/claims/no-such-claim", 404, "Unknown claim"),
        ("/sources/no-such-source", 404, "Unknown source"),
        ("/statements.xlsx", 404, "No download"),
        ("/static/app.py", 404, "No file"),
        ("/static/..%2Fapp.py", 404, "No page at this address"),
        ("/etc/passwd", 404, "No page at this address"),
    ],
)
def test_bad_questions_get_one_clear_answer(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.text


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "/statements?critical_of=nowhere",
            "Unknown party &#39;nowhere&#39;. See the Parties page.",
        ),
        ("/statements?speaker=nobody-at-all", "See the Speakers page."),
        ("/sources/no-such-source", "See the Sources page."),
    ],
)
def test_a_page_points_to_pages_not_to_commands(client, url, words):
    """A reader of the pages was told "See `quotes parties`", a command they may not have."""
    response = client.get(url)
    assert words in response.text
    assert "`quotes " not in response.text


def test_every_response_carries_a_strict_content_security_policy(client):
    for url in ["/statements", "/stance-matrix", "/static/quotes.css", "/nowhere"]:
        headers = client.get(url).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_nothing_but_get(client):
    assert client.post("/statements", data={"x": "1"}).status_code == 405


def test_the_database_is_opened_read_only(seeded_url):
    from sqlalchemy import text

    engine = read_only_engine(seeded_url)
    try:
        with pytest.raises(Exception, match="(?i)read.?only"), engine.begin() as connection:
            connection.execute(text("DELETE FROM stance"))
    finally:
        engine.dispose()


def test_the_form_redirects_to_the_address_to_share(client):
    response = client.get(
        "/statements?speaker=&critical_of=moscow&kind=&since=2019", follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/statements?critical_of=moscow&since=2019"


def test_a_source_page_heads_its_text_with_the_sources_metadata(client):
    # The page said "Author unknown, date unknown" under an empty heading (and an empty
    # <title>): the template read title, author and date from the key-and-name record a
    # lookup gives, which has none of them.
    html = get(client, f"/sources/{SEED}")
    assert "<title>Russia’s Falling Out With Kabul · quotes</title>" in html
    assert "<h1>Russia’s Falling Out With Kabul</h1>" in html
    assert "<p>Samuel Ramani, 2019-05-27/2019-09-27" in html
    assert "Author unknown" not in html and "date unknown" not in html


def test_a_missing_or_changed_text_is_not_shown(seeded_url, tmp_path):
    """The text is read only where the record says, and only if its checksum still matches."""
    (tmp_path / "seeds").mkdir()
    changed = (PROJECT / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8") + "\nAdded.\n"
    (tmp_path / "seeds" / f"{SEED}.txt").write_text(changed, encoding="utf-8")
    engine = read_only_engine(seeded_url)
    for project in (tmp_path, tmp_path / "nowhere"):
        client = TestClient(create_app(engine, project=project))
        html = get(client, f"/sources/{SEED}")
        assert "is not where the server looks for it, or has changed" in html
        # It names the file it looked for (it said "The text () is not where ...").
        assert f"The text (seeds/{SEED}.txt) is not where" in html
        html = get(client, f"/statements/{SEED}/saleh-stunning-experience")
        # The stored context instead: the 32 characters either side.
        assert "<mark>Russian experts of human studies had a stunning experience</mark>" in html
        assert "by sarcastically stating that “<mark>" in html
    engine.dispose()


def test_serve_without_a_database_says_how_to_make_one(tmp_path):
    result = run(f"sqlite:///{tmp_path / 'none.db'}", "serve", "--port", "0")
    assert result.exit_code == 1
    assert "No database at" in result.output and "quotes load" in result.output
    assert not (tmp_path / "none.db").exists()


def test_serve_on_a_port_already_taken_says_so_before_serving(seeded_url):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(seeded_url, "serve", "--port", str(port))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Cannot listen on 127.0.0.1:{port}: Address already in use. Another server (a "
        "second `quotes serve`?) has it: choose another --port.\n"
    )


# Stances on Russia: the nine critical, the Taliban official's and Barabanov's neutral ones,
# Baradar's and Heidari's supportive ones.
ABOUT_RUSSIA = CRITICAL_OF_MOSCOW | {
    "taliban-official-contradicts-denials",
    "barabanov-trustworthy-taliban",
    "baradar-joint-call-us-withdrawal",
    "heidari-close-relationship-with-russia",
}


@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_filtered_paging_walks_every_match_once(client, limit):
    keys, url = [], f"/api/statements?about=russia&limit={limit}"
    while url:
        response = client.get(url)
        keys += [r["key"].partition("/")[2] for r in response.json()]
        link = response.headers.get("link")
        url = re.match(r"<([^>]+)>", link).group(1) if link else None
    assert len(keys) == len(set(keys)) and set(keys) == ABOUT_RUSSIA
    # Unknown starts first: the U.S. allegation and the observers' skepticism ("../2019-09-27").
    assert set(keys[:2]) == {"us-alleges-arms-transfers", "observers-skeptical-of-russian-claims"}


UNDATED_TEXT = """An undated test article, made up for the tests.

One said “first words”, another said “second words”, a third said “third words”.
"""


@pytest.fixture(scope="module", params=BACKENDS)
def undated(request, tmp_path_factory):
    """The seed plus three statements with no date at all (the first band of the order)."""
    statements = "".join(
        f"  - key: {word}\n    speaker: sergei-lavrov\n    kind: direct\n    text: {word} words\n"
        for word in ("first", "second", "third")
    )
    yield from app_with_source(
        request,
        tmp_path_factory,
        key="undated",
        text=UNDATED_TEXT,
        yaml=f"source:\n  title: Undated\n  text: seeds/undated.txt\nstatements:\n{statements}",
    )


@pytest.mark.parametrize("query", ["", "about=russia&", "speaker=lavrov&"])
@pytest.mark.parametrize("limit", [1, 2, 4])
def test_paging_through_undated_statements(undated, query, limit):
    keys, url = [], f"/api/statements?{query}limit={limit}"
    while url:
        response = undated.get(url)
        keys += [r["key"] for r in response.json()]
        link = response.headers.get("link")
        url = re.match(r"<([^>]+)>", link).group(1) if link else None
    assert len(keys) == len(set(keys))
    expected = {"": 25, "about=russia&": 13, "speaker=lavrov&": 6}[query]
    assert len(keys) == expected
    if query != "about=russia&":  # the undated three come first, in the article's order
        assert keys[:3] == ["undated/first", "undated/second", "undated/third"]
