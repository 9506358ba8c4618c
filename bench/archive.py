"""Benchmark: the whole-project archive (write, then import as a new project) of a review built from the corpus.

The review: records imported from the real exports in ../shared/data/exports (one search per file, files reused
until --records is reached), two reviewers deciding every record at title/abstract with notes and labels, the
lead resolving the conflicts. Prints seconds and MB for Sil and for two named baselines in the same run:
  - SQLite's online backup API (`Connection.backup`, what `run.py backup` uses) copying the same database file,
  - `json.dumps` of the same rows (reading them with the archive's own query, no zip, no file),
and the ratios. Import is compared with restoring the backup copy (the backup API copying it back to a new file);
the time Sil took to import the same records from the corpus files is printed first, for scale.

    python bench/archive.py [--records 5000]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review import (
    accounts,
    archive,
    projects,
    screening,
    searches,
    store,
)
from review.store import SilError

EXPORTS = Path(os.environ.get("SIL_SHARED_DATA", ROOT.parent / "shared" / "data")) / "exports"


def build(path: Path, target: int) -> int:
    """A project of about target records with dual-screening decisions; returns its id."""
    conn = store.open_database(path)
    lead = accounts.create_user(conn, "lead", "bench-password-1234")[0]
    revs = [accounts.create_user(conn, f"rev{i}", "bench-password-1234")[0] for i in range(2)]
    pid = projects.create_project(conn, lead, "Archive bench")
    for i in range(2):
        projects.set_member(conn, pid, lead, f"rev{i}", "reviewer")
    files = [f for f in sorted(EXPORTS.glob("*/*")) if f.is_file() and f.name != "README.md"]
    if not files:
        sys.exit(f"no corpus at {EXPORTS} (set SIL_SHARED_DATA)")
    total, rounds, started = 0, 0, time.perf_counter()
    while total < target:
        for file in files:
            try:
                result = searches.import_file(conn, pid, lead, f"{rounds}-{file.name}", file.read_bytes(),
                                              {"database_name": file.parent.name}, force=True)
            except SilError:
                continue
            total += result["record_count"]
            if total >= target:
                break
        rounds += 1
    print(f"imported {total} records from the corpus files in {time.perf_counter() - started:.1f} s")
    ids = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    rng = random.Random(7)
    started = time.perf_counter()
    for record_id in ids:
        first = rng.choice(("include", "exclude", "exclude"))
        second = first if rng.random() < 0.85 else ("include" if first == "exclude" else "exclude")
        screening.record_decision(conn, pid, revs[0], record_id, 1, first, note="checked", labels=["bench"])
        screening.record_decision(conn, pid, revs[1], record_id, 1, second)
    print(f"built: {len(ids)} records, {2 * len(ids)} decisions "
          f"(decisions took {time.perf_counter() - started:.1f} s)")
    conn.close()
    return pid


def mb(path: Path) -> float:
    return path.stat().st_size / 1024**2


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        pid = build(tmp / "source.sqlite3", args.records)
        conn = store.connect(tmp / "source.sqlite3")
        zip_path, backup_path = tmp / "project.zip", tmp / "backup.sqlite3"
        with open(zip_path, "wb") as out:
            write_s = timed(lambda: archive.write_project_archive(conn, pid, out, tmp / "files"))
        backup_s = timed(lambda: store.backup(conn, backup_path))
        dumped: list[bytes] = []
        dumps_s = timed(lambda: dumped.extend(json.dumps(rows, ensure_ascii=False, default=str).encode("utf-8")
                                              for _, rows in archive._project_rows(conn, pid)))
        target = store.open_database(tmp / "target.sqlite3")
        import_s = timed(lambda: archive.import_project_archive(target, zip_path, None, tmp / "files2"))
        restore_s = timed(lambda: store.backup(store.connect(backup_path), tmp / "restored.sqlite3"))
        records = target.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        decisions = target.execute("SELECT COUNT(*) FROM screening_events").fetchone()[0]
        sizes = {"zip": mb(zip_path), "backup": mb(backup_path), "json": sum(map(len, dumped)) / 1024**2}
    print(f"imported back: {records} records, {decisions} decision events")
    print(f"{'':44}{'seconds':>9}{'MB':>8}")
    rows = [("write: Sil archive (zip of JSON Lines)", write_s, sizes["zip"]),
            ("write: baseline SQLite backup API", backup_s, sizes["backup"]),
            ("write: baseline json.dumps of the same rows", dumps_s, sizes["json"]),
            ("import: Sil archive as a new project", import_s, None),
            ("import: baseline backup API restoring the copy", restore_s, None)]
    for name, seconds, size in rows:
        print(f"{name:44}{seconds:9.2f}{'' if size is None else f'{size:8.1f}'}")
    print(f"ratio write / backup API: {write_s / backup_s:.1f}x time, {sizes['zip'] / sizes['backup']:.2f}x size")
    print(f"ratio write / json.dumps: {write_s / dumps_s:.1f}x time, {sizes['zip'] / sizes['json']:.2f}x size")
    print(f"ratio import / backup API restore: {import_s / restore_s:.1f}x time")


if __name__ == "__main__":
    main()
