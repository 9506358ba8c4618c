"""`run.py import` and `run.py export --what records`: counts and warnings out, one-line errors, exit 1."""
from __future__ import annotations

import csv
import io

from tests.test_cli import run

FIXTURES = __import__("pathlib").Path(__file__).resolve().parent / "fixtures"


def new_project(db: str) -> str:
    return run("projects", "add", "Breaks at work", "--db", db).stdout.split()[-1]


def test_import_prints_counts_and_warnings_and_export_writes_the_records(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    project = new_project(db)
    result = run("import", project, str(FIXTURES / "small.ris"), str(FIXTURES / "small.nbib"), "--db", db,
                 "--database", "MEDLINE", "--platform", "Ovid", "--searched-on", "2026-03-02",
                 "--query", "break* AND nurs*", "--reported", "4")
    assert result.returncode == 0, result.stderr
    assert "small.ris: imported 2 records" in result.stdout and "small.nbib: imported 2 records" in result.stdout
    assert "warning: line 24: the last record (record 2) had no ER line" in result.stdout
    out = tmp_path / "records.csv"
    exported = run("export", project, "--what", "records", "--format", "csv", "--out", str(out), "--db", db)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4 and rows[0]["database"] == "MEDLINE" and rows[0]["pages"] == "123-129"
    log = tmp_path / "searches.csv"
    run("export", project, "--what", "searches", "--format", "csv", "--out", str(log), "--db", db)
    assert "break* AND nurs*" in log.read_text(encoding="utf-8")


def test_a_bad_file_is_one_error_line_naming_file_and_line(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    project = new_project(db)
    bad = tmp_path / "letter.txt"
    bad.write_text("Dear reviewer,\nhere are the results.\n", encoding="utf-8")
    result = run("import", project, str(bad), "--db", db)
    assert result.returncode == 1
    assert result.stderr.startswith("error: letter.txt:1: ") and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_importing_the_same_file_again_needs_force(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    project = new_project(db)
    path = str(FIXTURES / "small.ris")
    assert run("import", project, path, "--db", db).returncode == 0
    again = run("import", project, path, "--db", db)
    assert again.returncode == 1 and "imported already" in again.stderr
    assert run("import", project, path, "--db", db, "--force").returncode == 0


def test_bad_search_log_values_and_missing_files_are_errors(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    project = new_project(db)
    dated = run("import", project, str(FIXTURES / "small.ris"), "--db", db, "--searched-on", "yesterday")
    assert dated.returncode == 1 and "not a date" in dated.stderr
    missing = run("import", project, str(tmp_path / "nowhere.ris"), "--db", db)
    assert missing.returncode == 1 and "nowhere.ris: cannot read the file" in missing.stderr
