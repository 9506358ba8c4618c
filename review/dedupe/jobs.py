"""Duplicate detection away from the request: one background run per project at a time.

A run over 80 000 records takes tens of seconds, longer than a request should wait. The web starts it
here, in a thread with its own connection, and the page polls until it has finished. A second run on
the same project while one goes is refused (it would compare the same records twice and race the
first to write the groups). Runs are remembered in memory, per database: a run dies with its server,
and a failure is also written to the audit trail so it is not lost with it.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from review import store
from review.accounts import record_event
from review.dedupe.finding import find_duplicates
from review.store import Conflict, SilError

log = logging.getLogger("sil.dedupe")

Runner = Callable[..., dict[str, int]]


@dataclass
class Job:
    """One run of duplicate detection on a project, as the page shows it."""

    project_id: int
    user_id: int | None
    started_at: str
    finished_at: str | None = None
    counts: dict[str, int] | None = None
    error: str | None = None  # as the audit trail and the command line keep it (English)
    failure: SilError | None = None  # a typed failure, which the page words in the reader's language
    thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def running(self) -> bool:
        return self.finished_at is None


class DedupeJobs:
    """The background runs of one database: start, look up, wait."""

    def __init__(self, db_path: str, runner: Runner = find_duplicates):
        self.db_path, self.runner = db_path, runner
        self.jobs: dict[int, Job] = {}
        self.lock = threading.Lock()

    def start(self, project_id: int, user_id: int | None) -> Job:
        """Start a run in the background; Conflict while another run of the project goes."""
        with self.lock:
            current = self.jobs.get(project_id)
            if current is not None and current.running:
                since = store.readable(current.started_at)
                raise Conflict(f"duplicate detection is already running on this project (since {since}); "
                               "wait for it to finish, its results will show on the duplicates page",
                               key="dup.busy", since=current.started_at)
            job = Job(project_id, user_id, store.now())
            job.thread = threading.Thread(target=self._run, args=(job,), name=f"sil-dedupe-{project_id}",
                                          daemon=True)
            self.jobs[project_id] = job
        job.thread.start()
        return job

    def latest(self, project_id: int) -> Job | None:
        """The running or last finished run of a project in this server, if any."""
        with self.lock:
            return self.jobs.get(project_id)

    def is_running(self, project_id: int) -> bool:
        job = self.latest(project_id)
        return job is not None and job.running

    def wait(self, project_id: int, timeout: float | None = None) -> Job | None:
        """Block until the project's run has finished (tests and shutdown)."""
        job = self.latest(project_id)
        if job is not None and job.thread is not None:
            job.thread.join(timeout)
        return job

    def _run(self, job: Job) -> None:
        conn = None
        try:
            conn = store.connect(self.db_path)
            job.counts = self.runner(conn, job.project_id, job.user_id)
        except Exception as exc:  # shown on the page and audited, never swallowed
            job.failure = exc if isinstance(exc, SilError) else None
            job.error = job.failure.message if job.failure else f"{type(exc).__name__}: {exc}"
            log.exception("duplicate detection on project %s failed", job.project_id)
            _audit_failure(conn, job)
        finally:
            job.finished_at = store.now()
            if conn is not None:
                conn.close()


def _audit_failure(conn, job: Job) -> None:
    """A failed run leaves a trace in the project's audit trail, when the database still answers."""
    if conn is None:
        return
    try:
        with store.transaction(conn):
            record_event(conn, job.project_id, job.user_id, "dedupe.failed", f"project {job.project_id}",
                         {"error": job.error, "started_at": job.started_at})
    except Exception:  # the database itself is what failed: the page still shows the error
        log.exception("could not audit the failed duplicate detection on project %s", job.project_id)
