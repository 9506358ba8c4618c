"""Tabular writers (CSV, XLSX) shared by every export; cells that a spreadsheet would run are neutralised."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A value as a spreadsheet should show it: text that starts like a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text (RFC 4180, UTF-8 when encoded) with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def write_xlsx(sheets: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]]) -> bytes:
    """An XLSX workbook with one sheet per entry: name -> (columns, rows)."""
    out = io.BytesIO()
    save_xlsx(sheets, out)
    return out.getvalue()


def save_xlsx(sheets: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]], out: IO[bytes]) -> None:
    """write_xlsx into a file (openpyxl's write-only mode takes the rows one at a time)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, (columns, rows) in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append(list(columns))
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
    book.save(out)
