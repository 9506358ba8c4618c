"""Who may do what on a project: thin helpers over review.projects for extraction and appraisal."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.errors import NotFound
from review.projects import require_role


def require(conn: sqlite3.Connection, project_id: int, user_id: int | None, *roles: str) -> dict[str, Any]:
    """The membership if its role is one of roles; NotFound for non-members, Forbidden for other roles."""
    return require_role(conn, project_id, {"id": user_id} if user_id is not None else None, *roles)


def can_resolve(member: dict[str, Any]) -> bool:
    """Leads and members the lead allowed to resolve may see everyone's work and record consensus."""
    return member["role"] == "lead" or bool(member["can_resolve"])


def project_blinded(conn: sqlite3.Connection, project_id: int) -> bool:
    """Whether reviewers work blind to each other on this project."""
    row = conn.execute("SELECT blinded FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound("No such review project.", "error.project.not_found")
    return bool(row["blinded"])
