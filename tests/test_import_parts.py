"""A large RIS file read in parts by several processes gives exactly what reading it whole gives."""
from __future__ import annotations

import sqlite3

from hypothesis import event, given, settings
from hypothesis import strategies as st

import imports
from imports import ris_parts
from review.searches import importing as searches
from review.searches import rows
from review.searches import staging as import_staging
from tests.helpers_import import make_project

PIECES = st.sampled_from([
    "TY  - JOUR\nTI  - Breaks for nurses {i}\nAU  - Berg, Kari\nAU  - Smith JM\nPY  - 2020\nER  - \n\n",
    "TY  - JOUR\nAB  - An abstract\nthat goes on {i}\nKW  - rest\nnaps\nER  - \n",
    "TY  - JOUR\nAU  - Nobody\nER  - \n\n",  # no title
    "TY  - JOUR\nTI  - Ærlig talt {i} – søvn\nDO  - https://doi.org/10.1000/X{i}\nER  -\n",
    "TY  - CHAP\nTI  - no ER line {i}\n",  # ended by the next TY
    "1001.\n", "Link to the Ovid Full Text\n", "\n\n",  # lines outside records
    "NL  - http://example.org/{i}\n",  # a tag after ER: it joins the next record
    "ER  - \n",  # an ER without a record
])


class Finished:
    """A parsing process's outcome, as the finished future import_staging waits on."""

    def __init__(self, outcome: tuple) -> None:
        self.outcome = outcome

    def result(self) -> tuple:
        return self.outcome


def read_in_parts(tmp_path, data: bytes, parts: int, min_bytes: int = 1):
    """What import_staging makes of the parts (its own functions, run here instead of in processes):
    (ranges, (warnings, staged rows in file order)), or (ranges, None) when the file must be read whole."""
    ranges = ris_parts.cut_points(data, parts, min_bytes)
    source = tmp_path / "upload"
    source.write_bytes(data)
    outcomes = [import_staging.parse_part_into_file(str(tmp_path / f"part{n}.sqlite"), str(source), start, end,
                                                    "big.ris", n == 0) for n, (start, end) in enumerate(ranges)]
    conn = sqlite3.connect(":memory:", isolation_level=None)
    attached, warnings, rows = [], [], []
    try:
        for table, before in import_staging._tables(conn, [Finished(o) for o in outcomes], attached, warnings,
                                                       source):
            rows += [(position + before, *rest) for position, *rest in
                     conn.execute(f"SELECT * FROM {table} ORDER BY position")]
    except import_staging.ReadWhole:
        return ranges, None
    finally:
        conn.close()
    return ranges, (warnings, rows)


def whole_rows(records: list[dict]) -> list[tuple]:
    """The staged rows of records read in one go, positions from 1."""
    return [tuple(rows.record_row(0, 0, n, r)[2:]) for n, r in enumerate(records, start=1)]


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=60), st.integers(2, 5), st.booleans())
def test_parts_read_exactly_as_the_whole_file_or_decline(tmp_path_factory, pieces, parts, crlf):
    text = "TY  - JOUR\nTI  - First\nER  - \n" + "".join(p.format(i=i) for i, p in enumerate(pieces))
    data = text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8")
    _, combined = read_in_parts(tmp_path_factory.mktemp("parts"), data, parts)
    event(f"read in parts: {combined is not None}")
    if combined is None:
        return  # the parts did not end cleanly after an ER: Sil reads the file whole instead
    whole = imports.read_file(data, "big.ris")
    assert (whole.format, whole.encoding) == ("ris", "utf-8")
    assert combined == (whole.warnings, whole_rows(whole.records))


def test_a_plain_large_file_is_cut_into_parts_that_read_as_the_whole(tmp_path):
    record = "TY  - JOUR\nTI  - Night shifts {i}\nAU  - Berg, K\nER  - \n\n"
    data = ("".join(record.format(i=i) for i in range(3000)) + "junk\nTY  - JOUR\nTI  - last\n").encode()
    ranges, combined = read_in_parts(tmp_path, data, 3, min_bytes=20_000)
    assert len(ranges) == 3 and combined is not None
    whole = imports.read_file(data, "big.ris")
    assert combined[0] == whole.warnings and "line 15002: the last record (record 3001)" in whole.warnings[0]["text"]
    assert combined[1] == whole_rows(whole.records) and len(combined[1]) == 3001


def test_files_that_cannot_be_cut_safely_are_read_whole(tmp_path):
    record = "TY  - JOUR\nTI  - Night shifts {i}\nER  - \n"
    plain = "".join(record.format(i=i) for i in range(3000))
    for data in (plain.encode("utf-16"), b"\xef\xbb\xbf" + plain.encode(), plain.replace("\n", "\r").encode(),
                 plain.replace("  -", " -").encode()):
        assert ris_parts.cut_points(data, 2, min_bytes=1000) == [(0, len(data))]
    legacy = plain.encode() + "TY  - JOUR\nTI  - Kj\xf8kken\nER  - \n".encode("cp1252")
    ranges, combined = read_in_parts(tmp_path, legacy, 2, min_bytes=1000)
    assert len(ranges) == 2 and combined is None  # one part is not UTF-8: the encoding is judged on the whole


def test_an_import_in_parts_stores_what_an_import_in_one_go_stores(conn, monkeypatch):
    record = "TY  - JOUR\nTI  - Breaks {i}\nAB  - Nurses rest {i}.\nER  - \n\n"
    data = ("".join(record.format(i=i) for i in range(4000)) + "TY  - JOUR\nAU  - Untitled\n").encode()
    monkeypatch.setattr(import_staging, "PARSE_ELSEWHERE_BYTES", 0)
    results = {}
    for parsers in (1, 2):
        monkeypatch.setattr(import_staging, "PARSERS", parsers)
        monkeypatch.setattr(import_staging, "cut_points", lambda d, n: ris_parts.cut_points(d, n, min_bytes=30_000))
        project, user = make_project(conn, f"{parsers} parser(s)")
        result = searches.import_file(conn, project, user, "big.ris", data, {})
        rows = conn.execute("SELECT position, title, abstract, raw FROM records WHERE project_id = ? ORDER BY id",
                            (project,)).fetchall()
        results[parsers] = ({k: v for k, v in result.items() if k != "search_id"}, [tuple(r) for r in rows])
    assert results[1] == results[2] and results[2][0]["record_count"] == 4001
    assert [r[0] for r in results[2][1]] == list(range(1, 4002))
    hits = conn.execute("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH 'breaks'").fetchone()[0]
    assert hits == 8000


def test_a_part_found_unreadable_alone_after_the_copy_began_gives_the_whole_reading(conn, monkeypatch):
    record = "TY  - JOUR\nTI  - Breaks {i}\nER  - \n\n"
    data = "".join(record.format(i=i) for i in range(4000)).encode() + "TY  - JOUR\nTI  - Kj\xf8kken\nER  - \n".encode("cp1252")
    monkeypatch.setattr(import_staging, "PARSE_ELSEWHERE_BYTES", 0)
    monkeypatch.setattr(import_staging, "COPY_AFTER", 0.5)  # the copy begins before the last part is read
    monkeypatch.setattr(import_staging, "cut_points", lambda d, n: ris_parts.cut_points(d, 4, min_bytes=20_000))
    copied, real_copy = [], searches._add_staged_records

    def spy(conn, project_id, search_id, tables):  # which parts were copied before the last one was judged
        return real_copy(conn, project_id, search_id, (copied.append(table) or (table, before) for table, before in tables))
    monkeypatch.setattr(searches, "_add_staged_records", spy)
    project, user = make_project(conn, "in parts")
    result = searches.import_file(conn, project, user, "big.ris", data, {})
    assert copied[:2] == ["staging0.staged_records", "staging1.staged_records"]  # copied, then rolled back
    assert copied[-1] == "staging_whole.staged_records"
    monkeypatch.setattr(import_staging, "PARSE_ELSEWHERE_BYTES", 10 ** 9)
    other, _ = make_project(conn, "whole")
    expected = searches.import_file(conn, other, user, "big.ris", data, {})
    assert result["encoding"] == expected["encoding"] == "cp1252"
    assert result["warnings"] == expected["warnings"] and result["record_count"] == 4001

    def stored(project_id):
        return conn.execute("SELECT position, title FROM records WHERE project_id = ? ORDER BY id", (project_id,)).fetchall()
    assert [tuple(r) for r in stored(project)] == [tuple(r) for r in stored(other)]
    assert stored(project)[-1]["title"] == "Kjøkken"
    assert conn.execute("SELECT COUNT(*) FROM searches WHERE project_id = ?", (project,)).fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH 'kjøkken'").fetchone()[0] == 2
