"""The site administrator edits the portal's accessibility statement (contact, organisation, checks)."""
from __future__ import annotations

from typing import Any

import bottle

from exports.portal_meta import STATEMENT_FIELDS, axe_results
from review import publishing
from review.store import Invalid
from screens.admin import require_admin
from screens.web import ctx, error_text, form, redirect_to, render


def install(app: bottle.Bottle) -> None:
    app.route("/admin/accessibility", "GET", page, name="admin_statement")
    app.route("/admin/accessibility", "POST", save, name="admin_statement_post")


def page(error: str = "", values: dict[str, str] | None = None) -> str:
    require_admin()
    c = ctx()
    saved = values if values is not None else publishing.saved_fields(c.conn)
    return render("publishing/portal_statement_form.tpl", title=c._("publishing.statement_admin"), error=error,
                  values={f: saved.get(f, "") for f in STATEMENT_FIELDS}, fields=STATEMENT_FIELDS,
                  axe=axe_results())


def save() -> Any:
    require_admin()
    c = ctx()
    values = {field: form(field) for field in STATEMENT_FIELDS}
    try:
        publishing.save_statement(c.conn, c.user, values)
    except Invalid as error:
        bottle.response.status = 400
        return page(error_text(error), values)
    redirect_to("admin_statement", flash="publishing.statement_saved")
