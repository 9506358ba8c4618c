"""Conflicts (complete but disagreeing decisions) and their resolution by the lead or a resolver."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.accounts import record_event
from review.screening.access import require_lead, require_resolver
from review.screening.events import append_event, check_not_final, check_values
from review.screening.state import STAGES, refresh, screening_write, state_of
from review.store import Conflict, Invalid


def list_conflicts(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int,
                   limit: int = 200) -> list[dict[str, Any]]:
    """Records in conflict at a stage, each with every reviewer's decision and note side by side."""
    require_resolver(conn, project_id, user_id)
    records = conn.execute(
        """SELECT r.id, r.title, r.abstract, r.year, r.journal FROM screening_state s JOIN records r ON r.id = s.record_id
           WHERE s.project_id = ? AND s.stage = ? AND s.state = 'conflict' ORDER BY r.id LIMIT ?""",
        (project_id, stage, limit)).fetchall()
    return [dict(r, decisions=decisions_on(conn, project_id, stage, r["id"])) for r in records]


def decisions_on(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> list[dict[str, Any]]:
    """Every reviewer's current decision on a record at a stage (for resolvers only: no blinding check here)."""
    rows = conn.execute(
        """SELECT c.user_id, COALESCE(NULLIF(u.display_name, ''), u.name) AS reviewer, c.decision,
                  x.label AS reason, c.note, c.labels, c.at
           FROM screening_current c JOIN users u ON u.id = c.user_id
           LEFT JOIN exclusion_reasons x ON x.id = c.reason_id
           WHERE c.project_id = ? AND c.stage = ? AND c.record_id = ? ORDER BY c.event_id""",
        (project_id, stage, record_id)).fetchall()
    return [dict(r, labels=json.loads(r["labels"])) for r in rows]


def resolve_conflict(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int, stage: int,
                     decision: str, reason: str, reason_id: int | None = None,
                     over_agreement: bool = False) -> dict[str, Any]:
    """Settle a conflict (or revise an earlier resolution) with a decision and a stated reason.

    With over_agreement the lead (only the lead) may also settle a record the reviewers agreed on
    otherwise, as Covidence lets a lead move an excluded study on: a resolution event like any other,
    with its reason, in the audit log as an override."""
    if over_agreement:
        require_lead(conn, project_id, user_id)
    else:
        require_resolver(conn, project_id, user_id)
    reason = (reason or "").strip()
    if stage not in STAGES or decision not in ("include", "exclude"):
        raise Invalid("a resolution is include or exclude at stage 1 or 2", "error.conflicts.bad_resolution")
    if not reason:
        raise Invalid("say why you resolve the conflict this way; the reason is kept with the resolution",
                      "error.conflicts.no_reason")
    check_values(conn, project_id, stage, decision, reason_id, "")
    with screening_write(conn):
        state = state_of(conn, project_id, stage, record_id)
        if state["state"] == "open":
            raise Conflict(f"record {record_id} still waits for decisions at stage {stage}; there is nothing to resolve yet",
                           "error.conflicts.waiting", record=record_id, stage=stage)
        agreed = state["state"] == "settled" and not state["resolution_event_id"]
        if agreed and not over_agreement:
            raise Conflict(f"the reviewers agreed on record {record_id} at stage {stage}; there is no conflict",
                           "error.conflicts.agreed", record=record_id, stage=stage)
        if state["resolution_event_id"] or agreed:
            check_not_final(conn, project_id, record_id, stage, {"resolution_event_id": None})
        event_id = append_event(conn, project_id, record_id, stage, user_id, "resolution", decision=decision,
                           reason_id=reason_id if stage == 2 and decision == "exclude" else None, change_reason=reason)
        record_event(conn, project_id, user_id, "screening.override" if agreed else "screening.resolve",
                     f"record {record_id}", {"stage": stage, "decision": decision, "reason": reason, "event": event_id,
                                             **({"agreed": state["outcome"]} if agreed else {})})
        return dict(refresh(conn, project_id, stage, record_id))
