"""Invitations: accepting or declining one's invitations into projects, a lead's invitations by name or email,
the links sent by email that set a password (new account, forgotten password)."""
from __future__ import annotations

from typing import Any

import bottle

from review import accounts, projects
from review.store import Invalid
from screens import mail
from screens.app import SESSION_COOKIE, set_cookie
from screens.web import ctx, error_text, form, redirect_to, render


def install(app: bottle.Bottle) -> None:
    app.route("/invitations/<invitation_id:int>/accept", "POST", accept, name="invitation_accept")
    app.route("/invitations/<invitation_id:int>/decline", "POST", decline, name="invitation_decline")
    app.route("/projects/<project_id:int>/invitations/<invitation_id:int>/withdraw", "POST", withdraw,
              name="invitation_withdraw")
    app.route("/login/forgot", "GET", forgot_form, name="forgot", public=True)
    app.route("/login/forgot", "POST", forgot, name="forgot_post", public=True)
    app.route("/account/link/<token>", "GET", link_form, name="account_link", public=True)
    app.route("/account/link/<token>", "POST", use_link, name="account_link_post", public=True)


def invite_member(project_id: int) -> Any:
    """The members form: invite by exact user name or email address, or change a member's role."""
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    invitee, role = form("name").strip(), form("role")
    outcome = projects.invite(c.conn, project_id, c.user, invitee, role, form("can_resolve") == "1")
    if outcome == "invited" and mail.settings() and projects.is_email(invitee):
        _mail_invitation(project_id, invitee, role)
        redirect_to("project_members", flash="members.invited_mail", project_id=project_id)
    flash = {"member": "common.saved", "added": "members.added"}.get(outcome, "members.invited")
    redirect_to("project_members", flash=flash, project_id=project_id)


def _mail_invitation(project_id: int, email: str, role: str) -> None:
    """An existing account gets a notice (it accepts after logging in); a new address gets an account of its
    own, entered through the link, and the project invitation waits for it on its projects page."""
    c = ctx()
    title, inviter = projects.get_project(c.conn, project_id)["title"], c.user["display_name"] or c.user["name"]
    account = projects.find_account(c.conn, email)
    if account is None and not accounts.name_taken(c.conn, email):
        _, token = accounts.invite_account(c.conn, email, email, c.user["id"])
        mail.send_account_link(email, token, "invite", inviter, title)
    elif account is not None and account["password_hash"].startswith("!invited-"):  # invited, never came
        token = accounts.create_link(c.conn, account["id"], "invite", c.user["id"])
        mail.send_account_link(account["email"] or email, token, "invite", inviter, title)
    elif account is not None and account["email"]:
        mail.send_project_notice(account["email"], inviter, title, role)


def accept(invitation_id: int) -> Any:
    c = ctx()
    project_id = projects.accept(c.conn, invitation_id, c.user)
    redirect_to("project", flash="invitations.accepted", project_id=project_id)


def decline(invitation_id: int) -> Any:
    projects.decline(ctx().conn, invitation_id, ctx().user)
    redirect_to("home", flash="invitations.declined")


def withdraw(project_id: int, invitation_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    projects.withdraw(c.conn, project_id, c.user["id"], invitation_id)
    redirect_to("project_members", flash="invitations.withdrawn", project_id=project_id)


def forgot_form(notice: str = "") -> str:
    c = ctx()
    if not mail.settings():
        raise bottle.HTTPError(404)
    return render("accounts/forgot.tpl", title=c._("forgot.title"), notice=notice)


def forgot() -> str:
    """Send a reset link if there is such an account with an email address; the answer is the same either way."""
    c = ctx()
    if not mail.settings():
        raise bottle.HTTPError(404)
    found = accounts.reset_link(c.conn, form("who"))
    if found:
        account, token = found
        mail.send_account_link(account["email"], token, "reset", background=True)
    return forgot_form(c._("forgot.sent"))


def link_form(token: str, error: str = "") -> str:
    c = ctx()
    try:
        account = accounts.link_account(c.conn, token)
    except Invalid as problem:
        bottle.response.status = 410
        return render("accounts/account_link.tpl", title=c._("link.title"), error=error_text(problem), account=None, token="")
    return render("accounts/account_link.tpl", title=c._("link.title"), error=error, account=account, token=token)


def use_link(token: str) -> Any:
    c = ctx()
    if form("new") != form("repeat"):
        bottle.response.status = 400
        return link_form(token, c._("password.mismatch"))
    try:
        account = accounts.use_link(c.conn, token, form("new"))
    except Invalid as error:
        bottle.response.status = 400
        return link_form(token, error_text(error))
    accounts.end_session(c.conn, bottle.request.get_cookie(SESSION_COOKIE))
    set_cookie(SESSION_COOKIE, accounts.create_session(c.conn, account["id"]))
    redirect_to("home", flash="link.done")
