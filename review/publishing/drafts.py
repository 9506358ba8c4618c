"""Autosaved drafts of plain-language summaries, one per writer: typing is kept without making a version; a
version is made on purpose (save_version_from_draft), which clears that writer's draft. Each draft remembers
the version its text started from, so a writer can be told who saved a version since, and who else has a
draft newer than the newest version. Only the summary's writers (communicators and the lead) see drafts."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.publishing.summaries import (
    _summary,
    decode_version,
    latest_version,
    require_writer,
    save_version,
    writable_text,
)
from review.store import now, transaction

# A draft's columns, with the version its text started from: a draft from before migration 0017 did not record
# it, and is taken to start from the newest version saved before it (the old editor cleared drafts at each version).
DRAFT = """d.summary_id, d.user_id, d.content, d.topics, d.saved_at,
           COALESCE(d.based_on, (SELECT COALESCE(MAX(v.number), 0) FROM summary_versions v
                                 WHERE v.summary_id = d.summary_id AND v.saved_at <= d.saved_at)) AS based_on"""


def save_draft(conn: sqlite3.Connection, summary_id: int, user_id: int, content: dict[str, Any],
               topics: Any = (), based_on: int | None = None) -> tuple[str, int]:
    """Keep what the writer has typed as their own draft of the summary (replacing their last one); returns
    (when, the version it is based on).

    based_on: the number of the version the text started from (None: as the writer's draft says, else the
    newest version)."""
    _summary_row, clean, clean_topics = writable_text(conn, summary_id, user_id, content, topics)
    at = now()
    with transaction(conn):
        newest = _newest_number(conn, summary_id)
        if based_on is None:
            mine = _own_row(conn, summary_id, user_id)
            based_on = mine["based_on"] if mine else newest
        based_on = min(max(based_on, 0), newest)  # no text starts from a version that does not exist yet
        conn.execute("""INSERT INTO summary_drafts (summary_id, user_id, content, topics, based_on, saved_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (summary_id, user_id) DO UPDATE SET
                        content = excluded.content, topics = excluded.topics, based_on = excluded.based_on,
                        saved_at = excluded.saved_at""",
                     (summary_id, user_id, json.dumps(clean, ensure_ascii=False),
                      json.dumps(clean_topics, ensure_ascii=False), based_on, at))
    return at, based_on


def get_draft(conn: sqlite3.Connection, summary_id: int, user_id: int) -> dict[str, Any] | None:
    """The writer's own draft, unless its text is the newest version's (writers only)."""
    summary = _summary(conn, summary_id)
    require_writer(conn, summary["project_id"], user_id)
    row = _own_row(conn, summary_id, user_id)
    if row is None:
        return None
    draft = decode_version(row)
    latest = latest_version(conn, summary_id)
    if latest and (latest["content"], latest["topics"]) == (draft["content"], draft["topics"]):
        return None
    return draft


def newer_work(conn: sqlite3.Connection, summary_id: int, user_id: int, based_on: int) -> dict[str, list[dict]]:
    """What others did that the writer's text (started from version based_on) does not hold: the versions
    saved since ("versions", oldest first), and other writers' drafts saved after the newest version whose
    text differs from it ("drafts"); each with user_name (writers only)."""
    summary = _summary(conn, summary_id)
    require_writer(conn, summary["project_id"], user_id)
    versions = [decode_version(row) for row in conn.execute(
        """SELECT v.*, COALESCE(u.name, '?') AS user_name FROM summary_versions v LEFT JOIN users u ON u.id = v.saved_by
           WHERE v.summary_id = ? AND v.number > ? ORDER BY v.number""", (summary_id, based_on))]
    latest = latest_version(conn, summary_id)
    rows = conn.execute(f"""SELECT {DRAFT}, COALESCE(u.name, '?') AS user_name FROM summary_drafts d
                            LEFT JOIN users u ON u.id = d.user_id
                            WHERE d.summary_id = ? AND d.user_id != ? AND d.saved_at >= ?
                            ORDER BY d.saved_at, d.user_id""",
                        (summary_id, user_id, latest["saved_at"] if latest else ""))
    drafts = [decode_version(row) for row in rows]
    if latest:
        drafts = [d for d in drafts if (d["content"], d["topics"]) != (latest["content"], latest["topics"])]
    return {"versions": versions, "drafts": drafts}


def discard_draft(conn: sqlite3.Connection, summary_id: int, user_id: int) -> None:
    """Throw the writer's own draft away (the versions, and other writers' drafts, stay as they are)."""
    summary = _summary(conn, summary_id)
    require_writer(conn, summary["project_id"], user_id)
    with transaction(conn):
        conn.execute("DELETE FROM summary_drafts WHERE summary_id = ? AND user_id = ?", (summary_id, user_id))


def save_version_from_draft(conn: sqlite3.Connection, summary_id: int, user_id: int, content: dict[str, Any],
                            topics: Any = (), based_on: int | None = None) -> int:
    """Save a version on purpose and clear the writer's own draft; returns the version number.

    based_on as for save_version: a version saved since by anyone is a Conflict, and the draft stays."""
    with transaction(conn):
        number = save_version(conn, summary_id, user_id, content, topics, based_on)
        conn.execute("DELETE FROM summary_drafts WHERE summary_id = ? AND user_id = ?", (summary_id, user_id))
    return number


def _own_row(conn: sqlite3.Connection, summary_id: int, user_id: int) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {DRAFT} FROM summary_drafts d "
                        "WHERE d.summary_id = ? AND d.user_id = ?", (summary_id, user_id)).fetchone()


def _newest_number(conn: sqlite3.Connection, summary_id: int) -> int:
    return conn.execute("SELECT COALESCE(MAX(number), 0) FROM summary_versions WHERE summary_id = ?",
                        (summary_id,)).fetchone()[0]
