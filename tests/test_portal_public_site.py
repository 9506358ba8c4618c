"""The portal as a public site: nynorsk, language choice and switch, ids unique per installation,
JSON-LD and Open Graph, the accessibility statement, the sitemap and the portal's own 404."""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import login

from exports.portal import export_site
from review.publishing import accessibility as portal_statement
from review.publishing import publications
from screens.portal import gettext_for
from tests.review_factory import add_project, complete, published
from tests.test_portal_export import PRISMA

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
REQUIRED_LD = ("@context", "@type", "headline", "inLanguage", "datePublished", "isBasedOn", "about")


class Head(HTMLParser):
    """The JSON-LD blocks and <meta property> tags of a page."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.meta, self._in_ld = [], {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"
        if tag == "meta" and attrs.get("property"):
            self.meta.setdefault(attrs["property"], []).append(attrs.get("content"))

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def snapshot(pid):
    return {"prisma": PRISMA, "certainty": [{"outcome": "fatigue", "certainty": "low", "studies": 3}]}


@pytest.fixture
def three(conn):
    project_id, users = add_project(conn, "Pauser i turnus", lead="lead", comm="communicator")
    ids = {"nb": published(conn, project_id, users, "nb", topics=["Helse"], snapshot=snapshot),
           "nn": published(conn, project_id, users, "nn", complete("Pausar på jobben </script><b>x</b>"), ["Helse"], snapshot),
           "en": published(conn, project_id, users, "en", complete("Breaks at work"), ["Health"], snapshot)}
    other, more = add_project(conn, "Only in bokmål", lead2="lead", comm2="communicator")
    ids["other"] = published(conn, other, {"lead": more["lead2"], "comm": more["comm2"]}, "nb",
                             complete("Rollekonflikt"), snapshot=snapshot)
    return ids


def test_accept_language_nn_chooses_nynorsk_and_the_front_page_lists_languages_per_review(app, three):
    page = app.get("/portal/", headers={"Accept-Language": "nn-NO,nn;q=0.9,nb;q=0.8"})
    assert page.html.find("html")["lang"] == "nn" and "Vary" in page.headers
    assert "Kunnskapsoppsummeringar om arbeid og helse" in page.text
    reviews = page.html.select("ul.summaries > li")
    assert len(reviews) == 2
    by_title = {li.find("h3").get_text(strip=True): [a["hreflang"] for a in li.select("p.meta a")] for li in reviews}
    assert by_title["Pausar på jobben </script><b>x</b>"] == ["nb", "nn", "en"]
    assert by_title["Rollekonflikt"] == ["nb"]
    assert app.get("/portal/", headers={"Accept-Language": "nb"}).html.find("html")["lang"] == "nb"
    assert app.get("/portal/", headers={"Accept-Language": "en-GB"}).html.find("html")["lang"] == "en"


def test_nynorsk_pages_have_nynorsk_text_and_the_reader_can_switch(app, three):
    index = app.get("/portal/nn/")
    assert index.html.find("html")["lang"] == "nn"
    assert "Alle oppsummeringar" in index.text and "Pausar på jobben" in index.text and "Rollekonflikt" not in index.text
    summary = app.get(f"/portal/nn/{three['nn']}")
    assert "Hovudbodskap" in summary.text and "Kva vi fann" in summary.text and "Låg" in summary.text
    assert "Postar screena (n = 50)" in summary.text  # the diagram in nynorsk too
    assert [a["hreflang"] for a in summary.html.select("nav.translations a")] == ["nb", "en"]
    switch = {a["hreflang"]: a["href"] for a in summary.html.select("nav.languages a")}
    assert switch == {"nb": f"/portal/nb/{three['nb']}", "nn": f"/portal/nn/{three['nn']}", "en": f"/portal/en/{three['en']}"}
    assert summary.html.select_one('nav.languages a[aria-current="true"]')["hreflang"] == "nn"
    bokmal = summary.click(href=f"/portal/nb/{three['nb']}", index=0)
    assert bokmal.html.find("html")["lang"] == "nb" and "Hovedbudskap" in bokmal.text
    # a review only in bokmål: the switch leads to the other languages' lists
    alone = app.get(f"/portal/nb/{three['other']}")
    assert {a["hreflang"]: a["href"] for a in alone.html.select("nav.languages a")}["nn"] == "/portal/nn/"
    footer = summary.html.select_one("footer a[href$='erklaering']")
    assert footer.get_text() == "Tilgjengelegheitserklæring"
    assert app.get(footer["href"]).html.find("h1").get_text() == "Tilgjengelegheitserklæring"


def test_the_portal_says_not_found_in_its_own_language(app, three):
    page = app.get("/portal/nn/99999", status=404)
    assert page.html.find("html")["lang"] == "nn" and "Fann ikkje sida" in page.text
    assert "Page not found" in app.get("/portal/en/no/such/page", status=404).text


def test_a_missing_diagram_gets_the_portals_not_found_page_in_the_readers_language(app, three):
    page = app.get("/portal/prisma/99999.svg", headers={"Accept-Language": "nn-NO"}, status=404)
    assert page.html.find("html")["lang"] == "nn" and "Fann ikkje sida" in page.text
    assert "prosjektene dine" not in page.text  # not the app's page, which offers a visitor "your projects"


def test_summary_pages_carry_valid_json_ld_and_open_graph(app, conn, three):
    page = app.get(f"/portal/nn/{three['nn']}")
    head = Head()
    head.feed(page.text)
    assert len(head.json_ld) == 1
    data = json.loads(head.json_ld[0])  # also proves the </script> in the title did not end the block
    assert all(key in data for key in REQUIRED_LD)
    assert data["@context"] == "https://schema.org" and data["@type"] == "ScholarlyArticle"
    assert data["inLanguage"] == "nn-NO" and data["headline"] == "Pausar på jobben </script><b>x</b>"
    assert data["datePublished"] == publications.published_summary(conn, three["nn"])["first_published_at"]
    assert data["isBasedOn"]["name"] == "Pauser i turnus" and data["isBasedOn"]["url"] == "https://example.org/report"
    assert [t["name"] for t in data["about"]] == ["Helse"]
    assert data["url"].endswith(f"/portal/nn/{three['nn']}")
    assert head.meta["og:type"] == ["article"] and head.meta["og:locale"] == ["nn_NO"]
    assert sorted(head.meta["og:locale:alternate"]) == ["en_GB", "nb_NO"]
    assert head.meta["og:title"] == ["Pausar på jobben </script><b>x</b>"]
    assert "<b>x</b>" not in page.text


def _ids(site: Path) -> set[str]:
    atom = ET.parse(site / "feed.atom").getroot()
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    return {atom.find(f"{ATOM}id").text, *(e.find(f"{ATOM}id").text for e in atom.iter(f"{ATOM}entry")),
            *(i["id"] for i in feed["items"])}


def test_feed_and_entry_ids_are_unique_per_installation(conn, three, tmp_path):
    items = publications.published_summaries(conn)
    export_site(tmp_path / "a", items, gettext_for, "https://arbeidsmiljo.example.no/kunnskap/")
    export_site(tmp_path / "b", items, gettext_for, "https://stami.example.no/")
    a, b = _ids(tmp_path / "a"), _ids(tmp_path / "b")
    assert len(a) == 1 + len(items)  # the feed's id and one id per summary (JSON and Atom agree)
    assert not a & b, "two institutes with the same summary ids would collide in one national portal"
    assert all(i.startswith("tag:arbeidsmiljo.example.no,") for i in a)
    export_site(tmp_path / "a", items, gettext_for, "https://arbeidsmiljo.example.no/kunnskap/")
    assert _ids(tmp_path / "a") == a  # ids are permanent: the same on every export


def test_live_feeds_take_their_ids_from_the_configured_base_url(conn, db_path, tmp_path, three):
    from webtest import TestApp

    from screens.app import make_app

    ids = []
    for host in ("https://one.example.org", "https://two.example.org"):
        live = TestApp(make_app({"db": db_path, "files": tmp_path / "files", "sil.portal_base_url": host}))
        ids.append({i["id"] for i in live.get("/portal/feed.json").json["items"]})
        assert all(i["url"].startswith(host + "/portal/") for i in live.get("/portal/feed.json").json["items"])
    assert ids[0] and not ids[0] & ids[1]


def test_static_export_has_the_statement_in_three_languages_and_a_sitemap(conn, make_user, three, tmp_path):
    admin = make_user("admin", admin=True)
    portal_statement.save_statement(conn, {"id": admin, "is_admin": 1}, {
        "organisation": "Statens arbeidsmiljøinstitutt", "contact_email": "uu@example.no",
        "checked_on": "2026-11-30", "known_issues": "PRISMA-diagrammet i PNG har ingen tekst\n"})
    site = tmp_path / "site"
    base = "https://portal.example.no/"
    export_site(site, publications.published_summaries(conn), gettext_for, base,
                statement=portal_statement.statement(conn, base))
    pages = {"nb": "tilgjengelighetserklaering", "nn": "tilgjengelegheitserklaering", "en": "accessibility-statement"}
    for lang, slug in pages.items():
        text = (site / lang / f"{slug}.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in text and "mailto:uu@example.no" in text and "2026-11-30" in text
        assert "Statens arbeidsmiljøinstitutt" in text and "uutilsynet.no" in text
        assert "PRISMA-diagrammet i PNG har ingen tekst" in text
        axe = portal_statement.axe_results()  # Sil's own recorded run (exports/axe_results.json)
        assert f"axe-core {axe['axe_version']}" in text and f"{axe['pages']} " in text
    for page in [p for p in site.rglob("*.html") if p.name != "404.html"]:
        assert "erklaering.html" in page.read_text(encoding="utf-8") or "accessibility-statement.html" in page.read_text(encoding="utf-8"), page
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [u.find(f"{SITEMAP}loc").text for u in root.iter(f"{SITEMAP}url")]
    assert f"{base}nn/{pages['nn']}.html" in locs and f"{base}nn/{three['nn']}.html" in locs
    assert not any(loc.endswith("404.html") for loc in locs)
    entry = next(u for u in root.iter(f"{SITEMAP}url") if u.find(f"{SITEMAP}loc").text == f"{base}nn/{three['nn']}.html")
    alternates = {link.get("hreflang"): link.get("href") for link in entry.iter("{http://www.w3.org/1999/xhtml}link")}
    assert alternates == {code: f"{base}{code}/{three[code]}.html" for code in ("nb", "nn", "en")}


def test_statement_fields_are_checked_and_only_an_admin_edits_them(app, conn, make_user):
    make_user("admin", admin=True)
    make_user("plain")
    login(app, "plain")
    assert app.get("/admin/accessibility", status=403)
    app.reset()
    login(app, "admin")
    page = app.get("/admin/accessibility")
    form = page.forms["statement-form"]
    form["contact_email"] = "not an address"
    bad = form.submit(status=400)
    assert "contact_email" in bad.text and bad.forms["statement-form"]["contact_email"].value == "not an address"
    form = bad.forms["statement-form"]
    form["contact_email"] = "uu@example.no"
    form["organisation"] = "Instituttet"
    form.submit().follow()
    assert portal_statement.saved_fields(conn)["contact_email"] == "uu@example.no"
    statement = app.get("/portal/en/accessibility-statement")
    assert "uu@example.no" in statement.text and "Instituttet" in statement.text
    assert conn.execute("SELECT COUNT(*) FROM audit_events WHERE action = 'portal.statement_saved'").fetchone()[0] == 1


def test_export_portal_without_base_url_warns_that_links_and_ids_are_relative(conn, db_path, tmp_path, three):
    run = [sys.executable, "run.py", "--db", str(db_path), "export-portal", str(tmp_path / "out")]
    result = subprocess.run(run, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    assert "warning: no --base-url" in result.stderr and "relative" in result.stderr and "ids" in result.stderr
    assert (tmp_path / "out" / "nn" / "tilgjengelegheitserklaering.html").is_file()
    with_base = subprocess.run([*run[:-1], str(tmp_path / "out2"), "--base-url", "https://x.example.org/"],
                               capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    assert with_base.returncode == 0 and "warning" not in with_base.stderr


def test_each_language_has_its_own_feed_titled_in_that_language(app, conn, three, tmp_path):
    feed = app.get("/portal/nn/feed.json").json
    assert feed["title"] == "Kunnskapsoppsummeringar om arbeid og helse" and feed["language"] == "nn"
    assert [i["language"] for i in feed["items"]] == ["nn"]
    atom = ET.fromstring(app.get("/portal/nn/feed.atom").body)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "nn"
    assert atom.find(f"{ATOM}title").text == "Kunnskapsoppsummeringar om arbeid og helse"
    page = app.get("/portal/nn/")
    assert page.html.select_one("link[type='application/atom+xml']")["href"] == "/portal/nn/feed.atom"
    site = tmp_path / "site"
    export_site(site, publications.published_summaries(conn), gettext_for, "https://portal.example.no/")
    ids = {json.loads((site / lang / "feed.json").read_text(encoding="utf-8"))["title"] for lang in ("nb", "nn", "en")}
    assert len(ids) == 3
    feed_ids = {ET.parse(site / p).getroot().find(f"{ATOM}id").text for p in ("feed.atom", "nb/feed.atom", "nn/feed.atom")}
    assert len(feed_ids) == 3
