"""Screening exports as files: the decision log and the records included at a stage (CSV, XLSX, RIS)."""
from __future__ import annotations

import sqlite3
from typing import Any

from exports.tables import write_csv, write_xlsx
from review import accounts
from review.screening.access import require_sees_sets
from review.screening.reports import decisions_table, included_records
from review.store import Invalid

INCLUDED_COLUMNS = ("id", "title", "authors", "year", "journal", "volume", "issue", "pages_start", "pages_end",
                    "doi", "pmid", "issn", "keywords", "abstract")
FORMATS = {"decisions": ("csv", "xlsx"), "included": ("csv", "xlsx", "ris")}
MIMETYPES = {"csv": "text/csv; charset=utf-8", "ris": "application/x-research-info-systems; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def export_decisions(conn: sqlite3.Connection, project_id: int, fmt: str, viewer_id: int | None = None,
                     **_options: Any) -> bytes:
    """The decision log (review.exporting's 'decisions'): all for the command line, as blinding allows for a viewer."""
    return _bytes(export_screening(conn, project_id, viewer_id, "decisions", fmt)[0])


def export_included(conn: sqlite3.Connection, project_id: int, fmt: str, stage: int | None = None, **_options: Any) -> bytes:
    """The records included at a stage for the command line (review.exporting's entry for 'included')."""
    if stage is None:
        raise Invalid("--stage: say which stage's included records to export, 1 (title/abstract) or 2 (full text)",
                      "error.screening_export.stage_option")
    return _bytes(export_screening(conn, project_id, None, "included", fmt, stage)[0])


def export_screening(conn: sqlite3.Connection, project_id: int, user_id: int | None, what: str, fmt: str,
                     stage: int = 2) -> tuple[str | bytes, str, str]:
    """(content, MIME type, file name) of a screening export, as far as blinding lets this user see (None: all)."""
    if user_id is not None:
        accounts.require_member(conn, project_id, user_id)
    if what not in FORMATS:
        raise Invalid(f"--what must be one of {', '.join(FORMATS)} for screening exports, not {what!r}",
                      "error.screening_export.what", choices=", ".join(FORMATS), what=what)
    if fmt not in FORMATS[what]:
        raise Invalid(f"{what} can be exported as {', '.join(FORMATS[what])}, not {fmt!r}",
                      "error.screening_export.format", what=what, formats=", ".join(FORMATS[what]), format=fmt)
    if what == "decisions":
        columns, rows = decisions_table(conn, project_id, user_id)
        name = f"project{project_id}-decisions.{fmt}"
    else:
        if user_id is not None:
            require_sees_sets(conn, project_id, user_id)
        if stage not in (1, 2):
            raise Invalid("choose the stage whose included records to export: 1 (title/abstract) or 2 (full text)",
                          "error.screening_export.stage")
        records = included_records(conn, project_id, stage, user_id)
        name = f"project{project_id}-included-stage{stage}.{fmt}"
        if fmt == "ris":
            return _ris(records), MIMETYPES["ris"], name
        columns, rows = INCLUDED_COLUMNS, [_included_row(r) for r in records]
    if fmt == "xlsx":
        return write_xlsx({what: (columns, rows)}), MIMETYPES["xlsx"], name
    return write_csv(columns, rows), MIMETYPES["csv"], name


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _included_row(record: dict[str, Any]) -> list[Any]:
    return [("; ".join(record[c]) if c in ("authors", "keywords") else record[c]) for c in INCLUDED_COLUMNS]


def _ris(records: list[dict[str, Any]]) -> str:
    from exports.ris import write_ris

    return write_ris(records)
