"""Screening decisions: record, change and undo them (as events), and what passed each stage.

The other screening modules: screening_state (deriving a record's state), screening_queue (the
next record), screening_conflicts, screening_agreement, screening_fulltext, screening_pilot,
screening_reasons, screening_reports (exports and PRISMA counts), screening_access (roles, blinding).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from review import accounts
from review.accounts import record_event
from review.screening import claims as screening_claims
from review.screening.access import require_screener
from review.screening.blinding import passed_stage1
from review.screening.events import append_event, check_not_final, check_values
from review.screening.queue import claim_next, next_record
from review.screening.reports import included_records, screening_counts
from review.screening.state import (
    active_pilot,
    drop_ranks,
    fulltext_not_retrieved,
    rebuild_current,
    refresh,
    screening_write,
    state_of,
)
from review.store import Conflict, Invalid, NotFound

# What other areas (ranking, extraction, PRISMA) use, all reachable from this one module.
__all__ = ["record_decision", "undo_last", "my_decisions", "my_decision", "my_count", "decisions_for_training",
           "next_record", "claim_next", "included_records", "screening_counts", "state_of"]


def record_decision(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int, stage: int,
                    decision: str, reason_id: int | None = None, note: str = "",
                    labels: Iterable[str] = (), change_reason: str = "") -> dict[str, Any]:
    """Append a reviewer's decision on a record at a stage; return the record's new state.

    A second decision by the same reviewer on the same record changes the first and needs a reason.
    """
    require_screener(conn, project_id, user_id)
    labels = _clean_labels(labels)
    note, change_reason = (note or "").strip(), (change_reason or "").strip()
    check_values(conn, project_id, stage, decision, reason_id, note)
    with screening_write(conn):
        _check_record(conn, project_id, record_id, stage, user_id)
        own = conn.execute("SELECT event_id FROM screening_current WHERE project_id = ? AND stage = ? AND record_id = ? AND user_id = ?",
                           (project_id, stage, record_id, user_id)).fetchone()
        state = state_of(conn, project_id, stage, record_id)
        _check_may_decide(conn, project_id, user_id, record_id, stage, state, own is not None, change_reason)
        event_id = append_event(conn, project_id, record_id, stage, user_id, "decision", decision=decision,
                           reason_id=reason_id if stage == 2 and decision == "exclude" else None,
                           note=note, labels=json.dumps(labels, ensure_ascii=False), change_reason=change_reason)
        rebuild_current(conn, project_id, stage, record_id, user_id)
        drop_ranks(conn, project_id, stage, record_id, (user_id,))
        if own is not None:
            record_event(conn, project_id, user_id, "screening.change", f"record {record_id}",
                         {"stage": stage, "decision": decision, "replaces_event": own["event_id"],
                          "event": event_id, "reason": change_reason})
        new_state = refresh(conn, project_id, stage, record_id)
        if own is not None:
            _note_reopened(conn, project_id, user_id, record_id, stage, state, new_state)
    screening_claims.release(conn, project_id, stage, user_id, record_id)
    return dict(new_state, event_id=event_id)


def undo_last(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int | None = None) -> dict[str, Any]:
    """Undo the reviewer's newest decision still in force (at one stage if given); return the record's state."""
    require_screener(conn, project_id, user_id)
    with screening_write(conn):
        last = conn.execute(
            """SELECT id, record_id, stage FROM screening_events e
               WHERE project_id = ? AND user_id = ? AND kind = 'decision' AND (? IS NULL OR stage = ?)
               AND NOT EXISTS (SELECT 1 FROM screening_events u WHERE u.undoes = e.id)
               ORDER BY id DESC LIMIT 1""", (project_id, user_id, stage, stage)).fetchone()
        if last is None:
            raise Conflict("there is no decision of yours left to undo", "error.screening.nothing_to_undo")
        state = state_of(conn, project_id, last["stage"], last["record_id"])
        check_not_final(conn, project_id, last["record_id"], last["stage"], state, user_id)
        append_event(conn, project_id, last["record_id"], last["stage"], user_id, "undo", undoes=last["id"])
        rebuild_current(conn, project_id, last["stage"], last["record_id"], user_id)
        record_event(conn, project_id, user_id, "screening.undo", f"record {last['record_id']}",
                     {"stage": last["stage"], "undid_event": last["id"]})
        new_state = refresh(conn, project_id, last["stage"], last["record_id"])
        _note_reopened(conn, project_id, user_id, last["record_id"], last["stage"], state, new_state)
    return dict(new_state)


def my_decisions(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int,
                 limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """The reviewer's own current decisions at a stage, newest first, with record titles."""
    accounts.require_member(conn, project_id, user_id)
    rows = conn.execute(
        """SELECT c.record_id, c.decision, c.reason_id, c.note, c.labels, c.at, r.title, r.year
           FROM (SELECT * FROM screening_current WHERE project_id = ? AND user_id = ? AND stage = ?
                 ORDER BY event_id DESC LIMIT ? OFFSET ?) c
           JOIN records r ON r.id = c.record_id ORDER BY c.event_id DESC""",
        (project_id, user_id, stage, limit, offset)).fetchall()
    return [dict(r, labels=json.loads(r["labels"])) for r in rows]


def my_count(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int) -> int:
    """How many records the reviewer has a decision on at a stage."""
    return conn.execute("SELECT COUNT(*) FROM screening_current WHERE project_id = ? AND user_id = ? AND stage = ?",
                        (project_id, user_id, stage)).fetchone()[0]


def my_decision(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int, stage: int) -> dict[str, Any] | None:
    """The reviewer's own current decision on one record at a stage, or None."""
    row = conn.execute("SELECT * FROM screening_current WHERE project_id = ? AND stage = ? AND record_id = ? AND user_id = ?",
                       (project_id, stage, record_id, user_id)).fetchone()
    return dict(row, labels=json.loads(row["labels"])) if row else None


def decisions_for_training(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int) -> list[dict[str, Any]]:
    """Labels a model may learn from for this reviewer's queue: settled outcomes plus the reviewer's own decisions.

    Another reviewer's unsettled decision is never included, so a queue's order cannot leak it.
    Each item: record_id, decision ('include'/'exclude'/'maybe'), source ('settled' or 'own').
    """
    settled = conn.execute(
        f"SELECT record_id, outcome FROM {_training_table(conn, project_id, user_id)} s"
        " WHERE project_id = ? AND stage = ? AND state = 'settled'", (project_id, stage)).fetchall()
    result = {r["record_id"]: {"record_id": r["record_id"], "decision": r["outcome"], "source": "settled"} for r in settled}
    own = conn.execute("SELECT record_id, decision FROM screening_current WHERE project_id = ? AND user_id = ? AND stage = ?",
                       (project_id, user_id, stage)).fetchall()
    for r in own:
        result.setdefault(r["record_id"], {"record_id": r["record_id"], "decision": r["decision"], "source": "own"})
    return sorted(result.values(), key=lambda item: item["record_id"])


def _note_reopened(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int, stage: int,
                   before: dict[str, Any], after: dict[str, Any]) -> None:
    # A closed record that an undo or a change reopens (or turns from agreed to conflict) is put before
    # the lead in the audit log, so it never happens silently; the reviewer's own answer is the same
    # whether or not their decision had closed the record, so "decide, look, undo" tells them nothing.
    if before["state"] != "open" and (after["state"], after["outcome"]) != (before["state"], before["outcome"]):
        record_event(conn, project_id, user_id, "screening.reopened", f"record {record_id}",
                     {"stage": stage, "was": before["state"], "now": after["state"]})


def _training_table(conn: sqlite3.Connection, project_id: int, user_id: int) -> str:
    # A blinded reviewer's queue (and the project-wide one, user 0, which every reviewer walks) learns only
    # from released outcomes: a live settled outcome would carry another reviewer's decision into the order.
    from review.screening.access import is_blinded
    from review.screening.blinding import RELEASED, outcomes_table

    if user_id == 0:
        return RELEASED if is_blinded(conn, project_id) else "screening_state"
    return outcomes_table(conn, project_id, user_id)


def _clean_labels(labels: Iterable[str]) -> list[str]:
    cleaned = []
    for label in labels or ():
        label = str(label).strip()
        if label and label not in cleaned:
            cleaned.append(label[:60])
    return cleaned


def _check_record(conn: sqlite3.Connection, project_id: int, record_id: int, stage: int, user_id: int) -> None:
    row = conn.execute("SELECT 1 FROM screenable_records WHERE project_id = ? AND record_id = ?",
                       (project_id, record_id)).fetchone()
    if row is None:
        raise NotFound(f"record {record_id} is not screened in this project (unknown, or a duplicate of another record)",
                       "error.screening.not_screened", record=record_id)
    if stage == 2:
        if not passed_stage1(conn, project_id, user_id, record_id):
            raise Conflict(f"record {record_id} has not passed title/abstract screening, so it has no full-text stage yet",
                           "error.screening.no_fulltext_stage", record=record_id)
        if fulltext_not_retrieved(conn, project_id, record_id):
            raise Conflict(f"record {record_id}'s full text is marked as not retrieved; attach the PDF first",
                           "error.screening.not_retrieved", record=record_id)


def _check_may_decide(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int, stage: int,
                      state: dict[str, Any], is_change: bool, change_reason: str) -> None:
    if is_change:
        if not change_reason:
            raise Invalid("changing a decision needs a reason (it is kept in the audit log)",
                          "error.screening.change_reason")
        check_not_final(conn, project_id, record_id, stage, state, user_id)
        return
    if state["state"] != "open":
        raise Conflict(f"record {record_id} already has the decisions it needs at stage {stage}; take the next one",
                       "error.screening.enough_decisions", record=record_id, stage=stage)
    pilot = active_pilot(conn, project_id, record_id) if stage == 1 else None
    if pilot and user_id not in pilot[1]:
        raise Conflict(f"record {record_id} belongs to the pilot round, which you are not taking part in",
                       "error.screening.pilot_only", record=record_id)
