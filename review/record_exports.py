"""Files of record sets for the command line and the web: RIS, or CSV/XLSX with the decisions beside each record."""
from __future__ import annotations

import sqlite3
from typing import Any

from exports.ris import write_ris
from review import record_sets
from review.errors import Invalid

RECORD_COLUMNS = ("record_id", "search_id", "database", "title", "authors", "year", "journal", "volume", "issue",
                  "pages", "doi", "pmid", "issn", "keywords", "language", "pub_type", "url", "abstract")


def export_set(conn: sqlite3.Connection, project_id: int, fmt: str, kind: str, stage: int | None = None,
               search: int | None = None, label: str | None = None, viewer_id: int | None = None) -> bytes:
    """One set of records as RIS, CSV or XLSX bytes (viewer_id None: the command line, sees everything)."""
    if fmt not in record_sets.FORMATS:
        raise Invalid(f"records can be exported as {', '.join(record_sets.FORMATS)}, not {fmt!r}")
    ids = record_sets.select_ids(conn, project_id, kind, stage, search, label, viewer_id)
    records = record_sets.records_of(conn, project_id, ids)
    if fmt == "ris":
        return write_ris(records).encode("utf-8")
    from exports.tables import write_csv, write_xlsx

    databases = dict(conn.execute("SELECT id, database_name FROM searches WHERE project_id = ?", (project_id,)).fetchall())
    decisions = record_sets.decision_columns(conn, project_id, ids, viewer_id)
    columns = (*RECORD_COLUMNS, *record_sets.DECISION_COLUMNS)
    rows = [[*_record_row(r, databases), *decisions[r["id"]]] for r in records]
    if fmt == "xlsx":
        return write_xlsx({"Records": (columns, rows)})
    return write_csv(columns, rows).encode("utf-8")


def _record_row(r: dict[str, Any], databases: dict[int, str]) -> list[Any]:
    pages = f"{r['pages_start']}-{r['pages_end']}" if r["pages_start"] and r["pages_end"] else r["pages_start"] or r["pages_end"]
    return [r["id"], r["search_id"], databases.get(r["search_id"], ""), r["title"], "; ".join(r["authors"]),
            "" if r["year"] is None else r["year"], r["journal"], r["volume"], r["issue"], pages, r["doi"], r["pmid"],
            r["issn"], "; ".join(r["keywords"]), r["language"], r["pub_type"], r["url"], r["abstract"]]


def export_records(conn: sqlite3.Connection, project_id: int, fmt: str, search: int | None = None,
                   viewer_id: int | None = None, **_: Any) -> bytes:
    """review.exporting's 'records-with-decisions': all records, or one search's (--search), with decisions."""
    return export_set(conn, project_id, fmt, "all" if search is None else "search", search=search, viewer_id=viewer_id)


def export_labelled(conn: sqlite3.Connection, project_id: int, fmt: str, label: str | None = None,
                    viewer_id: int | None = None, **_: Any) -> bytes:
    """review.exporting's 'labelled': the records a reviewer gave one label (--label)."""
    return export_set(conn, project_id, fmt, "label", label=label, viewer_id=viewer_id)


def export_excluded(conn: sqlite3.Connection, project_id: int, fmt: str, stage: int | None = None,
                    viewer_id: int | None = None, **_: Any) -> bytes:
    """review.exporting's 'excluded': records excluded at a stage (--stage)."""
    return export_set(conn, project_id, fmt, "excluded", stage=stage, viewer_id=viewer_id)


def export_conflicts(conn: sqlite3.Connection, project_id: int, fmt: str, stage: int | None = None,
                     viewer_id: int | None = None, **_: Any) -> bytes:
    """review.exporting's 'conflicts': records whose reviewers disagree at a stage (--stage)."""
    return export_set(conn, project_id, fmt, "conflicts", stage=stage, viewer_id=viewer_id)
