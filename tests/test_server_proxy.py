"""Through a real waitress server (run.py): proxy headers honoured from the trusted proxy alone, and request
bodies refused as soon as their headers are in (before login, only the login form is read)."""
import http.client
import re
import socket
import time

import pytest
from conftest import PASSWORD
from sil_process import kill, serve

from review.accounts import users
from review.store import db

HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7", "X-Forwarded-Host": "sil.example.org"}


@pytest.fixture
def server(conn, db_path, request):
    users.create_user(conn, "anne", PASSWORD)
    process, port = serve(db_path, *request.param)
    yield port
    kill(process)


def call(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.msg, response.read()
    finally:
        connection.close()


def log_in(port, password, extra):
    """GET the login form, then POST it with its token (the proxy headers on both); the POST's answer."""
    status, headers, msg, body = call(port, "GET", "/login", headers=extra)
    token = re.search(rb'name="csrf_token" value="([^"]+)"', body).group(1).decode()
    pre = re.search(r"sil_pre=([^;]+)", headers["Set-Cookie"]).group(1)
    form = f"csrf_token={token}&name=anne&password={password}&next=/"
    return call(port, "POST", "/login", form, {**extra, "Cookie": f"sil_pre={pre}",
                                                "Content-Type": "application/x-www-form-urlencoded"})


def failure_addresses(db_path):
    conn = db.connect(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT address FROM login_failures")]
    finally:
        conn.close()


@pytest.mark.parametrize("server", [("--trusted-proxy", "127.0.0.1")], indirect=True)
def test_behind_the_trusted_proxy_cookies_are_secure_and_the_client_address_is_the_real_one(server, db_path):
    status, _, msg, _ = log_in(server, PASSWORD, HEADERS)
    assert status == 303
    session = [v for v in msg.get_all("Set-Cookie") if v.startswith("sil_session=")][0]
    assert "Secure" in session
    assert msg["Location"].startswith("https://sil.example.org/")
    log_in(server, "wrong-password", HEADERS)
    assert failure_addresses(db_path) == ["203.0.113.7"]


@pytest.mark.parametrize("server", [(), ("--trusted-proxy", "10.9.9.9")], indirect=True)
def test_proxy_headers_from_anyone_else_are_ignored(server, db_path):
    status, _, msg, _ = log_in(server, PASSWORD, HEADERS)
    assert status == 303
    session = [v for v in msg.get_all("Set-Cookie") if v.startswith("sil_session=")][0]
    assert "Secure" not in session
    assert "sil.example.org" not in msg["Location"]
    log_in(server, "wrong-password", HEADERS)
    assert failure_addresses(db_path) == ["127.0.0.1"]


def test_the_trusted_proxy_comes_from_the_environment_too(conn, db_path, monkeypatch):
    users.create_user(conn, "anne", PASSWORD)
    monkeypatch.setenv("SIL_TRUSTED_PROXY", "127.0.0.1")
    process, port = serve(db_path)
    try:
        status, _, msg, _ = log_in(port, PASSWORD, HEADERS)
        assert "Secure" in [v for v in msg.get_all("Set-Cookie") if v.startswith("sil_session=")][0]
    finally:
        kill(process)


def refused_before_the_body(port, path, length, cookie=""):
    """Send only the headers of a POST with a body of `length` bytes; Sil's answer (status, text) without waiting
    for the body, or None when Sil waits for it."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + (f"Content-Length: {length}\r\n" if length is not None else "Transfer-Encoding: chunked\r\n")
                + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n")
        sock.sendall(head.encode() + b"x" * 1024)
        started = time.monotonic()
        answer = b""
        try:
            while chunk := sock.recv(65536):  # Sil closes the connection after its refusal
                answer += chunk
        except TimeoutError:
            if not answer:
                return None
        assert time.monotonic() - started < 5
        return answer.decode("latin-1")


@pytest.mark.parametrize("server", [()], indirect=True)
def test_an_anonymous_300_mb_post_to_login_is_refused_before_its_body_is_read(server):
    answer = refused_before_the_body(server, "/login", 300 * 1024 * 1024)
    assert answer is not None, "Sil waited for the 300 MB body"
    assert answer.startswith("HTTP/1.1 413")
    answer = refused_before_the_body(server, "/projects/1/searches", 5 * 1024 * 1024)  # any page, above 1 MB
    assert answer is not None and answer.startswith("HTTP/1.1 413") and "Log in first" in answer
    answer = refused_before_the_body(server, "/login", None)  # chunked: a body of unknown size
    assert answer is not None and answer.startswith("HTTP/1.1 413")


@pytest.mark.parametrize("server", [()], indirect=True)
def test_a_signed_in_upload_above_the_limit_is_refused_before_its_body_is_read(server, db_path):
    conn = db.connect(db_path)
    token = users.create_session(conn, users.find_user(conn, "anne")["id"])
    conn.close()
    answer = refused_before_the_body(server, "/projects/1/searches", 300 * 1024 * 1024, f"sil_session={token}")
    assert answer is not None, "Sil waited for the 300 MB body"
    assert answer.startswith("HTTP/1.1 413") and "256 MB" in answer
    # a signed-in person's upload under the limit is read: Sil waits for its body
    assert refused_before_the_body(server, "/projects/1/searches", 5 * 1024 * 1024, f"sil_session={token}") is None
    # a forged session cookie is no session
    answer = refused_before_the_body(server, "/projects/1/searches", 5 * 1024 * 1024, "sil_session=forged")
    assert answer is not None and answer.startswith("HTTP/1.1 413")
