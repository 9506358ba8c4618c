"""Exports of imported records: RIS that reads back the same, CSV rows for checking an import."""
from __future__ import annotations

import csv
import io

import imports
from exports.records import RECORD_COLUMNS, record_rows
from exports.ris import write_ris
from exports.tables import write_csv
from review.searches import importing as searches
from review.searches import records
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


def test_records_csv_export_is_byte_for_byte_what_the_csv_writer_gives_for_awkward_cells(conn):
    project, user = make_project(conn)
    awkward = [{"title": '=HYPERLINK("x")', "abstract": 'a "quoted", multi\r\nline\ntext', "authors": ["-Dash, A", "Ø, B"],
                "keywords": ["@k", "a,b", 'q"'], "year": None, "pages_start": "12", "pages_end": "",
                "journal": "+plus", "volume": "\tTab", "issue": "\rcr", "doi": "10.1/x"},
               {"title": "Plain", "authors": [], "keywords": ["one"], "year": 2020, "pages_start": "",
                "pages_end": "9", "url": "http://x/?a=1,2"},
               {"title": "Both pages", "authors": ['Back\\slash "Q"'], "pages_start": "1", "pages_end": "2"}]
    first = searches.create_search(conn, project, user, "a.ris", "a" * 64, "ris", {"database_name": "=DB, one"})
    second = searches.create_search(conn, project, user, "b.ris", "b" * 64, "ris", {"database_name": "Embase"})
    searches.add_records(conn, project, first, awkward[:2])
    searches.add_records(conn, project, second, awkward[2:])
    databases = {first: "=DB, one", second: "Embase"}
    for search in (None, second):
        chosen = [r for r in records.iter_records(conn, project) if search is None or r["search_id"] == search]
        expected = write_csv(RECORD_COLUMNS, record_rows(chosen, databases)).encode("utf-8")
        assert records.export_all_records(conn, project, "csv", search=search) == expected
