"""Numbers too large for SQLite in any path, query or form field of any route: a 400 or 404 with a message.

The routes come from the app's route table and the field names from the screens' own source, so a new
screen or a new parameter is covered without anyone listing it here."""
import re
from pathlib import Path

import pytest
from conftest import csrf_of, login
from test_route_security import routes

from review.projects import project as projects
from screens.i18n import catalogue

HUGE = "99999999999999999999"  # 1e20: more than SQLite's largest integer (9.2e18)
SCREENS = Path(__file__).resolve().parent.parent / "screens"


def field_names(kind):
    """Every name the screens read with query()/query_int() or form() (kind: 'query' or 'form')."""
    pattern = re.compile(kind + r'(?:_int|_all)?\(\s*f?"([a-z_]+)')
    names = {name for path in SCREENS.glob("*.py") for name in pattern.findall(path.read_text())}
    if kind == "query":  # the record list reads its filters by a loop over this tuple
        from screens.records import FILTERS

        names |= set(FILTERS)
    return sorted(names)


@pytest.fixture
def lead_app(app, conn, make_user):
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "Large numbers")
    login(app, "lead")
    return app, project_id


def test_the_field_lists_found_the_parameters_the_issue_names():
    assert {"page", "year_from", "search_id"} <= set(field_names("query"))
    assert {"record_id", "reason_id"} <= set(field_names("form"))


def assert_refused_with_a_message(response, what):
    assert response.status_int in (400, 404), f"{what} gave {response.status}"
    portal_says = [texts[lang] for texts in (catalogue()["portal.not_found"],) for lang in texts]  # its own page
    text = response.text.lower()
    assert "too large" in text or "not found" in text or "no such" in text or any(t.lower() in text for t in portal_says), \
        f"{what} gave no message: {response.text[:300]}"


def test_a_huge_id_in_any_path_is_a_404_or_400(lead_app):
    app, project_id = lead_app
    token = csrf_of(app)
    tried = 0
    for method, _path, rule, _public in routes(app.app):
        if ":int>" not in rule:
            continue
        for position in range(rule.count(":int>")):
            # this one id huge, the project id (if another) the real one
            parts = re.split(r"(<[a-z_]+:int>)", rule)
            ints = [i for i, p in enumerate(parts) if p.endswith(":int>")]
            concrete = "".join(HUGE if i == ints[position] else str(project_id) if i in ints else p
                               for i, p in enumerate(parts))
            concrete = re.sub(r"<path(:path)?>", "sil.css", concrete)
            concrete = re.sub(r"<[a-z_]+:re:[^>]+>", "en" if "lang" in rule else "csv", concrete)
            concrete = re.sub(r"<[a-z_]+>", "1", concrete)
            if method == "GET":
                response = app.get(concrete, expect_errors=True)
            else:
                response = app.post(concrete, {"csrf_token": token}, expect_errors=True)
            assert_refused_with_a_message(response, f"{method} {concrete}")
            tried += 1
    assert tried > 40


def test_huge_numbers_in_every_query_field_of_every_page_never_break_it(lead_app):
    app, project_id = lead_app
    values = {name: HUGE for name in field_names("query")}
    for method, path, rule, _public in routes(app.app):
        if method != "GET":
            continue
        response = app.get(path.format(project=project_id), values, expect_errors=True)  # WebTest reads the whole body: a broken stream fails here
        assert response.status_int < 500, f"GET {rule} with huge query numbers gave {response.status}"


def test_the_issue_s_examples(lead_app):
    app, project_id = lead_app
    assert_refused_with_a_message(app.get(f"/projects/{HUGE}", expect_errors=True), "project id")
    for query in ("page", "search_id", "year_from"):
        response = app.get(f"/projects/{project_id}/records", {query: HUGE}, expect_errors=True)
        assert_refused_with_a_message(response, query)
    response = app.get(f"/projects/{project_id}/records/export.csv", {"search_id": HUGE}, expect_errors=True)
    assert response.status_int == 400 and "too large" in response.text  # refused before the download began
    assert_refused_with_a_message(app.get(f"/portal/en/{HUGE}", expect_errors=True), "portal summary")


def test_huge_numbers_in_every_form_field_of_every_post_never_give_a_500(lead_app):
    app, project_id = lead_app
    fields = {name: HUGE for name in field_names("form")}
    for method, path, rule, _public in routes(app.app):
        if method != "POST" or rule.startswith(("/logout", "/login")):
            continue
        response = app.post(path.format(project=project_id), {**fields, "csrf_token": csrf_of(app)}, expect_errors=True)
        assert response.status_int < 500, f"POST {rule} with huge form numbers gave {response.status}"
