import pytest

from exports.tables import write_csv
from review.screening import decisions as screening
from review.screening.agreement import agreement, agreement_table, cohen_kappa, interpret
from review.screening.settings import set_blinding
from review.store.errors import Forbidden
from tests.screening_setup import make_project


def test_kappa_two_categories_by_hand():
    # 8 of 10 agree; each used include 4 times: pe = (4*4 + 6*6) / 100 = 0.52; kappa = 0.28 / 0.48.
    a = list("IIIIEEEEEE")
    b = list("IIIEEEEEEI")
    percent, kappa = cohen_kappa(a, b)
    assert percent == pytest.approx(80.0)
    assert kappa == pytest.approx(0.58333, abs=1e-5)
    assert interpret(kappa) == "moderate"


def test_kappa_three_categories_by_hand():
    # 4 of 6 agree; pe = (2*2 + 1*2 + 3*2) / 36 = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5.
    percent, kappa = cohen_kappa(list("IIMEEE"), list("IMMEEI"))
    assert percent == pytest.approx(66.667, abs=1e-3)
    assert kappa == pytest.approx(0.5)


def test_kappa_undefined_when_both_use_one_label_and_landis_koch_bands():
    assert cohen_kappa(list("EEE"), list("EEE")) == (100.0, None)
    assert interpret(None) == "undefined"
    assert [interpret(k) for k in (-0.1, 0.0, 0.2, 0.21, 0.4, 0.6, 0.8, 0.81, 1.0)] == [
        "poor", "slight", "slight", "fair", "fair", "moderate", "substantial", "almost perfect", "almost perfect"]


def test_agreement_per_pair_from_decisions_and_csv(conn):
    project, users, ids = make_project(conn, records=10)
    a, b = list("IIIIEEEEEE"), list("IIIEEEEEEI")
    word = {"I": "include", "E": "exclude"}
    for rid, x, y in zip(ids, a, b):
        screening.record_decision(conn, project, users["rita"], rid, 1, word[x])
        screening.record_decision(conn, project, users["rolf"], rid, 1, word[y])
    rows = agreement(conn, project, users["lea"], 1)
    assert len(rows) == 1
    assert (rows[0]["records"], rows[0]["agreed"], rows[0]["percent"], rows[0]["kappa"]) == (10, 8, 80.0, 0.583)
    csv_text = write_csv(*agreement_table(rows))
    assert csv_text.splitlines()[1] == "1,rita,rolf,10,8,80.0,0.583,moderate"
    with pytest.raises(Forbidden):
        agreement(conn, project, users["rita"], 1)
    set_blinding(conn, project, users["lea"], False)
    assert agreement(conn, project, users["rita"], 1)[0]["kappa"] == 0.583
