"""JSON Feed 1.1 and Atom (RFC 4287) of published summaries, for the national portal to pull."""
from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from exports import portal_meta

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_NS = "http://www.w3.org/2005/Atom"


def entry_id(item: dict, base_url: str = "") -> str:
    """A permanent id per summary, unique to the installation the base URL names (tag: URI, RFC 4151)."""
    return portal_meta.entry_id(item, base_url)


def json_feed(items: list[dict], title: str, base_url: str, html_of: Callable[[dict], str],
              path_of: Callable[[dict], str], publisher: str = "Sil", lang: str = "") -> str:
    """A JSON Feed 1.1 document; base_url ends with / and every URL in it is absolute."""
    feed = {
        "version": JSON_FEED_VERSION, "title": title, "home_page_url": base_url,
        "feed_url": urljoin(base_url, f"{lang}/feed.json" if lang else "feed.json"), "authors": [{"name": publisher}],
        **({"language": lang} if lang else {}),
        "items": [{
            "id": entry_id(item, base_url), "url": urljoin(base_url, path_of(item)), "title": item["title"],
            "content_html": html_of(item), "summary": " ".join(item["content"]["key_messages"]),
            "date_published": item["first_published_at"], "date_modified": item["published_at"],
            "tags": item["topics"], "language": item["lang"],
        } for item in items],
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def atom_feed(items: list[dict], title: str, base_url: str, html_of: Callable[[dict], str],
              path_of: Callable[[dict], str], publisher: str = "Sil", lang: str = "") -> str:
    """An Atom 1.0 feed; updated is the newest publication (or a fixed epoch when empty)."""
    updated = max((i["published_at"] for i in items), default="1970-01-01T00:00:00Z")
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM_NS}"' + (f' xml:lang="{escape(lang)}"' if lang else "") + ">",
        f"<id>{escape(portal_meta.feed_id(base_url) + (f'/{lang}' if lang else ''))}</id>",
        f"<title>{escape(title)}</title>",
        f"<updated>{escape(updated)}</updated>",
        f"<author><name>{escape(publisher)}</name></author>",
        f'<link rel="self" type="application/atom+xml" href={quoteattr(urljoin(base_url, f"{lang}/feed.atom" if lang else "feed.atom"))}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(urljoin(base_url, f"{lang}/") if lang else base_url)}/>',
    ]
    for item in items:
        parts += [
            f'<entry xml:lang="{escape(item["lang"])}">',
            f"<id>{escape(entry_id(item, base_url))}</id>",
            f"<title>{escape(item['title'])}</title>",
            f'<link rel="alternate" type="text/html" hreflang="{escape(item["lang"])}" '
            f'href={quoteattr(urljoin(base_url, path_of(item)))}/>',
            f"<published>{escape(item['first_published_at'])}</published>",
            f"<updated>{escape(item['published_at'])}</updated>",
            *[f"<category term={quoteattr(t)}/>" for t in item["topics"]],
            f"<summary>{escape(' '.join(item['content']['key_messages']))}</summary>",
            f'<content type="html">{escape(html_of(item))}</content>',
            "</entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
