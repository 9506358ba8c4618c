"""Storage failures reach the user as a clear page, and nothing is half-written."""
import pytest
from conftest import csrf_of, login

from review import store


@pytest.fixture
def failing_storage(monkeypatch):
    """Make every connection the app opens from now on fail to write, in the way given."""
    real_connect = store.connect

    def apply(pragma: str):
        def connect(path):
            conn = real_connect(path)
            conn.execute(pragma)
            return conn

        monkeypatch.setattr(store, "connect", connect)  # the name the app opens its connections with

    return apply


def project_count(conn):
    return conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0]


@pytest.mark.parametrize("pragma", ["PRAGMA query_only = ON", "PRAGMA max_page_count = 1"],
                         ids=["read-only database", "disk full"])
def test_a_failing_write_shows_a_clear_page_and_writes_nothing(app, conn, make_user, failing_storage, pragma):
    make_user("anne")
    login(app, "anne")
    token = csrf_of(app)
    app.app.config["sil.plugin"].local.__dict__.clear()  # drop the connection opened before the failure
    failing_storage(pragma)
    response = app.post("/projects", {"csrf_token": token, "title": "Will not be saved",
                                         "question": "A long question that needs new pages. " * 500}, expect_errors=True)
    assert response.status_int == 503
    assert "Nothing was saved" in response.text and "Traceback" not in response.text
    assert project_count(conn) == 0
