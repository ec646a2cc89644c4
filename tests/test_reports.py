"""The pictures: well-formed SVG whose marks say what the seed article says; the CLI writes
them as SVG or PNG files."""

import xml.etree.ElementTree as ET

import pytest

from quotes.reports.matrix import criticism_graph_svg, stance_matrix_svg
from quotes.reports.timeline import claim_timeline_svg
from tests.helpers import run

SVG = "{http://www.w3.org/2000/svg}"


def titles(svg: str) -> list[str]:
    """The tooltip of every mark: the text a screen reader or a hover shows."""
    return [t.text for t in ET.fromstring(svg).iter(f"{SVG}title")]


def test_claim_timeline_draws_each_dates_uncertainty_as_a_bar():
    # From the curated file: Russia's denial is dated 2019-01/2019-02 (59 days), the
    # Taliban official's contradiction 2019-02 (28 days).
    events = [
        {
            "key": "s/deny",
            "speaker": "Government of Russia",
            "position": "denies",
            "said": "2019-01/2019-02",
            "said_from": "2019-01-01",
            "said_to": "2019-02-28",
            "text": "Russia’s denials",
        },
        {
            "key": "s/assert",
            "speaker": "A senior Taliban official",
            "position": "asserts",
            "said": "2019-02",
            "said_from": "2019-02-01",
            "said_to": "2019-02-28",
            "text": "explicitly contradicted",
        },
    ]
    svg = claim_timeline_svg("moscow-talks-government-backed", "The talks…", events)
    root = ET.fromstring(svg)
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("rx") == "3"]
    assert [b.get("fill") for b in bars] == ["#c0392b", "#2e6da4"]  # denies red, asserts blue
    deny, contradict = (float(b.get("width")) for b in bars)
    assert deny / contradict == pytest.approx(59 / 28, rel=0.02)
    # The contradiction starts a month after the denial may have started.
    assert float(bars[1].get("x")) - float(bars[0].get("x")) == pytest.approx(
        520 * 31 / 364, abs=0.1
    )
    assert "Government of Russia denies, said 2019-01/2019-02: Russia’s denials" in titles(svg)


def test_an_open_date_is_a_faded_bar_to_the_edge():
    events = [
        {
            "key": "s/x",
            "speaker": "Observers",
            "position": "questions",
            "said": "../2019-09-27",
            "said_from": None,
            "said_to": "2019-09-27",
            "text": "viewed skeptically",
        }
    ]
    bar = next(
        r
        for r in ET.fromstring(claim_timeline_svg("k", "t", events)).iter(f"{SVG}rect")
        if r.get("rx") == "3"
    )
    assert bar.get("opacity") == "0.35" and bar.get("x") == "300"  # from the plot's left edge


ROWS = [
    ("afghan-government", "russia", "critical", 7),
    ("afghan-government", "russia", "supportive", 1),
    ("russia", "united-states", "critical", 2),
    (None, "russia", "critical", 1),
]


def test_stance_matrix_counts_and_links():
    svg = stance_matrix_svg(ROWS, {"russia": "Russia"}, lambda by, about, p: f"/x?{by}&{about}&{p}")
    found = titles(svg)
    assert "afghan-government on russia: 8 statement(s)" in found
    assert "afghan-government critical of russia: 7" in found
    assert "afghan-government supportive of russia: 1" in found
    assert "(no party) critical of russia: 1" in found
    root = ET.fromstring(svg)
    hrefs = {a.get("href") for a in root.iter(f"{SVG}a")}
    assert "/x?afghan-government&russia&critical" in hrefs
    assert "/x?afghan-government&russia&None" in hrefs


def test_criticism_graph_arrows():
    found = titles(criticism_graph_svg(ROWS, {}))
    assert "afghan-government critical of russia: 7 statement(s)" in found
    assert "russia critical of united-states: 2 statement(s)" in found
    assert not any(t.startswith("None") for t in found)  # no party, no node


def test_text_is_escaped_in_svg():
    svg = claim_timeline_svg("k", "<script>alert(1)</script> & more", [])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_report_commands_write_files(seeded_url, tmp_path, suffix):
    matrix, graph, timeline = (tmp_path / f"{n}.{suffix}" for n in ("m", "g", "t"))
    assert run(seeded_url, "report", "stance-matrix", "-o", str(matrix)).exit_code == 0
    assert run(seeded_url, "report", "stance-matrix", "--graph", "-o", str(graph)).exit_code == 0
    result = run(
        seeded_url, "report", "claim", "moscow-talks-government-backed", "-o", str(timeline)
    )
    assert result.exit_code == 0
    if suffix == "png":
        for path in (matrix, graph, timeline):
            assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        return
    assert "afghan-government critical of russia: 7" in titles(matrix.read_text())
    assert "afghan-government critical of russia: 7 statement(s)" in titles(graph.read_text())
    found = titles(timeline.read_text())
    assert any(t.startswith("Government of Russia denies, said 2019-01/2019-02") for t in found)
    assert any(t.startswith("A senior Taliban official asserts, said 2019-02") for t in found)


def test_report_of_an_unknown_claim(seeded_url, tmp_path):
    result = run(seeded_url, "report", "claim", "moscow-talks", "-o", str(tmp_path / "t.svg"))
    assert result.exit_code == 2
    assert "Unknown claim 'moscow-talks'" in result.output
    assert not (tmp_path / "t.svg").exists()


@pytest.mark.parametrize("name", ["README.md", "matrix.jpg", "matrix"])
def test_a_report_is_written_only_as_svg_or_png(seeded_url, tmp_path, name):
    """`-o README.md` wrote an SVG over the README; `-o x.jpg` an SVG named .jpg."""
    target = tmp_path / name
    if name == "README.md":
        target.write_text("# notes\n", encoding="utf-8")
    result = run(seeded_url, "report", "stance-matrix", "-o", str(target))
    assert result.exit_code == 2
    assert "name the file .svg, or .png" in result.output
    assert "Traceback" not in result.output
    assert target.read_text() == "# notes\n" if name == "README.md" else not target.exists()


def test_a_report_into_a_missing_folder_is_one_line(seeded_url, tmp_path):
    target = tmp_path / "nowhere" / "m.svg"
    result = run(seeded_url, "report", "stance-matrix", "-o", str(target))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: Cannot write {target}: there is no folder {target.parent}. "
        "Name another file, or create the folder first."
    ]
