"""Bodies of evidence per outcome: studies, ratings, certainty for summaries, Summary of Findings data."""
import pytest

from exports.sof import sof_csv
from review.appraisal import evidence, extraction, studies
from review.appraisal.evidence import certainty_for_outcomes
from review.store.errors import Conflict, Forbidden, Invalid
from tests.appraisal_setup import make_team


@pytest.fixture
def team(conn):
    return make_team(conn)


def _studies(conn, team, design="observational"):
    return [studies.create_study(conn, team.project_id, team.lead, f"Study {i}", [record], design=design)
            for i, record in enumerate(team.records[:2], start=1)]


def test_start_follows_designs_and_ratings_lower_certainty(conn, team):
    trials = _studies(conn, team, design="randomised")
    outcome = evidence.create_outcome(conn, team.project_id, team.ann, "Fatigue", trials, effect="SMD -0.3")
    assert evidence.get_outcome(conn, outcome)["certainty"] == "high"
    evidence.rate(conn, outcome, team.ann, "risk_of_bias", "serious", "unblinded outcome assessment")
    evidence.rate(conn, outcome, team.ann, "imprecision", "very_serious", "fewer than 100 participants")
    result = evidence.get_outcome(conn, outcome)
    assert (result["certainty"], result["symbol"]) == ("very_low", "⊕◯◯◯")
    evidence.rate(conn, outcome, team.ann, "imprecision", "none")
    assert evidence.get_outcome(conn, outcome)["certainty"] == "moderate"


def test_certainty_for_outcomes_feeds_summaries(conn, team):
    cohort = _studies(conn, team)
    evidence.create_outcome(conn, team.project_id, team.lead, "Burnout", cohort, importance="critical")
    sleep = evidence.create_outcome(conn, team.project_id, team.lead, "Sleep", cohort[:1], importance="important")
    evidence.rate(conn, sleep, team.lead, "large_effect", "large", "RR above 2 in both cohorts")
    found = {o["name"]: o for o in certainty_for_outcomes(conn, team.project_id)}
    assert found["Burnout"]["certainty"] == "low" and found["Burnout"]["studies"] == 2
    assert found["Sleep"]["certainty"] == "moderate" and found["Sleep"]["symbol"] == "⊕⊕⊕◯"


def test_sof_table_numbers_footnotes_and_sums_extracted_participants(conn, team):
    cohort = _studies(conn, team)
    for study_id, n in zip(cohort, (300, 120)):
        extraction.record_agreed(conn, study_id, team.lead, {"sample_size": n})
    outcome = evidence.create_outcome(conn, team.project_id, team.lead, "Burnout", cohort, effect="OR 1.8 (1.2 to 2.6)")
    evidence.rate(conn, outcome, team.lead, "inconsistency", "serious", "I² = 78%")
    table = evidence.sof_table(conn, team.project_id)
    assert table["rows"][0]["participants"] == 420 and table["rows"][0]["footnotes"] == [1]
    assert table["footnotes"] == ["Inconsistency (serious): I² = 78%"]
    assert "⊕◯◯◯ Very low (a)" in sof_csv(table)


def test_outcome_checks(conn, team):
    evidence.create_outcome(conn, team.project_id, team.lead, "Sleep")
    with pytest.raises(Conflict):
        evidence.create_outcome(conn, team.project_id, team.lead, "Sleep")
    with pytest.raises(Invalid, match="participants: 'many'"):
        evidence.create_outcome(conn, team.project_id, team.lead, "Pain", participants="many")
    with pytest.raises(Forbidden):
        evidence.create_outcome(conn, team.project_id, team.communicator, "Pain")


def test_edits_are_audited(conn, team):
    outcome = evidence.create_outcome(conn, team.project_id, team.lead, "Sleep")
    evidence.update_outcome(conn, outcome, team.lead, effect="MD 0.4 h", study_ids=_studies(conn, team))
    evidence.rate(conn, outcome, team.lead, "publication_bias", "serious", "small studies only")
    actions = [r[0] for r in conn.execute("SELECT action FROM audit_events WHERE action LIKE 'grade.%' ORDER BY id")]
    assert actions == ["grade.outcome_created", "grade.outcome_updated", "grade.rated"]
    assert len(evidence.get_outcome(conn, outcome)["studies"]) == 2
