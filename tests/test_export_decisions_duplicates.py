"""RIS of record sets carries decisions, labels and notes; record CSVs say which records are removed duplicates."""
import csv
import io

from openpyxl import load_workbook

import imports
from review.dedupe import store as dedupe_store
from review.screening import record_exports
from review.searches import records
from review.store.db import transaction
from tests.test_record_sets import screened  # noqa: F401  (the fixture)


def ris_records(data: bytes) -> dict[str, dict]:
    return {r["title"]: r for r in imports.read_file(data, "sil.ris").records}


def test_ris_of_records_with_decisions_carries_decisions_labels_and_notes(screened):  # noqa: F811
    conn, project_id, _, medline, _ = screened
    read_back = ris_records(record_exports.export_set(conn, project_id, "ris", "all"))
    notes = read_back["MEDLINE record 0"]["extra"]["N1"]
    assert "Sil stage 1 (title/abstract): settled, include" in notes
    assert "Sil labels: nurses" in notes and "Sil note: ann (stage 1): shift workers" in notes
    assert any("conflict" in n for n in read_back["MEDLINE record 2"]["extra"]["N1"])
    assert "N1" not in read_back["Embase record 0"]["extra"]  # no decision yet: nothing is made up


def test_ris_for_a_blinded_reviewer_never_shows_anothers_decision(screened):  # noqa: F811
    conn, project_id, users, medline, _ = screened
    text = record_exports.export_set(conn, project_id, "ris", "all", viewer_id=users["bo"]).decode()
    assert "shift workers" not in text and "open note" not in text


def group(conn, project_id, keep, drop):
    """A confirmed duplicate group: keep is screened, drop is removed as its duplicate."""
    with transaction(conn):
        group_id = dedupe_store.create_group(conn, project_id, keep, None)
        dedupe_store.link(conn, group_id, [keep, drop], "confirmed")


def test_records_csv_and_xlsx_say_which_records_are_removed_duplicates(screened):  # noqa: F811
    conn, project_id, _, medline, embase = screened
    group(conn, project_id, keep=medline[0], drop=embase[0])
    rows = list(csv.DictReader(io.StringIO(records.export_all_records(conn, project_id, "csv").decode("utf-8"))))
    marked = {int(r["record_id"]): r["removed_duplicate_of"] for r in rows}
    assert marked[embase[0]] == str(medline[0])
    assert marked[medline[0]] == "" and marked[embase[1]] == ""
    sheet = load_workbook(io.BytesIO(records.export_all_records(conn, project_id, "xlsx"))).active
    header, *values = [list(r) for r in sheet.iter_rows(values_only=True)]
    column = header.index("removed_duplicate_of")
    assert {row[0]: row[column] for row in values}[embase[0]] in (medline[0], str(medline[0]))
    with_decisions = list(csv.DictReader(io.StringIO(record_exports.export_set(conn, project_id, "csv", "all").decode())))
    assert {int(r["record_id"]): r["removed_duplicate_of"] for r in with_decisions}[embase[0]] == str(medline[0])
