"""A server killed with SIGKILL during a web import takes its parsing processes with it."""
import os
import time
from pathlib import Path

from screening_setup import make_project
from sil_process import kill, serve
from test_faults_kill import big_ris, session_of, upload_in_background


def children_of(pid):
    """The pids whose parent is pid (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_parsing_processes_end_when_the_server_is_killed_mid_import(conn, db_path, tmp_path):
    project_id, people, _ = make_project(conn, records=1)
    token, csrf = session_of(conn, people["lea"])
    ris = big_ris(tmp_path / "big.ris", 12_000)
    process, port = serve(db_path)
    try:
        before = children_of(process.pid)  # the ranking process, the resource tracker
        upload_in_background(port, token, csrf, project_id, ris)
        deadline, parsers = time.monotonic() + 60, set()
        while time.monotonic() < deadline and not parsers:
            parsers = children_of(process.pid) - before
            time.sleep(0.05)
        assert parsers, "no parsing process started"
        time.sleep(0.5)  # they are parsing now
        assert all(alive(pid) for pid in parsers)
    finally:
        kill(process)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in parsers):
        time.sleep(0.1)
    left = [pid for pid in parsers if alive(pid)]
    for pid in left:  # do not leave them to the machine
        os.kill(pid, 9)
    assert not left, f"parsing processes {left} outlived the server"
