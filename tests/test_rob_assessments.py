"""Dual risk-of-bias assessment: entries as events, override with reason, blinding, comparison, consensus, plots."""
import pytest

from review.appraisal import studies
from review.appraisal.rob import assessments as rob
from review.appraisal.rob.custom import create_tool
from review.store.errors import Forbidden, Invalid
from tests.appraisal_setup import make_team

ALL_LOW = {f"d{i}.judgement": "low" for i in range(1, 6)}


@pytest.fixture
def team(conn):
    return make_team(conn)


@pytest.fixture
def study(conn, team):
    return studies.create_study(conn, team.project_id, team.lead, "Smith 2020", team.records[:1], design="randomised")


def test_overall_follows_rob2_and_override_needs_a_reason(conn, team, study):
    mine = rob.open_assessment(conn, study, team.ann, "rob2", "Fatigue")
    rob.record_judgements(conn, mine, team.ann, {**ALL_LOW, "d3.judgement": "high", "d3.support": "40% lost to follow-up",
                                      "d3.q.3.1": "N"})
    state = rob.view_assessment(conn, mine, team.ann)
    assert state["derived"] == "high" and state["overall"] == "high"
    assert state["domains"][2]["answers"]["3.1"] == "N"
    with pytest.raises(Invalid, match="give a reason"):
        rob.record_judgements(conn, mine, team.ann, {"overall.override": "some_concerns"})
    rob.record_judgements(conn, mine, team.ann, {"overall.override": "some_concerns", "overall.reason": "loss was balanced"})
    state = rob.view_assessment(conn, mine, team.ann)
    assert (state["derived"], state["overall"], state["reason"]) == ("high", "some_concerns", "loss was balanced")


@pytest.mark.parametrize("entries, message", [
    ({"d1.judgement": "moderate"}, "not one of low, some_concerns, high"),
    ({"d1.q.9.9": "Y"}, "no signalling question 9.9"),
    ({"d1.q.1.1": "maybe"}, "answer one of Y, PY"),
    ({"d9.judgement": "low"}, "no item 'd9.judgement'"),
])
def test_bad_entries_are_refused(conn, team, study, entries, message):
    mine = rob.open_assessment(conn, study, team.ann, "rob2")
    with pytest.raises(Invalid, match=message):
        rob.record_judgements(conn, mine, team.ann, entries)


def test_submit_needs_every_domain(conn, team, study):
    mine = rob.open_assessment(conn, study, team.ann, "rob2")
    rob.record_judgements(conn, mine, team.ann, {"d1.judgement": "low"})
    with pytest.raises(Invalid, match="missing: Bias due to deviations"):
        rob.submit_assessment(conn, mine, team.ann)


def test_blinded_dual_assessment_then_consensus(conn, team, study):
    ann = rob.open_assessment(conn, study, team.ann, "rob2", "Fatigue")
    bob = rob.open_assessment(conn, study, team.bob, "rob2", "Fatigue")
    rob.record_judgements(conn, ann, team.ann, ALL_LOW)
    rob.record_judgements(conn, bob, team.bob, {**ALL_LOW, "d2.judgement": "some_concerns"})
    with pytest.raises(Forbidden, match="blinded"):
        rob.view_assessment(conn, bob, team.ann)
    with pytest.raises(Forbidden):
        rob.record_judgements(conn, bob, team.ann, {"d1.judgement": "high"})
    assert rob.compare_assessments(conn, study, "rob2", "Fatigue", team.ann)["reviewers"] == [team.ann]
    rob.submit_assessment(conn, ann, team.ann)
    rob.submit_assessment(conn, bob, team.bob)
    view = rob.compare_assessments(conn, study, "rob2", "Fatigue", team.ann)
    assert view["reviewers"] == [team.ann, team.bob]
    assert [d["key"] for d in view["domains"] if d["differs"]] == ["d2"]
    assert view["overall"] == {team.ann: "low", team.bob: "some_concerns"}
    agreed = rob.open_assessment(conn, study, team.ann, "rob2", "Fatigue", consensus=True)
    rob.record_judgements(conn, agreed, team.ann, ALL_LOW)
    assert rob.compare_assessments(conn, study, "rob2", "Fatigue", team.lead)["consensus"]["overall"] == "low"


def test_consensus_needs_own_submission_unless_resolver(conn, team, study):
    with pytest.raises(Forbidden, match="submit your own assessment"):
        rob.open_assessment(conn, study, team.bob, "rob2", consensus=True)
    rob.open_assessment(conn, study, team.lead, "rob2", consensus=True)


def test_lead_sees_unsubmitted_assessments(conn, team, study):
    bob = rob.open_assessment(conn, study, team.bob, "robins_e")
    rob.record_judgements(conn, bob, team.bob, {"d1.judgement": "high"})
    assert rob.view_assessment(conn, bob, team.lead)["domains"][0]["judgement"] == "high"


def test_plot_data_uses_consensus_with_custom_tool(conn, team, study):
    tool_id = create_tool(conn, team.project_id, team.lead,
                          {"name": "Checklist", "levels": ["Low", "High"], "domains": [{"name": "Sampling"}]})
    other = studies.create_study(conn, team.project_id, team.lead, "Berg 2019", team.records[1:2])
    for study_id, level in ((study, "l0_low"), (other, "l1_high")):
        agreed = rob.open_assessment(conn, study_id, team.lead, f"custom:{tool_id}", consensus=True)
        rob.record_judgements(conn, agreed, team.lead, {"d1.judgement": level})
    data = rob.plot_data(conn, team.project_id, f"custom:{tool_id}")
    assert [(s["label"], s["overall"]) for s in data["studies"]] == [("Berg 2019", "l1_high"), ("Smith 2020", "l0_low")]


def test_only_leads_define_tools(conn, team):
    with pytest.raises(Forbidden):
        create_tool(conn, team.project_id, team.ann, {"name": "X", "levels": ["a", "b"], "domains": [{"name": "d"}]})


def test_answers_show_the_rob2_suggestion(conn, team, study):
    mine = rob.open_assessment(conn, study, team.ann, "rob2")
    rob.record_judgements(conn, mine, team.ann, {"d1.q.1.1": "Y", "d1.q.1.2": "N", "d1.q.1.3": "N"})
    state = rob.view_assessment(conn, mine, team.ann)
    assert state["domains"][0]["suggested"] == "high" and state["domains"][0]["judgement"] == ""


def test_a_lead_who_assesses_is_blinded_until_submitting(conn, team, study):
    lead = rob.open_assessment(conn, study, team.lead, "rob2")
    ann = rob.open_assessment(conn, study, team.ann, "rob2")
    rob.record_judgements(conn, ann, team.ann, {"d1.judgement": "high"})
    with pytest.raises(Forbidden):
        rob.view_assessment(conn, ann, team.lead)
    rob.record_judgements(conn, lead, team.lead, ALL_LOW)
    rob.submit_assessment(conn, lead, team.lead)
    assert rob.view_assessment(conn, ann, team.lead)["domains"][0]["judgement"] == "high"


def test_consensus_starts_from_what_both_reviewers_agree_on(conn, team, study):
    from review.appraisal.rob.consensus import agree_identical_judgements

    for user, d2 in ((team.ann, "low"), (team.bob, "high")):
        mine = rob.open_assessment(conn, study, user, "rob2", "Sleep")
        rob.record_judgements(conn, mine, user, {**ALL_LOW, "d2.judgement": d2, "d1.q.1.1": "Y"})
        rob.submit_assessment(conn, mine, user)
    consensus = agree_identical_judgements(conn, study, "rob2", "Sleep", team.bob)
    state = rob.view_assessment(conn, consensus, team.bob)
    assert [d["judgement"] for d in state["domains"]] == ["low", "", "low", "low", "low"]
    assert state["domains"][0]["answers"]["1.1"] == "Y" and state["derived"] is None
