"""`run.py backup` while people screen gives a consistent copy, and Sil serves the copy when restored."""
import threading
import time

from screening_setup import make_project
from sil_process import Browser, kill, output_of, run_py, serve

from review.accounts import users
from review.store import db


def screen_until(stop, browser, project_id, record_ids, stored):
    for record_id in record_ids:
        if stop.is_set():
            return
        if browser.decide(project_id, record_id, "include"):
            stored.append(record_id)


def test_a_backup_taken_during_screening_is_consistent_and_serves_when_restored(conn, db_path, tmp_path):
    project_id, people, record_ids = make_project(conn, records=3000)
    sessions = {}
    for name in ("rita", "rolf"):
        token = users.create_session(conn, people[name])
        sessions[name] = (token, users.session_user(conn, token)["csrf_token"])
    process, port = serve(db_path)
    stop, stored = threading.Event(), {"rita": [], "rolf": []}
    threads = [threading.Thread(target=screen_until, args=(stop, Browser(port, *sessions[n]), project_id, record_ids, stored[n]))
               for n in sessions]
    try:
        for t in threads:
            t.start()
        while len(stored["rita"]) < 50:
            time.sleep(0.01)
        copy = tmp_path / "copy.sqlite3"
        backup = run_py("--db", str(db_path), "backup", str(copy))
        assert backup.wait(timeout=120) == 0, output_of(backup)
        while len(stored["rita"]) < 100:  # screening went on during and after the backup
            time.sleep(0.01)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
        kill(process)

    saved = db.connect(copy)
    assert saved.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert saved.execute("PRAGMA foreign_key_check").fetchall() == []
    events = saved.execute("SELECT id, record_id, user_id, decision FROM screening_events ORDER BY id").fetchall()
    live = {r[0]: tuple(r) for r in conn.execute("SELECT id, record_id, user_id, decision FROM screening_events")}
    assert 0 < len(events) < len(live), "the copy should hold the decisions made until the backup, not later ones"
    assert all(live[e[0]] == tuple(e) for e in events), "the copy holds an event the database does not"
    assert [e[0] for e in events] == sorted(live)[:len(events)], "the copy skips an event: not one moment in time"
    newest = {(e[1], e[2]): e[0] for e in events}
    current = {(r[0], r[1]): r[2] for r in saved.execute("SELECT record_id, user_id, event_id FROM screening_current")}
    assert current == newest, "the derived current decisions in the copy disagree with its events"
    saved.close()

    restored, port = serve(copy)
    try:
        status, body = Browser(port, *sessions["rita"]).call("GET", f"/projects/{project_id}/screen/1/history",
                                                            json_reply=False)
        assert status == 200 and "Breaks at work" in body.decode()
        assert Browser(port, *sessions["rita"]).decide(project_id, record_ids[-1], "exclude")
    finally:
        kill(restored)
