"""Files of record sets for the command line and the web: RIS, or CSV/XLSX with the decisions beside each record.

Each export is a stream of byte chunks read from a cursor (the web sends them as they come); the
command line's whole-file functions join the same chunks, so both get the same bytes.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from exports.ris_decisions import with_decisions
from exports.streaming import csv_chunks, file_chunks, ris_chunks, xlsx_file
from review.screening import sets as record_sets
from review.searches import removed_duplicates
from review.store import Invalid

RECORD_COLUMNS = ("record_id", "search_id", "database", "title", "authors", "year", "journal", "volume", "issue",
                  "pages", "doi", "pmid", "issn", "keywords", "language", "pub_type", "url", "abstract",
                  "removed_duplicate_of")


def stream_set(conn: sqlite3.Connection, project_id: int, fmt: str, kind: str, stage: int | None = None,
               search: int | None = None, label: str | None = None, viewer_id: int | None = None) -> Iterator[bytes]:
    """One set of records as RIS, CSV or XLSX chunks (viewer_id None: the command line, sees everything).

    The set, the decisions and any bad option are settled before this returns; the records are read
    from a cursor while the chunks are taken."""
    if fmt not in record_sets.FORMATS:
        raise Invalid(f"records can be exported as {', '.join(record_sets.FORMATS)}, not {fmt!r}",
                      "error.export.records_format", fmt=fmt, choices=', '.join(record_sets.FORMATS))
    ids = record_sets.select_ids(conn, project_id, kind, stage, search, label, viewer_id)
    return stream_ids(conn, project_id, fmt, ids, viewer_id)


def stream_ids(conn: sqlite3.Connection, project_id: int, fmt: str, ids: list[int],
               viewer_id: int | None = None) -> Iterator[bytes]:
    """These records (say, what the records list's filters show) as RIS, CSV or XLSX chunks, blinding applied."""
    if fmt not in record_sets.FORMATS:
        raise Invalid(f"records can be exported as {', '.join(record_sets.FORMATS)}, not {fmt!r}")
    records = record_sets.records_of(conn, project_id, ids)
    decisions = record_sets.decision_columns(conn, project_id, ids, viewer_id)
    if fmt == "ris":  # the decisions, labels and notes as N1 lines, as the CSV has them in columns
        return ris_chunks(with_decisions(records, decisions))
    databases = dict(conn.execute("SELECT id, database_name FROM searches WHERE project_id = ?", (project_id,)).fetchall())
    columns = (*RECORD_COLUMNS, *record_sets.DECISION_COLUMNS)
    duplicates = removed_duplicates(conn, project_id)
    rows = ([*_record_row(r, databases, duplicates), *decisions[r["id"]]] for r in records)
    if fmt == "xlsx":
        return file_chunks(xlsx_file({"Records": (columns, rows)}))
    return csv_chunks(columns, rows)


def export_set(conn: sqlite3.Connection, project_id: int, fmt: str, kind: str, stage: int | None = None,
               search: int | None = None, label: str | None = None, viewer_id: int | None = None) -> bytes:
    """One set of records as RIS, CSV or XLSX bytes (viewer_id None: the command line, sees everything)."""
    return b"".join(stream_set(conn, project_id, fmt, kind, stage, search, label, viewer_id))


def _record_row(r: dict[str, Any], databases: dict[int, str], duplicates: dict[int, int] | None = None) -> list[Any]:
    pages = f"{r['pages_start']}-{r['pages_end']}" if r["pages_start"] and r["pages_end"] else r["pages_start"] or r["pages_end"]
    return [r["id"], r["search_id"], databases.get(r["search_id"], ""), r["title"], "; ".join(r["authors"]),
            "" if r["year"] is None else r["year"], r["journal"], r["volume"], r["issue"], pages, r["doi"], r["pmid"],
            r["issn"], "; ".join(r["keywords"]), r["language"], r["pub_type"], r["url"], r["abstract"],
            (duplicates or {}).get(r["id"], "")]


def stream_records_with_decisions(conn: sqlite3.Connection, project_id: int, fmt: str, search: int | None = None,
                   viewer_id: int | None = None, **_: Any) -> Iterator[bytes]:
    """review.exporting's 'records-with-decisions': all records, or one search's (--search), with decisions."""
    return stream_set(conn, project_id, fmt, "all" if search is None else "search", search=search, viewer_id=viewer_id)


def stream_labelled(conn: sqlite3.Connection, project_id: int, fmt: str, label: str | None = None,
                    viewer_id: int | None = None, **_: Any) -> Iterator[bytes]:
    """review.exporting's 'labelled': the records a reviewer gave one label (--label)."""
    return stream_set(conn, project_id, fmt, "label", label=label, viewer_id=viewer_id)


def stream_excluded(conn: sqlite3.Connection, project_id: int, fmt: str, stage: int | None = None,
                    viewer_id: int | None = None, **_: Any) -> Iterator[bytes]:
    """review.exporting's 'excluded': records excluded at a stage (--stage)."""
    return stream_set(conn, project_id, fmt, "excluded", stage=stage, viewer_id=viewer_id)


def stream_conflicts(conn: sqlite3.Connection, project_id: int, fmt: str, stage: int | None = None,
                     viewer_id: int | None = None, **_: Any) -> Iterator[bytes]:
    """review.exporting's 'conflicts': records whose reviewers disagree at a stage (--stage)."""
    return stream_set(conn, project_id, fmt, "conflicts", stage=stage, viewer_id=viewer_id)


def _whole(stream: Callable[..., Iterator[bytes]]) -> Callable[..., bytes]:
    """The bytes version of a stream function, for review.exporting's table and the command line."""
    def export(conn: sqlite3.Connection, project_id: int, fmt: str, **options: Any) -> bytes:
        return b"".join(stream(conn, project_id, fmt, **options))

    export.__doc__ = stream.__doc__
    return export


export_records_with_decisions = _whole(stream_records_with_decisions)
export_labelled = _whole(stream_labelled)
export_excluded = _whole(stream_excluded)
export_conflicts = _whole(stream_conflicts)
