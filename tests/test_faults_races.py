"""People acting on the same record at the same moment, through the server: one consistent result, all in the audit log."""
import json
import threading

from screening_setup import make_project
from sil_process import Browser

from review.accounts import users
from review.screening.state import state_of


def browsers(conn, live_server, people, names):
    port = int(live_server.rsplit(":", 1)[1])
    found = {}
    for name in names:
        token = users.create_session(conn, people[name])
        found[name] = Browser(port, token, users.session_user(conn, token)["csrf_token"])
    return found


def at_once(*actions):
    """Run the actions in threads released by one barrier; return their results in order."""
    barrier, results = threading.Barrier(len(actions)), [None] * len(actions)

    def run(i, action):
        barrier.wait()
        results[i] = action()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def decisions_on(conn, record_id):
    return conn.execute("SELECT user_id, decision FROM screening_events WHERE record_id = ? AND kind = 'decision'",
                        (record_id,)).fetchall()


def test_three_reviewers_deciding_one_record_at_once_give_exactly_the_two_it_needs(conn, live_server):
    members = {"lea": "lead", "rita": "reviewer", "rolf": "reviewer", "rune": "reviewer"}
    project_id, people, record_ids = make_project(conn, records=15, per_record=2, members=members)
    team = browsers(conn, live_server, people, ["rita", "rolf", "rune"])
    for record_id in record_ids:
        answers = at_once(*(lambda b=b, record_id=record_id: b.call("POST", f"/projects/{project_id}/screen/1/decide",
                                               {"record_id": record_id, "decision": "include"})[0]
                            for b in team.values()))
        assert sorted(answers) == [200, 200, 409], answers
        assert len(decisions_on(conn, record_id)) == 2
        assert state_of(conn, project_id, 1, record_id)["state"] == "settled"


def test_a_double_click_stores_one_decision(conn, live_server):
    project_id, people, record_ids = make_project(conn, records=10)
    rita = browsers(conn, live_server, people, ["rita"])["rita"]
    for record_id in record_ids:
        answers = at_once(*(lambda record_id=record_id: rita.decide(project_id, record_id, "exclude"),) * 2)
        assert sorted(answers) == [False, True]
        assert len(decisions_on(conn, record_id)) == 1


def audit(conn, action, record_id):
    return conn.execute("SELECT id, detail FROM audit_events WHERE action = ? AND subject = ?",
                        (action, f"record {record_id}")).fetchall()


def test_a_resolution_racing_a_changed_decision_leaves_one_consistent_story(conn, live_server):
    project_id, people, record_ids = make_project(conn, records=12)
    team = browsers(conn, live_server, people, ["lea", "rita", "rolf"])
    outcomes = set()
    for record_id in record_ids:
        assert team["rita"].decide(project_id, record_id, "include")
        assert team["rolf"].decide(project_id, record_id, "exclude")
        resolved, changed = at_once(
            lambda record_id=record_id: team["lea"].call("POST", f"/projects/{project_id}/conflicts/1/{record_id}",
                                     {"decision": "include", "reason": "meets the criteria"}, json_reply=False)[0],
            lambda record_id=record_id: team["rita"].decide(project_id, record_id, "maybe",
                                                            change_reason="unsure after all"))
        resolutions, changes = audit(conn, "screening.resolve", record_id), audit(conn, "screening.change", record_id)
        assert len(resolutions) == (resolved == 303) and len(changes) == int(changed)
        state = state_of(conn, project_id, 1, record_id)
        if resolved == 303:
            assert state["state"] == "settled" and state["outcome"] == "include"
        if changed and resolved == 303:
            # Both went through: the change came first (a resolved record refuses changes), so both are logged in that order.
            assert changes[0]["id"] < resolutions[0]["id"]
            assert json.loads(changes[0]["detail"])["decision"] == "maybe"
        if not changed:
            assert resolved == 303, "the change may only be refused because the resolution came first"
        current = {r[0]: r[1] for r in conn.execute(
            "SELECT user_id, decision FROM screening_current WHERE record_id = ? AND stage = 1", (record_id,))}
        assert current[people["rita"]] == ("maybe" if changed else "include")
        outcomes.add((resolved, changed))
    assert outcomes, "no race was run"
