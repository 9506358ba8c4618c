"""Who may do what on a project: the membership lookups extraction and appraisal need."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.errors import Forbidden, NotFound


def membership(conn: sqlite3.Connection, project_id: int, user_id: int | None) -> dict[str, Any]:
    """The user's membership of the project; NotFound when not a member (existence is not revealed)."""
    row = conn.execute("SELECT role, can_resolve FROM memberships WHERE project_id = ? AND user_id = ?",
                       (project_id, user_id)).fetchone()
    if row is None:
        raise NotFound("no such project")
    return dict(row)


def require(conn: sqlite3.Connection, project_id: int, user_id: int | None, *roles: str) -> dict[str, Any]:
    """The membership if its role is one of roles; Forbidden otherwise."""
    member = membership(conn, project_id, user_id)
    if member["role"] not in roles:
        raise Forbidden(f"this needs the role {' or '.join(roles)} on the project; you are {member['role']}")
    return member


def can_resolve(member: dict[str, Any]) -> bool:
    """Leads and members the lead allowed to resolve may see everyone's work and record consensus."""
    return member["role"] == "lead" or bool(member["can_resolve"])


def project_blinded(conn: sqlite3.Connection, project_id: int) -> bool:
    """Whether reviewers work blind to each other on this project."""
    row = conn.execute("SELECT blinded FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound("no such project")
    return bool(row["blinded"])
