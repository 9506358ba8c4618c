"""The Bottle app factory: connection per thread, login, CSRF, language, typed errors mapped in one place."""
from __future__ import annotations

import hmac
import importlib
import logging
import pkgutil
import secrets
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import bottle
from bottle import request, response

import screens
from review import store
from review.accounts import session_user
from review.store import Invalid, SilError
from screens.i18n import LANGUAGES, pick_language, translate
from screens.web import Context, ctx, error_text, render

log = logging.getLogger("sil")
STATIC = str(Path(__file__).with_name("static"))
SESSION_COOKIE = "sil_session"
PRE_SESSION_COOKIE = "sil_pre"
LANGUAGE_COOKIE = "sil_lang"
NOT_SCREENS = {"app", "web", "i18n"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; "
                               "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
}
bottle.BaseRequest.MEMFILE_MAX = 1024 * 1024
MAX_UPLOAD = 256 * 1024 * 1024  # a request body above this is refused before it is read (config: sil.max_upload)
ANONYMOUS_BODY = 1024 * 1024  # before login only the login form is read: a few hundred bytes (screens/serving.py)


def make_app(config: dict[str, Any] | None = None) -> bottle.Bottle:
    """Build the app for a database file; config: db (path), files (folder for PDFs), secure_cookies."""
    config = dict(config or {})
    db_path = str(config.get("db", "sil.sqlite3"))
    store.open_database(db_path).close()
    app = SilBottle()
    # An id in a path has at most 18 digits (SQLite's integers end at 9.2e18): a longer one is a 404, never a 500.
    app.router.add_filter("int", lambda conf: (r"-?\d{1,18}", int, lambda x: str(int(x))))
    app.config.update({"sil.db": db_path, "sil.files": str(config.get("files", Path(db_path).parent / "files")),
                       "sil.secure_cookies": config.get("secure_cookies", "auto"), "sil.tabs": []})
    app.config.update({k: v for k, v in config.items() if k.startswith("sil.")})
    plugin = SilPlugin(db_path)
    app.config["sil.plugin"] = plugin
    app.install(plugin)
    app.route("/static/<path:path>", "GET", serve_static, name="static", public=True)
    for code in (400, 403, 404, 405, 413, 500):
        app.error(code)(error_page)
    for module in screen_modules():
        module.install(app)
    return app


class SilBottle(bottle.Bottle):
    """A Bottle app whose every response carries the security headers: pages, static files, redirects, errors
    and downloads alike (a redirect or a static file is a response object of its own, which a header set on
    Bottle's `response` never reaches). A response that sets one of them itself (a PDF's CSP) keeps its own."""

    def wsgi(self, environ: dict, start_response: Callable) -> Any:
        def start(status: str, headers: list, exc_info: Any = None) -> Any:
            present = {name.lower() for name, _ in headers}
            headers = list(headers) + [(k, v) for k, v in SECURITY_HEADERS.items() if k.lower() not in present]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        return super().wsgi(environ, start)


def screen_modules() -> list[Any]:
    """Every module in screens/ that has an install(app) function, by name."""
    found = []
    for info in sorted(pkgutil.iter_modules(screens.__path__), key=lambda i: i.name):
        if info.name in NOT_SCREENS:
            continue
        module = importlib.import_module(f"screens.{info.name}")
        if hasattr(module, "install"):
            found.append(module)
    return found


class SilPlugin:
    """Hands each route its context, and enforces login and CSRF before the route runs."""

    name = "sil"
    api = 2

    def __init__(self, db_path: str):
        self.db_path = db_path
        self.local = threading.local()

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = store.connect(self.db_path)
        return conn

    def apply(self, callback: Callable, route: bottle.Route) -> Callable:
        public = route.config.get("public", False)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            context = self.begin(route.app)
            try:
                self.check_access(context, public)
                return callback(*args, **kwargs)
            except SilError as error:
                return show_error(error.status, error)
            except OverflowError:  # a number in a form or the query too large for SQLite, wherever it was read
                return show_error(400, Invalid("A number in the request is too large; no such item exists.",
                                               "error.number_too_large_somewhere"))
            except sqlite3.OperationalError as error:
                if is_storage_failure(error):
                    log.error("storage failure: %s", error)
                    return show_error(503, None)
                raise
            finally:
                store.end_request(context.conn)
                add_security_headers()

        return wrapper

    def begin(self, app: bottle.Bottle) -> Context:
        conn = self.connection()
        user = session_user(conn, request.get_cookie(SESSION_COOKIE))
        csrf = user["csrf_token"] if user else pre_session_token()
        context = Context(conn=conn, user=user, language=request_language(user), csrf=csrf, app=app)
        request.environ["sil.ctx"] = context
        return context

    def check_access(self, context: Context, public: bool) -> None:
        limit = context.app.config.get("sil.max_upload", MAX_UPLOAD)
        if (request.content_length or 0) > limit:
            raise bottle.HTTPError(413, translate(context.language, "error.too_large", mb=max(1, limit // 1_000_000)))
        if context.user is None and not public:  # refused before the body is read (the CSRF check reads it)
            if request.method == "GET":
                bottle.redirect(context.app.get_url("login") + "?" + urlencode({"next": request.fullpath}), 303)
            raise bottle.HTTPError(403, translate(context.language, "login.title"))
        if context.user is None and (request.content_length or 0) > ANONYMOUS_BODY:
            raise bottle.HTTPError(413, translate(context.language, "error.anonymous_too_large",
                                                  kb=ANONYMOUS_BODY // 1024))
        if request.method == "POST" and not csrf_ok(context):
            raise bottle.HTTPError(403, translate(context.language, "error.csrf"))
        if public:
            return
        if context.user["must_change_password"] and request.route.name not in ("password", "password_post", "logout", "language"):
            bottle.redirect(context.app.get_url("password"), 303)


def csrf_ok(context: Context) -> bool:
    """Whether a POST carries the token of this session (or of this browser before login)."""
    sent = request.forms.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    return bool(sent) and hmac.compare_digest(sent, context.csrf)


def pre_session_token() -> str:
    """A double-submit token for forms shown before login (the login form itself)."""
    token = request.get_cookie(PRE_SESSION_COOKIE)
    if not token or len(token) < 20:
        token = secrets.token_urlsafe(24)
        set_cookie(PRE_SESSION_COOKIE, token)
    return token


def set_cookie(name: str, value: str, max_age: int | None = None) -> None:
    """A cookie that scripts cannot read and other sites do not get; Secure over HTTPS."""
    options: dict[str, Any] = {"path": "/", "httponly": True, "samesite": "lax"}
    if max_age is not None:
        options["max_age"] = max_age
    if is_https():
        options["secure"] = True
    response.set_cookie(name, value, **options)


def is_https() -> bool:
    """Whether the browser talks to Sil over HTTPS (directly or through a proxy that says so)."""
    setting = request.app.config.get("sil.secure_cookies", "auto")
    if setting in (True, "always"):
        return True
    forwarded = request.get_header("X-Forwarded-Proto", "")
    return request.urlparts.scheme == "https" or forwarded.lower() == "https"


def request_language(user: dict[str, Any] | None) -> str:
    """The UI language: the user's choice, then the cookie, then the browser's."""
    for choice in ((user or {}).get("language"), request.get_cookie(LANGUAGE_COOKIE)):
        if choice in LANGUAGES:
            return choice
    return pick_language(request.get_header("Accept-Language"))


STORAGE_FAILURES = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN}


def is_storage_failure(error: sqlite3.OperationalError) -> bool:
    """A full disk, a read-only database, an I/O error: the user gets a clear page, not a traceback.

    Judged by SQLite's result code (its primary part: the low byte), not by the words of its message."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in STORAGE_FAILURES


def add_security_headers() -> None:
    for header, value in SECURITY_HEADERS.items():
        response.set_header(header, value)


def show_error(status: int, error: SilError | None) -> str:
    """The error page for a typed error (or a storage failure), translated where the error has a key."""
    response.status = status
    c = ctx()
    message = c._(f"error.{status}.text") if error is None else error_text(error)
    if request.get_header("Accept", "").startswith("application/json"):
        response.content_type = "application/json; charset=utf-8"
        import json

        return json.dumps({"error": message, "status": status})
    return render("error.tpl", status=status, message=message, title=c._(f"error.{status}"))


def error_page(error: bottle.HTTPError) -> str:
    """Bottle's own errors (404, 405, 403 from CSRF, 500) in Sil's layout."""
    add_security_headers()
    context = request.environ.get("sil.ctx")
    status = error.status_code
    if status >= 500:
        log.error("unexpected error on %s %s: %s\n%s", request.method, request.path, error.exception, error.traceback)
    if context is None:
        try:
            context = request.app.config["sil.plugin"].begin(request.app)
        except Exception:  # the database itself may be what failed
            context = None
    if context is None:
        language = pick_language(request.get_header("Accept-Language"))
        return (f"<!doctype html><html lang=\"{language}\"><title>Sil</title>"
                f"<h1>{bottle.html_escape(translate(language, f'error.{status}'))}</h1></html>")
    if status == 404:
        message = context._("error.notfound.text")
    elif status >= 500:
        message = context._("error.500.text")
    else:
        message = error.body if isinstance(error.body, str) else ""
    return render("error.tpl", status=status, message=message, title=context._(f"error.{status}"))


def serve_static(path: str) -> Any:
    result = bottle.static_file(path, root=STATIC)
    result.set_header("Cache-Control", "public, max-age=3600")
    return result
