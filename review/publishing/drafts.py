"""Autosaved drafts of plain-language summaries: typing is kept without making a version; a version is made
on purpose (review.summaries.save_version), which clears the draft."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.publishing.summaries import _summary, latest_version, require_writer, save_version, writable_text
from review.store import now, transaction


def save_draft(conn: sqlite3.Connection, summary_id: int, user_id: int, content: dict[str, Any],
               topics: Any = ()) -> str:
    """Keep what the writer has typed as the summary's draft (replacing the last one); returns when."""
    _summary_row, clean, clean_topics = writable_text(conn, summary_id, user_id, content, topics)
    at = now()
    with transaction(conn):
        conn.execute("""INSERT INTO summary_drafts (summary_id, content, topics, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (summary_id) DO UPDATE SET content = excluded.content, topics = excluded.topics,
                        saved_at = excluded.saved_at, saved_by = excluded.saved_by""",
                     (summary_id, json.dumps(clean, ensure_ascii=False), json.dumps(clean_topics, ensure_ascii=False),
                      at, user_id))
    return at


def get_draft(conn: sqlite3.Connection, summary_id: int, user_id: int) -> dict[str, Any] | None:
    """The draft, if one was typed after the newest version and differs from it (writers only)."""
    summary = _summary(conn, summary_id)
    require_writer(conn, summary["project_id"], user_id)
    row = conn.execute("SELECT * FROM summary_drafts WHERE summary_id = ?", (summary_id,)).fetchone()
    if row is None:
        return None
    draft = dict(row, content=json.loads(row["content"]), topics=json.loads(row["topics"]))
    latest = latest_version(conn, summary_id)
    if latest and (latest["content"], latest["topics"]) == (draft["content"], draft["topics"]):
        return None
    return draft


def discard_draft(conn: sqlite3.Connection, summary_id: int, user_id: int) -> None:
    """Throw the draft away (the versions stay as they are)."""
    summary = _summary(conn, summary_id)
    require_writer(conn, summary["project_id"], user_id)
    with transaction(conn):
        conn.execute("DELETE FROM summary_drafts WHERE summary_id = ?", (summary_id,))


def save_version_from_draft(conn: sqlite3.Connection, summary_id: int, user_id: int, content: dict[str, Any],
                            topics: Any = ()) -> int:
    """Save a version on purpose and clear the draft it came from; returns the version number."""
    with transaction(conn):
        number = save_version(conn, summary_id, user_id, content, topics)
        conn.execute("DELETE FROM summary_drafts WHERE summary_id = ?", (summary_id,))
    return number
