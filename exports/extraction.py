"""Extracted data as CSV and XLSX: one row per study, repeating groups as extra sheets (or columns), a codebook."""
from __future__ import annotations

from typing import Any

from exports.tables import write_csv, write_xlsx

STUDY_COLUMNS = ("study_id", "study", "study_design", "records")
CODEBOOK_COLUMNS = ("key", "label", "type", "group", "options", "help")


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def _plain_fields(form: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in form["fields"] if f["type"] != "group"]


def _groups(form: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in form["fields"] if f["type"] == "group"]


def _study_cells(study: dict[str, Any]) -> list[Any]:
    return [study["id"], study["label"], study["design"], "; ".join(str(r["id"]) for r in study["records"])]


def extraction_csv(table: dict[str, Any]) -> str:
    """One row per study; each repeating group's rows become numbered columns (outcomes.1.name, ...)."""
    form, studies = table["form"], table["studies"]
    columns = [*STUDY_COLUMNS, *(f["key"] for f in _plain_fields(form))]
    group_columns = []
    for group in _groups(form):
        depth = max([len(s["values"][group["key"]]) for s in studies] + [1])
        group_columns += [(group["key"], n, sub["key"]) for n in range(1, depth + 1) for sub in group["fields"]]
    columns += [f"{g}.{n}.{k}" for g, n, k in group_columns]
    rows = []
    for study in studies:
        values = study["values"]
        row = [*_study_cells(study), *(_cell(values[f["key"]]) for f in _plain_fields(form))]
        row += [_cell(values[g][n - 1].get(k)) if n <= len(values[g]) else "" for g, n, k in group_columns]
        rows.append(row)
    return write_csv(columns, rows)


def codebook_rows(table: dict[str, Any]) -> list[list[str]]:
    """The codebook of the form as rows of CODEBOOK_COLUMNS."""
    return [[line[c] for c in CODEBOOK_COLUMNS] for line in table["codebook"]]


def extraction_xlsx(table: dict[str, Any]) -> bytes:
    """A workbook: 'Studies' (one row per study), one sheet per repeating group, and 'Codebook'."""
    form, studies = table["form"], table["studies"]
    plain = _plain_fields(form)
    sheets = {"Studies": ([*STUDY_COLUMNS, *(f["key"] for f in plain)],
                          [[*_study_cells(s), *(_cell(s["values"][f["key"]]) for f in plain)] for s in studies])}
    for group in _groups(form):
        keys = [sub["key"] for sub in group["fields"]]
        rows = [[s["id"], s["label"], n, *(_cell(row.get(k)) for k in keys)]
                for s in studies for n, row in enumerate(s["values"][group["key"]], start=1)]
        sheets[group["key"]] = (["study_id", "study", "row", *keys], rows)
    sheets["Codebook"] = (list(CODEBOOK_COLUMNS), codebook_rows(table))
    return write_xlsx(sheets)
