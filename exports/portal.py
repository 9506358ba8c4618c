"""The portal as a self-contained static site: HTML, CSS, diagrams and feeds with relative links."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from exports import feeds, portal_pages
from exports.errors import ExportFailure
from exports.prisma import render_png, render_svg
from exports.prisma_text import counts_from_dict

MARKER = ".sil-portal"
LANGS = ("nb", "en")


def export_site(dest: str | Path, items: list[dict], gettext_for: Callable[[str], portal_pages.Gettext],
                base_url: str = "", publisher: str = "Sil") -> list[str]:
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
        written = _write_all(build, items, gettext_for, base_url, publisher)
        if dest.exists():
            shutil.rmtree(dest)
        build.rename(dest)
    finally:
        if build.exists():
            shutil.rmtree(build)
    return written


def _write_all(root: Path, items: list[dict], gettext_for: Callable[[str], portal_pages.Gettext],
               base_url: str, publisher: str) -> list[str]:
    files: dict[str, str | bytes] = {MARKER: "Written by Sil's export-portal; replaced on the next export.\n",
                                     "portal.css": (portal_pages.STATIC / "portal.css").read_text(encoding="utf-8"),
                                     "portal.js": (portal_pages.STATIC / "portal.js").read_text(encoding="utf-8"),
                                     "index.html": portal_pages.home_page(gettext_for("nb"), portal_pages.StaticLinks(0))}
    for lang in LANGS:
        files.update(_language_pages(lang, [i for i in items if i["lang"] == lang], gettext_for(lang)))
    for item in items:
        if item.get("prisma"):
            counts = counts_from_dict(item["prisma"])
            files[f"prisma/{item['id']}.svg"] = render_svg(counts, item["lang"])
            files[f"prisma/{item['id']}.png"] = render_png(counts, item["lang"])
    files.update(_feeds(items, gettext_for, base_url, publisher))
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return sorted(files)


def _language_pages(lang: str, items: list[dict], _: portal_pages.Gettext) -> dict[str, str]:
    by_slug: dict[str, str] = {}  # 'Helse' and 'helse' share one page
    for topic in sorted({t for i in items for t in i["topics"]}, key=str.lower):
        by_slug.setdefault(portal_pages.slug(topic), topic)
    topics = list(by_slug.values())
    pages = {f"{lang}/index.html": portal_pages.index_page(items, lang, _, portal_pages.StaticLinks(1), topics)}
    for key, topic in by_slug.items():
        chosen = [i for i in items if key in {portal_pages.slug(t) for t in i["topics"]}]
        pages[f"{lang}/topics/{portal_pages.slug(topic)}.html"] = portal_pages.index_page(
            chosen, lang, _, portal_pages.StaticLinks(2), topics, topic=topic)
    for item in items:
        pages[f"{lang}/{item['id']}.html"] = portal_pages.summary_page(item, _, portal_pages.StaticLinks(1))
    return pages


def _feeds(items: list[dict], gettext_for: Callable[[str], portal_pages.Gettext], base_url: str,
           publisher: str) -> dict[str, str]:
    def html_of(item: dict) -> str:
        return portal_pages.body_html(item["content"], gettext_for(item["lang"]))

    def path_of(item: dict) -> str:
        return f"{item['lang']}/{item['id']}.html"

    title = gettext_for("nb")("portal.site_title")
    return {"feed.json": feeds.json_feed(items, title, base_url, html_of, path_of, publisher),
            "feed.atom": feeds.atom_feed(items, title, base_url, html_of, path_of, publisher)}
