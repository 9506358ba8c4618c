"""Who may do what on a project: the one way to ask is require_member(conn, project, user, *roles)."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.store import Forbidden, NotFound


def require_member(conn: sqlite3.Connection, project_id: int, user_id: int | None, *roles: str) -> dict[str, Any]:
    """The user's membership if its role is one of roles (any role when none are named).

    Non-members get NotFound, so a project's existence is not revealed; members with another role get
    Forbidden. The membership's can_resolve is what the member may do: leads always resolve."""
    row = None if user_id is None else conn.execute(
        "SELECT * FROM memberships WHERE project_id = ? AND user_id = ?", (project_id, user_id)).fetchone()
    if row is None:
        raise NotFound("No such review project, or you are not a member of it.", "error.project.not_member")
    member = dict(row)
    if roles and member["role"] not in roles:
        # the two usual sets of roles get a text that names them in the reader's language
        raise Forbidden(f"This needs the role {' or '.join(roles)} in this project; yours is {member['role']}.",
                        "error.project.lead_only" if set(roles) == {"lead"}
                        else "error.project.lead_or_reviewer_only" if set(roles) == {"lead", "reviewer"}
                        else "error.project.wrong_role", roles=" or ".join(roles), role=member["role"])
    member["can_resolve"] = member["role"] == "lead" or bool(member["can_resolve"])
    return member


def find_member(conn: sqlite3.Connection, project_id: int, user_id: int) -> dict[str, Any] | None:
    """The user's membership, or None: for code that asks whether someone is a member, not whether they may act."""
    try:
        return require_member(conn, project_id, user_id)
    except NotFound:
        return None


def project_blinded(conn: sqlite3.Connection, project_id: int) -> bool:
    """Whether reviewers work blind to each other on this project."""
    row = conn.execute("SELECT blinded FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound("No such review project.", "error.project.not_found")
    return bool(row["blinded"])
