"""The classes of error duplicate detection made on labelled sets it was not tuned on (issue 18), each with
small records of its own: generic recurring titles, translated titles, titles without their subtitle,
conference papers named two ways a year apart, supplements' shared DOIs, and the errata convention."""

import pytest
from conftest import fuzz_examples
from hypothesis import given, settings
from hypothesis import strategies as st

from review.dedupe.blocking import candidate_pairs
from review.dedupe.context import mark_project, shared_dois
from review.dedupe.grouping import group_pairs
from review.dedupe.keys import is_generic, make_keys, norm_title, title_language
from review.dedupe.rules import CERTAIN, DISTINCT, POSSIBLE, classify

BASE = {"title": "", "authors": ["Halvorsen, Kari", "Moe, Per"], "year": 2019, "journal": "Scandinavian Journal "
        "of Work, Environment and Health", "journal_abbrev": "", "volume": "45", "issue": "2", "pages_start": "101",
        "pages_end": "110", "doi": "", "pmid": "", "pub_type": "", "abstract": "", "language": ""}


def keys(id, **changes):
    return make_keys({**BASE, "id": id, **changes})


def verdict(a, b):
    return classify(a, b)[0]


def groups_of(records):
    """Run blocking, project marks and grouping over records as a run does; the groups as sets of ids."""
    k = [keys(i, **r) for i, r in enumerate(records)]
    mark_project(k)
    outcome = group_pairs(k, candidate_pairs(k), {}, set())
    return [sorted(g) for g in outcome.groups], outcome


# --- generic, recurring titles -------------------------------------------------------------------------------

RECURRING = ["Editor's comments", "Remarks from the editor", "Editorial", "Letter from the editor",
             "Table of contents", "Subject index", "Book reviews", "Errata", "Response to comment",
             "Editor's Note: Vol. 12, No. 3", "Message from the President"]


@pytest.mark.parametrize("title", RECURRING)
def test_recurring_item_titles_are_generic(title):
    assert is_generic(norm_title(title))


@pytest.mark.parametrize("title", ["Working alone: what night-shift logs reveal", "Burnout among editors of "
                                   "medical journals", "Book reviews as evidence in systematic reviews"])
def test_titles_of_works_are_not_generic(title):
    assert not is_generic(norm_title(title))


EDITOR = dict(title="Editor's comments", authors=["Larsen, Eva"], pages_start="", pages_end="")


def test_a_generic_title_in_other_issues_of_one_volume_is_never_one_record():
    a, b = keys(1, **{**EDITOR, "issue": "2", "pages_start": "5"}), keys(2, **{**EDITOR, "issue": "3", "pages_start": "5"})
    assert classify(a, b) == (DISTINCT, "generic title, different issues")


def test_a_generic_title_on_other_pages_or_without_pages_and_doi_is_never_grouped():
    assert verdict(keys(1, **{**EDITOR, "pages_start": "5"}), keys(2, **{**EDITOR, "pages_start": "7"})) == DISTINCT
    assert classify(keys(1, **EDITOR), keys(2, **EDITOR)) == (DISTINCT, "generic title without pages or DOI")
    # an obvious slip of the page is forgiven for articles, never for a generic title
    a = keys(1, **{**EDITOR, "title": "Remarks from the editor", "pages_start": "201"})
    assert verdict(a, keys(2, **{**EDITOR, "title": "Remarks from the editor", "pages_start": "203"})) == DISTINCT


def test_a_generic_title_is_one_record_on_an_identifier_or_every_detail():
    same_page = {**EDITOR, "pages_start": "5", "pages_end": "5"}
    assert verdict(keys(1, **same_page), keys(2, **same_page, journal="Scand J Work Environ Health")) == CERTAIN
    assert verdict(keys(1, **EDITOR, doi="10.5271/sjweh.1"), keys(2, **EDITOR, doi="10.5271/sjweh.1")) == CERTAIN


def test_a_generic_title_with_the_issue_on_one_side_only_waits_for_a_person():
    same_page = {**EDITOR, "pages_start": "1", "pages_end": "1"}
    assert verdict(keys(1, **same_page), keys(2, **{**same_page, "issue": ""})) != CERTAIN
    assert verdict(keys(1, **{**same_page, "issue": ""}), keys(2, **{**same_page, "issue": ""})) != CERTAIN


def test_a_column_printed_in_every_issue_forms_no_group():
    issues = [dict(EDITOR, title="Remarks from the editor", issue=str(n)) for n in range(1, 7)]
    issues += [dict(EDITOR, title="Table of contents", issue=str(n), pages_start="1") for n in range(1, 4)]
    assert groups_of(issues)[0] == []


def test_a_short_title_one_journal_has_in_many_issues_is_a_recurring_item():
    column = dict(title="Gateways to clinical trials", authors=["Bayes, M."], pages_start="", pages_end="")
    records = [dict(column, volume="27", issue=str(n)) for n in range(1, 5)]
    k = [keys(i, **r) for i, r in enumerate(records)]
    mark_project(k)
    assert all(x.recurring for x in k)
    assert groups_of(records)[0] == []


# --- translated titles, missing subtitles, conference names ----------------------------------------------------

GERMAN = "Arbeit allein in der Nachtschicht: eine Befragung von Pflegekräften in Norwegen"
ENGLISH = "Working alone on night shifts: a survey of nurses in Norway"


def test_a_translated_title_with_the_same_issue_page_and_first_author_is_one_article():
    german = dict(title=GERMAN, authors=["Halvorsen, K."])
    groups, _ = groups_of([german, dict(title=ENGLISH)])
    assert groups == [[0, 1]]


def test_a_translated_title_needs_the_issue_the_first_author_and_two_languages():
    german = keys(1, title=GERMAN)
    assert verdict(german, keys(2, title=ENGLISH, issue="3")) != CERTAIN
    assert verdict(german, keys(2, title=ENGLISH, authors=["Moe, Per", "Halvorsen, Kari"])) != CERTAIN
    other_english = "Sleep after rotating shifts in a cohort of offshore workers"
    assert verdict(keys(1, title=ENGLISH), keys(2, title=other_english)) != CERTAIN
    # an abstract book prints several abstracts of one author on one page
    assert verdict(keys(1, title=GERMAN, issue="S2"), keys(2, title=ENGLISH, issue="S2")) != CERTAIN


def test_a_translated_title_is_told_by_its_letters_and_endings_too():
    schicht = keys(1, title="Schichtarbeit: Auswirkungen auf die Schlafqualität", authors=["Halvorsen, K."])
    assert verdict(schicht, keys(2, title="Shift work: effects on the quality of sleep")) == CERTAIN


@pytest.mark.parametrize("title, language", [
    ("Lung function and shift work in young nurses", "en"), (ENGLISH, "en"), (GERMAN, "other"),
    ("Schichtarbeit: Auswirkungen auf die Schlafqualität", "other"), ("Santé au travail des infirmières", "other"),
    ("Arbeidsmiljø og helse blant sykepleiere", "other"), ("Burnout", "")])
def test_the_language_of_a_title(title, language):
    assert title_language(norm_title(title), "", title) == language
    assert title_language(norm_title(title), "ger", title) == "other"  # the record's own language field wins


def test_page_one_does_not_tell_translated_articles_apart():
    # exports give page 1 for an article number: two papers of one author in one issue are not one
    online = dict(pages_start="1", pages_end="")
    assert verdict(keys(1, title=GERMAN, **online), keys(2, title=ENGLISH, **online)) != CERTAIN


SHORT = "Working alone"
LONG = "Working alone: what night-shift logs reveal about nurses' breaks"


def test_a_title_without_its_subtitle_in_the_same_venue_and_pages_is_one_article():
    groups, _ = groups_of([dict(title=SHORT, journal="Scand J Work Environ Health"), dict(title=LONG)])
    assert groups == [[0, 1]]


def test_a_short_main_title_is_enough_with_the_venue_and_pages_but_not_a_kind_of_item():
    assert verdict(keys(1, title="Night work"), keys(2, title="Night work: a cohort of Norwegian nurses")) == CERTAIN
    assert verdict(keys(1, title="Editorial"), keys(2, title="Editorial: the future of occupational health")) \
        != CERTAIN


def test_a_title_without_its_subtitle_and_one_doi_is_one_article_without_pages():
    doi = dict(doi="10.5271/sjweh.4100", pages_start="", pages_end="", volume="")
    assert verdict(keys(1, title=SHORT, **doi), keys(2, title=LONG, **doi)) == CERTAIN


def test_a_title_without_its_subtitle_needs_the_same_pages():
    assert verdict(keys(1, title=SHORT), keys(2, title=LONG, pages_start="131", pages_end="140")) != CERTAIN
    assert verdict(keys(1, title=SHORT, pages_start="", pages_end=""), keys(2, title=LONG)) != CERTAIN
    # two abstracts on one page of a supplement, one without authors
    book = dict(issue="Suppl 2", pages_start="S45", pages_end="")
    assert verdict(keys(1, title=SHORT, authors=[], **book), keys(2, title=LONG, **book)) != CERTAIN
    assert verdict(keys(1, title=SHORT, **book), keys(2, title=LONG, **book)) == CERTAIN


PAPER = dict(title="Algorithmic management and the wellbeing of platform workers", authors=["Nilsen, T.", "Berg, S."],
             volume="", issue="", pages_start="", pages_end="", pub_type="conference paper")


def test_a_conference_paper_named_by_acronym_and_full_name_a_year_apart_is_one_paper():
    a = keys(1, **PAPER, journal="ICIS", year=2019)
    b = keys(2, **PAPER, journal="Proceedings of the 40th International Conference on Information Systems", year=2020)
    assert classify(a, b) == (CERTAIN, "same title and authors at one conference")
    # without the publication type on one side: the acronym still names that conference
    assert verdict(a, keys(2, **{**PAPER, "pub_type": ""}, journal="International Conference on Information "
                                                                    "Systems", year=2019)) == CERTAIN


def test_the_same_paper_at_another_conference_is_not_grouped_automatically():
    a = keys(1, **PAPER, journal="ICIS", year=2019)
    assert verdict(a, keys(2, **PAPER, journal="European Conference on Information Systems", year=2019)) != CERTAIN


# --- supplements' DOIs -----------------------------------------------------------------------------------------

SUPPLEMENT = dict(doi="10.1007/s00125-017-4350-z", volume="60", issue="Suppl 1", pages_end="", authors=[])


def test_a_doi_many_different_titles_share_is_a_supplements_and_no_evidence():
    titles = ["Liraglutide lowers LDL cholesterol in obese mice", "Sitagliptin and arterial stiffness in adults",
              "Night-shift work and incident type 2 diabetes", "Empagliflozin and cardiac fibrosis in rats"]
    records = [dict(SUPPLEMENT, title=t, pages_start=str(100 + n)) for n, t in enumerate(titles)]
    records.append(dict(records[0], authors=["Ek, A."]))  # the same abstract from a second database
    groups, outcome = groups_of(records)
    assert outcome.possible == []  # no pair of different abstracts waits for a person
    k = [keys(i, **r) for i, r in enumerate(records)]
    mark_project(k)
    assert shared_dois(k) == {SUPPLEMENT["doi"]}
    assert groups == [[0, 4]]  # title and details still find the abstract given twice


def test_a_doi_two_titles_share_still_counts_a_translation_keeps_its_doi():
    records = [dict(title=GERMAN, doi="10.5271/sjweh.3800"), dict(title=ENGLISH, doi="10.5271/sjweh.3800",
                                                                  issue="")]
    k = [keys(i, **r) for i, r in enumerate(records)]
    mark_project(k)
    assert shared_dois(k) == set()
    assert verdict(k[0], k[1]) == CERTAIN


# --- the errata and letters convention -------------------------------------------------------------------------

def test_an_erratum_a_comment_and_a_reply_are_never_grouped_with_the_article():
    article = keys(1, title=ENGLISH)
    for title, pages in (("Erratum: " + ENGLISH, "300"), ("Comment on: " + ENGLISH, "301"),
                         ("Reply to: " + ENGLISH, "302"), (ENGLISH + " (vol 45, pg 101, 2019)", "300")):
        verdict_, _ = classify(article, keys(2, title=title, pages_start=pages, pages_end=pages, issue="4"))
        assert verdict_ != CERTAIN, title
    letter = keys(1, title="Letter: night work and breast cancer", pages_start="40", pages_end="40")
    reply = keys(2, title="Reply: night work and breast cancer", pages_start="41", pages_end="41",
                 authors=["Olsen, J."])
    assert verdict(letter, reply) == DISTINCT


# --- the similarity a person sees ------------------------------------------------------------------------------

def test_a_pair_met_without_comparing_titles_shows_its_real_title_similarity():
    reply = dict(title="Response to comment on night work and breast cancer risk", authors=["Olsen, J."])
    a, b = keys(1, **reply, pages_start="40", pages_end="41"), keys(2, **reply, pages_start="400", pages_end="401")
    outcome = group_pairs([a, b], {(0, 1): 0.0}, {}, set())  # as an identifier or a page block hands it on
    assert [(i, j, s) for i, j, s, _ in outcome.possible] == [(0, 1, 100.0)]
    assert outcome.possible[0][3] == "different pages, but the same title and authors"
    assert classify(a, b)[0] == POSSIBLE


# --- the generic-title guarantee as a property ------------------------------------------------------------------

issues = st.sampled_from(["", "1", "2", "3", "S1"])
pages = st.sampled_from(["", "1", "5", "7", "e12"])


@settings(max_examples=fuzz_examples(150), deadline=None)
@given(title=st.sampled_from(RECURRING), issue_a=issues, issue_b=issues, page_a=pages, page_b=pages,
       doi=st.sampled_from(["", "10.5271/sjweh.1"]), year_b=st.sampled_from([2019, 2020]),
       journal_b=st.sampled_from([BASE["journal"], "Scand J Work Environ Health"]))
def test_a_generic_title_is_grouped_only_on_an_identifier_or_one_issue_and_page(title, issue_a, issue_b, page_a,
                                                                                 page_b, doi, year_b, journal_b):
    a = keys(1, title=title, issue=issue_a, pages_start=page_a, pages_end="", doi=doi)
    b = keys(2, title=title, issue=issue_b, pages_start=page_b, pages_end="", doi=doi, year=year_b,
             journal=journal_b)
    if classify(a, b)[0] == CERTAIN and not doi:
        assert page_a and page_a == page_b and year_b == 2019
        assert issue_a == issue_b and (issue_a or page_a != "1")


def test_a_title_block_met_before_the_doi_block_keeps_its_score():
    # an earlier record opens the title's block; the two identical replies then also share a DOI, whose block
    # (scored 0: titles are not compared there) used to overwrite the 100 of the title block
    reply = dict(title="Response to comment", authors=["Olsen, J."], pages_start="", pages_end="")
    records = [keys(0, **reply, doi="", volume="44"), keys(1, **reply, doi="10.5271/sjweh.9"),
               keys(2, **reply, doi="10.5271/sjweh.9")]
    assert candidate_pairs(records)[(1, 2)] == 100.0
