"""Logging in and out, changing one's password, choosing the language."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import request

from review import accounts
from review.store import Forbidden, Invalid
from screens.app import LANGUAGE_COOKIE, SESSION_COOKIE, set_cookie
from screens.i18n import LANGUAGES
from screens.safe_paths import same_site_path
from screens.web import ctx, error_text, form, query, redirect_to, render

DEVICE_COOKIE = "sil_device"  # this browser logged in to an account before: others' failures do not slow it
DEVICE_DAYS = 180


def install(app: bottle.Bottle) -> None:
    app.route("/login", "GET", login_form, name="login", public=True)
    app.route("/login", "POST", login, name="login_post", public=True)
    app.route("/logout", "POST", logout, name="logout")
    app.route("/account/password", "GET", password_form, name="password")
    app.route("/account/password", "POST", change_password, name="password_post")
    app.route("/account/time-zone", "POST", change_time_zone, name="time_zone_post")
    app.route("/language", "POST", choose_language, name="language", public=True)


def safe_next(target: str) -> str:
    """Only paths of this site are followed after login (no open redirect)."""
    return same_site_path(target)


def client_address() -> str:
    """The browser's address: REMOTE_ADDR, which waitress sets from X-Forwarded-For only when the request came
    from the trusted proxy (run.py --trusted-proxy). Not Bottle's remote_addr: that believes anyone's header."""
    return request.environ.get("REMOTE_ADDR") or ""


def login_form(error: str = "", name: str = "") -> Any:
    if ctx().user and not error:
        bottle.redirect("/", 303)
    return render("accounts/login.tpl", title=ctx()._("login.title"), error=error, name=name, next=safe_next(query("next", "/")),
                  forgot=bool(ctx().app.config.get("sil.mail")))


def login() -> Any:
    c = ctx()
    name = form("name").strip()
    try:
        user = accounts.authenticate(c.conn, name, form("password"), client_address(), device=request.get_cookie(DEVICE_COOKIE))
    except Forbidden as error:
        bottle.response.status = 429
        bottle.response.set_header("Retry-After", str(error.values.get("seconds", 60)))
        return login_form(error_text(error), name)
    except Invalid as error:
        bottle.response.status = 400
        return login_form(error_text(error), name)
    accounts.end_session(c.conn, request.get_cookie(SESSION_COOKIE))
    set_cookie(SESSION_COOKIE, accounts.create_session(c.conn, user["id"]))
    set_cookie(DEVICE_COOKIE, accounts.device_token(user), max_age=DEVICE_DAYS * 24 * 3600)
    bottle.redirect(safe_next(form("next", "/")), 303)


def logout() -> Any:
    accounts.end_session(ctx().conn, request.get_cookie(SESSION_COOKIE))
    bottle.response.delete_cookie(SESSION_COOKIE, path="/")
    redirect_to("login")


def password_form(error: str = "") -> Any:
    return render("accounts/password.tpl", title=ctx()._("password.title"), error=error, zones=TIME_ZONES,
                  zone=(ctx().user or {}).get("time_zone", ""))


def change_password() -> Any:
    c = ctx()
    new, repeat = form("new"), form("repeat")
    if not accounts.verify_password(form("current"), accounts.get_user(c.conn, c.user["id"])["password_hash"]):
        bottle.response.status = 400
        return password_form(c._("password.wrong"))
    if new != repeat:
        bottle.response.status = 400
        return password_form(c._("password.mismatch"))
    try:
        accounts.set_password(c.conn, c.user["id"], new)  # refuses short, common and one-time passwords
    except Invalid as error:
        bottle.response.status = 400
        return password_form(error_text(error))
    set_cookie(SESSION_COOKIE, accounts.create_session(c.conn, c.user["id"]))
    redirect_to("home", flash="password.changed")


def choose_language() -> Any:
    c = ctx()
    language = form("language")
    if language in LANGUAGES:
        set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 24 * 3600)
        if c.user:
            accounts.set_language(c.conn, c.user["id"], language)
    bottle.redirect(safe_next(form("next", "/")), 303)


# The zones offered on the account page; any other IANA name is accepted too (a form can send one).
TIME_ZONES = ("Europe/Oslo", "UTC", "Europe/London", "Europe/Stockholm", "Europe/Copenhagen", "Europe/Helsinki",
              "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney")


def change_time_zone() -> Any:
    c = ctx()
    try:
        accounts.set_time_zone(c.conn, c.user["id"], form("time_zone"))
    except Invalid as error:
        bottle.response.status = 400
        return password_form(error_text(error))
    redirect_to("password", flash="account.time_zone_saved")
