"""The site administrator's page of accounts."""
from __future__ import annotations

from typing import Any

import bottle

from review import accounts
from review.store import Forbidden
from screens import mail
from screens.web import ctx, form, redirect_to, render


def install(app: bottle.Bottle) -> None:
    app.route("/admin/users", "GET", user_list, name="admin_users")
    app.route("/admin/users", "POST", add_user, name="admin_users_post")
    app.route("/admin/users/<user_id:int>/password", "POST", reset_password, name="admin_user_password")
    app.route("/admin/users/<user_id:int>/disable", "POST", toggle_disabled, name="admin_user_disable")


def require_admin() -> None:
    if not ctx().user["is_admin"]:
        raise Forbidden("Only a site administrator manages accounts.", "error.admin.only")


def user_list(notice: str = "") -> str:
    require_admin()
    c = ctx()
    return render("accounts/users.tpl", title=c._("users.title"), users=accounts.list_users(c.conn), notice=notice)


def add_user() -> Any:
    """With an email address and SMTP configured: an invitation link by email. Else a one-time password."""
    require_admin()
    c = ctx()
    name, email = form("name").strip(), accounts.validate_email(form("email"))
    admin, display = form("is_admin") == "1", form("display_name")
    if email and mail.settings():
        _, token = accounts.invite_account(c.conn, name, email, c.user["id"], is_admin=admin, display_name=display)
        mail.send_account_link(email, token, "invite", c.user["display_name"] or c.user["name"])
        return user_list(c._("users.invited", name=name, email=email))
    _, password = accounts.create_user(c.conn, name, is_admin=admin, display_name=display, email=email)
    return user_list(c._("users.created", name=name, password=password))


def reset_password(user_id: int) -> Any:
    require_admin()
    c = ctx()
    target = accounts.get_user(c.conn, user_id)
    if target["email"] and mail.settings():
        mail.send_account_link(target["email"], accounts.create_link(c.conn, user_id, "reset", c.user["id"]), "reset")
        return user_list(c._("users.reset_sent", email=target["email"]))
    password = accounts.set_password(c.conn, user_id)
    return user_list(c._("users.reset_done", name=target["name"], password=password))


def toggle_disabled(user_id: int) -> Any:
    require_admin()
    c = ctx()
    if user_id == c.user["id"]:
        raise Forbidden("You cannot disable your own account.", "error.admin.own_account")
    target = accounts.get_user(c.conn, user_id)
    accounts.set_disabled(c.conn, user_id, not target["disabled_at"])
    redirect_to("admin_users", flash="common.saved")
