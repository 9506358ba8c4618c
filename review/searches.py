"""Searches (the PRISMA-S log) and storing the records a search brought."""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable

from review.db import now, transaction

SEARCH_FIELDS = ("source_kind", "database_name", "platform", "searched_on", "query", "limits", "reported_count")
RECORD_FIELDS = (
    "source_id", "title", "abstract", "authors", "year", "journal", "journal_abbrev", "volume", "issue",
    "pages_start", "pages_end", "doi", "pmid", "issn", "keywords", "language", "pub_type", "url", "extra", "raw",
)
JSON_FIELDS = {"authors": list, "keywords": list, "extra": dict}


def create_search(conn: sqlite3.Connection, project_id: int, user_id: int | None, file_name: str,
                  file_sha256: str, file_format: str, meta: dict[str, Any] | None = None,
                  encoding: str = "", warnings: list[str] | None = None) -> int:
    """Insert one search (an imported file and what PRISMA-S asks about it); return its id."""
    meta = {k: v for k, v in (meta or {}).items() if k in SEARCH_FIELDS}
    columns = ["project_id", "file_name", "file_sha256", "file_format", "encoding", "warnings",
               "imported_at", "imported_by", *meta]
    values = [project_id, file_name, file_sha256, file_format, encoding,
              json.dumps(warnings or [], ensure_ascii=False), now(), user_id, *meta.values()]
    with transaction(conn):
        cur = conn.execute(
            f"INSERT INTO searches ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values)
    return cur.lastrowid


def add_records(conn: sqlite3.Connection, project_id: int, search_id: int,
                records: Iterable[dict[str, Any]]) -> int:
    """Store records (dicts with RECORD_FIELDS) in file order under a search; return the count."""
    sql = (f"INSERT INTO records (project_id, search_id, position, {', '.join(RECORD_FIELDS)}) "
           f"VALUES (?, ?, ?, {', '.join('?' * len(RECORD_FIELDS))})")
    count = 0
    with transaction(conn):
        rows = (_record_row(project_id, search_id, position, record)
                for position, record in enumerate(records, start=1))
        for row in rows:
            conn.execute(sql, row)
            count += 1
        conn.execute("UPDATE searches SET record_count = record_count + ? WHERE id = ?", (count, search_id))
    return count


def _record_row(project_id: int, search_id: int, position: int, record: dict[str, Any]) -> list[Any]:
    values: list[Any] = [project_id, search_id, position]
    for field in RECORD_FIELDS:
        value = record.get(field)
        if field in JSON_FIELDS:
            value = json.dumps(value or JSON_FIELDS[field](), ensure_ascii=False)
        elif field == "year":
            value = value if isinstance(value, int) else None
        else:
            value = "" if value is None else str(value)
        values.append(value)
    return values


def list_searches(conn: sqlite3.Connection, project_id: int) -> list[dict[str, Any]]:
    """Every search of a project in the order imported, warnings decoded."""
    rows = conn.execute("SELECT * FROM searches WHERE project_id = ? ORDER BY id", (project_id,)).fetchall()
    return [dict(row, warnings=json.loads(row["warnings"])) for row in rows]
