"""Searches (the PRISMA-S log) and storing the records a search brought."""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from imports.errors import ImportFailure
from imports.wording import Worded, text_of
from review.accounts import record_event
from review.searches.rows import RECORD_FIELDS, record_row
from review.searches.staging import ReadWhole, staged
from review.store import Conflict, Invalid, NotFound, checkpoint_in_background, now, transaction

SEARCH_FIELDS = ("source_kind", "database_name", "platform", "searched_on", "query", "limits", "reported_count")
FTS_TRIGGER = "records_fts_insert"
# The AFTER INSERT triggers on records (migrations 0004 and 0008) and one statement that does their work for
# the records with ids in (?, ?]: what derived_in_bulk runs instead of them for a whole import.
BULK_TRIGGERS = {
    FTS_TRIGGER: """INSERT INTO records_fts(rowid, title, abstract, authors, journal, keywords)
                    SELECT id, title, abstract, authors, journal, keywords FROM records WHERE id > ? AND id <= ?""",
    "records_screening_pending": """INSERT INTO screening_pending (project_id, stage, record_id, shuffle)
                                    SELECT project_id, 1, id, ((id * 2654435761) % 4294967296 - 2147483648) * 4294967296
                                    FROM records WHERE id > ? AND id <= ?""",
}
FTS_AUTOMERGE = 4  # FTS5's default
FTS_HASHSIZE = 1 << 20  # FTS5's default: pending terms it holds in memory before writing a segment
FTS_BULK_HASHSIZE = 64 << 20  # while indexing a whole import: a few large segments instead of many small ones


def create_search(conn: sqlite3.Connection, project_id: int, user_id: int | None, file_name: str,
                  file_sha256: str, file_format: str, meta: dict[str, Any] | None = None,
                  encoding: str = "", warnings: list[Worded] | None = None) -> int:
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
    counter = itertools.count(1)
    with transaction(conn), derived_in_bulk(conn):
        rows = (record_row(project_id, search_id, next(counter), record) for record in records)
        conn.executemany(sql, rows)
        count = next(counter) - 1
        conn.execute("UPDATE searches SET record_count = record_count + ? WHERE id = ?", (count, search_id))
    return count


@contextmanager
def derived_in_bulk(conn: sqlite3.Connection, triggers: Iterable[str] = tuple(BULK_TRIGGERS)) -> Iterator[Callable[[], None]]:
    """Inside a write transaction: what the per-row triggers on records derive (the full-text index, the
    screening queue) is written for the records inserted in the block by one statement each instead.

    The triggers are dropped for the block and created again before the transaction ends, so no other
    connection ever sees one missing (on an error the caller's rollback brings them back). The block may call
    the function it is given to catch up with what it has inserted so far (an import in parts does so after
    each part, while later parts are still being parsed); the rest is done when the block ends. FTS5's
    automatic merging of index segments is paused meanwhile and its in-memory buffer is larger, so that it
    writes a few large segments instead of many small ones (both restored before the commit). Copying 100 000
    records: the queue's trigger alone cost 2.9-3.1 s CPU against 2.0-2.1 s for its one statement; copying
    20 000 into a project of 80 000 with the index trigger 2.19 s against 1.81 s in bulk (docs/imports.md).
    """
    present = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'records'") if name in triggers}
    # A trigger missing here was dropped by a larger bulk write this one runs inside: that one does its work.
    done = conn.execute("SELECT COALESCE(MAX(id), 0) FROM records").fetchone()[0]
    fts = FTS_TRIGGER in present
    if fts:
        config = dict(conn.execute("SELECT k, v FROM records_fts_config WHERE k IN ('automerge', 'hashsize')"))
        conn.execute("INSERT INTO records_fts(records_fts, rank) VALUES ('automerge', 0)")
        conn.execute("INSERT INTO records_fts(records_fts, rank) VALUES ('hashsize', ?)", (FTS_BULK_HASHSIZE,))
    for name in present:
        conn.execute(f"DROP TRIGGER {name}")

    def catch_up() -> None:
        nonlocal done
        newest = conn.execute("SELECT COALESCE(MAX(id), 0) FROM records").fetchone()[0]
        for name in present:
            conn.execute(BULK_TRIGGERS[name], (done, newest))
        done = newest

    yield catch_up
    catch_up()
    if fts:
        conn.execute("INSERT INTO records_fts(records_fts, rank) VALUES ('hashsize', ?)",
                     (config.get("hashsize", FTS_HASHSIZE),))
        conn.execute("INSERT INTO records_fts(records_fts, rank) VALUES ('automerge', ?)",
                     (config.get("automerge", FTS_AUTOMERGE),))
    for sql in present.values():
        conn.execute(sql)


def list_searches(conn: sqlite3.Connection, project_id: int) -> list[dict[str, Any]]:
    """Every search of a project in the order imported, warnings decoded."""
    rows = conn.execute("SELECT * FROM searches WHERE project_id = ? ORDER BY id", (project_id,)).fetchall()
    return [dict(row, warnings=json.loads(row["warnings"])) for row in rows]


def find_search_by_sha(conn: sqlite3.Connection, project_id: int, sha256: str) -> dict[str, Any] | None:
    """The earlier search of this project that imported a file with these bytes, if any."""
    row = conn.execute("SELECT * FROM searches WHERE project_id = ? AND file_sha256 = ? ORDER BY id LIMIT 1",
                       (project_id, sha256)).fetchone()
    return dict(row) if row else None


def get_search(conn: sqlite3.Connection, project_id: int, search_id: int) -> dict[str, Any]:
    """One search of a project, warnings decoded; NotFound when it is not this project's."""
    row = conn.execute("SELECT * FROM searches WHERE project_id = ? AND id = ?", (project_id, search_id)).fetchone()
    if row is None:
        raise NotFound(f"search {search_id} does not exist in this project", "error.search.not_found", search=search_id)
    return dict(row, warnings=json.loads(row["warnings"]))


TEXT_META = ("source_kind", "database_name", "platform", "query", "limits")


def import_file(conn: sqlite3.Connection, project_id: int, user_id: int | None, file_name: str,
                data: bytes, meta: dict[str, Any] | None = None, force: bool = False,
                skip_broken: bool = False) -> dict[str, Any]:
    """Import one file as a search; return its id, count, format, encoding and warnings.

    Raises Conflict when the same bytes were imported into the project before (unless force),
    Invalid when the file cannot be read or the search-log fields are wrong. Nothing is stored then.
    With skip_broken, broken entries (BibTeX) are left out and named in the search's warnings instead.
    """
    meta = clean_meta(meta or {})
    sha256 = hashlib.sha256(data).hexdigest()
    earlier = find_search_by_sha(conn, project_id, sha256)
    if earlier and not force:
        raise Conflict(f"{file_name}: this file was imported already (search {earlier['id']}, "
                       f"{earlier['file_name']}, {earlier['record_count']} records, {earlier['imported_at']}); "
                       "import it again only if you mean to, with force", "error.search.duplicate_file",
                       file=file_name, search=earlier["id"], earlier=earlier["file_name"], n=earlier["record_count"],
                       at=earlier["imported_at"])
    try:
        try:
            return _import_staged(conn, project_id, user_id, file_name, data, meta, sha256, bool(earlier), True,
                                  skip_broken)
        except ReadWhole:  # a part of a large file could not be read alone: nothing was stored, read it whole
            return _import_staged(conn, project_id, user_id, file_name, data, meta, sha256, bool(earlier), False,
                                  skip_broken)
    except ImportFailure as failure:
        where = f"{failure.file}:{failure.line}" if failure.line else failure.file
        if failure.key:  # the importer's own key: its texts begin with {where}
            raise Invalid(str(failure), key=failure.key, where=where, **failure.values) from failure
        raise Invalid(str(failure), "error.import.failed", where=where, problem=failure.message) from failure


def _import_staged(conn: sqlite3.Connection, project_id: int, user_id: int | None, file_name: str, data: bytes,
                   meta: dict[str, Any], sha256: str, forced: bool, in_parts: bool,
                   skip_broken: bool = False) -> dict[str, Any]:
    # Records are parsed into staging tables first (a large file in other processes): parsing takes
    # seconds, and other people's decisions must not wait for it behind the write lock or the GIL.
    with staged(conn, data, file_name, in_parts, skip_broken) as parsed, checkpoint_in_background(conn), transaction(conn):
        search_id = create_search(conn, project_id, user_id, file_name, sha256, parsed.format, meta,
                                  encoding=parsed.encoding)
        count = _add_staged_records(conn, project_id, search_id, parsed.tables)
        conn.execute("UPDATE searches SET warnings = ? WHERE id = ?",
                     (json.dumps(parsed.warnings, ensure_ascii=False), search_id))
        record_event(conn, project_id, user_id, "search.imported", f"search:{search_id}",
                     {"file_name": file_name, "sha256": sha256, "format": parsed.format, "records": count,
                      "warnings": len(parsed.warnings), "forced": forced})
    return {"search_id": search_id, "record_count": count, "format": parsed.format,
            "encoding": parsed.encoding, "warnings": parsed.warnings}


def _add_staged_records(conn: sqlite3.Connection, project_id: int, search_id: int,
                        tables: Iterable[tuple[str, int]]) -> int:
    """Copy the staged records under a search, in file order (inside the caller's write transaction)."""
    fields = ", ".join(RECORD_FIELDS)
    count = 0
    with derived_in_bulk(conn) as catch_up:
        for table, before in tables:  # a part may still be parsed while the one before it is copied
            count += conn.execute(f"INSERT INTO records (project_id, search_id, position, {fields}) "
                                  f"SELECT ?, ?, position + ?, {fields} FROM {table} ORDER BY position",
                                  (project_id, search_id, before)).rowcount
            catch_up()
    conn.execute("UPDATE searches SET record_count = record_count + ? WHERE id = ?", (count, search_id))
    return count


def clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The PRISMA-S fields checked: a real date, a whole non-negative count, trimmed text."""
    clean: dict[str, Any] = {}
    for key in TEXT_META:
        value = meta.get(key)
        if value is not None and str(value).strip():
            clean[key] = str(value).strip()
    if clean.get("source_kind", "database") not in ("database", "register", "other"):
        raise Invalid("source kind must be database, register or other", "error.search.source_kind",
                      kind=clean.get("source_kind"))
    searched_on = str(meta.get("searched_on") or "").strip()
    if searched_on:
        try:
            clean["searched_on"] = dt.date.fromisoformat(searched_on).isoformat()
        except ValueError:
            raise Invalid(f"date searched {searched_on!r} is not a date like 2026-03-02",
                          "error.search.bad_date", value=searched_on) from None
    reported = meta.get("reported_count")
    if reported not in (None, ""):
        try:
            clean["reported_count"] = int(str(reported).strip())
        except ValueError:
            raise Invalid(f"records reported {reported!r} is not a whole number",
                          "error.search.bad_reported", value=reported) from None
        if clean["reported_count"] < 0:
            raise Invalid("records reported cannot be negative", "error.search.negative_reported")
    return clean


SEARCH_LOG_COLUMNS = ("search_id", "source_kind", "database", "platform", "searched_on", "query", "limits",
                      "reported_count", "records_imported", "file_name", "file_sha256", "file_format",
                      "encoding", "imported_at", "warnings")


def search_log_rows(searches: list[dict[str, Any]]) -> list[list[Any]]:
    """The PRISMA-S appendix table: one row per search in SEARCH_LOG_COLUMNS order."""
    # The warnings in English, whoever downloads the log: the table is the review's appendix, with English
    # column names and codes (source_kind 'database'), written the same by `run.py export` (which has no reader)
    # and by the web, so that every copy of one review's log reads alike. The screen shows them in the
    # reader's language (screens/records.py); an old search's plain-string warning is English already.
    return [[s["id"], s["source_kind"], s["database_name"], s["platform"], s["searched_on"] or "", s["query"],
             s["limits"], "" if s["reported_count"] is None else s["reported_count"], s["record_count"],
             s["file_name"], s["file_sha256"], s["file_format"], s["encoding"], s["imported_at"],
             " | ".join(text_of(w) for w in s["warnings"])] for s in searches]


def export_search_log(conn: sqlite3.Connection, project_id: int, fmt: str, **_options: Any) -> bytes:
    """The PRISMA-S search log of a project as CSV or XLSX, for the review's appendix."""
    from exports.tables import write_csv, write_xlsx

    rows = search_log_rows(list_searches(conn, project_id))
    if fmt == "xlsx":
        return write_xlsx({"searches": (SEARCH_LOG_COLUMNS, rows)})
    return write_csv(SEARCH_LOG_COLUMNS, rows).encode("utf-8")
