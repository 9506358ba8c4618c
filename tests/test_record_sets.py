"""Exports of record sets: which records each set holds, and decisions, labels and notes beside them."""
import csv
import io

import pytest
from openpyxl import load_workbook

from review.screening import decisions as screening
from review.screening import record_exports
from review.screening import sets as record_sets
from review.store.errors import Invalid
from tests.review_factory import add_project, add_search


@pytest.fixture
def screened(conn):
    project_id, users = add_project(conn, lead="lead", ann="reviewer", bo="reviewer")
    medline = add_search(conn, project_id, "MEDLINE", 4)
    embase = add_search(conn, project_id, "Embase", 2)
    ann, bo = users["ann"], users["bo"]

    def both(record_id, a, b, note_a="", labels_a=()):
        screening.record_decision(conn, project_id, ann, record_id, 1, a, note=note_a, labels=labels_a)
        screening.record_decision(conn, project_id, bo, record_id, 1, b)

    both(medline[0], "include", "include", "shift workers", ["nurses"])
    both(medline[1], "exclude", "exclude")
    both(medline[2], "include", "exclude", "unclear design")
    screening.record_decision(conn, project_id, ann, medline[3], 1, "include", note="open note", labels=["nurses"])
    return conn, project_id, users, medline, embase


def ids(conn, project_id, kind, **kw):
    return record_sets.select_ids(conn, project_id, kind, **kw)


def test_each_set_holds_the_right_records(screened):
    conn, project_id, _, medline, embase = screened
    assert ids(conn, project_id, "all") == medline + embase
    assert ids(conn, project_id, "search", search_id=conn.execute(
        "SELECT search_id FROM records WHERE id = ?", (embase[0],)).fetchone()[0]) == embase
    assert ids(conn, project_id, "included", stage=1) == [medline[0]]
    assert ids(conn, project_id, "excluded", stage=1) == [medline[1]]
    assert ids(conn, project_id, "conflicts", stage=1) == [medline[2]]
    assert ids(conn, project_id, "label", label="Nurses") == [medline[0], medline[3]]
    with pytest.raises(Invalid, match="stage"):
        ids(conn, project_id, "included")


def test_csv_carries_decisions_labels_and_notes(screened):
    conn, project_id, _, medline, _ = screened
    rows = list(csv.DictReader(io.StringIO(record_exports.export_set(conn, project_id, "csv", "all").decode())))
    first = next(r for r in rows if r["record_id"] == str(medline[0]))
    assert (first["stage1_state"], first["stage1_outcome"], first["labels"]) == ("settled", "include", "nurses")
    assert first["notes"] == "ann (stage 1): shift workers"
    assert first["database"] == "MEDLINE" and first["title"] == "MEDLINE record 0"
    conflict = next(r for r in rows if r["record_id"] == str(medline[2]))
    assert conflict["stage1_state"] == "conflict"


def test_blinded_reviewer_never_sees_anothers_note_on_an_open_record(screened):
    conn, project_id, users, medline, _ = screened
    rows = list(csv.DictReader(io.StringIO(record_exports.export_set(
        conn, project_id, "csv", "all", viewer_id=users["bo"]).decode())))
    open_record = next(r for r in rows if r["record_id"] == str(medline[3]))
    assert open_record["notes"] == "" and open_record["labels"] == "" and open_record["stage1_state"] == ""
    assert "shift workers" not in "".join(r["notes"] for r in rows)
    assert ids(conn, project_id, "label", label="nurses", viewer_id=users["bo"]) == []


def test_xlsx_export_and_unknown_format(screened):
    conn, project_id, _, medline, _ = screened
    book = load_workbook(io.BytesIO(record_exports.export_excluded(conn, project_id, "xlsx", stage=1)))
    sheet = book["Records"]
    assert [c.value for c in sheet[2]][0] == medline[1]
    with pytest.raises(Invalid):
        record_exports.export_set(conn, project_id, "docx", "all")
