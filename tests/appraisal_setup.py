"""Helpers for extraction and appraisal tests: a project with a lead and two reviewers, and records."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from review.searches.importing import add_records, create_search
from review.store.db import now, transaction


@dataclass
class Team:
    project_id: int
    lead: int
    ann: int
    bob: int
    communicator: int
    records: list[int]


def _user(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute("INSERT INTO users (name, display_name, password_hash, created_at) VALUES (?, ?, 'x', ?)",
                        (name, name.title(), now())).lastrowid


def make_team(conn: sqlite3.Connection, blinded: bool = True, n_records: int = 4) -> Team:
    """A project (blinded or not) with lead, reviewers ann and bob, a communicator and some records."""
    with transaction(conn):
        project_id = conn.execute("INSERT INTO projects (title, blinded, created_at) VALUES ('Breaks at work', ?, ?)",
                                  (int(blinded), now())).lastrowid
        ids = {name: _user(conn, name) for name in ("lead", "ann", "bob", "cora")}
        for name, role in (("lead", "lead"), ("ann", "reviewer"), ("bob", "reviewer"), ("cora", "communicator")):
            conn.execute("INSERT INTO memberships (project_id, user_id, role, added_at) VALUES (?, ?, ?, ?)",
                         (project_id, ids[name], role, now()))
    search_id = create_search(conn, project_id, ids["lead"], "medline.ris", "0" * 64, "ris")
    add_records(conn, project_id, search_id,
                [{"title": f"Breaks and fatigue in nurses, report {i}", "year": 2018 + i} for i in range(n_records)])
    records = [row[0] for row in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (project_id,))]
    return Team(project_id, ids["lead"], ids["ann"], ids["bob"], ids["cora"], records)
