"""Sil served by waitress: the trusted proxy, and request bodies refused before they are read.

waitress reads a whole request body (to memory or a temporary file) before the app sees the request, so a
limit the app applies comes after the bytes were received. Here waitress itself refuses, as soon as a
request's headers are in: any body above the upload limit (max_request_body_size), and, from anyone not
signed in, any body larger than the login form needs (ANONYMOUS_BODY) or a chunked one of unknown size."""
from __future__ import annotations

import http.cookies
from typing import Any

import waitress
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.utilities import RequestEntityTooLarge

from review import store
from review.accounts import session_user
from screens.app import ANONYMOUS_BODY, MAX_UPLOAD, SESSION_COOKIE

MULTIPART_SLACK = 64 * 1024  # the form's boundaries and other fields around an upload of the full limit
PROXY_HEADERS = "x-forwarded-proto x-forwarded-for x-forwarded-host x-forwarded-port"


class SessionGate:
    """Whether the Cookie header of a request carries a live session (asked only for large bodies)."""

    def __init__(self, db_path: str):
        self.db_path = db_path

    def signed_in(self, cookie_header: str) -> bool:
        try:
            cookies = http.cookies.SimpleCookie(cookie_header or "")
        except http.cookies.CookieError:
            return False
        morsel = cookies.get(SESSION_COOKIE)
        if morsel is None or not morsel.value:
            return False
        conn = store.connect(self.db_path)
        try:
            return session_user(conn, morsel.value) is not None
        finally:
            conn.close()


class GatedParser(HTTPRequestParser):
    """waitress's request parser, refusing a body it should not read as soon as the headers are in."""

    gate: SessionGate
    max_upload: int

    def received(self, data: bytes) -> int:
        consumed = super().received(data)
        if self.headers_finished and not getattr(self, "sil_checked", False):
            self.sil_checked = True
            self._refuse_early()
        return consumed

    def _refuse_early(self) -> None:
        if isinstance(self.error, RequestEntityTooLarge):
            self.error = RequestEntityTooLarge(
                f"The upload is larger than Sil accepts ({self.max_upload // 1024**2} MB). Nothing was saved; "
                "split the file and upload the parts.")
            return
        if self.error is not None or self.completed:
            return
        large = self.chunked or self.content_length > ANONYMOUS_BODY
        if large and not self.gate.signed_in(self.headers.get("COOKIE", "")):
            self.error = RequestEntityTooLarge(
                f"Log in first: before login Sil reads at most {ANONYMOUS_BODY // 1024} kB of a request.")
            self.completed = True


def create_server(app: Any, db_path: str, host: str, port: int, trusted_proxy: str | None = None,
                  max_upload: int | None = None, threads: int = 8) -> Any:
    """A waitress server for the app: proxy headers honoured from trusted_proxy alone, early body limits."""

    max_upload = max_upload or MAX_UPLOAD
    options: dict[str, Any] = {"host": host, "port": port, "threads": threads, "ident": "Sil",
                               "max_request_body_size": max_upload + MULTIPART_SLACK,
                               "clear_untrusted_proxy_headers": True}
    if trusted_proxy:
        options.update(trusted_proxy=trusted_proxy, trusted_proxy_count=1, trusted_proxy_headers=PROXY_HEADERS)
    server = waitress.create_server(app, **options)
    parser = type("SilRequestParser", (GatedParser,), {"gate": SessionGate(db_path), "max_upload": max_upload})
    channel = type("SilChannel", (HTTPChannel,), {"parser_class": parser})
    listeners = [server] if hasattr(server, "channel_class") else [
        s for s in getattr(server, "map", {}).values() if hasattr(s, "channel_class")]
    for listener in listeners:
        listener.channel_class = channel
    return server
