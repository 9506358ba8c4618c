"""Each writer's own draft of a summary (migration 0017): two writers' drafts are independent, a version is not
saved over one the writer has not seen unless they say so, and no one but the summary's writers sees a draft."""
import itertools
import json
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.publishing import drafts, summaries
from review.store import db
from review.store.errors import Conflict, Forbidden, NotFound
from tests.review_factory import add_project, add_user, complete


@pytest.fixture(autouse=True)
def ticking(monkeypatch):
    """Drafts and versions saved one second apart, as people's are: "newer than" is then well defined."""
    clock = _ticking_clock()
    monkeypatch.setattr("review.publishing.drafts.now", clock)
    monkeypatch.setattr("review.publishing.summaries.now", clock)


@pytest.fixture
def review(conn):
    project_id, users = add_project(conn, lead="lead", kari="communicator", kim="communicator", rolf="reviewer")
    sid = summaries.create_summary(conn, project_id, "nb", users["kari"])
    return conn, sid, users


def text(title):
    return complete(title)


def test_two_writers_keep_their_own_drafts(review):
    conn, sid, users = review
    drafts.save_draft(conn, sid, users["kari"], text("Karis utkast"))
    drafts.save_draft(conn, sid, users["kim"], text("Kims utkast"))
    drafts.save_draft(conn, sid, users["kari"], text("Karis utkast, lengre"))
    assert drafts.get_draft(conn, sid, users["kari"])["content"]["title"] == "Karis utkast, lengre"
    assert drafts.get_draft(conn, sid, users["kim"])["content"]["title"] == "Kims utkast"
    assert drafts.get_draft(conn, sid, users["lead"]) is None
    # a version clears its writer's draft only; discarding clears one's own only
    drafts.save_version_from_draft(conn, sid, users["kari"], text("Karis utkast, lengre"), based_on=0)
    assert drafts.get_draft(conn, sid, users["kari"]) is None
    assert drafts.get_draft(conn, sid, users["kim"])["content"]["title"] == "Kims utkast"
    drafts.save_draft(conn, sid, users["lead"], text("Ledelsens utkast"))
    drafts.discard_draft(conn, sid, users["lead"])
    assert drafts.get_draft(conn, sid, users["kim"])["content"]["title"] == "Kims utkast"


def test_a_writer_is_told_who_saved_a_version_since_and_who_has_a_newer_draft(review):
    conn, sid, users = review
    drafts.save_draft(conn, sid, users["kim"], text("Kims utkast"), based_on=0)
    assert drafts.get_draft(conn, sid, users["kim"])["based_on"] == 0
    drafts.save_version_from_draft(conn, sid, users["kari"], text("Versjon 1"), based_on=0)
    newer = drafts.newer_work(conn, sid, users["kim"], 0)
    assert [(v["number"], v["user_name"], v["content"]["title"]) for v in newer["versions"]] == [(1, "kari", "Versjon 1")]
    assert newer["drafts"] == []  # Kari's draft went into her version
    drafts.save_draft(conn, sid, users["kari"], text("Karis nye utkast"))
    assert drafts.get_draft(conn, sid, users["kari"])["based_on"] == 1  # she started from the newest version
    seen_by_kim = drafts.newer_work(conn, sid, users["kim"], 0)["drafts"]
    assert [(d["user_name"], d["content"]["title"], d["based_on"]) for d in seen_by_kim] == [("kari", "Karis nye utkast", 1)]
    # Kari sees Kim's draft only once it is newer than the newest version: his is older than version 1
    assert drafts.newer_work(conn, sid, users["kari"], 1) == {"versions": [], "drafts": []}
    drafts.save_draft(conn, sid, users["kim"], text("Kims utkast, lengre"))
    assert [d["user_name"] for d in drafts.newer_work(conn, sid, users["kari"], 1)["drafts"]] == ["kim"]


def test_a_version_on_top_of_one_the_writer_has_not_seen_is_refused(review):
    conn, sid, users = review
    summaries.save_version(conn, sid, users["kari"], text("Versjon 1"))
    drafts.save_draft(conn, sid, users["kim"], text("Kims utkast"), based_on=1)
    summaries.save_version(conn, sid, users["kari"], text("Versjon 2"), based_on=1)
    with pytest.raises(Conflict) as refused:
        drafts.save_version_from_draft(conn, sid, users["kim"], text("Kims utkast"), based_on=1)
    assert refused.value.key == "error.summary.stale" and refused.value.status == 409
    assert refused.value.values["who"] == "kari" and refused.value.values["number"] == 2
    assert refused.value.values["base"] == 1 and refused.value.values["at"].endswith("Z")
    assert "kari saved version 2" in refused.value.message and "save over it on purpose" in refused.value.message
    assert [v["content"]["title"] for v in summaries.list_versions(conn, sid)] == ["Versjon 1", "Versjon 2"]
    assert drafts.get_draft(conn, sid, users["kim"])["content"]["title"] == "Kims utkast"  # nothing lost


def test_a_writer_who_started_before_any_version_is_refused_with_its_own_words(review):
    conn, sid, users = review
    summaries.save_version(conn, sid, users["kari"], text("Versjon 1"))
    with pytest.raises(Conflict) as refused:
        summaries.save_version(conn, sid, users["kim"], text("Kims tekst"), based_on=0)
    assert refused.value.key == "error.summary.stale_first"


def test_saving_over_the_version_now_seen_is_allowed_and_only_that_one(review):
    conn, sid, users = review
    summaries.save_version(conn, sid, users["kari"], text("Versjon 1"))
    summaries.save_version(conn, sid, users["kari"], text("Versjon 2"))
    drafts.save_draft(conn, sid, users["kim"], text("Kims utkast"), based_on=1)
    # Kim has looked at version 2 and saves over it on purpose
    assert drafts.save_version_from_draft(conn, sid, users["kim"], text("Kims utkast"), based_on=2) == 3
    assert drafts.get_draft(conn, sid, users["kim"]) is None
    # a confirmation is for the version seen: a version saved after it is refused again
    summaries.save_version(conn, sid, users["kari"], text("Versjon 4"))
    with pytest.raises(Conflict):
        summaries.save_version(conn, sid, users["kim"], text("Kims andre"), based_on=3)
    assert len(summaries.list_versions(conn, sid)) == 4


def test_version_saves_keep_the_audit_trail_they_had(review):
    """A revision of a published summary is logged as before; a refused save writes nothing."""
    conn, sid, users = review
    summaries.save_version(conn, sid, users["kari"], text("Versjon 1"), based_on=0)
    summaries.change_state(conn, sid, users["kari"], "submit")
    summaries.change_state(conn, sid, users["lead"], "approve")
    summaries.change_state(conn, sid, users["kari"], "publish", snapshot=lambda pid: {"prisma": {}, "certainty": []})
    audit = "SELECT action, user_id FROM audit_events WHERE subject = ? ORDER BY id"
    before = conn.execute(audit, (f"summary:{sid}",)).fetchall()
    with pytest.raises(Conflict):
        drafts.save_version_from_draft(conn, sid, users["kim"], text("Gammel"), based_on=0)
    assert conn.execute(audit, (f"summary:{sid}",)).fetchall() == before
    drafts.save_version_from_draft(conn, sid, users["kim"], text("Revidert"), based_on=1)
    after = [tuple(row) for row in conn.execute(audit, (f"summary:{sid}",))]
    assert after[len(before):] == [("summary.revise", users["kim"])]


def test_a_draft_cannot_claim_a_version_that_does_not_exist(review):
    conn, sid, users = review
    summaries.save_version(conn, sid, users["kari"], text("Versjon 1"))
    assert drafts.save_draft(conn, sid, users["kim"], text("Kims utkast"), based_on=99)[1] == 1
    assert drafts.save_draft(conn, sid, users["kim"], text("Kims utkast"), based_on=-3)[1] == 0


# --- only writers see drafts: a property over roles and sequences of actions -----------------------------------

PEOPLE = {"lea": "lead", "kari": "communicator", "kim": "communicator", "rolf": "reviewer", "olga": None, "ada": "admin"}
WRITERS = {name for name, role in PEOPLE.items() if role in summaries.WRITERS}
ACTIONS = ("draft", "version", "discard", "stale")


def _world():
    """A fresh in-memory database: the people above (olga outside the project, ada a site admin, not a member)."""
    conn = db.open_database(":memory:")
    project_id, ids = add_project(conn, **{n: r for n, r in PEOPLE.items() if r in ("lead", "communicator", "reviewer")})
    ids["olga"] = add_user(conn, "olga")
    ids["ada"] = add_user(conn, "ada")
    conn.execute("UPDATE users SET is_admin = 1 WHERE id = ?", (ids["ada"],))
    return conn, summaries.create_summary(conn, project_id, "en", ids["kari"]), ids


def _ticking_clock():
    """A now() one second later at each call, so "newer than the newest version" is well defined in a fast test."""
    ticks = itertools.count(1)

    def now():
        tick = next(ticks)
        return f"2026-12-03T{tick // 3600:02d}:{tick // 60 % 60:02d}:{tick % 60:02d}Z"

    return now


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.sampled_from(sorted(PEOPLE)), st.sampled_from(ACTIONS)), min_size=1, max_size=14))
def test_drafts_are_each_writers_own_and_reach_no_one_else(steps):
    clock = _ticking_clock()
    with mock.patch("review.publishing.drafts.now", clock), mock.patch("review.publishing.summaries.now", clock):
        conn, sid, ids = _world()
        mine: dict[str, tuple[str, str]] = {}  # writer -> (title, saved_at) of their draft
        newest = (0, "")  # (number, saved_at) of the newest version
        for n, (who, action) in enumerate(steps):
            title = f"step {n}: {who}'s text"
            if who not in WRITERS:
                _refused_everything(conn, sid, ids[who], title)
                continue
            if action == "draft":
                at, _ = drafts.save_draft(conn, sid, ids[who], text(title))
                mine[who] = (title, at)
            elif action == "version":
                number = drafts.save_version_from_draft(conn, sid, ids[who], text(title), based_on=newest[0])
                newest = (number, summaries.latest_version(conn, sid)["saved_at"])
                mine.pop(who, None)
            elif action == "discard":
                drafts.discard_draft(conn, sid, ids[who])
                mine.pop(who, None)
            elif action == "stale" and newest[0]:
                with pytest.raises(Conflict):
                    drafts.save_version_from_draft(conn, sid, ids[who], text(title), based_on=newest[0] - 1)
            for writer in WRITERS:
                own = drafts.get_draft(conn, sid, ids[writer])
                assert (own["content"]["title"] if own else None) == (mine[writer][0] if writer in mine else None), \
                    (writer, steps)
                others = drafts.newer_work(conn, sid, ids[writer], newest[0])["drafts"]
                expected = {w for w, (_, at) in mine.items() if w != writer and at >= newest[1]}
                assert {d["user_name"] for d in others} == expected, (writer, steps)
        conn.close()


def _refused_everything(conn, sid, user_id, title):
    """Every way to a draft refuses this person, and what they tried leaves no draft behind."""
    before = conn.execute("SELECT * FROM summary_drafts ORDER BY user_id").fetchall()
    attempts = [
        lambda: drafts.get_draft(conn, sid, user_id),
        lambda: drafts.newer_work(conn, sid, user_id, 0),
        lambda: drafts.save_draft(conn, sid, user_id, text(title)),
        lambda: drafts.discard_draft(conn, sid, user_id),
        lambda: drafts.save_version_from_draft(conn, sid, user_id, text(title)),
    ]
    for attempt in attempts:
        with pytest.raises((Forbidden, NotFound)):
            attempt()
    assert [tuple(r) for r in conn.execute("SELECT * FROM summary_drafts ORDER BY user_id")] == [tuple(r) for r in before]


# --- migration 0017 -------------------------------------------------------------------------------------------

def test_migration_0017_gives_each_old_draft_to_the_writer_who_saved_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = db.connect(path)
    assert db.migrate(old, upto=16) == 16
    project_id, users = add_project(old, lead="lead", kari="communicator", kim="communicator")
    nb = summaries.create_summary(old, project_id, "nb", users["kari"])
    en = summaries.create_summary(old, project_id, "en", users["kim"])
    nn = summaries.create_summary(old, project_id, "nn", users["lead"])
    summaries.save_version(old, nb, users["kari"], text("Versjon 1"))
    summaries.save_version(old, en, users["kim"], text("Version 1"))
    draft = "INSERT INTO summary_drafts (summary_id, content, topics, saved_at, saved_by) VALUES (?, ?, '[\"helse\"]', ?, ?)"
    old.execute(draft, (nb, json.dumps(text("Kims utkast")), "2999-12-01T10:00:00Z", users["kim"]))
    old.execute(draft, (en, json.dumps(text("Draft from before")), "2000-12-01T11:00:00Z", users["kari"]))
    old.execute(draft, (nn, json.dumps(text("Utkast utan skrivar")), "2999-12-01T12:00:00Z", None))
    old.close()

    conn = db.open_database(path)
    assert db.schema_version(conn) == 17
    carried = drafts.get_draft(conn, nb, users["kim"])
    assert carried["content"]["title"] == "Kims utkast" and carried["topics"] == ["helse"]
    assert carried["saved_at"] == "2999-12-01T10:00:00Z" and carried["based_on"] == 1  # version 1 came before it
    assert drafts.get_draft(conn, nb, users["kari"]) is None
    assert drafts.get_draft(conn, en, users["kari"])["based_on"] == 0  # written before version 1
    assert drafts.get_draft(conn, nn, users["kim"]) is None
    assert drafts.get_draft(conn, nn, users["lead"])["content"]["title"] == "Utkast utan skrivar"  # the summary's starter
    # and they now behave as drafts of their writers: Kari sees Kim's, each can save over what they have seen
    assert [d["user_name"] for d in drafts.newer_work(conn, nb, users["kari"], 1)["drafts"]] == ["kim"]
    assert drafts.save_version_from_draft(conn, nb, users["kim"], carried["content"], based_on=carried["based_on"]) == 2
    assert conn.execute("SELECT COUNT(*) FROM summary_drafts").fetchone()[0] == 2
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
