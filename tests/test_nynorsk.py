"""Nynorsk as a third summary language: storage, LIX, GRADE wording, the portal's texts and the 25 % share."""
import pytest

from review.publishing import language_share, readability, summaries, wording
from review.store import db
from review.store.errors import Invalid
from screens.portal_language import lacking_nynorsk, pick_portal_language, portal_text
from tests.review_factory import add_project, complete, published


def test_nynorsk_text_counted_by_hand():
    # S1: Nattarbeid aukar truleg risikoen for søvnvanskar (6 words; long: nattarbeid, risikoen,
    # søvnvanskar; "truleg" has six letters, not more). S2: Kvileromma hjelper òg (3 words; long:
    # kvileromma, hjelper; ò is a letter). LIX = 9/2 + 100*5/9 = 60.06: very hard, "svært vanskeleg".
    text = "Nattarbeid aukar truleg risikoen for søvnvanskar. Kvileromma hjelper òg."
    result = readability.measure(text)
    assert (result.words, result.sentences, result.long_words) == (9, 2, 5)
    assert result.lix == 60.1
    assert readability.band_label(result.band, "nn") == "svært vanskeleg"
    assert readability.band_label(result.band, "nb") == "svært vanskelig"
    # S2 alone: 3/1 + 100*2/3 = 69.7 is above the text's 60.06; S1 (6 + 50 = 56) is not
    assert [s.text for s in result.hard_sentences] == ["Kvileromma hjelper òg."]


@pytest.mark.parametrize("certainty, direction, expected", [
    ("high", "reduces", "Pausar reduserer trøyttleik."),
    ("moderate", "reduces", "Pausar reduserer truleg trøyttleik."),
    ("moderate", "increases", "Pausar aukar truleg trøyttleik."),
    ("low", "reduces", "Pausar reduserer kan hende trøyttleik."),
    ("low", "no_difference", "Pausar har kan hende liten eller ingen verknad på trøyttleik."),
    ("very_low", "reduces", "Det er svært usikkert om pausar reduserer trøyttleik."),
    ("very low", "increases", "Det er svært usikkert om pausar aukar trøyttleik."),
])
def test_grade_wording_in_nynorsk_per_certainty(certainty, direction, expected):
    x = "pausar" if certainty.startswith("very") else "Pausar"
    assert wording.finding_wording(certainty, x, "trøyttleik", direction, "nn") == expected


def test_certainty_labels_differ_where_nynorsk_does():
    assert [wording.certainty_label(c, "nn") for c in wording.CERTAINTIES] == [
        "Høg tillit", "Middels tillit", "Låg tillit", "Svært låg tillit"]
    assert wording.certainty_label("low", "nb") == "Lav tillit"
    # the editor offers every language at once
    offered = wording.wordings_for("moderate", {"nb": ("Pauser", "utmattelse"), "nn": ("Pausar", "trøyttleik")})
    assert offered == {"nb": "Pauser reduserer trolig utmattelse.", "nn": "Pausar reduserer truleg trøyttleik."}


def test_a_nynorsk_summary_has_its_own_state_and_versions(conn):
    project_id, users = add_project(conn, lead="lead", comm="communicator")
    nb = published(conn, project_id, users, "nb")
    nn = summaries.create_summary(conn, project_id, "nn", users["comm"])
    summaries.save_version(conn, nn, users["comm"], complete("Pausar på jobben"))
    summaries.save_version(conn, nn, users["comm"], complete("Pausar i arbeidstida"))
    found = summaries.project_summaries(conn, project_id, users["lead"])
    assert list(found) == ["nb", "nn", "en"]
    assert found["nb"]["state"] == "published" and found["nn"]["state"] == "draft" and found["en"] is None
    assert [v["content"]["title"] for v in summaries.list_versions(conn, nn)] == ["Pausar på jobben", "Pausar i arbeidstida"]
    assert nb != nn
    with pytest.raises(Invalid, match="nynorsk"):
        summaries.create_summary(conn, project_id, "se", users["comm"])


def test_the_rebuild_for_nynorsk_keeps_summaries_versions_and_events(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = db.connect(path)
    db.migrate(old, upto=9)
    project_id, users = add_project(old, lead="lead", comm="communicator")
    sid = published(old, project_id, users, "nb")
    before = [old.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("summaries", "summary_versions", "summary_events")]
    with pytest.raises(Exception, match="CHECK"):
        old.execute("INSERT INTO summaries (project_id, lang, created_at) VALUES (?, 'nn', 'x')", (project_id,))
    old.close()
    conn = db.open_database(path)
    after = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("summaries", "summary_versions", "summary_events")]
    assert after == before and before[1] >= 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("SELECT published_version_id FROM summaries WHERE id = ?", (sid,)).fetchone()[0]
    assert summaries.create_summary(conn, project_id, "nn", users["comm"])


def test_portal_texts_exist_in_nynorsk():
    assert portal_text("nn", "portal.all_summaries") == "Alle oppsummeringar"
    assert portal_text("nn", "portal.count", n=4) == "4 oppsummeringar"
    assert portal_text("nn", "portal.count", n=1) == "1 oppsummering"  # the portal's count has its singular in nynorsk too
    assert portal_text("nn", "portal.accessibility") == "Tilgjengelegheitserklæring"
    assert portal_text("nb", "portal.all_summaries") == "Alle oppsummeringer"
    import re
    from pathlib import Path
    used = set()
    for tpl in (Path(__file__).resolve().parent.parent / "exports" / "templates").glob("*.tpl"):
        used |= set(re.findall(r"""_\(\s*["']((?:portal|statement)\.[a-z0-9_.]*)["']""", tpl.read_text(encoding="utf-8")))
    used |= {f"portal.certainty_{c}" for c in ("", *wording.CERTAINTIES)}
    assert lacking_nynorsk(sorted(used)) == []


@pytest.mark.parametrize("header, expected", [
    ("nn", "nn"), ("nn-NO,nb;q=0.8", "nn"), ("nb;q=0.5, nn;q=0.9", "nn"), ("no", "nb"), ("nb-NO", "nb"),
    ("en-GB,en;q=0.9", "en"), ("de-DE", "nb"), ("", "nb"), ("nb, nn", "nb"),
])
def test_portal_language_from_accept_language(header, expected):
    assert pick_portal_language(header) == expected


def test_share_of_each_standard_for_the_25_percent_rule(conn):
    snapshot = lambda pid: {"prisma": None, "certainty": []}  # noqa: E731
    counted = []
    for n, langs in enumerate((("nb", "en"), ("nb",), ("nb", "nn"), ("nb",))):
        project_id, users = add_project(conn, f"Review {n}", **{f"lead{n}": "lead", f"comm{n}": "communicator"})
        users = {"lead": users[f"lead{n}"], "comm": users[f"comm{n}"]}
        for lang in langs:
            counted.append((lang, published(conn, project_id, users, lang, snapshot=snapshot), users["comm"], project_id))
    shares = language_share.published_shares(conn)
    # 4 bokmål and 1 nynorsk among the 5 Norwegian summaries (English is outside the rule): 80 % and 20 %
    assert (shares["standards"]["nb"]["summaries"], shares["standards"]["nn"]["summaries"]) == (4, 1)
    assert shares["standards"]["nn"]["share"] == pytest.approx(0.2) and not shares["meets"]
    words = len(readability.words_of("\n".join([complete()["title"]])))  # every summary has the same text
    assert shares["standards"]["nb"]["words"] == 4 * shares["standards"]["nn"]["words"] > words
    # withdrawing one bokmål summary: 3 and 1, 75 % and 25 %: the rule is met
    _, second_nb, comm, _ = counted[2]
    summaries.change_state(conn, second_nb, comm, "withdraw")
    shares = language_share.published_shares(conn)
    assert shares["standards"]["nn"]["share"] == pytest.approx(0.25) and shares["meets"]
    assert language_share.project_languages(conn, counted[3][3]) == ["nb", "nn"]
    assert language_share.project_languages(conn, counted[2][3]) == []
