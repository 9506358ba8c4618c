"""The append-only audit log: who did what, when, on which project."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.store import now, transaction


def record_event(conn: sqlite3.Connection, project_id: int | None, user_id: int | None,
                 action: str, subject: str = "", detail: dict[str, Any] | None = None) -> int:
    """Append one event; joins the caller's transaction if there is one."""
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO audit_events (project_id, user_id, at, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (project_id, user_id, now(), action, subject, json.dumps(detail or {}, ensure_ascii=False)),
        )
    return cur.lastrowid


# Events that carry a reviewer's decision on a record (subject 'record N', detail.stage).
DECISION_EVENTS = ("screening.change", "screening.undo", "screening.reopened")


def list_events(conn: sqlite3.Connection, project_id: int, limit: int = 200, before_id: int | None = None,
                viewer_id: int | None = None) -> list[dict]:
    """The newest events of a project first, with the user's name; page with before_id.

    With a viewer, blinding holds as everywhere: while the project is blinded, other members' decision
    events on records still open at that stage are left out. Lifting blinding (itself logged) shows them.
    """
    hide = viewer_id is not None and bool(conn.execute(
        "SELECT blinded FROM projects WHERE id = ?", (project_id,)).fetchone()[0])
    marks = ", ".join("?" * len(DECISION_EVENTS))
    rows = conn.execute(
        f"""SELECT e.id, e.at, e.action, e.subject, e.detail, u.name AS user_name
           FROM audit_events e LEFT JOIN users u ON u.id = e.user_id
           WHERE e.project_id = ? AND (? IS NULL OR e.id < ?)
           AND NOT (? AND e.user_id IS NOT ? AND e.action IN ({marks}) AND COALESCE(
                (SELECT s.state FROM screening_state s WHERE s.project_id = e.project_id
                 AND s.stage = json_extract(e.detail, '$.stage')
                 AND s.record_id = CAST(substr(e.subject, 8) AS INTEGER)), 'open') = 'open')
           ORDER BY e.id DESC LIMIT ?""",
        (project_id, before_id, before_id, hide, viewer_id, *DECISION_EVENTS, limit),
    ).fetchall()
    return [dict(row, detail=json.loads(row["detail"])) for row in rows]
