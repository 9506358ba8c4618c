"""Links sent by email that set an account's password: an invitation to a new account, or "forgot password".

A link works once, until it expires (72 hours for an invitation, 2 hours for a reset); only its hash is
stored. Following it sets a password of the person's own choosing (the password rules apply); a reset ends
the account's sessions. At most RESETS_PER_HOUR reset links are made for one account in an hour, so the
form cannot be used to flood someone's mailbox."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import sqlite3
from typing import Any

from review.accounts import users
from review.store import Invalid, now, transaction

HOURS = {"invite": 72, "reset": 2}
RESETS_PER_HOUR = 3


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _later(hours: float) -> str:
    moment = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def create_link(conn: sqlite3.Connection, user_id: int, purpose: str, created_by: int | None = None) -> str:
    """A new link token for the account (the earlier links of the same purpose stop working)."""
    token = secrets.token_urlsafe(32)
    with transaction(conn):
        conn.execute("UPDATE account_links SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
                     (now(), user_id, purpose))
        conn.execute("INSERT INTO account_links (token_hash, user_id, purpose, created_by, created_at, expires_at)"
                     " VALUES (?, ?, ?, ?, ?, ?)", (_hash(token), user_id, purpose, created_by, now(),
                                                    _later(HOURS[purpose])))
    return token


def link_account(conn: sqlite3.Connection, token: str) -> dict[str, Any]:
    """The account a usable link is for (with the link's purpose); Invalid when used, expired or unknown."""
    row = conn.execute("SELECT l.purpose, u.* FROM account_links l JOIN users u ON u.id = l.user_id"
                       " WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ? AND u.disabled_at IS NULL",
                       (_hash(token or ""), now())).fetchone()
    if row is None:
        raise Invalid("This link has expired or has been used. Ask for a new one.", "error.link.unusable")
    return dict(row)


def use_link(conn: sqlite3.Connection, token: str, password: str) -> dict[str, Any]:
    """Set the account's password through the link (once); returns the account."""
    with transaction(conn):
        account = link_account(conn, token)
        users.check_password_strength(password, account)
        conn.execute("UPDATE account_links SET used_at = ? WHERE token_hash = ?", (now(), _hash(token)))
        conn.execute("UPDATE users SET must_change_password = 0, one_time_expires_at = NULL WHERE id = ?",
                     (account["id"],))
        users.set_password(conn, account["id"], password)
    return users.get_user(conn, account["id"])


def invite_account(conn: sqlite3.Connection, name: str, email: str, created_by: int | None, is_admin: bool = False,
                   display_name: str = "") -> tuple[int, str]:
    """A new account that can only be entered through the invitation link sent to email; (id, token)."""
    with transaction(conn):
        user_id, _ = users.create_user(conn, name, is_admin=is_admin, display_name=display_name, email=email)
        conn.execute("UPDATE users SET password_hash = ?, must_change_password = 0, one_time_expires_at = NULL"
                     " WHERE id = ?", ("!invited-" + secrets.token_hex(8), user_id))  # no password works yet
        token = create_link(conn, user_id, "invite", created_by)
    return user_id, token


def reset_link(conn: sqlite3.Connection, name_or_email: str) -> tuple[dict[str, Any], str] | None:
    """A reset link for the enabled account with this user name or email address, if it has an email address
    and has not had RESETS_PER_HOUR links in the last hour; else None (the caller says the same either way)."""
    text = (name_or_email or "").strip()
    row = conn.execute("SELECT * FROM users WHERE (name = ? OR email = ? COLLATE NOCASE) AND email IS NOT NULL"
                       " AND disabled_at IS NULL", (text, text)).fetchone()
    if row is None or not text:
        return None
    recent = conn.execute("SELECT COUNT(*) FROM account_links WHERE user_id = ? AND purpose = 'reset'"
                          " AND created_at > ?", (row["id"], _later(-1))).fetchone()[0]
    if recent >= RESETS_PER_HOUR:
        return None
    return dict(row), create_link(conn, row["id"], "reset")
