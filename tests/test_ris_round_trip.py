"""RIS round trip at project level: every file of the import corpus imported, exported as RIS with the
record-set export, imported into a new project: the same records with the same fields."""
import pytest

import imports
from imports.errors import ImportFailure
from review.screening import record_exports
from review.searches import importing as searches
from tests.conftest import SHARED_DATA
from tests.review_factory import add_project

FIELDS = ("title", "abstract", "authors", "year", "journal", "journal_abbrev", "volume", "issue", "pages_start",
          "pages_end", "doi", "pmid", "issn", "keywords", "language", "url", "source_id")
CORPUS = sorted(p.relative_to(SHARED_DATA / "exports").as_posix() for p in (SHARED_DATA / "exports").rglob("*")
                if p.is_file() and p.name != "README.md") if (SHARED_DATA / "exports").is_dir() else []


def fields(conn, project_id):
    rows = conn.execute(f"SELECT {', '.join(FIELDS)} FROM records WHERE project_id = ? ORDER BY id", (project_id,))
    return [dict(row) for row in rows]


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS)
def test_sils_ris_export_imports_back_to_the_same_records(conn, shared_data, name):
    data = (shared_data / "exports" / name).read_bytes()
    try:
        imports.read_file(data, name)
    except ImportFailure:
        pytest.skip(f"{name} is a file the importer refuses on purpose")
    first, _ = add_project(conn, "First", lead="lead")
    second = conn.execute("INSERT INTO projects (title, created_at) VALUES ('Second', '2026-01-01')").lastrowid
    searches.import_file(conn, first, None, name, data, {"database_name": "corpus"})
    ris = record_exports.export_set(conn, first, "ris", "all")
    searches.import_file(conn, second, None, "sil-export.ris", ris, {"database_name": "corpus"})
    assert fields(conn, second) == fields(conn, first)
