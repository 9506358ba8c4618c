"""Studies, dual extraction, blinded comparison and agreed values."""
import pytest

from review.appraisal import extraction, studies
from review.store.errors import Conflict, Forbidden, Invalid, NotFound
from tests.appraisal_setup import make_team


@pytest.fixture
def team(conn):
    return make_team(conn)


@pytest.fixture
def study(conn, team):
    return studies.create_study(conn, team.project_id, team.lead, "Smith 2020", team.records[:2])


def test_a_study_links_several_reports_but_a_report_belongs_to_one_study(conn, team, study):
    assert [r["id"] for r in studies.get_study(conn, study)["records"]] == team.records[:2]
    with pytest.raises(Conflict, match="belongs to the study 'Smith 2020'"):
        studies.create_study(conn, team.project_id, team.lead, "Jones 2021", team.records[1:3])
    assert len(studies.list_studies(conn, team.project_id)) == 1


def test_communicator_cannot_create_studies_and_outsider_cannot_see_project(conn, team):
    with pytest.raises(Forbidden):
        studies.create_study(conn, team.project_id, team.communicator, "X 2020", team.records[:1])
    with pytest.raises(NotFound):
        studies.create_study(conn, team.project_id, 9999, "X 2020", team.records[:1])


def test_values_are_checked_against_the_form(conn, team, study):
    with pytest.raises(Invalid, match="Sample size: 'many' is not a number"):
        extraction.save_values(conn, study, team.ann, {"sample_size": "many"})
    with pytest.raises(Invalid, match="no field 'colour'"):
        extraction.save_values(conn, study, team.ann, {"colour": "red"})
    assert extraction.own_values(conn, study, team.ann) == {}


def test_edits_are_events_and_audited(conn, team, study):
    extraction.save_values(conn, study, team.ann, {"country": "Norway"})
    extraction.save_values(conn, study, team.ann, {"country": "Sweden"})
    assert extraction.save_values(conn, study, team.ann, {"country": "Sweden"}) == []
    assert extraction.own_values(conn, study, team.ann) == {"country": "Sweden"}
    assert conn.execute("SELECT COUNT(*) FROM extraction_values").fetchone()[0] == 2
    audited = conn.execute("SELECT COUNT(*) FROM audit_events WHERE action = 'extraction.values_saved'").fetchone()[0]
    assert audited == 2


def _extract_both(conn, team, study):
    extraction.save_values(conn, study, team.ann, {"country": "Norway", "sample_size": "120",
                                                   "outcomes.1.name": "Fatigue", "outcomes.1.value": "1.4"})
    extraction.save_values(conn, study, team.bob, {"country": "Norway", "sample_size": "112",
                                                   "outcomes.1.name": "Fatigue", "outcomes.1.value": "1.4"})


def test_blinded_reviewer_sees_only_own_values_until_both_submitted(conn, team, study):
    _extract_both(conn, team, study)
    view = extraction.comparison(conn, study, team.ann)
    assert list(view["reviewers"]) == [team.ann]
    assert all(set(row["values"]) == {team.ann} for row in view["rows"])
    extraction.submit(conn, study, team.ann)
    assert list(extraction.comparison(conn, study, team.ann)["reviewers"]) == [team.ann]
    extraction.submit(conn, study, team.bob)
    view = extraction.comparison(conn, study, team.ann)
    assert list(view["reviewers"]) == [team.ann, team.bob]
    assert [row["path"] for row in view["rows"] if row["differs"]] == ["sample_size"]


def test_lead_sees_both_extractions_at_once(conn, team, study):
    _extract_both(conn, team, study)
    view = extraction.comparison(conn, study, team.lead)
    assert view["differences"] == 1
    row = next(r for r in view["rows"] if r["path"] == "sample_size")
    assert row["values"] == {team.ann: 120, team.bob: 112} and row["label"] == "Sample size"


def test_unblinded_project_shows_the_other_reviewer_at_once(conn):
    team = make_team(conn, blinded=False)
    study = studies.create_study(conn, team.project_id, team.lead, "Lee 2019", team.records[:1])
    _extract_both(conn, team, study)
    assert list(extraction.comparison(conn, study, team.ann)["reviewers"]) == [team.ann, team.bob]


def test_agreed_values_after_consensus(conn, team, study):
    _extract_both(conn, team, study)
    with pytest.raises(Forbidden, match="submit your own extraction"):
        extraction.record_agreed(conn, study, team.ann, {"sample_size": 120})
    extraction.submit(conn, study, team.ann)
    extraction.submit(conn, study, team.bob)
    agreed = extraction.agree_identical_values(conn, study, team.lead)
    assert sorted(agreed) == ["country", "outcomes.1.name", "outcomes.1.value"]
    extraction.record_agreed(conn, study, team.ann, {"sample_size": 120})
    view = extraction.comparison(conn, study, team.lead)
    assert {row["path"]: row["agreed"] for row in view["rows"]}["sample_size"] == 120
    table = extraction.extraction_table(conn, team.project_id)
    values = table["studies"][0]["values"]
    assert values["outcomes"] == [{"name": "Fatigue", "value": 1.4}] and values["sample_size"] == 120


def test_reports_included_at_full_text_are_offered_until_in_a_study(conn):
    from review.screening import decisions as screening
    from review.screening.blinding import release_outcomes
    from tests.screening_setup import make_project

    project, users, ids = make_project(conn, records=3)
    for stage in (1, 2):
        for reviewer in ("rita", "rolf"):
            screening.record_decision(conn, project, users[reviewer], ids[0], stage, "include")
        if stage == 1:
            release_outcomes(conn, project, users["lea"], 1)  # blinded reviewers work on released records
    assert [r["id"] for r in studies.candidate_records(conn, project)] == [ids[0]]
    # Blinded, a reviewer is offered what the lead released as included at full text, nothing before.
    assert studies.candidate_records(conn, project, users["rita"]) == []
    release_outcomes(conn, project, users["lea"], 2)
    assert [r["id"] for r in studies.candidate_records(conn, project, users["rita"])] == [ids[0]]
    studies.create_study(conn, project, users["lea"], "Included 2020", [ids[0]])
    assert studies.candidate_records(conn, project) == []


def test_a_lead_who_extracts_is_blinded_until_submitting(conn, team, study):
    extraction.save_values(conn, study, team.lead, {"country": "Denmark"})
    extraction.save_values(conn, study, team.ann, {"country": "Norway"})
    assert list(extraction.comparison(conn, study, team.lead)["reviewers"]) == [team.lead]
    extraction.submit(conn, study, team.lead)
    assert list(extraction.comparison(conn, study, team.lead)["reviewers"]) == [team.lead, team.ann]


def test_single_reviewer_projects_adopt_the_one_extraction(conn, team, study):
    extraction.save_values(conn, study, team.ann, {"country": "Norway"})
    extraction.submit(conn, study, team.ann)
    assert extraction.agree_identical_values(conn, study, team.lead) == []
    conn.execute("UPDATE projects SET reviewers_per_record = 1 WHERE id = ?", (team.project_id,))
    assert extraction.agree_identical_values(conn, study, team.lead) == ["country"]


def test_progress_counts_submissions_and_agreed_values(conn, team, study):
    extraction.save_values(conn, study, team.ann, {"country": "Norway"})
    extraction.submit(conn, study, team.ann)
    extraction.record_agreed(conn, study, team.lead, {"country": "Norway", "sample_size": 40})
    extraction.record_agreed(conn, study, team.lead, {"sample_size": None})
    assert extraction.progress(conn, team.project_id) == {study: {"submitted": 1, "agreed": 1}}
