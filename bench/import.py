"""Import benchmark: a 100 000-record RIS file built from the corpus, Sil's whole import vs bare rispy.

Prints records/s and peak memory for each, and the ratio: the median of SIL_BENCH_REPEAT (3) back-to-back
runs, with the machine load, because the figures move with what else the machine runs.
Baseline: rispy 0.10 `rispy.load` (parse only).
Sil's figure covers decoding, parsing, normalising, storing and FTS indexing into a fresh database.
Each side runs in its own process so that peak memory (ru_maxrss) is its own; Sil's parsing processes are
counted apart (the largest one), and in its CPU seconds. It also prints how long the write lock is held when
20 000 records go into a project of 80 000 (bench/load.py's case). SIL_BENCH_COMPARE=/other/checkout also
runs that checkout's Sil (with this script copied into its bench/) in every run, under the same load.
"""
from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXPORTS = Path(os.environ.get("SIL_SHARED_DATA", ROOT.parent / "shared" / "data")) / "exports"
LEAKY_PREVIOUS = "TY  - JOUR\nY2  - 2023/04/17/\nER  - "
TARGET = int(os.environ.get("SIL_BENCH_RECORDS", "100000"))
REPEAT = int(os.environ.get("SIL_BENCH_REPEAT", "3"))
# The write-lock case of bench/load.py: an upload of LOCK_NEW records into a project that has LOCK_OLD already.
# SIL_BENCH_COMPARE=/path/to/another/checkout (holding this bench script) runs its Sil in each run as well.
COMPARE = Path(os.environ["SIL_BENCH_COMPARE"]) if os.environ.get("SIL_BENCH_COMPARE") else None
LOCK_OLD = int(os.environ.get("SIL_BENCH_LOCK_OLD", "80000"))
LOCK_NEW = int(os.environ.get("SIL_BENCH_LOCK_NEW", "20000"))


def build_file(path: Path, target: int | None = None, skip: int = 0) -> int:
    """Write target (TARGET) records to path, cycling through the RIS records of the corpus from record skip;
    return the byte size."""
    pool = corpus_pool()
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for index in range(skip, skip + (TARGET if target is None else target)):
            out.write(pool[index % len(pool)])
            out.write("\n\n")
    return path.stat().st_size


def corpus_pool() -> list[str]:
    """The raw text of every RIS record of the corpus that rispy reads too."""
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
    return pool


def _rispy_reads(raw: str) -> bool:
    """Only records that rispy parses go in: its tag state leaks across records (KeyError on APA's PMID line)."""
    import rispy

    try:
        return raw.rstrip().endswith("-") and len(rispy.loads(f"{LEAKY_PREVIOUS}\n{raw}")) == 2
    except Exception:  # rispy's failures are untyped; such a record simply stays out of the file
        return False


def run_rispy(path: Path) -> dict:
    import rispy

    start, cpu = time.perf_counter(), _cpu()
    entries = rispy.load(path, encoding="utf-8")
    return {"seconds": time.perf_counter() - start, "cpu": _cpu() - cpu, "records": len(entries)}


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (Sil's parsing processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_sil(path: Path) -> dict:
    from review import searches

    conn, user, project = _fresh_project(path.with_suffix(".sqlite3"))
    start, cpu, own = time.perf_counter(), _cpu(), time.process_time()
    result = searches.import_file(conn, project, user, path.name, path.read_bytes(), {"database_name": "bench"})
    figures = {"seconds": time.perf_counter() - start, "cpu": _cpu() - cpu, "cpu_main": time.process_time() - own,
               "records": result["record_count"]}
    # The WAL checkpoint after the commit runs in a thread of its own (review.db.checkpoint_in_background):
    # the import is committed and visible without it; how much later it ends is printed apart.
    for thread in threading.enumerate():
        if thread.name == "sil-checkpoint":
            thread.join()
    figures["checkpoint_after"] = time.perf_counter() - start - figures["seconds"]
    return figures


def run_lock(path: Path) -> dict:
    """Import LOCK_OLD records, then time the write transaction of importing LOCK_NEW more (other records)."""
    from review import searches, store
    from review.searches import importing

    old, new = path.with_name("old.ris"), path.with_name("new.ris")
    build_file(old, LOCK_OLD)
    build_file(new, LOCK_NEW, skip=LOCK_OLD)
    conn, user, project = _fresh_project(path.with_name("lock.sqlite3"))
    searches.import_file(conn, project, user, old.name, old.read_bytes(), {"database_name": "bench"})
    held: list[float] = []
    real = store.transaction

    @contextlib.contextmanager
    def timed(conn):  # the real helper, with a clock around the outermost write transaction
        outer = not conn.in_transaction
        start, cpu = time.perf_counter(), time.process_time()
        with real(conn) as joined:
            yield joined
        if outer:
            held.append((time.perf_counter() - start, time.process_time() - cpu))

    importing.transaction = timed  # the module that imports, where the helper is looked up
    start = time.perf_counter()
    result = searches.import_file(conn, project, user, new.name, new.read_bytes(), {"database_name": "bench"})
    wall, cpu = max(held)
    return {"seconds": time.perf_counter() - start, "records": result["record_count"], "lock_seconds": wall,
            "lock_cpu": cpu}


def _fresh_project(database: Path) -> tuple:
    from review import store
    from review.store import now, transaction

    for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)  # a fresh database for every run
    conn = store.open_database(database)
    with transaction(conn):
        user = conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES ('bench', 'x', ?)",
                            (now(),)).lastrowid
        project = conn.execute("INSERT INTO projects (title, created_at) VALUES ('bench', ?)", (now(),)).lastrowid
    return conn, user, project


def child(which: str, path: Path) -> None:
    figures = {"rispy": run_rispy, "sil": run_sil, "lock": run_lock}[which](path)
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Sil parses a large file in spawned processes: their peak counts too (the largest one).
    figures["child_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(figures))


def measure(which: str, path: Path, root: Path = ROOT) -> dict:
    # Each run starts with nothing left to write back to disk: an import writes about 2 GB (scratch tables,
    # WAL, database), and the kernel writing that back would otherwise slow whichever run comes next.
    os.sync()
    out = subprocess.run([sys.executable, str(root / "bench" / "import.py"), which, str(path)],
                         capture_output=True, text=True)
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
        print(f"machine load before: {_load()}  ({os.cpu_count()} CPUs; other sessions share them)")
        runs = []
        for attempt in range(1, REPEAT + 1):
            # Back to back, so that both sides of one ratio see about the same load.
            rispy_fig, sil_fig = measure("rispy", path), measure("sil", path)
            runs.append((rispy_fig, sil_fig))
            print(f"run {attempt}: rispy {rispy_fig['seconds']:.2f} s, Sil {sil_fig['seconds']:.2f} s, "
                  f"ratio {sil_fig['seconds'] / rispy_fig['seconds']:.2f}x; CPU rispy {rispy_fig['cpu']:.1f} s, "
                  f"Sil {sil_fig['cpu']:.1f} s of which {sil_fig['cpu_main']:.1f} s in the importing process; "
                  f"background checkpoint ended {sil_fig.get('checkpoint_after', 0):.1f} s after the import  "
                  f"(load {_load()})")
            if COMPARE:  # another checkout of Sil (e.g. main) on the same file under the same load
                other = measure("sil", path, COMPARE)
                print(f"       {COMPARE}: Sil {other['seconds']:.2f} s, ratio "
                      f"{other['seconds'] / rispy_fig['seconds']:.2f}x; CPU {other['cpu']:.1f} s of which "
                      f"{other['cpu_main']:.1f} s in the importing process")
    ratios = sorted(sil["seconds"] / rispy["seconds"] for rispy, sil in runs)
    rispy_fig = _median_figures([rispy for rispy, _ in runs])
    sil_fig = _median_figures([sil for _, sil in runs])
    print(f"median of {len(runs)} run(s):")
    for name, fig in (("rispy.load (baseline, parse only)", rispy_fig), ("Sil import (parse+store+index)", sil_fig)):
        print(f"{name:36} {fig['records']:>7} records  {fig['seconds']:6.2f} s  "
              f"{fig['records'] / fig['seconds']:9.0f} records/s  peak {fig['peak_mb']:6.0f} MB"
              + (f" (+ largest parsing process {fig['child_peak_mb']:.0f} MB)" if fig["child_peak_mb"] else ""))
    print(f"ratio Sil/rispy: time {ratios[len(ratios) // 2]:.2f}x (median of the runs' ratios), "
          f"peak memory {sil_fig['peak_mb'] / rispy_fig['peak_mb']:.2f}x, with the largest parsing process "
          f"{(sil_fig['peak_mb'] + sil_fig['child_peak_mb']) / rispy_fig['peak_mb']:.2f}x  (aim: time within 2x)")
    print(f"CPU: rispy {rispy_fig['cpu']:.1f} s, Sil {sil_fig['cpu']:.1f} s (all its processes), "
          f"ratio {sil_fig['cpu'] / rispy_fig['cpu']:.2f}x  (steadier than wall time on a shared machine)")
    if LOCK_OLD and LOCK_NEW:
        for root in (ROOT, COMPARE) if COMPARE else (ROOT,):
            with tempfile.TemporaryDirectory() as folder:
                lock = measure("lock", Path(folder) / "lock.ris", root)
            print(f"write lock held: {lock['lock_seconds'] * 1000:.0f} ms ({lock['lock_cpu']:.2f} s CPU) for "
                  f"{LOCK_NEW:,} records into a project of {LOCK_OLD:,} records (whole import {lock['seconds']:.1f} s; "
                  f"load {_load()})".replace(",", " ") + ("" if root == ROOT else f"  [{root}]"))


def _median_figures(figures: list[dict]) -> dict:
    """Each figure's median over the runs (records are the same in every run)."""
    return {key: sorted(f[key] for f in figures)[len(figures) // 2] for key in figures[0]}


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    if len(sys.argv) == 3:
        child(sys.argv[1], Path(sys.argv[2]))
    else:
        main()
