"""The dedupe and duplicates-export commands on the demo review."""
import csv
import subprocess
import sys
from pathlib import Path

from review.demo import builder as demo
from review.store import db

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True, timeout=120)


def test_dedupe_prints_counts_and_the_export_has_one_row_per_record(tmp_path):
    path = tmp_path / "demo.sqlite3"
    conn = db.open_database(path)
    demo.ensure_demo(conn)
    records = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    conn.close()
    result = run("dedupe", "1", "--db", str(path))
    assert result.returncode == 0, result.stderr
    # the demo has been deduplicated when it was made: a second run finds nothing new and keeps the groups
    assert "groups found: 0" in result.stdout and "duplicates removed in total: 10" in result.stdout
    out = tmp_path / "dups.csv"
    result = run("export", "1", "--what", "duplicates", "--format", "csv", "--out", str(out), "--db", str(path))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["record_id", "search_id", "source_id", "group_id", "status"]
    assert len(rows) == records and sum(r["status"] == "certain" for r in rows) == 20
    again = run("dedupe", "99", "--db", str(path))
    assert again.returncode == 1 and again.stderr.startswith("error: ")
