"""What every screen uses: the request's context (connection, user, language), rendering, redirects, forms."""
from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import bottle
from bottle import request, response

from review import accounts, projects
from review.store import Invalid, NotFound, SilError
from screens.i18n import translate
from screens.i18n.formats import DEFAULT_TIME_ZONE, fmt_datetime, template_helpers

TEMPLATES = str(Path(__file__).with_name("templates"))
# One list object for every render: Bottle caches compiled templates by id(lookup), so a fresh
# list per call would recompile each template on every request.
TEMPLATE_LOOKUP = [TEMPLATES]
FLASH_COOKIE = "sil_flash"
SQLITE_INT = (-2**63, 2**63 - 1)  # what an INTEGER column holds; a number outside it cannot name any row
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")  # a time as review.db.now() writes it


@dataclass
class Context:
    """What a request knows about itself once the Sil plugin has run."""

    conn: sqlite3.Connection
    user: dict[str, Any] | None
    language: str
    csrf: str
    app: bottle.Bottle
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def user_id(self) -> int | None:
        return self.user["id"] if self.user else None

    def _(self, key: str, **values: Any) -> str:
        return translate(self.language, key, **values)

    @property
    def time_zone(self) -> str:
        """The zone times are shown in: the person's choice, else the site's setting (sil.time_zone, or
        SIL_TIME_ZONE), else Europe/Oslo."""
        return (self.user or {}).get("time_zone") or self.app.config.get("sil.time_zone") or os.environ.get("SIL_TIME_ZONE") or DEFAULT_TIME_ZONE


def ctx() -> Context:
    """The current request's context."""
    return request.environ["sil.ctx"]


def error_text(error: SilError) -> str:
    """A typed error's message in the user's language: its catalogue text when it has a key, else its message."""
    if not error.key:
        return error.message
    c = ctx()
    values = {name: fmt_datetime(value, c.language, c.time_zone) if isinstance(value, str) and STAMP.fullmatch(value) else value
              for name, value in error.values.items()}
    return c._(error.key, **values)


def url(route_name: str, /, query: dict[str, Any] | None = None, **params: Any) -> str:
    """The path of a named route, with an optional query string."""
    path = ctx().app.get_url(route_name, **params)
    return path + ("?" + urlencode(query) if query else "")


def render(template_name: str, /, **values: Any) -> str:
    """Render a template with what every page needs (_, language, user, csrf, url, flash, tabs)."""
    c = ctx()
    flash = request.get_cookie(FLASH_COOKIE)
    if flash:
        response.delete_cookie(FLASH_COOKIE, path="/")
    defaults = {
        "_": c._, "lang": c.language, "user": c.user, "csrf": c.csrf, "url": url,
        "flash": c._(flash) if flash and flash.replace(".", "").replace("_", "").isalnum() else "",
        "path": request.path, "project": None, "member": None, "tabs": [], "active_tab": "",
        "title": "", "wide": False, "tab_groups": tab_groups,
        **template_helpers(c.language, c.time_zone),
    }
    defaults.update(c.extra)
    defaults.update(values)
    return bottle.template(template_name, template_lookup=TEMPLATE_LOOKUP, **defaults)


def redirect_to(route_name: str, /, flash: str | None = None, query: dict[str, Any] | None = None, **params: Any) -> None:
    """Redirect (303) to a named route after a POST, with an optional message key to show there."""
    if flash:
        response.set_cookie(FLASH_COOKIE, flash, path="/", httponly=True, samesite="lax", max_age=60)
    bottle.redirect(url(route_name, query, **params), 303)


def form(name: str, default: str = "") -> str:
    """A form field as text (decoded as UTF-8, never latin-1)."""
    value = request.forms.getunicode(name, encoding="utf-8")
    return default if value is None else value


def form_all(name: str) -> list[str]:
    """Every value of a repeated form field."""
    return [v.encode("latin-1").decode("utf-8", "replace") for v in request.forms.getall(name)]


def query(name: str, default: str = "") -> str:
    """A query-string parameter as text."""
    value = request.query.getunicode(name, encoding="utf-8")
    return default if value is None else value


def id_in(text: str) -> int:
    """An id sent in a form or a query; NotFound for anything that is not one (no such thing exists)."""
    if not text.isdigit() or int(text) > SQLITE_INT[1]:
        raise NotFound(f"nothing with the id {text[:40]!r}", "error.not_found", value=text[:40])
    return int(text)


def query_int(name: str, default: int | None = None) -> int | None:
    """A query-string parameter as an integer, or the default when absent or not a number.

    A number too large for SQLite is an Invalid (400) here, before a page or a download has begun."""
    try:
        value = int(query(name))
    except ValueError:
        return default
    if not SQLITE_INT[0] <= value <= SQLITE_INT[1]:
        raise Invalid(f"{name}: {value} is too large a number", "error.number_too_large", field=name)
    return value


def json_response(value: Any, status: int = 200) -> str:
    """A JSON body with its content type."""
    response.status = status
    response.content_type = "application/json; charset=utf-8"
    return json.dumps(value, ensure_ascii=False)


def add_project_tab(app: bottle.Bottle, order: int, route: str, label_key: str, roles: tuple[str, ...] = ()) -> None:
    """Show a tab in every project page for members with one of roles (any member when empty)."""
    tabs = app.config.setdefault("sil.tabs", [])
    tabs.append({"order": order, "route": route, "label": label_key, "roles": roles})
    tabs.sort(key=lambda t: t["order"])


def add_overview_card(app: bottle.Bottle, order: int, card: Callable[[dict[str, Any], dict[str, Any]], str]) -> None:
    """Show a card on the project's overview: card(project, member) returns rendered HTML, or '' for none."""
    cards = app.config.setdefault("sil.overview_cards", [])
    cards.append((order, card))
    cards.sort(key=lambda c: c[0])


def overview_cards(project: dict[str, Any], member: dict[str, Any]) -> list[str]:
    """The rendered cards of a project's overview, in order, for this member."""
    cards = ctx().app.config.get("sil.overview_cards", [])
    return [html for html in (card(project, member) for _, card in cards) if html]


def project_page(template_name: str, project_id: int, active: str, *roles: str,
                 member: dict[str, Any] | None = None, **values: Any) -> str:
    """Render a page inside a project's frame (title, tabs) after checking the user's role there.

    A route that has checked the role already passes its member, saving the second lookup."""

    c = ctx()
    member = member or accounts.require_member(c.conn, project_id, c.user_id, *roles)
    project = projects.get_project(c.conn, project_id)
    return render(template_name, project=project, member=member, tabs=project_tabs(member), active_tab=active,
                  title=values.pop("title", project["title"]), **values)


# The project's tabs fall into the phases of a review, by their order: (first order, label key or "").
TAB_GROUPS = ((0, ""), (10, "nav.group.records"), (20, "nav.group.screening"), (50, "nav.group.appraisal"),
              (65, "nav.group.reporting"), (80, "nav.group.project"))


def project_tabs(member: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The tabs this member sees, each with its label and URL parameters."""
    tabs = ctx().app.config.get("sil.tabs", [])
    role = member["role"] if member else None
    return [t for t in tabs if not t["roles"] or role in t["roles"]]


def tab_groups(tabs: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The tabs grouped by phase, in order, leaving out phases with no tab for this member."""
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for tab in tabs:
        label = [key for start, key in TAB_GROUPS if tab["order"] >= start][-1]
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(tab)
    return groups
