"""Find duplicates in a real browser: the run goes on in the background and the page updates itself."""
import threading

import pytest
from conftest import PASSWORD

from review.dedupe.finding import find_duplicates
from review.projects import project as projects
from review.searches.importing import add_records, create_search

pytestmark = pytest.mark.browser

RECORDS = [
    {"title": "Rest breaks and fatigue in night-shift nurses", "authors": ["Berg, Anne", "Dahl, Eva"], "year": 2020,
     "journal": "Journal of Nursing Management", "volume": "28", "pages_start": "12"},
    {"title": "REST BREAKS AND FATIGUE IN NIGHT-SHIFT NURSES.", "authors": ["Berg A", "Dahl E"], "year": 2020,
     "journal": "J Nurs Manag", "volume": "28", "pages_start": "12"},
]


@pytest.fixture
def release(monkeypatch):
    """Runs wait for this event, so the test sees the page while one goes (set before the server starts)."""
    import screens.duplicates

    gate = threading.Event()

    def held(conn, project_id, user_id):
        gate.wait(20)
        return find_duplicates(conn, project_id, user_id)

    real = screens.duplicates.DedupeJobs
    monkeypatch.setattr(screens.duplicates, "DedupeJobs", lambda db_path: real(db_path, runner=held))
    yield gate
    gate.set()


def test_the_page_says_the_run_goes_on_then_shows_its_counts_by_itself(release, live_server, page, conn, make_user,
                                                                        tmp_path):
    lead = make_user("lene")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    add_records(conn, project_id, create_search(conn, project_id, lead, "all.ris", "sha", "ris"), RECORDS)
    page.goto(live_server + "/")
    page.get_by_label("User name").fill("lene")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server}/projects/{project_id}/duplicates")
    page.get_by_role("button", name="Find duplicates").click()
    page.get_by_text("running since").wait_for()
    assert page.get_by_role("button", name="Find duplicates").is_disabled()
    page.screenshot(path=str(tmp_path / "running.png"), full_page=True)
    release.set()
    # no click: the page looks again by itself
    page.get_by_text("Found 1 groups: 1 duplicates grouped automatically").wait_for(timeout=15000)
    assert page.get_by_role("button", name="Find duplicates").is_enabled()
