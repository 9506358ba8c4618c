"""Every export Sil offers, by what and format: one table shared by the command line and the web.

Each entry names a function `(conn, project_id, fmt, **options) -> bytes` among its area package's
public names, looked up when that export is asked for. STREAMS names, for the exports that can be large, a
function with the same arguments that returns the same bytes as chunks read from a cursor, so the
web sends a big file while it is written instead of building it in memory first.
"""
from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from review.store import Invalid

EXPORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # what: ("module:function", formats)
    "records": ("review.searches:export_all_records", ("csv", "xlsx", "ris")),
    "searches": ("review.searches:export_search_log", ("csv", "xlsx")),
    "duplicates": ("review.dedupe:export_duplicates", ("csv", "xlsx")),
    "decisions": ("review.screening:export_decisions", ("csv", "xlsx")),
    "included": ("review.screening:export_included", ("csv", "xlsx", "ris")),
    "extraction": ("review.appraisal:export_extraction", ("csv", "xlsx")),
    "sof": ("review.appraisal:export_sof", ("html", "csv", "docx")),
    "rob-plot": ("review.appraisal:export_rob_plot", ("svg", "png")),
    "rob": ("review.appraisal:export_rob_table", ("csv", "xlsx")),
    "prisma": ("review.publishing.prisma:export_diagram", ("svg", "png")),
    "records-with-decisions": ("review.screening:export_records_with_decisions", ("csv", "xlsx", "ris")),
    "excluded": ("review.screening:export_excluded", ("csv", "xlsx", "ris")),
    "conflicts": ("review.screening:export_conflicts", ("csv", "xlsx", "ris")),
    "labelled": ("review.screening:export_labelled", ("csv", "xlsx", "ris")),
    "summary": ("review.publishing.summary_exports:export_summary", ("docx", "pdf", "html", "md")),
    "press-pack": ("review.publishing.summary_exports:export_press_pack", ("zip",)),
    "automation-methods": ("review.publishing.automation:export_methods", ("txt", "md", "docx")),
}

STREAMS: dict[str, str] = {
    # what: "module:function" returning an iterable of bytes, for every format EXPORTS lists
    "records": "review.searches:stream_all_records",
    "records-with-decisions": "review.screening:stream_records_with_decisions",
    "excluded": "review.screening:stream_excluded",
    "conflicts": "review.screening:stream_conflicts",
    "labelled": "review.screening:stream_labelled",
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
        raise Invalid(f"--what {what}: choose one of {', '.join(sorted(EXPORTS)) or '(none yet)'}.",
                      "error.export.unknown_what", what=what, choices=', '.join(sorted(EXPORTS)) or '(none yet)')
    formats = EXPORTS[what][1]
    if fmt not in formats:
        raise Invalid(f"--format {fmt}: '{what}' can be exported as {', '.join(formats)}.",
                      "error.export.unknown_format", what=what, fmt=fmt, choices=', '.join(formats))
    return what


def _function(target: str) -> Callable[..., Any]:
    module_name, function_name = target.split(":")
    return getattr(importlib.import_module(module_name), function_name)
