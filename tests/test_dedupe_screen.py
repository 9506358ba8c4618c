"""The duplicates screen through WebTest: the lead reviews possible pairs side by side and undoes groups."""
import threading

import pytest
from conftest import csrf_of, login

from review.dedupe.finding import duplicates_removed, find_duplicates
from review.projects import project as projects
from review.searches.importing import add_records, create_search

RECORDS = [
    {"title": "Rest breaks and fatigue in night-shift nurses", "authors": ["Berg, Anne", "Dahl, Eva"], "year": 2020,
     "journal": "Journal of Nursing Management", "volume": "28"},
    {"title": "Rest breaks and fatigue in night-shift nurses: a pilot", "authors": ["Berg, A.", "Dahl, E."],
     "year": 2020},
    {"title": "Micro-breaks for surgeons <script>alert(1)</script>", "authors": ["Lie, K."], "year": 2019,
     "journal": "Surgery", "volume": "3", "pages_start": "10", "doi": "10.1/abc"},
    {"title": "MICRO-BREAKS FOR SURGEONS <script>alert(1)</script>", "authors": ["Lie K"], "year": 2019,
     "journal": "Surgery", "volume": "3", "pages_start": "10", "doi": "https://doi.org/10.1/ABC"},
]


@pytest.fixture
def project(conn, make_user):
    lead = make_user("lene")
    make_user("anna")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    projects.set_member(conn, project_id, lead, "anna", "reviewer")
    search_id = create_search(conn, project_id, lead, "all.ris", "sha", "ris")
    add_records(conn, project_id, search_id, RECORDS)
    find_duplicates(conn, project_id, lead)
    return project_id


def test_lead_sees_the_pair_side_by_side_with_differences_marked_and_decides_by_form(app, conn, project):
    login(app, "lene")
    page = app.get(f"/projects/{project}/duplicates")
    assert "Possible pair 1 of 1" in page.text
    marked = [m.get_text() for m in page.html.select("table.pair mark.diff")]
    assert "pilot" in marked and "Rest" not in marked
    assert page.html.select_one('#pair button[data-key="s"]') is not None  # keyboard: S is same
    assert "<script>alert(1)</script>" not in page.text  # titles are escaped
    page = page.forms["decide"].submit("decision", value="same").follow()
    assert "Grouped as one publication." in page.text and "No possible pairs wait" in page.text
    assert duplicates_removed(conn, project) == 2


def test_bulk_confirm_and_undo_from_the_groups_list(app, conn, project):
    login(app, "lene")
    page = app.get(f"/projects/{project}/duplicates")
    bulk = page.forms["bulk"]
    bulk["pair_id"] = True
    page = bulk.submit().follow()
    assert "The ticked pairs are grouped." in page.text
    page = app.get(f"/projects/{project}/duplicates/groups")
    assert len([b for b in page.html.select("button") if b.get_text() == "Undo this group"]) == 2
    page = page.forms["split-1"].submit().follow()
    assert "screened on its own again" in page.text
    assert duplicates_removed(conn, project) == 1
    undo = [form_id for form_id in page.forms if str(form_id).startswith("undo-")]
    assert len(undo) == 1
    page = page.forms[undo[0]].submit().follow()
    assert "The group is undone." in page.text and "No duplicate groups yet." in page.text
    assert duplicates_removed(conn, project) == 0


def test_a_reviewer_cannot_open_the_duplicates_screen(app, project):
    login(app, "anna")
    assert app.get(f"/projects/{project}/duplicates", expect_errors=True).status_int == 403


@pytest.fixture
def fresh(conn, make_user):
    """A project with the records imported and duplicate detection not run yet."""
    lead = make_user("lene")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    search_id = create_search(conn, project_id, lead, "all.ris", "sha", "ris")
    add_records(conn, project_id, search_id, RECORDS)
    return project_id


def _jobs(app):
    return app.app.config["sil.dedupe_jobs"]


def test_find_duplicates_runs_in_the_background_and_the_page_shows_its_counts(app, conn, fresh):
    login(app, "lene")
    page = app.get(f"/projects/{fresh}/duplicates").forms["run"].submit().follow()
    assert "Duplicate detection has started" in page.text
    assert _jobs(app).wait(fresh, timeout=30).counts == {"groups": 1, "certain": 1, "possible": 1}
    page = app.get(f"/projects/{fresh}/duplicates")
    assert "Found 1 groups: 1 duplicates grouped automatically, 1 possible pairs queued." in page.text
    assert page.html.select_one("#dedupe-running") is None
    assert duplicates_removed(conn, fresh) == 1


def test_a_second_run_while_one_goes_is_refused_and_the_page_says_it_is_running(app, conn, fresh):
    release = threading.Event()

    def slow(connection, project_id, user_id):
        release.wait(30)
        return find_duplicates(connection, project_id, user_id)

    _jobs(app).runner = slow
    login(app, "lene")
    app.get(f"/projects/{fresh}/duplicates").forms["run"].submit()
    page = app.get(f"/projects/{fresh}/duplicates")
    running = page.html.select_one("#dedupe-running")
    assert running is not None and "running since" in running.get_text()
    assert page.html.select_one("form#run button[disabled]") is not None
    second = app.post(f"/projects/{fresh}/duplicates/run", {"csrf_token": csrf_of(app)}, expect_errors=True)
    assert second.status_int == 409 and "already running on this project" in second.text
    release.set()
    _jobs(app).wait(fresh, timeout=30)
    assert "Found 1 groups" in app.get(f"/projects/{fresh}/duplicates").text
    assert conn.execute("SELECT COUNT(*) FROM dedupe_runs").fetchone()[0] == 1


def test_a_failed_run_is_shown_on_the_page_and_audited(app, conn, fresh):
    def broken(connection, project_id, user_id):
        raise RuntimeError("disk I/O error")

    _jobs(app).runner = broken
    login(app, "lene")
    app.get(f"/projects/{fresh}/duplicates").forms["run"].submit()
    _jobs(app).wait(fresh, timeout=30)
    failed = app.get(f"/projects/{fresh}/duplicates").html.select_one("#dedupe-failed")
    assert failed is not None and "failed: RuntimeError: disk I/O error" in failed.get_text()
    events = conn.execute("SELECT detail FROM audit_events WHERE action = 'dedupe.failed'").fetchall()
    assert len(events) == 1 and "disk I/O error" in events[0][0]


def test_a_typed_failure_of_a_run_is_worded_in_the_readers_language(app, conn, fresh):
    from review.store.errors import Conflict
    from screens.i18n import translate

    def raced(connection, project_id, user_id):
        raise Conflict("another duplicate detection on this project finished while this one ran; "
                       "its results stand, run again to check anything added since", key="dup.raced")

    _jobs(app).runner = raced
    login(app, "lene")
    app.get(f"/projects/{fresh}/duplicates").forms["run"].submit()
    _jobs(app).wait(fresh, timeout=30)
    page = app.get(f"/projects/{fresh}/duplicates", headers={"Accept-Language": "nb-NO,nb;q=0.9"})
    failed = page.html.select_one("#dedupe-failed").get_text()
    assert translate("nb", "dup.raced") in failed and "another duplicate detection" not in failed
    events = conn.execute("SELECT detail FROM audit_events WHERE action = 'dedupe.failed'").fetchall()
    assert "another duplicate detection on this project finished" in events[0][0]  # the trail keeps the English
