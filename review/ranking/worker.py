"""Background retraining: a loop with its own connection, debounced, run in a thread or a process.

A reviewer's request never trains anything: it records a decision and reads the next record
from the stored ranks. This loop notices new decisions (a cheap look at the newest event id),
waits until decisions have paused for `quiet` seconds (or at most `max_wait` while they keep
coming), then retrains the project's queues and stores their order.

The server runs the loop in a separate process (review/ranking_process.py), so the TF-IDF refits
and classifier fits never hold the server's GIL; tests run it as a thread with a `job` hook, or
call ranking_jobs.refresh_project directly.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from review import store
from review.ranking.jobs import FeatureCache, refresh_project

log = logging.getLogger("sil.ranking")


class RankingWorker:
    """Retrains projects after new decisions, away from the requests."""

    def __init__(self, db_path: str, quiet: float = 1.0, max_wait: float = 5.0, tick: float = 0.25,
                 job: Callable[..., int] = refresh_project):
        self.db_path, self.quiet, self.max_wait, self.tick, self.job = db_path, quiet, max_wait, tick, job
        self.cache = FeatureCache()
        self.dirty: dict[int, tuple[float, float]] = {}  # project -> (first change, last change)
        self.last_event = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, name="sil-ranking", daemon=True)

    def start(self) -> RankingWorker:
        """Start the loop in a thread; it notices decisions made from now on (and retrains every screened project)."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Ask the thread to finish and wait for it."""
        self.stopping.set()
        self.thread.join(timeout=30)

    def nudge(self, project_id: int) -> None:
        """Ask for a retrain soon (after a settings change, say)."""
        now = time.monotonic()
        with self.lock:
            first, _ = self.dirty.get(project_id, (now, now))
            self.dirty[project_id] = (first, now)

    def run(self) -> None:
        """Run the loop in the calling thread until `stopping` is set."""
        conn = store.connect(self.db_path)
        try:
            self.last_event = conn.execute("SELECT COALESCE(MAX(id), 0) FROM screening_events").fetchone()[0]
            for project_id, in conn.execute("SELECT DISTINCT project_id FROM screening_state"):
                self.nudge(project_id)
            while not self.stopping.is_set():
                self._notice(conn)
                for project_id in self._due():
                    self._retrain(conn, project_id)
                self.stopping.wait(self.tick)
        finally:
            conn.close()

    def _notice(self, conn) -> None:
        rows = conn.execute("SELECT project_id, MAX(id) FROM screening_events WHERE id > ? GROUP BY project_id",
                            (self.last_event,)).fetchall()
        for project_id, newest in rows:
            self.nudge(project_id)
            self.last_event = max(self.last_event, newest)

    def _due(self) -> list[int]:
        now = time.monotonic()
        with self.lock:
            due = [p for p, (first, last) in self.dirty.items()
                   if now - last >= self.quiet or now - first >= self.max_wait]
            for project_id in due:
                del self.dirty[project_id]
        return due

    def _retrain(self, conn, project_id: int) -> None:
        try:
            self.job(conn, project_id, self.cache)
        except Exception:  # a failed retrain leaves the previous order in place; the next decision retries
            log.exception("retraining project %s failed", project_id)

