"""Importing a file as a search: atomic, refused twice unless forced, logged for PRISMA-S."""
from __future__ import annotations

import pytest

from review.accounts.audit import list_events
from review.searches import importing as searches
from review.store.db import transaction
from review.store.errors import Conflict, Invalid
from tests.helpers_import import make_project

META = {"database_name": "MEDLINE", "platform": "Ovid", "searched_on": "2026-03-02",
        "query": "telework.ti,ab. AND health", "reported_count": "2"}


def dump(conn) -> list[str]:
    return list(conn.iterdump())


def test_import_stores_every_record_with_its_search(conn, fixtures):
    project, user = make_project(conn)
    result = searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    assert result["record_count"] == 2 and result["format"] == "ris"
    [search] = searches.list_searches(conn, project)
    assert (search["database_name"], search["platform"], search["searched_on"]) == ("MEDLINE", "Ovid", "2026-03-02")
    assert search["reported_count"] == 2 and search["record_count"] == 2
    assert len(search["file_sha256"]) == 64
    assert any("had no ER" in w["text"] for w in search["warnings"])
    titles = [r[0] for r in conn.execute("SELECT title FROM records ORDER BY position")]
    assert titles[1] == "Breaks at work for nurses: a trial"


def test_the_import_is_in_the_audit_trail(conn, fixtures):
    project, user = make_project(conn)
    searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    [event] = list_events(conn, project)
    assert event["action"] == "search.imported"
    assert event["detail"]["records"] == 2 and event["detail"]["file_name"] == "small.ris"


def test_the_same_file_twice_is_refused_unless_forced(conn, fixtures):
    project, user = make_project(conn)
    data = (fixtures / "small.ris").read_bytes()
    searches.import_file(conn, project, user, "small.ris", data, META)
    with pytest.raises(Conflict, match="imported already"):
        searches.import_file(conn, project, user, "renamed.ris", data, META)
    searches.import_file(conn, project, user, "renamed.ris", data, META, force=True)
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 4


def test_the_same_file_in_another_project_is_fine(conn, fixtures):
    first, user = make_project(conn, "First review")
    second, _ = make_project(conn, "Second review")
    data = (fixtures / "small.ris").read_bytes()
    searches.import_file(conn, first, user, "small.ris", data, {})
    assert searches.import_file(conn, second, user, "small.ris", data, {})["record_count"] == 2


def test_an_unreadable_file_leaves_the_database_exactly_as_before(conn, fixtures):
    project, user = make_project(conn)
    searches.import_file(conn, project, user, "small.nbib", (fixtures / "small.nbib").read_bytes(), {})
    before = dump(conn)
    with pytest.raises(Invalid) as refused:
        searches.import_file(conn, project, user, "letter.txt", (fixtures / "not_an_export.txt").read_bytes(), {})
    assert "letter.txt" in str(refused.value)
    assert dump(conn) == before


def test_a_failure_while_storing_rolls_everything_back(conn, fixtures, monkeypatch):
    project, user = make_project(conn)
    before = dump(conn)

    def broken_event(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(searches, "record_event", broken_event)
    with pytest.raises(RuntimeError):
        searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    assert dump(conn) == before
    assert not conn.in_transaction


@pytest.mark.parametrize("meta,message", [
    ({"searched_on": "02.03.2026"}, "not a date"),
    ({"reported_count": "many"}, "whole number"),
    ({"reported_count": "-4"}, "negative"),
])
def test_bad_search_log_fields_are_refused_before_anything_is_stored(conn, fixtures, meta, message):
    project, user = make_project(conn)
    with pytest.raises(Invalid, match=message):
        searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), meta)
    assert conn.execute("SELECT COUNT(*) FROM searches").fetchone()[0] == 0


def test_search_log_rows_hold_what_prisma_s_asks(conn, fixtures):
    project, user = make_project(conn)
    searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    [row] = searches.search_log_rows(searches.list_searches(conn, project))
    named = dict(zip(searches.SEARCH_LOG_COLUMNS, row))
    assert named["database"] == "MEDLINE" and named["platform"] == "Ovid"
    assert named["query"] == META["query"] and named["reported_count"] == 2 and named["records_imported"] == 2
    assert named["file_name"] == "small.ris" and "had no ER" in named["warnings"]


def test_a_reader_failure_midway_through_the_records_stores_nothing(conn, fixtures, monkeypatch):
    from imports import ris

    project, user = make_project(conn)
    before = dump(conn)
    real, calls = ris.to_record, []

    def fails_on_second(item):
        calls.append(item)
        if len(calls) == 2:
            raise ValueError("unexpected value")
        return real(item)

    monkeypatch.setattr(ris, "to_record", fails_on_second)
    with pytest.raises(Invalid, match="small.ris: Sil could not read this RIS file"):
        searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    assert len(calls) == 2
    assert dump(conn) == before


def test_records_are_searchable_and_the_index_trigger_survives_an_import(conn, fixtures):
    project, user = make_project(conn)
    searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    with pytest.raises(Invalid):
        searches.import_file(conn, project, user, "letter.txt", (fixtures / "not_an_export.txt").read_bytes(), {})
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "records_fts_insert" in triggers
    hits = conn.execute("SELECT rowid FROM records_fts WHERE records_fts MATCH 'musculoskeletal'").fetchall()
    assert len(hits) == 1


def test_a_file_parsed_in_another_process_imports_the_same_as_here(conn, fixtures, monkeypatch):
    from review.searches import staging as import_staging

    data = (fixtures / "small.ris").read_bytes()
    here_project, user = make_project(conn, "Here")
    here = searches.import_file(conn, here_project, user, "small.ris", data, META)
    monkeypatch.setattr(import_staging, "PARSE_ELSEWHERE_BYTES", 0)
    there_project, _ = make_project(conn, "Elsewhere")
    there = searches.import_file(conn, there_project, user, "small.ris", data, META)
    assert {k: v for k, v in there.items() if k != "search_id"} == {k: v for k, v in here.items() if k != "search_id"}
    rows = "SELECT position, title, authors, abstract, year FROM records WHERE project_id = ? ORDER BY position"
    assert conn.execute(rows, (there_project,)).fetchall() == conn.execute(rows, (here_project,)).fetchall()
    assert conn.execute("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH 'nurses'").fetchone()[0] >= 2


def test_an_unreadable_file_parsed_in_another_process_stores_nothing(conn, monkeypatch):
    from review.searches import staging as import_staging

    monkeypatch.setattr(import_staging, "PARSE_ELSEWHERE_BYTES", 0)
    project, user = make_project(conn)
    before = dump(conn)
    with pytest.raises(Invalid, match="broken.txt:1: Sil does not recognise"):
        searches.import_file(conn, project, user, "broken.txt", b"this is no export at all\n", META)
    assert dump(conn) == before
    assert conn.execute("PRAGMA database_list").fetchall()[-1][1] != "staging"


def test_an_import_indexes_its_records_in_bulk_and_leaves_the_index_settings_as_they_were(conn, fixtures):
    project, user = make_project(conn)
    searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    searches.import_file(conn, project, user, "again.ris", (fixtures / "small.ris").read_bytes() + b"\n", META)
    hits = conn.execute("SELECT rowid FROM records_fts WHERE records_fts MATCH 'musculoskeletal'").fetchall()
    assert len(hits) == 2  # one per import: nothing indexed twice, nothing missed
    assert conn.execute("SELECT v FROM records_fts_config WHERE k = 'automerge'").fetchone()[0] == 4
    conn.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")  # raises if index and records differ


def test_an_import_derives_in_bulk_what_the_record_triggers_derive_one_by_one(conn, fixtures):
    project, user = make_project(conn)
    searches.import_file(conn, project, user, "small.ris", (fixtures / "small.ris").read_bytes(), META)
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert set(searches.BULK_TRIGGERS) <= triggers  # all back after the import
    search = conn.execute("SELECT id FROM searches WHERE project_id = ?", (project,)).fetchone()[0]
    with transaction(conn):  # one more record the way a single insert goes: through the triggers
        conn.execute("INSERT INTO records (project_id, search_id, position, title) VALUES (?, ?, 99, 'Musculoskeletal pain')",
                     (project, search))

    def derived(record_ids):
        queue = conn.execute(f"SELECT record_id, stage, shuffle IS NOT NULL FROM screening_pending WHERE record_id IN "
                             f"({','.join('?' * len(record_ids))}) ORDER BY record_id", record_ids).fetchall()
        found = {r[0] for r in conn.execute("SELECT rowid FROM records_fts WHERE records_fts MATCH 'musculoskeletal'")}
        return [tuple(r) for r in queue], found & set(record_ids)
    ids = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (project,))]
    bulk_queue, bulk_found = derived(ids[:-1])
    single_queue, single_found = derived(ids[-1:])
    assert bulk_queue == [(i, 1, 1) for i in ids[:-1]] and single_queue == [(ids[-1], 1, 1)]
    assert len(bulk_found) == 1 and single_found == {ids[-1]}
