"""The screening screens through WebTest: deciding, undo, history, stage 2, PDFs, conflicts, reasons, exports."""
import re

import pytest
from conftest import login

from review.projects import project as projects
from review.screening import decisions as screening
from review.screening.blinding import release_outcomes
from review.searches.importing import add_records, create_search

PDF = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def team(conn, make_user):
    ids = {name: make_user(name) for name in ("lea", "rita", "rolf", "cora")}
    pid = projects.create_project(conn, ids["lea"], "Breaks at work", highlight_include="nurse",
                                  highlight_exclude="student*", inclusion_criteria="Workers in health care")
    projects.set_member(conn, pid, ids["lea"], "rita", "reviewer")
    projects.set_member(conn, pid, ids["lea"], "rolf", "reviewer")
    projects.set_member(conn, pid, ids["lea"], "cora", "communicator")
    search = create_search(conn, pid, ids["lea"], "medline.ris", "1" * 64, "ris")
    add_records(conn, pid, search, [
        {"title": f"Rest breaks for nurses {i}", "abstract": f"Nurses and students in study {i}.",
         "authors": [f"Author{i}, A"], "journal": f"Journal{i}", "year": 2010 + i, "keywords": ["nursing"]}
        for i in range(6)])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    return pid, ids, records


def _decide(app, pid, stage, decision, **fields):
    page = app.get(f"/projects/{pid}/screen/{stage}")
    form = page.forms["decide-form"]
    for key, value in fields.items():
        form[key] = value
    record_id = int(form["record_id"].value)
    return record_id, form.submit("decision", value=decision, expect_errors=True)


def test_screen_page_shows_one_record_with_highlights_and_decides(app, conn, team):
    pid, ids, records = team
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/1")
    assert '<mark class="inc">nurses</mark>' in page.text or '<mark class="inc">Nurses</mark>' in page.text
    assert '<mark class="exc">students</mark>' in page.text
    assert "Workers in health care" in page.text  # criteria one click away
    record_id, response = _decide(app, pid, 1, "include", note="looks right")
    assert response.status_int == 303
    assert screening.my_decision(conn, pid, ids["rita"], record_id, 1)["note"] == "looks right"
    assert f'value="{record_id}"' not in response.follow().text


def test_hide_authors_and_journal(app, team):
    pid, _, _ = team
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/1?hide=1")
    assert re.search(r'id="rec-authors" hidden', page.text) and re.search(r'id="rec-journal" hidden', page.text)


def test_undo_brings_the_record_back(app, conn, team):
    pid, ids, _ = team
    login(app, "rita")
    record_id, _ = _decide(app, pid, 1, "exclude")
    page = app.get(f"/projects/{pid}/screen/1")
    response = page.forms["undo-form"].submit().follow()
    assert "Your last decision was undone." in response.text
    assert f'name="record_id" value="{record_id}"' in response.text
    assert screening.my_decision(conn, pid, ids["rita"], record_id, 1) is None


def test_json_decide_and_prefetch(app, team):
    pid, _, records = team
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/1")
    token = page.forms["decide-form"]["csrf_token"].value
    first = int(page.forms["decide-form"]["record_id"].value)
    nxt = app.get(f"/projects/{pid}/screen/1/next.json?skip={first}", headers={"Accept": "application/json"}).json
    assert nxt["record"]["id"] != first
    result = app.post(f"/projects/{pid}/screen/1/decide", {"record_id": first, "decision": "maybe", "csrf_token": token},
                      headers={"Accept": "application/json"}).json
    assert result == {"ok": True, "record_id": first, "mine": 1, "own_state": "decided", "event_id": result["event_id"],
                      "complete": 0}  # two reviewers per record: one decision completes none
    refused = app.post(f"/projects/{pid}/screen/1/decide", {"record_id": first, "decision": "nonsense", "csrf_token": token},
                       headers={"Accept": "application/json"}, status=400).json
    assert refused["ok"] is False


def test_history_lets_me_change_a_decision_with_a_reason(app, conn, team):
    pid, ids, _ = team
    login(app, "rita")
    record_id, _ = _decide(app, pid, 1, "include")
    history = app.get(f"/projects/{pid}/screen/1/history")
    page = history.click(href=f"record={record_id}")
    form = page.forms["decide-form"]
    form["change_reason"] = "read the methods again"
    form.submit("decision", value="exclude").follow()
    assert screening.my_decision(conn, pid, ids["rita"], record_id, 1)["decision"] == "exclude"


def _settle_stage1(conn, pid, ids, record_id, decision="include"):
    screening.record_decision(conn, pid, ids["rita"], record_id, 1, decision)
    screening.record_decision(conn, pid, ids["rolf"], record_id, 1, decision)
    release_outcomes(conn, pid, ids["lea"], 1)  # blinded reviewers work on released records at full text


def test_stage2_needs_a_reason_and_pdf_refusals(app, conn, team):
    pid, ids, records = team
    _settle_stage1(conn, pid, ids, records[0])
    login(app, "lea")
    app.reset()
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/2")
    response = page.forms["decide-form"].submit("decision", value="exclude").follow()
    assert "needs an exclusion reason" in response.text
    upload = response.forms["upload-form"]
    upload["pdf"] = ("paper.pdf", b"<html>not a pdf</html>", "application/pdf")
    assert "is not a PDF" in upload.submit(expect_errors=True).text
    page = app.get(f"/projects/{pid}/screen/2")
    upload = page.forms["upload-form"]
    upload["pdf"] = ("paper.pdf", PDF, "application/pdf")
    page = upload.submit().follow()
    assert "The PDF is attached." in page.text
    pdf = page.click(href="fulltext.pdf")
    assert pdf.content_type == "application/pdf" and pdf.body == PDF
    form = page.forms["decide-form"]
    form["reason_id"] = form["reason_id"].options[1][0]
    form.submit("decision", value="exclude").follow()
    assert screening.my_decision(conn, pid, ids["rita"], records[0], 2)["reason_id"]


def test_too_large_pdf_is_refused(app, conn, team):
    from review.screening.settings import set_pdf_limit

    pid, ids, records = team
    _settle_stage1(conn, pid, ids, records[0])
    set_pdf_limit(conn, pid, ids["lea"], 4096)
    login(app, "rita")
    upload = app.get(f"/projects/{pid}/screen/2").forms["upload-form"]
    upload["pdf"] = ("big.pdf", PDF + b"x" * 10_000, "application/pdf")
    assert upload.submit(expect_errors=True).status_int == 400


def test_pdf_served_only_to_members(app, conn, team, make_user, tmp_path):
    from review.screening.fulltext import attach_pdf

    pid, ids, records = team
    _settle_stage1(conn, pid, ids, records[0])
    attach_pdf(conn, tmp_path / "files", pid, ids["rita"], records[0], PDF, "a.pdf")
    make_user("olga")
    login(app, "olga")
    assert app.get(f"/projects/{pid}/records/{records[0]}/fulltext.pdf", status=404)


def test_conflict_page_and_resolution(app, conn, team):
    pid, ids, records = team
    screening.record_decision(conn, pid, ids["rita"], records[0], 1, "include", note="RITA says in")
    screening.record_decision(conn, pid, ids["rolf"], records[0], 1, "exclude", note="ROLF says out")
    login(app, "rita")
    app.get(f"/projects/{pid}/conflicts/1", status=403)
    app.reset()
    login(app, "lea")
    page = app.get(f"/projects/{pid}/conflicts/1")
    assert "RITA says in" in page.text and "ROLF says out" in page.text
    form = page.forms[2]
    form["reason"] = "population fits"
    assert "The conflict is resolved." in form.submit("decision", value="include").follow().text
    assert screening.state_of(conn, pid, 1, records[0])["outcome"] == "include"


def test_lead_edits_reasons_and_sees_agreement_csv(app, conn, team):
    pid, ids, records = team
    for rid in records[:4]:
        _settle_stage1(conn, pid, ids, rid, "exclude")
    login(app, "lea")
    page = app.get(f"/projects/{pid}/reasons")
    form = page.forms["reason-add"]
    form["label"] = "Not about work"
    assert "Not about work" in form.submit().follow().text
    csv_text = app.get(f"/projects/{pid}/agreement/1.csv").text
    assert csv_text.splitlines()[1].startswith("1,rita,rolf,4,4,100.0,")
    app.reset()
    login(app, "rita")
    app.get(f"/projects/{pid}/agreement/1", status=403)
    app.get(f"/projects/{pid}/reasons", status=403)


def test_a_new_project_has_exclusion_reasons_and_the_reasons_page_only_reads(app, conn, team):
    pid, ids, records = team
    _settle_stage1(conn, pid, ids, records[0])
    login(app, "rita")  # the lead has never opened the reasons page
    page = app.get(f"/projects/{pid}/screen/2")
    assert "Wrong study design" in page.text
    app.reset()
    login(app, "lea")

    def stored():
        return (conn.execute("SELECT COUNT(*) FROM exclusion_reasons").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM audit_events").fetchone()[0])
    before = stored()
    assert "Wrong study design" in app.get(f"/projects/{pid}/reasons").text
    assert stored() == before


def test_communicator_cannot_screen_but_can_export(app, team):
    pid, _, _ = team
    login(app, "cora")
    app.get(f"/projects/{pid}/screen/1", status=403)
    assert app.get(f"/projects/{pid}/screening/export?what=decisions&format=csv").text.startswith("record_id,title")


def test_pilot_from_the_overview(app, conn, team):
    pid, ids, records = team
    login(app, "lea")
    form = app.get(f"/projects/{pid}/screening").forms["pilot-form"]
    form["size"] = "3"
    page = form.submit("action", value="start").follow()
    assert "Running: screen the pilot records first" in page.text
    app.reset()
    login(app, "rita")
    for _ in range(3):
        _decide(app, pid, 1, "include")
    assert "The pilot round is running" in app.get(f"/projects/{pid}/screen/1").text
