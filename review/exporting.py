"""Every export Sil offers, by what and format: one table shared by the command line and the web.

Each entry names a function `(conn, project_id, fmt, **options) -> bytes` in its area's module,
imported only when that export is asked for. STREAMS names, for the exports that can be large, a
function with the same arguments that returns the same bytes as chunks read from a cursor, so the
web sends a big file while it is written instead of building it in memory first.
"""
from __future__ import annotations

import importlib
import sqlite3
from typing import Any, Callable, Iterable

from review.errors import Invalid

EXPORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # what: ("module:function", formats)
    "records": ("review.records:export_records", ("csv", "xlsx", "ris")),
    "searches": ("review.searches:export_search_log", ("csv", "xlsx")),
    "duplicates": ("review.dedupe:export_duplicates", ("csv", "xlsx")),
    "decisions": ("review.screening_exports:export_decisions", ("csv", "xlsx")),
    "included": ("review.screening_exports:export_included", ("csv", "xlsx", "ris")),
    "extraction": ("review.appraisal_exports:export_extraction", ("csv", "xlsx")),
    "sof": ("review.appraisal_exports:export_sof", ("html", "csv", "docx")),
    "rob-plot": ("review.appraisal_exports:export_rob_plot", ("svg", "png")),
    "rob": ("review.appraisal_exports:export_rob_table", ("csv", "xlsx")),
    "prisma": ("review.prisma:export_diagram", ("svg", "png")),
    "records-with-decisions": ("review.record_exports:export_records", ("csv", "xlsx", "ris")),
    "excluded": ("review.record_exports:export_excluded", ("csv", "xlsx", "ris")),
    "conflicts": ("review.record_exports:export_conflicts", ("csv", "xlsx", "ris")),
    "labelled": ("review.record_exports:export_labelled", ("csv", "xlsx", "ris")),
    "summary": ("review.summary_exports:export_summary", ("docx", "pdf", "html", "md")),
    "press-pack": ("review.summary_exports:export_press_pack", ("zip",)),
    "automation-methods": ("review.automation:export_methods", ("txt", "md", "docx")),
}

STREAMS: dict[str, str] = {
    # what: "module:function" returning an iterable of bytes, for every format EXPORTS lists
    "records": "review.records:stream_export",
    "records-with-decisions": "review.record_exports:stream_records",
    "excluded": "review.record_exports:stream_excluded",
    "conflicts": "review.record_exports:stream_conflicts",
    "labelled": "review.record_exports:stream_labelled",
}


def export(conn: sqlite3.Connection, project_id: int, what: str, fmt: str, **options: Any) -> bytes:
    """The bytes of one export of a project, or Invalid naming what is on offer."""
    return _function(EXPORTS[_check(what, fmt)][0])(conn, project_id, fmt, **options)


def stream(conn: sqlite3.Connection, project_id: int, what: str, fmt: str, **options: Any) -> Iterable[bytes]:
    """The same bytes as export() in chunks (read from a cursor as they are taken where the export streams).

    Bad options raise here, before the first chunk, so the web can still answer with an error page."""
    if what in STREAMS and _check(what, fmt):
        return _function(STREAMS[what])(conn, project_id, fmt, **options)
    return [export(conn, project_id, what, fmt, **options)]


def _check(what: str, fmt: str) -> str:
    if what not in EXPORTS:
        raise Invalid(f"--what {what}: choose one of {', '.join(sorted(EXPORTS)) or '(none yet)'}.")
    formats = EXPORTS[what][1]
    if fmt not in formats:
        raise Invalid(f"--format {fmt}: '{what}' can be exported as {', '.join(formats)}.")
    return what


def _function(target: str) -> Callable[..., Any]:
    module_name, function_name = target.split(":")
    return getattr(importlib.import_module(module_name), function_name)
