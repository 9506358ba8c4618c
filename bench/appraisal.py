"""Benchmark: extraction, risk of bias and GRADE at the size of a large review (200 studies, 2 reviewers).

Builds 200 studies with dual extraction of the default form (3 outcome rows each), agreed values,
ROBINS-E consensus assessments and 10 graded outcomes, then times what people wait for: the
comparison view of one study, the extraction XLSX, the Summary of Findings (DOCX) and the
traffic-light plot (SVG and PNG). Baseline: one second, the wait a page or download may cost.

    python bench/appraisal.py [--studies 200]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from review import accounts, appraisal, projects, store
from review.appraisal import export_extraction, export_rob_plot, export_sof
from review.searches import add_records, create_search

BASELINE_S = 1.0


def build(path: Path, n_studies: int) -> tuple:
    conn = store.open_database(path)
    lead, _ = accounts.create_user(conn, "lead", "correct-horse-battery")
    project_id = projects.create_project(conn, lead, "Bench")
    reviewers = []
    for name in ("ann", "bob"):
        user_id, _ = accounts.create_user(conn, name, "correct-horse-battery")
        projects.set_member(conn, project_id, lead, name, "reviewer")
        reviewers.append(user_id)
    search = create_search(conn, project_id, lead, "b.ris", "0" * 64, "ris")
    add_records(conn, project_id, search, [{"title": f"Report {i}", "year": 2000 + i % 25} for i in range(n_studies)])
    record_ids = [r[0] for r in conn.execute("SELECT id FROM records ORDER BY id")]
    study_ids = []
    for i, record_id in enumerate(record_ids):
        study_id = appraisal.create_study(conn, project_id, lead, f"Study {i:03d}", [record_id])
        values = {"country": "Norway", "sample_size": 100 + i, "design": "Prospective cohort",
                  **{f"outcomes.{n}.{k}": v for n in (1, 2, 3) for k, v in (("name", f"Outcome {n}"), ("value", 1.1))}}
        for reviewer in reviewers:
            appraisal.save_values(conn, study_id, reviewer, dict(values, sample_size=100 + i + reviewer % 2))
            appraisal.submit(conn, study_id, reviewer)
        appraisal.agree_identical_values(conn, study_id, lead)
        consensus = appraisal.open_assessment(conn, study_id, lead, "robins_e", "Outcome 1", consensus=True)
        appraisal.record_judgements(conn, consensus, lead, {f"d{d}.judgement": ("low", "some_concerns", "high")[(i + d) % 3]
                                                   for d in range(1, 8)})
        study_ids.append(study_id)
    for n in range(10):
        outcome = appraisal.create_outcome(conn, project_id, lead, f"Outcome {n}", study_ids[n::10])
        appraisal.rate(conn, outcome, lead, "imprecision", "serious", "wide confidence interval")
    return conn, project_id, lead, study_ids


def timed(label: str, action) -> None:
    """Time the first call (imports a library on first use) and a warm one; compare the warm one to the baseline."""
    runs = []
    for _ in range(2):
        start = time.perf_counter()
        result = action()
        runs.append(time.perf_counter() - start)
    size = f"{len(result) / 1024:7.1f} KiB" if isinstance(result, (bytes, str)) else f"{len(result):7d} rows"
    print(f"{label:<30} first {runs[0] * 1000:7.1f} ms  warm {runs[1] * 1000:7.1f} ms  {size}  "
          f"baseline {BASELINE_S * 1000:.0f} ms  ratio {runs[1] / BASELINE_S:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--studies", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        conn, project_id, lead, study_ids = build(Path(folder) / "bench.sqlite3", args.studies)
        print(f"built {args.studies} studies (dual extraction, consensus RoB, 10 outcomes) in "
              f"{time.perf_counter() - start:.1f} s")
        timed("comparison view of one study", lambda: appraisal.comparison(conn, study_ids[0], lead)["rows"])
        timed("extraction XLSX", lambda: export_extraction(conn, project_id, "xlsx"))
        timed("Summary of Findings DOCX", lambda: export_sof(conn, project_id, "docx"))
        timed("traffic-light plot SVG", lambda: export_rob_plot(conn, project_id, "svg"))
        timed("traffic-light plot PNG", lambda: export_rob_plot(conn, project_id, "png"))
        conn.close()


if __name__ == "__main__":
    main()
