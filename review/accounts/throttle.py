"""Login backoff that slows whoever guesses passwords, not the person whose account is guessed at.

Three counts of failed logins within WINDOW, each with its own pause after its last failure, growing
2, 4, 8 ... seconds with each failure past a free number, up to a cap:

- one account from one address (the attacker's own guesses): up to 15 minutes;
- one address, any accounts (one address trying many accounts): up to 15 minutes;
- one account, any addresses (guesses from many addresses): at most ACCOUNT_CAP seconds.

So the right password from another address gets in after at most a few seconds, however many guesses
were made at the account, while the address that made them waits longer with every one. A browser that
has logged in to the account before (a device cookie, as OWASP suggests) is not slowed by others at all:
not by guesses at the account, nor by failures of others behind the same address (an office, a proxy). Behind a proxy
the address is the client's own only when the proxy is trusted (run.py --trusted-proxy); else every user
shares the proxy's address and its count. A refused attempt checks no password and is not counted."""
from __future__ import annotations

import datetime as dt
import math
import sqlite3

from review.store import transaction

WINDOW = dt.timedelta(hours=1)
PAIR_FREE, PAIR_CAP = 3, 15 * 60
ADDRESS_FREE, ADDRESS_CAP = 10, 15 * 60
ACCOUNT_FREE, ACCOUNT_CAP = 5, 5


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _moment(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def pause(failures: int, free: int, cap: float) -> float:
    """Seconds to wait after the last of this many failures: none up to `free`, then 2, 4, 8 ... up to cap."""
    return 0.0 if failures < free else float(min(cap, 2 ** min(failures - free + 1, 30)))


def wait_seconds(conn: sqlite3.Connection, name: str, address: str, at: dt.datetime | None = None,
                 known_device: bool = False) -> int:
    """How many seconds this address must wait before trying this account again (0: try now).

    A known device (a browser that logged in to this account before: `address` is then its own key) counts
    only its own failures on the account: neither others' guesses at it nor its shared address slow it."""
    at = at or dt.datetime.now(dt.UTC)
    since = _stamp(at - WINDOW)
    counts = (
        ("name = ? AND address = ?", (name, address), PAIR_FREE, PAIR_CAP),
        ("address = ?", (address,), ADDRESS_FREE, ADDRESS_CAP),
        ("name = ?", (name,), ACCOUNT_FREE, ACCOUNT_CAP),
    )[:1 if known_device else 3]
    longest = 0.0
    for where, args, free, cap in counts:
        count, last = conn.execute(f"SELECT COUNT(*), MAX(failed_at) FROM login_failures WHERE {where} AND failed_at >= ?",
                                   (*args, since)).fetchone()
        if count:
            longest = max(longest, (_moment(last) - at).total_seconds() + pause(count, free, cap))
    return max(0, math.ceil(longest))


def record_failure(conn: sqlite3.Connection, name: str, address: str, at: dt.datetime | None = None) -> None:
    """Count a failed login (and forget failures older than the window)."""
    at = at or dt.datetime.now(dt.UTC)
    with transaction(conn):
        conn.execute("DELETE FROM login_failures WHERE failed_at < ?", (_stamp(at - WINDOW),))
        conn.execute("INSERT INTO login_failures (name, address, failed_at) VALUES (?, ?, ?)", (name, address, _stamp(at)))


def forget_failures(conn: sqlite3.Connection, name: str, address: str) -> None:
    """After a successful login: this address's failures on this account no longer count (others' still do)."""
    with transaction(conn):
        conn.execute("DELETE FROM login_failures WHERE name = ? AND address = ?", (name, address))
