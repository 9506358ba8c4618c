"""Duplicates that database exports disguise: translated titles, shifted fields, online-first pages,
a meeting abstract named by its journal, MEDLINE's [corrected] mark. Cases follow pairs of the
Rathbone benchmarks; each rule also has its trap that must stay apart."""
from review.dedupe.blocking import candidate_pairs
from review.dedupe.grouping import group_pairs
from review.dedupe.keys import make_keys, norm_title
from review.dedupe.rules import CERTAIN, DISTINCT, POSSIBLE, classify

BASE = {"id": 1, "title": "", "authors": ["Regnard, J. F.", "Libert, J. M.", "Rojas-Miranda, A."], "year": 1989,
        "journal": "Pathologie Biologie", "journal_abbrev": "", "volume": "37", "issue": "", "pages_start": "477",
        "pages_end": "480", "doi": "", "pmid": "", "pub_type": ""}


def keys(id=1, **changes):
    return make_keys({**BASE, "id": id, **changes})


def test_corrected_mark_inside_a_title_keeps_the_rest_of_the_title():
    marked = "Randomized phase II study of gemcitabine plus cisplatin or carboplatin [corrected], with or " \
             "without cetuximab, as first-line therapy"
    assert norm_title(marked) == ("randomized phase 2 study of gemcitabine plus cisplatin or carboplatin with or "
                                  "without cetuximab as first line therapy")


TRANSLATED = "[Antibiotic and antiseptic prophylaxis in thoracic surgery. Controlled study]"
ORIGINAL = "Prophylaxie antibiotique et antiseptique en chirurgie thoracique. Etude randomisee"


def test_a_translated_title_in_brackets_meets_the_original_on_journal_volume_and_pages():
    medline, other = keys(1, title=TRANSLATED), keys(2, title=ORIGINAL, journal="Pathol Biol")
    assert (0, 1) in candidate_pairs([medline, other])
    assert classify(medline, other)[0] == CERTAIN


def test_a_translated_title_needs_the_whole_page_range_and_the_authors():
    medline = keys(1, title=TRANSLATED)
    assert classify(medline, keys(2, title=ORIGINAL, pages_end="479"))[0] != CERTAIN
    assert classify(medline, keys(2, title=ORIGINAL, authors=["Dupont, P."]))[0] != CERTAIN
    one_page = dict(pages_start="477", pages_end="477")
    assert classify(keys(1, title=TRANSLATED, **one_page), keys(2, title=ORIGINAL, **one_page))[0] != CERTAIN
    # without the brackets, an unlike title on the same pages is not enough
    assert classify(keys(1, title=TRANSLATED.strip("[]")), keys(2, title=ORIGINAL))[0] != CERTAIN


ABSTRACT = dict(title="The treatment of atypical HUS", authors=["Loirat, C."], year=2011, pages_end="",
                journal="Pediatric Nephrology.Conference: 44th Annual Scientific Meeting of the ESPN")


def test_an_export_that_shifted_issue_into_volume_and_page_into_issue_is_the_same_record():
    shifted = keys(1, **ABSTRACT, volume="", issue="26", pages_start="9")
    whole = keys(2, **ABSTRACT, volume="26", issue="9", pages_start="1746", )
    assert classify(shifted, whole)[0] == CERTAIN
    # a page that is not the other's issue is another page
    assert classify(keys(1, **ABSTRACT, volume="", issue="26", pages_start="12"), whole)[0] != CERTAIN


PAPER = dict(title="Management of peripancreatic fluid collections following partial pancreatectomy: a comparison "
                   "of percutaneous versus EUS-guided drainage",
             authors=["Kwon, Y. M.", "Gerdes, H.", "Schattner, M. A."], year=2013, journal="Surgical Endoscopy")


def test_an_article_online_before_print_paged_from_one_is_the_printed_article():
    online = keys(1, **PAPER, volume="", pages_start="01-Jun", pages_end="")
    printed = keys(2, **{**PAPER, "journal": "Surg Endosc"}, volume="27", pages_start="2422", pages_end="2427")
    assert classify(online, printed)[0] == CERTAIN
    assert classify(keys(1, **PAPER, volume="", pages_start="1", pages_end="1"), printed)[0] != CERTAIN
    assert classify(keys(1, **{**PAPER, "journal": "Pancreas"}, volume="", pages_start="1"), printed)[0] != CERTAIN


MEETING = dict(title="Activation of complement during liver transplantation - special emphasis on patients with "
                     "atypical hemolytic uremic syndrome", authors=["Koskinen, A.", "Tukiainen, E."], year=2010)


def test_a_meeting_abstract_without_details_is_its_one_page_print_in_the_same_journal():
    meeting = keys(1, **MEETING, journal="Scandinavian Journal of Immunology.Conference: 39th Meeting", volume="",
                   pages_start="", pages_end="")
    printed = keys(2, **MEETING, journal="Scandinavian Journal of Immunology", volume="71", pages_start="507",
                   pages_end="507")
    supplement = keys(3, **MEETING, journal="Scand J Immunol", volume="71", issue="s2", pages_start="499",
                      pages_end="711")
    assert classify(meeting, printed)[0] == CERTAIN
    assert classify(meeting, supplement)[0] == CERTAIN


def test_a_meeting_abstract_is_not_the_full_paper_in_another_journal_or_year():
    meeting = keys(1, **MEETING, journal="Scandinavian Journal of Immunology.Conference: 39th Meeting", volume="",
                   pages_start="", pages_end="")
    elsewhere = keys(2, **MEETING, journal="Transplantation", volume="71", pages_start="507", pages_end="507")
    later = keys(3, **{**MEETING, "year": 2011}, journal="Scandinavian Journal of Immunology", volume="72",
                 pages_start="507", pages_end="507")
    full = keys(4, **MEETING, journal="Scandinavian Journal of Immunology", volume="71", pages_start="500",
                pages_end="512")
    for other in (elsewhere, later, full):
        verdict, reason = classify(meeting, other)
        assert verdict == POSSIBLE and reason.startswith("conference abstract versus full paper"), other


def test_another_volume_year_or_doi_stays_distinct_whatever_the_title():
    article = keys(1, title=ORIGINAL)
    for changes in ({"volume": "38"}, {"year": 1992}):
        assert classify(article, keys(2, title=ORIGINAL, **changes))[0] == DISTINCT
    assert classify(keys(1, title=ORIGINAL, doi="10.1016/j.a.1"), keys(2, title=ORIGINAL, doi="10.1016/j.b.2"))[0] == DISTINCT


def test_two_groups_are_put_to_a_person_once_not_once_per_member():
    # an article from three databases and its correction notice from two: six vetoed pairs, one question
    article = [keys(i, title=ORIGINAL) for i in range(3)]
    notice = [keys(i, title=ORIGINAL, pages_start="611", pages_end="611") for i in range(3, 5)]
    every = article + notice
    pairs = {(i, j): 100.0 for i in range(5) for j in range(i + 1, 5)}
    outcome = group_pairs(every, pairs, {}, set())
    assert sorted(map(sorted, outcome.groups)) == [[0, 1, 2], [3, 4]]
    assert len(outcome.possible) == 1 and outcome.possible[0][3] == "different pages, but the same title and authors"
