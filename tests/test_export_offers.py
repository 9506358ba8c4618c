"""Who may take which export, and what a blinded reviewer's export holds: never another's decision on an open record."""
import csv
import io

import pytest

from review.publishing import offers as export_offers
from review.screening import decisions as screening
from review.store.db import transaction
from review.store.errors import Forbidden, Invalid, NotFound
from tests.screening_setup import add_user, make_project


@pytest.fixture
def blinded(conn):
    """Blinded, two reviewers per record: record 0 settled include, 1 a conflict, 2 open (only rolf decided)."""
    project_id, users, ids = make_project(conn, records=4, members={"lea": "lead", "rita": "reviewer",
                                                                     "rolf": "reviewer", "cora": "communicator"})
    for reviewer in ("rita", "rolf"):
        screening.record_decision(conn, project_id, users[reviewer], ids[0], 1, "include")
    screening.record_decision(conn, project_id, users["rita"], ids[1], 1, "include")
    screening.record_decision(conn, project_id, users["rolf"], ids[1], 1, "exclude")
    screening.record_decision(conn, project_id, users["rolf"], ids[2], 1, "exclude", note="rolf's secret note",
                              labels=["shift work"])
    return conn, project_id, users, ids


def rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_a_blinded_reviewer_is_offered_no_set_chosen_by_others(blinded):
    conn, project_id, users, _ = blinded
    offers = {o["what"]: o["allowed"] for o in export_offers.offers_for(conn, project_id, users["rita"])}
    assert offers["records-with-decisions"] and offers["decisions"] and offers["prisma"]
    assert not offers["included"] and not offers["excluded"] and not offers["conflicts"]
    with pytest.raises(Forbidden, match="blinded"):
        export_offers.export_for(conn, project_id, users["rita"], "conflicts", "csv", stage=1)
    lead = {o["what"]: o["allowed"] for o in export_offers.offers_for(conn, project_id, users["lea"])}
    assert all(lead.values())


def test_a_blinded_reviewers_decision_log_holds_only_their_own(blinded):
    conn, project_id, users, ids = blinded
    content, mimetype, name = export_offers.export_for(conn, project_id, users["rita"], "decisions", "csv")
    assert {r["reviewer"] for r in rows(content)} == {"rita"}
    assert mimetype.startswith("text/csv") and name == f"sil-project{project_id}-decisions.csv"
    everything = rows(export_offers.export_for(conn, project_id, users["lea"], "decisions", "csv")[0])
    # The lead resolves, so sees decisions on closed records (settled, conflict), never rolf's on the open one.
    assert {(r["record_id"], r["reviewer"]) for r in everything} >= {(str(ids[1]), "rolf")}
    assert str(ids[2]) not in {r["record_id"] for r in everything}


def test_records_with_decisions_hide_anothers_note_and_label_on_an_open_record(blinded):
    conn, project_id, users, ids = blinded
    content = export_offers.export_for(conn, project_id, users["rita"], "records-with-decisions", "csv")[0]
    assert "rolf's secret note" not in content.decode() and "shift work" not in content.decode()
    assert export_offers.export_for(conn, project_id, users["rita"], "labelled", "ris",
                                    label="shift work")[0] == b""
    own = export_offers.export_for(conn, project_id, users["rolf"], "labelled", "csv", label="Shift work")
    assert [r["record_id"] for r in rows(own[0])] == [str(ids[2])]
    assert own[2] == f"sil-project{project_id}-labelled-shift-work.csv"


def test_lifting_blinding_opens_every_set_to_every_member(blinded):
    conn, project_id, users, ids = blinded
    with transaction(conn):
        conn.execute("UPDATE projects SET blinded = 0 WHERE id = ?", (project_id,))
    content, _, name = export_offers.export_for(conn, project_id, users["cora"], "conflicts", "csv", stage=1)
    assert [r["record_id"] for r in rows(content)] == [str(ids[1])]
    assert name == f"sil-project{project_id}-conflicts-stage1.csv"
    labelled = export_offers.export_for(conn, project_id, users["rita"], "labelled", "csv", label="shift work")[0]
    assert [r["record_id"] for r in rows(labelled)] == [str(ids[2])]


def test_non_members_and_unknown_exports_are_refused(blinded):
    conn, project_id, _, _ = blinded
    stranger = add_user(conn, "stranger")
    with pytest.raises(NotFound):
        export_offers.export_for(conn, project_id, stranger, "records", "csv")
    lead = conn.execute("SELECT user_id FROM memberships WHERE role = 'lead'").fetchone()[0]
    with pytest.raises(Invalid, match="choose what"):
        export_offers.export_for(conn, project_id, lead, "everything", "csv")
    with pytest.raises(Invalid, match="exported as"):
        export_offers.export_for(conn, project_id, lead, "searches", "ris")


def test_every_export_of_the_command_line_is_offered_on_the_web():
    from review.publishing import exports as exporting
    from screens.exports import GROUPS

    assert set(export_offers.OFFERS) == set(exporting.EXPORTS)
    assert sorted(w for _, names in GROUPS for w in names) == sorted(exporting.EXPORTS)
