"""The public portal: published summaries in bokmål, nynorsk and English, their diagrams, the feeds and
the accessibility statement, without login."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import bottle
from bottle import response

from exports import feeds, portal_meta, portal_pages
from exports.prisma import render_png, render_svg
from exports.prisma_text import counts_from_dict
from review import publishing
from review.store import NotFound
from screens import portal_language
from screens.web import ctx, query

PREFIX = "/portal"
LANG_RE = "nb|nn|en"


def gettext_for(lang: str) -> Callable[..., str]:
    """A translator for one language ('nb', 'nn' or 'en'), as the portal pages and the static export take it."""
    return portal_language.gettext_for(lang)


class LiveLinks:
    """Absolute links inside the running app, with the same names as the static export's."""

    def __init__(self, base_url: str = ""):
        self.base_url = base_url  # scheme://host/ of the site as configured or as the request came

    def absolute(self, path: str) -> str:
        return self.base_url.rstrip("/") + path if self.base_url else ""

    def summary_path(self, lang: str, summary_id: int) -> str:
        return self.summary(lang, summary_id)

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

    def statement(self, lang: str) -> str:
        return f"{PREFIX}/{lang}/{portal_meta.STATEMENT_SLUGS[lang]}"

    def prisma(self, summary_id: int, ext: str) -> str:
        return f"{PREFIX}/prisma/{summary_id}.{ext}"

    def feed_json(self, lang: str = "") -> str:
        return f"{PREFIX}/{lang + '/' if lang else ''}feed.json"

    def feed_atom(self, lang: str = "") -> str:
        return f"{PREFIX}/{lang + '/' if lang else ''}feed.atom"


def install(app: bottle.Bottle) -> None:
    public = {"public": True}
    app.route(f"{PREFIX}/", "GET", home, name="portal", **public)
    app.route(f"{PREFIX}/<lang:re:{LANG_RE}>/", "GET", index, name="portal_index", **public)
    app.route(f"{PREFIX}/<lang:re:{LANG_RE}>/<summary_id:int>", "GET", summary, name="portal_summary", **public)
    app.route(f"{PREFIX}/<lang:re:{LANG_RE}>/<slug:re:[a-z-]+erklaering|accessibility-statement>", "GET", statement,
              name="portal_statement", **public)
    app.route(f"{PREFIX}/prisma/<summary_id:int>.<ext:re:svg|png>", "GET", prisma, name="portal_prisma", **public)
    app.route(f"{PREFIX}/feed.json", "GET", json_feed, name="portal_json_feed", **public)
    app.route(f"{PREFIX}/feed.atom", "GET", atom_feed, name="portal_atom_feed", **public)
    app.route(f"{PREFIX}/<lang:re:{LANG_RE}>/feed.json", "GET", json_feed, name="portal_lang_json_feed", **public)
    app.route(f"{PREFIX}/<lang:re:{LANG_RE}>/feed.atom", "GET", atom_feed, name="portal_lang_atom_feed", **public)
    app.route(f"{PREFIX}/<name:re:portal\\.(css|js)>", "GET", static, name="portal_static", **public)
    app.route(f"{PREFIX}/<rest:path>", "GET", not_found, name="portal_not_found", **public)


def base_url() -> str:
    """The portal's public address: sil.portal_base_url when configured, else the address the request came to."""
    configured = str(ctx().app.config.get("sil.portal_base_url") or "")
    if configured:
        return configured.rstrip("/") + "/"
    parts = bottle.request.urlparts
    return f"{parts.scheme}://{parts.netloc}/"


def links() -> LiveLinks:
    return LiveLinks(base_url())


def reader_language() -> str:
    """The portal's language for a page without one in its address: Accept-Language (nn chooses nynorsk)."""
    response.set_header("Vary", "Accept-Language")
    return portal_language.pick_portal_language(bottle.request.get_header("Accept-Language"), default="nb")


def home() -> str:
    lang = reader_language()
    items = publishing.published_summaries(ctx().conn)
    return portal_pages.home_page(gettext_for(lang), links(), lang, portal_pages.reviews_of(items, lang))


def index(lang: str) -> str:
    conn, topic, words = ctx().conn, query("topic").strip(), query("q").strip()
    items = publishing.published_summaries(conn, lang=lang, topic=topic or None, query=words or None)
    topics = sorted({t for s in publishing.published_summaries(conn, lang=lang) for t in s["topics"]}, key=str.lower)
    return portal_pages.index_page(items, lang, gettext_for(lang), links(), topics, topic=topic,
                                   query=words, live=True)


def summary(lang: str, summary_id: int) -> str:
    try:
        item = publishing.published_summary(ctx().conn, summary_id)
    except NotFound:
        return not_found_page(lang)
    if item["lang"] != lang:
        bottle.redirect(LiveLinks().summary(item["lang"], summary_id), 301)
    return portal_pages.summary_page(item, gettext_for(lang), links())


def statement(lang: str, slug: str) -> str:
    if slug != portal_meta.STATEMENT_SLUGS[lang]:
        bottle.redirect(LiveLinks().statement(lang), 301)
    values = publishing.statement(ctx().conn, base_url().rstrip("/") + PREFIX + "/")
    return portal_pages.statement_page(gettext_for(lang), links(), lang, values)


def not_found(rest: str) -> str:
    first = rest.split("/", 1)[0]
    return not_found_page(first if first in portal_language.PORTAL_LANGS else reader_language())


def not_found_page(lang: str) -> str:
    response.status = 404
    return portal_pages.error_page(gettext_for(lang), links(), lang)


def prisma(summary_id: int, ext: str) -> Any:
    # A diagram that is not there gets the portal's own page, as a summary does: not the app's, which offers
    # a visitor "your projects" and knows no nynorsk.
    try:
        item = publishing.published_summary(ctx().conn, summary_id)
    except NotFound:
        return not_found_page(reader_language())
    if not item["prisma"]:
        return not_found_page(item["lang"])
    counts = counts_from_dict(item["prisma"])
    response.set_header("Content-Disposition", f'attachment; filename="prisma-{summary_id}.{ext}"')
    if ext == "png":
        response.content_type = "image/png"
        return render_png(counts, item["lang"])
    response.content_type = "image/svg+xml; charset=utf-8"
    return render_svg(counts, item["lang"])


def _feed_parts(lang: str = "") -> tuple[list[dict], str, Callable, Callable]:
    items = publishing.published_summaries(ctx().conn, lang=lang or None)
    base = base_url().rstrip("/") + PREFIX + "/"
    html_of = lambda item: portal_pages.body_html(item["content"], gettext_for(item["lang"]))  # noqa: E731
    path_of = lambda item: f"{item['lang']}/{item['id']}"  # noqa: E731
    return items, base, html_of, path_of


def json_feed(lang: str = "") -> str:
    items, base, html_of, path_of = _feed_parts(lang)
    response.content_type = "application/feed+json; charset=utf-8"
    return feeds.json_feed(items, portal_language.portal_text(lang or "nb", "portal.site_title"), base, html_of,
                           path_of, lang=lang)


def atom_feed(lang: str = "") -> str:
    items, base, html_of, path_of = _feed_parts(lang)
    response.content_type = "application/atom+xml; charset=utf-8"
    return feeds.atom_feed(items, portal_language.portal_text(lang or "nb", "portal.site_title"), base, html_of,
                           path_of, lang=lang)


def static(name: str) -> Any:
    result = bottle.static_file(name, root=str(portal_pages.STATIC))
    result.set_header("Cache-Control", "public, max-age=3600")
    return result
