"""What screening produced: included records, PRISMA counts, progress and the decision log, blinding kept."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review import accounts
from review.screening.access import sees_others
from review.screening.blinding import outcomes_table
from review.screening.state import STAGES
from review.store import Invalid


def included_records(conn: sqlite3.Connection, project_id: int, stage: int,
                     viewer_id: int | None = None) -> list[dict[str, Any]]:
    """The records that passed a stage (settled include, agreed or resolved), in record order.

    A blinded viewer gets the records the lead released as included (review.blinding); None is everything.
    """
    if stage not in STAGES:
        raise Invalid(f"stage must be 1 or 2, not {stage!r}", "error.screening.bad_stage", stage=str(stage))
    table = outcomes_table(conn, project_id, viewer_id)
    rows = conn.execute(
        f"""SELECT r.* FROM {table} s
            JOIN screenable_records v ON v.project_id = s.project_id AND v.record_id = s.record_id
            JOIN records r ON r.id = s.record_id
            WHERE s.project_id = ? AND s.stage = ? AND s.state = 'settled' AND s.outcome = 'include'
            ORDER BY r.id""", (project_id, stage)).fetchall()
    return [dict(r, authors=json.loads(r["authors"]), keywords=json.loads(r["keywords"]), extra=json.loads(r["extra"]))
            for r in rows]


def screening_counts(conn: sqlite3.Connection, project_id: int, viewer_id: int | None = None) -> dict[str, Any]:
    """The numbers PRISMA 2020 needs from screening, derived from the decisions (as a blinded viewer may see them)."""
    def count(sql: str, *args: Any) -> int:
        return conn.execute(sql, (project_id, *args)).fetchone()[0]

    table = outcomes_table(conn, project_id, viewer_id)
    settled = f"""SELECT COUNT(*) FROM {table} s JOIN screenable_records v
                 ON v.project_id = s.project_id AND v.record_id = s.record_id
                 WHERE s.project_id = ? AND s.stage = ? AND s.state = 'settled'"""
    sought = count(settled + " AND s.outcome = 'include'", 1)
    not_retrieved = count(
        f"""SELECT COUNT(*) FROM {table} s WHERE s.project_id = ? AND s.stage = 1 AND s.state = 'settled'
           AND s.outcome = 'include' AND (SELECT kind FROM fulltext_events f WHERE f.project_id = s.project_id
           AND f.record_id = s.record_id ORDER BY f.id DESC LIMIT 1) = 'not_retrieved'""")
    reasons = conn.execute(
        f"""SELECT x.label, COUNT(*) AS n FROM {table} s JOIN exclusion_reasons x ON x.id = s.reason_id
           WHERE s.project_id = ? AND s.stage = 2 AND s.state = 'settled' AND s.outcome = 'exclude'
           GROUP BY x.id ORDER BY x.position""", (project_id,)).fetchall()
    return {
        "records_to_screen": screenable_count(conn, project_id),
        "records_screened": count(settled, 1),
        "records_excluded": count(settled + " AND s.outcome = 'exclude'", 1),
        "reports_sought": sought,
        "reports_not_retrieved": not_retrieved,
        "reports_assessed": sought - not_retrieved,
        "reports_excluded": {r["label"]: r["n"] for r in reasons},
        "studies_included": count(settled + " AND s.outcome = 'include'", 2),
        "conflicts": {stage: count(f"SELECT COUNT(*) FROM {table} WHERE project_id = ? AND stage = ? AND state = 'conflict'", stage)
                      for stage in STAGES},
    }


def screenable_count(conn: sqlite3.Connection, project_id: int) -> int:
    """How many records the screenable_records view lists, counted without visiting every record.

    Mirrors the view (a record is screened unless it sits in a group that another record
    represents); tests/test_screening_blinding.py checks the two agree.
    """
    return conn.execute(
        """SELECT (SELECT COUNT(*) FROM records WHERE project_id = :p)
                - (SELECT COUNT(*) FROM duplicate_groups g JOIN duplicate_links l ON l.group_id = g.id
                   WHERE g.project_id = :p AND g.representative_id <> l.record_id)""", {"p": project_id}).fetchone()[0]


def progress(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int,
             per_reviewer: bool = True) -> dict[str, Any]:
    """My progress and the team's at a stage, without anything that would reveal a decision of another reviewer."""
    seen = sees_others(conn, project_id, user_id)
    table = outcomes_table(conn, project_id, user_id)
    total = (screenable_count(conn, project_id) if stage == 1 else
             conn.execute(f"""SELECT COUNT(*) FROM {table} WHERE project_id = ? AND stage = 1
                             AND state = 'settled' AND outcome = 'include'""", (project_id,)).fetchone()[0])
    states = dict(conn.execute(f"SELECT state, COUNT(*) FROM {table} WHERE project_id = ? AND stage = ? GROUP BY state",
                               (project_id, stage)).fetchall())
    mine = conn.execute("SELECT COUNT(*) FROM screening_current WHERE project_id = ? AND user_id = ? AND stage = ?",
                        (project_id, user_id, stage)).fetchone()[0]
    result = {"stage": stage, "total": total, "mine": mine,
              "complete": states.get("settled", 0) + states.get("conflict", 0), "reviewers": []}
    if per_reviewer:
        result["reviewers"] = [dict(r) for r in conn.execute(
            """SELECT COALESCE(NULLIF(u.display_name, ''), u.name) AS name,
                      (SELECT COUNT(*) FROM screening_current c WHERE c.project_id = m.project_id
                       AND c.user_id = m.user_id AND c.stage = ?) AS decided
               FROM memberships m JOIN users u ON u.id = m.user_id
               WHERE m.project_id = ? AND m.role IN ('lead', 'reviewer') AND (? OR m.user_id = ?) ORDER BY name""",
            (stage, project_id, seen != "none", user_id))]
    if seen != "none":
        result.update(settled=states.get("settled", 0), conflicts=states.get("conflict", 0))
    return result


def complete_count(conn: sqlite3.Connection, project_id: int, stage: int, viewer_id: int | None) -> int:
    """How many records have every decision they need at a stage (progress()'s "complete", cheaply, for the
    counter the screening page updates after each decision), in the outcomes the viewer may see."""
    table = outcomes_table(conn, project_id, viewer_id)
    return conn.execute(f"""SELECT COUNT(*) FROM {table} WHERE project_id = ? AND stage = ?
                            AND state IN ('settled', 'conflict')""", (project_id, stage)).fetchone()[0]


def decision_rows(conn: sqlite3.Connection, project_id: int, viewer_id: int | None) -> list[dict[str, Any]]:
    """One row per decision in force and per resolution, as far as the viewer may see them under blinding.

    viewer_id None is the command line, run by whoever holds the database file: it sees everything.
    """
    if viewer_id is None:
        seen = "all"
    else:
        accounts.require_member(conn, project_id, viewer_id)
        seen = sees_others(conn, project_id, viewer_id)
    rows = conn.execute(
        """SELECT e.id, e.record_id, r.title, e.stage, e.user_id, u.name AS reviewer, e.kind, e.decision,
                  x.label AS reason, e.note, e.labels, e.change_reason, e.at, s.state
           FROM screening_events e JOIN records r ON r.id = e.record_id JOIN users u ON u.id = e.user_id
           LEFT JOIN exclusion_reasons x ON x.id = e.reason_id
           LEFT JOIN screening_state s ON s.project_id = e.project_id AND s.stage = e.stage AND s.record_id = e.record_id
           WHERE e.project_id = ? AND (e.kind = 'resolution' OR e.id IN
                 (SELECT event_id FROM screening_current WHERE project_id = ?))
           ORDER BY e.id""", (project_id, project_id)).fetchall()
    visible = []
    for row in rows:
        if row["user_id"] == viewer_id or seen == "all" or (seen == "closed" and row["state"] in ("conflict", "settled")):
            visible.append(dict(row, labels=json.loads(row["labels"])))
    return visible


DECISION_COLUMNS = ("record_id", "title", "stage", "reviewer", "kind", "decision", "reason", "note", "labels", "at")


def decisions_table(conn: sqlite3.Connection, project_id: int, viewer_id: int | None) -> tuple[tuple[str, ...], list[list[Any]]]:
    """The decision log as (columns, rows) for CSV/XLSX writers."""
    rows = decision_rows(conn, project_id, viewer_id)
    return DECISION_COLUMNS, [[r["record_id"], r["title"], r["stage"], r["reviewer"], r["kind"], r["decision"],
                               r["reason"] or "", _note(r), "; ".join(r["labels"]), r["at"]] for r in rows]


def _note(row: dict[str, Any]) -> str:
    # A resolution's stated reason and a changed decision's reason belong with the note a reader sees.
    parts = [row["note"], row["change_reason"]]
    return " | ".join(p for p in parts if p)
