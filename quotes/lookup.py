"""Finding speakers, parties, sources and claims by the names people type.

Keys, names and aliases match ignoring case and accents; for speakers a unique part of a
name ("Saleh") is enough. An ambiguous name lists the candidates, an unknown one suggests
the closest names: both are errors the CLI shows as they are.
"""

import re

from sqlalchemy import or_, select
from sqlmodel import Session

from quotes.errors import QuotesError
from quotes.models import Claim, Party, PartyAlias, Source, Speaker, SpeakerAlias
from quotes.names import did_you_mean, normalize


class UnknownName(QuotesError):
    """No speaker, party, source or claim goes by that name."""

    option: str | None = None  # the command-line option the name came from, if any


class AmbiguousName(QuotesError):
    """More than one speaker matches; the message lists them."""

    option: str | None = None


def _by_key_or_alias(session: Session, model, alias_owner, alias_norm, name: str) -> list:
    """Rows whose key is ``name`` or one of whose aliases is ``name`` once normalized."""
    owned = select(alias_owner).where(alias_norm == normalize(name))
    query = select(model).where(or_(model.key == name.strip(), model.id.in_(owned)))
    return list(session.execute(query).scalars())


def find_speaker(session: Session, name: str) -> Speaker:
    norm = normalize(name)
    exact = _by_key_or_alias(session, Speaker, SpeakerAlias.speaker_id, SpeakerAlias.norm, name)
    if len(exact) == 1:
        return exact[0]
    if not exact:
        exact = _speakers_by_part(session, norm)
        if len(exact) == 1:
            return exact[0]
    if exact:
        listed = ", ".join(f"{s.key} ({s.name})" for s in sorted(exact, key=lambda s: s.key))
        raise AmbiguousName(
            f"{name!r} matches {len(exact)} speakers: {listed}. Use a full name or a key."
        )
    names = session.execute(select(SpeakerAlias.alias)).scalars().all()
    raise UnknownName(
        f"No speaker called {name!r}.{did_you_mean(name, sorted(set(names)))} "
        "See `quotes speakers`."
    )


def _speakers_by_part(session: Session, norm: str) -> list[Speaker]:
    """Speakers one of whose names contains ``norm`` as whole words ("saleh", "lavrov")."""
    if not norm:
        return []
    words = re.compile(rf"(?<!\w){re.escape(norm)}(?!\w)")
    escaped = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = session.execute(
        select(SpeakerAlias.speaker_id, SpeakerAlias.norm).where(
            SpeakerAlias.norm.like(f"%{escaped}%", escape="\\")
        )
    ).all()
    ids = {speaker_id for speaker_id, alias in rows if words.search(alias)}
    if not ids:
        return []
    return list(session.execute(select(Speaker).where(Speaker.id.in_(ids))).scalars())


def find_party(session: Session, name: str) -> Party:
    norm = normalize(name)
    found = _by_key_or_alias(session, Party, PartyAlias.party_id, PartyAlias.norm, name)
    if found:
        return found[0]
    for candidate in session.execute(select(Party)).scalars():
        if normalize(candidate.name) == norm:
            return candidate
    known = session.execute(select(Party.key)).scalars().all()
    aliases = session.execute(select(PartyAlias.alias)).scalars().all()
    raise UnknownName(
        f"Unknown party {name!r}.{did_you_mean(name, [*known, *aliases])} See `quotes parties`."
    )


def find_source(session: Session, key: str) -> Source:
    return _by_key(session, Source, key, "source", "quotes sources")


def find_claim(session: Session, key: str) -> Claim:
    return _by_key(session, Claim, key, "claim", "quotes claims")


def _by_key(session: Session, model, key: str, kind: str, listing: str):
    row = session.execute(select(model).where(model.key == key.strip())).scalars().first()
    if row is None:
        known = session.execute(select(model.key)).scalars().all()
        raise UnknownName(f"Unknown {kind} {key!r}.{did_you_mean(key, known)} See `{listing}`.")
    return row


def resolve_filters(
    session: Session,
    *,
    speakers=(),
    by=(),
    about=(),
    critical_of=(),
    supportive_of=(),
    sources=(),
    claims=(),
    **plain,
):
    """Filters with every name the user typed turned into ids; UnknownName for a bad one.

    ``plain`` carries the options that need no lookup (kinds, dates, search, sort, limit).
    """
    from quotes.query import Filters

    def ids(find, names, option: str) -> tuple[int, ...]:
        try:
            return tuple(sorted({find(session, name).id for name in names}))
        except (UnknownName, AmbiguousName) as error:
            error.option = option
            raise

    return Filters(
        speaker_ids=ids(find_speaker, speakers, "speaker"),
        by_party_ids=ids(find_party, by, "by"),
        about_party_ids=ids(find_party, about, "about"),
        critical_of=ids(find_party, critical_of, "critical-of"),
        supportive_of=ids(find_party, supportive_of, "supportive-of"),
        source_ids=ids(find_source, sources, "source"),
        claim_ids=ids(find_claim, claims, "claim"),
        **plain,
    )
