"""Staging an imported file's records before the one short copy into `records`.

A large file is parsed in a separate process (spawned, so nothing of the server is inherited) that writes
the staging table into its own scratch database file: parsing 20 000 records is tens of seconds of Python
that would otherwise hold the server's GIL against every reviewer. A small file, or an import inside a
larger write (the demo, an archive), is parsed here into the connection's temp database as before.
Either way Sil's own file is not touched until the caller's single write transaction copies the rows.
"""
from __future__ import annotations

import mmap
import os
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import imports
from imports import accounting
from imports.errors import ImportFailure
from imports.ris_notes import merged
from imports.ris_parts import cut_points, read_part
from imports.wording import Worded
from review.searches.rows import stage_records

PARSE_ELSEWHERE_BYTES = 1_000_000  # below this, starting a process costs more than the parsing
PARSERS = min(4, os.cpu_count() or 1)  # processes that parse parts of one large RIS file at once
MAX_PARTS = 8  # parts of one file, each in a database of its own: SQLite attaches at most 10 at a time
PARSER_NICENESS = 5
# The copy into Sil's file starts when this share of the parts is staged: copying a part takes about half
# the time parsing it does, so the copy then rarely waits for a parser while it holds the write lock.
COPY_AFTER = 0.75
SCRATCH_PREFIX = "sil-import-"
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
PARENT_CHECK_SECONDS = 0.5
STALE_AFTER_SECONDS = 24 * 3600  # no import parses for a day; younger folders may belong to a running server


@dataclass
class Staged:
    """What the parse found (format, encoding, warnings) and the tables holding its rows, in file order.

    Each table comes with the number of records before it: a part's positions start at 1."""
    format: str
    encoding: str
    tables: Iterable[tuple[str, int]]  # read once; the warnings are complete after it
    warnings: list[Worded] = field(default_factory=list)


@contextmanager
def staged(conn: sqlite3.Connection, data: bytes, file_name: str, in_parts: bool = True,
           skip_broken: bool = False) -> Iterator[Staged]:
    """Parse the file into staging tables (ImportFailure when it cannot be read); drop them afterwards.

    Reading `tables` may raise ReadWhole (a large file read in parts): stage again with in_parts=False."""
    if len(data) < PARSE_ELSEWHERE_BYTES or conn.in_transaction:
        with _staged_here(conn, data, file_name, skip_broken) as result:
            yield result
    else:
        with _staged_elsewhere(conn, data, file_name, in_parts, skip_broken) as result:
            yield result


@contextmanager
def _staged_here(conn: sqlite3.Connection, data: bytes, file_name: str, skip_broken: bool) -> Iterator[Staged]:
    try:
        parsed = imports.stream_file(data, file_name, skip_broken=skip_broken)
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


class ReadWhole(Exception):
    """A part of a large file cannot be read on its own (not UTF-8 there, say): read the file whole instead."""


@contextmanager
def _staged_elsewhere(conn: sqlite3.Connection, data: bytes, file_name: str, in_parts: bool,
                      skip_broken: bool) -> Iterator[Staged]:
    directory = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
    attached: list[str] = []
    try:
        source = directory / "upload"
        source.write_bytes(data)  # the parsers read their byte ranges from here: nothing large is pickled
        ranges = cut_points(data, MAX_PARTS) if in_parts else [(0, len(data))]
        with ProcessPoolExecutor(min(PARSERS, len(ranges)), mp_context=get_context("spawn"),
                                 initializer=_start_parser, initargs=(os.getpid(),)) as pool:
            try:
                staged_parts = _parts(conn, pool, directory, source, ranges, file_name, attached) if len(ranges) > 1 else None
                yield staged_parts or _staged_whole(conn, pool, directory, source, file_name, attached, skip_broken)
            finally:  # after a failure, parts not begun are not parsed for nothing
                pool.shutdown(cancel_futures=True)
    finally:
        for name in attached:
            conn.execute(f"DETACH DATABASE {name}")
        shutil.rmtree(directory, ignore_errors=True)


def _staged_whole(conn: sqlite3.Connection, pool: ProcessPoolExecutor, directory: Path, source: Path,
                  file_name: str, attached: list[str], skip_broken: bool = False) -> Staged:
    """The file parsed whole in one process, its table attached."""
    outcome = pool.submit(parse_into_file, str(directory / "whole.sqlite"), str(source), file_name,
                          skip_broken).result()
    if outcome[0] == "failed":
        raise ImportFailure(*outcome[1:5], **outcome[5])
    _, file_format, encoding, warnings, [(path, _)] = outcome
    conn.execute("ATTACH DATABASE ? AS staging_whole", (path,))
    attached.append("staging_whole")
    return Staged(file_format, encoding, [("staging_whole.staged_records", 0)], warnings)


def _parts(conn: sqlite3.Connection, pool: ProcessPoolExecutor, directory: Path, source: Path,
           ranges: list[tuple[int, int]], file_name: str, attached: list[str]) -> Staged | None:
    """The parts of a large RIS file parsed at once, their tables handed over in file order as each is ready.

    Returns once most of the parts are staged (COPY_AFTER), so that the caller's write transaction copies them
    while the rest are parsed: the lock is held about as long as the copy alone takes, and the whole
    import takes the longer of the two instead of their sum. None when the file must be read whole.
    A part found unreadable on its own after that raises ReadWhole inside the caller's transaction."""
    futures = [pool.submit(parse_part_into_file, str(directory / f"part{index}.sqlite"), str(source),
                           start, end, file_name, index == 0)
               for index, (start, end) in enumerate(ranges)]
    # A failed part among these is raised later, in file order, as the caller reads the tables.
    if any(_needs_whole(future.result(), last=False)
           for future in futures[:max(1, min(len(futures) - 1, round(len(futures) * COPY_AFTER)))]):
        for future in futures:
            future.cancel()  # those not begun: the whole reading need not wait for them
        return None
    warnings: list[Worded] = []
    return Staged("ris", "utf-8", _tables(conn, futures, attached, warnings, source), warnings)


def _tables(conn: sqlite3.Connection, futures: list, attached: list[str], warnings: list[Worded],
            source: Path | None = None) -> Iterator[tuple[str, int]]:
    """Each part's table as its parser finishes, attached under its own name; then the merged warnings."""
    parts, before = [], 0
    for index, future in enumerate(futures):
        outcome = future.result()
        _check(outcome, last=index == len(futures) - 1, rest=futures[index + 1:])
        name = f"staging{index}"
        conn.execute(f"ATTACH DATABASE ? AS {name}", (outcome[1],))
        attached.append(name)
        yield f"{name}.staged_records", before
        before += outcome[2]
        parts.append((outcome[3], outcome[4]))
    notes = merged(parts)
    if not notes.records:
        raise ReadWhole()
    warnings.extend(notes.warnings())
    if source is not None:  # the count of record starts, over the file's bytes (not decoded again)
        with open(source, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            warnings.extend(accounting.check("ris", data, notes.records))


def _check(outcome: tuple, last: bool, rest: list) -> None:
    """Raise ReadWhole when a part cannot stand for its share of the file, ImportFailure when it failed.

    A reader's failure counts only if no later part asks for a whole reading (which would decode the file
    differently): then it is the failure a reading in one go meets first."""
    if _needs_whole(outcome, last):
        raise ReadWhole()
    if outcome[0] == "failed":
        if any(_needs_whole(future.result(), last=future is rest[-1]) for future in rest):
            raise ReadWhole()
        raise ImportFailure(*outcome[1:5], **outcome[5])


def _needs_whole(outcome: tuple, last: bool) -> bool:
    """Whether a part's outcome cannot stand for its share of the file: not UTF-8 RIS on its own, or (any part
    but the last) tags left open at its end."""
    return outcome[0] == "whole" or (outcome[0] == "part" and not last and not outcome[3].clean_end)


def _start_parser(parent: int) -> None:
    """In a parsing process, first: end with the server, and yield the CPU to its requests."""
    _end_with_parent(parent)
    _lower_priority()


def _end_with_parent(parent: int) -> None:
    """A server killed with SIGKILL runs no clean-up: its parsers must notice by themselves and end at once.

    On Linux the kernel sends them SIGKILL when it dies (PR_SET_PDEATHSIG); everywhere a watcher thread sees
    that the parent is gone (the process was handed to another parent) within PARENT_CHECK_SECONDS."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the watcher alone
    if os.getppid() != parent:  # died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="sil-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _lower_priority() -> None:
    """In a parsing process: yield the CPU to the server's requests and to the import's copy."""
    try:
        os.nice(PARSER_NICENESS)
    except OSError:
        pass  # not allowed here: parse at the server's priority


def parse_part_into_file(path: str, source: str, start: int, end: int, file_name: str, first: bool) -> tuple:
    """In a parsing process: stage one part of a RIS file; ('part', path, records, notes, lines), or
    ('whole',) when the file must be read whole, or ('failed', file, line, message)."""
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
        return ("failed", failure.file, failure.line, failure.message, failure.key, failure.values)
    finally:
        conn.close()


def parse_into_file(path: str, source: str, file_name: str, skip_broken: bool = False) -> tuple:
    """In a parsing process: stage the whole file into a scratch file; ('parsed', format, encoding, warnings,
    [(path, records)]).

    An ImportFailure comes back as ('failed', file, line, message, key, values): its custom constructor does not pickle."""
    conn = _scratch(path)
    try:
        parsed = imports.stream_file(Path(source).read_bytes(), file_name, skip_broken=skip_broken)
        count = stage_records(conn, parsed.records, "main")
        return ("parsed", parsed.format, parsed.encoding, parsed.warnings, [(path, count)])
    except ImportFailure as failure:
        return ("failed", failure.file, failure.line, failure.message, failure.key, failure.values)
    finally:
        conn.close()


def _scratch(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA page_size = 65536")  # rows of several kB: fewer overflow pages, 10-20 % faster staging
    conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: deleted whether or not this finishes
    conn.execute("PRAGMA synchronous = OFF")
    return conn
