"""The demo review a newcomer sees first."""
import json

from review.accounts import users
from review.demo import builder as demo
from review.projects import project as projects
from review.searches import records


def test_demo_review_has_accounts_members_and_records(conn):
    lines = demo.ensure_demo(conn)
    assert any(demo.DEMO_PASSWORD in line for line in lines)
    expected = json.loads((demo.DEMO_DIR / "expected.json").read_text(encoding="utf-8"))
    project = projects.resolve_project(conn, demo.DEMO_TITLE)
    roles = {m["name"]: m["role"] for m in projects.list_members(conn, project["id"])}
    assert roles == {"lead": "lead", "anna": "reviewer", "bjorn": "reviewer", "kari": "communicator"}
    total = expected["medline_records"] + expected["embase_records"]
    assert records.count_records(conn, project["id"])["total"] == total
    assert users.authenticate(conn, "anna", demo.DEMO_PASSWORD, "test")["must_change_password"] == 0
    admins = [u["name"] for u in users.list_users(conn) if u["is_admin"]]
    assert admins == ["lead"]


def test_demo_is_created_once(conn):
    demo.ensure_demo(conn)
    demo.ensure_demo(conn)
    assert len(projects.list_projects(conn)) == 1


def test_demo_has_duplicates_grouped_and_a_started_screening_with_conflicts(conn):
    from review.dedupe.finding import duplicates_removed
    from review.screening import conflicts as screening_conflicts

    demo.ensure_demo(conn)
    project = projects.resolve_project(conn, demo.DEMO_TITLE)
    lead = users.find_user(conn, "lead")["id"]
    expected = json.loads((demo.DEMO_DIR / "expected.json").read_text(encoding="utf-8"))
    assert duplicates_removed(conn, project["id"]) == len(expected["duplicate_pairs"])
    conflicts = screening_conflicts.list_conflicts(conn, project["id"], lead, 1)
    assert len(conflicts) == demo.DEMO_DISAGREEMENTS
