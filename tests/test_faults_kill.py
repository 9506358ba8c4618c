"""Sil killed with SIGKILL in the middle of an import or of screening: after a restart nothing is half there or lost."""
import http.client
import threading
import time

import pytest
from screening_setup import make_project
from sil_process import Browser, kill, output_of, run_py, serve

from review.accounts import users
from review.store import db

IMPORT_RECORDS = 20_000


def big_ris(path, n=IMPORT_RECORDS):
    lines = []
    for i in range(n):
        lines += ["TY  - JOUR", f"TI  - Rest breaks and fatigue in shift work, study {i}", "AU  - Hansen, Kari",
                  f"PY  - {1990 + i % 30}", "JO  - Work and Stress", "AB  - " + "Nurses took breaks at work. " * 30,
                  "ER  - ", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def session_of(conn, user_id):
    token = users.create_session(conn, user_id)
    return token, users.session_user(conn, token)["csrf_token"]


def wait_for_writes(db_path, process, min_bytes=300_000, timeout=60):
    """Wait until the import has written into the WAL (it is in the middle of its transaction)."""
    wal = db_path.with_name(db_path.name + "-wal")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > min_bytes:
            return
        assert process.poll() is None, "the import ended before it could be interrupted"
        time.sleep(0.02)
    raise AssertionError("the import wrote nothing within the timeout")


def assert_intact(db_path):
    """Restart Sil on the database: it serves, and SQLite finds the file sound."""
    process, port = serve(db_path)
    try:
        conn = db.connect(db_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        status, _ = Browser(port, "none", "none").call("GET", "/login", json_reply=False)
        assert status == 200
        return conn
    finally:
        kill(process)


def upload_in_background(port, token, csrf, project_id, path):
    boundary = "sil-test-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.ris\"\r\n\r\n").encode() \
        + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()

    def send():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            connection.request("POST", f"/projects/{project_id}/searches", body=body,
                               headers={"Cookie": f"sil_session={token}", "X-CSRF-Token": csrf,
                                        "Content-Type": f"multipart/form-data; boundary={boundary}"})
            connection.getresponse().read()
        except (OSError, http.client.HTTPException):
            pass  # the server was killed under us: that is the point

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("way", ["cli", "web"])
def test_an_import_killed_midway_is_absent_and_a_new_import_completes(conn, db_path, tmp_path, way):
    project_id, people, _ = make_project(conn, records=3)
    before = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    ris = big_ris(tmp_path / "big.ris")
    if way == "cli":
        process = run_py("--db", str(db_path), "import", str(project_id), str(ris), scratch=tmp_path / "scratch")
    else:
        process, port = serve(db_path)
        upload_in_background(port, *session_of(conn, people["lea"]), project_id, ris)
    conn.close()
    wait_for_writes(db_path, process)
    kill(process)

    conn = assert_intact(db_path)
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == before
    assert conn.execute("SELECT COUNT(*) FROM searches WHERE file_name = 'big.ris'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM records_fts").fetchone()[0] == before
    conn.close()
    done = run_py("--db", str(db_path), "import", str(project_id), str(ris))
    assert done.wait(timeout=300) == 0, output_of(done)
    conn = db.connect(db_path)
    assert conn.execute("SELECT record_count FROM searches WHERE file_name = 'big.ris'").fetchone()[0] == IMPORT_RECORDS
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == before + IMPORT_RECORDS
    conn.close()


def test_every_decision_answered_as_stored_survives_a_kill_during_screening(conn, db_path):
    members = {"lea": "lead", **{f"rev{i}": "reviewer" for i in range(4)}}
    project_id, people, record_ids = make_project(conn, records=2000, per_record=2, members=members)
    sessions = {name: session_of(conn, people[name]) for name in members if name != "lea"}
    conn.close()
    process, port = serve(db_path)
    stored: dict[str, list[int]] = {name: [] for name in sessions}

    def screen(name, records):
        browser = Browser(port, *sessions[name])
        for record_id in records:
            try:
                if browser.decide(project_id, record_id, "exclude"):
                    stored[name].append(record_id)
            except (OSError, http.client.HTTPException):  # killed mid-answer: that decision was not answered
                return

    # Pairs of reviewers share records so that both the first and the second decision are being written.
    plan = {"rev0": record_ids[0::2], "rev1": record_ids[0::2], "rev2": record_ids[1::2], "rev3": record_ids[1::2]}
    threads = [threading.Thread(target=screen, args=item, daemon=True) for item in plan.items()]
    for thread in threads:
        thread.start()
    while sum(map(len, stored.values())) < 100:
        time.sleep(0.01)
    kill(process)
    for thread in threads:
        thread.join(timeout=60)

    conn = assert_intact(db_path)
    for name, records in stored.items():
        kept = {r[0] for r in conn.execute(
            "SELECT record_id FROM screening_events WHERE user_id = ? AND kind = 'decision'", (people[name],))}
        assert set(records) <= kept, f"{name}: decisions answered as stored are missing after the crash"
    assert sum(map(len, stored.values())) >= 100
    conn.close()
