"""The command line: subcommands honour --db and SIL_DB; errors are one line, exit 1."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env=None, cwd=None):
    import os

    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=120)


def test_projects_add_prints_the_id_last_and_list_shows_it(tmp_path):
    result = run("projects", "add", "Working from home", env={"SIL_DB": str(tmp_path / "a.sqlite3")})
    assert result.returncode == 0, result.stderr
    project_id = result.stdout.split()[-1]
    listed = run("projects", "list", "--db", str(tmp_path / "a.sqlite3"))
    assert f"{project_id}\tsystematic\tWorking from home" in listed.stdout


def test_users_add_and_passwd(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    added = run("users", "add", "anne", "--admin", "--db", db)
    assert "One-time password" in added.stdout
    again = run("users", "add", "anne", "--db", db)
    assert again.returncode == 1 and again.stderr.startswith("error: ") and "Traceback" not in again.stderr
    assert "New one-time password for anne" in run("users", "passwd", "anne", "--db", db).stdout
    missing = run("users", "passwd", "nobody", "--db", db)
    assert missing.returncode == 1 and "no user called nobody" in missing.stderr


def test_backup_makes_a_copy(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    run("projects", "add", "Kept", "--db", db)
    result = run("backup", str(tmp_path / "copy.sqlite3"), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "Kept" in run("projects", "list", "--db", str(tmp_path / "copy.sqlite3")).stdout


def test_export_of_an_unknown_kind_names_what_is_on_offer(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    run("projects", "add", "P", "--db", db)
    result = run("export", "1", "--what", "nonsense", "--db", db)
    assert result.returncode == 1 and result.stderr.startswith("error: --what nonsense: choose one of")
    missing = run("export", "99", "--what", "records", "--db", db)
    assert missing.returncode == 1 and "No project with the id or title '99'" in missing.stderr


def start_server(db, port):
    import os

    return subprocess.Popen([sys.executable, str(ROOT / "run.py"), "--db", db, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=os.environ.copy())


def read_until_serving(process):
    lines = []
    for line in process.stdout:
        lines.append(line)
        if "serves" in line:
            break
    return "".join(lines)


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_first_start_creates_the_admin_once_and_serves(tmp_path):
    import urllib.request

    from review.accounts import users
    from review.store import db as storage

    db, port = str(tmp_path / "fresh.sqlite3"), free_port()
    server = start_server(db, port)
    try:
        output = read_until_serving(server)
        password = output.split("one-time password: ")[1].split()[0]
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10).read().decode()
        assert "Log in" in page
    finally:
        server.terminate()
        server.wait(10)
    assert users.authenticate(storage.open_database(db), "admin", password, "test")["is_admin"] == 1
    again = start_server(db, free_port())
    try:
        assert "one-time password" not in read_until_serving(again)
    finally:
        again.terminate()
        again.wait(10)


def test_a_busy_port_is_a_clear_error(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run("--db", str(tmp_path / "a.sqlite3"), "--port", str(taken.getsockname()[1]))
    assert result.returncode == 1 and "choose another --port" in result.stderr and "Traceback" not in result.stderr


def test_projects_add_in_bokmal_starts_with_bokmal_exclusion_reasons(tmp_path):
    from review.projects.reasons import STARTING_REASONS, list_reasons
    from review.store.db import connect

    db = str(tmp_path / "a.sqlite3")
    english = run("projects", "add", "Working from home", "--db", db).stdout.split()[-1]
    bokmal = run("projects", "add", "Hjemmekontor", "--language", "nb", "--db", db).stdout.split()[-1]
    conn = connect(db)
    assert [r["label"] for r in list_reasons(conn, int(english))] == list(STARTING_REASONS["en"])
    assert [r["label"] for r in list_reasons(conn, int(bokmal))] == list(STARTING_REASONS["nb"])
    conn.close()
    assert run("projects", "add", "P", "--language", "de", "--db", db).returncode == 2  # argparse names the choices
