"""The records list's facets (counts that respect blinding) and the lead's bulk actions, through WebTest."""
import pytest
from conftest import csrf_of, fuzz_examples, login

from review.projects import project as projects
from review.screening import decisions as screening
from review.screening.facets import browse
from review.screening.settings import set_blinding
from review.searches.importing import add_records, create_search


@pytest.fixture
def review(conn, make_user):
    ids = {name: make_user(name) for name in ("lea", "rita", "rolf", "cora")}
    pid = projects.create_project(conn, ids["lea"], "Breaks")
    for name in ("rita", "rolf"):
        projects.set_member(conn, pid, ids["lea"], name, "reviewer")
    projects.set_member(conn, pid, ids["lea"], "cora", "communicator")
    search = create_search(conn, pid, ids["lea"], "a.ris", "1" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Breaks study {i}", "abstract": "Nurses."} for i in range(6)])
    r = [row[0] for row in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    decide = lambda who, i, d, **kw: screening.record_decision(conn, pid, ids[who], r[i], 1, d, **kw)  # noqa: E731
    decide("rita", 0, "include", labels=["sleep"])
    decide("rolf", 0, "include")            # r0 settled include
    decide("rita", 1, "exclude")
    decide("rolf", 1, "include")            # r1 conflict
    decide("rolf", 2, "include", labels=["night"])  # r2 open, only rolf has decided
    return pid, ids, r, decide


def counts(found, facet):
    return {v["value"]: v["count"] for v in found["facets"][facet]}


def test_a_blinded_reviewer_sees_only_her_own_decisions_counted(conn, review):
    pid, ids, r, _ = review
    found = browse(conn, pid, ids["rita"], {})
    assert set(found["facets"]) == {"mine", "label", "reason", "dup"}  # no final decision, no stage
    assert counts(found, "mine") == {"include": 1, "exclude": 1, "maybe": 0, "none": 4}
    assert counts(found, "label") == {"sleep": 1}  # never rolf's "night"
    assert found["blinded"]


def test_the_lead_under_blinding_counts_closed_records_only(conn, review):
    pid, ids, r, _ = review
    found = browse(conn, pid, ids["lea"], {})
    assert counts(found, "final") == {"include": 1, "exclude": 0, "conflict": 1, "open": 4}
    assert counts(found, "stage")["fulltext"] == 1 and counts(found, "stage")["screening"] == 5
    # each facet counts under the other filters: with final=conflict chosen, "mine" counts that one record
    narrowed = browse(conn, pid, ids["lea"], {"final": "conflict"})
    assert narrowed["ids"] == [r[1]]
    assert counts(narrowed, "final")["include"] == 1  # its own facet still shows every value's count
    assert counts(narrowed, "mine") == {"include": 0, "exclude": 0, "maybe": 0, "none": 1}


def test_lifting_blinding_shows_the_team_facets_to_reviewers(conn, review):
    pid, ids, r, _ = review
    set_blinding(conn, pid, ids["lea"], False)
    found = browse(conn, pid, ids["rita"], {})
    assert counts(found, "final")["conflict"] == 1
    assert counts(found, "label") == {"night": 1, "sleep": 1}


def test_the_blinded_reviewers_page_does_not_change_when_another_decides_an_open_record(app, review):
    pid, _, r, decide = review
    login(app, "rita")
    before = app.get(f"/projects/{pid}/records").text
    decide("rolf", 3, "exclude", labels=["hidden"])
    decide("rolf", 2, "exclude", change_reason="second look")
    assert app.get(f"/projects/{pid}/records").text == before
    assert app.get(f"/projects/{pid}/records?final=conflict", status=403)
    assert app.get(f"/projects/{pid}/records?mine=sometimes", status=400)


def test_facet_links_filter_the_list_without_javascript(app, review):
    pid, _, r, _ = review
    login(app, "lea")
    page = app.get(f"/projects/{pid}/records")
    link = page.html.select_one("#facet-final a[data-value=conflict]")
    assert link.select_one(".count").text == "1"
    filtered = app.get(f"/projects/{pid}/records" + link["href"])
    titles = [a.text for a in filtered.html.select("table.records td a")]
    assert titles == ["Breaks study 1"]
    assert filtered.html.select_one("#facet-final a[aria-current=true]")["data-value"] == "conflict"
    ris = app.get(filtered.html.select_one("#export-ris")["href"]).text
    assert ris.count("TY  -") == 1 and "Breaks study 1" in ris


def test_the_lead_labels_ticked_records_and_the_audit_log_says_so(app, conn, review):
    pid, ids, r, _ = review
    login(app, "lea")
    form = app.get(f"/projects/{pid}/records").forms["bulk-form"]
    for box in form.fields["record_id"]:
        if box._value in (str(r[0]), str(r[4])):
            box.checked = True
    form["action"], form["bulk_label"] = "label_add", "Check with Anne"
    page = form.submit().follow()
    assert "Label added to 2 records." in page.html.select_one("#bulk-done").text
    assert counts(browse(conn, pid, ids["rita"], {}), "label")["Check with Anne"] == 2  # the project's label
    event = conn.execute("SELECT action, subject, detail FROM audit_events WHERE action = 'records.label_add'").fetchone()
    assert event["subject"] == "2 records" and '"Check with Anne"' in event["detail"]


def test_the_lead_moves_every_filtered_conflict_to_full_text(app, conn, review):
    pid, ids, r, _ = review
    login(app, "lea")
    form = app.get(f"/projects/{pid}/records?stage=screening").forms["bulk-form"]
    form["scope"], form["action"], form["resolution_reason"] = "all", "move", "Both criteria met on reading"
    page = form.submit().follow()
    text = page.html.select_one("#bulk-done").text
    assert "1 record resolved as include" in text and "4 awaiting decisions" in text
    assert screening.screening_counts(conn, pid)["reports_sought"] == 2
    assert page.request.url.endswith("stage=screening&done=moved&n=1&overridden=0&waiting=4&agreed=0&already=0")


def test_the_lead_overrides_an_agreed_exclusion_only_when_she_ticks_the_box(app, conn, review):
    pid, ids, r, decide = review
    decide("rita", 3, "exclude")
    decide("rolf", 3, "exclude")  # r3: both reviewers excluded it
    login(app, "lea")
    form = app.get(f"/projects/{pid}/records").forms["bulk-form"]
    form["scope"], form["action"], form["resolution_reason"] = "all", "move", "Reported outcome is fatigue"
    text = form.submit().follow().html.select_one("#bulk-done").text
    # every record of the list is accounted for: 1 conflict moved, 3 waiting, 1 agreed left, 1 already in
    assert "1 record resolved as include" in text and "3 awaiting decisions, 1 agreed by the reviewers, 1 already" in text
    assert screening.screening_counts(conn, pid)["reports_sought"] == 2
    form = app.get(f"/projects/{pid}/records").forms["bulk-form"]
    form["scope"], form["action"], form["resolution_reason"] = "all", "move", "Reported outcome is fatigue"
    form["over_agreed"] = True
    text = form.submit().follow().html.select_one("#bulk-done").text
    assert "1 record resolved as include" in text and "Of them, 1 had been excluded by both reviewers" in text
    assert "2 already in full text" in text
    assert screening.screening_counts(conn, pid)["reports_sought"] == 3
    override = conn.execute("SELECT subject, detail FROM audit_events WHERE action = 'screening.override'").fetchall()
    assert [row["subject"] for row in override] == [f"record {r[3]}"]
    assert '"agreed": "exclude"' in override[0]["detail"] and "Reported outcome is fatigue" in override[0]["detail"]
    # the record now waits for its full-text decisions like any other
    assert conn.execute("SELECT 1 FROM screening_pending WHERE project_id = ? AND stage = 2 AND record_id = ?",
                        (pid, r[3])).fetchone()


def test_only_the_lead_overrides_an_agreement(conn, review):
    from review.screening.conflicts import resolve_conflict
    from review.store import Conflict, Forbidden

    pid, ids, r, decide = review
    with pytest.raises(Conflict, match="agreed"):
        resolve_conflict(conn, pid, ids["lea"], r[0], 1, "exclude", "second thoughts")
    with pytest.raises(Forbidden):
        resolve_conflict(conn, pid, ids["rita"], r[0], 1, "exclude", "second thoughts", over_agreement=True)
    resolve_conflict(conn, pid, ids["lea"], r[0], 1, "exclude", "second thoughts", over_agreement=True)
    assert screening.screening_counts(conn, pid)["reports_sought"] == 0


def test_only_the_lead_acts_in_bulk_and_only_with_the_token(app, conn, review):
    pid, ids, r, _ = review
    login(app, "rita")
    token = csrf_of(app)
    assert "bulk-form" not in app.get(f"/projects/{pid}/records").text
    app.post(f"/projects/{pid}/records/bulk", {"csrf_token": token, "record_id": r[0], "action": "label_add",
                                                "bulk_label": "x"}, status=403)
    app.reset()
    login(app, "lea")
    app.post(f"/projects/{pid}/records/bulk", {"record_id": r[0], "action": "label_add", "bulk_label": "x"}, status=403)
    token = csrf_of(app)
    app.post(f"/projects/{pid}/records/bulk", {"csrf_token": token, "action": "label_add", "bulk_label": "x"}, status=400)
    app.post(f"/projects/{pid}/records/bulk", {"csrf_token": token, "record_id": r[0], "action": "label_add",
                                                "bulk_label": " "}, status=400)
    assert conn.execute("SELECT COUNT(*) FROM record_labels").fetchone()[0] == 0


def test_every_facet_count_is_the_number_of_records_its_link_shows(conn, make_user):
    """Property: for any decisions, choosing a facet value lists exactly as many records as its count said,
    and a single-valued facet's counts add up to the records in the list."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from review.store.errors import Conflict

    ids = {name: make_user(name) for name in ("lea", "rita", "rolf")}
    pid = projects.create_project(conn, ids["lea"], "Breaks")
    for name in ("rita", "rolf"):
        projects.set_member(conn, pid, ids["lea"], name, "reviewer")
    search = create_search(conn, pid, ids["lea"], "a.ris", "2" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Study {i}", "abstract": "Nurses."} for i in range(6)])
    records = [row[0] for row in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    decided = set()

    @settings(max_examples=fuzz_examples(15), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.tuples(st.sampled_from(["rita", "rolf"]), st.integers(0, 5),
                              st.sampled_from(["include", "exclude", "maybe"])), max_size=6))
    def check(moves):
        for who, i, decision in moves:
            if (who, i) not in decided:
                try:
                    screening.record_decision(conn, pid, ids[who], records[i], 1, decision)
                    decided.add((who, i))
                except Conflict:  # a third decision on a full record is refused: fine here
                    pass
        for viewer in ("lea", "rita"):
            found = browse(conn, pid, ids[viewer], {})
            for facet, values in found["facets"].items():
                if facet in ("mine", "final", "stage", "dup"):
                    assert sum(v["count"] for v in values) == len(found["ids"])
                for v in values:
                    assert len(browse(conn, pid, ids[viewer], {facet: str(v["value"])})["ids"]) == v["count"]

    check()
