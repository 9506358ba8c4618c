"""The web foundation through WebTest: login, projects, members, roles, CSRF, escaping, language."""
import re

from conftest import PASSWORD, csrf_of, login

from review.accounts import access
from review.projects import project as projects


def test_anonymous_visitor_is_sent_to_login(app):
    page = app.get("/projects/1")
    assert page.status_int == 303 and "/login?next=%2Fprojects%2F1" in page.location


def test_login_wrong_password_and_logout(app, make_user):
    make_user("anne")
    page = login(app, "anne", "not-the-password")
    assert "Wrong user name or password." in page.text
    page = login(app, "anne")
    assert "Your review projects" in page.text
    session_cookie = app.cookies["sil_session"]
    page.forms[1].submit()  # the logout form in the header
    app.set_cookie("sil_session", session_cookie)  # an old cookie replayed after logout
    assert app.get("/").status_int == 303


def test_login_is_rate_limited(app, make_user):
    make_user("anne")
    for _ in range(5):
        login(app, "anne", "wrong-password")
    page = login(app, "anne")
    assert "Too many failed logins" in page.text


def test_new_session_id_at_login(app, make_user):
    make_user("anne")
    app.set_cookie("sil_session", "fixated-by-an-attacker")
    login(app, "anne")
    assert app.cookies["sil_session"] != "fixated-by-an-attacker"


def test_session_cookie_is_httponly_and_samesite(app, make_user):
    make_user("anne")
    page = app.get("/login")
    form = page.forms["login"]
    form["name"], form["password"] = "anne", PASSWORD
    response = form.submit()
    cookie = [v for k, v in response.headerlist if k == "Set-Cookie" and v.startswith("sil_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")


def test_create_and_edit_a_project(app, make_user, conn):
    make_user("anne")
    login(app, "anne")
    form = app.get("/projects/new").forms["project-form"]
    form["title"] = "Role conflict and burnout"
    form["question"] = "Is role conflict associated with burnout?"
    form["review_type"] = "systematic"
    page = form.submit().follow()
    assert "Project created." in page.text and "Is role conflict associated with burnout?" in page.text
    project_id = int(re.search(r"/projects/(\d+)", page.request.url).group(1))
    form = app.get(f"/projects/{project_id}/settings").forms["project-form"]
    form["review_type"] = "scoping"
    form["highlight_include"] = "burnout, role conflict"
    form.submit().follow()
    project = projects.get_project(conn, project_id)
    assert project["review_type"] == "scoping" and project["highlight_include"] == "burnout, role conflict"


def test_add_member_and_role_refusals(app, make_user, conn):
    lead = make_user("lead")
    make_user("rev")
    make_user("stranger")
    project_id = projects.create_project(conn, lead, "P")
    login(app, "lead")
    form = app.get(f"/projects/{project_id}/members").forms["member-form"]
    form["name"], form["role"] = "rev", "reviewer"
    assert "rev" in form.submit().follow().text
    rev = conn.execute("SELECT id FROM users WHERE name='rev'").fetchone()[0]
    assert not access.find_member(conn, project_id, rev)  # invited: a member only once they accept

    app.reset()
    login(app, "rev")
    app.get("/").forms[2].submit().follow()  # the invitation's Accept (after the language and logout forms)
    assert access.find_member(conn, project_id, rev)["role"] == "reviewer"
    assert "Settings" not in app.get(f"/projects/{project_id}").text
    app.get(f"/projects/{project_id}/settings", status=403)
    app.post(f"/projects/{project_id}/settings", {"csrf_token": csrf_of(app), "title": "Hijacked"}, status=403)
    assert projects.get_project(conn, project_id)["title"] == "P"

    app.reset()
    login(app, "stranger")
    app.get(f"/projects/{project_id}", status=404)


def test_post_without_or_with_wrong_csrf_token_is_refused(app, make_user, conn):
    make_user("anne")
    login(app, "anne")
    app.post("/projects", {"title": "No token"}, status=403)
    page = app.post("/projects", {"title": "Wrong token", "csrf_token": "x" * 43}, status=403)
    assert "Reload the page" in page.text
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == 0


def test_script_in_a_project_title_comes_back_escaped(app, make_user, conn):
    lead = make_user("anne")
    project_id = projects.create_project(conn, lead, "<script>alert('x')</script>")
    login(app, "anne")
    for path in ("/", f"/projects/{project_id}", f"/projects/{project_id}/audit"):
        text = app.get(path).text
        assert "<script>alert" not in text and "&lt;script&gt;alert" in text


def test_switch_language_to_bokmal(app, make_user):
    make_user("anne")
    page = login(app, "anne")
    page = page.forms[0].submit(name="language", value="nb").follow()
    assert "Dine oversiktsprosjekter" in page.text and 'lang="nb"' in page.text


def test_browser_language_is_the_default(app):
    page = app.get("/login", headers={"Accept-Language": "nb-NO,nb;q=0.9"})
    assert "Logg inn" in page.text


def test_audit_log_is_shown_to_the_lead_only(app, make_user, conn):
    lead = make_user("lead")
    make_user("rev")
    project_id = projects.create_project(conn, lead, "P")
    projects.set_member(conn, project_id, lead, "rev", "reviewer")
    login(app, "lead")
    page = app.get(f"/projects/{project_id}/audit")
    assert "member.set" in page.text and "project.create" in page.text
    app.reset()
    login(app, "rev")
    app.get(f"/projects/{project_id}/audit", status=403)


def test_admin_creates_accounts_and_others_cannot(app, make_user, conn):
    make_user("root", admin=True)
    make_user("anne")
    login(app, "root")
    form = app.get("/admin/users").forms["user-form"]
    form["name"] = "newcomer"
    page = form.submit()
    assert "One-time password (shown once)" in page.text
    app.reset()
    login(app, "anne")
    app.get("/admin/users", status=403)


def test_one_time_password_must_be_changed_first(app, conn):
    from review.accounts import users

    _, one_time = users.create_user(conn, "anne")
    page = login(app, "anne", one_time)
    assert "Choose your own password now" in page.text
    form = page.forms["password-form"]
    form["current"], form["new"], form["repeat"] = one_time, "my-own-password", "my-own-password"
    page = form.submit().follow()
    assert "Your password is changed." in page.text


def test_security_headers(app):
    headers = app.get("/login").headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_project_tabs_are_grouped_by_phase_and_role(app, make_user, conn):
    lead = make_user("lead")
    make_user("rev")
    project_id = projects.create_project(conn, lead, "P")
    projects.set_member(conn, project_id, lead, "rev", "reviewer")
    login(app, "lead")
    nav = app.get(f"/projects/{project_id}/records").html.select_one("nav.tabs")
    groups = {g.select_one(".tabgroup-label").get_text(): [a.get_text() for a in g.select("a")]
              for g in nav.select(".tabgroup[role=group]")}
    assert groups["Identification"] == ["Searches", "Duplicates", "Records"]
    assert groups["Reporting"] == ["PRISMA", "Summaries", "Export"]
    assert groups["Administration"] == ["Members", "Settings", "Audit log"]
    assert nav.select_one("a[aria-current=page]").get_text() == "Records"

    app.reset()
    login(app, "rev")
    labels = [s.get_text() for s in app.get(f"/projects/{project_id}").html.select("nav.tabs .tabgroup-label")]
    assert "Administration" not in labels and "Identification" in labels  # no empty phase for a reviewer
