"""Writing, reviewing and publishing a summary through the web, and the PRISMA page."""
import pytest
from conftest import login

from review.projects import project as projects
from tests.review_factory import add_search, complete


@pytest.fixture
def team(conn, make_user):
    lead = make_user("lena")
    make_user("kari")
    make_user("rolf")
    project_id = projects.create_project(conn, lead, "Breaks at work", exposure="pauser")
    projects.set_member(conn, project_id, lead, "kari", "communicator")
    projects.set_member(conn, project_id, lead, "rolf", "reviewer")
    return project_id


def fill(form, content):
    form["title"] = content["title"]
    for i, message in enumerate(content["key_messages"]):
        form.set("key_message", message, index=i)
    for section in ("why", "what_for", "what_did", "what_found", "limitations", "up_to_date", "workplaces"):
        form[section] = content[section]
    form["report_url"] = content["report_url"]
    form["topics"] = "Helse, Skift"
    form.set("finding_outcome", "utmattelse", index=0)
    form.set("finding_certainty", "low", index=0)
    form.set("finding_text", "Pauser kan redusere utmattelse.", index=0)


def test_write_review_publish_through_the_web(app, conn, team):
    login(app, "kari")
    editor = app.get(f"/projects/{team}/summaries/nb")
    fill(editor.forms["summary-form"], complete())
    page = editor.forms["summary-form"].submit().follow()
    assert "Lagret som ny versjon" in page.text or "Saved as a new version" in page.text
    assert "LIX" in page.text and "words" in page.text
    app.post(f"/projects/{team}/summaries/nb/submit", {"csrf_token": csrf(page)}).follow()
    app.post(f"/projects/{team}/summaries/nb/approve", {"csrf_token": csrf(page)}, status=403)
    app.reset()
    login(app, "lena")
    lead_page = app.get(f"/projects/{team}/summaries/nb")
    app.post(f"/projects/{team}/summaries/nb/approve", {"csrf_token": csrf(lead_page)}).follow()
    app.post(f"/projects/{team}/summaries/nb/publish", {"csrf_token": csrf(lead_page)}).follow()
    app.reset()
    public = app.get("/portal/nb/")
    assert "Pauser på jobben" in public.text
    summary = public.click("Pauser på jobben")
    assert "Pauser kan redusere utmattelse." in summary.text and "Lav" in summary.text


def test_reviewer_reads_but_cannot_write(app, conn, team):
    login(app, "rolf")
    page = app.get(f"/projects/{team}/summaries/nb")
    assert "summary-form" not in page.text
    assert app.post(f"/projects/{team}/summaries/nb", {"csrf_token": csrf(page), "title": "x"},
                    status=403).status_int == 403


def test_editor_highlights_hard_sentences(app, conn, team):
    login(app, "kari")
    editor = app.get(f"/projects/{team}/summaries/en")
    content = complete("Breaks")
    content["why"] = ("Work is hard. Occupational epidemiological investigations systematically underestimated "
                      "musculoskeletal complaints among institutional healthcare employees.")
    fill(editor.forms["summary-form"], content)
    page = editor.forms["summary-form"].submit().follow()
    # what LIX counts is marked: the long words, not a short sentence of short words
    marks = [m.text for m in page.html.select("#marked-text mark.long-word")]
    assert {"Occupational", "epidemiological", "musculoskeletal"} <= set(marks)
    assert not {"Work", "hard"} & set(marks)


def test_prisma_page_counts_and_removals(app, conn, team):
    add_search(conn, team, "MEDLINE", 4)
    login(app, "lena")
    page = app.get(f"/projects/{team}/prisma?lang=en")
    assert "MEDLINE (n = 4)" in page.text
    form = page.forms["removal-form"]
    form["count"], form["reason"] = "2", "Retracted"
    page = form.submit().follow()
    assert "Records removed for other reasons (n = 2)" in " ".join(li.text for li in page.html.select("details li"))
    assert app.get(f"/projects/{team}/prisma.png").body.startswith(b"\x89PNG")
    assert "MEDLINE" in app.get(page.html.find("a", string="Download the search log (CSV)")["href"]).text


def csrf(page):
    return page.html.find("input", {"name": "csrf_token"})["value"]


def test_overview_card_shows_each_language(app, conn, team):
    login(app, "kari")
    editor = app.get(f"/projects/{team}/summaries/en")
    fill(editor.forms["summary-form"], complete("Breaks"))
    editor.forms["summary-form"].submit()
    card = app.get(f"/projects/{team}").text
    assert "Plain-language summaries" in card and "Draft" in card and "Not started" in card


def test_editor_offers_wording_for_each_grade_outcome(app, conn, team):
    from review.appraisal import evidence, studies

    lead = conn.execute("SELECT id FROM users WHERE name = 'lena'").fetchone()[0]
    study = studies.create_study(conn, team, lead, "Hansen 2021", [], design="randomised")
    evidence.create_outcome(conn, team, lead, "utmattelse", [study])
    login(app, "kari")
    page = app.get(f"/projects/{team}/summaries/nb")
    options = [li.text for li in page.html.select("aside details li")]
    assert "Pauser reduces utmattelse. / Pauser reduserer utmattelse." in options
