"""Which records reviewers have on screen right now, so concurrent reviewers are not all handed the same one.

Held in memory of the serving process (one waitress process serves Sil): a claim is a hint for the
queue, not data, so it is never stored and expires on its own. A record counts as taken for others
when its decisions plus other reviewers' live claims reach the number of decisions it needs.
"""
from __future__ import annotations

import sqlite3
import threading
import time

TTL_SECONDS = 15 * 60
_lock = threading.Lock()
# (database file, project, stage) -> user -> {record_id: expires_at}
_held: dict[tuple[str, int, int], dict[int, dict[int, float]]] = {}


def _key(conn: sqlite3.Connection, project_id: int, stage: int) -> tuple[str, int, int]:
    return (conn.execute("PRAGMA database_list").fetchone()[2], project_id, stage)


def hold(conn: sqlite3.Connection, project_id: int, stage: int, user_id: int, record_ids: list[int]) -> None:
    """The reviewer now has exactly these records on screen or prefetched."""
    expires = time.monotonic() + TTL_SECONDS
    with _lock:
        _held.setdefault(_key(conn, project_id, stage), {})[user_id] = {r: expires for r in record_ids}


def release(conn: sqlite3.Connection, project_id: int, stage: int, user_id: int, record_id: int) -> None:
    """The reviewer decided the record: their claim gives way to the decision."""
    with _lock:
        _held.get(_key(conn, project_id, stage), {}).get(user_id, {}).pop(record_id, None)


def held_by_others(conn: sqlite3.Connection, project_id: int, stage: int, user_id: int) -> dict[int, int]:
    """record_id -> how many other reviewers hold it now."""
    now = time.monotonic()
    counts: dict[int, int] = {}
    with _lock:
        for other, records in _held.get(_key(conn, project_id, stage), {}).items():
            if other == user_id:
                continue
            for record_id, expires in list(records.items()):
                if expires < now:
                    del records[record_id]
                else:
                    counts[record_id] = counts.get(record_id, 0) + 1
    return counts


def taken_by_others(conn: sqlite3.Connection, project_id: int, stage: int, user_id: int) -> set[int]:
    """Records other reviewers' claims fill up: decisions plus claims reach what the record needs."""
    held = held_by_others(conn, project_id, stage, user_id)
    if not held:
        return set()
    marks = ",".join("?" * len(held))
    rows = conn.execute(
        f"""SELECT p.record_id, p.pilot_id, COALESCE(s.decisions, 0) AS decisions, pr.reviewers_per_record AS required
            FROM screening_pending p JOIN projects pr ON pr.id = p.project_id
            LEFT JOIN screening_state s ON s.project_id = p.project_id AND s.stage = p.stage AND s.record_id = p.record_id
            WHERE p.project_id = ? AND p.stage = ? AND p.record_id IN ({marks})""",
        (project_id, stage, *held)).fetchall()
    # Pilot records are screened by every pilot reviewer, so a claim never takes one away.
    return {r["record_id"] for r in rows if r["pilot_id"] is None and r["decisions"] + held[r["record_id"]] >= r["required"]}
