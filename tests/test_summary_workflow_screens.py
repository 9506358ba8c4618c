"""The summary editor says what happens next and offers only what the person may do now; drafts autosave
without making versions; LIX is not "very easy" for an empty text."""
import pytest
from conftest import login

from review.projects import project as projects
from review.publishing import summaries
from tests.review_factory import complete
from tests.test_summary_screens import csrf, fill


@pytest.fixture
def team(conn, make_user):
    lead = make_user("lena")
    make_user("kari")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    projects.set_member(conn, project_id, lead, "kari", "communicator")
    return project_id


def buttons(page):
    return [b["id"].removeprefix("action-") for b in page.html.select("#summary-actions button")]


def test_a_communicator_sees_publish_only_after_the_lead_approved(app, conn, team):
    login(app, "kari")
    editor = app.get(f"/projects/{team}/summaries/nb")
    assert "save it as a version" in editor.html.select_one("#next-step").text
    fill(editor.forms["summary-form"], complete())
    page = editor.forms["summary-form"].submit("intent", value="version").follow()
    assert buttons(page) == ["submit"]
    page = page.forms[[k for k, f in page.forms.items() if f.action.endswith("/submit")][0]].submit().follow()
    assert "Sent to the lead for review" in page.html.select_one(".flash").text
    assert buttons(page) == []  # no Publish before approval
    assert "once the lead has approved it" in page.html.select_one("#next-step").text
    # a Publish sent anyway lands back on the editor with the reason, not on a dead-end error page
    page = app.post(f"/projects/{team}/summaries/nb/publish", {"csrf_token": csrf(page)}).follow()
    assert "approve this version before it is published" in page.html.select_one("#summary-error").text
    app.reset()
    login(app, "lena")
    lead_page = app.get(f"/projects/{team}/summaries/nb")
    assert buttons(lead_page) == ["approve", "return"]
    app.post(f"/projects/{team}/summaries/nb/approve", {"csrf_token": csrf(lead_page)})
    app.reset()
    login(app, "kari")
    page = app.get(f"/projects/{team}/summaries/nb")
    assert buttons(page) == ["publish"]
    assert "has approved this version" in page.html.select_one("#next-step").text


def test_missing_parts_are_named_before_a_summary_can_be_sent(app, conn, team):
    login(app, "kari")
    editor = app.get(f"/projects/{team}/summaries/en")
    content = complete("Breaks")
    content["limitations"] = ""
    fill(editor.forms["summary-form"], content)
    page = editor.forms["summary-form"].submit("intent", value="version").follow()
    assert buttons(page) == []
    assert "fill in Limitations of the evidence and save a version" in page.html.select_one("#next-step").text


def test_autosaved_drafts_are_not_versions_until_saved_on_purpose(app, conn, team):
    login(app, "kari")
    editor = app.get(f"/projects/{team}/summaries/nb")
    fill(editor.forms["summary-form"], complete())
    editor.forms["summary-form"].submit("intent", value="version")
    sid = summaries.project_summaries(conn, team, conn.execute("SELECT id FROM users WHERE name='kari'").fetchone()[0])["nb"]["id"]
    assert len(summaries.list_versions(conn, sid)) == 1
    editor = app.get(f"/projects/{team}/summaries/nb")
    form = editor.forms["summary-form"]
    form["why"] = "Mange jobber lange vakter uten pause."
    fields = dict(form.submit_fields())
    for _ in range(3):  # what the page's autosave sends while the person types
        result = app.post(f"/projects/{team}/summaries/nb/draft", fields, headers={"Accept": "application/json"}).json
        assert result["ok"] and "not a version" in result["message"]
    assert len(summaries.list_versions(conn, sid)) == 1
    reopened = app.get(f"/projects/{team}/summaries/nb")
    assert reopened.forms["summary-form"]["why"].value == "Mange jobber lange vakter uten pause."
    assert reopened.html.select_one("#draft-notice")
    reopened.forms["summary-form"].submit("intent", value="version")
    assert len(summaries.list_versions(conn, sid)) == 2
    assert app.get(f"/projects/{team}/summaries/nb").html.select_one("#draft-notice") is None


def test_an_empty_summary_has_no_lix_band(app, conn, team):
    login(app, "kari")
    page = app.get(f"/projects/{team}/summaries/en")
    assert page.html.select_one("#lix-line").text == "LIX: no text yet"
    assert "very easy" not in page.html.select_one("#readability").text.split("data-bands")[0]
