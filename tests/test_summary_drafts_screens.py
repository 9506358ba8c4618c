"""Two writers in the summary editor: each keeps their own draft, is told (who, when, in their own time zone) what
the other saved since, can read it, and saves over it only on purpose; a draft reaches no one who may not write."""
import re

import pytest
from conftest import login

from review.accounts import users as accounts
from review.projects import project as projects
from review.publishing import drafts, summaries
from screens.i18n.formats import fmt_datetime
from tests.blinding_worlds import every_url
from tests.review_factory import complete

JSON = {"Accept": "application/json"}
SECRET = "KARI-UNSAVED-SENTENCE"


@pytest.fixture
def team(conn, make_user):
    ids = {name: make_user(name) for name in ("lena", "kari", "rolf", "olga")}
    ids["ada"] = make_user("ada", admin=True)
    pid = projects.create_project(conn, ids["lena"], "Breaks at work")
    projects.set_member(conn, pid, ids["lena"], "kari", "communicator")
    projects.set_member(conn, pid, ids["lena"], "rolf", "reviewer")
    accounts.set_time_zone(conn, ids["kari"], "America/New_York")
    sid = summaries.create_summary(conn, pid, "nb", ids["lena"])
    summaries.save_version(conn, sid, ids["lena"], complete("Versjon 1"))
    return {"pid": pid, "sid": sid, **ids}


def editor(app, team, who):
    app.reset()
    login(app, who)
    return app.get(f"/projects/{team['pid']}/summaries/nb")


def autosave(app, team, page, **fields):
    """What the page's script sends a few seconds after typing stops."""
    form = page.forms["summary-form"]
    for name, value in fields.items():
        form[name] = value
    return app.post(f"/projects/{team['pid']}/summaries/nb/draft", dict(form.submit_fields()), headers=JSON).json


def test_two_writers_drafts_do_not_touch_each_other(app, conn, team):
    assert autosave(app, team, editor(app, team, "kari"), why="Karis avsnitt.")["ok"]
    assert autosave(app, team, editor(app, team, "lena"), why="Lenas avsnitt.")["ok"]
    assert editor(app, team, "kari").forms["summary-form"]["why"].value == "Karis avsnitt."
    lena = editor(app, team, "lena")
    assert lena.forms["summary-form"]["why"].value == "Lenas avsnitt."
    # each sees the other's draft named beside their own, with its text to read
    assert "kari has a draft of their own" in lena.html.select_one("#others-notice").text
    assert "Karis avsnitt." in lena.html.select_one("#others-notice details").text
    lena.forms["summary-form"].submit("intent", value="version")
    assert editor(app, team, "kari").forms["summary-form"]["why"].value == "Karis avsnitt."  # still hers


def test_the_editor_says_who_saved_a_version_since_and_when_in_the_readers_zone(app, conn, team):
    kari = editor(app, team, "kari")
    assert kari.forms["summary-form"]["base_version"].value == "1"
    assert kari.html.select_one("#others-notice") is None
    autosave(app, team, kari, why="Karis avsnitt.")
    summaries.save_version(conn, team["sid"], team["lena"], complete("Lenas versjon 2"), based_on=1)
    saved_at = summaries.latest_version(conn, team["sid"])["saved_at"]
    when = fmt_datetime(saved_at, "en", "America/New_York")
    # the next autosave tells her, and the page's script offers to reload
    answer = autosave(app, team, kari, why="Karis avsnitt, lengre.")
    assert answer["newer"] == [f"lena saved version 2 on {when}, after your text started from version 1."]
    assert answer["newer_key"] == "v2" and kari.html.select_one("form#summary-form")["data-newer"] == ""
    page = editor(app, team, "kari")
    notice = page.html.select_one("#others-notice")
    assert f"lena saved version 2 on {when}" in notice.text
    assert "Show version 2, saved by lena" in notice.select_one("details summary").text
    assert "Lenas versjon 2" in notice.select_one("details .pre").text
    assert page.forms["summary-form"]["why"].value == "Karis avsnitt, lengre."  # her own text, not Lena's
    assert page.forms["summary-form"]["base_version"].value == "1" and page.html.select_one("#save-over")


def test_saving_over_an_unseen_version_is_refused_until_the_writer_confirms(app, conn, team):
    kari = editor(app, team, "kari")
    kari.forms["summary-form"]["why"] = "Karis avsnitt."
    summaries.save_version(conn, team["sid"], team["lena"], complete("Lenas versjon 2"), based_on=1)
    page = kari.forms["summary-form"].submit("intent", value="version").follow()
    error = page.html.select_one("#summary-error").text
    assert "lena saved version 2" in error and "after the version your text started from (version 1)" in error
    assert "Your text was not saved as a version: it is kept as your draft" in error
    assert [v["content"]["title"] for v in summaries.list_versions(conn, team["sid"])] == ["Versjon 1", "Lenas versjon 2"]
    assert page.forms["summary-form"]["why"].value == "Karis avsnitt."  # nothing she typed is lost
    assert "Lenas versjon 2" in page.html.select_one("#others-notice").text
    # the same refusal for a script: 409 and what to do
    fields = dict(page.forms["summary-form"].submit_fields())
    refused = app.post(f"/projects/{team['pid']}/summaries/nb", {**fields, "intent": "version"}, headers=JSON, status=409)
    assert refused.json["stale"] and "Reload the page to compare." in refused.json["error"]
    # she has compared, and saves over version 2 on purpose
    assert page.forms["summary-form"]["seen_version"].value == "2"
    done = page.forms["summary-form"].submit("intent", value="overwrite").follow()
    assert "Saved as a new version." in done.html.select_one(".flash").text
    versions = summaries.list_versions(conn, team["sid"])
    assert [(v["number"], v["saved_by"], v["content"]["why"]) for v in versions][-1] == (3, team["kari"], "Karis avsnitt.")
    assert done.html.select_one("#others-notice") is None and done.html.select_one("#draft-notice") is None


def test_a_confirmation_covers_only_the_version_it_was_given_for(app, conn, team):
    kari = editor(app, team, "kari")
    summaries.save_version(conn, team["sid"], team["lena"], complete("Lenas versjon 2"), based_on=1)
    page = kari.forms["summary-form"].submit("intent", value="version").follow()
    summaries.save_version(conn, team["sid"], team["lena"], complete("Lenas versjon 3"), based_on=2)
    again = page.forms["summary-form"].submit("intent", value="overwrite").follow()
    assert "lena saved version 3" in again.html.select_one("#summary-error").text
    assert len(summaries.list_versions(conn, team["sid"])) == 3


def test_a_page_that_does_not_say_what_it_started_from_saves_no_version_over_others(app, conn, team):
    page = editor(app, team, "kari")
    fields = {k: v for k, v in page.forms["summary-form"].submit_fields() if k not in ("base_version", "seen_version")}
    app.post(f"/projects/{team['pid']}/summaries/nb", {**fields, "intent": "version"}, headers=JSON, status=409)
    assert len(summaries.list_versions(conn, team["sid"])) == 1


# --- no draft reaches anyone who may not write the summary -------------------------------------------------

VIEWERS = {"rolf": "a reviewer of the project", "olga": "someone outside it", "ada": "a site admin, not a member",
           None: "nobody signed in"}


@pytest.fixture
def kari_has_a_draft(app, conn, team):
    autosave(app, team, editor(app, team, "kari"), why=f"{SECRET} in the why.", title=f"{SECRET} title")
    assert drafts.get_draft(conn, team["sid"], team["kari"])
    app.reset()
    return team


@pytest.mark.parametrize("viewer", list(VIEWERS), ids=lambda v: str(v))
def test_no_route_shows_a_draft_to_someone_who_may_not_write(app, conn, kari_has_a_draft, viewer):
    team = kari_has_a_draft
    if viewer:
        login(app, viewer)
    urls = [u for u in every_url(app, conn, team["pid"]) if "?" not in u or "lang=" in u]
    assert any("/summaries/nb" in u for u in urls) and any(u.startswith("/portal") for u in urls)
    for url in urls:
        body = app.get(url, expect_errors=True).body
        assert SECRET.encode() not in body, f"{VIEWERS[viewer]}: GET {url}"
    token = re.search(r'name="csrf_token" value="([^"]+)"', app.get("/").text)
    fields = {"csrf_token": token.group(1) if token else "", "why": "mine now", "intent": "draft"}
    for path in ("/draft", "", "/draft/discard"):
        for headers in ({}, JSON):
            response = app.post(f"/projects/{team['pid']}/summaries/nb{path}", fields, headers=headers, expect_errors=True)
            assert response.status_int in (302, 303, 403, 404), f"{VIEWERS[viewer]}: POST {path} {response.status}"
            assert SECRET.encode() not in response.body
            assert not response.location or "/summaries" not in response.location
    assert drafts.get_draft(conn, team["sid"], team["kari"])["content"]["title"] == f"{SECRET} title"


def test_the_walk_would_see_a_draft_shown_to_a_writer(app, conn, kari_has_a_draft):
    """The lead writes summaries too: the same walk finds Kari's draft on her page, so the test above can fail."""
    login(app, "lena")
    seen = [u for u in every_url(app, conn, kari_has_a_draft["pid"]) if "?" not in u
            and SECRET.encode() in app.get(u, expect_errors=True).body]
    assert seen == [f"/projects/{kari_has_a_draft['pid']}/summaries/nb"]
