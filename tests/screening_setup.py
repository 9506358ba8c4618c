"""Building blocks for screening tests: users, a project with members, records (plain SQL plus the core)."""
from __future__ import annotations

import sqlite3

from review.searches.importing import add_records, create_search
from review.store.db import now, transaction


def add_user(conn: sqlite3.Connection, name: str) -> int:
    with transaction(conn):
        return conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES (?, 'x', ?)",
                            (name, now())).lastrowid


def make_project(conn: sqlite3.Connection, records: int = 10, per_record: int = 2, blinded: bool = True,
                 members: dict[str, str] | None = None) -> tuple[int, dict[str, int], list[int]]:
    """A project with members (name -> role; default lead 'lea', reviewers 'rita', 'rolf') and records."""
    members = members or {"lea": "lead", "rita": "reviewer", "rolf": "reviewer"}
    users = {name: add_user(conn, name) for name in members}
    with transaction(conn):
        project_id = conn.execute(
            "INSERT INTO projects (title, reviewers_per_record, blinded, created_at) VALUES (?, ?, ?, ?)",
            ("Breaks at work", per_record, int(blinded), now())).lastrowid
        for name, role in members.items():
            conn.execute("INSERT INTO memberships (project_id, user_id, role, added_at) VALUES (?, ?, ?, ?)",
                         (project_id, users[name], role, now()))
    search_id = create_search(conn, project_id, users[next(iter(users))], "medline.ris", "0" * 64, "ris")
    add_records(conn, project_id, search_id, (
        {"title": f"Record {i}: nurses taking breaks", "abstract": f"Abstract {i} about rest breaks of nurses.",
         "authors": ["Hansen, Kari"], "year": 2000 + i, "journal": "Work Stress", "keywords": ["breaks"]}
        for i in range(records)))
    ids = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (project_id,))]
    return project_id, users, ids
