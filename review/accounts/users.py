"""Accounts, password hashing (scrypt), server-side sessions; the login backoff is review.login_throttle."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import re
import secrets
import sqlite3
from typing import Any
from zoneinfo import available_timezones

from review.accounts import throttle as login_throttle
from review.accounts.passwords import MIN_LENGTH, check_chosen_password
from review.store import Conflict, Forbidden, Invalid, NotFound, now, transaction

SCRYPT = {"n": 2**14, "r": 8, "p": 1}
SESSION_DAYS = 7
MIN_PASSWORD_LENGTH = MIN_LENGTH
ONE_TIME_HOURS = 72  # a one-time password handed over and never used stops working after three days


def hash_password(password: str) -> str:
    """A salted scrypt hash in the form scrypt$n$r$p$salt$hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, maxmem=64 * 2**20, **SCRYPT)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${b64(salt)}${b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether password matches a stored hash, in constant time."""
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(expected), maxmem=64 * 2**20)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def new_password() -> str:
    """A one-time password that is easy to type: five groups of four characters."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(5))


def check_password_strength(password: str, user: dict[str, Any] | None = None) -> None:
    """Refuse passwords that are too short, or common (for this user: close to their names)."""
    check_chosen_password(password, user)


def one_time_expiry(hours: float | None = None) -> str:
    """When a one-time password made now stops working (ONE_TIME_HOURS, or SIL_ONE_TIME_HOURS, from now)."""
    hours = float(os.environ.get("SIL_ONE_TIME_HOURS", ONE_TIME_HOURS)) if hours is None else hours
    moment = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def validate_name(name: str) -> str:
    """A user name: 2 to 64 letters, digits, dots, dashes or underscores."""
    name = (name or "").strip()
    if not (2 <= len(name) <= 64) or not all(c.isalnum() or c in "._-@" for c in name):
        raise Invalid("A user name has 2 to 64 letters, digits or . _ - @, without spaces.", "error.user.bad_name")
    return name


def validate_email(email: str | None) -> str | None:
    """An email address (None for none): something@somewhere.tld, at most 254 characters."""
    email = (email or "").strip()
    if not email:
        return None
    if len(email) > 254 or not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        raise Invalid(f"{email!r} is not an email address.", "error.user.bad_email", email=email[:80])
    return email


def create_user(conn: sqlite3.Connection, name: str, password: str | None = None, is_admin: bool = False,
                display_name: str = "", email: str | None = None) -> tuple[int, str]:
    """Create an account; without a password, a one-time one is made. Returns (id, password)."""
    name = validate_name(name)
    email = validate_email(email)
    one_time = password is None
    password = new_password() if one_time else password
    if not one_time:
        check_password_strength(password, {"name": name, "display_name": display_name})
    with transaction(conn):
        if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise Conflict(f"There is already a user called {name}.", "error.user.exists", name=name)
        if email and conn.execute("SELECT 1 FROM users WHERE email = ? COLLATE NOCASE", (email,)).fetchone():
            raise Conflict(f"There is already an account with the email address {email}.",
                           "error.user.email_exists", email=email)
        cur = conn.execute(
            "INSERT INTO users (name, display_name, password_hash, is_admin, must_change_password, created_at,"
            " one_time_expires_at, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (name, display_name.strip() or name, hash_password(password), int(is_admin), int(one_time), now(),
             one_time_expiry() if one_time else None, email),
        )
    return cur.lastrowid, password


def set_password(conn: sqlite3.Connection, user_id: int, password: str | None = None) -> str:
    """Set a new password (a one-time one if none is given) and end the user's sessions."""
    one_time = password is None
    password = new_password() if one_time else password
    if not one_time:
        user = get_user(conn, user_id)
        check_password_strength(password, user)
        if user["must_change_password"] and verify_password(password, user["password_hash"]):
            raise Invalid("Choose a password of your own, not the one-time password.", "error.user.password_reused")
    with transaction(conn):
        cur = conn.execute("UPDATE users SET password_hash = ?, must_change_password = ?, one_time_expires_at = ?"
                           " WHERE id = ?", (hash_password(password), int(one_time),
                                             one_time_expiry() if one_time else None, user_id))
        if cur.rowcount == 0:
            raise NotFound("No such user.", "error.user.not_found")
        conn.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))
    return password


def get_user(conn: sqlite3.Connection, user_id: int) -> dict[str, Any]:
    """One account by id."""
    row = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        raise NotFound("No such user.", "error.user.not_found")
    return dict(row)


def find_user(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
    """One account by name (case-insensitive)."""
    row = conn.execute("SELECT * FROM users WHERE name = ?", ((name or "").strip(),)).fetchone()
    if row is None:
        raise NotFound(f"There is no user called {name}.", "error.user.no_such_name", name=name)
    return dict(row)


def name_taken(conn: sqlite3.Connection, name: str) -> bool:
    """Whether an account has this user name."""
    return conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is not None


def list_users(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every account, by name."""
    return [dict(r) for r in conn.execute(
        "SELECT id, name, display_name, email, is_admin, must_change_password, created_at, disabled_at"
        " FROM users ORDER BY name").fetchall()]


def count_users(conn: sqlite3.Connection) -> int:
    """How many accounts exist."""
    return conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]


def set_disabled(conn: sqlite3.Connection, user_id: int, disabled: bool) -> None:
    """Disable an account (ending its sessions) or enable it again."""
    with transaction(conn):
        conn.execute("UPDATE users SET disabled_at = ? WHERE id = ?", (now() if disabled else None, user_id))
        if disabled:
            conn.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))


def set_language(conn: sqlite3.Connection, user_id: int, language: str) -> None:
    """Remember the user's language for the UI."""
    with transaction(conn):
        conn.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))


def set_time_zone(conn: sqlite3.Connection, user_id: int, zone: str) -> None:
    """Remember the zone the user reads times in (an IANA name such as Europe/Oslo); '' follows the site."""
    zone = (zone or "").strip()
    if zone and zone not in available_timezones():
        raise Invalid(f"{zone[:60]!r} is not a time zone; choose one such as Europe/Oslo or UTC",
                      "error.user.time_zone", zone=zone[:60])
    with transaction(conn):
        conn.execute("UPDATE users SET time_zone = ? WHERE id = ?", (zone, user_id))


def authenticate(conn: sqlite3.Connection, name: str, password: str, address: str,
                 at: dt.datetime | None = None, device: str | None = None) -> dict[str, Any]:
    """The account for a name and password, or Invalid; Forbidden (with the seconds to wait) while this
    address must pause before trying this account again (review.login_throttle). device: the device cookie
    of a browser that logged in to this account before (device_token), which others' failures do not slow."""
    name = (name or "").strip()
    row = conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    key = known_device(dict(row), device) if row is not None and device else None
    wait = login_throttle.wait_seconds(conn, name, key or address, at, known_device=key is not None)
    if wait:
        raise Forbidden(f"Too many failed logins. Wait {wait} seconds and try again.",
                        "error.user.slowed", seconds=wait)
    if row is None:
        hash_password(password)  # spend the same time as for a real account
    if row is None or not verify_password(password, row["password_hash"]) or row["disabled_at"]:
        login_throttle.record_failure(conn, name, key or address, at)
        raise Invalid("Wrong user name or password.", "error.user.wrong_login")
    if row["must_change_password"] and row["one_time_expires_at"] and row["one_time_expires_at"] < now():
        raise Invalid("This one-time password has expired; ask the site administrator for a new one.",
                      "error.user.one_time_expired")
    login_throttle.forget_failures(conn, name, key or address)
    return dict(row)


def device_token(user: dict[str, Any]) -> str:
    """A device cookie for a browser that has just logged in to this account: id.nonce.mac, the MAC keyed by the
    account's password hash (server-side only), so it stops counting when the password changes."""
    nonce = secrets.token_urlsafe(12)
    return f"{user['id']}.{nonce}.{_device_mac(user, nonce)}"


def known_device(user: dict[str, Any], token: str | None) -> str | None:
    """The throttle key of a device cookie that this account issued ("device:<nonce>"), or None."""
    parts = (token or "").split(".")
    if len(parts) != 3 or parts[0] != str(user["id"]):
        return None
    return f"device:{parts[1]}" if hmac.compare_digest(parts[2], _device_mac(user, parts[1])) else None


def _device_mac(user: dict[str, Any], nonce: str) -> str:
    return hmac.new(user["password_hash"].encode(), f"{user['id']}.{nonce}".encode(), "sha256").hexdigest()[:32]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(conn: sqlite3.Connection, user_id: int) -> str:
    """Start a server-side session; returns the token for the cookie (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(days=SESSION_DAYS)).isoformat(timespec="seconds")
    with transaction(conn):
        conn.execute("DELETE FROM sessions WHERE expires_at < ?", (now(),))
        conn.execute("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
                     " VALUES (?, ?, ?, ?, ?)",
                     (_token_hash(token), user_id, secrets.token_urlsafe(32), now(), expires.replace("+00:00", "Z")))
    return token


def session_user(conn: sqlite3.Connection, token: str | None) -> dict[str, Any] | None:
    """The signed-in user for a session token (with the session's csrf_token), or None."""
    if not token:
        return None
    row = conn.execute(
        "SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL",
        (_token_hash(token), now())).fetchone()
    return dict(row) if row else None


def end_session(conn: sqlite3.Connection, token: str | None) -> None:
    """Log out: the session is gone on the server, whatever the browser keeps."""
    if token:
        with transaction(conn):
            conn.execute("DELETE FROM sessions WHERE token_hash = ?", (_token_hash(token),))
