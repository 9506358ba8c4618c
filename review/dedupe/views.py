"""What a person sees of duplicates: the queue of possible pairs and every group with its merged view."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.dedupe.keys import fold
from review.dedupe.sources import record_database, source_label

SHOWN_FIELDS = ("title", "authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid", "abstract")
MERGED_FIELDS = ("title", "abstract", "authors", "year", "journal", "journal_abbrev", "volume", "issue",
                 "pages_start", "pages_end", "doi", "pmid", "issn", "language", "pub_type", "url")
RECORD_SQL = """SELECT r.*, s.database_name AS search_database, s.platform AS search_platform,
                       s.file_name AS search_file, s.file_format AS search_format
                FROM records r JOIN searches s ON s.id = r.search_id"""


def _record(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    record["authors"] = json.loads(record["authors"] or "[]")
    record["pages"] = "-".join(p for p in (record["pages_start"], record["pages_end"]) if p)
    record["source_name"] = source_label(record.pop("search_database"), record.pop("search_platform"),
                                         record.pop("search_file"), record.pop("search_format"),
                                         record_database(record.get("extra")), record.get("pmid"))
    record.pop("raw", None)
    return record


def get_records(conn: sqlite3.Connection, project_id: int, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Records by id (authors decoded, pages joined), with the name of the search they came from."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"{RECORD_SQL} WHERE r.project_id = ? AND r.id IN ({marks})", (project_id, *ids))
    return {row["id"]: _record(row) for row in rows}


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """The shown fields whose values differ beyond case and spacing."""
    def plain(value: Any) -> str:
        text = "; ".join(value) if isinstance(value, list) else "" if value is None else str(value)
        return " ".join(fold(text).split())
    return [f for f in SHOWN_FIELDS if plain(a.get(f)) != plain(b.get(f))]


PENDING_SQL = """FROM duplicate_pairs p
           LEFT JOIN duplicate_links la ON la.record_id = p.record_a
           LEFT JOIN duplicate_links lb ON lb.record_id = p.record_b
           WHERE p.project_id = ? AND p.decision IS NULL
             AND NOT (la.group_id IS NOT NULL AND la.group_id = lb.group_id)"""


def list_pairs(conn: sqlite3.Connection, project_id: int, limit: int | None = None) -> list[dict[str, Any]]:
    """Possible pairs waiting for a person (best first), each with both records and what differs."""
    rows = conn.execute(f"SELECT p.* {PENDING_SQL} ORDER BY p.score DESC, p.id LIMIT ?",
                        (project_id, -1 if limit is None else limit)).fetchall()
    records = get_records(conn, project_id, sorted({r[k] for r in rows for k in ("record_a", "record_b")}))
    pairs = []
    for row in rows:
        a, b = records[row["record_a"]], records[row["record_b"]]
        pairs.append({**dict(row), "a": a, "b": b, "differences": differences(a, b)})
    return pairs


def count_pairs(conn: sqlite3.Connection, project_id: int) -> int:
    """How many possible pairs wait for a person."""
    return conn.execute(f"SELECT COUNT(*) {PENDING_SQL}", (project_id,)).fetchone()[0]


MAX_SEARCH_WORDS = 8
WORD_MATCH = ("(r.title LIKE :w{n} ESCAPE '\\' OR r.authors LIKE :w{n} ESCAPE '\\' OR r.journal LIKE :w{n} ESCAPE '\\'"
              " OR r.doi LIKE :w{n} ESCAPE '\\')")


def _group_filter(project_id: int, query: str) -> tuple[str, dict[str, Any]]:
    """FROM ... WHERE of the groups having a member that holds every word of query (in its title, authors,
    journal or DOI, case ignored), or whose PMID, record number or group number query is; and its values."""
    words = " ".join((query or "").split())[:200].split()[:MAX_SEARCH_WORDS]
    values: dict[str, Any] = {"p": project_id, "q": " ".join(words)}
    sql = "FROM duplicate_groups g WHERE g.project_id = :p"
    if not words:
        return sql, values
    for n, word in enumerate(words):
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        values[f"w{n}"] = f"%{escaped}%"
    every = " AND ".join(WORD_MATCH.format(n=n) for n in range(len(words)))
    return (f"""{sql} AND (CAST(g.id AS TEXT) = :q OR EXISTS (
                   SELECT 1 FROM duplicate_links l JOIN records r ON r.id = l.record_id
                   WHERE l.group_id = g.id AND (({every}) OR r.pmid = :q OR CAST(r.id AS TEXT) = :q)))""", values)


def count_groups(conn: sqlite3.Connection, project_id: int, query: str = "") -> int:
    """How many groups a search finds (see _group_filter; every group when query is empty)."""
    sql, values = _group_filter(project_id, query)
    return conn.execute(f"SELECT COUNT(*) {sql}", values).fetchone()[0]


def list_groups(conn: sqlite3.Connection, project_id: int, query: str = "", offset: int = 0,
                limit: int | None = None) -> list[dict[str, Any]]:
    """Duplicate groups (oldest first; those matching query, a page of them from offset): members (with link
    status and source), representative, merged view."""
    sql, values = _group_filter(project_id, query)
    values.update(limit=-1 if limit is None else limit, offset=max(0, offset))
    links = conn.execute(
        f"""WITH chosen AS (SELECT g.id {sql} ORDER BY g.id LIMIT :limit OFFSET :offset)
           SELECT g.id AS group_id, g.representative_id, g.created_at, l.record_id, l.status
           FROM chosen c JOIN duplicate_groups g ON g.id = c.id JOIN duplicate_links l ON l.group_id = g.id
           ORDER BY g.id, l.record_id""", values).fetchall()
    records = get_records(conn, project_id, [row["record_id"] for row in links])
    groups: dict[int, dict[str, Any]] = {}
    for row in links:
        group = groups.setdefault(row["group_id"], {"id": row["group_id"], "created_at": row["created_at"],
                                                    "representative_id": row["representative_id"], "members": []})
        group["members"].append({**records[row["record_id"]], "record_id": row["record_id"], "status": row["status"]})
    for group in groups.values():
        group["merged"] = merged_view(group["members"], group["representative_id"])
    return list(groups.values())


def merged_view(members: list[dict[str, Any]], representative_id: int) -> dict[str, dict[str, Any]]:
    """Per field, the most complete value among the members and the record it comes from
    (ties go to the screened record, then the oldest)."""
    ordered = sorted(members, key=lambda m: (m["id"] != representative_id, m["id"]))
    merged = {}
    for field in MERGED_FIELDS:
        best, source = "", None
        for member in ordered:
            value = member.get(field)
            if value not in (None, "", []) and _size(value) > _size(best):
                best, source = value, member["id"]
        merged[field] = {"value": best, "record_id": source}
    return merged


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (list, str)) else 1 if value is not None and value != "" else 0
