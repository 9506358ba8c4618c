"""Extraction, risk of bias and GRADE through the web: forms, blinding, role refusals, escaping, downloads."""
import pytest
from conftest import csrf_of, login

from review.appraisal import extraction, studies
from review.projects import project as projects
from review.searches.importing import add_records, create_search


@pytest.fixture
def setup(app, make_user, conn):
    lead = make_user("lena")
    make_user("rolf")
    make_user("cora")
    make_user("stranger")
    project_id = projects.create_project(conn, lead, "Breaks at work", blinded=True)
    projects.set_member(conn, project_id, lead, "rolf", "reviewer")
    projects.set_member(conn, project_id, lead, "cora", "communicator")
    search_id = create_search(conn, project_id, lead, "m.ris", "0" * 64, "ris")
    add_records(conn, project_id, search_id, [{"title": "Micro-breaks in nursing", "year": 2020},
                                              {"title": "Micro-breaks, follow-up", "year": 2021}])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ?", (project_id,))]
    return {"project": project_id, "records": records, "lead": lead}


def _as(app, name):
    app.reset()
    login(app, name)


def test_create_study_and_extract_with_errors_kept(app, setup, conn):
    pid = setup["project"]
    _as(app, "lena")
    form = app.get(f"/projects/{pid}/studies").forms["study-form"]
    form["label"], form["record_ids"] = "Smith 2020", ", ".join(map(str, setup["records"]))
    page = form.submit().follow()
    assert "Micro-breaks in nursing" in page.text
    form = page.forms["extract-form"]
    form["v:country"], form["v:sample_size"] = "Norway", "about forty"
    page = form.submit(name="action", value="save", status=400)
    assert "Sample size: &#039;about forty&#039; is not a number" in page.text
    assert page.forms["extract-form"]["v:country"].value == "Norway"
    form = page.forms["extract-form"]
    form["v:sample_size"], form["v:outcomes.1.name"] = "40", "Fatigue"
    form.submit(name="action", value="save").follow()
    study_id = studies.list_studies(conn, pid)[0]["id"]
    assert extraction.own_values(conn, study_id, setup["lead"]) == {
        "country": "Norway", "sample_size": 40, "outcomes.1.name": "Fatigue"}


def test_blinded_comparison_through_the_web(app, setup, conn):
    pid = setup["project"]
    study_id = studies.create_study(conn, pid, setup["lead"], "Smith 2020", setup["records"][:1])
    rolf = conn.execute("SELECT id FROM users WHERE name = 'rolf'").fetchone()[0]
    extraction.save_values(conn, study_id, setup["lead"], {"country": "Sweden"})
    _as(app, "rolf")
    page = app.get(f"/projects/{pid}/studies/{study_id}")
    form = page.forms["extract-form"]
    form["v:country"] = "Norway"
    page = form.submit(name="action", value="submit").follow()
    assert "Norway" in page.text and "Sweden" not in page.text
    extraction.submit(conn, study_id, setup["lead"])
    page = app.get(f"/projects/{pid}/studies/{study_id}/compare")
    assert "Sweden" in page.text and "Fields that differ: 1" in page.text
    form = page.forms["agree-form"]
    form["a:country"] = "Norway"
    form.submit(name="action", value="save").follow()
    assert extraction.agreed_values(conn, study_id) == {"country": "Norway"}
    assert rolf in extraction.submitted_reviewers(conn, study_id)


def test_role_refusals(app, setup, conn):
    pid = setup["project"]
    _as(app, "cora")
    app.get(f"/projects/{pid}/studies", status=403)
    app.get(f"/projects/{pid}/appraisal", status=403)
    app.post(f"/projects/{pid}/studies", {"csrf_token": csrf_of(app), "label": "X", "record_ids": "1"}, status=403)
    assert app.get(f"/projects/{pid}/grade").status_int == 200
    assert app.get(f"/projects/{pid}/export/sof.csv").content_type == "text/csv"
    _as(app, "rolf")
    app.get(f"/projects/{pid}/extraction-form", status=403)
    app.post(f"/projects/{pid}/rob-tools", {"csrf_token": csrf_of(app), "name": "T"}, status=403)
    _as(app, "stranger")
    app.get(f"/projects/{pid}/grade", status=404)
    app.get(f"/projects/{pid}/export/extraction.xlsx", status=404)
    _as(app, "lena")
    app.post(f"/projects/{pid}/studies", {"label": "No token", "record_ids": ""}, status=403)
    assert studies.list_studies(conn, pid) == []


def test_form_design_refuses_choice_without_options(app, setup, conn):
    pid = setup["project"]
    _as(app, "lena")
    form = app.get(f"/projects/{pid}/extraction-form").forms["design-form"]
    form["definition"] = '{"fields": [{"key": "design", "label": "Design", "type": "choice"}]}'
    page = form.submit(status=400)
    assert "a choice field needs at least one option" in page.text
    form = page.forms["design-form"]
    form["definition"] = '{"fields": [{"key": "design", "label": "Design", "type": "choice", "options": ["RCT"]}]}'
    assert "RCT" in form.submit().follow().text


def test_rob_assessment_and_plot(app, setup, conn):
    pid = setup["project"]
    study_id = studies.create_study(conn, pid, setup["lead"], "Smith 2020", setup["records"][:1])
    _as(app, "lena")
    form = app.get(f"/projects/{pid}/appraisal").forms["rob-open-form"]
    form["study_id"], form["tool"], form["outcome"], form["consensus"] = str(study_id), "robins_i", "Fatigue", True
    page = form.submit().follow()
    form = page.forms["rob-form"]
    for i in range(1, 8):
        form[f"d{i}.judgement"] = "low"
    form["d1.judgement"], form["d1.support"] = "serious", "no adjustment for shift work"
    page = form.submit(name="action", value="save").follow()
    assert "Derived by the tool&#039;s rule: <strong>Serious</strong>" in page.text
    form = page.forms["rob-form"]
    form["overall.override"] = "moderate"
    page = form.submit(name="action", value="save", status=400)
    assert "Give a reason" in page.text
    svg = app.get(f"/projects/{pid}/export/rob-plot.svg", {"tool": "robins_i", "outcome": "Fatigue"})
    assert svg.content_type == "image/svg+xml" and "Smith 2020" in svg.text and "#BF0000" in svg.text
    png = app.get(f"/projects/{pid}/export/rob-plot.png", {"tool": "robins_i", "outcome": "Fatigue", "kind": "summary"})
    assert png.body.startswith(b"\x89PNG")


def test_grade_outcome_rating_and_escaped_sof(app, setup, conn):
    pid = setup["project"]
    studies.create_study(conn, pid, setup["lead"], "Smith 2020", setup["records"][:1])
    _as(app, "rolf")
    form = app.get(f"/projects/{pid}/grade").forms["outcome-form"]
    form["name"] = "<script>alert(1)</script> fatigue"
    form.get("study", index=0).checked = True
    page = form.submit().follow()
    form = page.forms["grade-form"]
    form["level:imprecision"] = "serious"
    page = form.submit(status=400)
    assert "Imprecision: explain why you rate down" in page.text
    form = page.forms["grade-form"]
    form["level:imprecision"], form["why:imprecision"] = "serious", "one study of 40 nurses"
    page = form.submit().follow()
    assert "⊕◯◯◯ Very low" in page.text
    page = app.get(f"/projects/{pid}/grade")
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text
    assert "a</span> Imprecision (serious): <span data-content>one study of 40 nurses</span>" in page.text
    docx = app.get(f"/projects/{pid}/export/sof.docx")
    assert docx.body.startswith(b"PK") and "attachment" in docx.headers["Content-Disposition"]


def test_overview_card_shows_certainty(app, setup, conn):
    from review.appraisal import evidence

    pid = setup["project"]
    study_id = studies.create_study(conn, pid, setup["lead"], "Smith 2020", setup["records"][:1], design="randomised")
    evidence.create_outcome(conn, pid, setup["lead"], "Sleep quality", [study_id])
    _as(app, "lena")
    page = app.get(f"/projects/{pid}")
    assert "1 study, 1 outcome graded" in page.text and "Sleep quality</span>: ⊕⊕⊕⊕ High" in page.text


def test_lead_adds_and_removes_fields(app, setup, conn):
    from review.appraisal import forms

    pid = setup["project"]
    _as(app, "lena")
    form = app.get(f"/projects/{pid}/extraction-form").forms["field-form"]
    form["key"], form["label"], form["type"] = "shift", "Shift pattern", "choice"
    page = form.submit(status=400)
    assert "a choice field needs at least one option" in page.text
    form = page.forms["field-form"]
    form["key"], form["label"], form["type"], form["options"] = "shift", "Shift pattern", "choice", "day\nnight\nrotating"
    form.submit().follow()
    field = forms.get_form(conn, pid)["fields"][-1]
    assert (field["key"], field["options"]) == ("shift", ["day", "night", "rotating"])
    app.post(f"/projects/{pid}/extraction-form/remove", {"csrf_token": csrf_of(app), "key": "funding"}).follow()
    assert "funding" not in [f["key"] for f in forms.get_form(conn, pid)["fields"]]


def test_rob_comparison_and_consensus_through_the_web(app, setup, conn):
    from review.appraisal.rob import assessments as rob

    pid = setup["project"]
    study_id = studies.create_study(conn, pid, setup["lead"], "Smith 2020", setup["records"][:1])
    rolf = conn.execute("SELECT id FROM users WHERE name = 'rolf'").fetchone()[0]
    for user, d1 in ((setup["lead"], "low"), (rolf, "some_concerns")):
        mine = rob.open_assessment(conn, study_id, user, "rob2", "Fatigue")
        rob.record_judgements(conn, mine, user, {**{f"d{i}.judgement": "low" for i in range(1, 6)}, "d1.judgement": d1})
    _as(app, "rolf")
    page = app.get(f"/projects/{pid}/rob/compare", {"study": study_id, "tool": "rob2", "outcome": "Fatigue"})
    assert page.text.count('<th scope="col">') == 3  # domain, rolf's own column, consensus: lena's is hidden
    rob.submit_assessment(conn, rob.open_assessment(conn, study_id, rolf, "rob2", "Fatigue"), rolf)
    rob.submit_assessment(conn, rob.open_assessment(conn, study_id, setup["lead"], "rob2", "Fatigue"), setup["lead"])
    page = app.get(f"/projects/{pid}/rob/compare", {"study": study_id, "tool": "rob2", "outcome": "Fatigue"})
    assert page.text.count('<th scope="col">') == 4 and "≠" in page.text
    page = page.forms["rob-agree-form"].submit().follow()
    assert page.forms["rob-form"]["d1.judgement"].value == "" and page.forms["rob-form"]["d2.judgement"].value == "low"


def test_link_and_unlink_reports(app, setup, conn):
    pid = setup["project"]
    first, second = setup["records"]
    study_id = studies.create_study(conn, pid, setup["lead"], "Smith 2020", [first])
    _as(app, "rolf")
    form = app.get(f"/projects/{pid}/studies/{study_id}").forms["link-form"]
    form["record_ids"] = "twelve"
    assert "whole numbers" in form.submit(status=400).text
    form["record_ids"] = str(second)
    form.submit().follow()
    assert [r["id"] for r in studies.get_study(conn, study_id)["records"]] == [first, second]
    app.post(f"/projects/{pid}/studies/{study_id}/unlink", {"csrf_token": csrf_of(app), "record": str(first)}).follow()
    assert [r["id"] for r in studies.get_study(conn, study_id)["records"]] == [second]


def test_judgements_show_in_bokmal(app, setup, conn):
    from review.appraisal.rob import assessments as rob

    pid = setup["project"]
    study_id = studies.create_study(conn, pid, setup["lead"], "Smith 2020", setup["records"][:1])
    agreed = rob.open_assessment(conn, study_id, setup["lead"], "rob2", consensus=True)
    rob.record_judgements(conn, agreed, setup["lead"], {f"d{i}.judgement": "some_concerns" for i in range(1, 6)})
    _as(app, "lena")
    page = app.get(f"/projects/{pid}/rob/{agreed}", headers={"Accept-Language": "nb-NO,nb;q=0.9"})
    assert "Utledet etter verktøyets regel: <strong>Noe usikkerhet</strong>" in page.text


def test_study_list_shows_progress(app, setup, conn):
    pid = setup["project"]
    study_id = studies.create_study(conn, pid, setup["lead"], "Smith 2020", setup["records"][:1])
    extraction.save_values(conn, study_id, setup["lead"], {"country": "Norway"})
    extraction.submit(conn, study_id, setup["lead"])
    _as(app, "rolf")
    assert "1 submitted · 0 agreed values" in app.get(f"/projects/{pid}/studies").text
