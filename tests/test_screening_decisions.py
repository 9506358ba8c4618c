import pytest

from review.projects.reasons import add_reason, ensure_default_reasons, list_reasons, retire_reason
from review.screening import decisions as screening
from review.screening.blinding import release_outcomes
from review.screening.conflicts import list_conflicts, resolve_conflict
from review.screening.settings import set_maybe_policy
from review.screening.state import combine, state_of
from review.store.errors import Conflict, Forbidden, Invalid, NotFound
from tests.screening_setup import add_user, make_project


def test_two_agreeing_decisions_settle_and_move_the_record_to_full_text(conn):
    project, users, ids = make_project(conn)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    assert state_of(conn, project, 1, ids[0])["state"] == "open"
    state = screening.record_decision(conn, project, users["rolf"], ids[0], 1, "include")
    assert (state["state"], state["outcome"]) == ("settled", "include")
    assert [r["id"] for r in screening.included_records(conn, project, 1)] == [ids[0]]
    # Blinded, the record reaches the reviewers' full-text queues when the lead releases the outcome.
    assert screening.included_records(conn, project, 1, users["rita"]) == []
    assert screening.next_record(conn, project, users["rita"], 2) is None
    assert screening.next_record(conn, project, users["lea"], 2) == ids[0]
    release_outcomes(conn, project, users["lea"], 1)
    assert [r["id"] for r in screening.included_records(conn, project, 1, users["rita"])] == [ids[0]]
    assert screening.next_record(conn, project, users["rita"], 2) == ids[0]


def test_disagreement_is_a_conflict_that_a_resolver_settles_with_a_reason(conn):
    project, users, ids = make_project(conn)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include", note="seems relevant")
    screening.record_decision(conn, project, users["rolf"], ids[0], 1, "exclude", note="students, not workers")
    conflicts = list_conflicts(conn, project, users["lea"], 1)
    assert [c["id"] for c in conflicts] == [ids[0]]
    assert {d["note"] for d in conflicts[0]["decisions"]} == {"seems relevant", "students, not workers"}
    with pytest.raises(Forbidden):
        list_conflicts(conn, project, users["rita"], 1)
    with pytest.raises(Invalid):
        resolve_conflict(conn, project, users["lea"], ids[0], 1, "exclude", reason="  ")
    state = resolve_conflict(conn, project, users["lea"], ids[0], 1, "exclude", reason="population is students")
    assert (state["state"], state["outcome"]) == ("settled", "exclude")
    assert list_conflicts(conn, project, users["lea"], 1) == []


def test_a_member_given_the_right_can_resolve(conn):
    project, users, ids = make_project(conn)
    conn.execute("UPDATE memberships SET can_resolve = 1 WHERE user_id = ?", (users["rolf"],))
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    screening.record_decision(conn, project, users["rolf"], ids[0], 1, "exclude")
    assert resolve_conflict(conn, project, users["rolf"], ids[0], 1, "include", reason="talked it over")["outcome"] == "include"


@pytest.mark.parametrize("pair, policy, expected", [
    (("maybe", "include"), "as_include", ("settled", "include", None)),
    (("maybe", "maybe"), "as_include", ("settled", "include", None)),
    (("maybe", "exclude"), "as_include", ("conflict", None, None)),
    (("maybe", "include"), "conflict", ("conflict", None, None)),
    (("include", "exclude"), "as_include", ("conflict", None, None)),
    (("exclude", "exclude"), "conflict", ("settled", "exclude", None)),
])
def test_maybe_rules(pair, policy, expected):
    assert combine([(d, None) for d in pair], 1, policy) == expected


def test_maybe_policy_is_a_project_setting_fixed_once_records_settle(conn):
    project, users, ids = make_project(conn)
    set_maybe_policy(conn, project, users["lea"], "conflict")
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "maybe")
    assert screening.record_decision(conn, project, users["rolf"], ids[0], 1, "include")["state"] == "conflict"
    with pytest.raises(Conflict):
        set_maybe_policy(conn, project, users["lea"], "as_include")
    with pytest.raises(Forbidden):
        set_maybe_policy(conn, project, users["rita"], "as_include")


def test_single_screening_settles_on_one_decision(conn):
    project, users, ids = make_project(conn, per_record=1)
    assert screening.record_decision(conn, project, users["rita"], ids[0], 1, "exclude")["state"] == "settled"
    with pytest.raises(Conflict):
        screening.record_decision(conn, project, users["rolf"], ids[0], 1, "include")


def _to_stage2(conn, project, users, record_id):
    screening.record_decision(conn, project, users["rita"], record_id, 1, "include")
    screening.record_decision(conn, project, users["rolf"], record_id, 1, "include")
    release_outcomes(conn, project, users["lea"], 1)  # blinded reviewers work on released records at full text


def test_stage2_exclusion_needs_a_reason_from_the_current_list(conn):
    project, users, ids = make_project(conn)
    ensure_default_reasons(conn, project)
    reasons = list_reasons(conn, project)
    _to_stage2(conn, project, users, ids[0])
    with pytest.raises(Invalid, match="reason"):
        screening.record_decision(conn, project, users["rita"], ids[0], 2, "exclude")
    with pytest.raises(Invalid):
        screening.record_decision(conn, project, users["rita"], ids[0], 2, "maybe")
    retire_reason(conn, project, users["lea"], reasons[0]["id"])
    with pytest.raises(Invalid):
        screening.record_decision(conn, project, users["rita"], ids[0], 2, "exclude", reason_id=reasons[0]["id"])
    screening.record_decision(conn, project, users["rita"], ids[0], 2, "exclude", reason_id=reasons[1]["id"])
    state = screening.record_decision(conn, project, users["rolf"], ids[0], 2, "exclude", reason_id=reasons[1]["id"])
    assert (state["state"], state["reason_id"]) == ("settled", reasons[1]["id"])
    counts = screening.screening_counts(conn, project)
    assert counts["reports_excluded"] == {reasons[1]["label"]: 1}


def test_different_exclusion_reasons_at_full_text_are_a_conflict(conn):
    project, users, ids = make_project(conn)
    ensure_default_reasons(conn, project)
    reasons = list_reasons(conn, project)
    _to_stage2(conn, project, users, ids[0])
    screening.record_decision(conn, project, users["rita"], ids[0], 2, "exclude", reason_id=reasons[0]["id"])
    state = screening.record_decision(conn, project, users["rolf"], ids[0], 2, "exclude", reason_id=reasons[2]["id"])
    assert state["state"] == "conflict"


def test_stage2_refuses_records_that_did_not_pass_stage1(conn):
    project, users, ids = make_project(conn)
    with pytest.raises(Conflict):
        screening.record_decision(conn, project, users["rita"], ids[0], 2, "include")


def test_reason_list_is_edited_by_the_lead_only(conn):
    project, users, _ = make_project(conn)
    reason = add_reason(conn, project, users["lea"], "Not occupational")
    assert [r["label"] for r in list_reasons(conn, project)] == ["Not occupational"]
    with pytest.raises(Forbidden):
        add_reason(conn, project, users["rita"], "Other")
    with pytest.raises(Invalid):
        add_reason(conn, project, users["lea"], "not occupational")
    assert reason


def test_undo_takes_back_my_last_decision_as_a_new_event(conn):
    project, users, ids = make_project(conn)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    screening.record_decision(conn, project, users["rita"], ids[1], 1, "exclude")
    screening.undo_last(conn, project, users["rita"])
    assert screening.my_decision(conn, project, users["rita"], ids[1], 1) is None
    assert screening.my_decision(conn, project, users["rita"], ids[0], 1)["decision"] == "include"
    kinds = [r[0] for r in conn.execute("SELECT kind FROM screening_events ORDER BY id")]
    assert kinds == ["decision", "decision", "undo"]
    screening.undo_last(conn, project, users["rita"])
    with pytest.raises(Conflict):
        screening.undo_last(conn, project, users["rita"])
    assert screening.next_record(conn, project, users["rita"], 1) is not None


def test_undo_reopens_a_settled_record_but_not_a_resolved_one(conn):
    project, users, ids = make_project(conn)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "exclude")
    screening.record_decision(conn, project, users["rolf"], ids[0], 1, "exclude")
    assert screening.undo_last(conn, project, users["rolf"])["state"] == "open"
    screening.record_decision(conn, project, users["rolf"], ids[0], 1, "include")
    resolve_conflict(conn, project, users["lea"], ids[0], 1, "exclude", reason="off topic")
    with pytest.raises(Conflict, match="resolved"):
        screening.undo_last(conn, project, users["rolf"])


def test_changing_a_decision_needs_a_reason_and_keeps_the_old_event(conn):
    project, users, ids = make_project(conn)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    with pytest.raises(Invalid, match="reason"):
        screening.record_decision(conn, project, users["rita"], ids[0], 1, "exclude")
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "exclude", change_reason="misread the setting")
    assert screening.my_decision(conn, project, users["rita"], ids[0], 1)["decision"] == "exclude"
    assert conn.execute("SELECT COUNT(*) FROM screening_events WHERE kind = 'decision'").fetchone()[0] == 2
    assert conn.execute("SELECT COUNT(*) FROM audit_events WHERE action = 'screening.change'").fetchone()[0] == 1


def test_roles_refused(conn):
    project, users, ids = make_project(conn, members={"lea": "lead", "rita": "reviewer", "cora": "communicator"})
    outsider = add_user(conn, "olga")
    with pytest.raises(Forbidden):
        screening.record_decision(conn, project, users["cora"], ids[0], 1, "include")
    with pytest.raises(NotFound):
        screening.record_decision(conn, project, outsider, ids[0], 1, "include")
    with pytest.raises(Forbidden):
        resolve_conflict(conn, project, users["rita"], ids[0], 1, "include", reason="x")


def test_duplicates_are_not_screened(conn):
    project, users, ids = make_project(conn)
    conn.execute("BEGIN")
    group = conn.execute("INSERT INTO duplicate_groups (project_id, representative_id, created_at) VALUES (?, ?, 'now')",
                         (project, ids[0])).lastrowid
    conn.executemany("INSERT INTO duplicate_links (record_id, group_id, status, linked_at) VALUES (?, ?, 'certain', 'now')",
                     [(ids[0], group), (ids[1], group)])
    conn.execute("COMMIT")
    with pytest.raises(NotFound):
        screening.record_decision(conn, project, users["rita"], ids[1], 1, "include")
    seen = set()
    while (rid := screening.next_record(conn, project, users["rita"], 1)) is not None:
        seen.add(rid)
        screening.record_decision(conn, project, users["rita"], rid, 1, "exclude")
    assert seen == set(ids) - {ids[1]}


def test_events_cannot_be_edited(conn):
    project, users, ids = make_project(conn)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include")
    import sqlite3
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE screening_events SET decision = 'exclude'")
