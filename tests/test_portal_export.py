"""The static portal: every link resolves, the feeds are valid JSON Feed 1.1 and Atom, nothing outside is touched."""
import json
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from exports.errors import ExportFailure
from exports.portal import export_site
from review.publishing import publications
from screens.portal import gettext_for
from tests.review_factory import add_project, complete, published

ATOM = "{http://www.w3.org/2005/Atom}"
PRISMA = {"databases": [["MEDLINE", 40], ["Embase", 30]], "duplicates_removed": 20, "screened": 50,
          "screen_excluded": 38, "sought": 12, "not_retrieved": 1, "assessed": 11,
          "excluded": [["Wrong population", 6]], "studies_included": 5, "reports_included": 5}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


@pytest.fixture
def site(conn, tmp_path):
    project_id, users = add_project(conn, lead="lead", comm="communicator")
    snapshot = lambda pid: {"prisma": PRISMA, "certainty": [{"outcome": "fatigue", "certainty": "low", "studies": 3}]}  # noqa: E731
    published(conn, project_id, users, "nb", topics=["Helse og miljø", "Skift"], snapshot=snapshot)
    published(conn, project_id, users, "en", complete("Breaks <b>at</b> work"), ["Health"], snapshot=snapshot)
    other, other_users = add_project(conn, "Role conflict", lead2="lead", comm2="communicator")
    published(conn, other, {"lead": other_users["lead2"], "comm": other_users["comm2"]}, "nb",
              complete("Rollekonflikt"), ["helse og miljø"], snapshot=snapshot)
    dest = tmp_path / "site"
    export_site(dest, publications.published_summaries(conn), gettext_for, "https://example.org/sil/")
    return dest


def test_every_relative_link_resolves(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                assert parts.scheme == "https", f"{page}: {link}"
                continue
            if not parts.path:
                assert parts.fragment in parser.ids, f"{page}: {link}"
                continue
            assert (page.parent / parts.path).resolve().is_file(), f"{page}: broken link {link}"


def test_pages_are_self_contained_and_escaped(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'src="http' not in text and 'href="/' not in text
    english = (site / "en").glob("*.html")
    summary = next(p for p in english if p.stem.isdigit() and p.stem != "404").read_text(encoding="utf-8")
    assert "Breaks &lt;b&gt;at&lt;/b&gt; work" in summary and "<b>at</b>" not in summary
    assert 'role="img"' in summary and "Records screened (n = 50)" in summary
    assert 'hreflang="nb"' in summary


def test_topics_that_differ_only_in_case_share_a_page(site):
    page = (site / "nb" / "topics" / "helse-og-miljo.html").read_text(encoding="utf-8")
    assert "Pauser på jobben" in page and "Rollekonflikt" in page


def test_json_feed_1_1_is_valid(site):
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["feed_url"] == "https://example.org/sil/feed.json"
    assert len(feed["items"]) == 3
    ids = set()
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"] not in ids
        ids.add(item["id"])
        assert item.get("content_html") or item.get("content_text")
        assert item["url"].startswith("https://example.org/sil/")
        datetime.fromisoformat(item["date_published"].replace("Z", "+00:00"))
        assert isinstance(item["tags"], list) and item["language"] in ("nb", "en")
        assert (site / item["url"].removeprefix("https://example.org/sil/")).is_file()


def test_atom_feed_is_valid(site):
    root = ET.parse(site / "feed.atom").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}").text
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/sil/feed.atom"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for required in ("id", "title", "updated", "published"):
            assert entry.find(f"{ATOM}{required}").text
        assert entry.find(f"{ATOM}id").text.startswith("tag:")
        datetime.fromisoformat(entry.find(f"{ATOM}updated").text.replace("Z", "+00:00"))
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("https://example.org/sil/")
        assert entry.find(f"{ATOM}content").get("type") == "html"


def test_export_replaces_an_earlier_export_but_never_another_folder(site, conn, tmp_path):
    export_site(site, [], gettext_for)
    assert not (site / "feed.json").read_text(encoding="utf-8").count('"id"')
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("precious")
    with pytest.raises(ExportFailure, match="not an earlier portal export") as refused:
        export_site(foreign, [], gettext_for)
    assert refused.value.kind == "conflict"
    assert (foreign / "thesis.docx").read_text() == "precious"


def test_export_portal_command(conn, db_path, tmp_path):
    import subprocess
    import sys

    project_id, users = add_project(conn, lead="lead", comm="communicator")
    published(conn, project_id, users, "nb", snapshot=lambda pid: {"prisma": PRISMA, "certainty": []})
    dest = tmp_path / "out"
    run = [sys.executable, "run.py", "--db", str(db_path), "export-portal", str(dest), "--base-url", "https://x.org"]
    result = subprocess.run(run, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    assert "1 published summaries" in result.stdout
    assert (dest / "nb" / "index.html").is_file() and (dest / "feed.atom").is_file()
    again = subprocess.run([*run[:5], str(tmp_path)], capture_output=True, text=True,
                           cwd=Path(__file__).resolve().parent.parent)
    assert again.returncode == 1 and again.stderr.startswith("error: ")
