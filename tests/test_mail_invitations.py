"""Invitations and "forgot password" by email, against a real SMTP server (aiosmtpd) on 127.0.0.1: the link
sets the password, works once and expires; without SMTP the one-time password flow stays."""
import email
import email.policy
import re
import time

import pytest
from conftest import PASSWORD, csrf_of, login
from sil_process import free_port
from webtest import TestApp

from review.accounts import access, users
from review.accounts import links as account_links
from review.accounts.mail import MailFailed, send_mail
from review.projects import invitations
from review.projects import project as projects
from review.store.errors import Invalid
from screens.app import make_app

aiosmtpd = pytest.importorskip("aiosmtpd.controller")
BASE = "https://sil.example.org"


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def wait_for(self, count, timeout=10):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)  # and no more arrive
        assert len(self.messages) == count

    def link(self, to):
        [message] = [m for m in self.messages if m["To"] == to]
        return re.search(re.escape(BASE) + r"(/account/link/[A-Za-z0-9_-]+)", message.get_content()).group(1)


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, {"host": "127.0.0.1", "port": controller.port, "sender": "sil@example.org", "tls": "none"}
    controller.stop()


@pytest.fixture
def mail_app(conn, db_path, tmp_path, smtp):
    return TestApp(make_app({"db": db_path, "files": tmp_path / "files", "sil.mail": smtp[1], "sil.base_url": BASE}))


def set_password_through(app, path, password):
    form = app.get(path).forms["link-form"]
    form["new"], form["repeat"] = password, password
    return form.submit(expect_errors=True)


def test_the_admin_invites_by_email_and_the_link_sets_the_password_once(mail_app, conn, make_user, smtp):
    inbox, _ = smtp
    make_user("root", admin=True)
    login(mail_app, "root")
    form = mail_app.get("/admin/users").forms["user-form"]
    form["name"], form["display_name"], form["email"] = "kari", "Kari Nordmann", "kari@example.org"
    page = form.submit()
    assert "kari@example.org" in page.text and "One-time password" not in page.text
    path = inbox.link("kari@example.org")
    mail_app.reset()
    assert login(mail_app, "kari", "anything-at-all-here").status_int == 400  # no password works before the link
    assert set_password_through(mail_app, path, "aaaaaaaaaaaa").status_int == 400  # the password rules apply
    done = set_password_through(mail_app, path, PASSWORD)
    assert done.status_int == 303 and "sil_session" in mail_app.cookies  # logged in
    mail_app.reset()
    again = mail_app.get(path, expect_errors=True)
    assert again.status_int == 410 and "expired or has been used" in again.text
    assert users.authenticate(conn, "kari", PASSWORD, "10.0.0.1")["name"] == "kari"


def test_an_invitation_link_expires(mail_app, conn, smtp):
    inbox, _ = smtp
    _, token = account_links.invite_account(conn, "kari", "kari@example.org", None)
    conn.execute("UPDATE account_links SET expires_at = '2000-01-01T00:00:00Z'")
    assert mail_app.get(f"/account/link/{token}", expect_errors=True).status_int == 410


def test_invitation_links_live_72_hours_and_reset_links_2(conn):
    _, token = account_links.invite_account(conn, "kari", "kari@example.org", None)
    user = users.find_user(conn, "kari")
    account_links.create_link(conn, user["id"], "reset")
    hours = dict(conn.execute("SELECT purpose, ROUND((julianday(expires_at) - julianday(created_at)) * 24)"
                              " FROM account_links").fetchall())
    assert hours == {"invite": 72, "reset": 2}


def test_forgot_password_sends_a_link_and_says_the_same_for_unknown_names(mail_app, conn, smtp):
    inbox, _ = smtp
    users.create_user(conn, "kari", PASSWORD, email="kari@example.org")
    old_session = users.create_session(conn, users.find_user(conn, "kari")["id"])
    answers = []
    for who in ("kari", "nobody-here", "KARI@example.org"):
        form = mail_app.get("/login/forgot").forms["forgot-form"]
        form["who"] = who
        answers.append(form.submit().html.find(class_="flash").get_text(strip=True))
    assert answers[0] == answers[1] == answers[2]
    inbox.wait_for(2)  # sent after the answer, so that its timing does not tell which names exist
    assert [m["To"] for m in inbox.messages] == ["kari@example.org", "kari@example.org"]
    paths = [re.search(r"/account/link/[A-Za-z0-9_-]+", m.get_content()).group(0) for m in inbox.messages]
    usable = [p for p in paths if mail_app.get(p, expect_errors=True).status_int == 200]
    assert len(usable) == 1  # the second link replaced the first
    assert set_password_through(mail_app, usable[0], "a-new-long-passphrase").status_int == 303
    assert users.session_user(conn, old_session) is None  # the reset ended the old sessions
    assert users.authenticate(conn, "kari", "a-new-long-passphrase", "10.0.0.1")
    with pytest.raises(Invalid):
        users.authenticate(conn, "kari", PASSWORD, "10.0.0.2")


def test_a_lead_invites_a_new_address_by_email(mail_app, conn, make_user, smtp):
    inbox, _ = smtp
    lead = make_user("lead")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    login(mail_app, "lead")
    form = mail_app.get(f"/projects/{project_id}/members").forms["member-form"]
    form["name"], form["role"] = "ola@example.org", "reviewer"
    assert "sent by email" in form.submit().follow().text
    assert "Breaks at work" in inbox.messages[0]["Subject"]
    mail_app.reset()
    set_password_through(mail_app, inbox.link("ola@example.org"), PASSWORD)
    home = mail_app.get("/")
    assert "Breaks at work" in home.text
    [invitation] = invitations.my_invitations(conn, users.find_user(conn, "ola@example.org"))
    mail_app.post(f"/invitations/{invitation['id']}/accept", {"csrf_token": csrf_of(mail_app)}, status=303)
    ola = users.find_user(conn, "ola@example.org")["id"]
    assert access.find_member(conn, project_id, ola)["role"] == "reviewer"


def test_a_lead_inviting_an_existing_account_by_email_sends_a_notice_and_says_the_same(mail_app, conn, make_user, smtp):
    inbox, _ = smtp
    lead = make_user("lead")
    users.create_user(conn, "kari", PASSWORD, email="kari@example.org")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    login(mail_app, "lead")
    texts = []
    for address in ("kari@example.org", "someone-new@example.org"):
        form = mail_app.get(f"/projects/{project_id}/members").forms["member-form"]
        form["name"], form["role"] = address, "reviewer"
        texts.append(form.submit().follow().html.find(class_="flash").get_text(strip=True))
    assert texts[0] == texts[1]
    notice = [m for m in inbox.messages if m["To"] == "kari@example.org"][0].get_content()
    assert "Log in" in notice and "/account/link/" not in notice  # no account link for an existing account


def test_without_smtp_there_is_no_forgot_page_and_accounts_get_one_time_passwords(app, make_user):
    make_user("root", admin=True)
    assert "Forgot" not in app.get("/login").text
    app.get("/login/forgot", status=404)
    login(app, "root")
    form = app.get("/admin/users").forms["user-form"]
    form["name"], form["email"] = "kari", "kari@example.org"
    assert "One-time password" in form.submit().text


def test_starttls_is_asked_for_by_default_and_a_server_without_it_is_an_error(smtp):
    _, settings = smtp
    with pytest.raises(MailFailed, match="could not be sent"):
        send_mail({**settings, "tls": "starttls"}, "kari@example.org", "Hello", "Body")


def test_run_py_refuses_smtp_without_a_base_url(db_path, capsys):
    import run

    assert run.main(["--db", str(db_path), "--smtp-host", "127.0.0.1", "--port", str(free_port())]) == 1
    assert "--base-url" in capsys.readouterr().err
