"""RoB 2 domain algorithms against the paths of the flow charts in the full guidance (2019)."""
import pytest

from review.appraisal.rob import BUILTIN

ROB2 = BUILTIN["rob2"]


@pytest.mark.parametrize("answers, expected", [
    ({"1.1": "Y", "1.2": "Y", "1.3": "N"}, "low"),
    ({"1.1": "NI", "1.2": "PY", "1.3": "NI"}, "low"),
    ({"1.1": "Y", "1.2": "Y", "1.3": "Y"}, "some_concerns"),   # baseline imbalance suggests a problem
    ({"1.1": "N", "1.2": "Y", "1.3": "N"}, "some_concerns"),
    ({"1.1": "Y", "1.2": "NI", "1.3": "N"}, "some_concerns"),  # concealment unknown
    ({"1.1": "Y", "1.2": "NI", "1.3": "PY"}, "high"),
    ({"1.2": "N"}, "high"),                                    # allocation not concealed
    ({"1.1": "Y", "1.2": "Y"}, None),                          # 1.3 unanswered
])
def test_domain_1_randomisation(answers, expected):
    assert ROB2.suggest("d1", answers) == expected


@pytest.mark.parametrize("answers, expected", [
    ({"2.1": "N", "2.2": "N", "2.6": "Y"}, "low"),
    ({"2.1": "Y", "2.2": "N", "2.3": "N", "2.6": "Y"}, "low"),
    ({"2.1": "Y", "2.2": "Y", "2.3": "NI", "2.6": "Y"}, "some_concerns"),
    ({"2.1": "Y", "2.2": "Y", "2.3": "Y", "2.4": "Y", "2.5": "N", "2.6": "Y"}, "high"),
    ({"2.1": "N", "2.2": "N", "2.6": "N", "2.7": "N"}, "some_concerns"),  # per-protocol, small impact
    ({"2.1": "N", "2.2": "N", "2.6": "N", "2.7": "Y"}, "high"),
])
def test_domain_2_deviations_takes_the_worse_part(answers, expected):
    assert ROB2.suggest("d2", answers) == expected


@pytest.mark.parametrize("answers, expected", [
    ({"3.1": "Y"}, "low"),
    ({"3.1": "N", "3.2": "Y"}, "low"),
    ({"3.1": "N", "3.2": "N", "3.3": "N"}, "low"),
    ({"3.1": "N", "3.2": "N", "3.3": "Y", "3.4": "N"}, "some_concerns"),
    ({"3.1": "N", "3.2": "N", "3.3": "Y", "3.4": "PY"}, "high"),
])
def test_domain_3_missing_data(answers, expected):
    assert ROB2.suggest("d3", answers) == expected


@pytest.mark.parametrize("answers, expected", [
    ({"4.1": "Y"}, "high"),
    ({"4.1": "N", "4.2": "Y"}, "high"),
    ({"4.1": "N", "4.2": "N", "4.3": "N"}, "low"),
    ({"4.1": "N", "4.2": "NI", "4.3": "N"}, "some_concerns"),   # measurement may have differed
    ({"4.1": "N", "4.2": "N", "4.3": "Y", "4.4": "Y", "4.5": "N"}, "some_concerns"),
    ({"4.1": "N", "4.2": "N", "4.3": "Y", "4.4": "Y", "4.5": "Y"}, "high"),  # self-reported, unblinded
])
def test_domain_4_measurement(answers, expected):
    assert ROB2.suggest("d4", answers) == expected


@pytest.mark.parametrize("answers, expected", [
    ({"5.1": "Y", "5.2": "N", "5.3": "N"}, "low"),
    ({"5.1": "N", "5.2": "N", "5.3": "PN"}, "some_concerns"),
    ({"5.1": "Y", "5.2": "NI", "5.3": "N"}, "some_concerns"),
    ({"5.1": "Y", "5.2": "N", "5.3": "Y"}, "high"),
])
def test_domain_5_reported_result(answers, expected):
    assert ROB2.suggest("d5", answers) == expected


def test_tools_without_domain_algorithms_suggest_nothing():
    assert BUILTIN["robins_i"].suggest("d1", {"1.1": "Y"}) is None
