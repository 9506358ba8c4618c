"""The portal as a self-contained static site: HTML, CSS, diagrams and feeds with relative links."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from exports import feeds, portal_meta, portal_pages
from exports.errors import ExportFailure
from exports.prisma import render_png, render_svg
from exports.prisma_text import counts_from_dict

MARKER = ".sil-portal"
LANGS = ("nb", "nn", "en")


def export_site(dest: str | Path, items: list[dict], gettext_for: Callable[[str], portal_pages.Gettext],
                base_url: str = "", publisher: str = "Sil", statement: dict | None = None) -> list[str]:
    """Write the site to dest (replacing an earlier export there, never another folder); return the files."""
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or (any(dest.iterdir()) and not (dest / MARKER).exists())):
        raise ExportFailure(f"{dest} exists and is not an earlier portal export; choose an empty or new folder",
                       "error.portal.dest_taken", kind="conflict", folder=str(dest))
    if base_url and not base_url.startswith(("http://", "https://")):
        raise ExportFailure(f"the base URL must start with http:// or https://, not {base_url!r}",
                      "error.portal.base_url", value=base_url)
    base_url = base_url.rstrip("/") + "/" if base_url else ""
    dest.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=".portal-", dir=dest.parent))
    try:
        statement = statement or portal_meta.statement_values({}, portal_meta.axe_results(), base_url)
        written = _write_all(build, items, gettext_for, base_url, publisher, statement)
        if dest.exists():
            shutil.rmtree(dest)
        build.rename(dest)
    finally:
        if build.exists():
            shutil.rmtree(build)
    return written


def _write_all(root: Path, items: list[dict], gettext_for: Callable[[str], portal_pages.Gettext],
               base_url: str, publisher: str, statement: dict) -> list[str]:
    home = portal_pages.home_page(gettext_for("nb"), portal_pages.StaticLinks(0, base_url), "nb",
                                  portal_pages.reviews_of(items, "nb"))
    files: dict[str, str | bytes] = {MARKER: "Written by Sil's export-portal; replaced on the next export.\n",
                                     "portal.css": (portal_pages.STATIC / "portal.css").read_text(encoding="utf-8"),
                                     "portal.js": (portal_pages.STATIC / "portal.js").read_text(encoding="utf-8"),
                                     "index.html": home,
                                     "404.html": portal_pages.error_page(gettext_for("nb"), portal_pages.StaticLinks(0), "nb")}
    for lang in LANGS:
        files.update(_language_pages(lang, [i for i in items if i["lang"] == lang], gettext_for(lang), base_url))
        links = portal_pages.StaticLinks(1, base_url)
        files[f"{lang}/{portal_meta.STATEMENT_SLUGS[lang]}.html"] = portal_pages.statement_page(
            gettext_for(lang), links, lang, statement)
        files[f"{lang}/404.html"] = portal_pages.error_page(gettext_for(lang), links, lang)
    for item in items:
        if item.get("prisma"):
            counts = counts_from_dict(item["prisma"])
            files[f"prisma/{item['id']}.svg"] = render_svg(counts, item["lang"])
            files[f"prisma/{item['id']}.png"] = render_png(counts, item["lang"])
    files.update(_feeds(items, gettext_for, base_url, publisher))
    files["sitemap.xml"] = portal_meta.sitemap(_sitemap_pages(files, items), base_url)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return sorted(files)


def _sitemap_pages(files: dict[str, str | bytes], items: list[dict]) -> list[tuple[str, str, dict[str, str]]]:
    """Every HTML page but the error pages, a summary with its translations as hreflang alternates."""
    by_path = {f"{i['lang']}/{i['id']}.html": i for i in items}
    pages = []
    for name in sorted(files):
        if not name.endswith(".html") or name.endswith("404.html"):
            continue
        item = by_path.get(name)
        alternates = {code: f"{code}/{sid}.html" for code, sid in (item.get("alternates") or {}).items()} if item else {}
        if name.split("/")[-1].split(".")[0] in portal_meta.STATEMENT_SLUGS.values():
            alternates = {code: f"{code}/{slug}.html" for code, slug in portal_meta.STATEMENT_SLUGS.items()}
        pages.append((name, item["published_at"] if item else "", alternates))
    return pages


def _language_pages(lang: str, items: list[dict], _: portal_pages.Gettext, base_url: str = "") -> dict[str, str]:
    by_slug: dict[str, str] = {}  # 'Helse' and 'helse' share one page
    for topic in sorted({t for i in items for t in i["topics"]}, key=str.lower):
        by_slug.setdefault(portal_pages.slug(topic), topic)
    topics = list(by_slug.values())
    pages = {f"{lang}/index.html": portal_pages.index_page(items, lang, _, portal_pages.StaticLinks(1, base_url), topics)}
    for key, topic in by_slug.items():
        chosen = [i for i in items if key in {portal_pages.slug(t) for t in i["topics"]}]
        pages[f"{lang}/topics/{portal_pages.slug(topic)}.html"] = portal_pages.index_page(
            chosen, lang, _, portal_pages.StaticLinks(2, base_url), topics, topic=topic)
    for item in items:
        pages[f"{lang}/{item['id']}.html"] = portal_pages.summary_page(item, _, portal_pages.StaticLinks(1, base_url))
    return pages


def _feeds(items: list[dict], gettext_for: Callable[[str], portal_pages.Gettext], base_url: str,
           publisher: str) -> dict[str, str]:
    def html_of(item: dict) -> str:
        return portal_pages.body_html(item["content"], gettext_for(item["lang"]))

    def path_of(item: dict) -> str:
        return f"{item['lang']}/{item['id']}.html"

    title = gettext_for("nb")("portal.site_title")
    written = {"feed.json": feeds.json_feed(items, title, base_url, html_of, path_of, publisher),
               "feed.atom": feeds.atom_feed(items, title, base_url, html_of, path_of, publisher)}
    for lang in LANGS:  # one feed per language too, titled in that language
        chosen, title = [i for i in items if i["lang"] == lang], gettext_for(lang)("portal.site_title")
        written[f"{lang}/feed.json"] = feeds.json_feed(chosen, title, base_url, html_of, path_of, publisher, lang)
        written[f"{lang}/feed.atom"] = feeds.atom_feed(chosen, title, base_url, html_of, path_of, publisher, lang)
    return written
