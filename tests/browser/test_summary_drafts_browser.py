"""Two writers in the summary editor, in two browsers: the one whose text is behind is told as she types who saved
a version and when (in her own time zone), reloads to read it beside her own text, is refused a plain save, and
saves over it on purpose."""
import pytest
from conftest import PASSWORD

from review.accounts import users
from review.projects import project as projects
from review.publishing import summaries
from screens.i18n.formats import fmt_datetime
from tests.review_factory import complete

pytestmark = pytest.mark.browser
ZONE = "America/New_York"


@pytest.fixture
def team(conn, make_user):
    lena, kari = make_user("lena"), make_user("kari")
    project_id = projects.create_project(conn, lena, "Breaks at work")
    projects.set_member(conn, project_id, lena, "kari", "communicator")
    users.set_time_zone(conn, kari, ZONE)
    sid = summaries.create_summary(conn, project_id, "nb", lena)
    summaries.save_version(conn, sid, lena, complete("Pauser på jobben"))
    return {"pid": project_id, "sid": sid}


def _open_editor(page, live_server, project_id, name):
    page.goto(live_server + "/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Your review projects").wait_for()
    page.goto(f"{live_server}/projects/{project_id}/summaries/nb")


def test_a_writer_is_told_of_a_version_saved_meanwhile_and_saves_over_it_only_on_purpose(
        live_server, page, chromium, conn, team):
    _open_editor(page, live_server, team["pid"], "kari")
    why = page.get_by_label("Why we did this")
    why.fill("")
    why.type("Kari skriver om nattskift.")
    page.locator("#draft-status:has-text('Draft saved')").wait_for(timeout=20000)
    assert page.locator("#others-live").is_hidden()

    lena_context = chromium.new_context(locale="en-GB")
    try:
        lena = lena_context.new_page()
        lena.set_default_timeout(15000)
        _open_editor(lena, live_server, team["pid"], "lena")
        lena.get_by_label("Title").fill("Pauser gjør vaktene tryggere")
        lena.get_by_role("button", name="Save as a new version").click()
        lena.get_by_text("Saved as a new version.").wait_for()
    finally:
        lena_context.close()
    saved_at = summaries.latest_version(conn, team["sid"])["saved_at"]
    when = fmt_datetime(saved_at, "en", ZONE)

    # her next autosave brings the news, and the page offers to reload
    page.locator("#draft-status").evaluate("el => el.textContent = ''")
    why.press("End")
    why.type(" Og om pauser.")
    live = page.locator("#others-live")
    live.wait_for(state="visible", timeout=20000)
    assert live.locator("li").all_inner_texts() == [
        f"lena saved version 2 on {when}, after your text started from version 1."]
    live.get_by_role("button", name="Save my draft and reload the page to compare").click()

    notice = page.locator("#others-notice")
    notice.wait_for()
    assert f"lena saved version 2 on {when}" in notice.inner_text()
    assert why.input_value() == "Kari skriver om nattskift. Og om pauser."  # her own text, kept
    notice.get_by_text("Show version 2, saved by lena").click()
    assert "Pauser gjør vaktene tryggere" in notice.locator("details .pre").first.inner_text()

    page.get_by_role("button", name="Save as a new version", exact=True).click()
    error = page.locator("#summary-error")
    error.wait_for()
    assert "lena saved version 2" in error.inner_text() and "kept as your draft" in error.inner_text()
    assert len(summaries.list_versions(conn, team["sid"])) == 2

    page.get_by_role("button", name="Save my text as a new version over version 2").click()
    page.get_by_text("Saved as a new version.").wait_for()
    newest = summaries.latest_version(conn, team["sid"])
    assert newest["number"] == 3 and newest["content"]["why"] == "Kari skriver om nattskift. Og om pauser."
    assert page.locator("#others-notice").count() == 0
