"""Full dates as sources write them, in the RIS form an export writes (imports/dates.py)."""
import pytest

from imports.dates import full_date, ris_date, says_more


@pytest.mark.parametrize("text, expected", [
    ("1948/07//", "1948/07//"), ("2019/05/03/", "2019/05/03/"), ("2020 Nov 3", "2020/11/03/"),
    ("Start date: 20170812", "2017/08/12/"), ("2019-05-03", "2019/05/03/"),
    ("Nov-Dec 2019", "2019/11//"), ("07 2006", "2006/07//"), ("2006 May-Jun", "2006/05//"),
    ("2016///", ""), ("2019", ""), ("", ""), ("juli 2021", "2021/07//"),
])
def test_ris_date(text, expected):
    assert ris_date(text) == expected


def test_only_a_date_that_says_more_than_the_year_is_kept():
    assert says_more("1948/07//") and not says_more("2016///") and not says_more("2019")


def test_full_date_refines_the_records_year_and_never_invents_one():
    assert full_date({"year": 2020, "extra": {"PD": ["NOV 3"]}}) == "2020/11/03/"  # WoS: PD beside PY
    assert full_date({"year": None, "extra": {"DA": ["2019/05/03/"]}}) == ""
    assert full_date({"year": 2009, "extra": {"DA": ["20100520"]}, "raw": "PMID- 1\n"}) == ""  # MEDLINE DA
