"""What a statement's row says about others: the utterance it reports, and the role and
party its speaker held when speaking. Both follow from rows anywhere in the database (a
link may name a source loaded long ago), so they are worked out after the rows are written,
in SQL and for the statements a load touched."""

from sqlalchemy import text

from quotes.ingest import rows

# The role held when speaking: the curator's named one, else a role whose period overlaps the
# statement's days (open bounds reach everything), preferring one that covers them all, then
# the most recently begun. A statement with no date at all is tied to no role.
_MATCH = """
  FROM role r WHERE r.speaker_id = statement.speaker_id
    AND CASE WHEN statement.role_named IS NOT NULL THEN r.title = statement.role_named
        ELSE (statement.said_from IS NOT NULL OR statement.said_to IS NOT NULL)
         AND (r.held_from IS NULL OR statement.said_to IS NULL OR r.held_from <= statement.said_to)
         AND (r.held_to IS NULL OR statement.said_from IS NULL OR r.held_to >= statement.said_from)
        END"""
_COVERS = """
    AND (r.held_from IS NULL OR r.held_from <= statement.said_from)
    AND (r.held_to IS NULL OR r.held_to >= statement.said_to)"""
_LATEST = " ORDER BY r.held_from DESC NULLS LAST, r.id LIMIT 1"
_ROLE = (
    "UPDATE statement SET role_id = COALESCE("
    f"(SELECT r.id {_MATCH} {_COVERS} {_LATEST}), (SELECT r.id {_MATCH} {_LATEST})) "
    "WHERE {where}"
)
# The party spoken for: the role's, else the speaker's own.
_PARTY = """
UPDATE statement SET party_id = COALESCE(
  (SELECT r.party_id FROM role r WHERE r.id = statement.role_id),
  (SELECT sp.party_id FROM speaker sp WHERE sp.id = statement.speaker_id))
WHERE {where}
"""


def tie_to_roles(session, statement_ids: list[int], speaker_ids: set[int]) -> None:
    """Set the role and party at the time of the statements given, and of every statement
    of the speakers given (whose roles or party changed)."""
    for column, ids in (("id", statement_ids), ("speaker_id", sorted(speaker_ids))):
        for chunk in rows.chunks(ids):
            where = f"statement.{column} IN ({', '.join(str(int(i)) for i in chunk)})"
            session.execute(text(_ROLE.replace("{where}", where)))
            session.execute(text(_PARTY.format(where=where)))


def link_utterances(session) -> None:
    """Group the reports of each utterance (statements joined by ``same_as``, transitively)
    and point every report at the earliest: said first, then published first, then by key.
    A statement alone is its own utterance, reported once."""
    connection = session.connection()
    connection.execute(text("UPDATE statement SET utterance_id = id WHERE utterance_id IS NULL"))
    links = connection.execute(
        text(
            "SELECT s.id, t.id FROM statement s "
            "JOIN source tso ON tso.\"key\" = substr(s.same_as, 1, instr(s.same_as, '/') - 1) "
            "JOIN statement t ON t.source_id = tso.id "
            "AND t.\"key\" = substr(s.same_as, instr(s.same_as, '/') + 1) "
            "WHERE s.same_as IS NOT NULL"
            if connection.dialect.name == "sqlite"
            else "SELECT s.id, t.id FROM statement s "
            "JOIN source tso ON tso.\"key\" = split_part(s.same_as, '/', 1) "
            "JOIN statement t ON t.source_id = tso.id "
            "AND t.\"key\" = split_part(s.same_as, '/', 2) "
            "WHERE s.same_as IS NOT NULL"
        )
    ).all()
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.get(i, i) != i:
            parent[i] = parent.get(parent[i], parent[i])
            i = parent[i]
        return i

    for a, b in links:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for member in parent:
        groups.setdefault(root(member), []).append(member)
    order: dict[int, tuple] = {}
    members = list(parent)
    for chunk in rows.chunks(members):
        marks = ", ".join(str(int(i)) for i in chunk)
        for sid, said_from, published_from, source_key, key in connection.execute(
            text(
                'SELECT s.id, s.said_from, so.published_from, so."key", s."key" '
                f"FROM statement s JOIN source so ON so.id = s.source_id WHERE s.id IN ({marks})"
            )
        ):
            order[sid] = (
                str(said_from) if said_from else "9999",
                str(published_from) if published_from else "9999",
                source_key,
                key,
            )
    wanted = {}
    for group in groups.values():
        first = min(group, key=order.__getitem__)
        wanted.update({member: (first, len(group)) for member in group})
    # Every statement that is not alone, or was not alone before: compared, then written.
    current = connection.execute(
        text(
            "SELECT id, utterance_id, reports FROM statement "
            "WHERE reports <> 1 OR utterance_id IS NULL OR utterance_id <> id"
        )
    ).all()
    known = {row[0]: (row[1], row[2]) for row in current}
    for member in members:
        known.setdefault(member, (member, 1))
    changes = [
        {"id": sid, "utterance_id": want[0], "reports": want[1]}
        for sid in known
        if (want := wanted.get(sid, (sid, 1))) != known[sid]
    ]
    for chunk in rows.chunks(changes, 1000):
        session.execute(
            text(
                "UPDATE statement SET utterance_id = :utterance_id, reports = :reports "
                "WHERE id = :id"
            ),
            chunk,
        )
