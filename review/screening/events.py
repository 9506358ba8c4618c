"""Appending screening events, and the checks every kind of event shares."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.screening.state import DECISIONS, STAGES
from review.store import Conflict, Invalid, now

MAX_NOTE = 4000


def append_event(conn: sqlite3.Connection, project_id: int, record_id: int, stage: int, user_id: int, kind: str,
                 **fields: Any) -> int:
    """Append one row to screening_events (inside the caller's transaction); return its id."""
    columns = ["project_id", "record_id", "stage", "user_id", "kind", "at", *fields]
    values = [project_id, record_id, stage, user_id, kind, now(), *fields.values()]
    cur = conn.execute(f"INSERT INTO screening_events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                       values)
    return cur.lastrowid


def own_event_number(conn: sqlite3.Connection, project_id: int, user_id: int, event_id: int) -> int:
    """The event's place among the reviewer's own events in the project (1, 2, ...): what an answer shows
    instead of the table's id, which counts every event of the whole site and so how busy other projects are."""
    return conn.execute("SELECT COUNT(*) FROM screening_events WHERE project_id = ? AND user_id = ? AND id <= ?",
                        (project_id, user_id, event_id)).fetchone()[0]


def check_values(conn: sqlite3.Connection, project_id: int, stage: int, decision: str,
                 reason_id: int | None, note: str) -> None:
    """Invalid unless stage, decision, note and (for a full-text exclusion) the reason are acceptable."""
    if stage not in STAGES:
        raise Invalid(f"stage must be 1 (title/abstract) or 2 (full text), not {stage!r}",
                      "error.screening.bad_stage", stage=stage)
    if decision not in DECISIONS[stage]:
        raise Invalid(f"decision at stage {stage} must be one of {', '.join(DECISIONS[stage])}, not {decision!r}",
                      "error.screening.bad_decision", stage=stage, choices=", ".join(DECISIONS[stage]),
                      decision=decision)
    if len(note) > MAX_NOTE:
        raise Invalid(f"the note is {len(note)} characters long; keep it under {MAX_NOTE}",
                      "error.screening.note_too_long", length=len(note), max=MAX_NOTE)
    if stage == 2 and decision == "exclude":
        if reason_id is None:
            raise Invalid("excluding a full text needs an exclusion reason from the project's list",
                          "error.screening.reason_needed")
        row = conn.execute("SELECT retired_at FROM exclusion_reasons WHERE id = ? AND project_id = ?",
                           (reason_id, project_id)).fetchone()
        if row is None or row["retired_at"]:
            raise Invalid(f"exclusion reason {reason_id} is not in this project's current list",
                          "error.screening.reason_not_listed", reason=reason_id)


def check_not_final(conn: sqlite3.Connection, project_id: int, record_id: int, stage: int, state: dict[str, Any],
                    user_id: int | None = None) -> None:
    """Conflict when decisions on the record at the stage can no longer change (resolved, released, or moved on).

    For a blinded reviewer (user_id given) the answer must not depend on what others decided on open
    records: their stage-1 decision is final when the lead released the outcome, or when they decided
    the record at full text themself, not when someone else did.
    """
    from review.screening.blinding import is_released, sees_outcomes

    if state["resolution_event_id"]:
        raise Conflict(f"record {record_id} was resolved at stage {stage}; ask the lead to revisit the resolution",
                       "error.screening.resolved", record=record_id, stage=stage)
    if user_id is not None and is_released(conn, project_id, stage, record_id):
        raise Conflict(f"the lead released the outcome of record {record_id} at stage {stage}, so its decisions are "
                       "final; ask the lead to revisit it", "error.screening.released", record=record_id, stage=stage)
    blinded = user_id is not None and not sees_outcomes(conn, project_id, user_id)
    if stage == 1 and conn.execute(
            "SELECT 1 FROM screening_events WHERE project_id = ? AND record_id = ? AND stage = 2"
            " AND (? IS NULL OR user_id = ?) LIMIT 1",
            (project_id, record_id, user_id if blinded else None, user_id if blinded else None)).fetchone():
        raise Conflict(f"record {record_id} is already in full-text screening; its title/abstract decisions are final",
                       "error.screening.in_fulltext", record=record_id)
