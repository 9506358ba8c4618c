"""The Language Act's 25 % rule: the share of published summaries in bokmål and in nynorsk.

A state body must publish at least 25 % of its text in each written standard (Språklova 2021, § 13
and the regulation to it). Sil counts what it publishes itself: the summaries on the portal now
(published, not withdrawn), by number and by words; English summaries are outside the rule."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.publishing.content import full_text
from review.publishing.readability import words_of

STANDARDS = ("nb", "nn")
MINIMUM = 0.25


def published_shares(conn: sqlite3.Connection) -> dict[str, Any]:
    """Per standard: summaries and words published now and their share of the Norwegian ones; meets the rule?"""
    rows = conn.execute("""SELECT s.lang, v.content FROM summaries s JOIN summary_versions v ON v.id = s.published_version_id
                           WHERE s.withdrawn_at IS NULL AND s.lang IN ('nb', 'nn')""").fetchall()
    counts = {lang: 0 for lang in STANDARDS}
    words = {lang: 0 for lang in STANDARDS}
    for row in rows:
        counts[row["lang"]] += 1
        words[row["lang"]] += len(words_of(full_text(json.loads(row["content"]))))
    total, total_words = sum(counts.values()), sum(words.values())
    shares = {lang: {"summaries": counts[lang], "words": words[lang],
                     "share": counts[lang] / total if total else 0.0,
                     "word_share": words[lang] / total_words if total_words else 0.0} for lang in STANDARDS}
    return {"standards": shares, "total": total, "minimum": MINIMUM,
            "meets": total > 0 and all(s["share"] >= MINIMUM for s in shares.values())}


def project_languages(conn: sqlite3.Connection, project_id: int) -> list[str]:
    """The languages this review's summary is published in now, in Sil's order (nb, nn, en)."""
    rows = conn.execute("SELECT lang FROM summaries WHERE project_id = ? AND published_version_id IS NOT NULL "
                        "AND withdrawn_at IS NULL", (project_id,)).fetchall()
    found = {row["lang"] for row in rows}
    return [lang for lang in ("nb", "nn", "en") if lang in found]
