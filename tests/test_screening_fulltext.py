import pytest

from review.screening import decisions as screening
from review.screening.blinding import release_outcomes
from review.screening.fulltext import attach_pdf, fulltext_status, mark_not_retrieved, pdf_for_member
from review.screening.settings import set_pdf_limit
from review.store.errors import Conflict, Invalid, NotFound
from tests.screening_setup import add_user, make_project

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _passed(conn, project, users, rid):
    screening.record_decision(conn, project, users["rita"], rid, 1, "include")
    screening.record_decision(conn, project, users["rolf"], rid, 1, "include")
    release_outcomes(conn, project, users["lea"], 1)  # blinded reviewers work on released records at full text


def test_pdf_is_stored_outside_the_database_and_served_to_members_only(conn, tmp_path):
    project, users, ids = make_project(conn)
    _passed(conn, project, users, ids[0])
    status = attach_pdf(conn, tmp_path / "files", project, users["rita"], ids[0], PDF, "../../etc/paper.pdf")
    assert status["kind"] == "uploaded" and status["file_name"] == "paper.pdf"
    path, name = pdf_for_member(conn, tmp_path / "files", project, users["rolf"], ids[0])
    assert path.read_bytes() == PDF and path.is_relative_to(tmp_path / "files")
    with pytest.raises(NotFound):
        pdf_for_member(conn, tmp_path / "files", project, add_user(conn, "olga"), ids[0])


def test_pdf_refusals(conn, tmp_path):
    project, users, ids = make_project(conn)
    _passed(conn, project, users, ids[0])
    with pytest.raises(Invalid, match="not a PDF"):
        attach_pdf(conn, tmp_path, project, users["rita"], ids[0], b"<html>hello</html>", "paper.pdf")
    set_pdf_limit(conn, project, users["lea"], 2048)
    with pytest.raises(Invalid, match="limit"):
        attach_pdf(conn, tmp_path, project, users["rita"], ids[0], PDF + b"0" * 4096, "big.pdf")
    with pytest.raises(Conflict):
        attach_pdf(conn, tmp_path, project, users["rita"], ids[1], PDF, "paper.pdf")
    assert fulltext_status(conn, project, users["rita"], ids[0])["kind"] == "none"
    assert not list(tmp_path.rglob("*.pdf"))


def test_not_retrieved_needs_a_reason_and_feeds_prisma(conn, tmp_path):
    project, users, ids = make_project(conn)
    _passed(conn, project, users, ids[0])
    _passed(conn, project, users, ids[1])
    with pytest.raises(Invalid):
        mark_not_retrieved(conn, project, users["rita"], ids[0], " ")
    mark_not_retrieved(conn, project, users["rita"], ids[0], "not held by any library")
    assert screening.next_record(conn, project, users["rita"], 2) == ids[1]
    counts = screening.screening_counts(conn, project)
    assert (counts["reports_sought"], counts["reports_not_retrieved"], counts["reports_assessed"]) == (2, 1, 1)
    with pytest.raises(Conflict):
        screening.record_decision(conn, project, users["rita"], ids[0], 2, "include")
    attach_pdf(conn, tmp_path, project, users["rita"], ids[0], PDF, "found.pdf")
    assert screening.screening_counts(conn, project)["reports_not_retrieved"] == 0
