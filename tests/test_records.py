"""Finding imported records: full-text search that no query string can break, filters, paging."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.searches import importing as searches
from review.searches import records
from review.store.errors import NotFound
from tests.helpers_import import make_project


@pytest.fixture
def project(conn, fixtures):
    project_id, user = make_project(conn)
    for name in ("small.ris", "small.nbib", "generic.csv"):
        searches.import_file(conn, project_id, user, name, (fixtures / name).read_bytes(), {"database_name": name})
    return project_id


def titles(page):
    return [item["title"] for item in page["items"]]


def test_full_text_search_finds_words_in_titles_and_abstracts(conn, project):
    assert titles(records.list_records(conn, project, {"q": "burnout"})) == [
        "Role conflict, role clarity and burnout among teachers: a systematic review."]
    assert records.list_records(conn, project, {"q": "sleep"})["total"] == 1
    assert records.list_records(conn, project, {"q": "teleworking"})["total"] == 0


def test_the_last_word_matches_as_a_prefix(conn, project):
    assert records.list_records(conn, project, {"q": "musculo"})["total"] == 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40) | st.sampled_from(['"', 'AND', 'NEAR(', 'title:x', '*', '-', 'a OR', '^x', "'"]))
def test_no_query_string_breaks_the_search(conn, project, query):
    page = records.list_records(conn, project, {"q": query})
    assert page["total"] >= 0


def test_filters_by_year_abstract_and_search(conn, project):
    assert records.list_records(conn, project, {"year_from": 2020})["total"] == 3
    assert records.list_records(conn, project, {"year_from": 2018, "year_to": 2019})["total"] == 2
    with_abstract = records.list_records(conn, project, {"has_abstract": "1"})
    assert with_abstract["total"] == 3 and all(i["has_abstract"] for i in with_abstract["items"])
    first_search = searches.list_searches(conn, project)[0]["id"]
    assert records.list_records(conn, project, {"search_id": first_search})["total"] == 2


def test_paging(conn, project):
    page = records.list_records(conn, project, {}, page=2, per_page=4)
    assert page["total"] == 6 and page["pages"] == 2 and len(page["items"]) == 2


def test_one_record_with_its_source(conn, project):
    record_id = records.list_records(conn, project, {"q": "burnout"})["items"][0]["id"]
    record = records.get_record(conn, project, record_id)
    assert record["authors"] == ["Berg, Anne Marit", "Olsen, Per"]
    assert record["search"]["file_name"] == "small.nbib"
    assert record["raw"].startswith("PMID- 30000001")


def test_a_record_of_another_project_is_not_found(conn, project, fixtures):
    other, _ = make_project(conn, "Other review")
    record_id = records.list_records(conn, project)["items"][0]["id"]
    with pytest.raises(NotFound):
        records.get_record(conn, other, record_id)


def test_counts(conn, project):
    assert records.count_records(conn, project) == {"total": 6, "with_abstract": 3, "with_doi": 3, "with_year": 6}


def test_words_joined_by_an_underscore_are_searched_as_words(conn, project):
    assert records.list_records(conn, project, {"q": "role_conflict"})["total"] == 1


def test_records_imported_before_the_lean_index_are_still_found(tmp_path, fixtures):
    from review.store import db

    path = tmp_path / "old.sqlite3"
    old = db.connect(path)
    db.migrate(old, upto=7)  # the full-detail index of migration 0002
    project_id, user = make_project(old)
    searches.import_file(old, project_id, user, "small.nbib", (fixtures / "small.nbib").read_bytes())
    old.close()
    conn = db.open_database(path)  # 0008 rebuilds the index from the records
    assert titles(records.list_records(conn, project_id, {"q": "burnout teach"})) == [
        "Role conflict, role clarity and burnout among teachers: a systematic review."]
    conn.close()
