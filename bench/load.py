"""Load benchmark: 20 reviewers screen at once against `run.py serve` while a lead imports and a communicator exports.

An 80 000-record project is built first. Sil runs as its own process (`run.py --db ... --port ...`,
waitress on 127.0.0.1), so the clients in this process do not share its interpreter. Phases:

1. baseline: one reviewer alone runs the screening loop (POST decide, GET next.json) for --baseline s;
2. load: --reviewers reviewers run the same loop for --seconds s, while one lead uploads a
   --import-records RIS file through the web form and one communicator downloads the records as CSV
   again and again.

Printed: requests/s, p50/p95/p99 latency per kind of request, errors, the ratio of the screening p95
under load to the baseline's, the longest wait for SQLite's write lock (a probe writing every 0.1 s),
the machine's load average; then how many retrains the ranking process stored, and every decision that
got a success response is counted in the database. Exit status 1 when a decision is missing or a
request failed.

    python bench/load.py [--records 80000] [--reviewers 20] [--seconds 60] [--import-records 20000 | 0] [--no-export] [--think 1.0]

--import-records 0 and --no-export leave the lead or the communicator out, to see what each costs.

--think is each reviewer's reading time per record: 1 s is a very fast person (people take 5-30 s);
--think 0 makes every reviewer a machine that decides as soon as the page is there (a saturation test).
"""
from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review import (
    accounts,
    projects,
    store,
)
from review.searches import add_records, create_search

TARGET_P95_MS = 150.0
SCREENING_KINDS = ("decide", "next", "screen page")
WORDS = ("nurse work break rest shift fatigue burnout stress health care hospital worker sleep recovery "
         "intervention trial cohort study outcome exposure schedule night employee sickness absence role "
         "conflict clarity workload demand control support leadership office home remote digital").split()


def synthetic_record(rng: random.Random, i: int) -> dict:
    return {"title": " ".join(rng.choices(WORDS, k=12)).capitalize(),
            "abstract": " ".join(rng.choices(WORDS, k=200)).capitalize() + ".",
            "authors": [f"Author{i}, A", f"Writer{i % 97}, B"], "year": 1990 + i % 35,
            "journal": f"Journal {i % 300}", "keywords": rng.sample(WORDS, 5), "doi": f"10.9999/bench.{i}"}


def ris_file(n: int) -> bytes:
    """A RIS export of n synthetic records, as a database would give it."""
    rng, lines = random.Random(2), []
    for i in range(n):
        r = synthetic_record(rng, 10_000_000 + i)
        lines += ["TY  - JOUR", f"TI  - {r['title']}", *(f"AU  - {a}" for a in r["authors"]),
                  f"PY  - {r['year']}", f"JO  - {r['journal']}", f"AB  - {r['abstract']}", f"DO  - {r['doi']}",
                  *(f"KW  - {k}" for k in r["keywords"]), "ER  - ", ""]
    return "\r\n".join(lines).encode("utf-8")


def build(path: Path, n_records: int, n_reviewers: int) -> dict:
    """The project, its people and a session (cookie token, CSRF token) for each."""
    conn = store.open_database(path)
    lead = accounts.create_user(conn, "lead", "bench-password-1234")[0]
    pid = projects.create_project(conn, lead, "Load review")
    people = {"lead": lead}
    for name, role in [*((f"rev{i}", "reviewer") for i in range(n_reviewers + 1)), ("comm", "communicator")]:
        people[name] = accounts.create_user(conn, name, "bench-password-1234")[0]
        projects.set_member(conn, pid, lead, name, role)
    rng = random.Random(1)
    started = time.perf_counter()
    search = create_search(conn, pid, lead, "bench.ris", "b" * 64, "ris")
    add_records(conn, pid, search, (synthetic_record(rng, i) for i in range(n_records)))
    print(f"built {n_records} records in {time.perf_counter() - started:.1f} s")
    sessions = {}
    for name, uid in people.items():
        token = accounts.create_session(conn, uid)
        sessions[name] = (token, accounts.session_user(conn, token)["csrf_token"])
    conn.close()
    return {"project": pid, "people": people, "sessions": sessions}


class Client:
    """One person's keep-alive connection; records (kind, seconds, ok) for every request."""

    def __init__(self, port: int, session: tuple[str, str], log: list):
        self.port, self.log, self.received = port, log, 0
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.headers = {"Cookie": f"sil_session={session[0]}", "X-CSRF-Token": session[1]}

    def request(self, kind: str, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None, ok: tuple = (200,), discard: bool = False) -> tuple[int, bytes]:
        """One request; discard: read the body in blocks and keep only its size (a big download)."""
        started = time.perf_counter()
        try:
            self.http.request(method, path, body=body, headers={**self.headers, **(headers or {})})
            response = self.http.getresponse()
            status, data = response.status, self._read(response, discard)
        except (OSError, http.client.HTTPException):
            self.http.close()
            self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            status, data = 599, b""
        self.log.append((kind, time.perf_counter() - started, status in ok, status))
        return status, data

    def _read(self, response: http.client.HTTPResponse, discard: bool) -> bytes:
        if not discard:
            return response.read()
        size = 0
        while block := response.read(1 << 20):
            size += len(block)
        self.received += size
        return b""


def screen_loop(client: Client, pid: int, until: float, successes: list, think: float = 0.0) -> None:
    """What the screening page's script does: decide, fetch the next record; now and then the page itself.

    think: seconds a reviewer reads before deciding (jittered); 0 sends the next request at once."""
    pace = random.Random(id(client))
    json_headers = {"Accept": "application/json"}
    n = 0
    status, data = client.request("next", "GET", f"/projects/{pid}/screen/1/next.json", headers=json_headers)
    current = (json.loads(data or b"{}").get("record") or {}).get("id") if status == 200 else None
    while current is not None and time.perf_counter() < until:
        if think:
            time.sleep(pace.uniform(0.5 * think, 1.5 * think))
        decision = ("include", "exclude", "exclude", "maybe")[n % 4]
        status, data = client.request(
            "decide", "POST", f"/projects/{pid}/screen/1/decide", urlencode({"record_id": current, "decision": decision}).encode(),
            {**json_headers, "Content-Type": "application/x-www-form-urlencoded"}, ok=(200, 409))
        if status == 200 and json.loads(data).get("ok"):
            successes.append((current, decision))
        if n % 25 == 24:
            client.request("screen page", "GET", f"/projects/{pid}/screen/1")
        status, data = client.request("next", "GET", f"/projects/{pid}/screen/1/next.json", headers=json_headers)
        current = (json.loads(data or b"{}").get("record") or {}).get("id") if status == 200 else None
        n += 1


def import_once(client: Client, pid: int, data: bytes) -> None:
    boundary = "sil-bench-boundary-7d1f"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"database_name\"\r\n\r\nMEDLINE\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.ris\"\r\n"
            "Content-Type: application/x-research-info-systems\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    client.request("import", "POST", f"/projects/{pid}/searches", body,
                   {"Content-Type": f"multipart/form-data; boundary={boundary}"}, ok=(303,))


def export_loop(client: Client, pid: int, until: float) -> None:
    while time.perf_counter() < until:
        client.request("export csv", "GET", f"/projects/{pid}/records/export.csv", discard=True)


def start_server(path: Path) -> tuple[subprocess.Popen, int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Output goes to a file: a pipe nobody reads fills up and then blocks the server's logging (and the server).
    log = open(path.with_name("server.log"), "w")
    server = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "--db", str(path), "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, text=True)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def report(label: str, log: list, wall: float) -> dict[str, float]:
    """Print one line per kind of request; return each kind's p95 in ms."""
    by_kind = collections.defaultdict(list)
    for kind, seconds, _ok, _status in log:
        by_kind[kind].append(seconds * 1000)
    errors = [(kind, status) for kind, _s, ok, status in log if not ok]
    print(f"\n{label}: {len(log)} requests in {wall:.1f} s = {len(log) / wall:.0f} requests/s; errors {len(errors)}"
          + (f" {collections.Counter(errors).most_common(5)}" if errors else ""))
    p95s = {}
    for kind, values in sorted(by_kind.items()):
        q = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else [values[0]] * 99
        p95s[kind] = q[94]
        print(f"  {kind:12} n={len(values):6}  p50 {q[49]:7.1f} ms  p95 {q[94]:7.1f} ms  p99 {q[98]:7.1f} ms")
    screening = sorted(v for kind in SCREENING_KINDS for v in by_kind.get(kind, []))
    if len(screening) > 1:
        p95s["screening"] = statistics.quantiles(screening, n=100, method="inclusive")[94]
        print(f"  all screening requests p95 {p95s['screening']:.1f} ms (aim: under {TARGET_P95_MS:.0f} ms)")
    return p95s


class LockProbe:
    """Times how long a tiny write waits for SQLite's write lock, every `every` s, on its own connection.

    The longest waits show who holds the lock and how long (the import's copy into records, a retrain's
    ranks); a decision request waits as long."""

    def __init__(self, path: Path, until: float, every: float = 0.1):
        self.path, self.until, self.every, self.waits = path, until, every, []

    def run(self) -> None:
        conn = store.connect(self.path)
        try:
            while time.perf_counter() < self.until:
                started = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                self.waits.append(time.perf_counter() - started)
                conn.execute("ROLLBACK")
                time.sleep(self.every)
        finally:
            conn.close()

    def report(self) -> None:
        waits = sorted(w * 1000 for w in self.waits)
        if waits:
            print(f"  write-lock probe: {len(waits)} probes, longest wait {waits[-1]:.0f} ms, "
                  f"{sum(w > 100 for w in waits)} waited over 100 ms, {sum(w > 1000 for w in waits)} over 1 s")


def ranking_runs(path: Path, pid: int, since: str) -> None:
    """What the ranking process wrote meanwhile: the lead's dashboard shows the latest of these runs."""
    conn = store.connect(path)
    count, newest = conn.execute("SELECT COUNT(*), MAX(id) FROM model_runs WHERE project_id = ? AND trained_at >= ?",
                                 (pid, since)).fetchone()
    latest = conn.execute("SELECT decisions, ranked, milliseconds FROM model_runs WHERE id = ?", (newest,)).fetchone()
    conn.close()
    print(f"ranking process: {count} queue retrains stored during the run" + (
        f"; the latest learnt from {latest[0]} decisions, ranked {latest[1]} records in {latest[2]:.0f} ms"
        if latest else ""))


def run_threads(targets: list[tuple]) -> float:
    threads = [threading.Thread(target=f, args=a) for f, a in targets]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def count_missing(path: Path, world: dict, successes: dict[str, list]) -> tuple[int, int, int]:
    """(successful decide responses, decisions stored by those reviewers, successes without their row)."""
    conn = store.connect(path)
    pid, stored, missing = world["project"], 0, 0
    for name, done in successes.items():
        uid = world["people"][name]
        stored += conn.execute("SELECT COUNT(*) FROM screening_events WHERE project_id = ? AND user_id = ? AND "
                               "kind = 'decision'", (pid, uid)).fetchone()[0]
        for record_id, decision in done:
            missing += conn.execute("SELECT 1 FROM screening_events WHERE project_id = ? AND user_id = ? AND record_id = ?"
                                    " AND kind = 'decision' AND decision = ?", (pid, uid, record_id, decision)).fetchone() is None
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    print(f"integrity_check: {integrity}")
    conn.close()
    return sum(len(d) for d in successes.values()), stored, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=80_000)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds of the single-reviewer baseline")
    parser.add_argument("--import-records", type=int, default=20_000, help="records in the lead's upload (0: no import)")
    parser.add_argument("--no-export", action="store_true", help="no communicator exporting meanwhile")
    parser.add_argument("--think", type=float, default=1.0,
                        help="seconds each reviewer reads a record before deciding (0: as fast as the server answers)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="sil-load-"))
    path = folder / "load.sqlite3"
    server = None
    try:
        world = build(path, args.records, args.reviewers)
        upload = ris_file(args.import_records)
        if args.import_records:
            print(f"import file: {args.import_records} records, {len(upload) / 1e6:.1f} MB")
        started_at = store.now()
        server, port = start_server(path)
        pid, sessions = world["project"], world["sessions"]
        successes: dict[str, list] = collections.defaultdict(list)

        base_log: list = []
        alone = Client(port, sessions[f"rev{args.reviewers}"], base_log)
        wall = run_threads([(screen_loop, (alone, pid, time.perf_counter() + args.baseline, successes[f"rev{args.reviewers}"]))])
        base = report("baseline: the same screening loop, one reviewer alone", base_log, wall)

        load_log: list = []
        until = time.perf_counter() + args.seconds
        team = [(screen_loop, (Client(port, sessions[f"rev{i}"], load_log), pid, until, successes[f"rev{i}"], args.think))
                for i in range(args.reviewers)]
        bulk = []
        if args.import_records:
            bulk.append((import_once, (Client(port, sessions["lead"], load_log), pid, upload)))
        exporter = Client(port, sessions["comm"], load_log)
        if not args.no_export:
            bulk.append((export_loop, (exporter, pid, until)))
        probe = LockProbe(path, until)
        wall = run_threads([*team, *bulk, (probe.run, ())])
        loaded = report(f"load: {args.reviewers} reviewers (reading {args.think:g} s per record)"
                        f"{' + 1 lead importing' if args.import_records else ''}"
                        f"{'' if args.no_export else ' + 1 communicator exporting'}", load_log, wall)
        probe.report()
        if exporter.received:
            print(f"  export csv: {exporter.received / 1e6:.0f} MB received in all")
        print("  machine load (1/5/15 min) at the end: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
              + f" on {os.cpu_count()} cores (other work on the machine skews every figure)")
        for kind in ("decide", "next", "screening"):
            if kind in base and kind in loaded:
                print(f"  ratio p95 {kind} under load / baseline: {loaded[kind] / base[kind]:.2f}"
                      f" ({loaded[kind]:.1f} / {base[kind]:.1f} ms)")
        server.terminate()
        server.wait(timeout=30)
        logged = path.with_name("server.log").read_text().splitlines()
        queued = [line for line in logged if "Task queue depth" in line]
        print(f"server log: {len(logged)} lines; {len(queued)} waitress warnings that requests queued for a free thread")
        for line in [line for line in logged if "Task queue depth" not in line][:15]:
            print(f"  | {line}")
        ranking_runs(path, pid, started_at)
        total, stored, missing = count_missing(path, world, successes)
        print(f"decisions: {total} successful responses, {stored} in the database, {missing} missing")
        errors = sum(1 for entry in base_log + load_log if not entry[2])
        return 1 if missing or stored != total or errors else 0
    finally:
        if server and server.poll() is None:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
