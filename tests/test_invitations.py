"""Joining a project needs the person's consent (or a site administrator), and inviting never tells a lead
which user names exist."""
import pytest
from conftest import csrf_of, login

from review.accounts import access
from review.projects import invitations
from review.projects import project as projects
from review.store.errors import NotFound


@pytest.fixture
def team(conn, make_user):
    ids = {name: make_user(name) for name in ("lead", "rev", "other")}
    ids["admin"] = make_user("admin", admin=True)
    return projects.create_project(conn, ids["lead"], "Breaks at work"), ids


def invite_through_the_page(app, project_id, name, role="reviewer"):
    form = app.get(f"/projects/{project_id}/members").forms["member-form"]
    form["name"], form["role"] = name, role
    return form.submit().follow()


def test_inviting_an_existing_and_a_missing_name_looks_the_same_to_the_lead(app, conn, team):
    project_id, ids = team
    login(app, "lead")
    answers = [invite_through_the_page(app, project_id, name) for name in ("rev", "no-such-person")]
    flashes = [page.html.find(class_="flash").get_text(strip=True) for page in answers]
    assert flashes[0] == flashes[1] and "accept" in flashes[0]
    assert [a.status_int for a in answers] == [200, 200]
    for page in answers:
        assert "no user" not in page.text.lower() and "There is no" not in page.text
    pending = [i["invitee"] for i in invitations.project_invitations(conn, project_id)]
    assert pending == ["rev", "no-such-person"]  # both listed, whether or not the account exists
    assert access.find_member(conn, project_id, ids["rev"]) is None


def test_nobody_joins_without_accepting_and_may_decline(app, conn, team):
    project_id, ids = team
    login(app, "lead")
    invite_through_the_page(app, project_id, "rev")
    app.reset()
    login(app, "other")  # someone else cannot take rev's invitation
    invitation_id = invitations.project_invitations(conn, project_id)[0]["id"]
    app.post(f"/invitations/{invitation_id}/accept", {"csrf_token": csrf_of(app)}, status=404)
    assert access.find_member(conn, project_id, ids["other"]) is None
    app.reset()
    login(app, "rev")
    home = app.get("/")
    assert "Breaks at work" in home.text and "Accept" in home.text
    app.post(f"/invitations/{invitation_id}/decline", {"csrf_token": csrf_of(app)}, status=303)
    assert access.find_member(conn, project_id, ids["rev"]) is None
    assert invitations.project_invitations(conn, project_id) == []


def test_an_accepted_invitation_gives_the_role_the_lead_chose(conn, team):
    project_id, ids = team
    lead = {"id": ids["lead"], "is_admin": 0}
    assert invitations.invite(conn, project_id, lead, "rev", "communicator") == "invited"
    rev = dict(conn.execute("SELECT * FROM users WHERE id = ?", (ids["rev"],)).fetchone())
    [mine] = invitations.my_invitations(conn, rev)
    assert invitations.accept(conn, mine["id"], rev) == project_id
    assert access.find_member(conn, project_id, ids["rev"])["role"] == "communicator"
    with pytest.raises(NotFound):
        invitations.accept(conn, mine["id"], rev)  # used up


def test_a_site_administrator_adds_an_existing_account_directly(conn, team):
    project_id, ids = team
    projects.set_member(conn, project_id, ids["lead"], "admin", "lead")
    admin = {"id": ids["admin"], "is_admin": 1}
    assert invitations.invite(conn, project_id, admin, "rev", "reviewer") == "added"
    assert access.find_member(conn, project_id, ids["rev"])["role"] == "reviewer"


def test_a_member_s_role_is_changed_directly(conn, team):
    project_id, ids = team
    projects.set_member(conn, project_id, ids["lead"], "rev", "reviewer")
    assert invitations.invite(conn, project_id, {"id": ids["lead"], "is_admin": 0}, "rev", "lead") == "member"
    assert access.find_member(conn, project_id, ids["rev"])["role"] == "lead"


def test_a_withdrawn_invitation_cannot_be_accepted(app, conn, team):
    project_id, ids = team
    login(app, "lead")
    invite_through_the_page(app, project_id, "rev")
    invitation_id = invitations.project_invitations(conn, project_id)[0]["id"]
    app.post(f"/projects/{project_id}/invitations/{invitation_id}/withdraw", {"csrf_token": csrf_of(app)}, status=303)
    app.reset()
    login(app, "rev")
    app.post(f"/invitations/{invitation_id}/accept", {"csrf_token": csrf_of(app)}, status=404)
    assert access.find_member(conn, project_id, ids["rev"]) is None
