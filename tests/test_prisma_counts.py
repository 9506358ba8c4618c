"""Every PRISMA number is computed from a small review built here, box by box."""
import pytest

from exports.prisma import render_svg
from exports.prisma_text import counts_from_dict
from review.publishing import prisma
from review.store.db import now
from review.store.errors import Invalid
from tests.review_factory import add_project, add_search


def group(conn, project_id, representative, *others):
    gid = conn.execute("INSERT INTO duplicate_groups (project_id, representative_id, created_at) VALUES (?, ?, ?)",
                       (project_id, representative, now())).lastrowid
    for record_id in (representative, *others):
        conn.execute("INSERT INTO duplicate_links (record_id, group_id, status, linked_at) VALUES (?, ?, 'certain', ?)",
                     (record_id, gid, now()))


@pytest.fixture
def small_review(conn):
    project_id, users = add_project(conn, lead="lead", rev1="reviewer", rev2="reviewer")
    medline = add_search(conn, project_id, "MEDLINE", 6)
    embase = add_search(conn, project_id, "Embase", 4)
    add_search(conn, project_id, "MEDLINE", 2)  # a second MEDLINE run adds to the same line
    add_search(conn, project_id, "ClinicalTrials.gov", 1, kind="register")
    group(conn, project_id, medline[0], embase[0])
    group(conn, project_id, medline[1], embase[1], embase[2])
    return conn, project_id, users


def test_identification_boxes(small_review):
    conn, project_id, _ = small_review
    counts = prisma.prisma_counts(conn, project_id)
    assert counts["databases"] == [["MEDLINE", 8], ["Embase", 4]]
    assert counts["registers"] == [["ClinicalTrials.gov", 1]]
    assert counts["other"] is None


def test_duplicates_removed_box(small_review):
    conn, project_id, _ = small_review
    assert prisma.prisma_counts(conn, project_id)["duplicates_removed"] == 3


def test_removed_for_other_reasons_needs_a_reason_and_can_be_retracted(small_review):
    conn, project_id, users = small_review
    with pytest.raises(Invalid):
        prisma.add_removal(conn, project_id, users["lead"], 2, "  ")
    first = prisma.add_removal(conn, project_id, users["lead"], 2, "Retracted publications")
    prisma.add_removal(conn, project_id, users["lead"], 1, "Published before 1990")
    assert prisma.prisma_counts(conn, project_id)["other_removed"] == [
        ["Retracted publications", 2], ["Published before 1990", 1]]
    prisma.retract_removal(conn, project_id, users["lead"], first)
    assert prisma.prisma_counts(conn, project_id)["other_removed"] == [["Published before 1990", 1]]


def test_other_methods_column_from_citation_searching(small_review):
    conn, project_id, _ = small_review
    add_search(conn, project_id, "Citation searching", 3, kind="other")
    counts = prisma.prisma_counts(conn, project_id)
    assert counts["other"]["sources"] == [["Citation searching", 3]]
    assert "Citation searching (n = 3)" in render_svg(counts_from_dict(counts))


def screenable(conn, project_id, kind):
    return [row[0] for row in conn.execute(
        """SELECT v.record_id FROM screenable_records v JOIN records r ON r.id = v.record_id
           JOIN searches s ON s.id = r.search_id WHERE v.project_id = ? AND s.source_kind = ? ORDER BY v.record_id""",
        (project_id, kind))]


def test_screening_boxes_and_other_methods_column(small_review):
    from review.projects import reasons as screening_reasons
    from review.screening import decisions as screening
    from review.screening import fulltext as screening_fulltext
    from review.screening import settings as screening_settings

    conn, project_id, users = small_review
    lead = users["lead"]
    add_search(conn, project_id, "Citation searching", 3, kind="other")
    screening_settings.set_reviewers_per_record(conn, project_id, lead, 1)
    wrong_population = screening_reasons.add_reason(conn, project_id, lead, "Wrong population")
    wrong_design = screening_reasons.add_reason(conn, project_id, lead, "Wrong design")

    def decide(record_id, stage, decision, reason=None):
        screening.record_decision(conn, project_id, lead, record_id, stage, decision, reason_id=reason)

    main = screenable(conn, project_id, "database") + screenable(conn, project_id, "register")
    other = screenable(conn, project_id, "other")
    assert (len(main), len(other)) == (10, 3)  # 13 records less 3 duplicates
    for record_id in main[:5]:
        decide(record_id, 1, "include")
    for record_id in main[5:]:
        decide(record_id, 1, "exclude")
    decide(other[0], 1, "include")
    decide(other[1], 1, "include")
    decide(other[2], 1, "exclude")
    screening_fulltext.mark_not_retrieved(conn, project_id, lead, main[0], "not in the library")
    decide(main[1], 2, "exclude", wrong_population)
    decide(main[2], 2, "exclude", wrong_design)
    decide(main[3], 2, "include")
    decide(main[4], 2, "include")
    decide(other[0], 2, "exclude", wrong_population)
    decide(other[1], 2, "include")

    counts = prisma.prisma_counts(conn, project_id)
    assert counts["screened"] == 10
    assert counts["screen_excluded"] == 5
    assert counts["sought"] == 5
    assert counts["not_retrieved"] == 1
    assert counts["assessed"] == 4
    assert counts["excluded"] == [["Wrong population", 1], ["Wrong design", 1]]
    assert counts["other"] == {"sources": [["Citation searching", 3]], "sought": 2, "not_retrieved": 0,
                               "assessed": 2, "excluded": [["Wrong population", 1]], "awaiting_assessment": 0}
    assert (counts["awaiting_screening"], counts["awaiting_assessment"], counts["in_progress"]) == (0, 0, False)
    assert (counts["studies_included"], counts["reports_included"]) == (3, 3)
    assert counts["automation_excluded"] == 0


def test_reports_of_one_study_count_once(small_review):
    from review.appraisal import studies
    from review.screening import decisions as screening
    from review.screening import settings as screening_settings

    conn, project_id, users = small_review
    lead = users["lead"]
    screening_settings.set_reviewers_per_record(conn, project_id, lead, 1)
    chosen = screenable(conn, project_id, "database")[:3]
    for record_id in chosen:
        screening.record_decision(conn, project_id, lead, record_id, 1, "include")
        screening.record_decision(conn, project_id, lead, record_id, 2, "include")
    studies.create_study(conn, project_id, lead, "Hansen 2021", chosen[:2])
    counts = prisma.prisma_counts(conn, project_id)
    assert (counts["studies_included"], counts["reports_included"]) == (2, 3)


def test_records_left_when_the_lead_stops_count_as_excluded_by_automation(small_review):
    from review.ranking import watch as stopping_watch
    from review.screening import decisions as screening
    from review.screening import settings as screening_settings

    conn, project_id, users = small_review
    lead = users["lead"]
    screening_settings.set_reviewers_per_record(conn, project_id, lead, 1)
    records = screenable(conn, project_id, "database")
    for record_id in records[:4]:
        screening.record_decision(conn, project_id, lead, record_id, 1, "exclude")
    assert prisma.prisma_counts(conn, project_id)["automation_excluded"] == 0
    stopping_watch.stop(conn, project_id, lead)
    counts = prisma.prisma_counts(conn, project_id)
    assert counts["automation_excluded"] == len(screenable(conn, project_id, "database")) + 1 - 4
    assert (counts["screened"], counts["screen_excluded"]) == (4, 4)


def test_mid_review_the_boxes_add_up_and_what_waits_is_marked_in_progress(small_review):
    from review.projects import reasons as screening_reasons
    from review.screening import decisions as screening
    from review.screening import settings as screening_settings

    conn, project_id, users = small_review
    lead = users["lead"]
    screening_settings.set_reviewers_per_record(conn, project_id, lead, 1)
    reason = screening_reasons.add_reason(conn, project_id, lead, "Wrong population")
    main = screenable(conn, project_id, "database") + screenable(conn, project_id, "register")
    for record_id in main[:4]:
        screening.record_decision(conn, project_id, lead, record_id, 1, "include")
    screening.record_decision(conn, project_id, lead, main[4], 1, "exclude")
    screening.record_decision(conn, project_id, lead, main[0], 2, "exclude", reason_id=reason)
    counts = prisma.prisma_counts(conn, project_id)
    identified = sum(n for _, n in counts["databases"] + counts["registers"])
    to_screen = identified - counts["duplicates_removed"] - counts["automation_excluded"]
    assert counts["screened"] == 5 and counts["awaiting_screening"] == len(main) - 5
    assert counts["screened"] + counts["awaiting_screening"] == to_screen
    assert counts["screened"] == counts["screen_excluded"] + counts["sought"]
    # four reports sought, one assessed: three still wait for their full-text decision
    assert (counts["sought"], counts["assessed"], counts["awaiting_assessment"]) == (4, 1, 3)
    assert counts["sought"] == counts["not_retrieved"] + counts["assessed"] + counts["awaiting_assessment"]
    assert counts["assessed"] == sum(n for _, n in counts["excluded"]) + counts["reports_included"]
    assert counts["in_progress"]
    svg = render_svg(counts_from_dict(counts))
    assert f"Records awaiting screening (n = {len(main) - 5})" in svg
    assert "Reports awaiting assessment (n = 3)" in svg and svg.count('class="pending"') == 2
    assert "Reports assessed for eligibility (n = 1)" in svg
