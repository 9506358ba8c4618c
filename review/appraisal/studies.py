"""Studies: the unit of extraction and appraisal, each linked to one or more reports (records)."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from review import accounts
from review.accounts import record_event
from review.screening import included_records
from review.store import Conflict, Invalid, NotFound, now, transaction

DESIGNS = ("randomised", "non_randomised", "observational")


def create_study(conn: sqlite3.Connection, project_id: int, user_id: int | None, label: str,
                 record_ids: Iterable[int], design: str = "observational") -> int:
    """Create a study from records of the project (none may belong to another study); return its id."""
    label = label.strip()
    if not label:
        raise Invalid("a study needs a label, e.g. 'Smith 2020'", "error.study.no_label")
    if design not in DESIGNS:
        raise Invalid(f"design {design!r} is not one of {', '.join(DESIGNS)}",
                      "error.study.design", design=design, choices=", ".join(DESIGNS))
    accounts.require_member(conn, project_id, user_id, "lead", "reviewer")
    with transaction(conn):
        if conn.execute("SELECT 1 FROM studies WHERE project_id = ? AND label = ?", (project_id, label)).fetchone():
            raise Conflict(f"the project has a study labelled {label!r} already; choose another label",
                           "error.study.exists", label=label)
        study_id = conn.execute(
            "INSERT INTO studies (project_id, label, design, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
            (project_id, label, design, now(), user_id)).lastrowid
        linked = _link(conn, project_id, study_id, record_ids)
        record_event(conn, project_id, user_id, "study.created", label, {"study_id": study_id, "records": linked})
    return study_id


def link_records(conn: sqlite3.Connection, study_id: int, user_id: int | None, record_ids: Iterable[int]) -> list[int]:
    """Link more reports to a study; return the ids linked."""
    study = get_study(conn, study_id)
    accounts.require_member(conn, study["project_id"], user_id, "lead", "reviewer")
    with transaction(conn):
        linked = _link(conn, study["project_id"], study_id, record_ids)
        record_event(conn, study["project_id"], user_id, "study.linked", study["label"], {"records": linked})
    return linked


def unlink_record(conn: sqlite3.Connection, study_id: int, user_id: int | None, record_id: int) -> None:
    """Detach a report from a study (the record itself stays)."""
    study = get_study(conn, study_id)
    accounts.require_member(conn, study["project_id"], user_id, "lead", "reviewer")
    with transaction(conn):
        gone = conn.execute("DELETE FROM study_records WHERE study_id = ? AND record_id = ?", (study_id, record_id))
        if gone.rowcount == 0:
            raise NotFound(f"record {record_id} is not linked to {study['label']}",
                           "error.study.record_not_linked", record=record_id, study=study["label"])
        record_event(conn, study["project_id"], user_id, "study.unlinked", study["label"], {"record": record_id})


def _link(conn: sqlite3.Connection, project_id: int, study_id: int, record_ids: Iterable[int]) -> list[int]:
    ids = sorted({int(r) for r in record_ids})
    for record_id in ids:
        row = conn.execute("SELECT project_id FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None or row["project_id"] != project_id:
            raise NotFound(f"record {record_id} is not in this project",
                           "error.study.record_not_in_project", record=record_id)
        taken = conn.execute("SELECT s.label FROM study_records l JOIN studies s ON s.id = l.study_id "
                             "WHERE l.record_id = ?", (record_id,)).fetchone()
        if taken is not None:
            raise Conflict(f"record {record_id} belongs to the study {taken['label']!r} already",
                           "error.study.record_taken", record=record_id, study=taken["label"])
        conn.execute("INSERT INTO study_records (record_id, study_id, linked_at) VALUES (?, ?, ?)",
                     (record_id, study_id, now()))
    return ids


def get_study(conn: sqlite3.Connection, study_id: int, project_id: int | None = None) -> dict[str, Any]:
    """One study with its linked reports (id, title, year, first author); NotFound when it is not in project_id."""
    row = conn.execute("SELECT * FROM studies WHERE id = ?", (study_id,)).fetchone()
    if row is None or project_id is not None and row["project_id"] != project_id:
        raise NotFound(f"no study {study_id}", "error.study.not_found", study=study_id)
    return dict(row, records=_records(conn, study_id))


def list_studies(conn: sqlite3.Connection, project_id: int) -> list[dict[str, Any]]:
    """Every study of a project by label, each with its linked reports."""
    rows = conn.execute("SELECT * FROM studies WHERE project_id = ? ORDER BY label COLLATE NOCASE, id",
                        (project_id,)).fetchall()
    return [dict(row, records=_records(conn, row["id"])) for row in rows]


def _records(conn: sqlite3.Connection, study_id: int) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT r.id, r.title, r.year, r.doi FROM study_records l JOIN records r ON r.id = l.record_id "
                        "WHERE l.study_id = ? ORDER BY r.year, r.id", (study_id,)).fetchall()
    return [dict(row) for row in rows]


def candidate_records(conn: sqlite3.Connection, project_id: int, viewer_id: int | None = None) -> list[dict[str, Any]]:
    """Reports included at full text (screening stage 2) that no study holds yet, to build studies from.

    A blinded reviewer is offered the reports the lead released as included (review.blinding)."""

    linked = {row[0] for row in conn.execute(
        "SELECT l.record_id FROM study_records l JOIN studies s ON s.id = l.study_id WHERE s.project_id = ?",
        (project_id,))}
    return [{"id": r["id"], "title": r["title"], "year": r["year"]}
            for r in included_records(conn, project_id, 2, viewer_id) if r["id"] not in linked]
