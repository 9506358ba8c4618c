"""Exports as a stream of byte chunks, so a web download never builds the whole file in memory.

Each writer gives, joined, exactly the bytes of its whole-file counterpart in exports.tables and
exports.ris (the same columns, the same neutralised cells), a chunk of CHUNK_ROWS rows at a time.
XLSX is a zip whose directory comes last: openpyxl's write-only mode takes the rows one by one into
temporary files, and the finished workbook goes to a temporary file that is then sent in pieces.
"""
from __future__ import annotations

import csv
import io
import itertools
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from exports.ris import write_ris
from exports.tables import safe_cell, save_xlsx

CHUNK_ROWS = 1000
FILE_CHUNK = 256 * 1024


def batched(items: Iterable[Any], size: int = CHUNK_ROWS) -> Iterator[list[Any]]:
    """Consecutive lists of up to `size` items."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def csv_chunks(columns: Sequence[str], rows: Iterable[Sequence[Any]], chunk_rows: int = CHUNK_ROWS) -> Iterator[bytes]:
    """write_csv(columns, rows).encode('utf-8'), header first, in chunks of chunk_rows rows."""
    cells = ([safe_cell(v) for v in row] for row in rows)
    for batch in itertools.chain([[columns]], batched(cells, chunk_rows)):
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(batch)
        yield out.getvalue().encode("utf-8")


def ris_chunks(records: Iterable[dict[str, Any]], chunk_rows: int = CHUNK_ROWS) -> Iterator[bytes]:
    """write_ris(records).encode('utf-8') in chunks of chunk_rows records."""
    for batch in batched(records, chunk_rows):
        yield write_ris(batch).encode("utf-8")


def xlsx_file(sheets: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]]) -> IO[bytes]:
    """write_xlsx(sheets) in a temporary file (rewound): rows stream in, memory stays small."""
    out = tempfile.TemporaryFile()
    try:
        save_xlsx(sheets, out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def file_chunks(file: IO[bytes]) -> Iterator[bytes]:
    """The file's bytes in pieces; the file is closed when they are sent or the download is abandoned."""
    try:
        while chunk := file.read(FILE_CHUNK):
            yield chunk
    finally:
        file.close()
