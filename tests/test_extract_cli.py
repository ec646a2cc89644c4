"""`quotes extract` over many files, and never over a curated file without --force."""

from tests.helpers import PROJECT, run
from tests.test_database_errors import tmpfs  # noqa: F401 (a fixture)

STORY = (
    "Envoy says talks will resume\n"
    "\n"
    "KABUL, March 3 /Bakhtar/ - Zamir Kabulov said on Sunday that the talks would resume "
    "in the spring of 2020.\n"
)
OTHER = "“The border stays closed,” the ministry said.\n"


def extract(tmp_path, *args):
    return run(f"sqlite:///{tmp_path / 'q.db'}", "extract", "--data", str(PROJECT / "data"), *args)


def test_many_texts_into_a_folder_without_a_progress_bar_in_a_pipe(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    out = tmp_path / "drafts"
    result = extract(
        tmp_path, str(tmp_path / "story.txt"), str(tmp_path / "other.txt"), "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["other.yaml", "story.yaml"]
    story = (out / "story.yaml").read_text(encoding="utf-8")
    # March 3, 2020 was a Tuesday: "on Sunday" is March 1.
    assert '  published: "2020-03-03"' in story
    assert "    said: 2020-03-01\n" in story
    assert result.stderr == f"2 candidate statement(s) drafted in 2 file(s) in {out}\n"
    assert "Drafting" not in result.output
    silent = extract(
        tmp_path, str(tmp_path / "other.txt"), "--out", str(tmp_path / "d2"), "--silent"
    )
    assert silent.exit_code == 0 and silent.stderr == ""


def test_an_existing_file_is_not_overwritten_without_force(tmp_path):
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    curated = tmp_path / "other.yaml"
    reviewed = (
        "speakers:\n  - key: unnamed-official\n    name: An official\n"  # keys, no statements
        "statements:\n  - key: a\n    status: reviewed\n  - key: b\n    status: draft\n"
    )
    curated.write_text(reviewed, encoding="utf-8")
    refused = extract(tmp_path, str(tmp_path / "other.txt"), "-o", str(curated))
    assert refused.exit_code == 1
    assert f"  {curated}: 2 statement(s), 1 of them reviewed" in refused.stderr
    assert "Use --force to overwrite" in refused.stderr
    assert curated.read_text(encoding="utf-8") == reviewed
    per_file = extract(tmp_path, str(tmp_path / "other.txt"), "--out", str(tmp_path))
    assert per_file.exit_code == 1 and curated.read_text(encoding="utf-8") == reviewed
    forced = extract(tmp_path, str(tmp_path / "other.txt"), "-o", str(curated), "--force")
    assert forced.exit_code == 0
    assert "status: draft" in curated.read_text(encoding="utf-8")
    assert "    status: reviewed" not in curated.read_text(encoding="utf-8")


def test_several_texts_need_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(OTHER, encoding="utf-8")
    result = extract(tmp_path, str(tmp_path / "a.txt"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert "Several texts need --out DIR" in result.stderr


def test_json_lines_with_a_file_to_write_is_a_usage_error(tmp_path):
    # --nl prints to standard output; -o or --out there used to be ignored without a word, so
    # the file the user asked for was never written.
    (tmp_path / "a.txt").write_text(OTHER, encoding="utf-8")
    for target in (["-o", str(tmp_path / "a.jsonl")], ["--out", str(tmp_path / "drafts")]):
        result = extract(tmp_path, str(tmp_path / "a.txt"), "--nl", *target)
        assert result.exit_code == 2, result.output
        assert "--nl prints to standard output" in result.stderr
        assert "Traceback" not in result.output
        assert not (tmp_path / "a.jsonl").exists() and not (tmp_path / "drafts").exists()


def test_a_full_disk_keeps_the_file_that_force_would_replace(tmp_path, tmpfs):  # noqa: F811
    # --force over a curated file used to open it for writing at once: a disk that filled
    # before the draft was written whole left the curated file cut short, its review lost.
    disk = tmpfs("16k")
    curated = disk / "seed.yaml"
    reviewed = "statements:\n  - key: a\n    status: reviewed\n"
    curated.write_text(reviewed, encoding="utf-8")
    (disk / "filler").write_bytes(b"x" * 8192)  # leaves a page free: less than the draft
    seed = PROJECT / "seeds" / "russia-falling-out-with-kabul.txt"
    result = extract(tmp_path, str(seed), "-o", str(curated), "--force")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: Cannot write {curated}: No space left on device")
    assert "Traceback" not in result.output
    assert curated.read_text(encoding="utf-8") == reviewed
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "seed.yaml"]  # no half file
