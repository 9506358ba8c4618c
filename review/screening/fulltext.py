"""Full texts: PDFs stored under a files folder (outside the database), or a record marked not retrieved."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from review import accounts
from review.accounts import record_event
from review.screening.access import require_screener
from review.screening.blinding import passed_stage1, sees_outcomes
from review.screening.state import project_settings, refresh_stage2_entry
from review.store import Conflict, Invalid, NotFound, now, transaction

PDF_MAGIC = b"%PDF-"
# Readers accept the header anywhere in the first kilobyte, but a file that starts with anything else
# (say "<html><script>") is something else to a browser that sniffs it: a PDF must start with the header.


def check_pdf(data: bytes, file_name: str, max_bytes: int) -> None:
    """Invalid unless the bytes are a PDF (by content, not by name) within the size limit."""
    if len(data) > max_bytes:
        raise Invalid(f"{file_name} is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB",
                      "error.fulltext.too_large", file=file_name, size=f"{len(data) / 1e6:.1f}",
                      limit=f"{max_bytes / 1e6:.0f}")
    if not data:
        raise Invalid(f"{file_name} is empty", "error.fulltext.empty", file=file_name)
    if not data.startswith(PDF_MAGIC):
        raise Invalid(f"{file_name} is not a PDF (its content does not start with %PDF-)",
                      "error.fulltext.not_pdf", file=file_name)


def attach_pdf(conn: sqlite3.Connection, files_dir: str | Path, project_id: int, user_id: int, record_id: int,
               data: bytes, file_name: str) -> dict[str, Any]:
    """Store a record's full-text PDF under files_dir and log the upload; return the full-text status."""
    require_screener(conn, project_id, user_id)
    file_name = Path(file_name or "fulltext.pdf").name[:200]
    check_pdf(data, file_name, project_settings(conn, project_id)["pdf_max_bytes"])
    _require_stage2(conn, project_id, record_id, user_id)
    digest = hashlib.sha256(data).hexdigest()
    _write_atomic(pdf_file(files_dir, project_id, digest), data)
    with transaction(conn):
        conn.execute(
            """INSERT INTO fulltext_events (project_id, record_id, user_id, kind, file_name, file_sha256, file_size, at)
               VALUES (?, ?, ?, 'uploaded', ?, ?, ?, ?)""", (project_id, record_id, user_id, file_name, digest, len(data), now()))
        record_event(conn, project_id, user_id, "fulltext.upload", f"record {record_id}", {"file": file_name, "sha256": digest})
        refresh_stage2_entry(conn, project_id, record_id)
    return fulltext_status(conn, project_id, user_id, record_id)


def mark_not_retrieved(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int, reason: str) -> dict[str, Any]:
    """Record that the full text could not be obtained, and why; the record leaves the stage-2 queue."""
    require_screener(conn, project_id, user_id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise Invalid("say why the full text was not retrieved (e.g. 'not available from the library')",
                      "error.fulltext.no_reason")
    with transaction(conn):
        _require_stage2(conn, project_id, record_id, user_id)
        # A blinded reviewer is told only about their own full-text decision: whether someone else has
        # decided the record is what blinding hides. Another's decision stays in the log; the record counts
        # as not retrieved until a PDF is attached.
        own_only = user_id if not sees_outcomes(conn, project_id, user_id) else None
        if conn.execute("SELECT 1 FROM screening_current WHERE project_id = ? AND stage = 2 AND record_id = ?"
                        " AND (? IS NULL OR user_id = ?) LIMIT 1", (project_id, record_id, own_only, own_only)).fetchone():
            raise Conflict(f"record {record_id} already has full-text decisions, so its full text was retrieved",
                           "error.fulltext.already_decided", record=record_id)
        conn.execute("""INSERT INTO fulltext_events (project_id, record_id, user_id, kind, reason, at)
                        VALUES (?, ?, ?, 'not_retrieved', ?, ?)""", (project_id, record_id, user_id, reason[:500], now()))
        record_event(conn, project_id, user_id, "fulltext.not_retrieved", f"record {record_id}", {"reason": reason})
        refresh_stage2_entry(conn, project_id, record_id)
    return fulltext_status(conn, project_id, user_id, record_id)


def fulltext_status(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int) -> dict[str, Any]:
    """The latest full-text event of a record ('none' when nothing happened yet)."""
    accounts.require_member(conn, project_id, user_id)
    row = conn.execute("""SELECT kind, file_name, file_sha256, file_size, reason, at FROM fulltext_events
                          WHERE project_id = ? AND record_id = ? ORDER BY id DESC LIMIT 1""", (project_id, record_id)).fetchone()
    return dict(row) if row else {"kind": "none", "file_name": "", "file_sha256": "", "file_size": None, "reason": "", "at": None}


def pdf_for_member(conn: sqlite3.Connection, files_dir: str | Path, project_id: int, user_id: int,
                   record_id: int) -> tuple[Path, str]:
    """(path, original name) of a record's current PDF, for project members only."""
    status = fulltext_status(conn, project_id, user_id, record_id)
    if status["kind"] != "uploaded":
        raise NotFound(f"record {record_id} has no full text attached", "error.fulltext.none", record=record_id)
    path = pdf_file(files_dir, project_id, status["file_sha256"])
    if not path.is_file():
        raise NotFound(f"the PDF of record {record_id} is missing from the files folder; upload it again",
                       "error.fulltext.file_missing", record=record_id)
    return path, status["file_name"]


def pdf_file(files_dir: str | Path, project_id: int, digest: str) -> Path:
    """Where a PDF with this SHA-256 lives: one folder per project, named by content so re-uploads share it."""
    return Path(files_dir) / f"project-{int(project_id)}" / f"{digest}.pdf"


def _require_stage2(conn: sqlite3.Connection, project_id: int, record_id: int, user_id: int) -> None:
    if not passed_stage1(conn, project_id, user_id, record_id):
        raise Conflict(f"record {record_id} has not passed title/abstract screening; full texts are for records that did",
                       "error.fulltext.not_passed", record=record_id)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)
