"""Source texts, read only from the project's ``seeds/`` folder.

A curated file names its text (``text: seeds/x.txt``); a file from a stranger could name
``/etc/passwd``, ``../../.ssh/id_rsa`` or a symlink out of the project, and the text would be
stored, shown and quoted in messages. So the path, with every symlink resolved, must lie
inside ``seeds/`` and be a regular file of bounded size; a refused file is never opened, and
no message shows a byte of it.
"""

from pathlib import Path

from quotes.curation.files import MEGABYTE, FileMissing, UnreadableFile, read_regular_file
from quotes.errors import QuotesError

SEEDS = "seeds"
MAX_BYTES = 32 * MEGABYTE


class SourceTextError(QuotesError):
    """The source text cannot be used; the message says why and what to do."""


def read_source_text(project: Path, name: str) -> bytes:
    """The bytes of the source text ``name`` (relative to the project folder)."""
    seeds = project / SEEDS
    path = project / name
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(seeds.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        raise SourceTextError(
            f"source text {name!r} cannot be resolved (a symlink loop?)"
        ) from None
    if not inside:
        raise SourceTextError(
            f"source text {name!r} is outside the project's {SEEDS}/ folder; a source text "
            f"must be a file in {seeds}, named relative to the project folder "
            f"({SEEDS}/name.txt)"
        )
    try:
        return read_regular_file(resolved, limit=MAX_BYTES)
    except FileMissing:
        raise SourceTextError(
            f"source text {name!r} not found (looked in {path}); paths are relative to "
            "the project folder"
        ) from None
    except UnreadableFile as error:
        raise SourceTextError(f"source text {name!r} {error}") from None
