"""Finding duplicate records in a project: the run, and the figures PRISMA and exports need."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.accounts import record_event
from review.dedupe import store
from review.dedupe.blocking import candidate_pairs
from review.dedupe.context import mark_project
from review.dedupe.grouping import group_pairs
from review.dedupe.keys import make_keys
from review.store import Conflict, transaction

EXPORT_COLUMNS = ("record_id", "search_id", "source_id", "group_id", "status")


def find_duplicates(conn: sqlite3.Connection, project_id: int, user_id: int | None = None) -> dict[str, int]:
    """Group certain duplicates, queue possible ones; return counts (groups, certain, possible)."""
    run_before = store.last_run_id(conn, project_id)
    rows = store.match_rows(conn, project_id)
    if not rows:
        return {"groups": 0, "certain": 0, "possible": 0}
    keys = [make_keys(row) for row in rows]
    mark_project(keys)  # supplements' DOIs and recurring titles are no evidence
    ids = [k.id for k in keys]
    index = {record_id: i for i, record_id in enumerate(ids)}
    watermark = store.last_checked(conn, project_id)
    # a later import is compared with everything, but old pairs are not compared again
    pairs = candidate_pairs(keys, [i > watermark for i in ids] if watermark else None)
    known = store.known_pairs(conn, project_id)
    pairs = {p: s for p, s in pairs.items() if (ids[p[0]], ids[p[1]]) not in known}
    forbidden = {(index[a], index[b]) for (a, b), d in known.items() if d == "different" and a in index and b in index}
    existing = {index[r]: g for r, g in store.links_of_project(conn, project_id).items() if r in index}
    outcome = group_pairs(keys, pairs, existing, forbidden)
    with transaction(conn):
        if store.last_run_id(conn, project_id) != run_before:
            # another run (the web's, or a second command) wrote its groups while this one compared
            raise Conflict("another duplicate detection on this project finished while this one ran; "
                           "its results stand, run again to check anything added since", key="dup.raced")
        for members in outcome.groups:
            _write_group(conn, project_id, user_id, [ids[i] for i in members], existing, index)
        queued = store.add_pairs(conn, project_id, [(ids[i], ids[j], s, why) for i, j, s, why in outcome.possible])
        counts = {"groups": len(outcome.groups), "certain": outcome.certain, "possible": queued}
        store.add_run(conn, project_id, user_id, ids[-1], **counts)
        record_event(conn, project_id, user_id, "dedupe.run", f"project {project_id}", counts)
    return counts


def _write_group(conn: sqlite3.Connection, project_id: int, user_id: int | None, members: list[int],
                 existing: dict[int, int], index: dict[int, int]) -> None:
    """A new group (the oldest record is screened) or new members for an existing group."""
    group_ids = {existing[index[m]] for m in members if index[m] in existing}
    if group_ids:
        # the existing group keeps its representative, so its screening decisions carry over
        group_id = group_ids.pop()
        store.link(conn, group_id, [m for m in members if index[m] not in existing], "certain")
        return
    group_id = store.create_group(conn, project_id, min(members), user_id)
    store.link(conn, group_id, members, "certain")


def duplicates_removed(conn: sqlite3.Connection, project_id: int) -> int:
    """Records not screened because they duplicate another (PRISMA: duplicate records removed)."""
    row = conn.execute(
        """SELECT (SELECT COUNT(*) FROM records WHERE project_id = :p)
                - (SELECT COUNT(*) FROM screenable_records WHERE project_id = :p)""", {"p": project_id}).fetchone()
    return row[0]


def duplicate_rows(conn: sqlite3.Connection, project_id: int) -> list[tuple[Any, ...]]:
    """One row per record for the duplicates export: record_id, search_id, source_id, group_id, status."""
    return [tuple(r) for r in conn.execute(
        """WITH pending AS (SELECT record_a AS id FROM duplicate_pairs WHERE project_id = :p AND decision IS NULL
                            UNION SELECT record_b FROM duplicate_pairs WHERE project_id = :p AND decision IS NULL)
           SELECT r.id, r.search_id, r.source_id, l.group_id,
                  COALESCE(l.status, CASE WHEN w.id IS NULL THEN 'distinct' ELSE 'possible' END)
           FROM records r LEFT JOIN duplicate_links l ON l.record_id = r.id LEFT JOIN pending w ON w.id = r.id
           WHERE r.project_id = :p ORDER BY r.id""", {"p": project_id})]


def export_duplicates(conn: sqlite3.Connection, project_id: int, fmt: str, **_options: Any) -> bytes:
    """The duplicates export (one row per record) as CSV or XLSX bytes."""
    from exports.tables import write_csv, write_xlsx

    rows = duplicate_rows(conn, project_id)
    if fmt == "xlsx":
        return write_xlsx({"duplicates": (EXPORT_COLUMNS, rows)})
    return write_csv(EXPORT_COLUMNS, rows).encode("utf-8")
