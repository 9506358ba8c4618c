"""Properties over many generated records: bad input never crashes, and no group holds a vetoed pair."""
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from review.dedupe.blocking import candidate_pairs
from review.dedupe.grouping import group_pairs
from review.dedupe.keys import make_keys
from review.dedupe.rules import conflict

TITLES = ["Rest breaks and fatigue in nurses", "REST BREAKS AND FATIGUE IN NURSES.", "Erratum: Rest breaks and "
          "fatigue in nurses", "Rest breaks and fatigue in nurses: part 2", "Editorial", ""]
text = st.text(max_size=40)


def record(i, title, authors, year, journal, volume, page, doi):
    return {"id": i, "title": title, "authors": authors, "year": year, "journal": journal, "journal_abbrev": "",
            "volume": volume, "issue": "", "pages_start": page, "pages_end": "", "doi": doi, "pmid": "",
            "pub_type": "", "abstract": ""}


@settings(max_examples=200, deadline=None)
@given(title=text, authors=st.lists(text, max_size=4), year=st.one_of(st.none(), st.integers(0, 3000)),
       journal=text, volume=text, page=text, doi=text)
def test_any_field_values_give_match_keys(title, authors, year, journal, volume, page, doi):
    make_keys(record(1, title, authors, year, journal, volume, page, doi))


records = st.lists(st.tuples(
    st.sampled_from(TITLES), st.sampled_from([["Berg, Anne"], ["Berg A"], ["Dahl, Eva"], []]),
    st.sampled_from([2019, 2020, 2022, None]), st.sampled_from(["J Adv Nurs", "Journal of Advanced Nursing", ""]),
    st.sampled_from(["12", "13", ""]), st.sampled_from(["100", "1", "e5", ""]),
    st.sampled_from(["10.1/a", "10.1/b", ""])), min_size=2, max_size=14)


@settings(max_examples=200, deadline=None)
@given(records)
def test_no_automatic_group_holds_two_records_that_veto_each_other(rows):
    keys = [make_keys(record(i, *row)) for i, row in enumerate(rows)]
    outcome = group_pairs(keys, candidate_pairs(keys), {}, set())
    for group in outcome.groups:
        for x, y in combinations(sorted(group), 2):
            assert not conflict(keys[x], keys[y]), (rows[x], rows[y])
