"""Storage: migrations from empty, connection settings, the transaction helper, backup."""
import sqlite3
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from review.store import db
from review.store.errors import Conflict


def test_fresh_database_runs_every_migration(conn):
    assert db.schema_version(conn) == len(db.migrations())
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"users", "projects", "memberships", "audit_events", "searches", "records", "screenable_records"} <= tables


def test_connection_settings(conn):
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_migrating_an_older_database_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = db.connect(path)
    db.migrate(old, upto=1)
    assert db.schema_version(old) == 1
    old.execute("INSERT INTO projects (title, created_at) VALUES ('Kept', '2026-01-01T00:00:00Z')")
    old.close()
    conn = db.open_database(path)
    assert db.schema_version(conn) == len(db.migrations())
    assert conn.execute("SELECT title FROM projects").fetchone()[0] == "Kept"


def test_transaction_rolls_back_everything_on_error(conn):
    with pytest.raises(RuntimeError):
        with db.transaction(conn):
            conn.execute("INSERT INTO projects (title, created_at) VALUES ('A', 'now')")
            with db.transaction(conn):  # nested: joins the outer one
                conn.execute("INSERT INTO projects (title, created_at) VALUES ('B', 'now')")
            raise RuntimeError("boom")
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == 0


def test_audit_log_cannot_be_rewritten(conn):
    from review.accounts.audit import record_event

    conn.execute("INSERT INTO projects (title, created_at) VALUES ('A', 'now')")
    record_event(conn, 1, None, "test.event", "x")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_events SET action = 'forged'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_events")


def test_backup_copies_a_live_database(conn, tmp_path):
    conn.execute("INSERT INTO projects (title, created_at) VALUES ('Backed up', 'now')")
    dest = tmp_path / "copy.sqlite3"
    db.backup(conn, dest)
    copy = db.connect(dest)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT title FROM projects").fetchone()[0] == "Backed up"
    with pytest.raises(Conflict):
        db.backup(conn, dest)


def test_a_large_write_returns_before_its_checkpoint_and_the_checkpoint_still_happens(conn, monkeypatch):
    path = Path(next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"))
    started = []
    monkeypatch.setattr(threading, "Thread", lambda **kw: started.append(kw) or SimpleNamespace(start=lambda: None))
    before = path.stat().st_size
    with db.checkpoint_in_background(conn), db.transaction(conn):
        conn.executemany("INSERT INTO users (name, password_hash, created_at) VALUES (?, ?, 'x')",
                         [(f"user{i}", "x" * 3000) for i in range(3000)])  # about 9 MB: past the automatic threshold
    assert path.stat().st_size == before  # committed, but the pages are still only in the write-ahead log
    assert conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 3000
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == db.WAL_AUTOCHECKPOINT  # later commits checkpoint
    [thread] = started
    thread["target"](*thread["args"])  # what the background thread runs
    assert path.stat().st_size > before + 9_000_000


def test_a_failed_large_write_leaves_the_automatic_checkpoint_on(conn):
    with pytest.raises(RuntimeError), db.checkpoint_in_background(conn), db.transaction(conn):
        raise RuntimeError("the import failed")
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == db.WAL_AUTOCHECKPOINT


def test_projects_without_exclusion_reasons_get_the_usual_list_when_upgraded(tmp_path):
    from review.projects.reasons import DEFAULT_REASONS

    conn = db.connect(tmp_path / "old.sqlite3")
    db.migrate(conn, upto=8)
    with db.transaction(conn):
        for title in ("never opened its reasons", "has its own"):
            conn.execute("INSERT INTO projects (title, created_at) VALUES (?, 'x')", (title,))
        conn.execute("INSERT INTO exclusion_reasons (project_id, label, position, created_at) VALUES (2, 'Not about work', 1, 'x')")
    db.migrate(conn)

    def labels(project_id):
        return [r[0] for r in conn.execute("SELECT label FROM exclusion_reasons WHERE project_id = ? ORDER BY position",
                                           (project_id,))]
    assert labels(1) == list(DEFAULT_REASONS)  # the same list a new project gets
    assert labels(2) == ["Not about work"]
    conn.close()
