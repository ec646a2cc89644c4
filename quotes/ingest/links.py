"""Reports of one utterance: statements joined by ``same_as``, worked out after the rows are
written, since a link may name a statement loaded long ago from another source."""

from sqlalchemy import text

from quotes.ingest import rows


def link_utterances(session) -> None:
    """Group the reports of each utterance (statements joined by ``same_as``, transitively)
    and point every report at the earliest: said first, then published first, then by key.
    A statement alone is its own utterance, reported once: ``utterance_id`` NULL, so that
    the common case costs no write."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        source = "substr(s.same_as, 1, instr(s.same_as, '/') - 1)"
        key = "substr(s.same_as, instr(s.same_as, '/') + 1)"
    else:
        source, key = "split_part(s.same_as, '/', 1)", "split_part(s.same_as, '/', 2)"
    links = connection.execute(
        text(
            f'SELECT s.id, t.id FROM statement s JOIN source tso ON tso."key" = {source} '
            f'JOIN statement t ON t.source_id = tso.id AND t."key" = {key} '
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
            "WHERE reports <> 1 OR utterance_id IS NOT NULL"
        )
    ).all()
    known = {row[0]: (row[1], row[2]) for row in current}
    for member in members:
        known.setdefault(member, (None, 1))
    changes = [
        {"id": sid, "utterance_id": want[0], "reports": want[1]}
        for sid in known
        if (want := wanted.get(sid, (None, 1))) != known[sid]
    ]
    for chunk in rows.chunks(changes, 1000):
        session.execute(
            text(
                "UPDATE statement SET utterance_id = :utterance_id, reports = :reports "
                "WHERE id = :id"
            ),
            chunk,
        )
