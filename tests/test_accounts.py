"""Accounts in the core: hashing, authentication, the rate limit, sessions."""
import pytest

from review.accounts import users
from review.store.errors import Conflict, Forbidden, Invalid


def test_password_hash_is_salted_scrypt_and_verifies():
    first, second = users.hash_password("correct-horse"), users.hash_password("correct-horse")
    assert first.startswith("scrypt$") and first != second
    assert users.verify_password("correct-horse", first)
    assert not users.verify_password("wrong-horse", first)
    assert not users.verify_password("x", "garbage")


def test_new_user_gets_a_one_time_password_that_must_be_changed(conn):
    user_id, password = users.create_user(conn, "anne")
    user = users.authenticate(conn, "Anne", password, "127.0.0.1")
    assert user["id"] == user_id and user["must_change_password"] == 1


def test_duplicate_and_bad_names_are_refused(conn):
    users.create_user(conn, "anne", "long-enough-password")
    with pytest.raises(Conflict):
        users.create_user(conn, "ANNE", "long-enough-password")
    with pytest.raises(Invalid):
        users.create_user(conn, "a b", "long-enough-password")
    with pytest.raises(Invalid):
        users.create_user(conn, "bob", "short")


def test_rate_limit_after_five_failures_even_for_the_right_password_from_the_same_address(conn):
    users.create_user(conn, "anne", "long-enough-password")
    for _ in range(5):
        with pytest.raises((Invalid, Forbidden)):
            users.authenticate(conn, "anne", "wrong", "10.0.0.1")
    with pytest.raises(Forbidden, match="Too many failed logins"):
        users.authenticate(conn, "anne", "long-enough-password", "10.0.0.1")


def test_session_ends_on_logout_and_on_password_change(conn):
    user_id, _ = users.create_user(conn, "anne", "long-enough-password")
    token = users.create_session(conn, user_id)
    assert users.session_user(conn, token)["name"] == "anne"
    users.end_session(conn, token)
    assert users.session_user(conn, token) is None
    token = users.create_session(conn, user_id)
    users.set_password(conn, user_id, "another-long-password")
    assert users.session_user(conn, token) is None


def test_disabled_user_cannot_log_in(conn):
    user_id, _ = users.create_user(conn, "anne", "long-enough-password")
    users.set_disabled(conn, user_id, True)
    with pytest.raises(Invalid):
        users.authenticate(conn, "anne", "long-enough-password", "127.0.0.1")
