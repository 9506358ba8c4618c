"""Benchmark: the records list with facets (review/record_facets.browse + page_of) against the list without
them (review/records.list_records, what the page ran before), on a large project.

80 000 records by default, two reviewers who have screened 10 000 of them at stage 1 (some conflicts),
a few hundred full-text decisions, labels on decisions and project labels. Prints the median and p95
over repeated calls, for the lead and for a blinded reviewer, with and without a facet chosen, and the
ratio to the baseline.

    python bench/records_facets.py [--records 80000] [--decided 10000] [--repeat 15]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from review.accounts import users  # noqa: E402
from review.projects import project as projects
from review.screening import decisions as screening
from review.screening.bulk import add_label  # noqa: E402
from review.screening.facets import browse, page_of  # noqa: E402
from review.searches import records
from review.searches.importing import add_records, create_search  # noqa: E402
from review.store import db


def build(path: Path, n_records: int, decided: int) -> tuple[int, int, int]:
    conn = db.open_database(path)
    lead = users.create_user(conn, "lead", "bench-password-1234")[0]
    ann = users.create_user(conn, "ann", "bench-password-1234")[0]
    bob = users.create_user(conn, "bob", "bench-password-1234")[0]
    pid = projects.create_project(conn, lead, "Bench review")
    for name in ("ann", "bob"):
        projects.set_member(conn, pid, lead, name, "reviewer")
    search = create_search(conn, pid, lead, "bench.ris", "c" * 64, "ris")
    rng = random.Random(7)
    add_records(conn, pid, search, ({"title": f"Record {i} on breaks at work", "abstract": "Nurses rest.",
                                     "year": 1990 + i % 35} for i in range(n_records)))
    ids = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    started = time.perf_counter()
    with db.transaction(conn):
        for record_id in ids[:decided]:
            a = "include" if rng.random() < 0.2 else "exclude"
            b = a if rng.random() < 0.9 else ("exclude" if a == "include" else "include")
            screening.record_decision(conn, pid, ann, record_id, 1, a, labels=["check"] if rng.random() < 0.05 else [])
            screening.record_decision(conn, pid, bob, record_id, 1, b)
    add_label(conn, pid, lead, rng.sample(ids, 500), "Ask the expert")
    print(f"{n_records} records, {decided} screened by two reviewers ({time.perf_counter() - started:.0f} s to set up)")
    conn.close()
    return pid, lead, ann


def timed(call, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=80_000)
    parser.add_argument("--decided", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        pid, lead, ann = build(path, args.records, args.decided)
        conn = db.open_database(path)
        base = timed(lambda: (records.list_records(conn, pid, {}), records.count_records(conn, pid)), args.repeat)
        print(f"{'':44} {'p50 ms':>8} {'p95 ms':>8} {'p50 / baseline':>15}")
        print(f"{'baseline: list_records (no facets)':44} {base[0]:8.1f} {base[1]:8.1f} {'1.0':>15}")
        cases = (("lead, no facet", lead, {}), ("lead, final=conflict", lead, {"final": "conflict"}),
                 ("lead, label + my decision", lead, {"label": "Ask the expert", "mine": "none"}),
                 ("blinded reviewer, no facet", ann, {}), ("blinded reviewer, mine=include", ann, {"mine": "include"}))
        for name, viewer, filters in cases:
            p50, p95 = timed(lambda viewer=viewer, filters=filters: page_of(conn, pid, browse(conn, pid, viewer, filters)["ids"], 1),
                             args.repeat)
            print(f"{'facets: ' + name:44} {p50:8.1f} {p95:8.1f} {p50 / base[0]:15.1f}")
        conn.close()


if __name__ == "__main__":
    main()
