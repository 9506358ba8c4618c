"""Summary states and roles: only a communicator or the lead publishes, the lead approves, versions are kept."""
import pytest

from review.publishing import publications, summaries
from review.store.errors import Conflict, Forbidden, Invalid, NotFound
from tests.review_factory import add_project, complete, published


@pytest.fixture
def review(conn):
    project_id, users = add_project(conn, lead="lead", comm="communicator", rev="reviewer")
    return conn, project_id, users


def test_full_path_records_who_published_when(review):
    conn, project_id, users = review
    sid = published(conn, project_id, users)
    summary = summaries.get_summary(conn, sid, users["lead"])
    assert summary["state"] == "published"
    assert summary["published_by"] == users["comm"] and summary["published_at"]
    history = summaries.list_history(conn, sid)
    assert [(h["action"], h["user_name"]) for h in history] == [
        ("submit", "comm"), ("approve", "lead"), ("publish", "comm")]
    assert publications.published_summary(conn, sid)["prisma"] == {"screened": 5}


def test_reviewer_cannot_write_or_publish(review):
    conn, project_id, users = review
    with pytest.raises(Forbidden):
        summaries.create_summary(conn, project_id, "nb", users["rev"])
    sid = summaries.create_summary(conn, project_id, "nb", users["comm"])
    summaries.save_version(conn, sid, users["comm"], complete())
    summaries.change_state(conn, sid, users["comm"], "submit")
    summaries.change_state(conn, sid, users["lead"], "approve")
    with pytest.raises(Forbidden):
        summaries.change_state(conn, sid, users["rev"], "publish")
    assert summaries.get_summary(conn, sid, users["rev"])["state"] == "in_review"


def test_only_the_lead_approves_and_publication_needs_approval(review):
    conn, project_id, users = review
    sid = summaries.create_summary(conn, project_id, "en", users["comm"])
    summaries.save_version(conn, sid, users["comm"], complete("Breaks at work"))
    summaries.change_state(conn, sid, users["comm"], "submit")
    with pytest.raises(Forbidden):
        summaries.change_state(conn, sid, users["comm"], "approve")
    with pytest.raises(Conflict):
        summaries.change_state(conn, sid, users["comm"], "publish")
    summaries.change_state(conn, sid, users["lead"], "return")
    assert summaries.get_summary(conn, sid, users["comm"])["state"] == "draft"


def test_incomplete_summary_cannot_go_to_review(review):
    conn, project_id, users = review
    sid = summaries.create_summary(conn, project_id, "nb", users["comm"])
    summaries.save_version(conn, sid, users["comm"], {"title": "Utkast", "key_messages": ["Én"]})
    with pytest.raises(Invalid, match="key messages"):
        summaries.change_state(conn, sid, users["comm"], "submit")


def test_every_version_is_kept_and_public_page_keeps_published_text_while_revised(review):
    conn, project_id, users = review
    sid = published(conn, project_id, users)
    summaries.save_version(conn, sid, users["comm"], complete("Ny tittel"))
    assert [v["content"]["title"] for v in summaries.list_versions(conn, sid)] == ["Pauser på jobben", "Ny tittel"]
    assert summaries.get_summary(conn, sid, users["comm"])["state"] == "draft"
    assert publications.published_summary(conn, sid)["title"] == "Pauser på jobben"


def test_withdrawn_summary_leaves_the_portal(review):
    conn, project_id, users = review
    sid = published(conn, project_id, users)
    with pytest.raises(Forbidden):
        summaries.change_state(conn, sid, users["rev"], "withdraw")
    summaries.change_state(conn, sid, users["lead"], "withdraw")
    with pytest.raises(NotFound):
        publications.published_summary(conn, sid)
    assert publications.published_summaries(conn) == []


def test_non_member_sees_nothing(review):
    conn, project_id, users = review
    from tests.review_factory import add_user
    stranger = add_user(conn, "stranger")
    sid = summaries.create_summary(conn, project_id, "nb", users["lead"])
    with pytest.raises(NotFound):
        summaries.get_summary(conn, sid, stranger)


def test_javascript_link_is_refused(review):
    conn, project_id, users = review
    sid = summaries.create_summary(conn, project_id, "nb", users["comm"])
    with pytest.raises(Invalid, match="http"):
        summaries.save_version(conn, sid, users["comm"], complete(url="javascript:alert(1)"))


def test_portal_list_filters_and_links_languages(review):
    conn, project_id, users = review
    nb = published(conn, project_id, users, "nb", topics=["Helse", "Skift"])
    en = published(conn, project_id, users, "en", complete("Breaks at work"), ["Health"])
    assert {s["id"] for s in publications.published_summaries(conn)} == {nb, en}
    assert [s["id"] for s in publications.published_summaries(conn, lang="en")] == [en]
    assert [s["id"] for s in publications.published_summaries(conn, topic="skift")] == [nb]
    assert [s["id"] for s in publications.published_summaries(conn, query="breaks")] == [en]
    assert publications.published_summary(conn, nb)["other_id"] == en
    assert publications.published_topics(conn) == ["Health", "Helse", "Skift"]


def test_publication_freezes_grade_certainty_and_prisma(review):
    from review.appraisal import evidence, studies

    conn, project_id, users = review
    study = studies.create_study(conn, project_id, users["lead"], "Hansen 2021", [], design="observational")
    evidence.create_outcome(conn, project_id, users["lead"], "fatigue", [study])
    sid = published(conn, project_id, users, snapshot=lambda pid: summaries.publication_snapshot(conn, pid))
    public = publications.published_summary(conn, sid)
    assert public["certainty"] == [{"outcome": "fatigue", "certainty": "low", "studies": 1, "effect": ""}]
    assert public["prisma"]["databases"] == [] and public["prisma"]["screened"] == 0
    evidence.create_outcome(conn, project_id, users["lead"], "sleep", [study])
    assert len(publications.published_summary(conn, sid)["certainty"]) == 1
