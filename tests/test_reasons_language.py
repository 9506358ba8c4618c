"""A new project's starting exclusion reasons are written in the language of the person who creates it."""
import re

import pytest
from conftest import login

from review.projects import project as projects
from review.projects.reasons import STARTING_REASONS, list_reasons, rename_reason
from review.screening import decisions as screening
from review.searches.importing import add_records, create_search


def create_from_the_web(app, language: str) -> int:
    """Log in as lea, switch the session to `language`, create a project with the form; return its id."""
    page = login(app, "lea")
    page = page.forms[0].submit(name="language", value=language).follow()
    form = app.get("/projects/new").forms["project-form"]
    form["title"] = "Pauser i arbeidstiden" if language == "nb" else "Breaks at work"
    page = form.submit().follow()
    return int(re.search(r"/projects/(\d+)", page.request.url).group(1))


def reasons_page_labels(app, project_id: int) -> list[str]:
    page = app.get(f"/projects/{project_id}/reasons")
    return [field["value"] for field in page.html.select("table#reasons input[name=label]")]


def full_text_choices(app, project_id: int) -> dict[str, str]:
    """The reasons a reviewer can pick on the full-text screening page: label -> reason id."""
    page = app.get(f"/projects/{project_id}/screen/2")
    return {option.get_text(strip=True).split(" · ", 1)[1]: option["value"]
            for option in page.html.select("#reason-id option") if option["value"]}


@pytest.mark.parametrize("language, labels", [
    ("nb", ["Feil populasjon", "Feil eksponering eller intervensjon", "Feil utfall", "Feil studiedesign",
            "Feil publikasjonstype", "Duplikat", "Språk"]),
    ("en", ["Wrong population", "Wrong exposure or intervention", "Wrong outcome", "Wrong study design",
            "Wrong publication type", "Duplicate report", "Language"])])
def test_the_reasons_page_lists_the_starting_reasons_in_the_creators_language(app, make_user, language, labels):
    make_user("lea")
    project_id = create_from_the_web(app, language)
    assert reasons_page_labels(app, project_id) == labels


def settle_stage1(conn, project_id: int, lead: int, rita: int, rolf: int) -> int:
    """rita and rolf review the project and include its one record at stage 1; return the record's id."""
    projects.set_member(conn, project_id, lead, "rita", "reviewer")
    projects.set_member(conn, project_id, lead, "rolf", "reviewer")
    search = create_search(conn, project_id, lead, "medline.ris", "1" * 64, "ris")
    add_records(conn, project_id, search, [{"title": "Rest breaks for nurses", "year": 2020}])
    record_id = conn.execute("SELECT id FROM records WHERE project_id = ?", (project_id,)).fetchone()[0]
    for reviewer in (rita, rolf):
        screening.record_decision(conn, project_id, reviewer, record_id, 1, "include")
    from review.screening.blinding import release_outcomes

    release_outcomes(conn, project_id, lead, 1)  # blinded reviewers work on released records at full text
    return record_id


def test_a_bokmal_project_offers_bokmal_reasons_at_full_text_and_names_them_in_prisma(app, conn, make_user):
    lead, rita, rolf = make_user("lea"), make_user("rita"), make_user("rolf")
    project_id = create_from_the_web(app, "nb")
    record_id = settle_stage1(conn, project_id, lead, rita, rolf)
    app.reset()
    login(app, "rita")
    choices = full_text_choices(app, project_id)
    assert list(choices) == list(STARTING_REASONS["nb"])
    form = app.get(f"/projects/{project_id}/screen/2").forms["decide-form"]
    form["reason_id"] = choices["Feil studiedesign"]
    form.submit("decision", value="exclude").follow()
    assert screening.my_decision(conn, project_id, rita, record_id, 2)["reason_id"] == int(choices["Feil studiedesign"])
    screening.record_decision(conn, project_id, rolf, record_id, 2, "exclude", reason_id=int(choices["Feil studiedesign"]))
    from review.screening.blinding import release_outcomes

    release_outcomes(conn, project_id, lead, 2)  # blinded, rita's diagram counts released outcomes
    for lang in ("nb", "en"):  # the diagram's own words follow its language; the reason is the project's label
        assert "Feil studiedesign (n = 1)" in app.get(f"/projects/{project_id}/prisma?lang={lang}").text


def test_the_lead_can_still_rename_a_bokmal_starting_reason(app, conn, make_user):
    lead = make_user("lea")
    project_id = create_from_the_web(app, "nb")
    reason = next(r["id"] for r in list_reasons(conn, project_id) if r["label"] == "Duplikat")
    rename_reason(conn, project_id, lead, reason, "Dobbeltpublisering")
    assert reasons_page_labels(app, project_id)[5] == "Dobbeltpublisering"


def test_projects_made_without_a_language_start_in_english(conn, make_user):
    lead = make_user("lea")
    assert [r["label"] for r in list_reasons(conn, projects.create_project(conn, lead, "Default"))] \
        == list(STARTING_REASONS["en"])
    assert [r["label"] for r in list_reasons(conn, projects.create_project(conn, lead, "Other", lang="de"))] \
        == list(STARTING_REASONS["en"])
    assert [r["label"] for r in list_reasons(conn, projects.create_project(conn, lead, "Bokmål", lang="nb"))] \
        == list(STARTING_REASONS["nb"])
