"""Any set of a project's records (all, one search, included/excluded at a stage, conflicts, one label) as
RIS, CSV or XLSX; CSV and XLSX carry the screening outcome, reasons, labels and notes, as blinding allows."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from review.screening.access import sees_others
from review.searches import iter_records
from review.store import Invalid

SETS = ("all", "search", "included", "excluded", "conflicts", "label")
FORMATS = ("ris", "csv", "xlsx")
DECISION_COLUMNS = ("stage1_state", "stage1_outcome", "stage2_state", "stage2_outcome", "exclusion_reason",
                    "labels", "notes")


def select_ids(conn: sqlite3.Connection, project_id: int, kind: str, stage: int | None = None,
               search_id: int | None = None, label: str | None = None, viewer_id: int | None = None) -> list[int]:
    """The ids of the records in a set, in record order."""
    if kind not in SETS:
        raise Invalid(f"choose a set of records: {', '.join(SETS)}; not {kind!r}",
                      "error.record_sets.kind", choices=", ".join(SETS), kind=kind)
    if kind == "all":
        sql, args = "SELECT id FROM records WHERE project_id = ?", [project_id]
    elif kind == "search":
        if search_id is None:
            raise Invalid("say which search (--search ID) to export the records of", "error.record_sets.search")
        sql, args = "SELECT id FROM records WHERE project_id = ? AND search_id = ?", [project_id, search_id]
    elif kind == "label":
        if not (label or "").strip():
            raise Invalid("say which label (--label NAME) to export the records of", "error.record_sets.label")
        sql, args = _labelled(conn, project_id, label.strip(), viewer_id)
    else:
        stage = _stage(stage)
        state = ("state = 'conflict'" if kind == "conflicts"
                 else f"state = 'settled' AND outcome = '{'include' if kind == 'included' else 'exclude'}'")
        sql, args = f"SELECT record_id FROM screening_state WHERE project_id = ? AND stage = ? AND {state}", [project_id, stage]
    return [row[0] for row in conn.execute(sql + " ORDER BY 1", args)]


def _labelled(conn: sqlite3.Connection, project_id: int, label: str, viewer_id: int | None) -> tuple[str, list[Any]]:
    # Under blinding a label is part of a reviewer's decision: only one's own labels choose records then.
    own_only = viewer_id is not None and _sees(conn, project_id, viewer_id) != "all"
    own = " AND c.user_id = ?" if own_only else ""
    sql = f"""SELECT DISTINCT c.record_id FROM screening_current c, json_each(c.labels) j
              WHERE c.project_id = ? AND lower(j.value) = lower(?){own}"""
    return sql, [project_id, label] + ([viewer_id] if own_only else [])


def _sees(conn: sqlite3.Connection, project_id: int, viewer_id: int) -> str:

    return sees_others(conn, project_id, viewer_id)


def _stage(stage: int | None) -> int:
    if stage not in (1, 2):
        raise Invalid("say which stage (--stage 1 for title/abstract, 2 for full text)", "error.record_sets.stage")
    return stage


def records_of(conn: sqlite3.Connection, project_id: int, ids: list[int]) -> Iterator[dict[str, Any]]:
    """The records with these ids, every field decoded, in id order, read from a cursor as they are taken."""
    wanted = set(ids)
    return (r for r in iter_records(conn, project_id) if r["id"] in wanted)


def decision_columns(conn: sqlite3.Connection, project_id: int, ids: list[int],
                     viewer_id: int | None = None) -> dict[int, list[Any]]:
    """Per record: state and outcome at each stage, the exclusion reason, labels and notes (DECISION_COLUMNS).

    viewer_id None (the command line) sees everything; a blinded reviewer sees only their own notes and
    labels, and no state of a record that is still open, so an export never reveals another's decision."""
    visible = _visibility(conn, project_id, viewer_id)
    states = {(r["record_id"], r["stage"]): r for r in conn.execute(
        """SELECT s.record_id, s.stage, s.state, s.outcome, x.label AS reason FROM screening_state s
           LEFT JOIN exclusion_reasons x ON x.id = s.reason_id WHERE s.project_id = ?""", (project_id,))}
    notes: dict[int, list[str]] = {}
    labels: dict[int, set[str]] = {}
    for row in conn.execute("""SELECT c.record_id, c.stage, c.user_id, c.note, c.labels, u.name FROM screening_current c
                               JOIN users u ON u.id = c.user_id WHERE c.project_id = ? ORDER BY c.at""", (project_id,)):
        state = states.get((row["record_id"], row["stage"]))
        if not visible(row["user_id"], state):
            continue
        if row["note"]:
            notes.setdefault(row["record_id"], []).append(f"{row['name']} (stage {row['stage']}): {row['note']}")
        labels.setdefault(row["record_id"], set()).update(json.loads(row["labels"]))
    result = {}
    for record_id in ids:
        one, two = states.get((record_id, 1)), states.get((record_id, 2))
        shown = [s if s and visible(None, s) else None for s in (one, two)]
        result[record_id] = [
            shown[0]["state"] if shown[0] else "", (shown[0]["outcome"] or "") if shown[0] else "",
            shown[1]["state"] if shown[1] else "", (shown[1]["outcome"] or "") if shown[1] else "",
            (shown[1]["reason"] or "") if shown[1] else "", "; ".join(sorted(labels.get(record_id, ()))),
            " | ".join(notes.get(record_id, [])),
        ]
    return result


def _visibility(conn: sqlite3.Connection, project_id: int, viewer_id: int | None):
    """visible(author_id, state) -> bool for this viewer (author None: the record's state itself)."""
    if viewer_id is None:
        return lambda author, state: True
    seen = _sees(conn, project_id, viewer_id)

    def visible(author: int | None, state: sqlite3.Row | None) -> bool:
        if author == viewer_id or seen == "all":
            return True
        return seen == "closed" and state is not None and state["state"] != "open"

    return visible
