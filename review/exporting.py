"""Every export Sil offers, by what and format: one table shared by the command line and the web.

Each entry names a function `(conn, project_id, fmt, **options) -> bytes` in its area's module,
imported only when that export is asked for.
"""
from __future__ import annotations

import importlib
import sqlite3
from typing import Any

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
}


def export(conn: sqlite3.Connection, project_id: int, what: str, fmt: str, **options: Any) -> bytes:
    """The bytes of one export of a project, or Invalid naming what is on offer."""
    if what not in EXPORTS:
        raise Invalid(f"--what {what}: choose one of {', '.join(sorted(EXPORTS)) or '(none yet)'}.")
    target, formats = EXPORTS[what]
    if fmt not in formats:
        raise Invalid(f"--format {fmt}: '{what}' can be exported as {', '.join(formats)}.")
    module_name, function_name = target.split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    return function(conn, project_id, fmt, **options)
