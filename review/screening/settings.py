"""Screening settings the lead changes: the maybe policy, reviewers per record, blinding."""
from __future__ import annotations

import sqlite3

from review.accounts import record_event
from review.screening.access import require_lead
from review.screening.state import MAYBE_POLICIES, refresh
from review.store import Conflict, Invalid, transaction


def set_maybe_policy(conn: sqlite3.Connection, project_id: int, lead_id: int, policy: str) -> None:
    """Choose how 'maybe' combines with other decisions, before any record is fully screened at stage 1."""
    require_lead(conn, project_id, lead_id)
    if policy not in MAYBE_POLICIES:
        raise Invalid(f"the maybe policy is one of {', '.join(MAYBE_POLICIES)}, not {policy!r}",
                      "error.settings.maybe_policy", choices=", ".join(MAYBE_POLICIES), policy=policy)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM screening_state WHERE project_id = ? AND stage = 1 AND state <> 'open' LIMIT 1",
                        (project_id,)).fetchone():
            raise Conflict("records are already settled under the current maybe policy; it can only change before that",
                           "error.settings.maybe_settled")
        conn.execute("""INSERT INTO screening_settings (project_id, maybe_policy) VALUES (?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET maybe_policy = excluded.maybe_policy""", (project_id, policy))
        record_event(conn, project_id, lead_id, "screening.maybe_policy", policy, {})


def set_pdf_limit(conn: sqlite3.Connection, project_id: int, lead_id: int, max_bytes: int) -> None:
    """Set the largest PDF a member can upload."""
    require_lead(conn, project_id, lead_id)
    if not 1024 <= max_bytes <= 500 * 1024 * 1024:
        raise Invalid("the PDF size limit must be between 1 kB and 500 MB", "error.settings.pdf_limit")
    with transaction(conn):
        conn.execute("""INSERT INTO screening_settings (project_id, pdf_max_bytes) VALUES (?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET pdf_max_bytes = excluded.pdf_max_bytes""", (project_id, max_bytes))


def set_reviewers_per_record(conn: sqlite3.Connection, project_id: int, lead_id: int, count: int) -> None:
    """Ask for 1 or 2 independent decisions per record; records already meeting the new number close now."""
    require_lead(conn, project_id, lead_id)
    if count not in (1, 2):
        raise Invalid("each record needs 1 or 2 independent decisions", "error.settings.decisions")
    with transaction(conn):
        conn.execute("UPDATE projects SET reviewers_per_record = ? WHERE id = ?", (count, project_id))
        started = conn.execute("SELECT stage, record_id FROM screening_state WHERE project_id = ? AND state = 'open' AND decisions > 0",
                               (project_id,)).fetchall()
        for row in started:
            refresh(conn, project_id, row["stage"], row["record_id"])
        record_event(conn, project_id, lead_id, "screening.reviewers_per_record", str(count), {})


def set_blinding(conn: sqlite3.Connection, project_id: int, lead_id: int, blinded: bool) -> None:
    """Lift (or restore) blinding: when lifted, members see each other's decisions."""
    require_lead(conn, project_id, lead_id)
    with transaction(conn):
        conn.execute("UPDATE projects SET blinded = ? WHERE id = ?", (int(blinded), project_id))
        record_event(conn, project_id, lead_id, "screening.blinding", "on" if blinded else "lifted", {})
