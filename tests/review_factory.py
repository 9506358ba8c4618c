"""Small builders for tests of outputs: people with roles, a project, searches with records."""
from __future__ import annotations

import sqlite3

from review.publishing import summaries
from review.searches.importing import add_records, create_search
from review.store.db import now


def add_user(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES (?, 'x', ?)",
                        (name, now())).lastrowid


def add_project(conn: sqlite3.Connection, title: str = "Breaks at work", **roles: str) -> tuple[int, dict[str, int]]:
    """A project and one user per role given as name=role; returns (project id, {name: user id})."""
    project_id = conn.execute("INSERT INTO projects (title, created_at) VALUES (?, ?)", (title, now())).lastrowid
    users = {}
    for name, role in roles.items():
        users[name] = add_user(conn, name)
        conn.execute("INSERT INTO memberships (project_id, user_id, role, added_at) VALUES (?, ?, ?, ?)",
                     (project_id, users[name], role, now()))
    return project_id, users


def add_search(conn: sqlite3.Connection, project_id: int, database: str, n: int, kind: str = "database") -> list[int]:
    """A search of n records titled '<database> record i'; returns their ids."""
    search_id = create_search(conn, project_id, None, f"{database}.ris", database * 4, "ris",
                              {"database_name": database, "source_kind": kind, "query": "breaks AND work"})
    add_records(conn, project_id, search_id, [{"title": f"{database} record {i}", "year": 2020} for i in range(n)])
    rows = conn.execute("SELECT id FROM records WHERE search_id = ? ORDER BY position", (search_id,))
    return [row[0] for row in rows]


def complete(title="Pauser på jobben", url="https://example.org/report"):
    """A summary with every part filled in."""
    return {"title": title, "key_messages": ["Pauser kan redusere utmattelse.", "Vi vet lite om smerter."],
            "why": "Mange jobber lange vakter.", "what_for": "Om pauser hjelper.", "what_did": "Vi søkte i fem databaser.",
            "what_found": "Tolv studier.", "limitations": "Små studier.", "up_to_date": "Søk til mars 2026.",
            "workplaces": "Planlegg pauser.", "report_url": url,
            "findings": [{"outcome": "utmattelse", "certainty": "low", "text": "Pauser kan redusere utmattelse."}]}


def published(conn, project_id, users, lang="nb", content=None, topics=("helse",), snapshot=None):
    """A summary taken through submit, approve and publish; returns its id."""
    sid = summaries.create_summary(conn, project_id, lang, users["comm"])
    summaries.save_version(conn, sid, users["comm"], content or complete(), topics)
    summaries.change_state(conn, sid, users["comm"], "submit")
    summaries.change_state(conn, sid, users["lead"], "approve")
    summaries.change_state(conn, sid, users["comm"], "publish",
                           snapshot=snapshot or (lambda pid: {"prisma": {"screened": 5}, "certainty": []}))
    return sid
