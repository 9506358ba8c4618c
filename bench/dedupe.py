"""Benchmark: Sil's duplicate detection against labelled sets, next to bib-dedupe run on the same records;
then the leave-one-set-out table (bench/dedupe_loso.py) with bib-dedupe's figures beside it.

Usage: python bench/dedupe.py [--no-bib-dedupe] [--synthetic N] [--only NAME] [--no-loso] [--quick-loso]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dedupe_convention import against_convention, by_convention, kinds_of  # noqa: E402
from dedupe_data import BenchSet, load_all  # noqa: E402
from dedupe_loso import run_loso  # noqa: E402
from dedupe_score import score_groups, score_membership, score_with_person  # noqa: E402

from review import store
from review.dedupe import (
    clear_caches,
    find_duplicates,
)
from review.searches import add_records, create_search


def new_project(conn, title: str) -> int:
    """A bare project row (the projects module belongs to another area; the bench needs only an id)."""
    with store.transaction(conn):
        return conn.execute("INSERT INTO projects (title, created_at) VALUES (?, ?)", (title, store.now())).lastrowid


def load_into(conn, records: list[dict], name: str) -> int:
    project_id = new_project(conn, name)
    search_id = create_search(conn, project_id, None, f"{name}.csv", name, "csv")
    add_records(conn, project_id, search_id, records)
    return project_id


def predicted_groups(conn, project_id: int) -> list[set[str]]:
    rows = conn.execute("""SELECT l.group_id, r.source_id FROM duplicate_links l JOIN records r ON r.id = l.record_id
                           WHERE r.project_id = ?""", (project_id,)).fetchall()
    groups: dict[int, set[str]] = {}
    for group_id, source_id in rows:
        groups.setdefault(group_id, set()).add(source_id)
    return list(groups.values())


def queued_pairs(conn, project_id: int) -> list[tuple[str, str]]:
    """The possible pairs waiting for a person, as label ids."""
    return [tuple(r) for r in conn.execute(
        """SELECT a.source_id, b.source_id FROM duplicate_pairs p JOIN records a ON a.id = p.record_a
           JOIN records b ON b.id = p.record_b WHERE p.project_id = ? AND p.decision IS NULL""", (project_id,))]


def run_sil(records: list[dict], name: str, trace_memory: bool = True) -> tuple[list[set[str]], float, float, dict]:
    """Load the records into a fresh database, then time find_duplicates alone; then, in a second fresh
    database, its peak Python memory in MiB (tracing slows Python down, so it is not timed)."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = store.open_database(Path(tmp) / "bench.sqlite3")
        project_id = load_into(conn, records, name)
        clear_caches()
        started, cpu = time.perf_counter(), time.process_time()
        counts = find_duplicates(conn, project_id, None)
        seconds = time.perf_counter() - started
        counts["cpu"] = time.process_time() - cpu  # all threads: what the run costs whatever else the machine does
        groups = predicted_groups(conn, project_id)
        counts["queued"] = queued_pairs(conn, project_id)
        conn.close()
        peak = 0.0
        if trace_memory:
            conn = store.open_database(Path(tmp) / "memory.sqlite3")
            project_id = load_into(conn, records, name)
            tracemalloc.start()
            find_duplicates(conn, project_id, None)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            conn.close()
    return groups, seconds, peak, counts


def cpu_seconds() -> float:
    """CPU time of this process (all threads) and of its finished child processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def run_bib_dedupe(records: list[dict]) -> tuple[list[set[str]], float, float]:
    """bib-dedupe's prep, block, match and cluster on the same records (automatic matches only);
    returns the groups, wall seconds and CPU seconds."""
    import pandas as pd
    from bib_dedupe.bib_dedupe import block, cluster, match, prep

    frame = pd.DataFrame([{
        "ID": r["source_id"], "ENTRYTYPE": "inproceedings" if r.get("pub_type") == "conference paper" else "article",
        "title": r["title"], "author": " and ".join(r["authors"]), "year": str(r["year"] or ""),
        "journal": r["journal"], "volume": r["volume"], "number": r["issue"],
        "pages": "-".join(p for p in (r["pages_start"], r["pages_end"]) if p), "doi": r["doi"],
        "abstract": r["abstract"]} for r in records])
    started, cpu = time.perf_counter(), cpu_seconds()
    matched = match(block(prep(frame, verbosity_level=0), verbosity_level=0), verbosity_level=0)
    groups = [set(g) for g in cluster(matched, verbosity_level=0)]
    return groups, time.perf_counter() - started, cpu_seconds() - cpu


def report(bench: BenchSet, groups: list[set[str]]) -> str:
    ids = [r["source_id"] for r in bench.records]
    if bench.flagged is not None:
        sens, spec = score_membership(ids, groups, bench.flagged)
        return f"membership sens {sens:.3f} spec {spec:.3f} (flagged {len(bench.flagged)})"
    s = score_groups(ids, groups, bench.groups)
    return (f"sens {s.sensitivity:.3f} ({s.tp} of {s.tp + s.fn} removed) spec {s.specificity:.4f} pairP {s.pair_precision:.3f} "
            f"pairR {s.pair_recall:.3f} false merges {s.fp}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-bib-dedupe", action="store_true")
    parser.add_argument("--synthetic", type=int, default=100_000, help="records in the synthetic project (0: skip)")
    parser.add_argument("--only", default="")
    parser.add_argument("--no-loso", action="store_true", help="skip the leave-one-set-out table")
    parser.add_argument("--quick-loso", action="store_true", help="a smaller grid for the leave-one-set-out table")
    args = parser.parse_args()
    if not args.no_bib_dedupe and importlib.util.find_spec("bib_dedupe") is None:
        print("bib-dedupe is not installed (pip install 'bib-dedupe>=0.11,<1', the bench extra): Sil alone")
        args.no_bib_dedupe = True
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    total_records = total_fp = 0
    sil_time = bib_time = sil_cpu = bib_cpu_total = 0.0
    sets = [b for b in load_all() if not args.only or args.only in b.name]
    bib_sens: dict[str, float] = {}
    rows = []
    for bench in sets:
        groups, seconds, peak, counts = run_sil(bench.records, bench.name)
        to_remove = sum(len(g) - 1 for g in bench.groups) if bench.flagged is None else "n/a"
        print(f"{bench.name}: {len(bench.records)} records, {to_remove} true duplicates to remove")
        print(f"  Sil        {report(bench, groups)}  time {seconds:.2f} s (cpu {counts['cpu']:.2f} s)  peak {peak:.1f} MiB  "
              f"(possible pairs queued {counts['possible']})")
        ids = [r["source_id"] for r in bench.records]
        row = {"name": bench.name, "records": len(ids), "sens": sens_of(bench, ids, groups), "fp": 0,
               "possible": counts["possible"], "seconds": seconds}
        if bench.flagged is None:
            person, right = score_with_person(ids, groups, counts["queued"], bench.groups)
            print(f"  Sil + a person confirming the queued pairs the labels group ({right} of "
                  f"{len(counts['queued'])}): sens {person.sensitivity:.3f}")
            kinds = kinds_of(bench.records)
            pairs, touched = against_convention(bench.groups, kinds)
            convention = score_groups(ids, groups, by_convention(bench.groups, kinds))
            print(f"  labels against Sil's convention (notice and article, letter and reply grouped): {pairs} pairs "
                  f"in {touched} groups; scored by the convention: sens {convention.sensitivity:.3f}, "
                  f"false merges {convention.fp}")
            total_records += len(bench.records)
            row["fp"] = score_groups(ids, groups, bench.groups).fp
            total_fp += row["fp"]
        rows.append(row)
        sil_time += seconds
        if not args.no_bib_dedupe:
            bib_groups, bib_seconds, bib_cpu = run_bib_dedupe(bench.records)
            bib_sens[bench.name] = sens_of(bench, ids, bib_groups)
            row["bib_sens"], row["bib_seconds"] = bib_sens[bench.name], bib_seconds
            bib_time += bib_seconds
            sil_cpu += counts["cpu"]
            bib_cpu_total += bib_cpu
            print(f"  bib-dedupe {report(bench, bib_groups)}  time {bib_seconds:.2f} s (cpu {bib_cpu:.2f} s)  "
                  f"(Sil is {bib_seconds / max(seconds, 1e-9):.1f}x faster in wall time, "
                  f"{bib_cpu / max(counts['cpu'], 1e-9):.1f}x in CPU time)")
    print(f"overall: {total_fp} false merges in {total_records} labelled records "
          f"({total_fp / max(total_records, 1) * 10000:.2f} per 10 000)")
    if bib_time:
        print(f"total time: Sil {sil_time:.2f} s, bib-dedupe {bib_time:.2f} s, ratio {bib_time / sil_time:.1f}x; "
              f"CPU: Sil {sil_cpu:.2f} s, bib-dedupe {bib_cpu_total:.2f} s, ratio {bib_cpu_total / max(sil_cpu, 1e-9):.1f}x")
    print_all_sets(rows)
    if not args.no_loso and len(sets) > 1:
        run_loso(sets, quick=args.quick_loso, baseline=bib_sens)
    if args.synthetic:
        from dedupe_synthetic import run_synthetic
        run_synthetic(args.synthetic, run_sil)


def sens_of(bench: BenchSet, ids: list[str], groups: list[set[str]]) -> float:
    if bench.flagged is not None:
        return score_membership(ids, groups, bench.flagged)[0]
    return score_groups(ids, groups, bench.groups).sensitivity


def print_all_sets(rows: list[dict]) -> None:
    """Every set with the settings as shipped, against the targets of issue 18."""
    print("\nAll sets, settings as shipped (automatic grouping):")
    print(f"{'set':36} {'records':>7} {'false merges':>12} {'sens':>6} {'bib-dedupe':>10} {'possible %':>10} "
          f"{'faster':>7}  targets")
    for r in rows:
        bib = r.get("bib_sens")
        ratio = r["bib_seconds"] / max(r["seconds"], 1e-9) if "bib_seconds" in r else None
        share = 100 * r["possible"] / max(r["records"], 1)
        met = r["fp"] == 0 and share <= 5 and (bib is None or r["sens"] >= bib - 0.005) and (ratio is None or ratio >= 5)
        print(f"{r['name']:36} {r['records']:7d} {r['fp']:12d} {r['sens']:6.3f} "
              f"{'' if bib is None else f'{bib:.3f}':>10} {share:9.1f}% {'' if ratio is None else f'{ratio:.0f}x':>7}  "
              f"{'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
