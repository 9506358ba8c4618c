"""The demo review a newcomer sees first."""
import json

from review import demo, projects, records, users


def test_demo_review_has_accounts_members_and_records(conn):
    lines = demo.ensure_demo(conn)
    assert any("demo-password" in line for line in lines)
    expected = json.loads((demo.DEMO_DIR / "expected.json").read_text(encoding="utf-8"))
    project = projects.resolve_project(conn, demo.DEMO_TITLE)
    roles = {m["name"]: m["role"] for m in projects.list_members(conn, project["id"])}
    assert roles == {"lead": "lead", "anna": "reviewer", "bjorn": "reviewer", "kari": "communicator"}
    total = expected["medline_records"] + expected["embase_records"]
    assert records.count_records(conn, project["id"])["total"] == total
    assert users.authenticate(conn, "anna", demo.DEMO_PASSWORD, "test")["must_change_password"] == 0


def test_demo_is_created_once(conn):
    demo.ensure_demo(conn)
    demo.ensure_demo(conn)
    assert len(projects.list_projects(conn)) == 1
