"""The counting process (Sneyd and Stevenson) and Sil's default stop: the ranked test, or the curve backed by it."""
import json
import math

import numpy as np
import pytest
from conftest import csrf_of, fuzz_examples, login
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from scipy.stats import poisson

from review.projects import project as projects
from review.ranking import jobs as ranking_jobs
from review.ranking import replay, stopping_curve, stopping_methods
from review.ranking import watch as stopping_watch
from review.screening import decisions as screening
from review.searches.importing import add_records, create_search
from review.store.errors import Invalid

# a ranking whose inclusions thin out: every third record of the first 90, then six stragglers
INCLUDED = [r for r in range(1, 400) if (r % 3 == 0 and r < 90) or r in (100, 120, 150, 190, 240, 300)]


def ranked(screened, included=INCLUDED):
    labels = np.zeros(screened, np.int8)
    labels[[r - 1 for r in included if r <= screened]] = 1
    return labels


def test_the_power_curve_is_fitted_to_the_windows_rates():
    # ten windows of 100 whose shares of inclusions lie on 0.8 * x ** -0.5 at each window's first rank
    a, k = 0.8, -0.5
    labels = np.zeros(1000, np.int8)
    for window in range(10):
        labels[window * 100: window * 100 + round(100 * a * (window * 100 + 1) ** k)] = 1
    fitted_a, fitted_k = stopping_curve.fit(labels)
    assert fitted_a == pytest.approx(a, rel=0.1) and fitted_k == pytest.approx(k, abs=0.05)


def test_the_most_relevant_records_is_the_poisson_quantile_of_the_curves_integral():
    # mu = a / (k + 1) * (N ** (k + 1) - 1) = 0.5 / 0.5 * (100 - 1) = 99
    most = stopping_curve.expected_most(0.5, -0.5, 10_000, 0.95)
    assert poisson.cdf(most, 99) >= 0.95 > poisson.cdf(most - 1, 99)
    assert most == 116
    # k = -1: the integral is a * ln N
    assert poisson.cdf(stopping_curve.expected_most(2.0, -1.0, 1000, 0.9), 2 * math.log(1000)) >= 0.9
    # an integral that runs away is capped at the list's size, never a crash
    assert stopping_curve.expected_most(1e6, 3.0, 1000, 0.95) == 1000


def test_the_curve_waits_for_thirty_percent_and_twenty_inclusions():
    assert stopping_curve.curve_check(ranked(200), 1000).status == "too_early"
    few = ranked(400, [r for r in INCLUDED if r < 40])  # 13 inclusions in the first 30 %
    check = stopping_curve.curve_check(few, 1000)
    assert check.status == "too_few" and not check.reached and check.more_records is None
    assert stopping_curve.curve_check(ranked(400), 1000).status == "not_yet"


def test_a_curve_that_does_not_account_for_the_inclusions_is_not_trusted(monkeypatch):
    labels = ranked(400)  # 35 inclusions, 30 of them in the first 30 %
    assert stopping_curve.curve_check(labels, 1000).status == "not_yet"
    # a fitted curve that says 0.2 of every screened record should have been relevant (80 of 400): not trusted
    monkeypatch.setattr(stopping_curve, "fit", lambda array: (0.2, 0.0))
    check = stopping_curve.curve_check(labels, 1000)
    assert check.status == "no_fit" and not check.reached and check.expected_most is None
    assert not stopping_curve.combined_check(labels, 1000).reached


def test_the_default_stops_by_the_curve_only_when_the_ranked_test_backs_it():
    at_700, at_800, at_900 = (stopping_curve.combined_check(ranked(n), 1000) for n in (700, 800, 900))
    # at 700 the curve says stop, but the ranked test's p (0.18) is above 0.12: no stop yet
    assert at_700.curve_status == "reached" and at_700.p_value >= stopping_curve.BACKING and not at_700.reached
    assert at_700.more_records == 100  # the next batch, if it brings no inclusion, settles it
    # at 800 the ranked test backs it (p 0.08, below 0.12): the curve gives the stop
    assert at_800.reached and at_800.by == "curve" and 0.05 <= at_800.p_value < stopping_curve.BACKING
    assert at_800.recall_at_least == 1.0 and at_800.most_left == 0 and at_800.more_records == 0
    # at 900 the ranked test alone is enough
    assert at_900.reached and at_900.by == "ranked" and at_900.p_value < 0.05
    assert stopping_curve.combined_reached(ranked(800), 1000) and not stopping_curve.combined_reached(ranked(700), 1000)
    # the ranked test alone would wait for 900
    assert replay.stop_point("ranked", ranked(1000), 0) == (900, 35)
    assert replay.stop_point("ranked-or-curve", ranked(1000), 0) == (800, 35)


def test_bad_input_is_refused_with_a_clear_error():
    with pytest.raises(Invalid, match="0 \\(excluded\\) or 1"):
        stopping_curve.combined_check([0, 3], 10)
    with pytest.raises(Invalid, match="only 3 to screen"):
        stopping_curve.curve_check([0, 0, 0, 0], 3)
    assert stopping_curve.curve_check([1, 0, 1], 3).reached  # everything screened


PROPERTY = hsettings(max_examples=fuzz_examples(40), deadline=None)


@PROPERTY
@given(st.lists(st.integers(0, 1), min_size=1, max_size=400), st.integers(0, 600), st.sampled_from([0.8, 0.9, 0.95]))
def test_default_method_properties(labels, extra_left, target):
    total = len(labels) + extra_left
    check = stopping_curve.combined_check(labels, total, target, 0.95)
    assert 0 <= check.p_value <= 1 and 0 <= check.recall_at_least <= 1
    assert check.remaining == extra_left and 0 <= check.most_left <= total - sum(labels)
    assert check.reached == stopping_curve.combined_reached(labels, total, target, 0.95)
    # a stop by the curve is always backed by the ranked test; a stop by the ranked test needs nothing else
    if check.reached and check.by == "curve":
        assert check.p_value < stopping_curve.BACKING and check.curve_status == "reached"
    if stopping_methods.ranked_check(labels, total, target).reached:
        assert check.reached and check.by == "ranked"
    # "screen N more" is where it would say stop if none of them is relevant, and never later than the ranked test
    if not check.reached:
        assert 0 < check.more_records <= stopping_methods.ranked_check(labels, total, target).more_records
        assert stopping_curve.combined_reached(labels + [0] * check.more_records, total, target, 0.95)


@pytest.fixture
def thinning_project(conn, make_user):
    lead = make_user("lea")
    pid = projects.create_project(conn, lead, "Breaks at work")
    search = create_search(conn, pid, lead, "medline.ris", "5" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Record {i}", "abstract": "x"} for i in range(1000)])
    conn.execute("UPDATE projects SET reviewers_per_record = 1 WHERE id = ?", (pid,))
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    return pid, lead, records


def screen(conn, pid, lead, records, upto):
    done = conn.execute("SELECT COUNT(*) FROM screening_current WHERE project_id = ? AND stage = 1", (pid,)).fetchone()[0]
    for rank in range(done + 1, upto + 1):
        screening.record_decision(conn, pid, lead, records[rank - 1], 1, "include" if rank in INCLUDED else "exclude")
    ranking_jobs.refresh_project(conn, pid)  # what the background worker runs after a batch


def test_the_lead_sees_which_method_speaks_and_the_stop_keeps_it(app, conn, thinning_project):
    pid, lead, records = thinning_project
    login(app, "lea")
    screen(conn, pid, lead, records, 700)
    page = app.get(f"/projects/{pid}/stopping")
    assert "not screened" in page.html.select_one("#stopping-answer").get_text()
    curve = page.html.select_one("#stopping-curve").get_text()
    assert "does not back it yet" in curve and "0.12" in curve  # the curve's verdict, and why it does not count
    assert "like a power curve" in page.text and "no worse than random order" in page.text
    screen(conn, pid, lead, records, 800)
    answer = app.get(f"/projects/{pid}/stopping").html.select_one("#stopping-answer").get_text()
    assert "The target is reached (counting process)" in answer and "200 records not screened" in answer
    assert "The ranked test backs it" in answer
    app.post(f"/projects/{pid}/stopping", {"action": "stop", "csrf_token": csrf_of(app)})
    event = conn.execute("SELECT * FROM audit_events WHERE project_id = ? AND action = 'ranking.stopped'",
                         (pid,)).fetchone()
    detail = json.loads(event["detail"])
    assert detail["method"] == "ranked-or-curve" and detail["by"] == "curve" and detail["expected_most"] == 35
    assert detail["screened"] == 800 and detail["remaining"] == 200 and detail["recall_at_least"] == 1.0
    assert stopping_watch.automation_summary(conn, pid)["excluded_by_automation"] == 200
    nb = app.get(f"/projects/{pid}/prisma?lang=nb").text
    assert "Sneyd &amp; Stevenson 2021" in nb or "Sneyd & Stevenson 2021" in nb
