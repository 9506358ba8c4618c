"""Blinding, end to end: every GET route a reviewer can reach looks the same whatever another reviewer decided."""
import itertools
import re

from conftest import login

from review.screening import decisions as screening
from review.screening.settings import set_blinding
from tests.test_screening_app import team  # noqa: F401  (fixture)

SECRET = "RITA-SECRET-NOTE"
PARAM = re.compile(r"<(\w+)(?::[^>]*)?>")


def _urls(app, pid, records):
    values = {"project_id": [pid], "stage": [1, 2], "record_id": records, "user_id": [1]}
    per_record = [f"?record={r}" for r in records] + [f"?skip={r}" for r in records]
    exports = ["?what=decisions&format=csv", "?what=included&stage=1&format=csv", "?what=included&stage=2&format=csv"]
    for route in app.app.routes:
        if route.method != "GET" or "<path" in route.rule:
            continue
        names = PARAM.findall(route.rule)
        for combo in itertools.product(*(values.get(n, [1]) for n in names)):
            path = route.rule
            for value in combo:
                path = PARAM.sub(str(value), path, count=1)
            # Query strings only matter to the routes that read them; the rest get the bare URL.
            queries = [""] + (["?hide=1", "?page=0"] + per_record if "/screen/" in route.rule else []) + (
                exports if route.rule.endswith("/export") else [])
            for q in queries:
                yield path + q


def _walk(app, pid, records):
    seen = {}
    for url in _urls(app, pid, records):
        for accept in ("text/html", "application/json"):
            response = app.get(url, headers={"Accept": accept}, expect_errors=True)
            body = response.body.decode("utf-8", "replace")
            seen[(url, accept)] = (response.status_int, body)
    return seen


def _scenario(app, conn, team, blinded):
    pid, ids, records = team
    if not blinded:
        set_blinding(conn, pid, ids["lea"], False)
    target = records[2]
    screening.record_decision(conn, pid, ids["rita"], target, 1, "include", note=SECRET, labels=["RITA-LABEL"])
    login(app, "rolf")
    first = _walk(app, pid, records)
    screening.record_decision(conn, pid, ids["rita"], target, 1, "exclude", note=SECRET, labels=["RITA-LABEL"],
                              change_reason="changed my mind")
    second = _walk(app, pid, records)
    return first, second


def test_nothing_a_reviewer_can_request_reveals_another_reviewers_open_decision(app, conn, team):
    first, second = _scenario(app, conn, team, blinded=True)
    assert len(first) > 200
    assert any(status == 200 for status, _ in first.values())
    for key, (status, body) in first.items():
        assert SECRET not in body and "RITA-LABEL" not in body, key
        assert second[key] == (status, body), f"{key} changed when the other reviewer changed her decision"


def test_the_walk_does_see_decisions_once_the_lead_lifts_blinding(app, conn, team):
    first, second = _scenario(app, conn, team, blinded=False)
    assert any(SECRET in body for _, body in first.values())
    assert any(first[key] != second[key] for key in first)
