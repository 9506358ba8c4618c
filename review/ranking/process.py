"""The ranking worker as a separate process of the server, watched and restarted.

Why a process: refitting TF-IDF over 80 000+ records after an import, and the classifier fits
after decisions, are seconds of CPU that, in a thread of the server, hold the GIL against every
reviewer's request (39 % of the server's samples under bench/load.py). The process is spawned (it
inherits nothing of the server), opens its own connection, and runs the same RankingWorker loop:
it notices decisions in the database and writes ranks and model runs there, one short transaction
per queue, so the lead's "model last trained" display reads what it wrote.

The server talks to it through one pipe: a project id asks for a retrain soon (a settings change);
the end of the pipe (the server stopping, or dying however it dies) stops it. A watcher thread in
the server starts it again when it dies.
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any

from review.ranking.jobs import refresh_project
from review.ranking.worker import RankingWorker

log = logging.getLogger("sil.ranking")

NICENESS = 10        # reviewers' requests come first on a small machine; retraining may lag a little
GRACE_SECONDS = 2.0  # after the pipe ends: time to finish a write in progress; a fit is not worth waiting for
HEALTHY_SECONDS = 60.0  # a process that lived this long died by accident, not at start: restart at once


class RankingProcess:
    """Runs RankingWorker in a spawned process; restarts it when it dies, stops it with the server."""

    def __init__(self, db_path: str, quiet: float = 1.0, max_wait: float = 5.0, tick: float = 0.25,
                 job: Callable[..., int] = refresh_project, restart_delay: float = 1.0):
        self.args = (str(db_path), quiet, max_wait, tick, job)
        self.restart_delay = restart_delay
        self.context = multiprocessing.get_context("spawn")
        self.process: Any = None
        self.sender: Connection | None = None
        self.started_at = 0.0
        self.restarts = 0
        self.lock = threading.Lock()  # guards process/sender against nudges, the watcher and stop at once
        self.stopping = threading.Event()
        self.watcher = threading.Thread(target=self._watch, name="sil-ranking-watch", daemon=True)

    def start(self) -> RankingProcess:
        """Start the process and its watcher; stop() runs at the latest when the server's interpreter exits."""
        with self.lock:
            self._spawn()
        self.watcher.start()
        atexit.register(self.stop)
        return self

    @property
    def pid(self) -> int | None:
        """The current process id (None while it is being restarted)."""
        process = self.process
        return process.pid if process is not None else None

    def nudge(self, project_id: int) -> None:
        """Ask for a retrain soon; dropped while the process restarts (a new one retrains every project)."""
        with self.lock:
            if self.sender is None:
                return
            try:
                self.sender.send(int(project_id))
            except (OSError, ValueError):
                pass  # the process has just died; the watcher starts a new one

    def stop(self, timeout: float = 10.0) -> None:
        """End the process (closing the pipe tells it to) and wait for it; kill it if it does not end."""
        self.stopping.set()
        atexit.unregister(self.stop)
        with self.lock:
            process, self.process = self.process, None
            self._close_pipe()
        if process is not None:
            process.join(timeout)
            if process.is_alive():
                process.kill()
                process.join(5)
        if self.watcher.is_alive() and self.watcher is not threading.current_thread():
            self.watcher.join(5)

    def _spawn(self) -> None:
        receiver, self.sender = self.context.Pipe(duplex=False)
        self.process = self.context.Process(target=serve_rankings, args=(*self.args, receiver),
                                            name="sil-ranking", daemon=True)
        with _sigint_ignored():
            self.process.start()
        receiver.close()  # only the child holds the reading end, so the server's end closing is its EOF
        self.started_at = time.monotonic()

    def _close_pipe(self) -> None:
        if self.sender is not None:
            self.sender.close()
            self.sender = None

    def _watch(self) -> None:
        failures = 0
        while not self.stopping.is_set():
            process = self.process
            if process is None:
                return
            wait([process.sentinel], timeout=1.0)
            if process.is_alive() or self.stopping.is_set():
                continue
            lived = time.monotonic() - self.started_at
            failures = 0 if lived >= HEALTHY_SECONDS else failures + 1
            delay = self.restart_delay * 2 ** min(failures, 5)
            log.warning("the ranking process ended (exit code %s) after %.0f s; starting it again in %.0f s",
                        process.exitcode, lived, delay)
            if self.stopping.wait(delay):
                return
            with self.lock:
                if self.stopping.is_set():
                    return
                self._close_pipe()
                self._spawn()
                self.restarts += 1


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start children with SIGINT ignored: Ctrl+C in a terminal reaches the whole process group, but the
    child should end through its pipe when the server exits, not with a KeyboardInterrupt traceback in
    the middle of its imports. An ignored signal stays ignored across exec, and Python then leaves it so.
    Only the main thread may change a signal's handler; a restart from the watcher thread does without."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def serve_rankings(db_path: str, quiet: float, max_wait: float, tick: float, job: Callable[..., int],
                   nudges: Connection) -> None:
    """In the ranking process: the worker loop until the server's end of the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as _sigint_ignored, for a child the watcher restarted
    try:
        os.nice(NICENESS)
    except OSError:
        pass  # not allowed here: run at the server's priority
    worker = RankingWorker(db_path, quiet, max_wait, tick, job)
    threading.Thread(target=_listen, args=(nudges, worker), name="sil-ranking-nudges", daemon=True).start()
    worker.run()


def _listen(nudges: Connection, worker: RankingWorker) -> None:
    """Forward the server's nudges; when the pipe ends, stop the loop, and the process soon after."""
    try:
        while True:
            worker.nudge(int(nudges.recv()))
    except (EOFError, OSError):
        pass
    worker.stopping.set()
    # A commit in progress is done within the grace; an unfinished write is rolled back by SQLite anyway.
    time.sleep(GRACE_SECONDS)
    os._exit(0)
