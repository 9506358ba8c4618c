"""A pilot round: every chosen reviewer screens the same random sample before full screening."""
from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterable
from typing import Any

from review import accounts
from review.accounts import record_event
from review.screening.access import require_lead
from review.screening.agreement import pair_agreements
from review.screening.blinding import sees_outcomes
from review.screening.state import refresh
from review.store import Conflict, Invalid, NotFound, now, transaction


def start_pilot(conn: sqlite3.Connection, project_id: int, lead_id: int, size: int,
                reviewer_ids: Iterable[int] | None = None, seed: int | None = None) -> int:
    """Draw a random sample of unscreened records that every listed reviewer (default: all) screens first."""
    require_lead(conn, project_id, lead_id)
    if not 2 <= size <= 1000:
        raise Invalid("a pilot sample has between 2 and 1000 records", "error.pilot.size")
    with transaction(conn):
        if open_pilot(conn, project_id):
            raise Conflict("a pilot round is already running; close it before starting another", "error.pilot.running")
        reviewers = _reviewers(conn, project_id, reviewer_ids)
        candidates = [r[0] for r in conn.execute(
            """SELECT p.record_id FROM screening_pending p
               JOIN screenable_records v ON v.project_id = p.project_id AND v.record_id = p.record_id
               WHERE p.project_id = ? AND p.stage = 1 AND NOT EXISTS (SELECT 1 FROM screening_current c
                     WHERE c.project_id = p.project_id AND c.stage = 1 AND c.record_id = p.record_id)
               ORDER BY p.record_id""", (project_id,))]
        if len(candidates) < size:
            raise Invalid(f"only {len(candidates)} records are unscreened; choose a smaller pilot sample",
                          "error.pilot.too_few", count=len(candidates))
        sample = random.Random(seed).sample(candidates, size)
        pilot_id = conn.execute("INSERT INTO pilots (project_id, reviewer_ids, started_by, started_at) VALUES (?, ?, ?, ?)",
                                (project_id, json.dumps(reviewers), lead_id, now())).lastrowid
        conn.executemany("INSERT INTO pilot_records (pilot_id, record_id) VALUES (?, ?)", [(pilot_id, r) for r in sample])
        conn.executemany("UPDATE screening_pending SET pilot_id = ? WHERE project_id = ? AND stage = 1 AND record_id = ?",
                         [(pilot_id, project_id, r) for r in sample])
        record_event(conn, project_id, lead_id, "screening.pilot_start", f"pilot {pilot_id}",
                     {"size": size, "reviewers": reviewers})
    return pilot_id


def close_pilot(conn: sqlite3.Connection, project_id: int, lead_id: int) -> None:
    """End the pilot round; its records not yet fully screened go back to the ordinary rules."""
    require_lead(conn, project_id, lead_id)
    with transaction(conn):
        pilot = open_pilot(conn, project_id)
        if pilot is None:
            raise NotFound("no pilot round is running", "error.pilot.none")
        conn.execute("UPDATE pilots SET closed_at = ? WHERE id = ?", (now(), pilot["id"]))
        for record_id in pilot["record_ids"]:
            refresh(conn, project_id, 1, record_id)
        record_event(conn, project_id, lead_id, "screening.pilot_close", f"pilot {pilot['id']}", {})


def open_pilot(conn: sqlite3.Connection, project_id: int) -> dict[str, Any] | None:
    """The running pilot round of a project (id, reviewer_ids, record_ids), or None."""
    row = conn.execute("SELECT * FROM pilots WHERE project_id = ? AND closed_at IS NULL", (project_id,)).fetchone()
    return _pilot(conn, row) if row else None


def latest_pilot(conn: sqlite3.Connection, project_id: int) -> dict[str, Any] | None:
    """The newest pilot round, open or closed, or None."""
    row = conn.execute("SELECT * FROM pilots WHERE project_id = ? ORDER BY id DESC LIMIT 1", (project_id,)).fetchone()
    return _pilot(conn, row) if row else None


def pilot_status(conn: sqlite3.Connection, project_id: int, user_id: int) -> dict[str, Any] | None:
    """Progress of the newest pilot; its agreement once every pilot record has all its decisions."""
    accounts.require_member(conn, project_id, user_id)
    pilot = latest_pilot(conn, project_id)
    if pilot is None:
        return None
    ids = pilot["record_ids"]
    marks = ",".join("?" * len(ids))
    done = dict(conn.execute(
        f"SELECT user_id, COUNT(*) FROM screening_current WHERE project_id = ? AND stage = 1 AND record_id IN ({marks}) GROUP BY user_id",
        (project_id, *ids)).fetchall())
    closed = conn.execute(
        f"SELECT COUNT(*) FROM screening_state WHERE project_id = ? AND stage = 1 AND state <> 'open' AND record_id IN ({marks})",
        (project_id, *ids)).fetchone()[0]
    complete = closed == len(ids)
    done = {uid: done.get(uid, 0) for uid in pilot["reviewer_ids"]}
    if not sees_outcomes(conn, project_id, user_id):
        # Blinded: how far the others are, and whether the last decision completed the round, would tell
        # what they did; a blinded member sees their own count, and the agreement once the lead closes the round.
        complete = pilot["closed_at"] is not None and complete
        done = {uid: n for uid, n in done.items() if uid == user_id}
    status = {"id": pilot["id"], "open": pilot["closed_at"] is None, "size": len(ids), "complete": complete,
              "done": done, "agreement": None}
    if complete:
        status["agreement"] = pair_agreements(conn, project_id, 1, closed_only=True, record_ids=set(ids))
    return status


def _pilot(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    ids = [r[0] for r in conn.execute("SELECT record_id FROM pilot_records WHERE pilot_id = ? ORDER BY record_id", (row["id"],))]
    return dict(row, reviewer_ids=json.loads(row["reviewer_ids"]), record_ids=ids)


def _reviewers(conn: sqlite3.Connection, project_id: int, reviewer_ids: Iterable[int] | None) -> list[int]:
    screeners = [r[0] for r in conn.execute(
        "SELECT user_id FROM memberships WHERE project_id = ? AND role IN ('lead', 'reviewer') ORDER BY user_id", (project_id,))]
    chosen = screeners if reviewer_ids is None else sorted(set(int(r) for r in reviewer_ids))
    if len(chosen) < 2 or not set(chosen) <= set(screeners):
        raise Invalid("a pilot needs at least two of the project's screeners", "error.pilot.screeners")
    return chosen
