"""Every route of the app, enumerated: anonymous visitors, missing CSRF tokens and non-members are refused.

New screens are covered by these tests without anyone listing them here."""
import re

import pytest
from conftest import csrf_of, login

from review.projects import project as projects

PUBLIC_PREFIXES = ("/login", "/static/", "/language", "/portal", "/feed")


def routes(app):
    """(method, concrete path, rule) for every route, with ids filled in."""
    found = []
    for route in app.routes:
        path = re.sub(r"<project_id(:int)?>", "{project}", route.rule)
        path = re.sub(r"<path(:path)?>", "sil.css", path)
        path = re.sub(r"<[a-z_]+(:int)?>", "1", path)
        path = re.sub(r"<[a-z_]+:re:[^>]+>", "1", path)
        found.append((route.method, path, route.rule, route.config.get("public", False)))
    return found


@pytest.fixture
def world(conn, make_user):
    """A project with a lead; a stranger who is in no project; another project the stranger leads."""
    lead = make_user("lead")
    stranger = make_user("stranger")
    project_id = projects.create_project(conn, lead, "Private review")
    projects.create_project(conn, stranger, "Stranger's own review")
    return {"project": project_id}


def table_counts(conn):
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'")]
    return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
            for name in names if name not in ("sessions", "login_failures")}


def test_anonymous_requests_are_refused_except_public_pages(app, world):
    for method, path, rule, public in routes(app.app):
        path = path.format(**world)
        if public or rule.startswith(PUBLIC_PREFIXES):
            continue
        if method == "GET":
            response = app.get(path, expect_errors=True)
            assert response.status_int == 303 and "/login" in response.location, f"GET {rule} is open"
        elif method == "POST":
            response = app.post(path, {}, expect_errors=True)
            assert response.status_int in (403, 303), f"POST {rule} is open ({response.status})"
            if response.status_int == 303:
                assert "/login" in response.location


def test_every_post_refuses_a_missing_or_wrong_csrf_token(app, conn, world):
    login(app, "lead")
    before = table_counts(conn)
    for method, path, rule, _public in routes(app.app):
        if method != "POST":
            continue
        path = path.format(**world)
        for token in ({}, {"csrf_token": "forged-token-of-the-right-length-xxxxxxxxxx"}):
            response = app.post(path, token, expect_errors=True)
            assert response.status_int == 403, f"POST {rule} without a valid CSRF token gave {response.status}"
    assert table_counts(conn) == before


def test_project_routes_refuse_non_members(app, conn, world):
    login(app, "stranger")
    token = csrf_of(app)
    before = table_counts(conn)
    for method, path, rule, _public in routes(app.app):
        if "{project}" not in path:
            continue
        path = path.format(**world)
        if method == "GET":
            response = app.get(path, expect_errors=True)
        else:
            response = app.post(path, {"csrf_token": token}, expect_errors=True)
        assert response.status_int in (403, 404), f"{method} {rule} let a non-member in ({response.status})"
        assert "Private review" not in response.text
    assert table_counts(conn) == before
