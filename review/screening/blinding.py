"""What blinding lets a member see of screening outcomes, and the lead's release of a stage's outcomes.

While a project is blinded, a reviewer or communicator may not learn what another reviewer decided
on a record that was still open, not even by deciding it themself and then looking at what became of
it. So they never see the live state of records (open, settled, conflict, which passed): outcomes
reach them only from `released_outcomes`, a snapshot the lead takes on purpose (an audited act, like
lifting blinding) once a stage is done. The lead and those who resolve conflicts see live outcomes of
closed records; everyone sees everything once blinding is lifted. docs/screening.md states the rules.
"""
from __future__ import annotations

import sqlite3

from review.accounts import record_event
from review.screening.access import sees_others
from review.store import Invalid, now

# The released snapshot, shaped like screening_state for the queries that count and list outcomes.
RELEASED = """(SELECT project_id, stage, record_id, 'settled' AS state, outcome, reason_id,
                      NULL AS resolution_event_id FROM released_outcomes)"""


def sees_outcomes(conn: sqlite3.Connection, project_id: int, viewer_id: int | None) -> bool:
    """Whether the viewer sees live outcomes (None: the command line, run by whoever holds the database)."""
    if viewer_id is None:
        return True
    return sees_others(conn, project_id, viewer_id) != "none"


def outcomes_table(conn: sqlite3.Connection, project_id: int, viewer_id: int | None) -> str:
    """The table the viewer's outcome queries read: screening_state, or the lead's released snapshot."""
    return "screening_state" if sees_outcomes(conn, project_id, viewer_id) else RELEASED


def is_released(conn: sqlite3.Connection, project_id: int, stage: int, record_id: int) -> bool:
    """Whether the lead released the record's outcome at the stage."""
    return conn.execute("SELECT 1 FROM released_outcomes WHERE project_id = ? AND stage = ? AND record_id = ?",
                        (project_id, stage, record_id)).fetchone() is not None


def passed_stage1(conn: sqlite3.Connection, project_id: int, viewer_id: int | None, record_id: int) -> bool:
    """Whether the record passed title/abstract screening, as far as the viewer may know."""
    table = outcomes_table(conn, project_id, viewer_id)
    return conn.execute(f"""SELECT 1 FROM {table} s WHERE s.project_id = ? AND s.stage = 1 AND s.record_id = ?
                            AND s.state = 'settled' AND s.outcome = 'include'""",
                        (project_id, record_id)).fetchone() is not None


def released_summary(conn: sqlite3.Connection, project_id: int) -> dict[int, dict[str, object]]:
    """Per stage: how many outcomes were released and when last (for the screening overview)."""
    rows = conn.execute("""SELECT stage, COUNT(*) AS n, MAX(released_at) AS at FROM released_outcomes
                           WHERE project_id = ? GROUP BY stage""", (project_id,)).fetchall()
    found = {r["stage"]: {"count": r["n"], "at": r["at"]} for r in rows}
    return {stage: found.get(stage, {"count": 0, "at": None}) for stage in (1, 2)}


def release_outcomes(conn: sqlite3.Connection, project_id: int, lead_id: int, stage: int) -> int:
    """The lead releases the outcomes settled at a stage to blinded members; returns how many were new.

    Released records stay released (their reviewers' decisions are final from then on: undo and
    change go to the lead); records settled later wait for the next release.
    """
    from review.screening.access import require_lead
    from review.screening.state import screening_write

    require_lead(conn, project_id, lead_id)
    if stage not in (1, 2):
        raise Invalid(f"stage must be 1 or 2, not {stage!r}", "error.screening.bad_stage", stage=str(stage))
    with screening_write(conn):
        cur = conn.execute(
            """INSERT OR IGNORE INTO released_outcomes (project_id, stage, record_id, outcome, reason_id,
                                                        released_at, released_by)
               SELECT s.project_id, s.stage, s.record_id, s.outcome, s.reason_id, ?, ?
               FROM screening_state s JOIN screenable_records v ON v.project_id = s.project_id
                    AND v.record_id = s.record_id
               WHERE s.project_id = ? AND s.stage = ? AND s.state = 'settled'""",
            (now(), lead_id, project_id, stage))
        open_left = conn.execute("SELECT COUNT(*) FROM screening_state WHERE project_id = ? AND stage = ? "
                                 "AND state <> 'settled'", (project_id, stage)).fetchone()[0]
        record_event(conn, project_id, lead_id, "screening.release", f"stage {stage}",
                     {"stage": stage, "released": cur.rowcount, "not_settled": open_left})
    return cur.rowcount
