"""`quotes check`: validation without writing, and anchors that moved or broke."""

from tests.helpers import SEED, copy_project, dump, edit, line_of, run


def test_check_on_the_curated_record_passes_and_writes_nothing(tmp_path):
    data = copy_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'never.db'}"
    result = run(url, "check", "--data", str(data))
    assert result.exit_code == 0
    assert result.stderr == (
        "ok: 1 source(s), 22 statement(s) anchored, 14 speakers, 9 parties, 6 claims\n"
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
