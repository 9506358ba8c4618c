"""One test per blinding rule of docs/screening.md (the property itself: tests/test_blinding_noninterference.py)."""
import pytest

from review.accounts import audit
from review.publishing import prisma
from review.ranking import store as ranking_store
from review.screening import decisions as screening
from review.screening.blinding import release_outcomes
from review.screening.exports import export_screening
from review.screening.fulltext import attach_pdf, mark_not_retrieved
from review.screening.pilot import close_pilot, pilot_status, start_pilot
from review.screening.reports import progress
from review.screening.settings import set_blinding
from review.store.db import now, transaction
from review.store.errors import Conflict, Forbidden
from tests.screening_setup import make_project

PDF = b"%PDF-1.5\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MEMBERS = {"lea": "lead", "rita": "reviewer", "rolf": "reviewer", "cora": "communicator"}


@pytest.fixture
def team(conn):
    project, users, ids = make_project(conn, records=6, members=MEMBERS)
    return conn, project, users, ids


def _agree(conn, project, users, record, stage=1, decision="include"):
    for name in ("rita", "rolf"):
        screening.record_decision(conn, project, users[name], record, stage, decision)


def test_rule1_the_lead_sees_closed_records_live_and_everyone_sees_all_once_lifted(team):
    conn, project, users, ids = team
    _agree(conn, project, users, ids[0])
    screening.record_decision(conn, project, users["rita"], ids[1], 1, "include")
    assert [r["id"] for r in screening.included_records(conn, project, 1, users["lea"])] == [ids[0]]
    assert screening.included_records(conn, project, 1, users["cora"]) == []
    set_blinding(conn, project, users["lea"], False)
    assert [r["id"] for r in screening.included_records(conn, project, 1, users["cora"])] == [ids[0]]


def test_rule3_a_blinded_members_outcomes_and_prisma_come_from_released_outcomes_only(team):
    conn, project, users, ids = team
    _agree(conn, project, users, ids[0])
    for who in ("rita", "cora"):
        assert screening.included_records(conn, project, 1, users[who]) == []
        assert prisma.prisma_counts(conn, project, users[who])["screened"] == 0
        assert progress(conn, project, users[who], 1)["complete"] == 0
        assert progress(conn, project, users[who], 2)["total"] == 0
    assert prisma.prisma_counts(conn, project, users["lea"])["screened"] == 1
    release_outcomes(conn, project, users["lea"], 1)
    for who in ("rita", "cora"):
        assert [r["id"] for r in screening.included_records(conn, project, 1, users[who])] == [ids[0]]
        assert prisma.prisma_counts(conn, project, users[who])["sought"] == 1
        assert progress(conn, project, users[who], 2)["total"] == 1


def test_rule4_a_release_is_a_snapshot_by_the_lead_that_makes_decisions_final(team):
    conn, project, users, ids = team
    _agree(conn, project, users, ids[0])
    with pytest.raises(Forbidden):
        release_outcomes(conn, project, users["rita"], 1)
    assert release_outcomes(conn, project, users["lea"], 1) == 1
    assert release_outcomes(conn, project, users["lea"], 1) == 0
    _agree(conn, project, users, ids[1], decision="exclude")  # settled after the release: waits for the next
    assert prisma.prisma_counts(conn, project, users["rita"])["screened"] == 1
    with pytest.raises(Conflict, match="released"):
        screening.record_decision(conn, project, users["rita"], ids[0], 1, "exclude", change_reason="oops")
    assert screening.undo_last(conn, project, users["rita"], 1)["record_id"] == ids[1]  # not released: undone
    with pytest.raises(Conflict, match="released"):
        screening.undo_last(conn, project, users["rita"], 1)  # her next newest is ids[0], released
    released = [e for e in audit.list_events(conn, project) if e["action"] == "screening.release"]
    assert [e["detail"]["released"] for e in released] == [0, 1]


def test_rule5_full_text_work_of_a_blinded_reviewer_is_on_released_records_only(team, tmp_path):
    conn, project, users, ids = team
    _agree(conn, project, users, ids[0])
    with pytest.raises(Conflict):
        screening.record_decision(conn, project, users["rita"], ids[0], 2, "include")
    with pytest.raises(Conflict):
        attach_pdf(conn, tmp_path, project, users["rita"], ids[0], PDF, "a.pdf")
    assert screening.next_record(conn, project, users["rita"], 2) is None
    screening.record_decision(conn, project, users["lea"], ids[0], 2, "include")  # the lead sees it passed
    # The lead's full-text decision does not make rita's title/abstract decision final for her.
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "maybe", change_reason="second look")
    _agree(conn, project, users, ids[1])
    release_outcomes(conn, project, users["lea"], 1)
    screening.record_decision(conn, project, users["rita"], ids[1], 2, "include")
    # Whether rita decided the full text is hers: rolf may still mark it not retrieved.
    assert mark_not_retrieved(conn, project, users["rolf"], ids[1], "not in the library")["kind"] == "not_retrieved"
    with pytest.raises(Conflict):
        mark_not_retrieved(conn, project, users["rita"], ids[1], "not in the library")


def test_rule6_an_undo_that_reopens_a_closed_record_is_logged_for_the_lead(team):
    conn, project, users, ids = team
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    open_answer = screening.undo_last(conn, project, users["rita"], 1)
    _agree(conn, project, users, ids[0])
    closed_answer = screening.undo_last(conn, project, users["rolf"], 1)
    assert open_answer["state"] == closed_answer["state"] == "open"
    reopened = [e for e in audit.list_events(conn, project) if e["action"] == "screening.reopened"]
    assert [(e["subject"], e["detail"]["was"]) for e in reopened] == [(f"record {ids[0]}", "settled")]


def test_rule7_team_and_pilot_numbers_show_a_blinded_member_only_their_own(team):
    conn, project, users, ids = team
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    assert [r["name"] for r in progress(conn, project, users["rolf"], 1)["reviewers"]] == ["rolf"]
    assert len(progress(conn, project, users["lea"], 1)["reviewers"]) == 3
    start_pilot(conn, project, users["lea"], 2, reviewer_ids=[users["rita"], users["rolf"]])
    for name in ("rita", "rolf"):
        while (rid := screening.next_record(conn, project, users[name], 1)) is not None:
            screening.record_decision(conn, project, users[name], rid, 1, "include")
    status = pilot_status(conn, project, users["rolf"])
    assert status["done"] == {users["rolf"]: 2} and status["agreement"] is None
    assert pilot_status(conn, project, users["lea"])["agreement"]
    close_pilot(conn, project, users["lea"])
    assert pilot_status(conn, project, users["rolf"])["agreement"]


def test_rule8_a_records_place_in_the_queue_survives_leaving_and_coming_back(team):
    conn, project, users, ids = team
    key = conn.execute("SELECT shuffle FROM screening_pending WHERE record_id = ? AND stage = 1", (ids[2],)).fetchone()[0]
    _agree(conn, project, users, ids[2])
    assert conn.execute("SELECT 1 FROM screening_pending WHERE record_id = ? AND stage = 1", (ids[2],)).fetchone() is None
    screening.undo_last(conn, project, users["rolf"], 1)
    again = conn.execute("SELECT shuffle FROM screening_pending WHERE record_id = ? AND stage = 1", (ids[2],)).fetchone()[0]
    assert again == key


def test_rule9_the_screening_tabs_download_refuses_the_included_set_as_the_export_tab_does(team):
    conn, project, users, ids = team
    _agree(conn, project, users, ids[0])
    for who in ("rita", "cora"):
        with pytest.raises(Forbidden, match="blinded"):
            export_screening(conn, project, users[who], "included", "csv", 1)
    body, _, _ = export_screening(conn, project, users["lea"], "included", "csv", 1)
    assert "Record 0" in body


def test_rule11_the_ranking_page_never_shows_another_reviewers_queue(team):
    conn, project, users, _ = team
    with transaction(conn):
        conn.execute("""INSERT INTO model_runs (project_id, user_id, stage, trained_at, decisions, included, ranked,
                        milliseconds) VALUES (?, ?, 1, ?, 7, 3, 10, 5)""", (project, users["rita"], now()))
    assert ranking_store.last_run(conn, project, 1, users["lea"]) is None
    assert ranking_store.last_run(conn, project, 1, users["rita"])["decisions"] == 7


def test_rule12_the_leads_audit_log_hides_changes_on_open_records_until_blinding_is_lifted(team):
    conn, project, users, ids = team
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "exclude", change_reason="RITA-REASON")
    seen = lambda: [e for e in audit.list_events(conn, project, viewer_id=users["lea"])
                    if e["detail"].get("reason") == "RITA-REASON"]
    assert seen() == []
    set_blinding(conn, project, users["lea"], False)
    assert len(seen()) == 1
    assert audit.list_events(conn, project)[0]["action"] == "screening.blinding"


def test_rule13_the_archive_is_for_the_lead_and_says_it_holds_every_decision(app, conn, make_user):
    from conftest import login

    from review.projects import project as projects

    lead, _ = make_user("lea"), make_user("rita")
    project = projects.create_project(conn, lead, "Breaks at work")
    projects.set_member(conn, project, lead, "rita", "reviewer")
    login(app, "lea")
    assert "full backup" in app.get(f"/projects/{project}/exports").text
    app.reset()
    login(app, "rita")
    assert app.get(f"/projects/{project}/archive.zip", expect_errors=True).status_int == 403


def test_rule4_the_lead_releases_from_the_screening_tab_and_a_reviewer_then_screens_full_texts(app, conn, make_user):
    from conftest import csrf_of, login

    from review.projects import project as projects
    from review.searches.importing import add_records, create_search

    ids = {name: make_user(name) for name in ("lea", "rita", "rolf")}
    project = projects.create_project(conn, ids["lea"], "Breaks at work")
    for name in ("rita", "rolf"):
        projects.set_member(conn, project, ids["lea"], name, "reviewer")
    search = create_search(conn, project, ids["lea"], "medline.ris", "1" * 64, "ris")
    add_records(conn, project, search, [{"title": "Rest breaks for nurses", "year": 2020}])
    record = conn.execute("SELECT id FROM records WHERE project_id = ?", (project,)).fetchone()[0]
    _agree(conn, project, ids, record)
    login(app, "rita")
    page = app.get(f"/projects/{project}/screen/2")
    assert "release-wait" in page.text and "decide-form" not in page.forms
    assert "released (0 at title/abstract" in app.get(f"/projects/{project}/screening").text.replace("released by", "")
    app.reset()
    login(app, "lea")
    assert app.post(f"/projects/{project}/screening/release", {"stage": "1", "csrf_token": csrf_of(app)}).status_int == 303
    assert "Released so far: 1 at title/abstract" in app.get(f"/projects/{project}/screening").text
    app.reset()
    login(app, "rita")
    assert int(app.get(f"/projects/{project}/screen/2").forms["decide-form"]["record_id"].value) == record
