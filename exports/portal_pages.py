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

    def __init__(self, depth: int = 0):
        self.root = "../" * depth

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

    def feed_json(self) -> str:
        return self.root + "feed.json"

    def feed_atom(self) -> str:
        return self.root + "feed.atom"


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


def index_page(items: list[dict], lang: str, _: Gettext, links: Any, topics: list[str], *,
               topic: str = "", query: str = "", live: bool = False) -> str:
    """The list of published summaries in one language, optionally of one topic."""
    heading = _("portal.topic_heading", topic=topic) if topic else _("portal.all_summaries")
    alternates = [(other, links.index(other)) for other in ("nb", "en") if other != lang]
    return render("portal_index.tpl", items=items, lang=lang, _=_, links=links, topics=topics, topic=topic,
                  query=query, live=live, heading=heading, alternates=alternates)


def summary_page(item: dict, _: Gettext, links: Any) -> str:
    """One published summary with its findings, certainty and PRISMA diagram."""
    other_lang = "en" if item["lang"] == "nb" else "nb"
    svg, lines = "", []
    if item.get("prisma"):
        counts = counts_from_dict(item["prisma"])
        svg = render_svg(counts, item["lang"], id_prefix=f"prisma-{item['id']}")
        svg = inline_svg(svg)
        lines = text_alternative(counts, item["lang"])
    alternates = [(other_lang, links.summary(other_lang, item["other_id"]))] if item["other_id"] else []
    return render("portal_summary.tpl", item=item, _=_, links=links, svg=svg, prisma_text=lines,
                  other_lang=other_lang, alternates=alternates)


def home_page(_: Gettext, links: Any) -> str:
    """The root page: choose bokmål or English."""
    return render("portal_home.tpl", lang="nb", _=_, links=links, alternates=[])


def body_html(content: dict, _: Gettext) -> str:
    """The summary's text as an HTML fragment (for feeds)."""
    return render("summary_body.tpl", content=content, _=_)
