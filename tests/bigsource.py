"""A generated source big enough that loading it takes seconds: for interruption tests."""

from pathlib import Path

import yaml


def write_big_source(project: Path, key: str, statements: int) -> Path:
    """Write seeds/KEY.txt and data/sources/KEY.yaml with ``statements`` reviewed statements,
    each one paragraph of the text; return the YAML file."""
    paragraphs = [
        f"In remarks number {i}, Lavrov said that item {key}-{i} was settled in Moscow."
        for i in range(statements)
    ]
    text_path = project / "seeds" / f"{key}.txt"
    text_path.write_text("\n\n".join(["A generated source", *paragraphs]) + "\n", encoding="utf-8")
    entries = [
        {
            "key": f"item-{i}",
            "speaker": "sergei-lavrov",
            "kind": "indirect",
            "text": f"said that item {key}-{i} was settled in Moscow",
            "cue": "said",
            "said": "2019-05-27",
            "stances": {"russia": "supportive"},
            "status": "reviewed",
        }
        for i in range(statements)
    ]
    document = {
        "source": {
            "title": f"Generated {key}",
            "published": "2019-06",
            "text": str(text_path.relative_to(project)),
        },
        "statements": entries,
    }
    path = project / "data" / "sources" / f"{key}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
