"""The curated file format, as pydantic models: what each YAML file may and must contain.

Unknown fields are errors (a misspelt field must not be silently dropped), and every EDTF
date is checked and bounded here, so that a bad date is reported with its line.
"""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

from quotes import dates
from quotes.languages import TAG_PATTERN
from quotes.vocabulary import DateBasis, PartyKind, Polarity, Position, SpeakerKind, StatementKind

Key = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=120)
]
Ref = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]  # checked later
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Wikidata = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")]
# Another source's statement or speaker: "source-key/key".
KeyPath = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"
    ),
]
# A well-formed BCP 47 tag (RFC 5646): language, then optional script, region and variants.
LanguageTag = Annotated[str, StringConstraints(pattern=rf"^(?i:{TAG_PATTERN})$")]


def _edtf(value: str) -> str:
    try:
        dates.bounds(value)
    except dates.DateError as error:
        raise ValueError(str(error)) from None
    return value


Edtf = Annotated[str, AfterValidator(_edtf)]


def _day(value: str) -> str:
    found = dates.bounds(value)
    if found.lower is None or found.lower != found.upper:
        raise ValueError(f"{value!r} is not one day; write the day as YYYY-MM-DD")
    return value


Day = Annotated[Edtf, AfterValidator(_day)]


def _words(value: str) -> str:
    if not value.strip():
        raise ValueError("the text is only blank space; copy the words as the source prints them")
    return value


Verbatim = Annotated[str, StringConstraints(min_length=1), AfterValidator(_words)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PartyEntry(Strict):
    key: Key
    name: Text
    kind: PartyKind
    code: str | None = None
    parent: Ref | None = None
    existed: Edtf | None = None
    wikidata: Wikidata | None = None
    aliases: list[Text] = []


class PartyRegistry(Strict):
    parties: list[PartyEntry]


class ClaimEntry(Strict):
    key: Key
    text: Text
    topic: str | None = None


class ClaimRegistry(Strict):
    claims: list[ClaimEntry]


class RoleEntry(Strict):
    title: Text
    party: Ref | None = None
    start: Edtf | None = None
    end: Edtf | None = None


class SpeakerFile(Strict):
    """One speaker per file, named by its key (``data/speakers/amrullah-saleh.yaml``)."""

    name: Text
    kind: SpeakerKind
    wikidata: Wikidata | None = None
    party: Ref | None = None
    aliases: list[Text] = []
    roles: list[RoleEntry] = []


class StanceEntry(Strict):
    polarity: Polarity
    note: str | None = None


class StatementEntry(Strict):
    key: Key
    status: str = Field(default="reviewed", pattern=r"^(draft|reviewed)$")
    speaker: Ref
    speaker_as_written: str | None = None
    role: str | None = None
    kind: StatementKind
    text: Verbatim
    # Disambiguate a text found more than once: its context, or which occurrence (1 = first).
    before: str | None = None
    after: str | None = None
    occurrence: Annotated[int, Field(ge=1)] | None = None
    cue: str | None = None
    said: Edtf | None = None
    said_as_written: str | None = None
    said_basis: DateBasis | None = None
    context: str | None = None
    stances: dict[Ref, Polarity | StanceEntry] = {}
    claims: dict[Ref, Position] = {}
    note: str | None = None
    # The English rendering of words quoted in another language.
    translation: Text | None = None
    # Another report of the same utterance (same speaker, compatible date).
    same_as: KeyPath | None = None
    # The registry role the speaker spoke in, by title, where the date does not tell.
    role_held: Text | None = None


class LocalSpeaker(Strict):
    """An unnamed speaker, declared in the one source that quotes it ("a senior official")."""

    key: Key
    name: Text
    party: Ref | None = None
    # The same person as an unnamed speaker of another source ("source-key/speaker-key").
    same_as: KeyPath | None = None
    note: str | None = None


class SourceMeta(Strict):
    title: Text
    publication: str | None = None
    section: str | None = None
    author: str | None = None
    url: str | None = None
    published: Edtf | None = None
    text: Text  # path of the source text, relative to the project folder (seeds/...)
    # The opening words of the first body paragraph (after headline, standfirst and credits):
    # paragraphs are numbered from it, for citations.
    body: Text | None = None
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    language: LanguageTag = "en"
    accessed: Day | None = None  # when an undated web source was read, for its citation
    curated_by: Text | None = None
    reviewed: Day | None = None
    note: str | None = None


class SourceFile(Strict):
    """One source per file, named by its key (``data/sources/<key>.yaml``)."""

    source: SourceMeta
    speakers: list[LocalSpeaker] = []
    statements: list[StatementEntry] = []


KeyAdapter = TypeAdapter(Key)

FIELD_NAMES = sorted(
    {
        name
        for model in (
            PartyEntry,
            ClaimEntry,
            RoleEntry,
            SpeakerFile,
            StanceEntry,
            StatementEntry,
            SourceMeta,
            SourceFile,
            LocalSpeaker,
            PartyRegistry,
            ClaimRegistry,
        )
        for name in model.model_fields
    }
)
