"""Normalisation of the values duplicate detection compares."""
from review.dedupe.items import record_kind
from review.dedupe.keys import (
    family_name,
    journals_compatible,
    make_keys,
    norm_doi,
    norm_journal,
    norm_page,
    norm_title,
    norm_volume,
)


def row(**fields):
    base = {"id": 1, "title": "", "authors": [], "year": None, "journal": "", "journal_abbrev": "", "volume": "",
            "issue": "", "pages_start": "", "pages_end": "", "doi": "", "pmid": "", "pub_type": ""}
    return {**base, **fields}


def test_titles_lose_case_markup_entities_accents_and_database_notes():
    assert norm_title("The <i>Effect</i> of &amp; β-Blockers on Café Workers.") == \
        "the effect of beta blockers on cafe workers"
    assert norm_title("HPV testing after CIN 3: a meta-analysis. [Review] [45 refs]") == \
        "hpv testing after cin 3 a meta analysis"
    assert norm_title("Risk of CIN.[Erratum appears in J Low Genit Tract Dis. 2006 Jan") == "risk of cin"
    assert norm_title("RETRACTED: Statins and sleep") == norm_title("Statins and sleep")
    assert norm_title("Type II diabetes") == norm_title("Type 2 diabetes")


def test_dois_lose_resolver_prefix_case_and_trailing_punctuation():
    assert norm_doi("http://dx.doi.org/10.1097/HCO.0000000000000562.") == "10.1097/hco.0000000000000562"
    assert norm_doi("doi: 10.1016/j.jash.2009.04.001") == "10.1016/j.jash.2009.04.001"
    assert norm_doi("NA") == ""


def test_author_formats_give_the_same_family_name():
    names = ["Smith, John", "Smith JA", "Smith J. A.", "J. A. Smith", "John Smith"]
    assert {family_name(n) for n in names} == {"smith"}
    assert family_name("van der Berg A") == "vanderberg"


def test_journal_abbreviations_match_the_full_name_and_not_another_journal():
    assert journals_compatible(norm_journal("J Am Soc Hypertens"),
                               norm_journal("Journal of the American Society of Hypertension"))
    assert journals_compatible(norm_journal("Curr Opin Lipidol"), norm_journal("Current Opinion in Lipidology"))
    assert journals_compatible(norm_journal("Circulation. Conference: Scientific Sessions 2017"),
                               norm_journal("Circulation"))
    assert not journals_compatible(norm_journal("Lancet"), norm_journal("Diabetes Care"))
    assert journals_compatible("", "lancet") is None


def test_page_and_volume_styles():
    assert norm_page("S299") == "299" and norm_page("e1234") == "1234"
    assert norm_page("Jan-13") == "1"  # a spreadsheet turned '1-13' into a date
    assert norm_volume("60 (1 Supplement 1)") == "60"
    assert norm_volume("1)") == ""  # what a bad export left of '5 (Suppl 1)'


def test_notices_are_told_from_articles():
    assert record_kind("Erratum: Gain-of-function mutations in factor B", "") == "erratum"
    assert record_kind("Severe ADAMTS13 deficiency in children (vol 142, pg 310, 2003)", "") == "erratum"
    assert record_kind("Comment on: statins and sleep", "") == "comment"
    assert record_kind("Reply to Dr Smith", "") == "reply"
    assert record_kind("Retraction notice to: statins and sleep", "") == "retraction"
    assert record_kind("Statins and sleep", "Journal Article") == "article"
    assert record_kind("Effects of X.[Erratum appears in N Engl J Med. 2009 Jun]", "") == "article"


def test_keys_mark_conference_abstracts_and_generic_titles():
    abstract = make_keys(row(title="Liraglutide and endothelium", journal="Diabetes. Conference: 70th Scientific "
                                                                          "Sessions of the ADA"))
    assert abstract.conference and abstract.journal == "diabetes"
    assert make_keys(row(title="Editorial")).generic
    assert not make_keys(row(title="Liraglutide and endothelium")).generic


def test_abbreviated_meeting_names_are_conference_abstracts_and_journals_are_not():
    assert make_keys(row(title="Sitagliptin and the brain", journal="Circ Conf Amer Hear Asso")).conference
    assert not make_keys(row(title="Sitagliptin and the brain", journal="Proceedings of the National Academy of "
                                                                        "Sciences")).conference
    assert make_keys(row(title="Planned naps", pages_start="A112", issue="Suppl 2")).conference
