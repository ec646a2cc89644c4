"""The role a speaker held when speaking, and the party they spoke for then.

A statement is tied to the role the curator names (``role_held``), else to a registry role
whose period overlaps the statement's days (open bounds reach everything): one covering all
of them first, then the one begun last. The party spoken for is that role's, else the
speaker's own. A statement with no date at all is tied to no role.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update

from quotes.ingest import rows
from quotes.models import Role, Speaker, Statement

_NEVER = date.min


@dataclass(frozen=True)
class HeldRole:
    id: int
    title: str
    held_from: date | None
    held_to: date | None
    party_id: int | None


class Held:
    """The registry's roles and home parties, read once per load."""

    def __init__(self, session):
        self.roles: dict[int, list[HeldRole]] = {}
        for row in session.execute(
            select(
                Role.id, Role.speaker_id, Role.title, Role.held_from, Role.held_to, Role.party_id
            )
        ):
            self.roles.setdefault(row.speaker_id, []).append(
                HeldRole(row.id, row.title, row.held_from, row.held_to, row.party_id)
            )
        self.parties = {
            row[0]: row[1] for row in session.execute(select(Speaker.id, Speaker.party_id))
        }

    def add_speakers(self, parties: dict[int, int | None]) -> None:
        self.parties.update(parties)

    def at(self, speaker_id: int, said_from, said_to, named: str | None) -> tuple:
        """(role id, party id) for a statement of ``speaker_id`` said between those days."""
        candidates = self.roles.get(speaker_id)
        if not candidates:  # most speakers: no roles in the registry
            return None, self.parties.get(speaker_id)
        said_from, said_to = _day(said_from), _day(said_to)
        chosen = None
        if named is not None:
            chosen = next((r for r in candidates if r.title == named), None)
        elif said_from or said_to:
            overlapping = [r for r in candidates if _overlaps(r, said_from, said_to)]
            if overlapping:
                chosen = min(
                    overlapping,
                    key=lambda r: (
                        not _covers(r, said_from, said_to),
                        r.held_from is None,
                        -(r.held_from or _NEVER).toordinal(),
                        r.id,
                    ),
                )
        party = chosen.party_id if chosen and chosen.party_id else self.parties.get(speaker_id)
        return (chosen.id if chosen else None), party


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _overlaps(role: HeldRole, said_from, said_to) -> bool:
    return (role.held_from is None or said_to is None or role.held_from <= said_to) and (
        role.held_to is None or said_from is None or role.held_to >= said_from
    )


def _covers(role: HeldRole, said_from, said_to) -> bool:
    return (role.held_from is None or (said_from is not None and role.held_from <= said_from)) and (
        role.held_to is None or (said_to is not None and role.held_to >= said_to)
    )


def retie(session, held: Held, speaker_ids: set[int], skip: set[int]) -> None:
    """Tie again the statements of speakers whose roles or party changed (those of sources
    not in this load among them), except the ``skip`` ones, written by this load already."""
    changes = []
    for chunk in rows.chunks(sorted(speaker_ids)):
        for row in session.execute(
            select(
                Statement.id,
                Statement.speaker_id,
                Statement.said_from,
                Statement.said_to,
                Statement.role_named,
                Statement.role_id,
                Statement.party_id,
            ).where(Statement.speaker_id.in_(chunk))
        ):
            if row.id in skip:
                continue
            role_id, party_id = held.at(row.speaker_id, row.said_from, row.said_to, row.role_named)
            if (role_id, party_id) != (row.role_id, row.party_id):
                changes.append({"id": row.id, "role_id": role_id, "party_id": party_id})
    if changes:
        session.execute(update(Statement), changes)
