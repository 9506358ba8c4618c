"""Review projects, their settings and members with roles."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.accounts import find_member, record_event
from review.projects.reasons import ensure_default_reasons
from review.store import Conflict, Invalid, NotFound, now, transaction

ROLES = ("lead", "reviewer", "communicator")
REVIEW_TYPES = ("systematic", "scoping")
TEXT_FIELDS = ("title", "question", "population", "exposure", "comparator", "outcome",
               "inclusion_criteria", "exclusion_criteria", "highlight_include", "highlight_exclude")
SETTINGS = TEXT_FIELDS + ("review_type", "reviewers_per_record", "blinded")
MAX_TEXT = 20_000


def clean_settings(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate project settings; raise Invalid naming the field that is wrong."""
    clean: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        if key in fields:
            value = str(fields[key] or "").strip()
            if len(value) > MAX_TEXT:
                raise Invalid(f"{key}: at most {MAX_TEXT} characters.",
                              "error.project.text_too_long", field=key, max=MAX_TEXT)
            clean[key] = value
    if "title" in clean and not (1 <= len(clean["title"]) <= 300):
        raise Invalid("title: give the review a title of at most 300 characters.", "error.project.title")
    if "review_type" in fields:
        if fields["review_type"] not in REVIEW_TYPES:
            raise Invalid("review_type: choose systematic or scoping.", "error.project.review_type")
        clean["review_type"] = fields["review_type"]
    if "reviewers_per_record" in fields:
        if str(fields["reviewers_per_record"]) not in ("1", "2"):
            raise Invalid("reviewers_per_record: choose 1 or 2.", "error.project.reviewers_per_record")
        clean["reviewers_per_record"] = int(fields["reviewers_per_record"])
    if "blinded" in fields:
        clean["blinded"] = 1 if fields["blinded"] in (True, 1, "1", "on", "true", "yes") else 0
    return clean


def create_project(conn: sqlite3.Connection, user_id: int | None, title: str, lang: str = "en", **fields: Any) -> int:
    """Create a review project; its creator (if any) becomes its lead; its exclusion reasons start in lang."""

    clean = clean_settings({**fields, "title": title})
    columns = ["created_at", "created_by", *clean]
    with transaction(conn):
        cur = conn.execute(f"INSERT INTO projects ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           [now(), user_id, *clean.values()])
        project_id = cur.lastrowid
        if user_id is not None:
            conn.execute("INSERT INTO memberships (project_id, user_id, role, can_resolve, added_at)"
                         " VALUES (?, ?, 'lead', 1, ?)", (project_id, user_id, now()))
        record_event(conn, project_id, user_id, "project.create", clean["title"])
        ensure_default_reasons(conn, project_id, lang)  # full-text reviewers have reasons to pick from day one
    return project_id


def update_project(conn: sqlite3.Connection, project_id: int, user_id: int, fields: dict[str, Any]) -> None:
    """Change settings; the audit log keeps what changed from what."""
    clean = clean_settings(fields)
    if not clean:
        return
    with transaction(conn):
        before = get_project(conn, project_id)
        changed = {k: [before[k], v] for k, v in clean.items() if before[k] != v}
        if not changed:
            return
        assignments = ", ".join(f"{k} = ?" for k in changed)
        conn.execute(f"UPDATE projects SET {assignments} WHERE id = ?", [v[1] for v in changed.values()] + [project_id])
        record_event(conn, project_id, user_id, "project.update", before["title"], changed)


def get_project(conn: sqlite3.Connection, project_id: int) -> dict[str, Any]:
    """One project by id."""
    row = conn.execute("SELECT * FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound("No such review project.", "error.project.not_found")
    return dict(row)


def resolve_project(conn: sqlite3.Connection, reference: str | int) -> dict[str, Any]:
    """A project named on the command line by its id (or, failing that, its exact title)."""
    text = str(reference).strip()
    rows = conn.execute("SELECT * FROM projects WHERE id = ?", (int(text),)).fetchall() if text.isdigit() else []
    rows = rows or conn.execute("SELECT * FROM projects WHERE title = ?", (text,)).fetchall()
    if len(rows) != 1:
        raise NotFound(f"No project with the id or title {text!r}; 'run.py projects list' shows them.",
                       "error.project.not_found_by_text", text=text)
    return dict(rows[0])


def list_projects(conn: sqlite3.Connection, user_id: int | None = None) -> list[dict[str, Any]]:
    """Projects with the user's role in each (all projects when user_id is None)."""
    if user_id is None:
        rows = conn.execute("SELECT p.*, NULL AS role FROM projects p ORDER BY p.id").fetchall()
    else:
        rows = conn.execute("SELECT p.*, m.role FROM projects p JOIN memberships m ON m.project_id = p.id"
                            " WHERE m.user_id = ? ORDER BY p.id DESC", (user_id,)).fetchall()
    return [dict(r) for r in rows]


def list_members(conn: sqlite3.Connection, project_id: int) -> list[dict[str, Any]]:
    """Members with their names and roles."""
    return [dict(r) for r in conn.execute(
        "SELECT m.*, u.name, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id"
        " WHERE m.project_id = ? ORDER BY CASE m.role WHEN 'lead' THEN 0 WHEN 'reviewer' THEN 1 ELSE 2 END, u.name",
        (project_id,)).fetchall()]


def set_member(conn: sqlite3.Connection, project_id: int, actor_id: int, user_name: str, role: str,
               can_resolve: bool = False) -> int:
    """Add a member or change a member's role; returns the member's user id."""
    if role not in ROLES:
        raise Invalid("role: choose lead, reviewer or communicator.", "error.project.bad_role")
    with transaction(conn):
        row = conn.execute("SELECT id FROM users WHERE name = ?", ((user_name or "").strip(),)).fetchone()
        if row is None:
            raise Invalid(f"There is no user called {user_name!r}; ask the site administrator to add the account.",
                          "error.project.no_such_user", name=user_name)
        user_id = row["id"]
        before = find_member(conn, project_id, user_id)
        if before and before["role"] == "lead" and role != "lead":
            _refuse_last_lead(conn, project_id)
        conn.execute("INSERT INTO memberships (project_id, user_id, role, can_resolve, added_at) VALUES (?, ?, ?, ?, ?)"
                     " ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role,"
                     " can_resolve = excluded.can_resolve",
                     (project_id, user_id, role, int(can_resolve or role == "lead"), now()))
        record_event(conn, project_id, actor_id, "member.set", user_name,
                     {"role": role, "can_resolve": bool(can_resolve or role == "lead"),
                      "before": before["role"] if before else None})
    return user_id


def remove_member(conn: sqlite3.Connection, project_id: int, actor_id: int, user_id: int) -> None:
    """Take a member off the project (never the last lead); their decisions stay."""
    with transaction(conn):
        member = find_member(conn, project_id, user_id)
        if member is None:
            raise NotFound("That person is not a member of this project.", "error.project.not_a_member")
        if member["role"] == "lead":
            _refuse_last_lead(conn, project_id)
        conn.execute("DELETE FROM memberships WHERE project_id = ? AND user_id = ?", (project_id, user_id))
        name = conn.execute("SELECT name FROM users WHERE id = ?", (user_id,)).fetchone()["name"]
        record_event(conn, project_id, actor_id, "member.remove", name, {"role": member["role"]})


def _refuse_last_lead(conn: sqlite3.Connection, project_id: int) -> None:
    leads = conn.execute("SELECT COUNT(*) FROM memberships WHERE project_id = ? AND role = 'lead'",
                         (project_id,)).fetchone()[0]
    if leads <= 1:
        raise Conflict("A project needs at least one lead: make someone else lead first.", "error.project.last_lead")
