"""Exports streamed in chunks: the same bytes as the whole-file writers, cells still neutralised, sent piece by piece."""
import csv
import io

from conftest import login
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from webob import Request

from exports import streaming
from exports.ris import write_ris
from exports.tables import write_csv, write_xlsx
from review.projects import project as projects
from review.publishing import exports as exporting
from review.screening import decisions as screening
from review.searches import records
from review.searches.importing import add_records, create_search

HOSTILE = ["=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tx", "a,b", 'say "hi"', "two\nlines", "", None]


def sheet_values(data: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]


cells = st.one_of(st.none(), st.integers(-10**6, 10**6), st.text(max_size=20), st.sampled_from(HOSTILE))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cells, min_size=3, max_size=3), max_size=30), st.integers(1, 7))
def test_csv_and_ris_in_chunks_are_byte_for_byte_the_whole_files(rows, chunk_rows):
    # small chunks, so every generated file is cut in several places
    chunked = b"".join(streaming.csv_chunks(("a", "b", "c"), rows, chunk_rows))
    assert chunked == write_csv(("a", "b", "c"), rows).encode("utf-8")
    found = [{"title": a, "abstract": b, "pub_type": "JOUR"} for a, b, _ in rows]
    assert b"".join(streaming.ris_chunks(found, chunk_rows)) == write_ris(found).encode("utf-8")


def test_streamed_cells_that_a_spreadsheet_would_run_are_neutralised():
    rows = [[value, i] for i, value in enumerate(HOSTILE)]
    read = list(csv.reader(io.StringIO(b"".join(streaming.csv_chunks(("cell", "n"), rows)).decode())))
    assert [r[0] for r in read[1:5]] == ["'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2", "'@SUM(A1)"]
    book = streaming.xlsx_file({"s": (("cell", "n"), rows)})
    data = b"".join(streaming.file_chunks(book))
    assert book.closed
    assert sheet_values(data) == sheet_values(write_xlsx({"s": (("cell", "n"), rows)}))
    assert sheet_values(data)[1][0] == "'=HYPERLINK(\"http://evil\")"


def big_project(conn, make_user, n=2500):
    """More records than one chunk holds, with hostile titles and a settled and an open decision."""
    lead = make_user("lea")
    make_user("cora")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    projects.set_member(conn, project_id, lead, "cora", "communicator")
    search = create_search(conn, project_id, lead, "medline.ris", "a" * 64, "ris", {"database_name": "MEDLINE"})
    add_records(conn, project_id, search, ({"title": HOSTILE[i % 8] + f" title {i}", "abstract": f"Abstract, {i}",
                                            "authors": ["Hansen, Kari", "Berg, Ola"], "keywords": ["breaks", "=x"],
                                            "year": 2000 + i % 20, "pages_start": "1", "pages_end": "9"}
                                           for i in range(n)))
    ids = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (project_id,))]
    screening.record_decision(conn, project_id, lead, ids[0], 1, "include", labels=["nurses"])
    screening.record_decision(conn, project_id, lead, ids[1], 1, "exclude")
    return project_id, lead


def test_the_records_export_streams_the_same_file_as_the_command_line_in_every_format(conn, make_user):
    from exports.records import RECORD_COLUMNS, record_rows

    project_id, _ = big_project(conn, make_user)
    every = list(records.iter_records(conn, project_id))
    databases = {r["search_id"]: "MEDLINE" for r in every}
    # compared with the whole-file writers, not with export_all_records (which joins these very chunks)
    whole = {"csv": write_csv(RECORD_COLUMNS, record_rows(every, databases)).encode("utf-8"),
             "ris": write_ris(every).encode("utf-8")}
    for fmt in ("csv", "ris"):
        assert b"".join(exporting.stream(conn, project_id, "records", fmt)) == whole[fmt]
        assert records.export_all_records(conn, project_id, fmt) == whole[fmt]
    streamed = b"".join(exporting.stream(conn, project_id, "records", "xlsx"))
    assert sheet_values(streamed) == sheet_values(write_xlsx({"records": (RECORD_COLUMNS, record_rows(every, databases))}))


def test_record_sets_stream_the_same_rows_the_whole_file_writers_give(conn, make_user):
    from exports.ris_decisions import with_decisions
    from review.screening import record_exports
    from review.screening import sets as record_sets

    project_id, lead = big_project(conn, make_user, n=1200)
    ids = record_sets.select_ids(conn, project_id, "all")
    whole = list(record_sets.records_of(conn, project_id, ids))
    decisions = record_sets.decision_columns(conn, project_id, ids, lead)
    databases = {r["search_id"]: "MEDLINE" for r in whole}
    rows = [[*record_exports._record_row(r, databases), *decisions[r["id"]]] for r in whole]
    columns = (*record_exports.RECORD_COLUMNS, *record_sets.DECISION_COLUMNS)
    stream = exporting.stream(conn, project_id, "records-with-decisions", "csv", viewer_id=lead)
    assert b"".join(stream) == write_csv(columns, rows).encode("utf-8")
    stream = exporting.stream(conn, project_id, "records-with-decisions", "ris", viewer_id=lead)
    assert b"".join(stream) == write_ris(with_decisions(whole, decisions)).encode("utf-8")
    labelled = b"".join(exporting.stream(conn, project_id, "labelled", "xlsx", label="nurses", viewer_id=lead))
    assert [row[0] for row in sheet_values(labelled)[1:]] == [ids[0]]


def test_a_bad_choice_is_refused_before_the_download_starts(conn, make_user):
    project_id, _ = big_project(conn, make_user, n=3)
    for what, fmt, options in (("records", "pdf", {}), ("excluded", "csv", {"stage": 7}), ("nothing", "csv", {})):
        try:
            exporting.stream(conn, project_id, what, fmt, **options)
        except Exception as error:  # raised by the call itself, not by the first chunk
            assert type(error).__name__ == "Invalid"
        else:
            raise AssertionError(f"{what}.{fmt} {options} was not refused")


def download(app, path):
    """(status, headers, the chunks the server hands to the socket) of a GET in the signed-in session."""
    cookie = "; ".join(f"{name}={value}" for name, value in app.cookies.items())
    status, headers, body = Request.blank(path, headers={"Cookie": cookie}).call_application(app.app)
    try:
        return status, dict(headers), list(body)
    finally:
        getattr(body, "close", lambda: None)()


def test_a_web_download_of_all_records_arrives_in_pieces_with_the_same_bytes(app, conn, make_user):
    project_id, _ = big_project(conn, make_user)
    login(app, "cora")
    for path in (f"/projects/{project_id}/records/export.csv",
                 f"/projects/{project_id}/exports/file?what=records&format=csv"):
        status, headers, chunks = download(app, path)
        assert status.startswith("200") and headers["Content-Type"].startswith("text/csv")
        assert len(chunks) > 1 and "Content-Length" not in headers
        assert b"".join(chunks) == records.export_all_records(conn, project_id, "csv")
    status, _, chunks = download(app, f"/projects/{project_id}/exports/file?what=records-with-decisions&format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(chunks).decode())))
    assert len(chunks) > 1 and len(rows) == 2500 and rows[0]["title"].startswith("'=HYPERLINK")
