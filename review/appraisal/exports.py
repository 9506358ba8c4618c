"""Extraction, risk-of-bias plot and Summary of Findings exports, as review/exporting.py dispatches them."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from review.appraisal.evidence import sof_table
from review.appraisal.extraction import extraction_table
from review.appraisal.rob.assessments import plot_choices, plot_data
from review.store import NotFound


def export_extraction(conn: sqlite3.Connection, project_id: int, fmt: str, **_options: Any) -> bytes:
    """The agreed extracted data: CSV (one row per study) or XLSX (plus group sheets and a codebook)."""
    from exports.extraction import extraction_csv, extraction_xlsx

    table = extraction_table(conn, project_id)
    return extraction_xlsx(table) if fmt == "xlsx" else extraction_csv(table).encode("utf-8")


def export_sof(conn: sqlite3.Connection, project_id: int, fmt: str, texts: Callable[..., str] | None = None,
               lang: str = "en", **_options: Any) -> bytes:
    """The Summary of Findings table as HTML, CSV or DOCX; in English, or through texts (key, **values) in lang."""
    from exports import sof

    table = sof_table(conn, project_id)
    if fmt == "docx":
        return sof.sof_docx(table, texts)
    return (sof.sof_html(table, texts, lang) if fmt == "html" else sof.sof_csv(table, texts)).encode("utf-8")


def export_rob_plot(conn: sqlite3.Connection, project_id: int, fmt: str, tool: str | None = None,
                    outcome: str | None = None, kind: str = "traffic",
                    localise: Callable[[dict[str, Any]], dict[str, Any]] | None = None, **_options: Any) -> bytes:
    """A traffic-light (or summary) plot of consensus assessments as SVG or PNG; the first tool and outcome by default.

    localise, when given, rewrites the plot's words (tool, domains, levels, labels) for a reader's language."""
    from exports import robplot

    if tool is None or outcome is None:
        row = conn.execute("SELECT tool, outcome FROM rob_assessments WHERE project_id = ? AND reviewer_id IS NULL "
                           "AND (? IS NULL OR tool = ?) ORDER BY id LIMIT 1", (project_id, tool, tool)).fetchone()
        if row is None:
            raise NotFound("no consensus risk-of-bias assessment to plot yet", "error.rob.nothing_to_plot")
        tool, outcome = row["tool"], row["outcome"] if outcome is None else outcome
    data = plot_data(conn, project_id, tool, outcome)
    if localise is not None:
        data = localise(data)
    svg = robplot.summary_svg(data) if kind == "summary" else robplot.traffic_light_svg(data)
    return robplot.to_png(svg) if fmt == "png" else svg.encode("utf-8")


def export_rob_table(conn: sqlite3.Connection, project_id: int, fmt: str, **_options: Any) -> bytes:
    """Every consensus risk-of-bias judgement: one row per study, tool and outcome, one column per domain."""
    from exports.tables import write_csv, write_xlsx

    columns = ["study", "tool", "outcome", *(f"D{i}" for i in range(1, 8)), "overall"]
    rows = []
    for choice in plot_choices(conn, project_id):
        data = plot_data(conn, project_id, choice["tool"], choice["outcome"])
        labels = {level["key"]: level["label"] for level in data["levels"]}
        for study in data["studies"]:
            judged = [labels.get(study["judgements"].get(key) or "", "") for key, _name in data["domains"]]
            rows.append([study["label"], choice["tool_name"], choice["outcome"],
                         *judged, *[""] * (7 - len(judged)), labels.get(study["overall"] or "", "")])
    if fmt == "xlsx":
        return write_xlsx({"Risk of bias": (columns, rows)})
    return write_csv(columns, rows).encode("utf-8")
