"""Joining a project by invitation: a lead invites by user name or email address, the person accepts.

The rule (as Covidence and Rayyan do it): nobody is put into a project without their consent, and inviting
tells the lead nothing about which accounts exist. A lead's invitation is kept by the text the lead typed;
the members page lists it whether or not such an account exists, and the answer is the same either way.
The person (an account with that exact user name or email address) sees it on their projects page and
joins, in the role the lead chose, when they accept. A site administrator, who sees every account anyway,
adds an existing account directly. A member's role is changed directly: the lead already sees the members."""
from __future__ import annotations

import re
import sqlite3
from typing import Any

from review.accounts import find_member, record_event
from review.projects import project as projects
from review.store import Invalid, NotFound, now, transaction

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_INVITEE = 254


def is_email(text: str) -> bool:
    """Whether the text is an email address (and not a user name)."""
    return bool(EMAIL.match(text or "")) and len(text) <= MAX_INVITEE


def find_account(conn: sqlite3.Connection, invitee: str) -> dict[str, Any] | None:
    """The enabled account whose exact user name or email address (any case) is invitee, or None."""
    row = conn.execute("SELECT * FROM users WHERE (name = ? OR email = ? COLLATE NOCASE) AND disabled_at IS NULL"
                       " ORDER BY name = ? DESC LIMIT 1", (invitee, invitee, invitee)).fetchone()
    return dict(row) if row else None


def invite(conn: sqlite3.Connection, project_id: int, actor: dict[str, Any], invitee: str, role: str,
           can_resolve: bool = False) -> str:
    """Invite someone into a project (or change a member's role); 'member', 'added' or 'invited'.

    'invited' whether or not an account called invitee exists: the caller shows the same answer for both."""
    invitee = (invitee or "").strip()
    if not invitee or len(invitee) > MAX_INVITEE or any(ch.isspace() for ch in invitee):
        raise Invalid("Give the exact user name or email address of the person to invite.",
                      "error.invitation.bad_invitee")
    if role not in projects.ROLES:
        raise Invalid("role: choose lead, reviewer or communicator.", "error.project.bad_role")
    account = find_account(conn, invitee)
    if account and find_member(conn, project_id, account["id"]):
        projects.set_member(conn, project_id, actor["id"], account["name"], role, can_resolve)
        return "member"
    if actor.get("is_admin") and account:
        projects.set_member(conn, project_id, actor["id"], account["name"], role, can_resolve)
        return "added"
    with transaction(conn):
        conn.execute("INSERT INTO project_invitations (project_id, invitee, role, can_resolve, invited_by, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, invitee) DO UPDATE SET role = excluded.role,"
                     " can_resolve = excluded.can_resolve, invited_by = excluded.invited_by",
                     (project_id, invitee, role, int(can_resolve or role == "lead"), actor["id"], now()))
        record_event(conn, project_id, actor["id"], "member.invite", invitee, {"role": role})
    return "invited"


def project_invitations(conn: sqlite3.Connection, project_id: int) -> list[dict[str, Any]]:
    """The project's open invitations, as the leads typed them."""
    return [dict(r) for r in conn.execute(
        "SELECT id, invitee, role, can_resolve, created_at FROM project_invitations WHERE project_id = ?"
        " ORDER BY created_at, id", (project_id,))]


def my_invitations(conn: sqlite3.Connection, user: dict[str, Any]) -> list[dict[str, Any]]:
    """Open invitations for this account (by its user name or email address), with project titles."""
    return [dict(r) for r in conn.execute(
        "SELECT i.id, i.role, i.created_at, p.title, u.display_name AS invited_by_name FROM project_invitations i"
        " JOIN projects p ON p.id = i.project_id LEFT JOIN users u ON u.id = i.invited_by"
        " WHERE (i.invitee = ? OR i.invitee = ?) AND NOT EXISTS"
        " (SELECT 1 FROM memberships m WHERE m.project_id = i.project_id AND m.user_id = ?) ORDER BY i.id",
        (user["name"], user.get("email") or "", user["id"]))]


def _mine(conn: sqlite3.Connection, invitation_id: int, user: dict[str, Any]) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM project_invitations WHERE id = ? AND (invitee = ? OR invitee = ?)",
                       (invitation_id, user["name"], user.get("email") or "")).fetchone()
    if row is None:
        raise NotFound("No such invitation (it may have been withdrawn).", "error.invitation.not_found")
    return dict(row)


def accept(conn: sqlite3.Connection, invitation_id: int, user: dict[str, Any]) -> int:
    """Join the project of one's invitation, in the role it names; returns the project id."""
    with transaction(conn):
        invitation = _mine(conn, invitation_id, user)
        projects.set_member(conn, invitation["project_id"], user["id"], user["name"], invitation["role"],
                            bool(invitation["can_resolve"]))
        conn.execute("DELETE FROM project_invitations WHERE id = ?", (invitation_id,))
        record_event(conn, invitation["project_id"], user["id"], "member.accept", user["name"],
                     {"role": invitation["role"], "invited_by": invitation["invited_by"]})
    return invitation["project_id"]


def decline(conn: sqlite3.Connection, invitation_id: int, user: dict[str, Any]) -> None:
    """Say no to an invitation; the lead sees it gone from the members page."""
    with transaction(conn):
        invitation = _mine(conn, invitation_id, user)
        conn.execute("DELETE FROM project_invitations WHERE id = ?", (invitation_id,))
        record_event(conn, invitation["project_id"], user["id"], "member.decline", invitation["invitee"], {})


def withdraw(conn: sqlite3.Connection, project_id: int, actor_id: int, invitation_id: int) -> None:
    """A lead takes back an invitation not yet accepted."""
    with transaction(conn):
        row = conn.execute("SELECT invitee FROM project_invitations WHERE id = ? AND project_id = ?",
                           (invitation_id, project_id)).fetchone()
        if row is None:
            raise NotFound("No such invitation (it may have been accepted).", "error.invitation.not_found")
        conn.execute("DELETE FROM project_invitations WHERE id = ?", (invitation_id,))
        record_event(conn, project_id, actor_id, "member.withdraw", row["invitee"], {})
