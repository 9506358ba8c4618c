"""Full-text screening by JSON, as the page's script does it: the next record with its attachment area, a
decision (an exclusion names its reason), undo; CSRF, roles and blinding hold in every answer."""
import re

import pytest
from conftest import login

from review.projects import project as projects
from review.projects.reasons import list_reasons, retire_reason
from review.screening import decisions as screening
from review.screening.blinding import release_outcomes
from review.screening.fulltext import attach_pdf, mark_not_retrieved
from review.searches.importing import add_records, create_search
from tests.blinding_worlds import as_user, build_template, first_difference, make_world, normalised

PDF = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JSON = {"Accept": "application/json"}


@pytest.fixture
def team(conn, make_user, tmp_path):
    """Five records: three passed title/abstract (released), one excluded there, one not screened yet."""
    ids = {name: make_user(name) for name in ("lea", "rita", "rolf", "cora", "olga")}
    pid = projects.create_project(conn, ids["lea"], "Breaks at work", highlight_include="nurse")
    for name, role in (("rita", "reviewer"), ("rolf", "reviewer"), ("cora", "communicator")):
        projects.set_member(conn, pid, ids["lea"], name, role)
    search = create_search(conn, pid, ids["lea"], "medline.ris", "1" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Rest breaks for nurses {i}", "abstract": f"Nurses in study {i}."}
                                    for i in range(5)])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    for record_id, decision in zip(records[:4], ("include", "include", "include", "exclude")):
        for name in ("rita", "rolf"):
            screening.record_decision(conn, pid, ids[name], record_id, 1, decision)
    release_outcomes(conn, pid, ids["lea"], 1)
    attach_pdf(conn, tmp_path / "files", pid, ids["lea"], records[0], PDF, "first.pdf")
    mark_not_retrieved(conn, pid, ids["lea"], records[1], "not in the library")
    attach_pdf(conn, tmp_path / "files", pid, ids["lea"], records[1], PDF, "found-later.pdf")  # back in the queue
    return pid, ids, records


def _page(app, pid, record_id=None):
    page = app.get(f"/projects/{pid}/screen/2" + (f"?record={record_id}" if record_id else ""))
    form = page.forms["decide-form"]
    return page, int(form["record_id"].value), form["csrf_token"].value


def _decide(app, pid, token, record_id, decision, reason_id="", status=200, **headers):
    fields = {"record_id": record_id, "decision": decision, "reason_id": reason_id}
    return app.post(f"/projects/{pid}/screen/2/decide", fields, status=status,
                    headers={**JSON, **({"X-CSRF-Token": token} if token else {}), **headers})


def test_next_json_gives_a_record_that_passed_with_its_own_attachment_area(app, conn, team):
    pid, ids, records = team
    login(app, "rita")
    page, first, token = _page(app, pid)
    seen = {first}
    while True:
        nxt = app.get(f"/projects/{pid}/screen/2/next.json?skip={first}", headers=JSON).json["record"]
        if nxt is None:
            break
        assert nxt["id"] not in seen and nxt["mine"] is None
        # what the attachment area shows for that record, and where its PDF and forms are
        where = f"/projects/{pid}/records/{nxt['id']}"
        pdf = {records[0]: "first.pdf", records[1]: "found-later.pdf"}.get(nxt["id"])
        assert nxt["fulltext"] == {"kind": "uploaded" if pdf else "none", "file_name": pdf or "", "reason": "",
                                   "pdf": where + "/fulltext.pdf", "upload": where + "/fulltext",
                                   "missing": where + "/fulltext/missing"}
        seen.add(nxt["id"])
        assert _decide(app, pid, token, nxt["id"], "include").json["ok"]
    # only what passed title/abstract (and was released to this blinded reviewer) comes at full text
    assert seen == set(records[:3])
    area = page.html.select_one("#fulltext")  # the page holds every state, those not in force hidden
    assert area.select_one("#upload-form")["action"] == f"/projects/{pid}/records/{first}/fulltext"
    shown = [p["id"] for p in area.select("#ft-uploaded, #ft-not-retrieved, #ft-none") if not p.has_attr("hidden")]
    assert shown == ["ft-uploaded" if first in records[:2] else "ft-none"]


def test_next_json_at_stage_1_has_no_attachment_area(app, team):
    pid, _, records = team
    login(app, "rita")
    nxt = app.get(f"/projects/{pid}/screen/1/next.json", headers=JSON).json["record"]
    assert nxt["id"] == records[4] and "fulltext" not in nxt


def test_an_exclusion_by_json_names_a_reason_from_the_current_list(app, conn, team):
    pid, ids, records = team
    login(app, "rita")
    _, first, token = _page(app, pid)
    refused = _decide(app, pid, token, first, "exclude", status=400).json
    assert refused == {"ok": False, "status": 400,
                       "error": "Excluding a full text needs an exclusion reason from the project's list."}
    reasons = list_reasons(conn, pid)
    retire_reason(conn, pid, ids["lea"], reasons[0]["id"])
    refused = _decide(app, pid, token, first, "exclude", reasons[0]["id"], status=400).json
    assert not refused["ok"] and "not in this project's current list" in refused["error"]
    assert screening.my_decision(conn, pid, ids["rita"], first, 2) is None
    answer = _decide(app, pid, token, first, "exclude", reasons[2]["id"]).json
    assert answer == {"ok": True, "record_id": first, "own_state": "decided", "event_id": answer["event_id"],
                      "mine": 1, "complete": 0}
    assert screening.my_decision(conn, pid, ids["rita"], first, 2)["reason_id"] == reasons[2]["id"]


def test_undo_by_json_brings_the_record_back_with_its_attachment_area(app, conn, team):
    pid, ids, records = team
    login(app, "rita")
    _, first, token = _page(app, pid, records[0])
    _decide(app, pid, token, first, "include")
    undone = app.post(f"/projects/{pid}/screen/2/undo", headers={**JSON, "X-CSRF-Token": token}).json
    assert undone["ok"] and undone["record_id"] == records[0] and (undone["mine"], undone["complete"]) == (0, 0)
    record = undone["record"]
    assert record["id"] == records[0] and record["mine"] is None and record["fulltext"]["file_name"] == "first.pdf"
    assert [seg[0] for seg in record["title_marked"]] == ["Rest breaks for ", "nurses", " 0"]
    assert screening.my_decision(conn, pid, ids["rita"], records[0], 2) is None
    nothing = app.post(f"/projects/{pid}/screen/2/undo", headers={**JSON, "X-CSRF-Token": token}, status=409).json
    assert nothing == {"ok": False, "status": 409, "error": "There is no decision of yours left to undo."}


def test_undo_brings_back_a_record_someone_has_since_marked_not_retrieved(app, conn, team):
    pid, ids, records = team
    screening.record_decision(conn, pid, ids["rita"], records[2], 2, "include")
    mark_not_retrieved(conn, pid, ids["rolf"], records[2], "not at the library")  # rolf is blinded to rita's decision
    login(app, "rita")
    _, _, token = _page(app, pid)
    record = app.post(f"/projects/{pid}/screen/2/undo", headers={**JSON, "X-CSRF-Token": token}).json["record"]
    assert (record["fulltext"]["kind"], record["fulltext"]["reason"]) == ("not_retrieved", "not at the library")
    page = app.get(f"/projects/{pid}/screen/2?record={records[2]}")  # and so does the page without the script
    assert not page.html.select_one("#ft-not-retrieved").has_attr("hidden")
    assert page.html.select_one("#ft-reason").text == "not at the library"
    assert page.html.select_one("#missing-form").has_attr("hidden") and page.html.select_one("#ft-uploaded").has_attr("hidden")


def test_undoing_a_change_says_which_decision_is_in_force_again(app, conn, team):
    pid, ids, records = team
    reason = list_reasons(conn, pid)[0]["id"]
    screening.record_decision(conn, pid, ids["rita"], records[0], 2, "include")
    screening.record_decision(conn, pid, ids["rita"], records[0], 2, "exclude", reason_id=reason, change_reason="methods")
    login(app, "rita")
    _, _, token = _page(app, pid)
    undone = app.post(f"/projects/{pid}/screen/2/undo", headers={**JSON, "X-CSRF-Token": token}).json
    assert undone["record"]["mine"] == "include"  # the page then shows the record with its change form


def test_without_the_csrf_token_nothing_is_decided_or_undone(app, conn, team):
    pid, ids, records = team
    login(app, "rita")
    _, first, token = _page(app, pid)
    _decide(app, pid, None, first, "include", status=403)
    _decide(app, pid, "not-the-token", first, "include", status=403)
    assert screening.my_decision(conn, pid, ids["rita"], first, 2) is None
    _decide(app, pid, token, first, "include")
    app.post(f"/projects/{pid}/screen/2/undo", headers=JSON, status=403)
    assert screening.my_decision(conn, pid, ids["rita"], first, 2)["decision"] == "include"


@pytest.mark.parametrize("who, status", [("olga", 404), ("cora", 403)])
def test_who_does_not_screen_in_the_project_is_refused_every_json_route(app, conn, team, who, status):
    pid, ids, records = team
    login(app, who)
    token = app.get("/").html.find("input", {"name": "csrf_token"})["value"]
    app.get(f"/projects/{pid}/screen/2/next.json", headers=JSON, status=status)
    _decide(app, pid, token, records[0], "include", status=status)
    answer = app.post(f"/projects/{pid}/screen/2/undo", headers={**JSON, "X-CSRF-Token": token}, status=status).json
    assert answer["status"] == status and "Rest breaks" not in str(answer)
    assert conn.execute("SELECT COUNT(*) FROM screening_events WHERE stage = 2").fetchone()[0] == 0


def test_a_reviewer_gets_nothing_of_a_project_they_are_not_in_through_their_own(app, conn, team, tmp_path):
    pid, ids, records = team
    other = projects.create_project(conn, ids["lea"], "Naps at night")
    projects.set_member(conn, other, ids["lea"], "rolf", "reviewer")  # not rita
    search = create_search(conn, other, ids["lea"], "embase.ris", "2" * 64, "ris")
    add_records(conn, other, search, [{"title": "Secret napping trial", "abstract": "Unpublished."}])
    theirs = conn.execute("SELECT id FROM records WHERE project_id = ?", (other,)).fetchone()[0]
    for name in ("lea", "rolf"):
        screening.record_decision(conn, other, ids[name], theirs, 1, "include")
    release_outcomes(conn, other, ids["lea"], 1)
    attach_pdf(conn, tmp_path / "files", other, ids["lea"], theirs, PDF, "secret.pdf")
    login(app, "rita")
    _, _, token = _page(app, pid)
    answers = [app.get(f"/projects/{other}/screen/2/next.json", headers=JSON, status=404),
               app.get(f"/projects/{pid}/screen/2?record={theirs}", status=404),
               app.get(f"/projects/{pid}/records/{theirs}/fulltext.pdf", status=404),
               app.get(f"/projects/{other}/records/{theirs}/fulltext.pdf", status=404),
               _decide(app, pid, token, theirs, "include", status=404)]
    nxt = app.get(f"/projects/{pid}/screen/2/next.json?skip={theirs}", headers=JSON).json["record"]
    assert nxt["id"] in records[:3]
    for answer in [*answers, app.get(f"/projects/{pid}/screen/2/next.json?skip={theirs}", headers=JSON)]:
        assert "Secret" not in answer.text and "secret.pdf" not in answer.text and b"%PDF" not in answer.body
    assert conn.execute("SELECT COUNT(*) FROM screening_events WHERE project_id = ? AND stage = 2", (other,)).fetchone()[0] == 0


def test_without_javascript_the_forms_still_post_and_the_page_reloads(app, conn, team):
    pid, ids, records = team
    login(app, "rita")
    page, first, _ = _page(app, pid)
    form = page.forms["decide-form"]
    form["reason_id"] = str(list_reasons(conn, pid)[1]["id"])
    shown = form.submit("decision", value="exclude", status=303).follow()
    assert int(shown.forms["decide-form"]["record_id"].value) != first
    back = shown.forms["undo-form"].submit(status=303).follow()
    assert "Your last decision was undone." in back.text and int(back.forms["decide-form"]["record_id"].value) == first
    assert screening.my_decision(conn, pid, ids["rita"], first, 2) is None


def test_the_page_carries_what_the_script_needs_to_announce_and_refuse(app, conn, team):
    pid, _, _ = team
    login(app, "rita")
    page, _, _ = _page(app, pid)
    status = page.html.select_one("#screen-status")
    assert status["role"] == "status" and status.text == ""
    assert status["data-exclude-reason"] == "You excluded “{title}” ({reason})."
    assert page.html.select_one("#rec-title")["tabindex"] == "-1"
    select = page.html.select_one("#reason-id")
    assert select["data-needed"] == "Excluding a full text needs an exclusion reason from the project's list."
    assert [o.get("data-label") for o in select.select("option")][1:] == [r["label"] for r in list_reasons(conn, team[0])]


# --- blinding: what a reviewer's JSON says does not depend on another reviewer's open full-text decisions -----

@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("fulltext-template"))


def _rolf_by_json(app, template):
    """Rolf screens his full texts as the page's script does: prefetch, decide, undo, decide again; every answer."""
    as_user(app, template, "rolf")
    pid, token = template["pid"], template["csrf"]["rolf"]
    headers = {**JSON, "X-CSRF-Token": token}
    answers, skip = [], ""
    reason = "1"
    for step in range(6):
        nxt = app.get(f"/projects/{pid}/screen/2/next.json?skip={skip}", headers=JSON, expect_errors=True)
        answers.append(nxt)
        record = nxt.json["record"]
        if record is None:
            break
        decision = ("include", "exclude")[step % 2]
        answers.append(app.post(f"/projects/{pid}/screen/2/decide",
                                {"record_id": record["id"], "decision": decision, "reason_id": reason},
                                headers=headers, expect_errors=True))
        if step == 1:
            answers.append(app.post(f"/projects/{pid}/screen/2/undo", headers=headers, expect_errors=True))
        skip = str(record["id"])
    return answers


@pytest.mark.parametrize("first, second", [("include", None), ("exclude", "include"), (None, "exclude")])
def test_a_reviewers_full_text_json_is_the_same_whatever_another_decided(template, tmp_path, first, second):
    worlds = []
    for n, decision in enumerate((first, second)):
        a_decisions = {(stage, record): decision for stage, record in template["open"] if stage == 2}
        worlds.append(make_world(template, tmp_path / f"world{n}", a_decisions))
    try:
        one, two = (_rolf_by_json(app, template) for _, app in worlds)
        assert len(one) == len(two) and len(one) > 4
        assert any(r.json.get("record") and "fulltext" in r.json["record"] for r in one)
        assert any(r.json.get("ok") and "record" in r.json for r in one)  # the undo answered with its record
        for n, (a, b) in enumerate(zip(one, two)):
            assert normalised(a) == normalised(b), f"answer {n}: {first_difference(normalised(a), normalised(b))}"
            assert re.search(r"RITA", a.text) is None
    finally:
        for conn, _ in worlds:
            conn.close()
