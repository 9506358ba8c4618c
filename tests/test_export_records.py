"""Exports of imported records: RIS that reads back the same, CSV rows for checking an import."""
from __future__ import annotations

import csv
import io


import imports
from exports.records import RECORD_COLUMNS, record_rows
from exports.ris import write_ris
from exports.tables import write_csv
from review import records, searches
from tests.helpers_import import make_project

COMPARED = ("title", "abstract", "authors", "year", "journal", "journal_abbrev", "volume", "issue", "pages_start",
            "pages_end", "doi", "pmid", "issn", "keywords", "language", "url", "source_id")


def round_trip(parsed_records):
    again = imports.read_file(write_ris(parsed_records).encode("utf-8"), "export.ris").records
    assert len(again) == len(parsed_records)
    return again


def test_fixture_records_round_trip_through_ris(fixtures):
    original = imports.read_file((fixtures / "small.ris").read_bytes(), "small.ris").records
    again = round_trip(original)
    for before, after in zip(original, again):
        assert {f: after[f] for f in COMPARED} == {f: before[f] for f in COMPARED}
        assert after["pub_type"] == before["pub_type"]
        assert after["extra"] == before["extra"]


def test_records_csv_has_one_row_per_record_with_normalised_fields(conn, fixtures):
    project, user = make_project(conn)
    searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(),
                         {"database_name": "MEDLINE"})
    text = write_csv(RECORD_COLUMNS, record_rows(records.iter_records(conn, project), {1: "MEDLINE"}))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    assert rows[0]["pages"] == "123-129" and rows[0]["doi"] == "10.5271/sjweh.3950"
    assert rows[0]["authors"] == "Nordmann, Kari; Hansen, Ola" and rows[0]["year"] == "2021"
    assert rows[0]["database"] == "MEDLINE" and rows[1]["pmid"] == "31234567"
