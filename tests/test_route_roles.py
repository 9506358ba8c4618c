"""Wrong roles: a reviewer or a communicator trying what only a lead may do is refused, and nothing changes."""
import re

import pytest
from conftest import csrf_of, login
from test_route_security import table_counts

from review.projects import project as projects
from review.searches import importing as searches

LEAD_ONLY = {  # route name -> fields of an honest attempt
    "project_settings_post": {"title": "Hijacked", "reviewers_per_record": "1", "blinded": "0"},
    "project_members_post": {"name": "rita", "role": "lead"},
    "project_member_remove": {},
    "reasons_post": {"action": "add", "label": "Because I say so"},
    "screening_settings_post": {"reviewers_per_record": "1", "blinded": "0", "maybe_policy": "as_include"},
    "pilot_post": {"size": "10", "action": "start"},
    "screening_release_post": {"stage": "1"},
    "conflict_resolve": {"decision": "include", "reason": "I decide"},
    "project_prisma_removal": {"count": "5", "reason": "gone"},
    "duplicates_run": {},
    "searches_upload": {},
    "extraction_form_post": {"action": "publish"},
    "extraction_field_post": {"label": "Injected field", "kind": "text"},
}


@pytest.fixture
def world(conn, make_user):
    lead = make_user("lead")
    for name in ("rita", "kari"):
        make_user(name)
    project_id = projects.create_project(conn, lead, "Breaks at work")
    projects.set_member(conn, project_id, lead, "rita", "reviewer")
    projects.set_member(conn, project_id, lead, "kari", "communicator")
    searches.import_file(conn, project_id, lead, "a.ris", b"TY  - JOUR\nTI  - Rest breaks\nER  - \n")
    return {"project_id": project_id, "user_id": lead, "record_id": 1, "stage": 1, "removal_id": 1}


@pytest.mark.parametrize("who", ["rita", "kari"])
def test_lead_only_actions_are_refused_to_other_roles(app, conn, world, who):
    login(app, who)
    token = csrf_of(app)
    before = table_counts(conn)
    rules = {r.name: r.rule for r in app.app.routes if r.method == "POST"}
    assert set(LEAD_ONLY) <= set(rules), set(LEAD_ONLY) - set(rules)
    for name, fields in LEAD_ONLY.items():
        path = re.sub(r"<([a-z_]+)(:[^>]*)?>", lambda m: str(world.get(m.group(1), 1)), rules[name])
        files = [("files", "b.ris", b"TY  - JOUR\nTI  - Sneaked in\nER  - \n")] if name == "searches_upload" else []
        response = app.post(path, {**fields, "csrf_token": token}, upload_files=files, expect_errors=True)
        assert response.status_int in (403, 404), f"{who}: POST {name} gave {response.status}"
    assert table_counts(conn) == before
    assert projects.get_project(conn, world["project_id"])["title"] == "Breaks at work"


def test_the_same_attempts_work_for_the_lead(app, conn, world):
    """The refusals above are about the role, not about the fields sent."""
    login(app, "lead")
    token = csrf_of(app)
    rules = {r.name: r.rule for r in app.app.routes if r.method == "POST"}
    for name in ("project_settings_post", "reasons_post", "project_members_post"):
        path = re.sub(r"<([a-z_]+)(:[^>]*)?>", lambda m: str(world.get(m.group(1), 1)), rules[name])
        response = app.post(path, {**LEAD_ONLY[name], "csrf_token": token}, expect_errors=True)
        assert response.status_int == 303, f"POST {name} as the lead gave {response.status}"
    assert projects.get_project(conn, world["project_id"])["title"] == "Hijacked"
