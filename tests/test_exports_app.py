"""The Export tab through the web: what each role is offered and gets, file names, the archive both ways."""
import csv
import io
import zipfile

import pytest
from conftest import login

from review.projects import project as projects
from review.screening import decisions as screening
from tests.review_factory import add_search


@pytest.fixture
def team(conn, make_user):
    """Blinded project: record 0 settled include, 1 a conflict, 2 open with rolf's note and label."""
    lead = make_user("lea")
    for name in ("rita", "rolf", "cora", "stranger"):
        make_user(name)
    project_id = projects.create_project(conn, lead, "Breaks at work")
    projects.set_member(conn, project_id, lead, "rita", "reviewer")
    projects.set_member(conn, project_id, lead, "rolf", "reviewer")
    projects.set_member(conn, project_id, lead, "cora", "communicator")
    ids = add_search(conn, project_id, "MEDLINE", 4)
    user = {n: conn.execute("SELECT id FROM users WHERE name = ?", (n,)).fetchone()[0] for n in ("rita", "rolf")}
    for name in ("rita", "rolf"):
        screening.record_decision(conn, project_id, user[name], ids[0], 1, "include")
    screening.record_decision(conn, project_id, user["rita"], ids[1], 1, "include")
    screening.record_decision(conn, project_id, user["rolf"], ids[1], 1, "exclude")
    screening.record_decision(conn, project_id, user["rolf"], ids[2], 1, "exclude", note="rolf's secret note",
                              labels=["shift work"])
    return project_id, ids


def get_file(app, project_id, status=200, **params):
    return app.get(f"/projects/{project_id}/exports/file", params, status=status, expect_errors=status != 200)


def test_the_export_tab_lists_what_a_blinded_reviewer_may_take(app, team):
    project_id, _ = team
    login(app, "rita")
    page = app.get(f"/projects/{project_id}").click("Export")
    assert "export-records-with-decisions" in page.text and "export-prisma" in page.text
    assert "export-conflicts" not in page.text and "export-included" not in page.text
    assert "Screening is blinded" in page.text
    assert "Download the archive" not in page.text
    get_file(app, project_id, 403, what="conflicts", format="csv", stage="1")
    app.get(f"/projects/{project_id}/archive.zip", status=403)


def test_a_blinded_reviewers_files_hold_nothing_of_anothers_open_decision(app, team):
    project_id, ids = team
    login(app, "rita")
    for what in ("records-with-decisions", "decisions"):
        body = get_file(app, project_id, what=what, format="csv").text
        assert "rolf's secret note" not in body and "shift work" not in body
    decisions = list(csv.DictReader(io.StringIO(get_file(app, project_id, what="decisions", format="csv").text)))
    assert {d["reviewer"] for d in decisions} == {"rita"}
    labelled = get_file(app, project_id, what="labelled", format="ris", label="shift work")
    assert labelled.body == b""


def test_downloads_name_the_file_and_change_nothing(app, conn, team):
    project_id, ids = team
    add_search(conn, project_id, "Embase", 2)
    login(app, "lea")
    events = conn.execute("SELECT COUNT(*) FROM audit_events").fetchone()[0]
    response = get_file(app, project_id, what="conflicts", format="csv", stage="1")
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="sil-project{project_id}-conflicts-stage1.csv"'
    assert response.content_type == "text/csv"
    assert [r["record_id"] for r in csv.DictReader(io.StringIO(response.text))] == [str(ids[1])]
    ris = get_file(app, project_id, what="records-with-decisions", format="ris")
    assert ris.headers["Content-Disposition"].endswith(f'filename="sil-project{project_id}-records-with-decisions.ris"')
    assert ris.text.count("ER  -") == 6
    svg = get_file(app, project_id, what="prisma", format="svg")
    assert svg.headers["Content-Disposition"] == f'attachment; filename="sil-project{project_id}-prisma.svg"'
    assert "<svg" in svg.text
    search_id = conn.execute("SELECT MIN(id) FROM searches WHERE project_id = ?", (project_id,)).fetchone()[0]
    one = get_file(app, project_id, what="records", format="csv", search=str(search_id))
    assert one.headers["Content-Disposition"].endswith(f'-records-search{search_id}.csv"')
    assert one.text.count("MEDLINE record") == 4 and "Embase" not in one.text
    xlsx = get_file(app, project_id, what="searches", format="xlsx")
    assert xlsx.body[:2] == b"PK"
    assert conn.execute("SELECT COUNT(*) FROM audit_events").fetchone()[0] == events


def test_a_choice_that_cannot_be_exported_is_shown_on_the_form(app, team):
    project_id, _ = team
    login(app, "cora")
    page = get_file(app, project_id, 400, what="labelled", format="csv", label="")
    assert "type the label" in page.html.find("p", {"role": "alert"}).text.lower()
    page = get_file(app, project_id, 400, what="searches", format="ris")
    assert "can be exported as csv, xlsx" in page.text.lower()
    page = get_file(app, project_id, 404, what="rob-plot", format="svg")
    assert "no consensus risk-of-bias assessment" in page.text
    app.get(f"/projects/{project_id}/archive.zip", status=403)  # the archive holds every decision: lead only


def test_strangers_are_not_told_the_project_exists(app, team):
    project_id, _ = team
    login(app, "stranger")
    app.get(f"/projects/{project_id}/exports", status=404)
    get_file(app, project_id, 404, what="records", format="csv")
    app.get(f"/projects/{project_id}/archive.zip", status=404)


def test_the_lead_downloads_the_archive_and_another_user_imports_it(app, conn, team, tmp_path):
    project_id, _ = team
    login(app, "lea")
    archive = app.get(f"/projects/{project_id}/exports").click("Download the archive")
    assert archive.headers["Content-Disposition"].startswith(f'attachment; filename="sil-project{project_id}-')
    assert zipfile.ZipFile(io.BytesIO(archive.body)).read("manifest.json")
    app.reset()
    login(app, "cora")
    form = app.get("/").click("Import a project archive").forms["archive-form"]
    form["archive"] = ("breaks.zip", archive.body)
    page = form.submit().follow()
    assert "The archive was imported as this new project." in page.text
    new_id = conn.execute("SELECT MAX(id) FROM projects").fetchone()[0]
    assert new_id != project_id and page.request.path == f"/projects/{new_id}"
    members = conn.execute("SELECT u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id "
                           "WHERE m.project_id = ?", (new_id,)).fetchall()
    assert [tuple(m) for m in members] == [("cora", "lead")]
    assert conn.execute("SELECT COUNT(*) FROM records WHERE project_id = ?", (new_id,)).fetchone()[0] == 4


def test_a_bad_archive_is_refused_with_a_message_and_nothing_saved(app, conn, team):
    login(app, "rita")
    before = conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0]
    page = app.get("/projects/import")
    assert "At most 256 MB through the browser" in page.text  # the app's own upload limit applies
    form = page.forms["archive-form"]
    form["archive"] = ("notes.zip", b"this is not a zip")
    page = form.submit(status=400)
    assert "notes.zip: not a Sil project archive" in page.html.find(id="import-error").text
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../../etc/passwd.jsonl", "x")
    form = page.forms["archive-form"]
    form["archive"] = ("evil.zip", bomb.getvalue())
    assert "unexpected or repeated entry" in form.submit(status=400).text
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == before


def test_an_archive_over_the_upload_limit_is_refused(app, conn, team):
    app.app.config["sil.archive_max_bytes"] = 1024
    login(app, "lea")
    form = app.get("/projects/import").forms["archive-form"]
    form["archive"] = ("big.zip", b"x" * 4096)
    page = form.submit(status=400)
    assert "larger than" in page.html.find(id="import-error").text
    form = page.forms["archive-form"]
    form["archive"] = ("huge.zip", b"x" * (2 * 1024 * 1024 + 10))  # refused before the body is read
    assert "The file is larger than 0 MB" in form.submit(status=413).text
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == 1


def test_importing_needs_the_csrf_token(app, team):
    login(app, "lea")
    app.post("/projects/import", upload_files=[("archive", "a.zip", b"PK")], status=403)
