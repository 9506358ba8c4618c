"""The search log, upload, records list and record page through WebTest."""
from __future__ import annotations

import re

from conftest import FIXTURES, login

from review.projects import project as projects
from review.searches import importing as searches


def lead_project(app, conn, make_user, role="lead"):
    lead = make_user("kari")
    project_id = projects.create_project(conn, lead, "Working from home")
    if role != "lead":
        make_user("ola")
        projects.set_member(conn, project_id, lead, "ola", role, False)
        login(app, "ola")
    else:
        login(app, "kari")
    return project_id


def post_files(app, project_id, files, status=303, **fields):
    """Submit the upload form as a browser would: its fields, with these (name, bytes) files."""
    form = app.get(f"/projects/{project_id}/searches").forms["import-form"]
    values = [(k, v) for k, v in form.submit_fields() if k != "files"]
    values = [(k, fields.pop(k)) if k in fields else (k, v) for k, v in values] + list(fields.items())
    uploads = [("files", name, data) for name, data in files]
    return app.post(f"/projects/{project_id}/searches", values, upload_files=uploads, status=status)


def test_upload_several_files_with_the_search_log_fields(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    page = app.get(f"/projects/{project_id}/searches")
    form = page.forms["import-form"]
    fields = [("csrf_token", form["csrf_token"].value), ("database_name", "MEDLINE"), ("platform", "Ovid"),
              ("searched_on", "2026-03-02"), ("query", "telework.ti,ab."), ("reported_count", "4"),
              ("source_kind", "database"), ("limits", "English")]
    files = [("files", "small.ris", (FIXTURES / "small.ris").read_bytes()),
             ("files", "small.nbib", (FIXTURES / "small.nbib").read_bytes())]
    response = app.post(f"/projects/{project_id}/searches", fields, upload_files=files)
    log = response.follow()
    assert "Imported." in log.text
    assert [s["record_count"] for s in searches.list_searches(conn, project_id)] == [2, 2]
    assert "telework.ti,ab." in log.text and "had no ER line" in log.text
    assert log.text.count("Ovid") >= 2


def test_a_bad_file_is_shown_with_its_line_and_nothing_is_stored(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    page = post_files(app, project_id, [("letter.txt", b"Dear reviewer,\nthe results follow.\n")], status=400,
                      database_name="Embase")
    assert "letter.txt:1:" in page.text and "Not imported" in page.text
    assert page.forms["import-form"]["database_name"].value == "Embase"
    assert searches.list_searches(conn, project_id) == []


def test_the_same_file_twice_is_refused_with_409(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    for status in (303, 409):
        page = post_files(app, project_id, [("small.ris", (FIXTURES / "small.ris").read_bytes())], status=status)
    assert "imported already" in page.text


def test_records_list_search_filters_and_record_page(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    for name in ("small.ris", "small.nbib", "generic.csv"):
        post_files(app, project_id, [(name, (FIXTURES / name).read_bytes())])
    page = app.get(f"/projects/{project_id}/records", {"q": "burnout"})
    assert "Role conflict, role clarity and burnout" in page.text and "Noise at work" not in page.text
    page = app.get(f"/projects/{project_id}/records", {"q": 'NEAR("x'})
    assert page.status_int == 200
    page = app.get(f"/projects/{project_id}/records", {"has_abstract": "0", "year_to": "2017"})
    assert "Noise at work" in page.text and "Shift work" not in page.text
    link = re.search(r'href="(/projects/\d+/records/\d+)">Role conflict', app.get(
        f"/projects/{project_id}/records", {"q": "burnout"}).text).group(1)
    record = app.get(link)
    assert "Berg, Anne Marit; Olsen, Per" in record.text and "101-109" in record.text
    assert "small.nbib" in record.text and "PMID- 30000001" in record.text


def test_markup_in_a_record_is_escaped(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    post_files(app, project_id, [("x.ris", b"TY  - JOUR\nTI  - Noise < 85 dB & health\n"
                                           b"N1  - <script>alert(1)</script>\nER  - \n")])
    listing = app.get(f"/projects/{project_id}/records")
    assert "Noise &lt; 85 dB &amp; health" in listing.text
    link = re.search(r'href="(/projects/\d+/records/\d+)"', listing.text).group(1)
    record = app.get(link)
    assert "<script>alert(1)" not in record.text and "&lt;script&gt;alert(1)" in record.text


def test_reviewers_see_records_but_cannot_import(app, conn, make_user):
    project_id = lead_project(app, conn, make_user, role="reviewer")
    page = app.get(f"/projects/{project_id}/searches")
    assert "import-form" not in page.forms
    app.post(f"/projects/{project_id}/searches", {"csrf_token": page.forms[0]["csrf_token"].value}, status=403)
    assert app.get(f"/projects/{project_id}/records").status_int == 200


def test_search_log_and_records_downloads(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    post_files(app, project_id, [("small.ris", (FIXTURES / "small.ris").read_bytes())], query="=cmd|' /C calc'!A0")
    log = app.get(f"/projects/{project_id}/searches/log.csv")
    assert log.content_type == "text/csv" and "'=cmd" in log.text
    ris = app.get(f"/projects/{project_id}/records/export.ris")
    assert ris.text.count("ER  - ") == 2


def test_a_non_member_gets_404(app, conn, make_user):
    owner = make_user("kari")
    project_id = projects.create_project(conn, owner, "Secret review")
    make_user("eve")
    login(app, "eve")
    app.get(f"/projects/{project_id}/records", status=404)
    app.get(f"/projects/{project_id}/searches", status=404)


def test_a_successful_upload_says_what_was_imported_even_when_a_script_follows_the_redirect(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    response = post_files(app, project_id, [("small.ris", (FIXTURES / "small.ris").read_bytes())])
    assert "imported=" in response.location
    app.get(f"/projects/{project_id}/searches")  # what the upload script's own request does: the flash goes
    page = app.get(response.location)  # and then the browser loads the address it was sent to
    done = page.html.find(id="import-done")
    assert done is not None and done.get("role") == "status"
    assert "small.ris: 2 records imported" in done.text and "warning" in done.text


def test_skip_broken_entries_is_an_upload_option(app, conn, make_user):
    project_id = lead_project(app, conn, make_user)
    bib = b"@article{good, title={Breaks at work}, year=2020}\n@article{bad,\n  title = {Unclosed,\n  year = 2019\n\n" \
          b"@article{also, title={Night shifts}, year=2021}\n"
    refused = post_files(app, project_id, [("lib.bib", bib)], status=400)
    assert "@article{bad (line 2)" in refused.text and "skip broken entries" in refused.text
    response = post_files(app, project_id, [("lib.bib", bib)], skip_broken="1")
    (search,) = searches.list_searches(conn, project_id)
    assert search["record_count"] == 2
    assert any("@article{bad (line 2)" in w["text"] and "skipped" in w["text"] for w in search["warnings"])
    assert "lib.bib: 2 records imported" in app.get(response.location).text
