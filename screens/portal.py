"""The public portal: published summaries, their diagrams and the feeds, without login."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import bottle
from bottle import response

from exports import feeds, portal_pages
from exports.prisma import render_png, render_svg
from exports.prisma_text import counts_from_dict
from review import publishing
from review.store import NotFound
from screens.i18n import translate
from screens.web import ctx, query

PREFIX = "/portal"


def gettext_for(lang: str) -> Callable[..., str]:
    """A translator for one language ('nb' or 'en'), as the portal pages and the static export take it."""
    lang = "nb" if lang == "nb" else "en"
    return lambda key, **values: translate(lang, key, **values)


class LiveLinks:
    """Absolute links inside the running app, with the same names as the static export's."""

    def css(self) -> str:
        return f"{PREFIX}/portal.css"

    def js(self) -> str:
        return f"{PREFIX}/portal.js"

    def home(self) -> str:
        return f"{PREFIX}/"

    def index(self, lang: str) -> str:
        return f"{PREFIX}/{lang}/"

    def topic(self, lang: str, topic: str) -> str:
        return f"{PREFIX}/{lang}/?" + urlencode({"topic": topic})

    def summary(self, lang: str, summary_id: int) -> str:
        return f"{PREFIX}/{lang}/{summary_id}"

    def prisma(self, summary_id: int, ext: str) -> str:
        return f"{PREFIX}/prisma/{summary_id}.{ext}"

    def feed_json(self) -> str:
        return f"{PREFIX}/feed.json"

    def feed_atom(self) -> str:
        return f"{PREFIX}/feed.atom"


def install(app: bottle.Bottle) -> None:
    public = {"public": True}
    app.route(f"{PREFIX}/", "GET", home, name="portal", **public)
    app.route(f"{PREFIX}/<lang:re:nb|en>/", "GET", index, name="portal_index", **public)
    app.route(f"{PREFIX}/<lang:re:nb|en>/<summary_id:int>", "GET", summary, name="portal_summary", **public)
    app.route(f"{PREFIX}/prisma/<summary_id:int>.<ext:re:svg|png>", "GET", prisma, name="portal_prisma", **public)
    app.route(f"{PREFIX}/feed.json", "GET", json_feed, name="portal_json_feed", **public)
    app.route(f"{PREFIX}/feed.atom", "GET", atom_feed, name="portal_atom_feed", **public)
    app.route(f"{PREFIX}/<name:re:portal\\.(css|js)>", "GET", static, name="portal_static", **public)


def home() -> str:
    return portal_pages.home_page(gettext_for(ctx().language), LiveLinks())


def index(lang: str) -> str:
    conn, topic, words = ctx().conn, query("topic").strip(), query("q").strip()
    items = publishing.published_summaries(conn, lang=lang, topic=topic or None, query=words or None)
    topics = sorted({t for s in publishing.published_summaries(conn, lang=lang) for t in s["topics"]}, key=str.lower)
    return portal_pages.index_page(items, lang, gettext_for(lang), LiveLinks(), topics, topic=topic,
                                   query=words, live=True)


def summary(lang: str, summary_id: int) -> str:
    item = publishing.published_summary(ctx().conn, summary_id)
    if item["lang"] != lang:
        bottle.redirect(LiveLinks().summary(item["lang"], summary_id), 301)
    return portal_pages.summary_page(item, gettext_for(lang), LiveLinks())


def prisma(summary_id: int, ext: str) -> Any:
    item = publishing.published_summary(ctx().conn, summary_id)
    if not item["prisma"]:
        raise NotFound("this summary has no PRISMA diagram", "error.portal.no_prisma")
    counts = counts_from_dict(item["prisma"])
    response.set_header("Content-Disposition", f'attachment; filename="prisma-{summary_id}.{ext}"')
    if ext == "png":
        response.content_type = "image/png"
        return render_png(counts, item["lang"])
    response.content_type = "image/svg+xml; charset=utf-8"
    return render_svg(counts, item["lang"])


def _feed_parts() -> tuple[list[dict], str, Callable, Callable]:
    items = publishing.published_summaries(ctx().conn)
    base = bottle.request.urlparts.scheme + "://" + bottle.request.urlparts.netloc + PREFIX + "/"
    html_of = lambda item: portal_pages.body_html(item["content"], gettext_for(item["lang"]))  # noqa: E731
    path_of = lambda item: f"{item['lang']}/{item['id']}"  # noqa: E731
    return items, base, html_of, path_of


def json_feed() -> str:
    items, base, html_of, path_of = _feed_parts()
    response.content_type = "application/feed+json; charset=utf-8"
    return feeds.json_feed(items, translate("nb", "portal.site_title"), base, html_of, path_of)


def atom_feed() -> str:
    items, base, html_of, path_of = _feed_parts()
    response.content_type = "application/atom+xml; charset=utf-8"
    return feeds.atom_feed(items, translate("nb", "portal.site_title"), base, html_of, path_of)


def static(name: str) -> Any:
    result = bottle.static_file(name, root=str(portal_pages.STATIC))
    result.set_header("Cache-Control", "public, max-age=3600")
    return result
