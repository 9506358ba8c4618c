"""The demo review that ships with Sil: accounts, a project and records to screen."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from review import accounts, projects, searches
from review.dedupe import find_duplicates
from review.screening import record_decision
from review.store import transaction

DEMO_DIR = Path(__file__).with_name("files")
DEMO_TITLE = "Effects of breaks at work on the health of health-care workers"
DEMO_PASSWORD = "demo-breaks-at-work"  # passes the password rules, as any password must
DEMO_ACCOUNTS = (("lead", "Lene Lead", "lead"), ("anna", "Anna Reviewer", "reviewer"),
                 ("bjorn", "Bjørn Reviewer", "reviewer"), ("kari", "Kari Communicator", "communicator"))


def ensure_demo(conn: sqlite3.Connection) -> list[str]:
    """Create the demo review unless it is there already; return lines to print."""
    if conn.execute("SELECT 1 FROM projects WHERE title = ?", (DEMO_TITLE,)).fetchone():
        return [f"Demo review is ready. Log in as lead, anna, bjorn or kari with password {DEMO_PASSWORD}"]
    with transaction(conn):
        ids = {}
        for name, display, _role in DEMO_ACCOUNTS:
            # the lead also administers the demo's accounts, so a newcomer sees every page
            ids[name], _ = accounts.create_user(conn, name, DEMO_PASSWORD, display_name=display, is_admin=name == "lead")
        project_id = projects.create_project(conn, ids["lead"], DEMO_TITLE, **demo_settings())
        for name, _display, role in DEMO_ACCOUNTS[1:]:
            projects.set_member(conn, project_id, ids["lead"], name, role)
        import_demo_records(conn, project_id, ids["lead"])
        find_duplicates(conn, project_id, ids["lead"])
        screen_a_few(conn, project_id, ids["anna"], ids["bjorn"])
        from review.demo.summaries import publish_demo_summaries

        publish_demo_summaries(conn, project_id, ids["lead"], ids["kari"])
    return [f"Created the demo review '{DEMO_TITLE}'.",
            f"Log in as lead (project lead and site administrator), anna or bjorn (reviewers) or kari (communicator); "
            f"password: {DEMO_PASSWORD}"]


DEMO_SCREENED = 16
DEMO_DISAGREEMENTS = 2


def screen_a_few(conn: sqlite3.Connection, project_id: int, anna: int, bjorn: int) -> None:
    """Both reviewers have screened the first records, and disagree on two: the demo shows conflicts."""
    import json

    relevant = set(json.loads((DEMO_DIR / "expected.json").read_text(encoding="utf-8"))["relevant_ans"])
    rows = conn.execute("SELECT r.id, r.source_id FROM screenable_records s JOIN records r ON r.id = s.record_id"
                        " WHERE s.project_id = ? ORDER BY r.id LIMIT ?", (project_id, DEMO_SCREENED)).fetchall()
    disagreements = 0
    for row in rows:
        decision = "include" if row["source_id"] in relevant else "exclude"
        record_decision(conn, project_id, anna, row["id"], 1, decision)
        if decision == "include" and disagreements < DEMO_DISAGREEMENTS:
            disagreements += 1
            decision = "exclude"
        record_decision(conn, project_id, bjorn, row["id"], 1, decision,
                        note="Not health-care workers?" if decision != "include" and row["source_id"] in relevant else "")


def demo_settings() -> dict[str, object]:
    return {
        "question": "Do rest breaks, micro-breaks or on-shift naps affect fatigue, musculoskeletal pain, "
                    "burnout or errors among health-care workers?",
        "review_type": "systematic",
        "population": "Nurses, physicians and other health-care workers in hospitals, nursing homes and home care",
        "exposure": "Scheduled rest breaks, micro-breaks, naps during night shifts, break-room interventions",
        "comparator": "No breaks, usual breaks, or shorter breaks",
        "outcome": "Fatigue, sleepiness, musculoskeletal pain, burnout, medical errors, sick leave",
        "inclusion_criteria": "Health-care workers\nA break or nap intervention or exposure\n"
                              "Health, safety or well-being outcome\nRCT, non-randomised trial, cohort or cross-sectional",
        "exclusion_criteria": "Not health-care workers\nPatients' rest\nNo primary data (editorials, protocols)",
        "highlight_include": "nurse, physician, health-care worker, rest break, micro-break, nap, night shift, fatigue, "
                             "burnout, sykepleier, pause",
        "highlight_exclude": "fracture, break-even, patient, cost analysis, software",
        "reviewers_per_record": 2,
        "blinded": True,
    }


def import_demo_records(conn: sqlite3.Connection, project_id: int, user_id: int) -> None:
    """Import the demo exports through the same importer users use."""

    for file_name, database, platform in (("medline.ris", "MEDLINE", "PubMed"), ("embase.ris", "Embase", "Embase.com")):
        path = DEMO_DIR / file_name
        searches.import_file(conn, project_id, user_id, file_name, path.read_bytes(),
                             {"database_name": database, "platform": platform, "searched_on": "2025-10-01",
                              "query": "(rest break* OR micro-break* OR nap*) AND (nurs* OR physician* OR health personnel)"})
