"""The portal's HTML pages from plain values; the live portal and the static export render the same pages."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from babel.dates import format_date
from bottle import SimpleTemplate

from exports import portal_meta
from exports.prisma import inline_svg, render_svg
from exports.prisma_text import counts_from_dict, text_alternative

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
Gettext = Callable[..., str]


def slug(text: str) -> str:
    """A file-name-safe form of a topic: 'Helse og miljø' -> 'helse-og-miljo'."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
                                       .replace("Æ", "Ae")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "topic"


class StaticLinks:
    """Relative links for a page `depth` folders below the site root (0 = root)."""

    def __init__(self, depth: int = 0, base_url: str = ""):
        self.root = "../" * depth
        self.base_url = base_url  # where the site will be published ('' when not known: no absolute links)

    def absolute(self, path_from_root: str) -> str:
        """The page's address on the published site ('' without a base URL)."""
        return self.base_url + path_from_root if self.base_url else ""

    def summary_path(self, lang: str, summary_id: int) -> str:
        return f"{lang}/{summary_id}.html"

    def statement(self, lang: str) -> str:
        return f"{self.root}{lang}/{portal_meta.STATEMENT_SLUGS[lang]}.html"

    def css(self) -> str:
        return self.root + "portal.css"

    def js(self) -> str:
        return self.root + "portal.js"

    def home(self) -> str:
        return self.root + "index.html"

    def index(self, lang: str) -> str:
        return f"{self.root}{lang}/index.html"

    def topic(self, lang: str, topic: str) -> str:
        return f"{self.root}{lang}/topics/{slug(topic)}.html"

    def summary(self, lang: str, summary_id: int) -> str:
        return f"{self.root}{lang}/{summary_id}.html"

    def prisma(self, summary_id: int, ext: str) -> str:
        return f"{self.root}prisma/{summary_id}.{ext}"

    def feed_json(self, lang: str = "") -> str:
        """The feed of every language, or of one language (its title in that language)."""
        return self.root + (f"{lang}/" if lang else "") + "feed.json"

    def feed_atom(self, lang: str = "") -> str:
        return self.root + (f"{lang}/" if lang else "") + "feed.atom"


DATE_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def page_date(stamp: str, lang: str) -> str:
    """The day of a stored time as the page's language writes it: "3. des. 2026", "3 Dec 2026"."""
    try:
        return format_date(date.fromisoformat(stamp[:10]), "medium", locale=DATE_LOCALES.get(lang, "nb_NO"))
    except ValueError:
        return stamp[:10]


def render(name: str, **values: Any) -> str:
    """Render one of the portal templates (SimpleTemplate escapes every {{ }})."""
    return SimpleTemplate(name=name, lookup=[str(TEMPLATES)]).render(page_date=page_date, **values)


LANGS = ("nb", "nn", "en")
NATIVE = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


def language_links(lang: str, href_for: Callable[[str], str]) -> list[tuple[str, str, str, bool]]:
    """The language switch: (code, native name, link, is current) for bokmål, nynorsk and English."""
    return [(code, NATIVE[code], href_for(code), code == lang) for code in LANGS]


def index_page(items: list[dict], lang: str, _: Gettext, links: Any, topics: list[str], *,
               topic: str = "", query: str = "", live: bool = False) -> str:
    """The list of published summaries in one language, optionally of one topic."""
    heading = _("portal.topic_heading", topic=topic) if topic else _("portal.all_summaries")
    alternates = [(other, links.index(other)) for other in LANGS if other != lang]
    return render("portal_index.tpl", items=items, lang=lang, _=_, links=links, topics=topics, topic=topic,
                  query=query, live=live, heading=heading, alternates=alternates,
                  switch=language_links(lang, links.index), head="")


def summary_page(item: dict, _: Gettext, links: Any) -> str:
    """One published summary with its findings, certainty and PRISMA diagram; JSON-LD and Open Graph in the head."""
    lang = item["lang"]
    svg, lines = "", []
    if item.get("prisma"):
        counts = counts_from_dict(item["prisma"])
        svg = render_svg(counts, lang, id_prefix=f"prisma-{item['id']}")
        svg = inline_svg(svg)
        lines = text_alternative(counts, lang)
    others = item.get("alternates") or {}
    alternates = [(code, links.summary(code, others[code])) for code in LANGS if code in others]
    switch = language_links(lang, lambda code: links.summary(code, others[code]) if code in others
                            else links.summary(lang, item["id"]) if code == lang else links.index(code))
    url = links.absolute(links.summary_path(lang, item["id"]))
    head = portal_meta.head_html(item, url, {code: links.absolute(links.summary_path(code, sid))
                                             for code, sid in others.items()})
    return render("portal_summary.tpl", item=item, _=_, links=links, svg=svg, prisma_text=lines,
                  alternates=alternates, translations=[(c, NATIVE[c], h) for c, h in alternates if c != lang], switch=switch,
                  head=head, lang=lang)


def home_page(_: Gettext, links: Any, lang: str = "nb", reviews: list[dict] | None = None) -> str:
    """The root page: every review with the languages its summary is published in, in the reader's language."""
    return render("portal_home.tpl", lang=lang, _=_, links=links, alternates=[], reviews=reviews or [],
                  switch=[(c, NATIVE[c], links.index(c), False) for c in LANGS], head="", native=NATIVE)


def statement_page(_: Gettext, links: Any, lang: str, statement: dict) -> str:
    """The accessibility statement (tilgjengelighetserklæring) in one language."""
    return render("portal_statement.tpl", lang=lang, _=_, links=links, s=statement,
                  alternates=[(c, links.statement(c)) for c in LANGS if c != lang],
                  switch=language_links(lang, links.statement), head="")


def error_page(_: Gettext, links: Any, lang: str) -> str:
    """The portal's own 'not found' page, in the portal's look and language."""
    return render("portal_error.tpl", lang=lang, _=_, links=links, alternates=[],
                  switch=language_links(lang, links.index), head="")


def reviews_of(items: list[dict], lang: str) -> list[dict]:
    """Published summaries grouped per review: a title (the reader's language where there is one) and languages."""
    grouped: dict[int, dict[str, dict]] = {}
    for item in items:
        grouped.setdefault(item["project_id"], {})[item["lang"]] = item
    reviews = []
    for by_lang in grouped.values():
        first = by_lang.get(lang) or next(by_lang[c] for c in LANGS if c in by_lang)
        reviews.append({"title": first["title"], "lang": first["lang"], "id": first["id"], "published": first["published_at"],
                        "languages": [(c, by_lang[c]["id"], by_lang[c]["title"]) for c in LANGS if c in by_lang]})
    return sorted(reviews, key=lambda r: r["published"], reverse=True)


def body_html(content: dict, _: Gettext) -> str:
    """The summary's text as an HTML fragment (for feeds)."""
    return render("summary_body.tpl", content=content, _=_)
