"""A reviewer's path in a real browser: create a study, extract, judge risk of bias, grade an outcome."""
import pytest
from conftest import PASSWORD

from review.projects import project as projects
from review.searches.importing import add_records, create_search

pytestmark = pytest.mark.browser


def test_extract_assess_and_grade(live_server, page, make_user, conn):
    lead = make_user("lena")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    search_id = create_search(conn, project_id, lead, "m.ris", "0" * 64, "ris")
    add_records(conn, project_id, search_id, [{"title": "Micro-breaks in nursing", "year": 2020}])
    record_id = conn.execute("SELECT id FROM records").fetchone()[0]
    page.goto(live_server + "/")
    page.get_by_label("User name").fill("lena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server}/projects/{project_id}/studies")

    page.get_by_label("Label (e.g. first author and year)").fill("Smith 2020")
    page.get_by_label("Or record numbers, separated by commas").fill(str(record_id))
    page.get_by_role("button", name="Create study").click()
    page.get_by_label("Country").fill("Norway")
    page.get_by_label("Sample size").fill("240")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved.").wait_for()
    assert page.get_by_label("Country").input_value() == "Norway"

    page.get_by_role("link", name="Risk of bias").click()
    page.get_by_label("Tool").select_option("robins_e")
    page.get_by_label("Outcome").fill("Fatigue")
    page.get_by_label("Consensus").check()
    page.get_by_role("button", name="Open assessment").click()
    for i in range(1, 8):
        page.locator(f"#j-d{i}").select_option("low")
    page.locator("#j-d1").select_option("high")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Derived by the tool's rule: High").wait_for()

    page.get_by_role("link", name="GRADE").click()
    page.locator("#o-name").fill("Fatigue")
    page.get_by_label("Smith 2020 (Observational)").check()
    page.get_by_role("button", name="Create outcome").click()
    page.locator("#l-risk_of_bias").select_option("serious")
    page.locator("#w-risk_of_bias").fill("confounding by shift work")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("⊕◯◯◯ Very low").first.wait_for()
    page.get_by_role("link", name="GRADE").click()
    assert page.get_by_role("cell", name="⊕◯◯◯ Very low (a)").is_visible()
    assert page.get_by_text("Risk of bias (serious): confounding by shift work").is_visible()
