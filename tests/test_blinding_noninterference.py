"""Non-interference: while blinded, nothing reviewer B or a communicator receives depends on reviewer A's open decisions.

Two databases are built the same way except for what reviewer A decided on records nobody has settled
yet (include, exclude, maybe or nothing, drawn independently for each world). B and the communicator
then run the same sequence of their own actions (decide, change, note, label, undo, upload a PDF, mark
a full text not retrieved) interleaved with reads, in both worlds in step; at the end they read every
URL of the app (from Bottle's route table). Every normalised response must be the same in both.
"""
import os

import pytest
from conftest import fuzz_examples
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.blinding_worlds import (
    PDF,
    SECRET,
    VIEWERS,
    as_user,
    build_template,
    every_url,
    first_difference,
    make_world,
    normalised,
)

EXAMPLES = fuzz_examples(3)
# Each example ends with a walk of every route with its ids filled in; SIL_FUZZ_WALK=1 adds every query too.
FULL_WALK = os.environ.get("SIL_FUZZ_WALK", "0") == "1"
LONG = "SIL_FUZZ_EXAMPLES" in os.environ
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG,
                phases=[Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if LONG else []),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


@pytest.fixture(scope="module", params=["screening", "pilot"])
def template(request, tmp_path_factory):
    """Half-way through screening; or with a pilot round of A and B running."""
    return build_template(tmp_path_factory.mktemp("template"), pilot=request.param == "pilot")


def _a_decisions(template):
    choices = {1: [None, "include", "exclude", "maybe"], 2: [None, "include", "exclude"]}
    return st.fixed_dictionaries({key: st.sampled_from(choices[key[0]]) for key in template["open"]})


def _step(template, n_urls):
    records = template["records"]
    who = st.sampled_from(VIEWERS)
    stage = st.sampled_from([1, 2])
    return st.one_of(
        st.tuples(st.just("decide"), who, stage, st.sampled_from(records),
                  st.sampled_from(["include", "exclude", "maybe"]), st.sampled_from(["", "my note"]),
                  st.sampled_from(["", "ergonomics", "ergonomics,shift work"]), st.booleans()),
        st.tuples(st.just("undo"), who, stage, st.booleans()),
        st.tuples(st.just("upload"), who, st.sampled_from(records)),
        st.tuples(st.just("missing"), who, st.sampled_from(records)),
        st.tuples(st.just("get"), who, st.integers(0, n_urls - 1), st.booleans()),
        st.tuples(st.just("rank"), who),
    )


def _run(step, app, template, urls, conn):
    """Do one step as its actor (or, for 'rank', the background ranking retrains every queue); return the response."""
    kind, who = step[0], step[1]
    if kind == "rank":
        from review.ranking.jobs import refresh_project

        refresh_project(conn, template["pid"])
        kind, step = "get", ("get", who, 0, False)
        urls = [f"/projects/{template['pid']}/screen/1"]
    as_user(app, template, who)
    pid, csrf = template["pid"], template["csrf"][who]
    json = {"Accept": "application/json"}
    if kind == "decide":
        _, _, stage, record, decision, note, labels, as_json = step
        fields = {"csrf_token": csrf, "record_id": str(record), "decision": decision, "note": note, "labels": labels,
                  "change_reason": "second look", "reason_id": "1" if stage == 2 else ""}
        return app.post(f"/projects/{pid}/screen/{stage}/decide", fields, headers=json if as_json else {},
                        expect_errors=True)
    if kind == "undo":
        _, _, stage, as_json = step
        return app.post(f"/projects/{pid}/screen/{stage}/undo", {"csrf_token": csrf}, headers=json if as_json else {},
                        expect_errors=True)
    if kind == "upload":
        return app.post(f"/projects/{pid}/records/{step[2]}/fulltext", {"csrf_token": csrf},
                        upload_files=[("pdf", "paper.pdf", PDF)], expect_errors=True)
    if kind == "missing":
        return app.post(f"/projects/{pid}/records/{step[2]}/fulltext/missing",
                        {"csrf_token": csrf, "reason": "not in the library"}, expect_errors=True)
    _, _, index, as_json = step
    return app.get(urls[index], headers=json if as_json else {"Accept": "text/html"}, expect_errors=True)


def _compare(one, two, what):
    a, b = normalised(one), normalised(two)
    assert a == b, f"{what}: {first_difference(a, b)}"


def check_worlds(template, tmp_path, first, second, steps, full_walk=True, blinded=True):
    """Run the steps in both worlds in step, comparing each answer; then walk every URL (bare URLs only unless full_walk)."""
    conn1, app1 = make_world(template, tmp_path / "one", first, blinded)
    conn2, app2 = make_world(template, tmp_path / "two", second, blinded)
    try:
        urls = every_url(app1, conn1, template["pid"])
        for n, step in enumerate(steps):
            _compare(_run(step, app1, template, urls, conn1), _run(step, app2, template, urls, conn2),
                     f"step {n} {step}")
        for who in VIEWERS:
            for url in (urls if full_walk else [u for u in urls if "?" not in u]):
                as_user(app1, template, who)
                as_user(app2, template, who)
                one, two = app1.get(url, expect_errors=True), app2.get(url, expect_errors=True)
                assert SECRET.encode() not in one.body, (who, url)
                _compare(one, two, f"{who} GET {url} after {steps}")
    finally:
        conn1.close()
        conn2.close()


def test_the_walk_covers_every_get_route(template, tmp_path):
    """The URL list comes from the route table: every GET route but /static is walked."""
    conn, app = make_world(template, tmp_path / "w", {})
    urls = every_url(app, conn, template["pid"])
    conn.close()
    import re

    from tests.blinding_worlds import PARAM

    for route in app.app.routes:
        if route.method == "GET" and "<path" not in route.rule:
            pattern = "^" + PARAM.sub("[^/?]+", re.escape(route.rule).replace("\\<", "<").replace("\\>", ">")) + "(\\?|$)"
            assert any(re.match(pattern, u) for u in urls), route.rule


# A hand-picked sequence of the probes the issue names: decide, look, undo, decide again; uploads; marks.
# "open0"/"open1": records A decides differently in the two worlds; numbers: the template's records by index.
PROBES = [
    ("decide", "rolf", 1, "open0", "include", "", "", False),
    ("rank", "rolf"),
    ("decide", "rolf", 1, "open1", "exclude", "my note", "ergonomics", True),
    ("decide", "rolf", 1, 4, "exclude", "", "", False),
    ("undo", "rolf", 1, False),
    ("decide", "rolf", 1, 4, "include", "", "", True),
    ("decide", "rolf", 2, 2, "include", "", "", False),
    ("decide", "rolf", 2, 3, "exclude", "", "", True),
    ("upload", "rolf", "open0"),
    ("missing", "cora", "open1"),
    ("missing", "rolf", 3),
    ("decide", "rolf", 1, "open0", "exclude", "", "", False),
    ("undo", "rolf", 1, True),
    ("rank", "cora"),
]


def _probes(template):
    r, opened = template["records"], [rid for stage, rid in template["open"] if stage == 1]
    pick = lambda x: opened[int(x[4:])] if isinstance(x, str) else r[x]
    return [(s[0], s[1], s[2], pick(s[3]), *s[4:]) if s[0] == "decide" else
            ((s[0], s[1], pick(s[2])) if s[0] in ("upload", "missing") else s) for s in PROBES]


@pytest.mark.parametrize("first, second", [("include", None), ("maybe", "exclude")])
def test_decide_look_undo_reveals_nothing(template, tmp_path, first, second):
    a1 = {key: (first if key[0] == 1 or first != "maybe" else "include") for key in template["open"]}
    a2 = {key: (second if key[0] == 1 or second != "maybe" else None) for key in template["open"]}
    check_worlds(template, tmp_path, a1, a2, _probes(template))


def test_the_comparison_sees_decisions_once_the_lead_lifts_blinding(template, tmp_path):
    """The same comparison without blinding finds a difference: the test can fail."""
    r = template["records"]
    with pytest.raises(AssertionError):
        check_worlds(template, tmp_path, {(1, r[5]): "include"}, {}, [("decide", "rolf", 1, r[5], "include", "", "", False)],
                     blinded=False)


@FUZZ
@given(data=st.data())
def test_any_sequence_of_own_actions_reveals_nothing(template, tmp_path_factory, data):
    import uuid

    tmp_path = tmp_path_factory.mktemp(f"fuzz-{uuid.uuid4().hex[:8]}")
    first = data.draw(_a_decisions(template), label="A in world one")
    second = data.draw(_a_decisions(template), label="A in world two")
    conn, app = make_world(template, tmp_path / "probe", {})
    n_urls = len(every_url(app, conn, template["pid"]))
    conn.close()
    steps = data.draw(st.lists(_step(template, n_urls), min_size=1, max_size=12), label="steps")
    check_worlds(template, tmp_path, first, second, steps, full_walk=FULL_WALK)
