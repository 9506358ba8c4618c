import pytest

from review.screening import decisions as screening
from review.screening.blinding import release_outcomes
from review.screening.pilot import close_pilot, pilot_status, start_pilot
from review.store.db import transaction
from review.store.errors import Conflict, Forbidden, Invalid
from tests.screening_setup import make_project


def _rank(conn, project, user, stage, ranks):
    with transaction(conn):
        conn.executemany("INSERT INTO queue_ranks (project_id, user_id, stage, record_id, rank) VALUES (?, ?, ?, ?, ?)",
                         [(project, user, stage, rid, rank) for rid, rank in ranks.items()])


def test_queue_follows_own_ranks_before_project_ranks_then_unranked(conn):
    project, users, ids = make_project(conn, records=6)
    rita = users["rita"]
    _rank(conn, project, 0, 1, {ids[4]: 1.0, ids[5]: 2.0})
    _rank(conn, project, rita, 1, {ids[3]: 5.0, ids[2]: 1.0})
    order = []
    while (rid := screening.next_record(conn, project, rita, 1)) is not None:
        order.append(rid)
        screening.record_decision(conn, project, rita, rid, 1, "exclude")
    assert order[:4] == [ids[2], ids[3], ids[4], ids[5]]
    assert sorted(order[4:]) == [ids[0], ids[1]]


def test_queue_skips_records_with_enough_decisions(conn):
    project, users, ids = make_project(conn, records=3, members={"lea": "lead", "a": "reviewer", "b": "reviewer", "c": "reviewer"})
    _rank(conn, project, 0, 1, {ids[0]: 1.0, ids[1]: 2.0, ids[2]: 3.0})
    screening.record_decision(conn, project, users["a"], ids[0], 1, "include")
    screening.record_decision(conn, project, users["b"], ids[0], 1, "include")
    assert screening.next_record(conn, project, users["c"], 1) == ids[1]
    with pytest.raises(Conflict, match="already has the decisions"):
        screening.record_decision(conn, project, users["c"], ids[0], 1, "exclude")


@pytest.mark.parametrize("blinded", [False, True])
def test_unranked_order_is_stable_and_prefers_started_records(conn, blinded):
    project, users, ids = make_project(conn, records=20, blinded=blinded)
    first = screening.next_record(conn, project, users["rita"], 1)
    assert screening.next_record(conn, project, users["rita"], 1) == first
    other = screening.next_record(conn, project, users["rolf"], 1)
    screening.record_decision(conn, project, users["rita"], first, 1, "include")
    # Unblinded, pairs complete first; blinded, rolf's queue cannot tell that rita started a record (issue 16).
    assert screening.next_record(conn, project, users["rolf"], 1) == (other if blinded else first)
    assert other is not None and other != first


def test_training_labels_never_carry_another_reviewers_open_decision(conn):
    project, users, ids = make_project(conn)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    screening.record_decision(conn, project, users["rolf"], ids[0], 1, "include")
    screening.record_decision(conn, project, users["rolf"], ids[1], 1, "exclude")
    screening.record_decision(conn, project, users["rita"], ids[2], 1, "maybe")
    rita = screening.decisions_for_training(conn, project, users["rita"], 1)
    # Blinded, a settled outcome is a label only once the lead released it: before that, rita's own decision.
    assert rita == [{"record_id": ids[0], "decision": "include", "source": "own"},
                    {"record_id": ids[2], "decision": "maybe", "source": "own"}]
    assert screening.decisions_for_training(conn, project, 0, 1) == []
    release_outcomes(conn, project, users["lea"], 1)
    rita = screening.decisions_for_training(conn, project, users["rita"], 1)
    assert rita == [{"record_id": ids[0], "decision": "include", "source": "settled"},
                    {"record_id": ids[2], "decision": "maybe", "source": "own"}]


def test_pilot_sample_comes_first_for_everyone_and_shows_agreement_when_complete(conn):
    project, users, ids = make_project(conn, records=30)
    with pytest.raises(Forbidden):
        start_pilot(conn, project, users["rita"], 5)
    pilot = start_pilot(conn, project, users["lea"], 4, seed=7)
    sample = set(r[0] for r in conn.execute("SELECT record_id FROM pilot_records WHERE pilot_id = ?", (pilot,)))
    decisions = {"lea": "include", "rita": "include", "rolf": "exclude"}
    for name, decision in decisions.items():
        for _ in range(4):
            rid = screening.next_record(conn, project, users[name], 1)
            assert rid in sample
            state = screening.record_decision(conn, project, users[name], rid, 1, decision)
            if name != "rolf":
                assert state["state"] == "open"  # a pilot record waits for every pilot reviewer
        assert screening.next_record(conn, project, users[name], 1) is None  # full screening waits for the lead
        status = pilot_status(conn, project, users["lea"])
        assert status["complete"] == (name == "rolf")
        # Blinded, rita learns nothing from the round's progress until the lead closes it (issue 16).
        assert pilot_status(conn, project, users["rita"])["complete"] is False
    pairs = {(a["reviewer_a"], a["reviewer_b"]): a for a in status["agreement"]}
    assert pairs[("lea", "rita")]["percent"] == 100.0
    assert pairs[("lea", "rolf")]["percent"] == 0.0
    close_pilot(conn, project, users["lea"])
    assert pilot_status(conn, project, users["lea"])["open"] is False
    assert pilot_status(conn, project, users["rita"])["agreement"] == status["agreement"]
    assert screening.next_record(conn, project, users["rita"], 1) not in sample | {None}


def test_pilot_records_not_finished_return_to_ordinary_rules_when_closed(conn):
    project, users, ids = make_project(conn, records=10)
    start_pilot(conn, project, users["lea"], 3, seed=1)
    rid = screening.next_record(conn, project, users["rita"], 1)
    screening.record_decision(conn, project, users["rita"], rid, 1, "include")
    assert screening.record_decision(conn, project, users["rolf"], rid, 1, "include")["state"] == "open"
    close_pilot(conn, project, users["lea"])
    assert screening.state_of(conn, project, 1, rid)["state"] == "settled"
    with pytest.raises(Invalid):
        start_pilot(conn, project, users["lea"], 100)


def test_concurrent_reviewers_are_not_all_handed_the_same_record(conn):
    project, users, ids = make_project(conn, records=5, members={"lea": "lead", "a": "reviewer", "b": "reviewer", "c": "reviewer"})
    _rank(conn, project, 0, 1, {rid: float(n) for n, rid in enumerate(ids)})
    first_a = screening.claim_next(conn, project, users["a"], 1)
    first_b = screening.claim_next(conn, project, users["b"], 1)
    first_c = screening.claim_next(conn, project, users["c"], 1)
    assert first_a == first_b == ids[0]  # a pair screens the same record
    assert first_c == ids[1]  # the third reviewer is not sent to a record two others already hold
    screening.record_decision(conn, project, users["a"], ids[0], 1, "include")
    screening.record_decision(conn, project, users["b"], ids[0], 1, "include")
    assert screening.claim_next(conn, project, users["a"], 1) == ids[1]
