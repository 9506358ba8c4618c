"""The records list in a real browser: facet links filter it, the lead ticks a page of records and labels them;
the records list and the screening page (with its key dialog open) pass axe-core's WCAG 2.1 AA rules."""
import pytest
from conftest import browser_login
from test_accessibility import axe_page, serious_violations  # noqa: F401  (axe_page is a fixture)

from review.projects import project as projects
from review.screening import decisions as screening
from review.searches.importing import add_records, create_search

pytestmark = pytest.mark.browser


@pytest.fixture
def review(conn, make_user):
    lead, rita, rolf = make_user("lea"), make_user("rita"), make_user("rolf")
    pid = projects.create_project(conn, lead, "Breaks")
    for name in ("rita", "rolf"):
        projects.set_member(conn, pid, lead, name, "reviewer")
    search = create_search(conn, pid, lead, "a.ris", "5" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Breaks study {i}", "abstract": "Nurses."} for i in range(8)])
    r = [row[0] for row in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    for i in (0, 1, 2):  # three conflicts
        screening.record_decision(conn, pid, rita, r[i], 1, "include")
        screening.record_decision(conn, pid, rolf, r[i], 1, "exclude")
    screening.record_decision(conn, pid, rita, r[3], 1, "include")
    screening.record_decision(conn, pid, rolf, r[3], 1, "include")
    return pid, r


def test_filter_by_a_facet_then_label_the_page_and_move_it_to_full_text(live_server, page, conn, review):
    pid, r = review
    browser_login(page, live_server, "lea")
    page.goto(f"{live_server}/projects/{pid}/records")
    conflict = page.locator("#facet-final a[data-value=conflict]")
    assert conflict.locator(".count").inner_text() == "3"
    conflict.click()
    page.locator("#facet-final a[aria-current=true]").wait_for()
    assert page.locator("table.records tbody tr").count() == 3
    page.locator("#pick-page").check()  # one tick for the whole page (JavaScript)
    assert page.locator("#bulk-selected").inner_text() == "3"
    page.locator(f"#pick-{r[2]}").uncheck()
    assert page.locator("#bulk-selected").inner_text() == "2"
    assert page.locator("#bulk-reason").is_hidden()  # only the fields the chosen action needs
    page.get_by_role("combobox", name="Label").fill("Ask the content expert")
    page.get_by_role("button", name="Apply").click()
    page.locator("#bulk-done").wait_for()
    assert page.locator("#bulk-done").inner_text() == "Label added to 2 records."
    label = page.locator("#facet-label a[data-value='Ask the content expert']")
    assert label.locator(".count").inner_text() == "2"
    label.click()
    page.locator("#facet-label a[aria-current=true]").wait_for()
    page.get_by_label("What to do").select_option("move")
    page.locator("#bulk-all").check()
    page.get_by_label("Reason for the resolution").fill("Full text will tell")
    page.get_by_role("button", name="Apply").click()
    page.locator("#bulk-done").wait_for()
    assert page.locator("#bulk-done").inner_text().startswith("2 records resolved as include")
    assert screening.screening_counts(conn, pid)["reports_sought"] == 3  # r3 agreed, r0 and r1 resolved
    # the agreed exclusions go on only when the lead ticks the box (an optional field: not required)
    page.goto(f"{live_server}/projects/{pid}/records")
    page.get_by_label("What to do").select_option("move")
    page.locator("#bulk-all").check()
    page.get_by_label("Reason for the resolution").fill("Full text will tell")
    assert not page.locator("#bulk-over-agreed").evaluate("box => box.required")
    page.get_by_role("button", name="Apply").click()
    page.locator("#bulk-done").wait_for()
    assert "agreed by the reviewers" in page.locator("#bulk-done").inner_text()


def test_records_list_and_screening_page_have_no_serious_violations(live_server, axe_page, review):  # noqa: F811
    pid, _ = review
    browser_login(axe_page, live_server, "rita")
    axe_page.goto(f"{live_server}/projects/{pid}/records")
    assert serious_violations(axe_page) == []
    axe_page.goto(f"{live_server}/projects/{pid}/screen/1")
    assert serious_violations(axe_page) == []
    axe_page.keyboard.press("?")
    axe_page.locator("dialog#keys").wait_for(state="visible")
    assert serious_violations(axe_page) == []
    axe_page.keyboard.press("Escape")
    axe_page.get_by_role("button", name="Log out").click()
    browser_login(axe_page, live_server, "lea")
    axe_page.goto(f"{live_server}/projects/{pid}/records")
    assert serious_violations(axe_page) == []
