"""Fixtures shared by every test: a fresh database per test, the shared data folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from review.store import db

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


PASSWORD = "correct-horse-battery"


@pytest.fixture
def db_path(tmp_path) -> Path:
    """The path of the test's database file (the app and `conn` share it)."""
    return tmp_path / "test.sqlite3"


@pytest.fixture
def app(conn, db_path, tmp_path):
    """The WSGI app on the test's database, wrapped in WebTest."""
    from webtest import TestApp

    from screens.app import make_app

    return TestApp(make_app({"db": db_path, "files": tmp_path / "files"}))


@pytest.fixture
def make_user(conn):
    """Create an account with a known password; returns its id."""
    from review.accounts import users

    def make(name: str, admin: bool = False) -> int:
        user_id, _ = users.create_user(conn, name, PASSWORD, is_admin=admin)
        return user_id

    return make


def fuzz_examples(default: int) -> int:
    """How many examples a property test runs: its own small default in CI, SIL_FUZZ_EXAMPLES=N for a longer run."""
    return int(os.environ.get("SIL_FUZZ_EXAMPLES", default))


def login(app, name: str, password: str = PASSWORD):
    """Log a WebTest app in as name; returns the response after the redirect."""
    page = app.get("/login")
    form = page.forms["login"]
    form["name"], form["password"] = name, password
    return form.submit(expect_errors=True).maybe_follow()


def browser_login(page, live_server: str, name: str, password: str = PASSWORD) -> None:
    """Log a Chromium page in as name through the login form, and wait for the projects page."""
    page.goto(live_server + "/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Your review projects").wait_for()


def csrf_of(app) -> str:
    """The CSRF token of the signed-in session, read from a page like a browser would."""
    page = app.get("/")
    return page.html.find("input", {"name": "csrf_token"})["value"]


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture
def live_server(conn, db_path, tmp_path):
    """Sil served by waitress in a thread on a free loopback port; yields its base URL."""
    import socket
    import threading

    from waitress.server import create_server

    from screens.app import make_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = create_server(make_app({"db": db_path, "files": tmp_path / "files"}), host="127.0.0.1", port=port,
                           threads=4)

    def serve():
        try:
            server.run()
        except OSError:  # teardown closes the listening socket under the loop's select()
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.close()
    thread.join(5)


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium driven by Playwright; skips with the reason where it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context and page for one test."""
    context = chromium.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()
