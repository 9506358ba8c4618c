"""What ranking keeps in the database: the lead's settings, the stored queue order, the model runs."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from review.accounts import record_event
from review.screening import require_lead
from review.store import Conflict, Invalid, now, transaction

DEFAULTS = {"random_order": 0, "recall_target": 0.95, "confidence": 0.95, "sample_started_at": None,
            "sample_screened_before": None, "sample_found_before": None, "stopped_at": None, "stopped_by": None,
            "stop_method": "", "stop_figures": None}  # stop_method "": the default method


def get_settings(conn: sqlite3.Connection, project_id: int) -> dict[str, Any]:
    """The project's ranking settings (defaults until the lead changes one)."""
    row = conn.execute("SELECT * FROM ranking_settings WHERE project_id = ?", (project_id,)).fetchone()
    return {**DEFAULTS, **(dict(row) if row else {}), "project_id": project_id}


def _upsert(conn: sqlite3.Connection, project_id: int, **values: Any) -> None:
    updates = ", ".join(f"{k} = excluded.{k}" for k in values)
    # a new row follows the default stopping method ('') until the lead chooses one (the column's own
    # default, 'ranked', is kept by projects that began before the default changed)
    inserted = {"stop_method": "", **values}
    conn.execute(f"INSERT INTO ranking_settings (project_id, {', '.join(inserted)}) "
                 f"VALUES (?, {', '.join('?' * len(inserted))}) ON CONFLICT (project_id) DO UPDATE SET {updates}",
                 (project_id, *inserted.values()))


def set_random_order(conn: sqlite3.Connection, project_id: int, lead_id: int, random_order: bool) -> None:
    """Switch the project's queues to random order (some protocols ask for it) or back to ranked."""
    require_lead(conn, project_id, lead_id)
    with transaction(conn):
        _upsert(conn, project_id, random_order=int(random_order))
        if random_order:
            clear_ranks(conn, project_id)
        record_event(conn, project_id, lead_id, "ranking.order", "random" if random_order else "ranked", {})


def set_stopping_target(conn: sqlite3.Connection, project_id: int, lead_id: int,
                        recall_target: float, confidence: float) -> None:
    """Set the recall target and confidence level the stopping test works against."""
    require_lead(conn, project_id, lead_id)
    for name, value in (("recall target", recall_target), ("confidence level", confidence)):
        if not 0.5 <= value < 1:
            raise Invalid(f"the {name} must be at least 50 % and below 100 %, not {value * 100:g} %",
                          "error.stopping.bad_share", name=name, value=f'{value * 100:g}')
    with transaction(conn):
        _upsert(conn, project_id, recall_target=recall_target, confidence=confidence)
        record_event(conn, project_id, lead_id, "ranking.stopping_target", f"{recall_target:g}/{confidence:g}", {})


def start_sample(conn: sqlite3.Connection, project_id: int, lead_id: int, screened: int, found: int) -> None:
    """Begin the random sample: from now on the queue serves the remaining records in random order."""
    require_lead(conn, project_id, lead_id)
    with transaction(conn):
        if get_settings(conn, project_id)["sample_started_at"]:
            raise Conflict("random sampling for the stopping test has already begun", "error.stopping.sampling_begun")
        _upsert(conn, project_id, sample_started_at=now(), sample_screened_before=screened, sample_found_before=found)
        clear_ranks(conn, project_id)
        record_event(conn, project_id, lead_id, "ranking.sample_started", str(screened), {"found": found})


def stop_screening(conn: sqlite3.Connection, project_id: int, lead_id: int, unscreened: int,
                   figures: dict[str, Any] | None = None) -> None:
    """Record the lead's decision to stop title/abstract screening; the rest counts as excluded by automation.

    `figures` (method, target, confidence, p-value, estimated recall ...) are kept with the decision
    and in the audit log, for PRISMA and the methods text.
    """
    require_lead(conn, project_id, lead_id)
    with transaction(conn):
        if get_settings(conn, project_id)["stopped_at"]:
            raise Conflict("title/abstract screening has already been stopped")
        _upsert(conn, project_id, stopped_at=now(), stopped_by=lead_id,
                stop_figures=json.dumps(figures, sort_keys=True) if figures is not None else None)
        record_event(conn, project_id, lead_id, "ranking.stopped", str(unscreened), figures or {})


def set_stop_method(conn: sqlite3.Connection, project_id: int, lead_id: int, method: str, known: Sequence[str]) -> None:
    """Choose the stopping method the background check and the stopping page use."""
    require_lead(conn, project_id, lead_id)
    if method not in known:
        raise Invalid(f"unknown stopping method {method!r}; choose one of {', '.join(known)}")
    with transaction(conn):
        if get_settings(conn, project_id)["stopped_at"]:
            raise Conflict("screening has been stopped; the method it was stopped with is kept")
        _upsert(conn, project_id, stop_method=method)
        record_event(conn, project_id, lead_id, "ranking.stop_method", method, {})


def clear_ranks(conn: sqlite3.Connection, project_id: int, user_id: int | None = None, stage: int | None = None) -> None:
    """Forget stored orders, so the queue falls back to its random order."""
    sql, args = "DELETE FROM queue_ranks WHERE project_id = ?", [project_id]
    if user_id is not None:
        sql, args = sql + " AND user_id = ?", args + [user_id]
    if stage is not None:
        sql, args = sql + " AND stage = ?", args + [stage]
    with transaction(conn):
        conn.execute(sql, args)


def write_ranks(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int, record_ids: Sequence[int],
                run: dict[str, Any]) -> None:
    """Replace one queue's stored order (best first) and log the model run, in one short transaction."""
    with transaction(conn):
        conn.execute("DELETE FROM queue_ranks WHERE project_id = ? AND user_id = ? AND stage = ?",
                     (project_id, user_id, stage))
        conn.executemany("INSERT INTO queue_ranks (project_id, user_id, stage, record_id, rank) VALUES (?, ?, ?, ?, ?)",
                         ((project_id, user_id, stage, int(r), float(i)) for i, r in enumerate(record_ids)))
        conn.execute("""INSERT INTO model_runs (project_id, user_id, stage, trained_at, decisions, included, ranked,
                        milliseconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                     (project_id, user_id, stage, now(), run["decisions"], run["included"], len(record_ids),
                      run["milliseconds"]))


def last_run(conn: sqlite3.Connection, project_id: int, stage: int = 1, viewer_id: int | None = None) -> dict[str, Any] | None:
    """The latest model run at a stage, the project-wide queue's first (None before the model has started).

    With a viewer, only the project-wide queue's runs and the viewer's own: another reviewer's queue is
    trained on that reviewer's open decisions, so its figures would give them away.
    """
    row = conn.execute("""SELECT * FROM model_runs WHERE project_id = ? AND stage = ?
                          AND (? IS NULL OR user_id IN (0, ?))
                          ORDER BY user_id = 0 DESC, id DESC LIMIT 1""",
                       (project_id, stage, viewer_id, viewer_id)).fetchone()
    return dict(row) if row else None
