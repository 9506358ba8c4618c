"""A record as the database stores it: its fields in column order, and staging parsed records in a side table."""
from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

RECORD_FIELDS = (
    "source_id", "title", "abstract", "authors", "year", "journal", "journal_abbrev", "volume", "issue",
    "pages_start", "pages_end", "doi", "pmid", "issn", "keywords", "language", "pub_type", "url", "extra", "raw",
)
JSON_FIELDS = {"authors": list, "keywords": list, "extra": dict}
EMPTY_JSON = {"authors": "[]", "keywords": "[]", "extra": "{}"}
# One encoder for every record: json.dumps(..., ensure_ascii=False) builds a new one on each call.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def record_row(project_id: int, search_id: int, position: int, record: dict[str, Any]) -> list[Any]:
    """The values of one records row: project, search and position, then RECORD_FIELDS."""
    values: list[Any] = [project_id, search_id, position]
    append, get = values.append, record.get
    for field in RECORD_FIELDS:
        value = get(field)
        if field in JSON_FIELDS:
            # An empty list or dict is written as json.dumps would write it, without calling it.
            append(_to_json(value) if value else EMPTY_JSON[field])
        elif field == "year":
            append(value if isinstance(value, int) else None)
        else:
            append("" if value is None else value if value.__class__ is str else str(value))
    return values


def stage_records(conn: sqlite3.Connection, records: Iterable[dict[str, Any]], schema: str = "temp") -> int:
    """Parse into SCHEMA.staged_records (temp, or a scratch file's main: never Sil's file, so no lock on it);
    return the count."""
    conn.execute(f"DROP TABLE IF EXISTS {schema}.staged_records")
    conn.execute(f"CREATE TABLE {schema}.staged_records (position INTEGER PRIMARY KEY, {', '.join(RECORD_FIELDS)})")
    counter = itertools.count(1)
    rows = (record_row(0, 0, next(counter), record)[2:] for record in records)
    insert = f"INSERT INTO {schema}.staged_records VALUES (?, {', '.join('?' * len(RECORD_FIELDS))})"
    if conn.in_transaction:  # called inside a larger write (the demo, an archive): join it
        conn.executemany(insert, rows)
        return next(counter) - 1
    conn.execute("BEGIN")  # deferred, and only the temp database is written: Sil's file is not locked
    try:
        conn.executemany(insert, rows)
    finally:
        conn.execute("COMMIT")
    return next(counter) - 1
