"""Fixtures shared by every test: a fresh database per test, the shared data folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from review import db

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("SIL_SHARED_DATA", ROOT.parent / "shared" / "data"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def conn(tmp_path):
    """A connection to a new, fully migrated database in a temporary folder."""
    connection = db.open_database(tmp_path / "test.sqlite3")
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real material in ../shared/data; tests that need it skip where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is absent (set SIL_SHARED_DATA to run these tests)")
    return SHARED_DATA


@pytest.fixture
def fixtures() -> Path:
    """The small fixture files the project ships."""
    return FIXTURES
