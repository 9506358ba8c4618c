"""The project's list of stage-2 exclusion reasons, edited by the lead; reasons are retired, never deleted."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.accounts import record_event, require_member
from review.store import Invalid, NotFound, now, transaction

# The starting list in each language Sil speaks; once written, the labels are the project's data (migration
# 0009 keeps its own English copy, as migrations are snapshots).
STARTING_REASONS = {
    "en": ("Wrong population", "Wrong exposure or intervention", "Wrong outcome", "Wrong study design",
           "Wrong publication type", "Duplicate report", "Language"),
    "nb": ("Feil populasjon", "Feil eksponering eller intervensjon", "Feil utfall", "Feil studiedesign",
           "Feil publikasjonstype", "Duplikat", "Språk"),
}
DEFAULT_REASONS = STARTING_REASONS["en"]


def list_reasons(conn: sqlite3.Connection, project_id: int, include_retired: bool = False) -> list[dict[str, Any]]:
    """The exclusion reasons in their order (1 to 9 are keyboard shortcuts on the screening page)."""
    rows = conn.execute(
        "SELECT id, label, position, retired_at FROM exclusion_reasons WHERE project_id = ? "
        + ("" if include_retired else "AND retired_at IS NULL ") + "ORDER BY position, id", (project_id,)).fetchall()
    return [dict(r) for r in rows]


def add_reason(conn: sqlite3.Connection, project_id: int, user_id: int, label: str) -> int:
    """Append a reason to the project's list; return its id."""
    require_member(conn, project_id, user_id, "lead")
    label = _clean(label)
    with transaction(conn):
        if any(r["label"].casefold() == label.casefold() for r in list_reasons(conn, project_id)):
            raise Invalid(f"the reason {label!r} is already in the list", "error.reasons.exists", label=label)
        position = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM exclusion_reasons WHERE project_id = ?",
                                (project_id,)).fetchone()[0]
        reason_id = conn.execute(
            "INSERT INTO exclusion_reasons (project_id, label, position, created_at) VALUES (?, ?, ?, ?)",
            (project_id, label, position, now())).lastrowid
        record_event(conn, project_id, user_id, "screening.reason_add", label, {"reason_id": reason_id})
    return reason_id


def rename_reason(conn: sqlite3.Connection, project_id: int, user_id: int, reason_id: int, label: str) -> None:
    """Change a reason's wording (decisions citing it follow, since they refer to it by id)."""
    require_member(conn, project_id, user_id, "lead")
    label = _clean(label)
    with transaction(conn):
        _get(conn, project_id, reason_id)
        conn.execute("UPDATE exclusion_reasons SET label = ? WHERE id = ?", (label, reason_id))
        record_event(conn, project_id, user_id, "screening.reason_rename", label, {"reason_id": reason_id})


def retire_reason(conn: sqlite3.Connection, project_id: int, user_id: int, reason_id: int) -> None:
    """Take a reason off the list for new decisions; earlier decisions keep citing it."""
    require_member(conn, project_id, user_id, "lead")
    with transaction(conn):
        reason = _get(conn, project_id, reason_id)
        conn.execute("UPDATE exclusion_reasons SET retired_at = ? WHERE id = ?", (now(), reason_id))
        record_event(conn, project_id, user_id, "screening.reason_retire", reason["label"], {"reason_id": reason_id})


def default_reasons(lang: str = "en") -> tuple[str, ...]:
    """The usual starting list in a language code Sil speaks ('nb' or 'en'); English for any other."""
    return STARTING_REASONS.get(lang, DEFAULT_REASONS)


def ensure_default_reasons(conn: sqlite3.Connection, project_id: int, lang: str = "en") -> None:
    """Give a project without reasons the usual starting list in lang, which the lead can then edit."""
    with transaction(conn):
        if conn.execute("SELECT 1 FROM exclusion_reasons WHERE project_id = ?", (project_id,)).fetchone():
            return
        for position, label in enumerate(default_reasons(lang), start=1):
            conn.execute("INSERT INTO exclusion_reasons (project_id, label, position, created_at) VALUES (?, ?, ?, ?)",
                         (project_id, label, position, now()))


def _clean(label: str) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise Invalid("an exclusion reason needs some words", "error.reasons.empty")
    if len(label) > 200:
        raise Invalid("keep an exclusion reason under 200 characters", "error.reasons.too_long")
    return label


def _get(conn: sqlite3.Connection, project_id: int, reason_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM exclusion_reasons WHERE id = ? AND project_id = ?", (reason_id, project_id)).fetchone()
    if row is None:
        raise NotFound(f"exclusion reason {reason_id} is not in this project",
                       "error.reasons.not_found", reason=reason_id)
    return row
