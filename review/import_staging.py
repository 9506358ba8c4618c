"""Staging an imported file's records before the one short copy into `records`.

A large file is parsed in a separate process (spawned, so nothing of the server is inherited) that writes
the staging table into its own scratch database file: parsing 20 000 records is tens of seconds of Python
that would otherwise hold the server's GIL against every reviewer. A small file, or an import inside a
larger write (the demo, an archive), is parsed here into the connection's temp database as before.
Either way Sil's own file is not touched until the caller's single write transaction copies the rows.
"""
from __future__ import annotations

import shutil
import sqlite3
import tempfile
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Iterator

import imports
from imports.errors import ImportFailure

PARSE_ELSEWHERE_BYTES = 1_000_000  # below this, starting a process costs more than the parsing


@dataclass
class Staged:
    """What the parse found (format, encoding, warnings) and the table holding its rows."""
    format: str
    encoding: str
    table: str
    warnings: list[str] = field(default_factory=list)


@contextmanager
def staged(conn: sqlite3.Connection, data: bytes, file_name: str) -> Iterator[Staged]:
    """Parse the file into a staging table (ImportFailure when it cannot be read); drop it afterwards."""
    if len(data) < PARSE_ELSEWHERE_BYTES or conn.in_transaction:
        with _staged_here(conn, data, file_name) as result:
            yield result
    else:
        with _staged_elsewhere(conn, data, file_name) as result:
            yield result


@contextmanager
def _staged_here(conn: sqlite3.Connection, data: bytes, file_name: str) -> Iterator[Staged]:
    from review.searches import stage_records

    try:
        parsed = imports.stream_file(data, file_name)
        stage_records(conn, parsed.records, "temp")
        yield Staged(parsed.format, parsed.encoding, "temp.staged_records", parsed.warnings)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.staged_records")


@contextmanager
def _staged_elsewhere(conn: sqlite3.Connection, data: bytes, file_name: str) -> Iterator[Staged]:
    directory = Path(tempfile.mkdtemp(prefix="sil-import-"))
    attached = False
    try:
        path = str(directory / "staged.sqlite")
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            outcome = pool.submit(parse_into_file, path, data, file_name).result()
        if outcome[0] == "failed":
            raise ImportFailure(*outcome[1:])
        conn.execute("ATTACH DATABASE ? AS staging", (path,))
        attached = True
        yield Staged(outcome[1], outcome[2], "staging.staged_records", outcome[3])
    finally:
        if attached:
            conn.execute("DETACH DATABASE staging")
        shutil.rmtree(directory, ignore_errors=True)


def parse_into_file(path: str, data: bytes, file_name: str) -> tuple:
    """In the parsing process: stage the records into a scratch file; ('parsed', format, encoding, warnings).

    An ImportFailure comes back as ('failed', file, line, message): its custom constructor does not pickle."""
    from review.searches import stage_records

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: deleted whether or not this finishes
        conn.execute("PRAGMA synchronous = OFF")
        parsed = imports.stream_file(data, file_name)
        stage_records(conn, parsed.records, "main")
        return ("parsed", parsed.format, parsed.encoding, parsed.warnings)
    except ImportFailure as failure:
        return ("failed", failure.file, failure.line, failure.message)
    finally:
        conn.close()
