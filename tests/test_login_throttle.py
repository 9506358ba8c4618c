"""Login backoff slows the attacker, not the victim: per account and per address, growing with failures;
the right password from another address gets in after a short pause."""
import datetime as dt

import pytest
from conftest import PASSWORD, login
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.accounts import throttle as login_throttle
from review.accounts import users
from review.store.errors import Forbidden, Invalid

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def at(seconds):
    return T0 + dt.timedelta(seconds=seconds)


def guess(conn, address, when, name="anne"):
    with pytest.raises((Invalid, Forbidden)):
        users.authenticate(conn, name, "wrong-guess", address, at=when)


def test_the_right_password_from_a_new_address_works_after_a_short_pause_however_many_guesses(conn):
    users.create_user(conn, "anne", PASSWORD)
    second = 0
    for _ in range(60):  # an attacker guesses from one address as fast as it is let
        wait = login_throttle.wait_seconds(conn, "anne", "203.0.113.9", at(second))
        second += wait
        guess(conn, "203.0.113.9", at(second))
    attacker_wait = login_throttle.wait_seconds(conn, "anne", "203.0.113.9", at(second))
    assert attacker_wait >= 60  # the attacker's address now waits minutes
    victim_wait = login_throttle.wait_seconds(conn, "anne", "198.51.100.7", at(second))
    assert victim_wait <= login_throttle.ACCOUNT_CAP
    assert users.authenticate(conn, "anne", PASSWORD, "198.51.100.7", at=at(second + victim_wait))["name"] == "anne"
    with pytest.raises(Forbidden):  # and the victim's login did not free the attacker
        users.authenticate(conn, "anne", PASSWORD, "203.0.113.9", at=at(second + victim_wait))


def test_guesses_from_many_addresses_are_slowed_on_the_account(conn):
    users.create_user(conn, "anne", PASSWORD)
    for i in range(20):  # a botnet: every guess from a new address, all at once
        guess(conn, f"10.1.0.{i}", at(0))
    wait = login_throttle.wait_seconds(conn, "anne", "10.1.1.1", at(0))
    assert 0 < wait <= login_throttle.ACCOUNT_CAP


def test_one_address_trying_many_accounts_is_slowed(conn):
    second = 0
    for i in range(30):  # one guess at each of 30 accounts, as fast as it is let
        second += login_throttle.wait_seconds(conn, f"user{i}", "203.0.113.9", at(second))
        guess(conn, "203.0.113.9", at(second), name=f"user{i}")
    assert second > 1800  # 30 guesses took the address more than half an hour
    assert login_throttle.wait_seconds(conn, "someone-else", "203.0.113.9", at(second)) >= 30
    assert login_throttle.wait_seconds(conn, "someone-else", "198.51.100.7", at(second)) == 0


def test_the_backoff_grows_with_failures_and_is_forgotten_after_the_window(conn):
    users.create_user(conn, "anne", PASSWORD)
    waits = []
    for n in range(8):
        guess(conn, "203.0.113.9", at(n * 100))
        waits.append(login_throttle.wait_seconds(conn, "anne", "203.0.113.9", at(n * 100)))
    assert waits[:2] == [0, 0] and waits == sorted(waits) and waits[-1] > waits[3] > 0
    later = at(7 * 100) + login_throttle.WINDOW + dt.timedelta(seconds=1)
    assert login_throttle.wait_seconds(conn, "anne", "203.0.113.9", later) == 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 4)), min_size=1, max_size=60))
def test_another_address_never_waits_more_than_the_account_cap(conn, guesses):
    """Property: whatever guesses others made (address, pause), an address with none of its own waits at most
    ACCOUNT_CAP seconds (unless that address itself is busy with other accounts, which it is not here)."""
    conn.execute("DELETE FROM login_failures")
    second = 0
    for address, pause in guesses:
        second += pause
        login_throttle.record_failure(conn, "anne", f"203.0.113.{address}", at(second))
    assert login_throttle.wait_seconds(conn, "anne", "198.51.100.7", at(second)) <= login_throttle.ACCOUNT_CAP


def test_the_login_page_says_how_long_to_wait_and_sends_retry_after(app, make_user):
    make_user("anne")
    for _ in range(5):
        login(app, "anne", "wrong-password")
    page = app.get("/login").forms["login"]
    page["name"], page["password"] = "anne", PASSWORD
    response = page.submit(expect_errors=True)
    assert response.status_int == 429 and "Wait" in response.text and "seconds" in response.text
    assert int(response.headers["Retry-After"]) > 0


def test_a_browser_that_logged_in_before_is_not_slowed_by_others_behind_its_address(conn):
    """An office behind one address: someone there guesses at anne's account and at many others; anne, in the
    browser she logged in from before, still gets in at once. Without that browser she waits like anyone."""
    anne = users.get_user(conn, users.create_user(conn, "anne", PASSWORD)[0])
    device = users.device_token(anne)
    second = 0
    for i in range(40):
        second += login_throttle.wait_seconds(conn, "anne" if i % 2 else f"user{i}", "192.0.2.1", at(second))
        guess(conn, "192.0.2.1", at(second), name="anne" if i % 2 else f"user{i}")
    with pytest.raises(Forbidden):
        users.authenticate(conn, "anne", PASSWORD, "192.0.2.1", at=at(second))
    assert users.authenticate(conn, "anne", PASSWORD, "192.0.2.1", at=at(second), device=device)["id"] == anne["id"]
    forged = device.rsplit(".", 1)[0] + ".0123456789abcdef0123456789abcdef"
    with pytest.raises(Forbidden):
        users.authenticate(conn, "anne", PASSWORD, "192.0.2.1", at=at(second), device=forged)


def test_the_device_cookie_is_set_at_login_and_stops_counting_after_a_password_change(app, conn, make_user):
    user_id = make_user("anne")
    login(app, "anne")
    device = app.cookies["sil_device"].strip('"')
    assert users.known_device(users.get_user(conn, user_id), device)
    users.set_password(conn, user_id, "another-long-passphrase")
    assert users.known_device(users.get_user(conn, user_id), device) is None
