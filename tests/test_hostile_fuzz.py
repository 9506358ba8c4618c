"""Fuzzing for a bounded time: random values in every form of the app, random bytes and near-RIS text into the importers.

Whatever arrives, Sil answers with a page or a clear refusal (never a 500), and an import is stored whole or not at all."""
import re
from pathlib import Path

import pytest
from conftest import fuzz_examples
from hostile import FORMULAS, JS_URL, PAYLOAD, SQL
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from review.accounts import users
from review.demo import builder as demo
from review.publishing import summaries
from review.searches import importing as searches
from review.store.errors import SilError

TEMPLATES = Path(__file__).resolve().parent.parent / "screens" / "templates"
FIELD_NAMES = sorted({m for t in TEMPLATES.rglob("*.tpl") for m in re.findall(r'name="([a-z_]+)"', t.read_text(encoding="utf-8"))}
                     - {"csrf_token"})
NASTY = [PAYLOAD, JS_URL, *FORMULAS, *SQL, "", " ", "0", "-1", "1e309", "nan", "99999999999999999999999", "\x00", "\ufeff",
         "include", "exclude", "maybe", "lead", "reviewer", "communicator", "en", "nb", "1", "2", "on", "../../etc/passwd"]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=200), st.integers().map(str))
# CI stays quick with 150 examples per test; SIL_FUZZ_EXAMPLES=5000 fuzzes longer by hand.
FUZZ = settings(max_examples=fuzz_examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture
def demo_world(app, conn):
    """The demo review, signed in as its lead (who may do the most); routes with their ids filled in."""
    demo.ensure_demo(conn)
    project_id = conn.execute("SELECT id FROM projects").fetchone()[0]
    people = {r["name"]: r["id"] for r in conn.execute("SELECT id, name FROM users")}
    if not conn.execute("SELECT 1 FROM summaries WHERE project_id = ? AND lang = 'en'", (project_id,)).fetchone():
        summaries.create_summary(conn, project_id, "en", people["kari"])  # the demo publishes one itself now
    token = users.create_session(conn, people["lead"])
    app.set_cookie("sil_session", token)
    csrf = users.session_user(conn, token)["csrf_token"]
    record = conn.execute("SELECT MIN(id) FROM records").fetchone()[0]
    ids = {"project_id": project_id, "record_id": record, "stage": 1, "lang": "en", "action": "submit"}
    posts = sorted({re.sub(r"<([a-z_]+)(:[^>]*)?>", lambda m: str(ids.get(m.group(1), 1)), r.rule)
                    for r in app.app.routes if r.method == "POST" and r.rule not in ("/logout", "/login")})
    return {"csrf": csrf, "posts": posts}


@FUZZ
@given(data=st.data())
def test_random_form_values_never_crash_a_form_handler(app, demo_world, data):
    path = data.draw(st.sampled_from(demo_world["posts"]), label="route")
    fields = data.draw(st.dictionaries(st.sampled_from(FIELD_NAMES), VALUES, max_size=8), label="fields")
    response = app.post(path, {**fields, "csrf_token": demo_world["csrf"]}, expect_errors=True)
    event(f"status {response.status_int}")  # --hypothesis-show-statistics: how far the values got
    assert response.status_int < 500, f"POST {path} {fields!r} gave {response.status}"


RIS_TAGS = ["TY", "TI", "T1", "AU", "A1", "AB", "PY", "Y1", "DA", "JO", "JF", "T2", "VL", "IS", "SP", "EP", "DO", "UR",
            "KW", "SN", "AN", "LA", "M3", "ER", "XX", "  "]
RIS_LINE = st.tuples(st.sampled_from(RIS_TAGS), st.sampled_from(["  - ", " - ", "  -", "-", "  - \t"]),
                     st.one_of(st.sampled_from(NASTY), st.text(max_size=80))).map("".join)
NAMES = st.sampled_from(["a.ris", "a.nbib", "a.txt", "a.ciw", "a.xml", "a.bib", "a.csv", "a.enw", "a", "../a.ris"])


def assert_whole_or_nothing(conn, project_id, data, name):
    before = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    try:
        result = searches.import_file(conn, project_id, None, name, data, force=True)
    except SilError:
        assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == before
        return
    stored = conn.execute("SELECT COUNT(*) FROM records WHERE search_id = ?", (result["search_id"],)).fetchone()[0]
    assert stored == result["record_count"] == conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] - before


@pytest.fixture
def project(conn):
    from review.projects import project as projects
    return projects.create_project(conn, None, "Fuzzed imports")


@FUZZ
@given(lines=st.lists(RIS_LINE, max_size=40), name=NAMES)
def test_near_ris_text_is_imported_whole_or_refused(conn, project, lines, name):
    assert_whole_or_nothing(conn, project, "\n".join(["TY  - JOUR", *lines, "ER  - "]).encode("utf-8"), name)


@FUZZ
@given(data=st.binary(max_size=2000), name=NAMES)
def test_random_bytes_are_imported_whole_or_refused(conn, project, data, name):
    assert_whole_or_nothing(conn, project, data, name)
