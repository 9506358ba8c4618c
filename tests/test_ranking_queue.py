"""Ranked queues: the model starts with both classes, learns only what blinding allows, can be switched off."""
import threading

from review.ranking import jobs as ranking_jobs
from review.ranking import store as ranking_store
from review.ranking.worker import RankingWorker
from review.screening import decisions as screening
from review.searches.importing import add_records, create_search
from tests.screening_setup import make_project

NURSE = "Rest breaks and fatigue of nurses on night shifts in hospital wards"
ROCK = "Sediment transport in alpine rivers measured with seismic sensors"


def topical_project(conn, per_record=1, nurse=10, rock=10):
    """A project whose records are either about nurses' breaks or about rivers (rows alternate)."""
    project, users, _ = make_project(conn, records=0, per_record=per_record)
    search = create_search(conn, project, users["lea"], "medline.ris", "2" * 64, "ris")
    texts = [(NURSE, i) for i in range(nurse)] + [(ROCK, i) for i in range(rock)]
    texts.sort(key=lambda t: t[1])
    add_records(conn, project, search, ({"title": f"{text} ({i})", "abstract": text} for text, i in texts))
    ids = {"nurse": [], "rock": []}
    for rid, title in conn.execute("SELECT id, title FROM records WHERE project_id = ? ORDER BY id", (project,)):
        ids["nurse" if title.startswith("Rest") else "rock"].append(rid)
    return project, users, ids


def ranks(conn, project, user, stage=1):
    return [r[0] for r in conn.execute(
        "SELECT record_id FROM queue_ranks WHERE project_id = ? AND user_id = ? AND stage = ? ORDER BY rank",
        (project, user, stage))]


def test_model_starts_only_when_an_include_and_an_exclude_are_known(conn):
    project, users, ids = topical_project(conn)
    lea = users["lea"]
    screening.record_decision(conn, project, lea, ids["rock"][0], 1, "exclude")
    screening.record_decision(conn, project, lea, ids["rock"][1], 1, "exclude")
    assert ranking_jobs.refresh_project(conn, project) == 0
    assert ranks(conn, project, lea) == [] and ranking_store.last_run(conn, project) is None
    screening.record_decision(conn, project, lea, ids["nurse"][0], 1, "include")
    assert ranking_jobs.refresh_project(conn, project) > 0
    run = ranking_store.last_run(conn, project)
    assert run["decisions"] == 3 and run["included"] == 1


def test_ranked_queue_brings_similar_records_first_and_skips_decided_ones(conn):
    project, users, ids = topical_project(conn)
    rita = users["rita"]
    screening.record_decision(conn, project, rita, ids["nurse"][0], 1, "include")
    screening.record_decision(conn, project, rita, ids["rock"][0], 1, "exclude")
    ranking_jobs.refresh_project(conn, project)
    order = ranks(conn, project, rita)
    assert ids["nurse"][0] not in order and ids["rock"][0] not in order
    assert set(order[:9]) == set(ids["nurse"][1:])
    seen = []
    for _ in range(9):
        record = screening.next_record(conn, project, rita, 1)
        seen.append(record)
        screening.record_decision(conn, project, rita, record, 1, "include")
    assert set(seen) == set(ids["nurse"][1:])


def test_another_reviewers_open_decisions_never_shape_my_queue(conn):
    project, users, ids = topical_project(conn, per_record=2)
    rita, rolf = users["rita"], users["rolf"]
    # one settled pair so every queue can train
    for user in (rita, rolf):
        screening.record_decision(conn, project, user, ids["rock"][0], 1, "exclude")
        screening.record_decision(conn, project, user, ids["nurse"][0], 1, "include")
    ranking_jobs.refresh_project(conn, project)
    before = ranks(conn, project, rolf)
    for record in ids["rock"][1:4]:  # rita alone: open decisions, blinded from rolf
        screening.record_decision(conn, project, rita, record, 1, "include")
    ranking_jobs.refresh_project(conn, project)
    assert ranks(conn, project, rolf) == before
    assert ranks(conn, project, rita) != ranks(conn, project, 0)


def test_random_order_switch_clears_the_ranking_and_keeps_it_off(conn):
    project, users, ids = topical_project(conn)
    lea = users["lea"]
    screening.record_decision(conn, project, lea, ids["nurse"][0], 1, "include")
    screening.record_decision(conn, project, lea, ids["rock"][0], 1, "exclude")
    ranking_jobs.refresh_project(conn, project)
    assert ranks(conn, project, lea)
    ranking_store.set_random_order(conn, project, lea, True)
    assert ranks(conn, project, lea) == [] and ranks(conn, project, 0) == []
    assert ranking_jobs.refresh_project(conn, project) == 0
    assert ranks(conn, project, lea) == []
    assert screening.next_record(conn, project, lea, 1) is not None  # the queue still serves records
    ranking_store.set_random_order(conn, project, lea, False)
    assert ranking_jobs.refresh_project(conn, project) > 0


def test_background_retraining_never_holds_up_a_decision(conn, db_path):
    project, users, ids = topical_project(conn)
    rita = users["rita"]
    started, release = threading.Event(), threading.Event()

    def slow_job(job_conn, project_id, cache):
        started.set()
        release.wait(30)  # a long retrain in progress
        return ranking_jobs.refresh_project(job_conn, project_id, cache)

    worker = RankingWorker(str(db_path), quiet=0.05, max_wait=0.2, tick=0.02, job=slow_job).start()
    try:
        screening.record_decision(conn, project, rita, ids["nurse"][0], 1, "include")
        assert started.wait(10)
        # while the retrain runs, the reviewer keeps deciding and getting next records
        screening.record_decision(conn, project, rita, ids["rock"][0], 1, "exclude")
        assert screening.next_record(conn, project, rita, 1) is not None
        assert not release.is_set()
        release.set()
        for _ in range(200):
            if ranks(conn, project, rita):
                break
            threading.Event().wait(0.05)
        assert set(ranks(conn, project, rita)[:9]) == set(ids["nurse"][1:])
    finally:
        release.set()
        worker.stop()
