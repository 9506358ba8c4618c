"""Extracted data: each reviewer's values as events, blinded comparison, and the agreed values."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review import accounts
from review.accounts import record_event
from review.appraisal.forms import clean_value, codebook, field_at, get_form
from review.appraisal.studies import get_study, list_studies
from review.store import Forbidden, now, transaction


def save_values(conn: sqlite3.Connection, study_id: int, reviewer_id: int, values: dict[str, Any]) -> list[str]:
    """Record a reviewer's values (path -> raw value) for a study; return the paths that changed."""
    study = get_study(conn, study_id)
    accounts.require_member(conn, study["project_id"], reviewer_id, "lead", "reviewer")
    return _append(conn, study, reviewer_id, reviewer_id, values, "extraction.values_saved")


def record_agreed(conn: sqlite3.Connection, study_id: int, user_id: int, values: dict[str, Any]) -> list[str]:
    """Record agreed values; the lead, a resolver, or a reviewer who has submitted may do so."""
    study = get_study(conn, study_id)
    member = accounts.require_member(conn, study["project_id"], user_id, "lead", "reviewer")
    if not member["can_resolve"] and user_id not in submitted_reviewers(conn, study_id):
        raise Forbidden("submit your own extraction before recording agreed values", "error.extraction.own_first")
    return _append(conn, study, None, user_id, values, "extraction.agreed")


def _append(conn: sqlite3.Connection, study: dict[str, Any], reviewer_id: int | None, user_id: int,
            values: dict[str, Any], action: str) -> list[str]:
    form = get_form(conn, study["project_id"])
    cleaned = {path: clean_value(field_at(form, path), raw) for path, raw in values.items()}
    with transaction(conn):
        current = _current(conn, study["id"], reviewer_id)
        changed = [path for path, value in cleaned.items() if current.get(path) != value]
        for path in changed:
            conn.execute(
                "INSERT INTO extraction_values (study_id, reviewer_id, path, value, recorded_by, recorded_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (study["id"], reviewer_id, path, json.dumps(cleaned[path], ensure_ascii=False), user_id, now()))
        if changed:
            record_event(conn, study["project_id"], user_id, action, study["label"],
                         {"study_id": study["id"], "values": {p: cleaned[p] for p in changed}})
    return changed


def _current(conn: sqlite3.Connection, study_id: int, reviewer_id: int | None) -> dict[str, Any]:
    rows = conn.execute(
        """SELECT path, value FROM extraction_values WHERE id IN (
               SELECT MAX(id) FROM extraction_values WHERE study_id = ? AND reviewer_id IS ? GROUP BY path)""",
        (study_id, reviewer_id)).fetchall()
    values = {row["path"]: json.loads(row["value"]) for row in rows}
    return {path: value for path, value in values.items() if value is not None}


def own_values(conn: sqlite3.Connection, study_id: int, reviewer_id: int) -> dict[str, Any]:
    """The values a reviewer has entered for a study (path -> value)."""
    study = get_study(conn, study_id)
    accounts.require_member(conn, study["project_id"], reviewer_id, "lead", "reviewer")
    return _current(conn, study_id, reviewer_id)


def agreed_values(conn: sqlite3.Connection, study_id: int) -> dict[str, Any]:
    """The agreed values of a study (path -> value)."""
    return _current(conn, study_id, None)


def submit(conn: sqlite3.Connection, study_id: int, reviewer_id: int) -> None:
    """Mark a reviewer's extraction of a study as finished (what lifts blinding for the pair)."""
    study = get_study(conn, study_id)
    accounts.require_member(conn, study["project_id"], reviewer_id, "lead", "reviewer")
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO extraction_submissions (study_id, reviewer_id, submitted_at) "
                     "VALUES (?, ?, ?)", (study_id, reviewer_id, now()))
        record_event(conn, study["project_id"], reviewer_id, "extraction.submitted", study["label"],
                     {"study_id": study_id})


def submitted_reviewers(conn: sqlite3.Connection, study_id: int) -> list[int]:
    """Ids of the reviewers who have submitted their extraction of a study."""
    rows = conn.execute("SELECT reviewer_id FROM extraction_submissions WHERE study_id = ? ORDER BY reviewer_id",
                        (study_id,)).fetchall()
    return [row[0] for row in rows]


def visible_reviewers(conn: sqlite3.Connection, study: dict[str, Any], viewer_id: int) -> list[int]:
    """Whose extraction the viewer may see on a blinded project: only their own until they have submitted,
    then the others who have submitted; a lead or resolver who is not extracting (or has submitted) sees all."""
    member = accounts.require_member(conn, study["project_id"], viewer_id, "lead", "reviewer")
    extractors = [row[0] for row in conn.execute(
        "SELECT DISTINCT reviewer_id FROM extraction_values WHERE study_id = ? AND reviewer_id IS NOT NULL "
        "ORDER BY reviewer_id", (study["id"],))]
    if not accounts.project_blinded(conn, study["project_id"]):
        return extractors
    submitted = submitted_reviewers(conn, study["id"])
    if viewer_id in extractors and viewer_id not in submitted:
        return [viewer_id]
    if member["can_resolve"]:
        return extractors
    return [r for r in extractors if r in submitted] if viewer_id in submitted else []


def comparison(conn: sqlite3.Connection, study_id: int, viewer_id: int) -> dict[str, Any]:
    """Field-by-field view of the reviewers the viewer may see, the agreed value and whether they differ."""
    study = get_study(conn, study_id)
    reviewers = visible_reviewers(conn, study, viewer_id)
    per_reviewer = {r: _current(conn, study_id, r) for r in reviewers}
    agreed = agreed_values(conn, study_id)
    form = get_form(conn, study["project_id"])
    paths = sorted(set().union(*per_reviewer.values(), agreed), key=lambda p: _path_order(form, p))
    rows = []
    for path in paths:
        values = {r: per_reviewer[r].get(path) for r in reviewers}
        rows.append({"path": path, "label": _path_label(form, path), "values": values,
                     "agreed": agreed.get(path), "differs": len({json.dumps(v) for v in values.values()}) > 1})
    return {"study": study, "reviewers": _names(conn, reviewers), "rows": rows,
            "differences": sum(row["differs"] for row in rows)}


def agree_identical_values(conn: sqlite3.Connection, study_id: int, user_id: int) -> list[str]:
    """Record as agreed every value on which all submitted reviewers agree: at least two of them, or one
    where the project has a single reviewer per record."""
    study = get_study(conn, study_id)
    single = conn.execute("SELECT reviewers_per_record FROM projects WHERE id = ?", (study["project_id"],)).fetchone()[0] == 1
    submitted = submitted_reviewers(conn, study_id)
    if len(submitted) < (1 if single else 2):
        return []
    per_reviewer = [_current(conn, study_id, r) for r in submitted]
    common = {path: value for path, value in per_reviewer[0].items()
              if all(other.get(path) == value for other in per_reviewer[1:])}
    return record_agreed(conn, study_id, user_id, common)


def _names(conn: sqlite3.Connection, user_ids: list[int]) -> dict[int, str]:
    names = {}
    for user_id in user_ids:
        row = conn.execute("SELECT name, display_name FROM users WHERE id = ?", (user_id,)).fetchone()
        names[user_id] = (row["display_name"] or row["name"]) if row else f"user {user_id}"
    return names


def _path_order(form: dict[str, Any], path: str) -> tuple[int, int, int]:
    parts = path.split(".")
    keys = [f["key"] for f in form["fields"]]
    top = keys.index(parts[0]) if parts[0] in keys else len(keys)
    if len(parts) != 3 or top == len(keys):
        return (top, 0, 0)
    sub_keys = [f["key"] for f in form["fields"][top].get("fields", [])]
    return (top, int(parts[1]), sub_keys.index(parts[2]) if parts[2] in sub_keys else len(sub_keys))


def _path_label(form: dict[str, Any], path: str) -> str:
    parts = path.split(".")
    by_key = {f["key"]: f for f in form["fields"]}
    if parts[0] not in by_key:
        return path
    if len(parts) != 3:
        return by_key[parts[0]]["label"]
    subs = {f["key"]: f["label"] for f in by_key[parts[0]].get("fields", [])}
    return f"{by_key[parts[0]]['label']} {parts[1]}: {subs.get(parts[2], parts[2])}"


def nest(form: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Flat path values as {key: value, group_key: [row dicts in row order]}, empty rows dropped."""
    nested: dict[str, Any] = {}
    for field in form["fields"]:
        if field["type"] != "group":
            nested[field["key"]] = values.get(field["key"])
            continue
        rows: dict[int, dict[str, Any]] = {}
        for path, value in values.items():
            parts = path.split(".")
            if len(parts) == 3 and parts[0] == field["key"]:
                rows.setdefault(int(parts[1]), {})[parts[2]] = value
        nested[field["key"]] = [rows[i] for i in sorted(rows)]
    return nested


def extraction_table(conn: sqlite3.Connection, project_id: int) -> dict[str, Any]:
    """The form, its codebook and every study's agreed values (nested), for exports."""

    form = get_form(conn, project_id)
    studies = [dict(study, values=nest(form, agreed_values(conn, study["id"])))
               for study in list_studies(conn, project_id)]
    return {"form": form, "codebook": codebook(form), "studies": studies}


def progress(conn: sqlite3.Connection, project_id: int) -> dict[int, dict[str, int]]:
    """Per study: how many reviewers have submitted and how many agreed values exist (no values revealed)."""
    rows = conn.execute(
        """SELECT s.id,
                  (SELECT COUNT(*) FROM extraction_submissions x WHERE x.study_id = s.id) AS submitted,
                  (SELECT COUNT(*) FROM extraction_values v WHERE v.study_id = s.id AND v.reviewer_id IS NULL
                      AND v.value <> 'null' AND v.id = (SELECT MAX(w.id) FROM extraction_values w
                          WHERE w.study_id = s.id AND w.reviewer_id IS NULL AND w.path = v.path)) AS agreed
           FROM studies s WHERE s.project_id = ?""", (project_id,)).fetchall()
    return {row["id"]: {"submitted": row["submitted"], "agreed": row["agreed"]} for row in rows}
