"""The site administrator's page of accounts."""
from __future__ import annotations

from typing import Any

import bottle

from review import users
from review.errors import Forbidden
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
    return render("users.tpl", title=c._("users.title"), users=users.list_users(c.conn), notice=notice)


def add_user() -> Any:
    require_admin()
    c = ctx()
    name = form("name").strip()
    _, password = users.create_user(c.conn, name, is_admin=form("is_admin") == "1", display_name=form("display_name"))
    return user_list(c._("users.created", name=name, password=password))


def reset_password(user_id: int) -> Any:
    require_admin()
    c = ctx()
    password = users.set_password(c.conn, user_id)
    return user_list(c._("users.reset_done", name=users.get_user(c.conn, user_id)["name"], password=password))


def toggle_disabled(user_id: int) -> Any:
    require_admin()
    c = ctx()
    if user_id == c.user["id"]:
        raise Forbidden("You cannot disable your own account.", "error.admin.own_account")
    target = users.get_user(c.conn, user_id)
    users.set_disabled(c.conn, user_id, not target["disabled_at"])
    redirect_to("admin_users", flash="common.saved")
