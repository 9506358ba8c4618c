"""Import benchmark: a 100 000-record RIS file built from the corpus, Sil's whole import vs bare rispy.

Prints records/s and peak memory for each, and the ratio. Baseline: rispy 0.10 `rispy.load` (parse only).
Sil's figure covers decoding, parsing, normalising, storing and FTS indexing into a fresh database.
Each side runs in its own process so that peak memory (ru_maxrss) is its own.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXPORTS = Path(os.environ.get("SIL_SHARED_DATA", ROOT.parent / "shared" / "data")) / "exports"
LEAKY_PREVIOUS = "TY  - JOUR\nY2  - 2023/04/17/\nER  - "
TARGET = int(os.environ.get("SIL_BENCH_RECORDS", "100000"))


def build_file(path: Path) -> int:
    """Write TARGET records to path, cycling through the RIS records of the corpus; return the byte size."""
    import imports

    pool = []
    for file in sorted(EXPORTS.glob("*/*")):
        if file.name == "README.md" or "cnki" in file.parts[-2]:
            continue  # CNKI's one-space dialect gives rispy 0 records; the comparison needs files both read
        try:
            parsed = imports.read_file(file.read_bytes(), file.name)
        except imports.ImportFailure:
            continue
        if parsed.format == "ris":
            pool.extend(r["raw"].rstrip("\n") for r in parsed.records if _rispy_reads(r["raw"]))
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for index in range(TARGET):
            out.write(pool[index % len(pool)])
            out.write("\n\n")
    return path.stat().st_size


def _rispy_reads(raw: str) -> bool:
    """Only records that rispy parses go in: its tag state leaks across records (KeyError on APA's PMID line)."""
    import rispy

    try:
        return raw.rstrip().endswith("-") and len(rispy.loads(f"{LEAKY_PREVIOUS}\n{raw}")) == 2
    except Exception:  # rispy's failures are untyped; such a record simply stays out of the file
        return False


def run_rispy(path: Path) -> dict:
    import rispy

    start = time.perf_counter()
    entries = rispy.load(path, encoding="utf-8")
    return {"seconds": time.perf_counter() - start, "records": len(entries)}


def run_sil(path: Path) -> dict:
    from review import db, searches
    from review.db import now, transaction

    conn = db.open_database(path.with_suffix(".sqlite3"))
    with transaction(conn):
        user = conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES ('bench', 'x', ?)",
                            (now(),)).lastrowid
        project = conn.execute("INSERT INTO projects (title, created_at) VALUES ('bench', ?)", (now(),)).lastrowid
    start = time.perf_counter()
    result = searches.import_file(conn, project, user, path.name, path.read_bytes(), {"database_name": "bench"})
    return {"seconds": time.perf_counter() - start, "records": result["record_count"]}


def child(which: str, path: Path) -> None:
    figures = {"rispy": run_rispy, "sil": run_sil}[which](path)
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def measure(which: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, which, str(path)], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{which} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    if not EXPORTS.is_dir():
        print(f"skipped: {EXPORTS} is absent")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.ris"
        size = build_file(path)
        print(f"file: {TARGET} records, {size / 1e6:.1f} MB of RIS built from the corpus (records rispy can read)")
        rispy_fig, sil_fig = measure("rispy", path), measure("sil", path)
    for name, fig in (("rispy.load (baseline, parse only)", rispy_fig), ("Sil import (parse+store+index)", sil_fig)):
        print(f"{name:36} {fig['records']:>7} records  {fig['seconds']:6.2f} s  "
              f"{fig['records'] / fig['seconds']:9.0f} records/s  peak {fig['peak_mb']:6.0f} MB")
    print(f"ratio Sil/rispy: time {sil_fig['seconds'] / rispy_fig['seconds']:.2f}x, "
          f"peak memory {sil_fig['peak_mb'] / rispy_fig['peak_mb']:.2f}x  (aim: time within 2x)")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        child(sys.argv[1], Path(sys.argv[2]))
    else:
        main()
