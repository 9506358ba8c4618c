"""What makes the portal a public site: schema.org JSON-LD and Open Graph per summary, ids unique per
installation, the sitemap, and the accessibility statement's values."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

STATEMENT_SLUGS = {"nb": "tilgjengelighetserklaering", "nn": "tilgjengelegheitserklaering", "en": "accessibility-statement"}
LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
SUPERVISION_URL = "https://www.uutilsynet.no/"
LEGACY_AUTHORITY = "sil"  # what every Sil wrote before ids came from the base URL


def authority(base_url: str) -> str:
    """The base URL's host (and port), the part of a tag: URI that makes ids unique per installation."""
    parts = urlsplit(base_url or "")
    return (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "") if parts.hostname else ""


def feed_id(base_url: str) -> str:
    """The feed's own id: tag:<authority>,2026:<path>portal (RFC 4151); the old shared id without a base URL."""
    host = authority(base_url)
    if not host:
        return f"tag:{LEGACY_AUTHORITY},2026:portal"
    path = urlsplit(base_url).path.strip("/")
    return f"tag:{_tag_host(host)},2026:{path + '/' if path else ''}portal"


def entry_id(item: dict, base_url: str) -> str:
    """A permanent id per summary, unique to this installation: its host, the first publication date, the id."""
    host = authority(base_url)
    path = urlsplit(base_url).path.strip("/") if host else ""
    prefix = f"{path}/" if path else ""
    return f"tag:{_tag_host(host) if host else LEGACY_AUTHORITY},{item['first_published_at'][:10]}:{prefix}summary-{item['id']}"


def _tag_host(host: str) -> str:
    # a tag: authority is a DNS name; a port is not part of one, so it goes into the specific part
    name, _, port = host.partition(":")
    return name + (f"-{port}" if port else "")


def json_ld(item: dict, url: str = "") -> dict[str, Any]:
    """A schema.org ScholarlyArticle: the summary, in its language, based on the review it summarises."""
    content = item["content"]
    review: dict[str, Any] = {"@type": "ScholarlyArticle", "name": item.get("review_title") or content["title"],
                              "additionalType": "https://schema.org/Review"}
    if content.get("report_url"):
        review["url"] = content["report_url"]
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": content["title"][:110],
        "name": content["title"], "inLanguage": {"nb": "nb-NO", "nn": "nn-NO", "en": "en"}.get(item["lang"], item["lang"]),
        "datePublished": item["first_published_at"], "dateModified": item["published_at"],
        "abstract": " ".join(content.get("key_messages") or []), "isBasedOn": review,
        "about": [{"@type": "Thing", "name": t} for t in item.get("topics") or []] or
                 [{"@type": "Thing", "name": item.get("review_title") or content["title"]}],
        "version": str(item.get("version", "")),
        "publisher": {"@type": "Organization", "name": item.get("publisher") or "Sil"},
    }
    if url:
        data["url"] = url
        data["@id"] = url
    return data


def head_html(item: dict, url: str = "", alternates: dict[str, str] | None = None) -> str:
    """JSON-LD and Open Graph tags for a summary page's <head>; every value escaped."""
    data = json.dumps(json_ld(item, url), ensure_ascii=False, indent=1)
    # inside <script> only "</" could end the element early; \\u003c keeps the JSON the same
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    content = item["content"]
    tags = [("og:type", "article"), ("og:title", content["title"]),
            ("og:description", " ".join(content.get("key_messages") or [])[:300]),
            ("og:locale", LOCALES.get(item["lang"], item["lang"])),
            *[("og:locale:alternate", LOCALES.get(code, code)) for code in (alternates or {}) if code != item["lang"]],
            ("article:published_time", item["first_published_at"]), ("article:modified_time", item["published_at"]),
            *[("article:tag", t) for t in item.get("topics") or []]]
    if url:
        tags.append(("og:url", url))
    lines = [f'<script type="application/ld+json">{data}</script>']
    lines += [f"<meta property={quoteattr(p)} content={quoteattr(str(v))}>" for p, v in tags]
    lines.append(f"<meta name=\"description\" content={quoteattr(' '.join(content.get('key_messages') or [])[:300])}>")
    if url:
        lines.append(f'<link rel="canonical" href={quoteattr(url)}>')
    return "\n".join(lines)


def sitemap(pages: list[tuple[str, str, dict[str, str]]], base_url: str) -> str:
    """sitemap.xml (sitemaps.org 0.9) with hreflang alternates: pages are (path, lastmod, {lang: path})."""
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {ns}>"]
    for path, lastmod, alternates in pages:
        parts.append(f"<url><loc>{escape(base_url + path)}</loc>" + (f"<lastmod>{escape(lastmod[:10])}</lastmod>" if lastmod else ""))
        for code, alt in sorted(alternates.items()):
            parts.append(f'<xhtml:link rel="alternate" hreflang="{escape(code)}" href={quoteattr(base_url + alt)}/>')
        parts.append("</url>")
    parts.append("</urlset>")
    return "\n".join(parts) + "\n"


AXE_RESULTS = Path(__file__).with_name("axe_results.json")  # written by tests/browser/test_portal_languages.py


def axe_results(path: Path = AXE_RESULTS) -> dict[str, Any] | None:
    """The last recorded axe-core run (date, axe version, pages, serious and other findings), or None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "serious" in data else None


STATEMENT_FIELDS = ("organisation", "site_url", "contact_email", "contact_phone", "checked_on", "known_issues")


def statement_values(saved: dict[str, str], axe: dict[str, Any] | None, base_url: str = "") -> dict[str, Any]:
    """What the statement page shows: the editable fields, Sil's axe-core results, and whether it meets WCAG."""
    values = {field: (saved.get(field) or "").strip() for field in STATEMENT_FIELDS}
    values["site_url"] = values["site_url"] or base_url
    values["known"] = [line.strip() for line in values["known_issues"].splitlines() if line.strip()]
    values["axe"] = axe
    serious = (axe or {}).get("serious", 0)
    values["meets"] = bool(axe) and serious == 0 and not values["known"]
    values["updated"] = max([saved.get("updated_at", "")[:10], (axe or {}).get("date", "")[:10]])
    values["supervision_url"] = SUPERVISION_URL
    return values
