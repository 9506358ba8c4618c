"""What the screening page shows of one record: its text with terms highlighted and my own decision only."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.abstract_sections import KEYWORDS_SHOWN, highlighted_first, marked_sections
from review.errors import NotFound
from review.highlight import parse_terms, segments
from review.screening import my_decision
from review.screening_access import require_screener
from review.screening_fulltext import fulltext_status


def record_for_screening(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int,
                         stage: int) -> dict[str, Any]:
    """A record as a screener sees it: text, highlights, own decision, full-text status; never others' decisions."""
    require_screener(conn, project_id, user_id)
    row = conn.execute(
        """SELECT r.id, r.title, r.abstract, r.authors, r.year, r.journal, r.keywords, r.doi, r.pmid, r.url
           FROM records r JOIN screenable_records v ON v.record_id = r.id AND v.project_id = r.project_id
           WHERE r.project_id = ? AND r.id = ?""", (project_id, record_id)).fetchone()
    if row is None:
        raise NotFound(f"record {record_id} is not screened in this project", "error.screening.record_not_screened")
    terms = conn.execute("SELECT highlight_include, highlight_exclude FROM projects WHERE id = ?", (project_id,)).fetchone()
    include, exclude = parse_terms(terms["highlight_include"]), parse_terms(terms["highlight_exclude"])
    keywords = json.loads(row["keywords"])
    abstract_marked = segments(row["abstract"], include, exclude)
    return {
        "id": row["id"], "stage": stage, "year": row["year"], "journal": row["journal"], "doi": row["doi"],
        "pmid": row["pmid"], "url": row["url"], "authors": json.loads(row["authors"]),
        "title": row["title"], "abstract": row["abstract"], "keywords": keywords,
        "title_marked": segments(row["title"], include, exclude),
        "abstract_marked": abstract_marked,
        "abstract_sections": marked_sections(row["abstract"], abstract_marked),
        "keywords_marked": highlighted_first([segments(k, include, exclude) for k in keywords]),
        "keywords_shown": KEYWORDS_SHOWN,
        "mine": my_decision(conn, project_id, user_id, record_id, stage),
        "fulltext": fulltext_status(conn, project_id, user_id, record_id) if stage == 2 else None,
    }
