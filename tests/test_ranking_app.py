"""The lead's ranking dashboard and stopping page through WebTest; the screening page shows no score."""
import json
import re

import pytest
from conftest import csrf_of, login

from review.projects import project as projects
from review.ranking import jobs as ranking_jobs
from review.ranking import progress as ranking_progress
from review.ranking import store as ranking_store
from review.ranking import watch as stopping_watch
from review.screening import decisions as screening
from review.searches.importing import add_records, create_search


@pytest.fixture
def team(conn, make_user):
    ids = {name: make_user(name) for name in ("lea", "rita")}
    pid = projects.create_project(conn, ids["lea"], "Breaks at work")
    projects.set_member(conn, pid, ids["lea"], "rita", "reviewer")
    search = create_search(conn, pid, ids["lea"], "medline.ris", "3" * 64, "ris")
    add_records(conn, pid, search, [
        {"title": ("Rest breaks for nurses " if i % 2 else "River sediment ") + str(i), "abstract": "x"}
        for i in range(12)])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    return pid, ids, records


def settle(conn, pid, ids, record, decision):
    per = conn.execute("SELECT reviewers_per_record FROM projects WHERE id = ?", (pid,)).fetchone()[0]
    for name in ("lea", "rita")[:per]:
        screening.record_decision(conn, pid, ids[name], record, 1, decision)


def test_dashboard_shows_when_the_model_trained_and_the_curve(app, conn, team):
    pid, ids, records = team
    settle(conn, pid, ids, records[1], "include")
    settle(conn, pid, ids, records[0], "exclude")
    ranking_jobs.refresh_project(conn, pid)
    login(app, "lea")
    page = app.get(f"/projects/{pid}/ranking")
    assert "on 2 decisions, 1 of them includes" in page.text
    assert "<svg" in page.text and "<polyline" in page.text
    app.reset()
    login(app, "rita")
    assert app.get(f"/projects/{pid}/ranking", expect_errors=True).status_int == 403


def test_lead_switches_to_random_order_and_back(app, conn, team):
    pid, ids, records = team
    settle(conn, pid, ids, records[1], "include")
    settle(conn, pid, ids, records[0], "exclude")
    ranking_jobs.refresh_project(conn, pid)
    login(app, "lea")
    response = app.post(f"/projects/{pid}/ranking/order", {"order": "random", "csrf_token": csrf_of(app)})
    assert response.status_int == 303
    assert ranking_store.get_settings(conn, pid)["random_order"] == 1
    assert conn.execute("SELECT COUNT(*) FROM queue_ranks WHERE project_id = ?", (pid,)).fetchone()[0] == 0
    assert "random order" in response.follow().text
    app.post(f"/projects/{pid}/ranking/order", {"order": "ranked", "csrf_token": csrf_of(app)})
    assert ranking_store.get_settings(conn, pid)["random_order"] == 0


def test_stopping_page_walks_from_sample_to_stop_and_counts_automation_exclusions(app, conn, team):
    pid, ids, records = team
    login(app, "lea")
    app.post(f"/projects/{pid}/stopping", {"action": "method", "method": "random", "csrf_token": csrf_of(app)})
    page = app.get(f"/projects/{pid}/stopping")
    assert "random sample" in page.text and "drawn at random" in page.text  # the assumptions in plain words
    app.post(f"/projects/{pid}/stopping", {"action": "target", "recall_target": "90", "confidence": "80",
                                           "csrf_token": csrf_of(app)})
    assert ranking_store.get_settings(conn, pid)["recall_target"] == pytest.approx(0.9)
    app.post(f"/projects/{pid}/stopping", {"action": "sample", "csrf_token": csrf_of(app)})
    settle(conn, pid, ids, records[2], "exclude")
    page = app.get(f"/projects/{pid}/stopping")
    assert re.search(r"Screen \d+ more records", page.text)
    app.post(f"/projects/{pid}/stopping", {"action": "stop", "csrf_token": csrf_of(app)})
    assert ranking_progress.excluded_by_automation(conn, pid) == 11
    assert "11 records left unscreened" in app.get(f"/projects/{pid}/stopping").text


def test_the_ranked_test_tells_the_lead_after_a_batch_and_the_stop_is_kept_with_its_figures(app, conn, make_user):
    lead = make_user("lea")
    pid = projects.create_project(conn, lead, "Breaks at work")
    search = create_search(conn, pid, lead, "medline.ris", "4" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Record {i}", "abstract": "x"} for i in range(400)])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    conn.execute("UPDATE projects SET reviewers_per_record = 1 WHERE id = ?", (pid,))
    login(app, "lea")
    page = app.get(f"/projects/{pid}/stopping")
    assert "Ranked test or counting process (default)" in page.text and "no worse than random order" in page.text
    assert "like a power curve" in page.text  # both methods' assumptions, in plain words
    # 20 inclusions first, then 330 exclusions in a row: 350 screened, 50 left
    for i, record in enumerate(records[:350]):
        screening.record_decision(conn, pid, lead, record, 1, "include" if i < 20 else "exclude")
    assert "stopping-card" not in app.get(f"/projects/{pid}").text  # nothing checked yet
    ranking_jobs.refresh_project(conn, pid)  # what the background worker runs after a batch
    check = conn.execute("SELECT * FROM stopping_checks WHERE project_id = ?", (pid,)).fetchone()
    assert check["screened"] == 350 and check["reached"] == 1 and check["remaining"] == 50
    assert "The recall target is reached" in app.get(f"/projects/{pid}").text  # the lead is told on the overview
    page = app.get(f"/projects/{pid}/stopping")
    answer = page.html.select_one("#stopping-answer").get_text()
    assert "The target is reached" in answer and re.search(r"\b50 (records )?not screened", answer), answer
    assert ranking_store.get_settings(conn, pid)["stopped_at"] is None  # Sil never stops by itself
    app.post(f"/projects/{pid}/stopping", {"action": "stop", "csrf_token": csrf_of(app)})
    event = conn.execute("SELECT * FROM audit_events WHERE project_id = ? AND action = 'ranking.stopped'",
                         (pid,)).fetchone()
    detail = json.loads(event["detail"])
    assert event["subject"] == "50" and detail["method"] == "ranked-or-curve" and detail["reached"] is True
    assert detail["by"] in ("ranked", "curve")  # which of the two said stop
    assert detail["screened"] == 350 and detail["found"] == 20 and 0.95 <= detail["recall_at_least"] <= 1
    summary = stopping_watch.automation_summary(conn, pid)
    assert summary["stopped"] and summary["method"] == "ranked-or-curve" and summary["excluded_by_automation"] == 50
    assert "Callaghan" in summary["citation"] and "Sneyd" in summary["citation"]
    assert "Decided with the Ranked test or counting process" in app.get(f"/projects/{pid}/stopping").text
    response = app.post(f"/projects/{pid}/stopping", {"action": "method", "method": "random", "csrf_token": csrf_of(app)},
                        expect_errors=True)  # the method of a stop is not rewritten afterwards
    assert response.status_int == 409 and stopping_watch.automation_summary(conn, pid)["method"] == "ranked-or-curve"


def test_an_unknown_method_is_refused(app, conn, team):
    pid, _, _ = team
    login(app, "lea")
    response = app.post(f"/projects/{pid}/stopping", {"action": "method", "method": "guess", "csrf_token": csrf_of(app)},
                        expect_errors=True)
    assert response.status_int == 400 and "unknown stopping method" in response.text
    assert stopping_watch.method_of(ranking_store.get_settings(conn, pid)) == "ranked-or-curve"  # the default still


def test_bad_percentages_get_a_clear_message(app, conn, team):
    pid, _, _ = team
    login(app, "lea")
    response = app.post(f"/projects/{pid}/stopping", {"action": "target", "recall_target": "lots", "confidence": "95",
                                                      "csrf_token": csrf_of(app)}, expect_errors=True)
    assert response.status_int == 400 and "percentage" in response.text


def test_the_screening_page_shows_nothing_of_the_model(app, conn, team):
    pid, ids, records = team
    settle(conn, pid, ids, records[1], "include")
    settle(conn, pid, ids, records[0], "exclude")
    ranking_jobs.refresh_project(conn, pid)
    login(app, "rita")
    for path in (f"/projects/{pid}/screen/1", f"/projects/{pid}/screen/1/next.json"):
        text = app.get(path).text.lower()
        assert "score" not in text and "rank" not in text and "relevance" not in text


def test_progress_svg_escapes_its_labels():
    from exports.progress_svg import progress_svg

    svg = progress_svg([(0, 0), (5, 2), (9, 3)], 20, "<script>x</script>", "found & kept", "curve")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "found &amp; kept" in svg
    assert svg.count("<polyline") == 2


def test_before_any_inclusion_the_page_says_there_is_nothing_to_estimate(app, conn, team, make_user):
    pid, ids, records = team
    login(app, "lea")
    empty = projects.create_project(conn, ids["lea"], "Nothing imported yet")
    answer = app.get(f"/projects/{empty}/stopping").html.select_one("#stopping-answer").get_text()
    assert "no records to screen" in answer and "0.0 %" not in answer
    for record in records[:3]:
        settle(conn, pid, ids, record, "exclude")
    answer = app.get(f"/projects/{pid}/stopping").html.select_one("#stopping-answer").get_text()
    assert "No inclusion yet among the 3 records screened" in answer and "recall is at least" not in answer
    settle(conn, pid, ids, records[3], "include")
    answer = app.get(f"/projects/{pid}/stopping").html.select_one("#stopping-answer").get_text()
    assert "recall is at least" in answer
