"""The screening page: structured abstracts as paragraphs, keywords folded with highlights first, per-record links."""
import re

import pytest
from conftest import login

from review.projects import project as projects
from review.screening import decisions as screening
from review.screening.settings import set_blinding
from review.searches.importing import add_records, create_search

KEYWORDS = [f"Emtree term {i}" for i in range(148)] + ["Nurse", "Student"]


@pytest.fixture
def long_record(conn, make_user):
    ids = {name: make_user(name) for name in ("lea", "rita", "rolf")}
    pid = projects.create_project(conn, ids["lea"], "Breaks", highlight_include="nurse", highlight_exclude="student*")
    projects.set_member(conn, pid, ids["lea"], "rita", "reviewer")
    projects.set_member(conn, pid, ids["lea"], "rolf", "reviewer")
    search = create_search(conn, pid, ids["lea"], "embase.ris", "1" * 64, "ris")
    add_records(conn, pid, search, [
        {"title": f"Rest breaks for nurses {i}", "keywords": KEYWORDS,
         "abstract": "BACKGROUND: Nurses miss breaks. METHODS: A trial. RESULTS: Fewer errors. CONCLUSIONS: Breaks help."}
        for i in range(3)])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    return pid, ids, records


def test_structured_abstract_is_shown_as_labelled_paragraphs(app, long_record):
    pid, _, records = long_record
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/1?record={records[0]}")
    paragraphs = page.html.select("#rec-abstract > p")
    assert [p.find("strong").text for p in paragraphs] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert paragraphs[0].find("mark", class_="inc").text == "Nurses"
    assert "Nurses miss breaks." in paragraphs[0].text and "METHODS" not in paragraphs[0].text


def test_keywords_are_folded_with_the_highlighted_ones_first(app, long_record):
    pid, _, records = long_record
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/1?record={records[0]}")
    visible = page.html.select("#rec-keywords > .kwlist .kw")
    folded = page.html.select("#kw-more .kw")
    assert [k.text for k in visible[:2]] == ["Nurse", "Student"]  # inclusion term first, then exclusion
    assert len(visible) == 12 and len(visible) + len(folded) == 150
    assert "138" in page.html.select_one("#kw-more summary").text
    nxt = app.get(f"/projects/{pid}/screen/1/next.json", headers={"Accept": "application/json"}).json["record"]
    assert [s["label"] for s in nxt["abstract_sections"]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert nxt["keywords_marked"][0] == [["Nurse", "inc"]]


def test_decision_buttons_belong_to_the_form_and_the_key_list_is_a_dialog(app, conn, long_record):
    pid, ids, records = long_record
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/1?record={records[1]}")
    dialog = page.html.select_one("dialog#keys")
    assert dialog is not None and dialog.find("form", method="dialog")
    assert re.search(rf'href="[^"]*hide=1&amp;record={records[1]}"', page.text)
    form = page.forms["decide-form"]
    form["note"] = "long shifts"
    response = form.submit("decision", value="exclude").follow()  # buttons sit in the bar, outside the form element
    mine = screening.my_decision(conn, pid, ids["rita"], records[1], 1)
    assert mine["decision"] == "exclude" and mine["note"] == "long shifts"
    assert response.html.select_one("#record")["data-record"] != str(records[1])


def _decide_by_keys(app, pid, record_id):
    page = app.get(f"/projects/{pid}/screen/1?record={record_id}")
    result = app.post(f"/projects/{pid}/screen/1/decide",
                      {"record_id": record_id, "decision": "include", "csrf_token": page.forms["decide-form"]["csrf_token"].value},
                      headers={"Accept": "application/json"}).json
    return page, result


def test_the_team_counter_moves_with_a_decision_by_keys(app, conn, long_record):
    pid, ids, records = long_record
    set_blinding(conn, pid, ids["lea"], False)  # with blinding lifted the team's count is everyone's to see
    screening.record_decision(conn, pid, ids["rolf"], records[0], 1, "include")
    login(app, "rita")
    page, result = _decide_by_keys(app, pid, records[0])
    assert "0 of 3 fully screened" in page.html.select_one("#team-count").text
    assert result["complete"] == 1


def test_under_blinding_the_team_counter_does_not_tell_what_another_reviewer_did(app, conn, long_record):
    pid, ids, records = long_record
    screening.record_decision(conn, pid, ids["rolf"], records[0], 1, "include")
    login(app, "rita")
    page, result = _decide_by_keys(app, pid, records[0])  # rita's decision completes the record rolf started
    assert result["complete"] == 0  # only outcomes the lead released count for a blinded reviewer
    assert page.html.select_one("#team-count")["data-template"] == "team: {done} of 3 fully screened"
