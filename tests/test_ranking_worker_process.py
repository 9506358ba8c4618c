"""The server's ranking process: retrains from decisions it notices, comes back when killed, ends with the server."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from review.ranking import store as ranking_store
from review.ranking.process import RankingProcess
from review.screening import decisions as screening
from tests import sil_process
from tests.test_ranking_queue import ranks, topical_project

FAST = {"quiet": 0.05, "max_wait": 0.2, "tick": 0.02, "restart_delay": 0.05}


def wait_until(condition, timeout=90.0):
    """Poll; a spawned process first imports numpy and scikit-learn, which takes seconds on a busy machine."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def alive(pid):
    """Whether the process exists and has not ended (a zombie nobody reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_ranks_and_the_model_run_are_written_by_another_process(conn, db_path):
    project, users, ids = topical_project(conn)
    rita = users["rita"]
    worker = RankingProcess(str(db_path), **FAST).start()
    pid = worker.pid
    try:
        assert pid not in (None, os.getpid())
        screening.record_decision(conn, project, rita, ids["nurse"][0], 1, "include")
        screening.record_decision(conn, project, rita, ids["rock"][0], 1, "exclude")
        assert wait_until(lambda: set(ranks(conn, project, rita)[:9]) == set(ids["nurse"][1:]))
        # the lead's dashboard reads the run the process logged
        assert wait_until(lambda: (ranking_store.last_run(conn, project) or {}).get("decisions") == 2)
    finally:
        worker.stop()
    assert not alive(pid)


def test_a_nudge_reaches_the_process(conn, db_path):
    project, users, ids = topical_project(conn)
    lea = users["lea"]
    screening.record_decision(conn, project, lea, ids["nurse"][0], 1, "include")
    screening.record_decision(conn, project, lea, ids["rock"][0], 1, "exclude")
    worker = RankingProcess(str(db_path), **FAST).start()
    try:
        assert wait_until(lambda: ranks(conn, project, lea))
        ranking_store.set_random_order(conn, project, lea, True)
        assert ranks(conn, project, lea) == []
        ranking_store.set_random_order(conn, project, lea, False)  # no decision: only the nudge says so
        worker.nudge(project)
        assert wait_until(lambda: ranks(conn, project, lea))
    finally:
        worker.stop()


def test_a_killed_ranking_process_is_started_again_and_goes_on_ranking(conn, db_path):
    project, users, ids = topical_project(conn)
    rita = users["rita"]
    worker = RankingProcess(str(db_path), **FAST).start()
    try:
        first = worker.pid
        os.kill(first, signal.SIGKILL)
        assert wait_until(lambda: worker.pid not in (None, first) and alive(worker.pid))
        assert worker.restarts == 1
        screening.record_decision(conn, project, rita, ids["nurse"][0], 1, "include")
        screening.record_decision(conn, project, rita, ids["rock"][0], 1, "exclude")
        assert wait_until(lambda: set(ranks(conn, project, rita)[:9]) == set(ids["nurse"][1:]))
    finally:
        worker.stop()


def test_stop_ends_the_process_and_later_nudges_are_harmless(conn, db_path):
    project, _, _ = topical_project(conn)
    worker = RankingProcess(str(db_path), **FAST).start()
    pid = worker.pid
    assert wait_until(lambda: alive(pid))
    worker.stop()
    assert not alive(pid)
    worker.nudge(project)  # a request finishing during shutdown must not fail
    assert worker.restarts == 0


def ranking_children(pid):
    """The spawned ranking process(es) among a server's children (not multiprocessing's resource tracker)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
            if b"spawn_main" in command:
                found.append(int(child))
    return found


def test_the_ranking_process_ends_when_the_server_is_killed(conn, db_path):
    server, _port = sil_process.serve(db_path)
    try:
        children = []
        assert wait_until(lambda: children.extend(ranking_children(server.pid)) or children, timeout=30)
    finally:
        sil_process.kill(server)  # SIGKILL: no clean-up in the server runs
    assert wait_until(lambda: not any(alive(child) for child in children), timeout=30)


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def test_ctrl_c_in_the_terminal_stops_the_server_and_the_ranking_process_without_a_traceback(db_path):
    output, port = tempfile.TemporaryFile("w+"), sil_process.free_port()
    server = subprocess.Popen([sys.executable, str(sil_process.ROOT / "run.py"), "--db", str(db_path), "--port",
                               str(port)], cwd=sil_process.ROOT, stdout=output,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        assert wait_until(lambda: listening(port), timeout=60)  # the server is up, its ranking process started
        children = ranking_children(server.pid)
        assert children
        os.killpg(server.pid, signal.SIGINT)  # what Ctrl+C does: the whole foreground group gets it
        assert server.wait(timeout=30) in (0, 130)
    finally:
        sil_process.kill(server)
    assert wait_until(lambda: not any(alive(child) for child in children), timeout=30)
    output.seek(0)
    assert "Traceback" not in output.read()
