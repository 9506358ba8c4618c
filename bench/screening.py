"""Benchmark: server-side time of "record a decision and fetch the next record" against waitress.

A project of 80 000 records, 6 reviewers, dual screening, a stored project-wide ranking (as the
ranking code leaves it) and 10 000 decisions already made. Each operation is what the screening
page's JavaScript does: POST the decision (JSON) and GET the next record (next.json). Server-side
time is measured inside the WSGI call (middleware), summed over the two requests; the client's
round trip over loopback is shown too. Afterwards every decision that got a success response is
looked up in the database.

    python bench/screening.py [--records 80000] [--reviewers 6] [--ops 400] [--prefill 5000]
"""
from __future__ import annotations

import argparse
import collections
import http.client
import json
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from review import (
    accounts,
    projects,
    screening,
    store,
)
from review.searches import add_records, create_search

TARGETS = {"single": 30.0, "concurrent": 100.0}  # p95 in ms, from the screening issue
WORDS = ("nurse work break rest shift fatigue burnout stress health care hospital worker sleep recovery "
         "intervention trial cohort study outcome exposure schedule night employee sickness absence role "
         "conflict clarity workload demand control support leadership office home remote digital").split()


def build(path: Path, n_records: int, n_reviewers: int, prefill: int) -> tuple[int, list[int]]:
    conn = store.open_database(path)
    lead = accounts.create_user(conn, "lead", "bench-password-1234")[0]
    reviewers = [accounts.create_user(conn, f"rev{i}", "bench-password-1234")[0] for i in range(n_reviewers)]
    pid = projects.create_project(conn, lead, "Bench review", highlight_include="nurse, break, rest",
                                  highlight_exclude="student*, child*")
    for i in range(n_reviewers):
        projects.set_member(conn, pid, lead, f"rev{i}", "reviewer")
    rng = random.Random(1)
    search = create_search(conn, pid, lead, "bench.ris", "b" * 64, "ris")
    started = time.perf_counter()
    add_records(conn, pid, search, ({
        "title": " ".join(rng.choices(WORDS, k=12)).capitalize(),
        "abstract": " ".join(rng.choices(WORDS, k=220)).capitalize() + ".",
        "authors": [f"Author{i}, A", f"Writer{i % 97}, B"], "year": 1990 + i % 35, "journal": f"Journal {i % 300}",
        "keywords": rng.sample(WORDS, 5)} for i in range(n_records)))
    print(f"stored {n_records} records in {time.perf_counter() - started:.1f} s")
    ids = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ?", (pid,))]
    order = ids[:]
    rng.shuffle(order)
    with store.transaction(conn):
        conn.executemany("INSERT INTO queue_ranks (project_id, user_id, stage, record_id, rank) VALUES (?, 0, 1, ?, ?)",
                         [(pid, rid, float(rank)) for rank, rid in enumerate(order)])
    started = time.perf_counter()
    for k, rid in enumerate(order[:prefill]):
        a, b = reviewers[k % n_reviewers], reviewers[(k + 1) % n_reviewers]
        for who in (a, b):
            screening.record_decision(conn, pid, who, rid, 1, rng.choice(("include", "exclude", "exclude", "maybe")))
    print(f"prefilled {2 * prefill} decisions in {time.perf_counter() - started:.1f} s")
    conn.close()
    return pid, reviewers


class Timing:
    """WSGI middleware: server-side seconds per request, summed per X-Bench-Op."""

    def __init__(self, app):
        self.app, self.lock, self.ops = app, threading.Lock(), collections.defaultdict(float)

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        result = self.app(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        op = environ.get("HTTP_X_BENCH_OP")
        if op:
            with self.lock:
                self.ops[op] += time.perf_counter() - started
        return [body]


class Reviewer:
    def __init__(self, port: int, pid: int, token: str, csrf: str, name: str):
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.pid, self.name = pid, name
        self.headers = {"Cookie": f"sil_session={token}", "Accept": "application/json", "X-CSRF-Token": csrf}
        self.successes: list[tuple[int, str]] = []
        self.refused = self.errors = 0
        self.round_trips: list[float] = []
        self.current = self.next_record("warm")

    def request(self, method: str, path: str, op: str, body: str | None = None) -> tuple[int, dict]:
        headers = dict(self.headers, **{"X-Bench-Op": op})
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.http.request(method, path, body=body, headers=headers)
        response = self.http.getresponse()
        return response.status, json.loads(response.read() or b"{}")

    def next_record(self, op: str) -> int | None:
        status, data = self.request("GET", f"/projects/{self.pid}/screen/1/next.json", op)
        return data["record"]["id"] if status == 200 and data.get("record") else None

    def step(self, n: int) -> str:
        op = f"{self.name}-{n}"
        decision = ("include", "exclude", "exclude", "maybe")[n % 4]
        started = time.perf_counter()
        status, data = self.request("POST", f"/projects/{self.pid}/screen/1/decide", op,
                                    urlencode({"record_id": self.current, "decision": decision}))
        if status == 200 and data.get("ok"):
            self.successes.append((self.current, decision))
        elif status == 409:
            self.refused += 1  # another pair completed the record first; the page shows the next one
        else:
            self.errors += 1
        self.current = self.next_record(op)
        self.round_trips.append(time.perf_counter() - started)
        return op


def percentiles(values: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles([v * 1000 for v in values], n=100, method="inclusive")
    return q[49], q[94], q[98]


def run_phase(label: str, timing: Timing, reviewers: list[Reviewer], ops: int) -> list[str]:
    def work(r: Reviewer, out: list[str]) -> None:
        for n in range(ops):
            if r.current is None:
                return
            out.append(r.step(n))

    names: list[list[str]] = [[] for _ in reviewers]
    threads = [threading.Thread(target=work, args=(r, names[i])) for i, r in enumerate(reviewers)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    server = [timing.ops[op] for group in names for op in group]
    trips = [t for r in reviewers for t in r.round_trips[-len(names[0]):]]
    p50, p95, p99 = percentiles(server)
    c50, c95, c99 = percentiles(trips)
    target = TARGETS[label]
    print(f"\n{label}: {len(reviewers)} reviewer(s), {len(server)} operations in {wall:.1f} s "
          f"({len(server) / wall:.0f} ops/s)")
    print(f"  server-side decide+next  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  p99 {p99:6.1f} ms")
    print(f"  client round trip        p50 {c50:6.1f} ms  p95 {c95:6.1f} ms  p99 {c99:6.1f} ms")
    print(f"  baseline: issue target p95 < {target:.0f} ms; ratio measured/target = {p95 / target:.2f}")
    print(f"  errors {sum(r.errors for r in reviewers)}, refused as already complete {sum(r.refused for r in reviewers)}")
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=80_000)
    parser.add_argument("--reviewers", type=int, default=6)
    parser.add_argument("--ops", type=int, default=400, help="operations per reviewer and phase")
    parser.add_argument("--prefill", type=int, default=5_000, help="records already decided by two reviewers")
    args = parser.parse_args()

    from waitress.server import create_server

    from screens.app import make_app

    folder = Path(tempfile.mkdtemp(prefix="sil-bench-"))
    path = folder / "bench.sqlite3"
    pid, reviewer_ids = build(path, args.records, args.reviewers, args.prefill)
    conn = store.open_database(path)
    sessions = []
    for uid in reviewer_ids:
        token = accounts.create_session(conn, uid)
        sessions.append((token, accounts.session_user(conn, token)["csrf_token"]))
    timing = Timing(make_app({"db": path, "files": folder / "files"}))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = create_server(timing, host="127.0.0.1", port=port, threads=8)
    threading.Thread(target=server.run, daemon=True).start()

    first = Reviewer(port, pid, *sessions[0], name="single")
    run_phase("single", timing, [first], args.ops)
    team = [Reviewer(port, pid, *s, name=f"r{i}") for i, s in enumerate(sessions)]
    run_phase("concurrent", timing, team, args.ops)
    for reviewer in [first, *team]:
        reviewer.http.close()
    server.close()

    missing = 0
    for uid, reviewer in [(reviewer_ids[0], first)] + list(zip(reviewer_ids, team)):
        for record_id, decision in reviewer.successes:
            row = conn.execute("""SELECT 1 FROM screening_events WHERE project_id = ? AND user_id = ? AND record_id = ?
                                  AND stage = 1 AND kind = 'decision' AND decision = ?""", (pid, uid, record_id, decision)).fetchone()
            missing += row is None
    total = len(first.successes) + sum(len(r.successes) for r in team)
    print(f"\nverified: {total - missing} of {total} successful decisions are in the database"
          f"{'' if not missing else f' — {missing} MISSING'}")
    conn.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
