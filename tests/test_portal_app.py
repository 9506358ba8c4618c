"""The live portal through WSGI: public pages without login, only published summaries, feeds, diagrams."""
import json

from review.publishing import summaries
from tests.review_factory import add_project, complete, published
from tests.test_portal_export import PRISMA


def setup(conn):
    project_id, users = add_project(conn, lead="lead", comm="communicator")
    snapshot = lambda pid: {"prisma": PRISMA, "certainty": []}  # noqa: E731
    nb = published(conn, project_id, users, "nb", topics=["Helse"], snapshot=snapshot)
    en = summaries.create_summary(conn, project_id, "en", users["comm"])
    summaries.save_version(conn, en, users["comm"], complete("Secret draft"))
    return nb, en


def test_public_list_and_summary_without_login(app, conn):
    nb, _ = setup(conn)
    page = app.get("/portal/nb/")
    assert "Pauser på jobben" in page.text and "Secret draft" not in page.text
    assert page.html.find("html")["lang"] == "nb"
    summary = page.click("Pauser på jobben")
    assert summary.html.find("svg")["role"] == "img"
    assert "Poster screenet (n = 50)" in summary.text
    assert app.get("/portal/en/").text.count("Secret draft") == 0


def test_drafts_are_not_found(app, conn):
    _, en = setup(conn)
    assert app.get(f"/portal/en/{en}", status=404)
    assert app.get(f"/portal/prisma/{en}.svg", status=404)


def test_search_and_topic_filter(app, conn):
    setup(conn)
    assert "Pauser på jobben" in app.get("/portal/nb/", {"q": "pauser"}).text
    assert "Pauser på jobben" not in app.get("/portal/nb/", {"q": "nattarbeid"}).text
    assert "Pauser på jobben" in app.get("/portal/nb/", {"topic": "helse"}).text


def test_feeds_and_diagram_downloads(app, conn):
    nb, _ = setup(conn)
    feed = app.get("/portal/feed.json")
    assert feed.content_type == "application/feed+json"
    assert [item["title"] for item in json.loads(feed.text)["items"]] == ["Pauser på jobben"]
    assert app.get("/portal/feed.atom").content_type == "application/atom+xml"
    assert app.get(f"/portal/prisma/{nb}.png").body.startswith(b"\x89PNG")
    assert "<svg" in app.get(f"/portal/prisma/{nb}.svg").text
    assert app.get("/portal/portal.css").status_int == 200
