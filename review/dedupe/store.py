"""SQL for duplicate groups, links and pairs; the only module of dedupe that touches tables."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from review.store import NotFound, now

KEY_COLUMNS = "id, title, abstract, authors, year, journal, journal_abbrev, volume, issue, pages_start, pages_end, doi, pmid, pub_type, language"


def match_rows(conn: sqlite3.Connection, project_id: int) -> list[sqlite3.Row]:
    """The columns matching needs, for every record of a project, oldest first."""
    return conn.execute(f"SELECT {KEY_COLUMNS} FROM records WHERE project_id = ? ORDER BY id",
                        (project_id,)).fetchall()


def links_of_project(conn: sqlite3.Connection, project_id: int) -> dict[int, int]:
    """record id -> group id for every grouped record."""
    rows = conn.execute("""SELECT l.record_id, l.group_id FROM duplicate_links l
                           JOIN duplicate_groups g ON g.id = l.group_id WHERE g.project_id = ?""", (project_id,))
    return {r[0]: r[1] for r in rows}


def known_pairs(conn: sqlite3.Connection, project_id: int) -> dict[tuple[int, int], str | None]:
    """(a, b) -> decision (None while pending) for every stored pair."""
    rows = conn.execute("SELECT record_a, record_b, decision FROM duplicate_pairs WHERE project_id = ?",
                        (project_id,))
    return {(r[0], r[1]): r[2] for r in rows}


def last_checked(conn: sqlite3.Connection, project_id: int) -> int:
    """The highest record id an earlier run compared (0 before the first run)."""
    row = conn.execute("SELECT MAX(last_record_id) FROM dedupe_runs WHERE project_id = ?", (project_id,)).fetchone()
    return row[0] or 0


def last_run_id(conn: sqlite3.Connection, project_id: int) -> int:
    """The id of the project's newest run (0 before the first): a run that sees it change lost a race."""
    row = conn.execute("SELECT MAX(id) FROM dedupe_runs WHERE project_id = ?", (project_id,)).fetchone()
    return row[0] or 0


def add_run(conn: sqlite3.Connection, project_id: int, user_id: int | None, last_record_id: int,
            groups: int, certain: int, possible: int) -> None:
    conn.execute("""INSERT INTO dedupe_runs (project_id, user_id, ran_at, last_record_id, groups, certain, possible)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", (project_id, user_id, now(), last_record_id, groups, certain,
                                                      possible))


def create_group(conn: sqlite3.Connection, project_id: int, representative_id: int, user_id: int | None) -> int:
    cur = conn.execute("""INSERT INTO duplicate_groups (project_id, representative_id, created_at, created_by)
                          VALUES (?, ?, ?, ?)""", (project_id, representative_id, now(), user_id))
    return cur.lastrowid


def link(conn: sqlite3.Connection, group_id: int, record_ids: Iterable[int], status: str) -> None:
    """Put records in a group (moving them from another group if they were in one)."""
    at = now()
    conn.executemany("""INSERT INTO duplicate_links (record_id, group_id, status, linked_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT(record_id) DO UPDATE SET group_id = excluded.group_id""",
                     [(r, group_id, status, at) for r in record_ids])


def add_pairs(conn: sqlite3.Connection, project_id: int, pairs: Iterable[tuple[int, int, float, str]]) -> int:
    """Queue pairs for a person; pairs already stored (and decided) stay as they are."""
    at = now()
    cur = conn.executemany("""INSERT INTO duplicate_pairs (project_id, record_a, record_b, score, reason, found_at)
                              VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(record_a, record_b) DO NOTHING""",
                           [(project_id, min(a, b), max(a, b), s, why, at) for a, b, s, why in pairs])
    return cur.rowcount


def get_pair(conn: sqlite3.Connection, project_id: int, pair_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM duplicate_pairs WHERE id = ? AND project_id = ?", (pair_id, project_id)).fetchone()
    if row is None:
        raise NotFound(f"no candidate pair {pair_id} in this project", "error.dup.no_pair", pair=pair_id)
    return row


def set_decision(conn: sqlite3.Connection, project_id: int, a: int, b: int, decision: str | None,
                 user_id: int | None) -> None:
    """Record (or with None, withdraw) a person's decision on a pair, creating the pair if needed."""
    a, b = min(a, b), max(a, b)
    at = now()
    conn.execute("""INSERT INTO duplicate_pairs (project_id, record_a, record_b, found_at, decision, decided_by,
                        decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(record_a, record_b) DO UPDATE SET decision = excluded.decision,
                        decided_by = excluded.decided_by, decided_at = excluded.decided_at""",
                 (project_id, a, b, at, decision, user_id if decision else None, at if decision else None))


def group_of(conn: sqlite3.Connection, project_id: int, group_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM duplicate_groups WHERE id = ? AND project_id = ?",
                       (group_id, project_id)).fetchone()
    if row is None:
        raise NotFound(f"no duplicate group {group_id} in this project", "error.dup.no_group", group=group_id)
    return row


def group_links(conn: sqlite3.Connection, group_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM duplicate_links WHERE group_id = ? ORDER BY record_id", (group_id,)).fetchall()


def link_of(conn: sqlite3.Connection, record_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM duplicate_links WHERE record_id = ?", (record_id,)).fetchone()


def delete_group(conn: sqlite3.Connection, group_id: int) -> None:
    """Remove a group and its links (the records themselves are untouched)."""
    conn.execute("DELETE FROM duplicate_links WHERE group_id = ?", (group_id,))
    conn.execute("DELETE FROM duplicate_groups WHERE id = ?", (group_id,))


def unlink(conn: sqlite3.Connection, record_id: int) -> None:
    conn.execute("DELETE FROM duplicate_links WHERE record_id = ?", (record_id,))


def set_representative(conn: sqlite3.Connection, group_id: int, record_id: int) -> None:
    conn.execute("UPDATE duplicate_groups SET representative_id = ? WHERE id = ?", (record_id, group_id))


def record_in_project(conn: sqlite3.Connection, project_id: int, record_id: int) -> None:
    """Raise NotFound unless the record belongs to the project."""
    if conn.execute("SELECT 1 FROM records WHERE id = ? AND project_id = ?", (record_id, project_id)).fetchone() is None:
        raise NotFound(f"no record {record_id} in this project", "error.records.not_found", record=record_id)
