"""Staging an imported file's records before the one short copy into `records`.

A large file is parsed in a separate process (spawned, so nothing of the server is inherited) that writes
the staging table into its own scratch database file: parsing 20 000 records is tens of seconds of Python
that would otherwise hold the server's GIL against every reviewer. A small file, or an import inside a
larger write (the demo, an archive), is parsed here into the connection's temp database as before.
Either way Sil's own file is not touched until the caller's single write transaction copies the rows.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Iterator

import imports
from imports.errors import ImportFailure
from imports.ris_notes import merged
from imports.ris_parts import cut_points, read_part

PARSE_ELSEWHERE_BYTES = 1_000_000  # below this, starting a process costs more than the parsing
PARSERS = min(4, os.cpu_count() or 1)  # processes that parse parts of one large RIS file at once
SCRATCH_PREFIX = "sil-import-"
STALE_AFTER_SECONDS = 24 * 3600  # no import parses for a day; younger folders may belong to a running server


@dataclass
class Staged:
    """What the parse found (format, encoding, warnings) and the tables holding its rows, in file order.

    Each table comes with the number of records before it: a part's positions start at 1."""
    format: str
    encoding: str
    tables: list[tuple[str, int]]
    warnings: list[str] = field(default_factory=list)


@contextmanager
def staged(conn: sqlite3.Connection, data: bytes, file_name: str) -> Iterator[Staged]:
    """Parse the file into staging tables (ImportFailure when it cannot be read); drop them afterwards."""
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
        yield Staged(parsed.format, parsed.encoding, [("temp.staged_records", 0)], parsed.warnings)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.staged_records")


def sweep_stale_scratch(folder: str | None = None, now: float | None = None) -> int:
    """Remove scratch folders of imports whose server was killed mid-parse; return how many went.

    A folder is left while it may still be in use: only those untouched for a day are removed."""
    root = Path(folder or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = 0
    for directory in root.glob(SCRATCH_PREFIX + "*"):
        try:
            if directory.is_dir() and not directory.is_symlink() and now - directory.stat().st_mtime > STALE_AFTER_SECONDS:
                shutil.rmtree(directory, ignore_errors=True)
                removed += 1
        except OSError:  # gone meanwhile, or not ours to read: leave it
            continue
    return removed


@contextmanager
def _staged_elsewhere(conn: sqlite3.Connection, data: bytes, file_name: str) -> Iterator[Staged]:
    directory = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
    attached: list[str] = []
    try:
        source = directory / "upload"
        source.write_bytes(data)  # the parsers read their byte ranges from here: nothing large is pickled
        outcome = _parse_elsewhere(directory, source, data, file_name)
        if outcome[0] == "failed":
            raise ImportFailure(*outcome[1:])
        _, file_format, encoding, warnings, parts = outcome
        tables, before = [], 0
        for index, (path, count) in enumerate(parts):
            conn.execute(f"ATTACH DATABASE ? AS staging{index}", (path,))
            attached.append(f"staging{index}")
            tables.append((f"staging{index}.staged_records", before))
            before += count
        yield Staged(file_format, encoding, tables, warnings)
    finally:
        for name in attached:
            conn.execute(f"DETACH DATABASE {name}")
        shutil.rmtree(directory, ignore_errors=True)


def _parse_elsewhere(directory: Path, source: Path, data: bytes, file_name: str) -> tuple:
    """Parse in spawned processes: a large RIS file in parts at once (one per CPU), anything else whole."""
    ranges = cut_points(data, PARSERS)
    with ProcessPoolExecutor(len(ranges), mp_context=get_context("spawn")) as pool:
        if len(ranges) > 1:
            futures = [pool.submit(parse_part_into_file, str(directory / f"part{index}.sqlite"), str(source),
                                   start, end, file_name, index == 0)
                       for index, (start, end) in enumerate(ranges)]
            combined = _combined([future.result() for future in futures])
            if combined is not None:
                return combined
        return pool.submit(parse_into_file, str(directory / "whole.sqlite"), str(source), file_name).result()


def _combined(outcomes: list[tuple]) -> tuple | None:
    """The parts' outcomes as one file's; None when the file must be read whole to get the same result."""
    for index, outcome in enumerate(outcomes):
        if outcome[0] == "whole" or (outcome[0] == "part" and index < len(outcomes) - 1 and not outcome[3].clean_end):
            return None
    failed = [outcome for outcome in outcomes if outcome[0] == "failed"]
    if failed:
        return failed[0]  # a reader's error in the earliest part: the one a reading in one go meets first
    notes = merged([(outcome[3], outcome[4]) for outcome in outcomes])
    if not notes.records:
        return None
    return ("parsed", "ris", "utf-8", notes.warnings(), [(outcome[1], outcome[2]) for outcome in outcomes])


def parse_part_into_file(path: str, source: str, start: int, end: int, file_name: str, first: bool) -> tuple:
    """In a parsing process: stage one part of a RIS file; ('part', path, records, notes, lines), or
    ('whole',) when the file must be read whole, or ('failed', file, line, message)."""
    from review.searches import stage_records

    with open(source, "rb") as file:
        file.seek(start)
        data = file.read(end - start)
    conn = _scratch(path)
    try:
        part = read_part(data, file_name, first)
        del data  # the decoded text is all the reader needs: half the memory of this process
        if part is None:
            return ("whole",)
        records, notes, lines = part
        stage_records(conn, records, "main")
        return ("part", path, notes.records, notes, lines)
    except ImportFailure as failure:
        return ("failed", failure.file, failure.line, failure.message)
    finally:
        conn.close()


def parse_into_file(path: str, source: str, file_name: str) -> tuple:
    """In a parsing process: stage the whole file into a scratch file; ('parsed', format, encoding, warnings,
    [(path, records)]).

    An ImportFailure comes back as ('failed', file, line, message): its custom constructor does not pickle."""
    from review.searches import stage_records

    conn = _scratch(path)
    try:
        parsed = imports.stream_file(Path(source).read_bytes(), file_name)
        count = stage_records(conn, parsed.records, "main")
        return ("parsed", parsed.format, parsed.encoding, parsed.warnings, [(path, count)])
    except ImportFailure as failure:
        return ("failed", failure.file, failure.line, failure.message)
    finally:
        conn.close()


def _scratch(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: deleted whether or not this finishes
    conn.execute("PRAGMA synchronous = OFF")
    return conn
