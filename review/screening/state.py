"""Derive where a record stands at a stage from its events, and keep the projections in step."""
from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from review.store import NotFound, transaction

STAGES = (1, 2)
DECISIONS = {1: ("include", "exclude", "maybe"), 2: ("include", "exclude")}
MAYBE_POLICIES = ("as_include", "conflict")


_WRITERS = threading.RLock()


@contextlib.contextmanager
def screening_write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that screening threads of this process take in turn.

    Reviewers decide many times a minute; queueing them on a lock here spares them SQLite's busy
    handler, which sleeps in growing steps (up to 100 ms) while another connection writes.
    """
    if conn.in_transaction:
        yield conn
        return
    with _WRITERS, transaction(conn):
        yield conn


def project_settings(conn: sqlite3.Connection, project_id: int) -> dict[str, Any]:
    """Screening settings of a project: reviewers per record, blinding, maybe policy, PDF size limit."""
    row = conn.execute(
        """SELECT p.reviewers_per_record, p.blinded,
                  COALESCE(s.maybe_policy, 'as_include') AS maybe_policy,
                  COALESCE(s.pdf_max_bytes, 52428800) AS pdf_max_bytes
           FROM projects p LEFT JOIN screening_settings s ON s.project_id = p.id WHERE p.id = ?""",
        (project_id,)).fetchone()
    if row is None:
        raise NotFound(f"project {project_id} not found", "error.project.not_found")
    return dict(row)


def combine(decisions: Sequence[tuple[str, int | None]], stage: int, maybe_policy: str) -> tuple[str, str | None, int | None]:
    """(state, outcome, reason_id) for a complete set of (decision, reason_id) pairs.

    Maybe moves on with include and conflicts with exclude under 'as_include'; under 'conflict'
    any maybe needs a resolution. At stage 2 two excludes with different reasons are a conflict,
    since PRISMA counts each excluded report under one reason.
    """
    values = [d for d, _ in decisions]
    if "maybe" in values:
        if maybe_policy == "conflict" or "exclude" in values:
            return "conflict", None, None
        values = ["include" for _ in values]
    if len(set(values)) != 1:
        return "conflict", None, None
    outcome = values[0]
    if stage == 2 and outcome == "exclude":
        reasons = {r for _, r in decisions}
        if len(reasons) != 1:
            return "conflict", None, None
        return "settled", outcome, reasons.pop()
    return "settled", outcome, None


def active_pilot(conn: sqlite3.Connection, project_id: int, record_id: int) -> tuple[int, list[int]] | None:
    """(pilot id, reviewer ids) of the open pilot round holding this record, if any."""
    row = conn.execute(
        """SELECT p.id, p.reviewer_ids FROM pilot_records r JOIN pilots p ON p.id = r.pilot_id
           WHERE p.project_id = ? AND r.record_id = ? AND p.closed_at IS NULL""",
        (project_id, record_id)).fetchone()
    return (row["id"], json.loads(row["reviewer_ids"])) if row else None


def required_decisions(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> int:
    """How many independent decisions the record needs at the stage (every pilot reviewer in a pilot)."""
    if stage == 1:
        pilot = active_pilot(conn, project_id, record_id)
        if pilot:
            return len(pilot[1])
    return project_settings(conn, project_id)["reviewers_per_record"]


def latest_resolution(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> sqlite3.Row | None:
    """The resolution in force for the record at the stage (the newest one wins)."""
    return conn.execute(
        """SELECT id, decision, reason_id FROM screening_events
           WHERE project_id = ? AND record_id = ? AND stage = ? AND kind = 'resolution'
           ORDER BY id DESC LIMIT 1""", (project_id, record_id, stage)).fetchone()


def current_decisions(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> list[sqlite3.Row]:
    """Every reviewer's current decision on the record at the stage."""
    return conn.execute(
        "SELECT * FROM screening_current WHERE project_id = ? AND stage = ? AND record_id = ? ORDER BY event_id",
        (project_id, stage, record_id)).fetchall()


def state_of(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> dict[str, Any]:
    """The stored state of the record at the stage; 'open' with no decisions when nothing happened yet."""
    row = conn.execute("SELECT * FROM screening_state WHERE project_id = ? AND stage = ? AND record_id = ?",
                       (project_id, stage, record_id)).fetchone()
    if row:
        return dict(row)
    return {"project_id": project_id, "stage": stage, "record_id": record_id, "decisions": 0,
            "required": required_decisions(conn, project_id, stage, record_id), "state": "open",
            "outcome": None, "reason_id": None, "resolution_event_id": None}


def refresh(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> dict[str, Any]:
    """Recompute the record's state at the stage from its decisions; update state, queue and next stage."""
    settings = project_settings(conn, project_id)
    decisions = current_decisions(conn, project_id, stage, record_id)
    required = required_decisions(conn, project_id, stage, record_id)
    resolution = latest_resolution(conn, project_id, stage, record_id)
    outcome = reason = resolution_id = None
    if resolution is not None:
        state, outcome, reason, resolution_id = "settled", resolution["decision"], resolution["reason_id"], resolution["id"]
    elif len(decisions) < required:
        state = "open"
    else:
        pairs = [(d["decision"], d["reason_id"]) for d in decisions]
        state, outcome, reason = combine(pairs, stage, settings["maybe_policy"])
    _store_state(conn, project_id, stage, record_id, len(decisions), required, state, outcome, reason, resolution_id)
    _set_pending(conn, project_id, stage, record_id, state == "open" and _eligible(conn, project_id, stage, record_id))
    if state != "open":
        drop_ranks(conn, project_id, stage, record_id)
    if stage == 1:
        refresh_stage2_entry(conn, project_id, record_id)
    return state_of(conn, project_id, stage, record_id)


def refresh_stage2_entry(conn: sqlite3.Connection, project_id: int, record_id: int) -> None:
    """Put the record in (or take it out of) the stage-2 queue after its stage-1 state changed."""
    st2 = conn.execute("SELECT state FROM screening_state WHERE project_id = ? AND stage = 2 AND record_id = ?",
                       (project_id, record_id)).fetchone()
    still_open = st2 is None or st2["state"] == "open"
    _set_pending(conn, project_id, 2, record_id, still_open and _eligible(conn, project_id, 2, record_id))


def drop_ranks(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int,
               user_ids: tuple[int, ...] | None = None) -> None:
    """Take a record out of the stored rankings (everyone's, or some users'): no queue needs it any more.

    Queues walk ranks in order; rows of closed records would only be stepped over on every request.
    """
    if user_ids is None:
        user_ids = (0, *(r[0] for r in conn.execute("SELECT user_id FROM memberships WHERE project_id = ?", (project_id,))))
    conn.executemany("DELETE FROM queue_ranks WHERE project_id = ? AND user_id = ? AND stage = ? AND record_id = ?",
                     [(project_id, uid, stage, record_id) for uid in user_ids])


def _eligible(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> bool:
    if stage == 1:
        return True
    passed = conn.execute(
        """SELECT 1 FROM screening_state WHERE project_id = ? AND stage = 1 AND record_id = ?
           AND state = 'settled' AND outcome = 'include'""", (project_id, record_id)).fetchone()
    return passed is not None and not fulltext_not_retrieved(conn, project_id, record_id)


def fulltext_not_retrieved(conn: sqlite3.Connection, project_id: int, record_id: int) -> bool:
    """Whether the record's latest full-text event marks it as not retrieved."""
    row = conn.execute("SELECT kind FROM fulltext_events WHERE project_id = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
                       (project_id, record_id)).fetchone()
    return row is not None and row["kind"] == "not_retrieved"


def _store_state(conn, project_id, stage, record_id, count, required, state, outcome, reason, resolution_id) -> None:
    conn.execute(
        """INSERT INTO screening_state (project_id, stage, record_id, decisions, required, state, outcome,
                                        reason_id, resolution_event_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (project_id, stage, record_id) DO UPDATE SET decisions = excluded.decisions,
               required = excluded.required, state = excluded.state, outcome = excluded.outcome,
               reason_id = excluded.reason_id, resolution_event_id = excluded.resolution_event_id""",
        (project_id, stage, record_id, count, required, state, outcome, reason, resolution_id))


def _set_pending(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int, pending: bool) -> None:
    if not pending:
        conn.execute("DELETE FROM screening_pending WHERE project_id = ? AND stage = ? AND record_id = ?",
                     (project_id, stage, record_id))
        return
    pilot = active_pilot(conn, project_id, record_id) if stage == 1 else None
    # The record's place in the queue order is a function of the record (migration 0010), so it comes
    # back to the same place after an undo whether or not another reviewer's decision had closed it.
    conn.execute(
        """INSERT INTO screening_pending (project_id, stage, record_id, shuffle, pilot_id)
           VALUES (:p, :s, :r, ((:r * 2654435761) % 4294967296 - 2147483648) * 4294967296, :pilot)
           ON CONFLICT (project_id, stage, record_id) DO UPDATE SET pilot_id = excluded.pilot_id""",
        {"p": project_id, "s": stage, "r": record_id, "pilot": pilot[0] if pilot else None})


def rebuild_current(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int, user_id: int) -> None:
    """Set a reviewer's current decision to their newest decision event that no undo cancelled."""
    row = conn.execute(
        """SELECT * FROM screening_events e WHERE project_id = ? AND stage = ? AND record_id = ? AND user_id = ?
           AND kind = 'decision' AND NOT EXISTS (SELECT 1 FROM screening_events u WHERE u.undoes = e.id)
           ORDER BY id DESC LIMIT 1""", (project_id, stage, record_id, user_id)).fetchone()
    conn.execute("DELETE FROM screening_current WHERE project_id = ? AND stage = ? AND record_id = ? AND user_id = ?",
                 (project_id, stage, record_id, user_id))
    if row is not None:
        conn.execute(
            """INSERT INTO screening_current (project_id, stage, record_id, user_id, event_id, decision,
                                              reason_id, note, labels, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (project_id, stage, record_id, user_id, row["id"], row["decision"], row["reason_id"], row["note"],
             row["labels"], row["at"]))
