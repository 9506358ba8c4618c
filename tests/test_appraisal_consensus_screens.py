"""Consensus pages: risk of bias prefilled from one submitted assessment (and the page says what was done);
the extraction comparison shows labels, offers selects for choices, keeps long values whole and lets a
resolver take one reviewer's value."""
import pytest
from conftest import login

from review.appraisal import extraction, studies
from review.appraisal.rob import assessments as rob
from review.projects import project as projects
from review.searches.importing import add_records, create_search

LONG = ("Registered nurses and nursing assistants on three medical wards of a university hospital in Bergen, "
        "all shifts, excluding agency staff and students on placement")


@pytest.fixture
def setup(app, make_user, conn):
    lead, rolf = make_user("lena"), make_user("rolf")
    pid = projects.create_project(conn, lead, "Breaks at work", blinded=True)
    projects.set_member(conn, pid, lead, "rolf", "reviewer")
    search = create_search(conn, pid, lead, "m.ris", "0" * 64, "ris")
    add_records(conn, pid, search, [{"title": "Micro-breaks in nursing", "year": 2020}])
    record = conn.execute("SELECT id FROM records WHERE project_id = ?", (pid,)).fetchone()[0]
    study = studies.create_study(conn, pid, lead, "Smith 2020", [record])
    return pid, study, lead, rolf


def _as(app, name):
    app.reset()
    login(app, name)


def test_a_consensus_from_one_submitted_assessment_is_prefilled_and_says_so(app, conn, setup):
    pid, study, lead, rolf = setup
    _as(app, "rolf")
    mine = rob.open_assessment(conn, study, rolf, "rob2", "Fatigue")
    rob.record_judgements(conn, mine, rolf, {**{f"d{i}.judgement": "low" for i in range(1, 6)}, "d3.judgement": "high",
                                  "d3.support": "Many lost to follow-up", "d1.q.1.1": "Y"})
    form = app.get(f"/projects/{pid}/rob/{mine}").forms["rob-form"]
    page = form.submit(name="action", value="submit").follow()
    assert "Submitted: your assessment is finished" in page.html.select_one(".flash").text
    _as(app, "lena")
    page = app.get(f"/projects/{pid}/rob/compare", {"study": study, "tool": "rob2", "outcome": "Fatigue"})
    page = page.forms["rob-agree-form"].submit().follow()
    assert "from the one submitted assessment" in page.html.select_one(".flash").text
    consensus = page.forms["rob-form"]
    assert consensus["d3.judgement"].value == "high" and consensus["d1.judgement"].value == "low"
    assert consensus["d3.support"].value == "Many lost to follow-up" and consensus["d1.q.1.1"].value == "Y"
    # what the pair changed in the consensus is kept when it is started again
    consensus["d3.judgement"] = "some_concerns"
    consensus.submit(name="action", value="save")
    page = app.get(f"/projects/{pid}/rob/compare", {"study": study, "tool": "rob2", "outcome": "Fatigue"})
    page = page.forms["rob-agree-form"].submit().follow()
    assert page.forms["rob-form"]["d3.judgement"].value == "some_concerns"


def test_the_extraction_comparison_shows_labels_selects_and_whole_values(app, conn, setup):
    pid, study, lead, rolf = setup
    extraction.save_values(conn, study, lead, {"design": "Prospective cohort", "confounders_adjusted": "no",
                                               "population": LONG, "country": "Norway"})
    extraction.save_values(conn, study, rolf, {"design": "Cross-sectional", "confounders_adjusted": "yes",
                                               "population": "Nurses", "country": "Norway"})
    extraction.submit(conn, study, lead)
    extraction.submit(conn, study, rolf)
    _as(app, "lena")
    page = app.get(f"/projects/{pid}/studies/{study}/compare")
    row = page.html.select_one("#a-confounders_adjusted").find_parent("tr")
    assert [td.select_one("span").text for td in row.select("td.value")] == ["No", "Yes"]  # labels, not "no"
    design = page.html.select_one("#a-design")
    assert design.name == "select" and "Randomised controlled trial" in [o.text for o in design.select("option")]
    assert page.html.select_one("#a-confounders_adjusted").name == "select"
    population = page.html.select_one(f"td.value span[data-value-of='{lead}']", string=LONG)
    assert population is not None  # the whole value, never cut to a box's width
    # "take Rolf's value" without JavaScript: saves that value as agreed at once
    form = page.forms["agree-form"]
    page = form.submit(name="take", value=f"{rolf}|design").follow()
    assert extraction.agreed_values(conn, study)["design"] == "Cross-sectional"
    page.forms["agree-form"].submit(name="take", value=f"{lead}|*").follow()
    agreed = extraction.agreed_values(conn, study)
    assert agreed["population"] == LONG and agreed["confounders_adjusted"] == "no"
    assert agreed["design"] == "Prospective cohort"
    agreed_textarea = app.get(f"/projects/{pid}/studies/{study}/compare").html.select_one("#a-population")
    assert agreed_textarea.name == "textarea" and agreed_textarea.text == LONG and int(agreed_textarea["rows"]) >= 3


def test_taking_a_value_the_viewer_may_not_see_is_refused(app, conn, setup):
    pid, study, lead, rolf = setup
    extraction.save_values(conn, study, lead, {"country": "Sweden"})
    extraction.save_values(conn, study, rolf, {"country": "Norway"})
    extraction.submit(conn, study, rolf)
    _as(app, "rolf")  # lena has not submitted: blinding hides her values from rolf
    page = app.get(f"/projects/{pid}/studies/{study}/compare")
    assert "Sweden" not in page.text
    fields = dict(page.forms["agree-form"].submit_fields())
    app.post(f"/projects/{pid}/studies/{study}/agree", {**fields, "take": f"{lead}|country"}, status=400)
    assert "country" not in extraction.agreed_values(conn, study)
