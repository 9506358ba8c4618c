"""Pair rules: each veto stops a false merge; identifiers and full details make pairs certain."""
from review.dedupe.keys import make_keys
from review.dedupe.rules import CERTAIN, DISTINCT, POSSIBLE, classify

ARTICLE = {"id": 1, "title": "Intestinal lipoprotein overproduction in insulin-resistant states",
           "authors": ["Adeli, K.", "Lewis, G. F."], "year": 2008, "journal": "Curr Opin Lipidol",
           "journal_abbrev": "", "volume": "19", "issue": "3", "pages_start": "221", "pages_end": "8",
           "doi": "10.1097/MOL.0b013e3282ffaf82", "pmid": "", "pub_type": ""}


def keys(**changes):
    return make_keys({**ARTICLE, "id": 2, **changes})


def verdict(a, b):
    return classify(a, b)[0]


A = keys(id=1)


def test_same_article_from_two_databases_is_certain():
    embase = keys(title="INTESTINAL LIPOPROTEIN OVERPRODUCTION IN INSULIN-RESISTANT STATES.",
                  authors=["Adeli K", "Lewis GF"], journal="Current Opinion in Lipidology",
                  doi="http://dx.doi.org/10.1097/MOL.0b013e3282ffaf82", pages_end="228")
    assert verdict(A, embase) == CERTAIN


def test_without_doi_title_authors_and_details_make_it_certain():
    assert verdict(A, keys(doi="", journal="Current Opinion in Lipidology")) == CERTAIN


def test_different_dois_are_distinct():
    assert classify(A, keys(doi="10.1016/j.appet.2012.05.003")) == (DISTINCT, "different DOIs")


def test_different_pmids_are_distinct():
    assert verdict(keys(id=1, pmid="18460911"), keys(pmid="18460912")) == DISTINCT


def test_years_more_than_one_apart_are_distinct_but_one_apart_is_not():
    assert classify(A, keys(year=2010, doi="")) == (DISTINCT, "years more than one apart")
    assert verdict(A, keys(year=2009, doi="")) == CERTAIN  # online first, print next year


def test_different_volume_or_pages_are_never_grouped_automatically():
    assert classify(A, keys(volume="20", doi="")) == (DISTINCT, "different volumes")
    # the same title and authors on other pages (a correction notice, a meeting abstract): a person decides
    assert classify(A, keys(pages_start="301", doi="")) == (POSSIBLE, "different pages, but the same title and authors")
    assert classify(A, keys(pages_start="301", doi="", authors=["Other, Q."])) == (DISTINCT, "different pages")


def test_a_supplement_volume_mangled_by_an_export_does_not_veto():
    a = keys(id=1, volume="3", pages_start="51", doi="", journal="Diabetes/Metabolism Research and Reviews")
    b = keys(volume="30", issue="SUPPL. 3", pages_start="51", doi="", journal="Diabetes/Metabolism Research and Reviews")
    assert verdict(a, b) == CERTAIN


def test_erratum_notice_is_not_the_article():
    erratum = keys(title="Erratum: Intestinal lipoprotein overproduction in insulin-resistant states", doi="")
    assert classify(A, erratum) == (POSSIBLE, "article versus erratum, but the same title and authors")
    wos = keys(title="Intestinal lipoprotein overproduction in insulin-resistant states (vol 19, pg 221, 2008)",
               doi="", pages_start="616")
    assert verdict(A, wos) == POSSIBLE  # queued for a person, never grouped automatically
    assert verdict(A, keys(title=wos.title, doi="", pages_start="616", authors=["Other, Q."])) == DISTINCT


def test_comment_reply_and_retraction_notice_are_not_the_article():
    for title in ("Comment on: Intestinal lipoprotein overproduction in insulin-resistant states",
                  "Reply to: Intestinal lipoprotein overproduction in insulin-resistant states",
                  "Retraction notice: Intestinal lipoprotein overproduction in insulin-resistant states"):
        assert verdict(A, keys(title=title, doi="")) != CERTAIN, title


def test_a_one_page_correction_with_the_same_title_is_not_a_page_slip():
    article = keys(id=1, doi="", pages_start="703", pages_end="712", volume="14")
    notice = keys(doi="", pages_start="1107", pages_end="1107", volume="14")
    assert classify(article, notice) == (POSSIBLE, "different pages, but the same title and authors")


def test_an_e_locator_against_the_printed_page_is_the_same_article():
    printed = keys(id=1, doi="", pages_start="1014", pages_end="", volume="340", journal="BMJ")
    online = keys(doi="", pages_start="c1804", pages_end="", volume="340", journal="BMJ (Clinical research ed.)")
    assert verdict(printed, online) == CERTAIN


def test_conference_abstract_is_not_the_full_paper():
    abstract = keys(id=1, journal="Diabetes. Conference: 76th Scientific Sessions", volume="65", pages_start="A12",
                    doi="", year=2016)
    paper = keys(journal="Diabetes", volume="66", pages_start="1204", doi="", year=2017)
    assert verdict(abstract, paper) == DISTINCT
    abstract_no_pages = keys(id=1, journal="Diabetes. Conference: 76th Scientific Sessions", volume="",
                             pages_start="", doi="", year=2017)
    assert classify(abstract_no_pages, paper)[1].startswith("conference abstract versus full paper")


def test_one_abstract_named_by_meeting_in_one_database_and_by_journal_in_another_is_certain():
    a = keys(id=1, journal="Circulation. Conference: Resuscitation Science Symposium", volume="136",
             pages_start="", pages_end="", doi="")
    b = keys(journal="Circulation", volume="136", issue="Supplement 1", pages_start="", pages_end="", doi="")
    assert verdict(a, b) == CERTAIN


def test_generic_titles_need_strong_evidence():
    editorial = dict(title="Editorial", authors=["Smith, J."], doi="", pmid="")
    assert verdict(keys(id=1, **editorial, pages_start="5"), keys(**editorial, pages_start="")) != CERTAIN
    assert verdict(keys(id=1, **editorial, volume=""), keys(**editorial, volume="")) != CERTAIN
    assert verdict(keys(id=1, **editorial), keys(**editorial)) == CERTAIN  # journal, volume, page, year, author


def test_parts_of_a_series_are_not_merged():
    one = keys(id=1, title="Statins in practice: part 1", doi="", pages_start="", volume="")
    two = keys(title="Statins in practice: part 2", doi="", pages_start="", volume="")
    assert verdict(one, two) != CERTAIN


def test_shared_supplement_doi_with_different_titles_is_not_certain():
    doi = "10.2337/db16-1234"
    a = keys(id=1, title="Liraglutide lowers LDL in mice", doi=doi, pages_start="", volume="65")
    b = keys(title="Sitagliptin and vascular stiffness in adults", doi=doi, pages_start="", volume="65")
    assert verdict(a, b) in (POSSIBLE, DISTINCT)


def test_same_title_and_details_with_other_authors_is_certain_only_with_every_detail():
    a = keys(id=1, doi="", authors=["Luis Ferreira, Santos A", "Otavio, Sarian L"])
    assert verdict(a, keys(doi="")) == CERTAIN
    assert verdict(keys(id=1, doi="", pages_start="", authors=["Other, Q"]), keys(doi="", pages_start="")) != CERTAIN


def test_register_records_with_nothing_but_a_long_title_and_year():
    bare = dict(authors=[], journal="", volume="", pages_start="", pages_end="", doi="", year=2012,
                title="An open-label, multi-centre controlled trial of eculizumab in adults with atypical HUS")
    assert verdict(keys(id=1, **bare), keys(**bare)) == CERTAIN
    assert verdict(keys(id=1, **bare), keys(**{**bare, "year": 2013})) != CERTAIN
    short = {**bare, "title": "Eculizumab in atypical HUS"}
    assert verdict(keys(id=1, **short), keys(**short)) != CERTAIN


def test_same_abstract_backs_a_title_match_when_the_venue_is_named_two_ways():
    abstract = ("There is limited systematic research that examines how the perceived trustworthiness of "
                "providers from photos and consumer comments influences consumer purchasing behavior in a "
                "sharing economy platform. In this paper, we develop a theoretical model.")
    paper = dict(title="How Consumers Perceive Trustworthiness of Providers in Sharing Economy - Effects of Photos",
                 authors=["Deng, Chaoqun", "Ravichandran, T."], year=2017, volume="", pages_start="", pages_end="",
                 doi="", pub_type="conference paper")
    a = keys(id=1, **paper, journal="Americas Conference on Information Systems", abstract=abstract)
    b = keys(**{**paper, "title": paper["title"].replace(" - ", ": ")}, journal="Amcis 2017 Proceedings",
             abstract=abstract.replace("consumer", "consumers'"))
    assert verdict(a, b) == CERTAIN
    # AMCIS is the acronym of the Americas Conference on Information Systems: one meeting, so the title and
    # authors are enough; the same paper at another meeting (ICIS) is not grouped automatically
    assert verdict(a, keys(**paper, journal="Amcis 2017 Proceedings", abstract="")) == CERTAIN
    assert verdict(a, keys(**paper, journal="ICIS 2017 Proceedings", abstract="")) != CERTAIN


def test_a_paper_reusing_its_meeting_abstract_a_year_later_is_not_certain():
    abstract = "Sitagliptin attenuated brain damage and cognitive impairment in mice with chronic cerebral " * 3
    meeting = keys(id=1, title="Sitagliptin attenuated brain damage in mice with chronic hypoperfusion", doi="",
                   journal="Circ Conf Amer Hear Asso", volume="130", issue="Suppl 2", pages_start="",
                   pages_end="", year=2014, abstract=abstract)
    paper = keys(title="Sitagliptin attenuated brain damage in mice with chronic hypoperfusion", doi="",
                 journal="J Hypertens", volume="33", pages_start="1001", year=2015, abstract=abstract)
    assert verdict(meeting, paper) != CERTAIN


def test_one_doi_and_title_forgive_an_article_number_and_a_year_given_as_volume():
    cochrane = dict(title="Tafenoquine for preventing relapse in people with Plasmodium vivax malaria",
                    authors=["Rodrigo, C.", "Rajapakse, S."], year=2020, doi="10.1002/14651858.CD010458.pub3")
    a = keys(id=1, **cochrane, journal="Cochrane Database Syst Rev", volume="9", pages_start="CD010458")
    b = keys(**cochrane, journal="Cochrane Database of Systematic Reviews", volume="2020", pages_start="")
    assert verdict(a, b) == CERTAIN
    assert verdict(a, keys(**{**cochrane, "doi": ""}, journal="Cochrane Database Syst Rev", volume="2020")) == DISTINCT


def test_one_doi_and_title_forgive_a_conference_label_and_subject_codes_after_the_title():
    paper = dict(title="Reduction of environmental contamination with multidrug-resistant bacteria by copper-alloy "
                       "coating of surfaces", authors=["Souli, M.", "Antoniadou, A."], year=2017,
                 doi="10.1017/ice.2017.52", journal="Infection Control and Hospital Epidemiology")
    scopus = keys(id=1, **paper, volume="38", pages_start="765", pub_type="Conference Paper")
    in_press = keys(**paper, volume="", pages_start="1", pub_type="Article In Press")
    assert verdict(scopus, in_press) == CERTAIN
    coded = keys(**{**paper, "title": paper["title"] + " 06 Biological Sciences 0605 Microbiology"}, volume="38",
                 pages_start="765")
    assert verdict(scopus, coded) == CERTAIN
