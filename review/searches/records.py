"""Reading imported records: full-text search (FTS5), filters, paging, counts, one record with its search."""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from review.searches.importing import get_search, list_searches
from review.store import Invalid, NotFound

# A word is what the FTS tokeniser (unicode61) keeps as one token, so that no quoted word becomes a
# phrase, which the index (detail=none) cannot answer: "_" and the few letters SQLite's Unicode tables
# still count as marks (New Tai Lue and Vedic signs) separate words.
WORD = re.compile(r"[^\W_\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3]+")
PER_PAGE_MAX = 500


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word quoted (no operators), all required, last one as a prefix."""
    words = WORD.findall(text or "")
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words[:32]]
    quoted[-1] += "*"
    return " ".join(quoted)


def _where(project_id: int, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    clauses, params = ["r.project_id = ?"], [project_id]
    match = fts_query(filters.get("q", ""))
    if match:
        clauses.append("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)")
        params.append(match)
    if filters.get("search_id"):
        clauses.append("r.search_id = ?")
        params.append(_int(filters["search_id"], "search_id", "a search number such as 2"))
    for key, op in (("year_from", ">="), ("year_to", "<=")):
        if filters.get(key) not in (None, ""):
            clauses.append(f"r.year {op} ?")
            params.append(_int(filters[key], key.replace("_", " "), "a year such as 2020"))
    if filters.get("has_abstract") in (True, "1", "yes", "true"):
        clauses.append("r.abstract <> ''")
    elif filters.get("has_abstract") in (False, "0", "no", "false"):
        clauses.append("r.abstract = ''")
    return " AND ".join(clauses), params


def list_records(conn: sqlite3.Connection, project_id: int, filters: dict[str, Any] | None = None,
                 page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """One page of a project's records matching the filters (q, search_id, year_from, year_to, has_abstract)."""
    filters = filters or {}
    page, per_page = max(1, int(page)), min(max(1, int(per_page)), PER_PAGE_MAX)
    where, params = _where(project_id, filters)
    total = _fetch(conn, f"SELECT COUNT(*) FROM records r WHERE {where}", params)[0][0]
    rows = _fetch(conn, f"""SELECT r.id, r.search_id, r.position, r.title, r.authors, r.year, r.journal, r.doi,
                                   r.abstract <> '' AS has_abstract, s.database_name, s.file_name
                            FROM records r JOIN searches s ON s.id = r.search_id
                            WHERE {where} ORDER BY r.id LIMIT ? OFFSET ?""",
                  [*params, per_page, (page - 1) * per_page])
    items = [dict(row, authors=json.loads(row["authors"])) for row in rows]
    return {"items": items, "total": total, "page": page, "per_page": per_page,
            "pages": max(1, -(-total // per_page))}


def _fetch(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[sqlite3.Row]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:  # fts_query quotes every word, so this is a defect, not user input
        raise Invalid(f"the record search could not be run ({exc}); try other words",
                      "error.records.search_failed", detail=str(exc)) from None


def _int(value: Any, name: str, example: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise Invalid(f"{name} must be {example}, not {value!r}",
                      "error.records.year_not_number" if name.startswith("year") else "error.records.search_not_number",
                      value=value) from None


def get_record(conn: sqlite3.Connection, project_id: int, record_id: int) -> dict[str, Any]:
    """Every field of one record (JSON decoded) and the search it came from; NotFound outside the project."""
    row = conn.execute("SELECT * FROM records WHERE id = ? AND project_id = ?", (record_id, project_id)).fetchone()
    if row is None:
        raise NotFound(f"record {record_id} does not exist in this project",
                       "error.records.not_found", record=record_id)
    record = dict(row)
    for key in ("authors", "keywords", "extra"):
        record[key] = json.loads(record[key])
    record["search"] = get_search(conn, project_id, record["search_id"])
    return record


def count_records(conn: sqlite3.Connection, project_id: int) -> dict[str, int]:
    """How many records the project has, how many with an abstract, a DOI, a year."""
    row = conn.execute("""SELECT COUNT(*) AS total, SUM(abstract <> '') AS with_abstract,
                                 SUM(doi <> '') AS with_doi, SUM(year IS NOT NULL) AS with_year
                          FROM records WHERE project_id = ?""", (project_id,)).fetchone()
    return {key: row[key] or 0 for key in row.keys()}


def iter_records(conn: sqlite3.Connection, project_id: int, search: int | None = None) -> Iterator[dict[str, Any]]:
    """Every record of a project (or of one search) in import order, JSON fields decoded (for exports)."""
    for row in conn.execute("SELECT * FROM records WHERE project_id = ? AND (? IS NULL OR search_id = ?) ORDER BY id",
                            (project_id, search, search)):
        record = dict(row)
        for key in ("authors", "keywords", "extra"):
            record[key] = json.loads(record[key])
        yield record


def stream_all_records(conn: sqlite3.Connection, project_id: int, fmt: str, search: int | None = None,
                       **_options: Any) -> Iterator[bytes]:
    """Every record of a project (or of one search) as CSV, XLSX or RIS chunks, for checking an import.

    The web sends the chunks as they are read from the cursor; export_all_records joins them."""
    from exports.records import RECORD_COLUMNS, record_rows
    from exports.streaming import file_chunks, ris_chunks, xlsx_file
    from review.searches.records_csv import records_csv_chunks

    if fmt == "csv":  # built by SQLite in C: same bytes, a fraction of the GIL-holding CPU
        return records_csv_chunks(conn, project_id, search)
    chosen = iter_records(conn, project_id, search)
    if fmt == "ris":
        return ris_chunks(chosen)
    databases = {s["id"]: s["database_name"] for s in list_searches(conn, project_id)}
    rows = record_rows(chosen, databases, removed_duplicates(conn, project_id))
    return file_chunks(xlsx_file({"records": (RECORD_COLUMNS, rows)}))


def removed_duplicates(conn: sqlite3.Connection, project_id: int) -> dict[int, int]:
    """record id -> the id of the record screened in its place, for every duplicate removed from screening."""
    return dict(conn.execute(
        """SELECT l.record_id, g.representative_id FROM duplicate_links l JOIN duplicate_groups g ON g.id = l.group_id
           WHERE g.project_id = ? AND g.representative_id <> l.record_id""", (project_id,)))


def export_all_records(conn: sqlite3.Connection, project_id: int, fmt: str, search: int | None = None,
                       **_options: Any) -> bytes:
    """Every record of a project (or of one search) as CSV, XLSX or RIS bytes, for checking an import."""
    return b"".join(stream_all_records(conn, project_id, fmt, search))
