"""What the lead does to many records at once from the records list: label them, move stage-1 conflicts (and,
if the lead says so, agreed exclusions) on to full text by one resolution, each with an audit entry. Roles are checked here, not in the screen."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from review.accounts import record_event
from review.screening.access import require_lead
from review.screening.conflicts import resolve_conflict
from review.screening.state import screening_write, state_of
from review.store import Invalid, now, transaction

LABEL_MAX = 80
AUDIT_IDS = 200  # an audit entry names at most this many records (and always says how many there were)


def _own_ids(conn: sqlite3.Connection, project_id: int, ids: Iterable[int]) -> list[int]:
    """The given ids that are records of this project, sorted, each once."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        raise Invalid("choose at least one record (tick it in the list, or choose every record the filter shows)",
                      "error.records.bulk_none")
    found: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found += [r[0] for r in conn.execute(
            f"SELECT id FROM records WHERE project_id = ? AND id IN ({','.join('?' * len(chunk))}) ORDER BY id",
            [project_id, *chunk])]
    return found


def _label(label: str) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise Invalid("write the label to put on the records", "error.records.bulk_no_label")
    if len(label) > LABEL_MAX:
        raise Invalid(f"a label has at most {LABEL_MAX} characters", "error.records.bulk_label_long", n=LABEL_MAX)
    return label


def _audit(conn: sqlite3.Connection, project_id: int, user_id: int, action: str, ids: list[int],
           detail: dict[str, Any]) -> None:
    record_event(conn, project_id, user_id, action, f"{len(ids)} records",
                 {**detail, "count": len(ids), "records": ids[:AUDIT_IDS]})


def add_label(conn: sqlite3.Connection, project_id: int, user_id: int, ids: Iterable[int], label: str) -> int:
    """Put a label on the records (the lead only); returns how many did not have it yet."""
    require_lead(conn, project_id, user_id)
    label = _label(label)
    with transaction(conn):
        chosen = _own_ids(conn, project_id, ids)
        before = conn.total_changes
        conn.executemany("""INSERT OR IGNORE INTO record_labels (project_id, record_id, label, added_by, added_at)
                            VALUES (?, ?, ?, ?, ?)""", [(project_id, i, label, user_id, now()) for i in chosen])
        added = conn.total_changes - before
        _audit(conn, project_id, user_id, "records.label_add", chosen, {"label": label, "added": added})
    return added


def remove_label(conn: sqlite3.Connection, project_id: int, user_id: int, ids: Iterable[int], label: str) -> int:
    """Take the lead's label off the records (labels given with decisions stay); returns how many had it."""
    require_lead(conn, project_id, user_id)
    label = _label(label)
    with transaction(conn):
        chosen = _own_ids(conn, project_id, ids)
        before = conn.total_changes
        conn.executemany("DELETE FROM record_labels WHERE project_id = ? AND record_id = ? AND label = ?",
                         [(project_id, i, label) for i in chosen])
        removed = conn.total_changes - before
        _audit(conn, project_id, user_id, "records.label_remove", chosen, {"label": label, "removed": removed})
    return removed


def move_to_fulltext(conn: sqlite3.Connection, project_id: int, user_id: int, ids: Iterable[int],
                     reason: str, over_agreed: bool = False) -> dict[str, int]:
    """Resolve the chosen stage-1 conflicts as include, so they go on to full text (the lead only, one stated
    reason for all). With over_agreed, records both reviewers excluded go on too (the lead overrides their
    agreement, each override a resolution with the reason). Records still waiting for decisions, agreed ones
    (without over_agreed) and those already included are left as they are and counted, so the lead is told
    what happened to each."""
    require_lead(conn, project_id, user_id)
    reason = (reason or "").strip()
    if not reason:
        raise Invalid("say why these records go on to full text; the reason is kept with each resolution",
                      "error.conflicts.no_reason")
    result = {"moved": 0, "overridden": 0, "waiting": 0, "agreed": 0, "already": 0}
    with screening_write(conn):
        chosen = _own_ids(conn, project_id, ids)
        for record_id in chosen:
            state = state_of(conn, project_id, 1, record_id)
            agreed = state["state"] == "settled" and not state["resolution_event_id"]
            if state["state"] == "settled" and state["outcome"] == "include":
                result["already"] += 1
            elif state["state"] == "open":
                result["waiting"] += 1
            elif agreed and not over_agreed:
                result["agreed"] += 1
            else:
                resolve_conflict(conn, project_id, user_id, record_id, 1, "include", reason, over_agreement=agreed)
                result["overridden" if agreed else "moved"] += 1
        _audit(conn, project_id, user_id, "records.move_to_fulltext", chosen, {"reason": reason, **result})
    return result
