"""SQL injection in every query parameter, path traversal in names and paths, oversized uploads, Secure cookies."""
import re

import pytest
from conftest import PASSWORD, csrf_of, login
from hostile import SQL
from test_route_security import table_counts
from webtest import TestApp

from review.projects import project as projects
from review.searches import importing as searches
from screens.app import make_app

PARAMETERS = ("q", "topic", "year_from", "year_to", "has_abstract", "search_id", "page", "record", "stage", "lang",
              "what", "format", "kind", "tool", "outcome", "study", "hide", "error", "next", "skip", "decision",
              "label", "sort", "download")
RIS = "TY  - JOUR\nTI  - Rest breaks of nurses\nAU  - Hansen, Kari\nPY  - 2020\nER  - \n"


@pytest.fixture
def world(conn, make_user):
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    searches.import_file(conn, project_id, lead, "a.ris", (RIS + RIS.replace("Rest", "Night")).encode())
    return {"project": project_id, "record": conn.execute("SELECT MIN(id) FROM records").fetchone()[0]}


def get_paths(app, world):
    for route in app.routes:
        if route.method == "GET":
            yield re.sub(r"<([a-z_]+)(:[^>]*)?>", lambda m: str({"project_id": world["project"], "record_id": world["record"],
                                                                  "stage": 1, "lang": "en", "ext": "svg", "what": "records",
                                                                  "fmt": "csv", "path": "sil.css", "name": "portal.css"}
                                                                 .get(m.group(1), 1)), route.rule)


def test_sql_in_every_query_parameter_of_every_page_is_only_text(app, conn, world):
    login(app, "lead")
    for path in get_paths(app.app, world):  # pages that fill in defaults on first view (exclusion reasons) do so now
        app.get(path, expect_errors=True)
    before = table_counts(conn)
    for path in get_paths(app.app, world):
        for attack in SQL:
            response = app.get(path, {name: attack for name in PARAMETERS}, expect_errors=True)
            assert response.status_int < 500, f"GET {path} with {attack!r} gave {response.status}"
    assert table_counts(conn) == before


@pytest.mark.parametrize("attack", SQL[:5])  # the injections proper; "*" alone is no search at all
def test_search_boxes_find_nothing_with_an_injection(app, world, attack):
    login(app, "lead")
    page = app.get(f"/projects/{world['project']}/records", {"q": attack}, expect_errors=True)
    assert page.status_int < 500 and "Night breaks" not in page.text
    portal = app.get("/portal/en/", {"q": attack, "topic": attack}, expect_errors=True)
    assert portal.status_int < 500


def test_upload_names_with_paths_are_stored_as_plain_names(app, conn, world, tmp_path):
    login(app, "lead")
    token = csrf_of(app)
    app.post(f"/projects/{world['project']}/searches", {"csrf_token": token},
             upload_files=[("files", "../../../../tmp/evil.ris", RIS.replace("Rest", "Lunch").encode())])
    assert conn.execute("SELECT file_name FROM searches ORDER BY id DESC").fetchone()[0] == "evil.ris"
    pdf = b"%PDF-1.4\n%hostile\n" + b"0" * 200
    app.post(f"/projects/{world['project']}/records/{world['record']}/fulltext", {"csrf_token": token},
             upload_files=[("pdf", '..\\..\\..\\evil".pdf', pdf)], expect_errors=True)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".pdf"]
    assert all((tmp_path / "files") in p.parents for p in written), written
    assert not list(tmp_path.parent.glob("evil*"))


def test_svg_or_html_uploaded_as_a_full_text_is_refused(app, conn, world, tmp_path):
    from review.screening import decisions as screening
    from review.screening.settings import set_reviewers_per_record
    login(app, "lead")
    token = csrf_of(app)
    lead = conn.execute("SELECT id FROM users WHERE name = 'lead'").fetchone()[0]
    set_reviewers_per_record(conn, world["project"], lead, 1)
    screening.record_decision(conn, world["project"], lead, world["record"], 1, "include")
    for name, body in (("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
                       ("x.pdf", b"<html><script>alert(1)</script></html>")):
        response = app.post(f"/projects/{world['project']}/records/{world['record']}/fulltext", {"csrf_token": token},
                            upload_files=[("pdf", name, body)], expect_errors=True)
        assert response.status_int == 400 and "not a PDF" in response.text
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p.parent.name != tmp_path.name]


@pytest.mark.parametrize("path", ["/static/..%2f..%2frun.py", "/static/../../run.py", "/static/%2e%2e/%2e%2e/run.py",
                                  "/portal/..%2f..%2frun.py", "/projects/{p}/export/..%2f..%2frun.py",
                                  "/projects/{p}/export/..%2f..%2frun.csv", "/projects/{p}/prisma.%2e%2e%2frun.py"])
def test_traversal_in_download_paths_serves_no_file_outside(app, world, path):
    login(app, "lead")
    response = app.get(path.format(p=world["project"]), expect_errors=True)
    assert response.status_int in (400, 403, 404) and "def main" not in response.text


def test_an_oversized_upload_is_refused_with_a_message_and_leaves_nothing(conn, db_path, tmp_path, make_user):
    app = TestApp(make_app({"db": db_path, "files": tmp_path / "files", "sil.max_upload": 50_000}))
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    login(app, "lead")
    token = csrf_of(app)
    before = table_counts(conn)
    response = app.post(f"/projects/{project_id}/searches", {"csrf_token": token},
                        upload_files=[("files", "big.ris", (RIS * 2000).encode())], expect_errors=True)
    assert response.status_int == 413 and "larger than Sil accepts" in response.text
    assert table_counts(conn) == before
    assert not (tmp_path / "files").exists() or not any((tmp_path / "files").rglob("*"))


def session_cookie(response):
    return [v for k, v in response.headerlist if k == "Set-Cookie" and v.startswith("sil_session=")][0]


@pytest.mark.parametrize("how", ["proxy says https", "configured always", "plain http"])
def test_the_session_cookie_is_secure_when_served_over_https(conn, db_path, tmp_path, make_user, how):
    config = {"db": db_path, "files": tmp_path / "files"}
    environ = {}
    if how == "proxy says https":
        environ["HTTP_X_FORWARDED_PROTO"] = "https"
    if how == "configured always":
        config["secure_cookies"] = "always"
    app = TestApp(make_app(config), extra_environ=environ)
    make_user("anne")
    page = app.get("/login")  # WebTest keeps no Secure cookie over its plain-http requests: send it by hand, as a browser would
    pre = [v.split(";")[0] for k, v in page.headerlist if k == "Set-Cookie" and v.startswith("sil_pre=")][0]
    cookie = session_cookie(app.post("/login", {"name": "anne", "password": PASSWORD,
                                                "csrf_token": page.forms["login"]["csrf_token"].value},
                                     headers={"Cookie": pre}))
    assert ("Secure" in cookie) == (how != "plain http")
    assert "HttpOnly" in cookie
