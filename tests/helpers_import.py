"""Small helpers for import tests: a user and a project to import into."""
from __future__ import annotations

from review.store.db import now, transaction


def make_project(conn, title: str = "Working from home and health") -> tuple[int, int]:
    """Insert a user and a project directly; return (project_id, user_id)."""
    with transaction(conn):
        user = conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES (?, 'x', ?)",
                            (f"kari{title[:3]}", now())).lastrowid
        project = conn.execute("INSERT INTO projects (title, created_at, created_by) VALUES (?, ?, ?)",
                               (title, now(), user)).lastrowid
    return project, user
