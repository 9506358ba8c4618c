"""Chosen passwords: not common (zxcvbn plus Sil's Norwegian list), not the one-time password; one-time
passwords expire (72 hours by default)."""
import datetime as dt

import pytest
from conftest import PASSWORD, login

from review.accounts import users
from review.accounts.passwords import check_chosen_password
from review.store.errors import Invalid

COMMON = ["aaaaaaaaaa", "password123", "qwertyuiop", "1234567890", "iloveyou12", "Passord123!", "sommerfugl1",
          "Hemmelig2024", "Rosenborg1917!", "trustno1trustno1", "abcdefghij", "P@ssw0rd2024"]


@pytest.mark.parametrize("password", COMMON)
def test_common_passwords_are_refused(conn, password):
    user_id, _ = users.create_user(conn, "kari")
    with pytest.raises(Invalid, match="use most"):
        users.set_password(conn, user_id, password)


def test_a_password_close_to_ones_own_name_is_refused():
    with pytest.raises(Invalid, match="use most"):
        check_chosen_password("kari.nordmann2", {"name": "kari.nordmann", "display_name": "Kari Nordmann"})


def test_good_passphrases_pass(conn):
    user_id, _ = users.create_user(conn, "kari")
    for password in ("correct-horse-battery", "tre blå fjorder og en kaffekopp", "Q7#vN2!pLw9zR"):
        users.set_password(conn, user_id, password)


def test_the_one_time_password_cannot_be_kept(app, conn):
    _, one_time = users.create_user(conn, "kari")
    login(app, "kari", one_time)
    form = app.get("/account/password").forms["password-form"]
    form["current"], form["new"], form["repeat"] = one_time, one_time, one_time
    page = form.submit(expect_errors=True)
    assert page.status_int == 400 and "not the one-time password" in page.text
    form = page.forms["password-form"]
    form["current"], form["new"], form["repeat"] = one_time, "aaaaaaaaaaaa", "aaaaaaaaaaaa"
    page = form.submit(expect_errors=True)
    assert page.status_int == 400 and "use most" in page.text
    form = page.forms["password-form"]
    form["current"], form["new"], form["repeat"] = one_time, PASSWORD, PASSWORD
    assert form.submit().status_int == 303


def test_a_one_time_password_expires_after_72_hours(conn):
    user_id, one_time = users.create_user(conn, "kari")
    expires = dt.datetime.fromisoformat(users.get_user(conn, user_id)["one_time_expires_at"].replace("Z", "+00:00"))
    hours = (expires - dt.datetime.now(dt.UTC)).total_seconds() / 3600
    assert 71.9 < hours <= 72
    users.authenticate(conn, "kari", one_time, "10.0.0.1")  # still good
    conn.execute("UPDATE users SET one_time_expires_at = '2000-01-01T00:00:00Z' WHERE id = ?", (user_id,))
    with pytest.raises(Invalid, match="expired"):
        users.authenticate(conn, "kari", one_time, "10.0.0.1")
    fresh = users.set_password(conn, user_id)  # the administrator hands out a new one
    assert users.authenticate(conn, "kari", fresh, "10.0.0.1")["id"] == user_id


def test_an_expired_one_time_password_says_so_at_login(app, conn):
    user_id, one_time = users.create_user(conn, "kari")
    conn.execute("UPDATE users SET one_time_expires_at = '2000-01-01T00:00:00Z' WHERE id = ?", (user_id,))
    page = login(app, "kari", one_time)
    assert "expired" in page.text and "sil_session" not in app.cookies


def test_long_passwords_are_judged_by_their_start_and_never_crash():
    check_chosen_password("tre blå fjorder og en kaffekopp på hytta i påsken " * 4)  # 200 characters
    with pytest.raises(Invalid, match="use most"):
        check_chosen_password("a" * 200)
    with pytest.raises(Invalid, match="at most"):
        check_chosen_password("x" * 5000)


def test_run_py_users_add_keeps_an_email_address_and_the_one_time_password_expires(db_path, capsys):
    import run
    from review.store import db

    assert run.main(["users", "add", "kari", "--db", str(db_path), "--email", "kari@example.org"]) == 0
    assert "One-time password" in capsys.readouterr().out
    conn = db.connect(db_path)
    row = conn.execute("SELECT email, one_time_expires_at FROM users WHERE name = 'kari'").fetchone()
    assert row["email"] == "kari@example.org" and row["one_time_expires_at"]
    assert run.main(["users", "add", "ola", "--db", str(db_path), "--email", "not-an-address"]) == 1
    assert "not an email address" in capsys.readouterr().err
