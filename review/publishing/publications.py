"""What the public portal may show: published, not withdrawn summaries as they were published."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.publishing.content import full_text
from review.store import NotFound

_PUBLIC = """SELECT s.id, s.project_id, s.lang, s.published_at, s.first_published_at, s.published_prisma,
                    s.published_certainty, v.content, v.topics, v.number AS version, p.title AS review_title,
                    (SELECT group_concat(o.lang || ':' || o.id) FROM summaries o WHERE o.project_id = s.project_id
                       AND o.published_version_id IS NOT NULL AND o.withdrawn_at IS NULL) AS translations
             FROM summaries s JOIN summary_versions v ON v.id = s.published_version_id
             JOIN projects p ON p.id = s.project_id
             WHERE s.withdrawn_at IS NULL"""


def published_summaries(conn: sqlite3.Connection, lang: str | None = None, topic: str | None = None,
                        query: str | None = None) -> list[dict[str, Any]]:
    """Published summaries, newest first, optionally one language, one topic, or matching search words."""
    rows = conn.execute(_PUBLIC + " ORDER BY s.published_at DESC, s.id DESC").fetchall()
    found = [_public(row) for row in rows]
    if lang:
        found = [s for s in found if s["lang"] == lang]
    if topic:
        found = [s for s in found if topic.lower() in (t.lower() for t in s["topics"])]
    if query and query.strip():
        words = query.lower().split()
        found = [s for s in found if all(w in s["search_text"] for w in words)]
    return found


def published_summary(conn: sqlite3.Connection, summary_id: int) -> dict[str, Any]:
    """One published summary; NotFound for drafts, withdrawn ones and unknown ids alike."""
    row = conn.execute(_PUBLIC + " AND s.id = ?", (summary_id,)).fetchone()
    if row is None:
        raise NotFound(f"summary {summary_id} is not published", "error.summary.not_published")
    return _public(row)


def published_topics(conn: sqlite3.Connection) -> list[str]:
    """Every topic of a published summary, sorted."""
    topics = {t for s in published_summaries(conn) for t in s["topics"]}
    return sorted(topics, key=str.lower)


def _public(row: sqlite3.Row) -> dict[str, Any]:
    content = json.loads(row["content"])
    # every published language of the same review (this one included), e.g. {"nb": 3, "nn": 7}
    alternates = {lang: int(sid) for lang, _, sid in (part.partition(":") for part in (row["translations"] or "").split(",") if part)}
    others = [sid for lang, sid in alternates.items() if lang != row["lang"]]
    return {
        "id": row["id"], "project_id": row["project_id"], "lang": row["lang"], "version": row["version"],
        "published_at": row["published_at"], "first_published_at": row["first_published_at"],
        "title": content["title"], "content": content, "topics": json.loads(row["topics"]),
        "prisma": json.loads(row["published_prisma"] or "null"),
        "certainty": json.loads(row["published_certainty"] or "[]"),
        "other_id": others[0] if others else None, "alternates": alternates, "review_title": row["review_title"],
        "search_text": full_text(content).lower(),
    }
