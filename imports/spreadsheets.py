"""Spreadsheets as people save them: comma, semicolon or tab separated text, and .xlsx workbooks.

Excel with Norwegian settings writes `;` (often in cp1252, which imports.decode guesses), tab-separated
files come as .tsv/.tab/.txt, and a workbook is read with openpyxl. Every one becomes rows of text cells
that csvfiles.read_rows maps to records, so a spreadsheet reads the same whatever it was saved as.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

from imports.errors import ImportFailure

DELIMITERS = (",", ";", "\t")
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc)
Rows = list[tuple[int, list[str]]]


def header_cells(first_line: str, delimiter: str) -> list[str]:
    """The header line split as the csv module would split it with this delimiter."""
    try:
        return next(csv.reader([first_line], delimiter=delimiter), [])
    except csv.Error:
        return []


def sniff_delimiter(first_line: str, known: Callable[[list[str]], bool]) -> str | None:
    """The delimiter of a header line: the one whose cells name a title column (known(header) says),
    else the one that gives the most cells; None when the line has no delimiter at all."""
    best, best_cells = None, 1
    for delimiter in DELIMITERS:
        cells = header_cells(first_line, delimiter)
        if len(cells) > 1 and known(cells):
            return delimiter
        if len(cells) > best_cells:
            best, best_cells = delimiter, len(cells)
    return best


def split_rows(text: str, delimiter: str, file_name: str) -> Rows:
    """(line, cells) of delimited text; a broken quote is refused naming its line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ImportFailure(file_name, reader.line_num, f"the CSV is broken ({exc})",
                            key="error.import.csv_broken", problem=str(exc)) from None


def is_workbook(data: bytes) -> bool:
    """Whether the bytes are a zip archive holding an Excel workbook (.xlsx)."""
    if not data.startswith(XLSX_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def refusal(data: bytes, file_name: str) -> ImportFailure | None:
    """The clear refusal for a binary file Sil cannot read as a spreadsheet, or None."""
    if data.startswith(OLE_MAGIC):
        return ImportFailure(file_name, None, "this is an old Excel workbook (.xls); in Excel choose "
                             "File > Save As > Excel Workbook (.xlsx) or CSV UTF-8, then import that file",
                             key="error.import.xls")
    if data.startswith(XLSX_MAGIC) and not is_workbook(data):
        return ImportFailure(file_name, None, "this is a zip archive, not an Excel workbook; unpack it and "
                             "import the export files it holds", key="error.import.zip")
    return None


def workbook_sheets(data: bytes, file_name: str) -> list[tuple[str, Rows]]:
    """Every sheet of an .xlsx workbook as (name, rows of text cells), in workbook order."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl's errors are not typed: any of them means the workbook is broken
        raise ImportFailure(file_name, None, f"the Excel workbook could not be read ({type(exc).__name__}: "
                            f"{exc}); save it again from Excel as .xlsx or CSV UTF-8",
                            key="error.import.xlsx_unreadable", problem=f"{type(exc).__name__}: {exc}") from None
    try:
        return [(sheet.title, [(number, [cell_text(v) for v in row])
                               for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)])
                for sheet in book.worksheets]
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A cell as the text a person sees: whole numbers without '.0', dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def non_empty(rows: Rows) -> bool:
    """Whether any cell of the rows holds something."""
    return any(cell.strip() for _, row in rows for cell in row)
