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
