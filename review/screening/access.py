"""Who may do what in screening, and what blinding lets a person see."""
from __future__ import annotations

import sqlite3
from typing import Any

from review import accounts
from review.store import Forbidden, NotFound

SCREENERS = ("lead", "reviewer")


def require_screener(conn: sqlite3.Connection, project_id: int, user_id: int) -> dict[str, Any]:
    """A member who screens: the lead or a reviewer."""
    member = accounts.require_member(conn, project_id, user_id)
    if member["role"] not in SCREENERS:
        raise Forbidden("only the lead and reviewers screen records in this project", "error.screening.not_screener")
    return member


def require_lead(conn: sqlite3.Connection, project_id: int, user_id: int) -> dict[str, Any]:
    """The project lead."""
    member = accounts.require_member(conn, project_id, user_id)
    if member["role"] != "lead":
        raise Forbidden("only the project lead can do this", "error.screening.lead_only")
    return member


def require_resolver(conn: sqlite3.Connection, project_id: int, user_id: int) -> dict[str, Any]:
    """The lead or a member given the right to resolve conflicts."""
    member = accounts.require_member(conn, project_id, user_id)
    if not member["can_resolve"]:
        raise Forbidden("only the lead or a member allowed to resolve conflicts can do this",
                        "error.screening.resolver_only")
    return member


def is_blinded(conn: sqlite3.Connection, project_id: int) -> bool:
    """Whether the project still hides reviewers' decisions from each other."""
    row = conn.execute("SELECT blinded FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound(f"project {project_id} not found", "error.screening.project_not_found", project=project_id)
    return bool(row["blinded"])


def sees_others(conn: sqlite3.Connection, project_id: int, user_id: int) -> str:
    """How much of other reviewers' decisions this user may see: 'all', 'closed' or 'none'.

    'closed' means decisions on records whose stage has every required decision in (conflict or
    settled); a record still open at a stage never shows another reviewer's decision.
    """
    member = accounts.require_member(conn, project_id, user_id)
    if not is_blinded(conn, project_id):
        return "all"
    return "closed" if member["can_resolve"] else "none"


def require_project(conn: sqlite3.Connection, project_id: int) -> None:
    """NotFound unless the project exists."""
    if conn.execute("SELECT 1 FROM projects WHERE id = ?", (project_id,)).fetchone() is None:
        raise NotFound(f"project {project_id} not found", "error.screening.project_not_found", project=project_id)


def require_sees_sets(conn: sqlite3.Connection, project_id: int, user_id: int) -> None:
    """Forbidden while blinding keeps this member from sets chosen by others' decisions (included, excluded, conflicts).

    The one check behind both routes to those sets: the Export tab and the Screening tab's downloads.
    """
    if sees_others(conn, project_id, user_id) == "none":
        raise Forbidden("while screening is blinded, only the lead and those who resolve conflicts can export "
                        "records chosen by other reviewers' decisions; ask the lead to lift blinding",
                        "error.export_offers.blinded")
