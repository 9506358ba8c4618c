"""nosniff, a CSP and frame protection on every kind of response; PDFs that are PDFs, served sandboxed."""
import pytest
from conftest import csrf_of, login

from review.projects import project as projects
from review.screening import decisions as screening
from review.screening.fulltext import attach_pdf
from review.screening.settings import set_reviewers_per_record
from review.searches import importing as searches
from review.store.errors import Invalid

RIS = "TY  - JOUR\nTI  - Rest breaks of nurses\nAU  - Hansen, Kari\nPY  - 2020\nER  - \n"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def assert_protected(response, what):
    headers = {k.lower(): v for k, v in response.headerlist}
    assert headers.get("x-content-type-options") == "nosniff", what
    assert "content-security-policy" in headers, what
    assert "frame-ancestors" in headers["content-security-policy"] or headers.get("x-frame-options"), what
    assert headers.get("x-frame-options") in ("SAMEORIGIN", "DENY"), what


@pytest.fixture
def world(conn, make_user, tmp_path):
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    searches.import_file(conn, project_id, lead, "a.ris", RIS.encode())
    record = conn.execute("SELECT MIN(id) FROM records").fetchone()[0]
    set_reviewers_per_record(conn, project_id, lead, 1)
    screening.record_decision(conn, project_id, lead, record, 1, "include")
    return {"project": project_id, "record": record, "lead": lead}


def test_every_kind_of_response_carries_the_headers(app, world, tmp_path, conn):
    assert_protected(app.get("/static/sil.css"), "a static file")
    assert_protected(app.get("/"), "a redirect to login")
    assert_protected(app.get("/login"), "the login page")
    assert_protected(app.get("/no-such-page", expect_errors=True), "a 404")
    login(app, "lead")
    assert_protected(app.post("/logout", {"csrf_token": csrf_of(app)}), "a redirect after a POST")
    login(app, "lead")
    p, r = world["project"], world["record"]
    assert_protected(app.get(f"/projects/{p}/records/export.csv"), "a streamed download")
    attach_pdf(conn, str(tmp_path / "files"), p, world["lead"], r, PDF, "paper.pdf")
    pdf = app.get(f"/projects/{p}/records/{r}/fulltext.pdf")
    assert_protected(pdf, "a PDF")
    assert pdf.body.startswith(b"%PDF-") and pdf.content_type == "application/pdf"
    assert pdf.headers["Content-Disposition"].startswith(("inline;", "attachment;"))
    assert "sandbox" in pdf.headers["Content-Security-Policy"]


def test_a_pdf_must_start_with_the_pdf_header(app, world, tmp_path, conn):
    disguised = b"<html><script>alert(document.cookie)</script></html>\n%PDF-1.4\n" + PDF
    with pytest.raises(Invalid, match="not a PDF"):
        attach_pdf(conn, str(tmp_path / "files"), world["project"], world["lead"], world["record"], disguised, "x.pdf")
    login(app, "lead")
    response = app.post(f"/projects/{world['project']}/records/{world['record']}/fulltext",
                        {"csrf_token": csrf_of(app)}, upload_files=[("pdf", "x.pdf", disguised)], expect_errors=True)
    assert response.status_int == 400 and "not a PDF" in response.text
    assert not list(tmp_path.rglob("*.pdf"))


def test_a_stored_file_that_is_not_a_pdf_is_never_shown_inline(app, world, tmp_path, conn):
    attach_pdf(conn, str(tmp_path / "files"), world["project"], world["lead"], world["record"], PDF, "paper.pdf")
    stored = next((tmp_path / "files").rglob("*.pdf"))
    stored.write_bytes(b"<html><script>alert(1)</script>%PDF-1.4")  # as an older Sil accepted it
    login(app, "lead")
    response = app.get(f"/projects/{world['project']}/records/{world['record']}/fulltext.pdf")
    assert response.content_type != "application/pdf" and response.headers["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response.headers["Content-Security-Policy"]
