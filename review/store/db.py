"""SQLite storage: connection settings, numbered migrations, one transaction helper, backup."""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from review.store.errors import Conflict

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# A migration whose first line is this runs with foreign keys off (a table rebuilt to change a constraint).
FOREIGN_KEYS_OFF = "-- sil: foreign-keys-off"


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a connection with Sil's settings (WAL, foreign keys, busy timeout, Row)."""
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one write transaction (BEGIN IMMEDIATE); nested use joins the outer one."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after some errors (a full disk)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def end_request(conn: sqlite3.Connection) -> None:
    """Roll back what a failed request or an abandoned read left open, so the connection starts clean."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def migrations() -> list[tuple[int, str, str]]:
    """The append-only list of migrations: (number, name, SQL), ordered by number."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        number = int(path.name[:4])
        found.append((number, path.stem[5:], path.read_text(encoding="utf-8")))
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {numbers}")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    """How many migrations have run on this database."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, upto: int | None = None) -> int:
    """Apply pending migrations, each in its own transaction; return the new version."""
    version = schema_version(conn)
    for number, _name, sql in migrations():
        if number <= version or (upto is not None and number > upto):
            continue
        keys_off = sql.startswith(FOREIGN_KEYS_OFF)
        if keys_off:  # a table rebuild (SQLite's ALTER TABLE procedure): PRAGMA is a no-op inside a transaction
            conn.execute("PRAGMA foreign_keys = OFF")
            if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
                raise RuntimeError(f"migration {number} {_name} needs foreign keys off: run it outside a transaction")
        try:
            with transaction(conn):
                for statement in split_statements(sql):
                    conn.execute(statement)
                if keys_off and conn.execute("PRAGMA foreign_key_check").fetchone():
                    raise RuntimeError(f"migration {number} {_name} would break a foreign key; nothing was changed")
                conn.execute(f"PRAGMA user_version = {number}")
        finally:
            if keys_off:
                conn.execute("PRAGMA foreign_keys = ON")
        version = number
    return version


def split_statements(sql: str) -> list[str]:
    """Split a migration into statements (executescript would commit behind our back)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


WAL_AUTOCHECKPOINT = 1000  # SQLite's default: checkpoint after a commit that leaves this many pages in the WAL


@contextlib.contextmanager
def checkpoint_in_background(conn: sqlite3.Connection) -> Iterator[None]:
    """Around one large write transaction: the checkpoint after its commit runs in a thread of its own.

    After a commit that leaves many pages in the write-ahead log, SQLite copies them into the database
    file before COMMIT returns (1.2 s after a 100 000-record import). The data is committed and visible
    before that copy, and a checkpoint blocks no reader or writer, so the person importing need not wait
    for it: a thread with its own connection does it (a passive checkpoint, as the automatic one is)."""
    path = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not path or conn.in_transaction:  # an in-memory database, or inside a larger write: nothing to move
        yield
        return
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
    threading.Thread(target=_checkpoint, args=(path,), name="sil-checkpoint", daemon=True).start()


def _checkpoint(path: str) -> None:
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=30)) as conn:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error:  # the next commit's automatic checkpoint does it then
        pass


def open_database(path: str | Path) -> sqlite3.Connection:
    """Connect and bring the schema up to date: what every entry point calls."""
    conn = connect(path)
    migrate(conn)
    return conn


def backup(conn: sqlite3.Connection, dest: str | Path) -> None:
    """Copy a live database to dest with SQLite's online backup API."""
    dest = Path(dest)
    if dest.exists():

        raise Conflict(f"{dest} exists already; choose a new file name for the backup", "error.backup.exists",
                       path=str(dest))
    target = sqlite3.connect(str(dest))
    try:
        conn.backup(target)
    finally:
        target.close()


def now() -> str:
    """The current time as ISO-8601 UTC text, as every *_at column holds it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def readable(stamp: str) -> str:
    """A time as now() writes it, as a person reads it: '2026-11-29T08:22:04Z' -> '2026-11-29 08:22:04 UTC'."""
    return stamp.replace("T", " ").replace("Z", " UTC")
