"""Normalised values: what a reviewer sees and what duplicate detection compares."""
from __future__ import annotations

import pytest

from imports import normalise as norm


@pytest.mark.parametrize("value,expected", [
    ("https://dx.doi.org/10.1002/CPP.2398", "10.1002/cpp.2398"),
    ("http://doi.org/10.1000/ABC.1", "10.1000/abc.1"),
    ("doi: 10.1063/1.4927497", "10.1063/1.4927497"),
    ("10.1016/j.watres.2022.119128 [doi]", "10.1016/j.watres.2022.119128"),
    ("http://sfx.example/?id=doi:10.4103%2F2303-9027.138783&atitle=x", "10.4103/2303-9027.138783"),
    ("not a doi", ""),
    ("", ""),
])
def test_doi_is_bare_and_lower_case(value, expected):
    assert norm.doi(value) == expected


@pytest.mark.parametrize("start,end,expected", [
    ("123-9", "", ("123", "129")),
    ("1309-1348", "", ("1309", "1348")),
    ("123", "29", ("123", "129")),
    ("e2115", "", ("e2115", "")),
    ("No", "Specified", ("", "")),
    ("S12–S19", "", ("S12", "S19")),
])
def test_pages_are_split_and_expanded(start, end, expected):
    assert norm.pages(start, end) == expected


@pytest.mark.parametrize("value,expected", [
    ("Smith JM", "Smith, JM"),
    ("Shi,Yu ", "Shi, Yu"),
    ("Nordmann, Kari", "Nordmann, Kari"),
    ("Kari Nordmann", "Nordmann, Kari"),
    ("van der Maas, M", "van der Maas, M"),
])
def test_authors_read_family_comma_given(value, expected):
    assert norm.author(value) == expected


def test_one_field_with_every_author_is_split():
    assert norm.authors(["Elliot, T; Almenar, JB; Rugani, B"]) == ["Elliot, T", "Almenar, JB", "Rugani, B"]


@pytest.mark.parametrize("value,expected", [
    ("2016///", 2016), ("1975-1976//", 1975), ("Nov/Dec2020", 2020), ("SEP", None), ("0000", None), (None, None),
])
def test_year_is_the_first_plausible_year(value, expected):
    assert norm.year(value) == expected


def test_markup_and_entities_are_cleaned_for_display():
    text = '<AbstractText Label="Methods">We used &amp; tested</AbstractText><p>Results &lt;5%</p>'
    assert norm.clean_text(text) == "We used & tested\nResults <5%"
    assert norm.clean_field("John Wiley &amp; Sons") == "John Wiley & Sons"


def test_line_separator_inside_a_value_is_a_line_break_not_a_new_field():
    assert norm.clean_text("first\u2028second") == "first\nsecond"


def test_issn_takes_the_first_of_concatenated_values():
    assert norm.issn("0964-6906 (Print)0964-6906") == "0964-6906"
    assert norm.issn("13361376") == "1336-1376"


def test_placeholders_are_empty():
    assert norm.drop_placeholder("NA") == ""
    assert norm.drop_placeholder("Noise at work") == "Noise at work"
