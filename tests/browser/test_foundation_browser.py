"""The first minutes of a newcomer, in a real browser: log in, create a project, switch language."""
import pytest
from conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_log_in_create_a_project_and_switch_language(live_server, page, make_user, tmp_path):
    make_user("anne")
    page.goto(live_server + "/")
    page.get_by_label("User name").fill("anne")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Your review projects").wait_for()

    page.get_by_role("link", name="New project").click()
    page.get_by_label("Title").fill("Working from home and health")
    page.get_by_label("Review question").fill("How does working from home affect health?")
    page.get_by_label("Scoping review").check()
    page.get_by_role("button", name="Create project").click()
    page.get_by_text("Project created.").wait_for()
    assert page.get_by_role("heading", name="Working from home and health").is_visible()
    assert page.get_by_text("Scoping review").is_visible()
    page.screenshot(path=str(tmp_path / "project.png"), full_page=True)

    page.get_by_role("button", name="Norsk bokmål").click()
    page.get_by_role("link", name="Innstillinger").wait_for()
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.get_by_role("link", name="Oversikt").is_visible()
