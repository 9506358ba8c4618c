"""For the lead: the progress curve, the stopping estimate, and PRISMA's 'excluded by automation tools'."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.ranking import stopping
from review.ranking import store as ranking_store
from review.screening import require_lead

_SETTLED_IN = """FROM {table} s JOIN screenable_records v ON v.project_id = s.project_id AND v.record_id = s.record_id
              WHERE s.project_id = ? AND s.stage = 1 AND s.state = 'settled'"""
_SETTLED = _SETTLED_IN.format(table="screening_state")


def stage1_counts(conn: sqlite3.Connection, project_id: int, table: str = "screening_state") -> dict[str, int]:
    """Records to screen at title/abstract, how many are settled, how many of those are included.

    table: where the outcomes are read (review.screening.outcomes_table: the viewer's, under blinding)."""
    total = conn.execute("SELECT COUNT(*) FROM screenable_records WHERE project_id = ?", (project_id,)).fetchone()[0]
    screened, found = conn.execute(
        f"SELECT COUNT(*), COALESCE(SUM(s.outcome = 'include'), 0) {_SETTLED_IN.format(table=table)}",
        (project_id,)).fetchone()
    return {"total": total, "screened": screened, "found": found}


def progress_curve(conn: sqlite3.Connection, project_id: int) -> list[tuple[int, int]]:
    """(records settled, inclusions found) after each settled record at stage 1, in the order they settled."""
    rows = conn.execute(
        f"""SELECT s.outcome, (SELECT MAX(e.id) FROM screening_events e WHERE e.project_id = s.project_id
                               AND e.stage = 1 AND e.record_id = s.record_id) AS last_event
            {_SETTLED} ORDER BY last_event""", (project_id,)).fetchall()
    points, found = [(0, 0)], 0
    for n, row in enumerate(rows, start=1):
        found += row["outcome"] == "include"
        points.append((n, found))
    return points


def stopping_status(conn: sqlite3.Connection, project_id: int, lead_id: int) -> dict[str, Any]:
    """The lead's view of stopping: settings, counts, and the test's answer once sampling has begun."""
    require_lead(conn, project_id, lead_id)
    settings = ranking_store.get_settings(conn, project_id)
    counts = stage1_counts(conn, project_id)
    result: dict[str, Any] = {"settings": settings, "counts": counts, "estimate": None}
    if settings["sample_started_at"]:
        before, found_before = settings["sample_screened_before"], settings["sample_found_before"]
        # an undo after sampling began could make these negative; the sample cannot shrink below empty
        sample = max(0, counts["screened"] - before)
        found_in_sample = min(sample, max(0, counts["found"] - found_before))
        result["estimate"] = stopping.estimate(
            max(counts["total"], before + sample), before, min(found_before, before), sample, found_in_sample,
            settings["recall_target"], settings["confidence"])
    return result


def begin_sample(conn: sqlite3.Connection, project_id: int, lead_id: int) -> None:
    """Start the random sample now, remembering what ranked screening had found."""
    counts = stage1_counts(conn, project_id)
    ranking_store.start_sample(conn, project_id, lead_id, counts["screened"], counts["found"])


def excluded_by_automation(conn: sqlite3.Connection, project_id: int) -> int:
    """PRISMA 2020 'excluded by automation tools': records left unscreened when the lead stopped (0 otherwise)."""
    if not ranking_store.get_settings(conn, project_id)["stopped_at"]:
        return 0
    counts = stage1_counts(conn, project_id)
    return counts["total"] - counts["screened"]
