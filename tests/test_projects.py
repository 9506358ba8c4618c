"""Projects and roles in the core."""
import pytest

from review.accounts import access, audit
from review.projects import project as projects
from review.store.errors import Conflict, Forbidden, Invalid, NotFound


def test_creator_becomes_lead_and_settings_are_validated(conn, make_user):
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "Breaks at work", review_type="scoping", reviewers_per_record="1")
    project = projects.get_project(conn, project_id)
    assert project["review_type"] == "scoping" and project["reviewers_per_record"] == 1
    assert access.require_member(conn, project_id, lead, "lead")["role"] == "lead"
    with pytest.raises(Invalid, match="review_type"):
        projects.update_project(conn, project_id, lead, {"review_type": "narrative"})
    with pytest.raises(Invalid, match="title"):
        projects.create_project(conn, lead, "  ")


def test_roles_are_checked_and_non_members_see_nothing(conn, make_user):
    lead, reviewer, stranger = make_user("lead"), make_user("rev"), make_user("stranger")
    project_id = projects.create_project(conn, lead, "P")
    projects.set_member(conn, project_id, lead, "rev", "reviewer")
    with pytest.raises(Forbidden):
        access.require_member(conn, project_id, reviewer, "lead")
    with pytest.raises(NotFound):
        access.require_member(conn, project_id, stranger)


def test_the_last_lead_cannot_be_removed_or_demoted(conn, make_user):
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "P")
    with pytest.raises(Conflict):
        projects.remove_member(conn, project_id, lead, lead)
    with pytest.raises(Conflict):
        projects.set_member(conn, project_id, lead, "lead", "reviewer")


def test_settings_changes_are_in_the_audit_log(conn, make_user):
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "P")
    projects.update_project(conn, project_id, lead, {"question": "Do breaks help?"})
    events = audit.list_events(conn, project_id)
    assert events[0]["action"] == "project.update"
    assert events[0]["detail"]["question"] == ["", "Do breaks help?"]
    assert events[0]["user_name"] == "lead"
