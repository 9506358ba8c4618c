"""Pair rules: vetoes that stop false merges, then evidence that makes a pair certain or possible."""
from __future__ import annotations

import functools

from rapidfuzz import fuzz

from review.dedupe.items import names_an_item
from review.dedupe.keys import Keys, journals_compatible, venue_acronym
from review.dedupe.settings import current

CERTAIN, POSSIBLE, DISTINCT = "certain", "possible", "distinct"
PREFIX_SCORE = 96
FINAL_VETOES = {"different DOIs", "different PMIDs", "years more than one apart"}
HARD_VETOES = FINAL_VETOES | {"different volumes"}


def title_similarity(a: Keys, b: Keys) -> float:
    """0-100: how alike two normalised titles are (word order and small typos forgiven)."""
    if not a.title or not b.title:
        return 0.0
    score = max(fuzz.ratio(a.title, b.title), fuzz.token_sort_ratio(a.title, b.title))
    return max(score, PREFIX_SCORE) if is_prefix(a.title, b.title) else score


def is_prefix(x: str, y: str) -> bool:
    """One long title starts or ends the other: a cut-off export, a citation appended to the title,
    or a section name put before it ('Thrombotic microangiopathy: can ...')."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 40 and long.startswith(short) or len(short) >= 30 and long.endswith(" " + short)


def veto(a: Keys, b: Keys, pages: bool = True, volumes: bool = True, meetings: bool = True) -> str:
    """Why two records cannot be one publication, or '' when nothing forbids it."""
    if a.doi and b.doi and a.doi != b.doi and not (a.doi.startswith(b.doi) or b.doi.startswith(a.doi)):
        return "different DOIs"
    if a.pmid and b.pmid and a.pmid != b.pmid:
        return "different PMIDs"
    if a.year and b.year and abs(a.year - b.year) > 1:
        return "years more than one apart"
    # supplement volumes are often mangled ('30 (Suppl 3)' exported as '3'): pages still decide
    if volumes and a.volume and b.volume and a.volume != b.volume and not (a.supplement or b.supplement):
        return "different volumes"
    if pages and a.page and b.page and a.page != b.page and not shifted(a, b):
        return "different pages"
    if a.kind != b.kind:
        return f"{a.kind} versus {b.kind}"
    # the same abstract, named by its meeting in one database and by its journal in another: same year and
    # volume or first page, or the record that would be the full paper has no volume or pages to show it is one
    if meetings and a.conference != b.conference and not (a.year == b.year and _one_abstract(a, b)) \
            and not _one_conference(a, b):
        return "conference abstract versus full paper"
    return ""


def _one_conference(a: Keys, b: Keys) -> bool:
    """One venue is the other's acronym ('ICIS' and 'International Conference on Information Systems'): both
    records are of that conference, whichever one its database calls a conference."""
    return current().venues and bool(a.journal and b.journal) and venue_acronym(a.journal, b.journal)


def generic(k: Keys) -> bool:
    """A title that is no evidence: a kind of item ('Editorial', 'Subject index') or one recurring every year."""
    return k.generic or k.recurring


def _one_abstract(a: Keys, b: Keys) -> bool:
    """A meeting abstract and a record of the same year that may be that abstract, named by its journal: they
    share the volume or first page; or the record that would be the full paper has no volume or pages to show
    it is one; or the abstract record gives neither and the other is itself abstract-like (a supplement or a
    single page) in the same journal."""
    meeting, paper = (a, b) if a.conference else (b, a)
    if (a.volume and a.volume == b.volume) or (a.page and a.page == b.page) or not (paper.volume or paper.page):
        return True
    return not (meeting.volume or meeting.page) and (paper.supplement or paper.one_page) \
        and same_journal(a, b) is True


def shifted(a: Keys, b: Keys) -> bool:
    """An export that lost the volume and moved the issue into it and the page into the issue ('', 26, 9)
    against (26, 9, 1746): its 'page' is the other's issue, not a page."""
    return any(not x.volume and x.issue and x.issue == y.volume and x.page == y.issue for x, y in ((a, b), (b, a)))


def conflict(a: Keys, b: Keys, t: float | None = None, authors: bool | None = None,
             why_not: str | None = None) -> str:
    """The veto between two records, forgiving a first page that is plainly a slip."""
    why_not = veto(a, b) if why_not is None else why_not
    if why_not in ("different pages", "different volumes", "conference abstract versus full paper"):
        t = title_similarity(a, b) if t is None else t
        authors = authors_agree(a, b) if authors is None else authors
        if _same_identifier(a, b) and t >= 95 and authors is not False:
            # one DOI, one title: an article number against a page range, a year given as the volume, a
            # journal article that one database calls a conference paper
            return veto(a, b, pages=False, volumes=False, meetings=False)
        if why_not == "different pages" and _page_slip(a, b, t, authors):
            return veto(a, b, pages=False)
    return why_not


def _same_identifier(a: Keys, b: Keys) -> bool:
    return bool(a.doi and a.doi == b.doi) or bool(a.pmid and a.pmid == b.pmid)


def _page_slip(a: Keys, b: Keys, t: float, authors: bool | None) -> bool:
    """A first page that differs while title, authors, year, journal and volume agree is a slip when it
    is a typo (a few pages off), page 1 standing in for an article number, or an e-locator ('c1804')
    against the printed page; so is an online-first record (no volume, paged from 1) against the print.
    A one-page item with the same title is a correction notice: never a slip."""
    if a.one_page or b.one_page or not authors or t < current().same_title or generic(a) or generic(b):
        return False
    if _online_first(a, b) and same_journal(a, b):
        return True
    if not (a.volume and a.volume == b.volume and a.year == b.year and same_journal(a, b)):
        return False
    near = abs(int(a.page) - int(b.page)) <= 10 or (a.page_end and a.page_end == b.page_end)
    # an e-locator ('c1804') against a printed page, but not a supplement's 'S334' against 'A254'
    eloc = a.eloc != b.eloc and not (a.supplement or b.supplement)
    return near or "1" in (a.page, b.page) or eloc


def _online_first(a: Keys, b: Keys) -> bool:
    """An article online before print: no volume yet and its own pages from 1, against the printed pages."""
    return any(not x.volume and x.page == "1" and y.volume for x, y in ((a, b), (b, a)))


def authors_agree(a: Keys, b: Keys) -> bool | None:
    """Whether the author lists fit one paper (same first author or mostly shared); None if one is missing."""
    if not a.families or not b.families:
        return None
    if _same_name(a.families[0], b.families[0]):
        return True
    need = max(1, min(len(a.families), len(b.families)) // 2 + 1)
    shared = set(a.families).intersection(b.families)
    if len(shared) >= need:
        return True
    # names spelt differently: only those not shared exactly need the slower comparison
    others = [g for g in b.families if g not in shared]
    found = sum(1 for f in a.families if f in shared)
    for f in a.families:
        if f not in shared and any(_same_name(f, g) for g in others):
            found += 1
            if found >= need:
                return True
    return found >= need


@functools.lru_cache(maxsize=1 << 16)
def _same_name(x: str, y: str) -> bool:
    """Family names equal up to a typo or a particle ('vanderberg' / 'berg')."""
    if x == y:
        return True
    if min(len(x), len(y)) >= 4 and (x.endswith(y) or y.endswith(x) or x.startswith(y) or y.startswith(x)):
        return True
    return min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 88


def same_journal(a: Keys, b: Keys) -> bool | None:
    """Whether the journals can be one, comparing full names and abbreviations both ways; None if unknown."""
    verdicts = {journals_compatible(x, y) for x in (a.journal, a.journal_abbrev) for y in (b.journal, b.journal_abbrev)}
    if True not in verdicts and False in verdicts and _one_conference(a, b):
        return True
    return True if True in verdicts else False if False in verdicts else None


def support(a: Keys, b: Keys) -> int:
    """How many bibliographic details agree where both records have them (year, journal, volume, page)."""
    return sum((
        bool(a.year and a.year == b.year),
        same_journal(a, b) is True,
        bool(a.volume and a.volume == b.volume),
        bool(a.page and a.page == b.page),
    ))


def classify(a: Keys, b: Keys) -> tuple[str, str]:
    """(certain|possible|distinct, the reason a person can read) for one candidate pair."""
    s = current()
    first = veto(a, b)
    if first in FINAL_VETOES:
        return DISTINCT, first  # nothing forgives these: spare comparing titles and authors
    t = title_similarity(a, b)
    authors = authors_agree(a, b)
    why_not = conflict(a, b, t, authors, first)
    if why_not:
        # a correction notice, a reply, a meeting abstract of the paper: never grouped automatically, but
        # some reviews count them as the paper, so a person may; another volume, year or id is another work
        if why_not not in HARD_VETOES and t >= s.same_title and authors and not (generic(a) or generic(b)) \
                and not _later_paper(a, b, why_not):
            return POSSIBLE, f"{why_not}, but the same title and authors"
        return DISTINCT, why_not
    # before the generic titles: a short main title ('Night work') is too short to be evidence alone, not here
    if s.subtitle and authors is not False and _without_subtitle(a, b, authors):
        return CERTAIN, "the same title without its subtitle, same journal and pages"
    if generic(a) or generic(b):
        return _generic(a, b, t, _same_identifier(a, b), authors)
    # one article starts on a given page of a volume: with all four details the same, a
    # near-same title is enough even when author lists are spelt beyond recognition
    full = support(a, b) == 4
    if full and (t >= s.full_title or (authors and t >= 80)):
        return CERTAIN, "same journal, volume, page and year, alike titles"
    if full and (a.translated or b.translated) and authors and _same_range(a, b):
        return CERTAIN, "same journal, volume, pages, year and authors (a translated title)"
    if s.translated and full and _translation(a, b):
        return CERTAIN, "same journal, volume, issue, first page and first author (a translated title)"
    if authors is False and t < s.full_title and not (a.doi and a.doi == b.doi):
        return (POSSIBLE, "titles alike, authors differ") if t >= s.near_title else (DISTINCT, "authors differ")
    same_id = _same_identifier(a, b)
    if a.numbers != b.numbers and a.title and b.title and not (same_id and t >= s.same_title):
        return (POSSIBLE, "numbers in the titles differ") if t >= s.possible_title or same_id \
            else (DISTINCT, "titles differ")
    if same_id:
        if t >= s.near_title or (not (a.title and b.title) and authors) or (authors is not False and _main_of(a, b)):
            return CERTAIN, "same identifier"
        if authors and a.page and a.page == b.page and a.year == b.year:
            return CERTAIN, "same identifier, authors, year and page (a translated title)"
        return POSSIBLE, "same identifier, titles differ"
    return _fuzzy(a, b, t, authors)


def _later_paper(a: Keys, b: Keys, why_not: str) -> bool:
    """A conference record and a paper in another venue and another year: the paper that grew from the meeting,
    a publication of its own (the same abstract named by its meeting and by its journal shares the venue)."""
    return why_not == "conference abstract versus full paper" and bool(a.year and b.year and a.year != b.year) \
        and same_journal(a, b) is False


def _translation(a: Keys, b: Keys) -> bool:
    """One article, its title in two languages: the same issue and first author besides journal, volume, first page
    and year, titles in two languages, and neither a supplement, a meeting abstract nor a one-page item (an
    abstract book prints several abstracts on one page; a one-page item may be a notice about the article)."""
    if {a.language, b.language} != {"en", "other"} and not (a.translated or b.translated):
        return False
    if any(k.supplement or k.conference or k.one_page or not k.families for k in (a, b)):
        return False
    if not (a.issue and a.issue == b.issue) or (a.page_end and b.page_end and a.page_end != b.page_end):
        return False
    # page 1 stands in for a missing page or an article number in many exports: it tells no article apart
    if a.page == "1" and not (a.page_end and a.page_end == b.page_end):
        return False
    return _same_name(a.families[0], b.families[0])


def _without_subtitle(a: Keys, b: Keys, authors: bool | None) -> bool:
    """One record gives the title without its subtitle ('Working alone' and 'Working alone: what ...'), in the
    same journal, volume (where both give one) and first page. An abstract book prints several abstracts on a
    page: there the authors must agree, not only be missing on one side."""
    short = b.title if a.main_title and a.main_title == b.title else a.title if b.main_title == a.title else ""
    if not short or names_an_item(short):  # 'Editorial' and 'Editorial: ...' may be two items on a page
        return False
    if not authors and any(k.supplement or k.conference for k in (a, b)):
        return False
    if a.volume != b.volume and a.volume and b.volume or (a.issue and b.issue and a.issue != b.issue):
        return False
    return bool(a.page and a.page == b.page and a.page != "1") and same_journal(a, b) is True


def _main_of(a: Keys, b: Keys) -> bool:
    """One title is the other's main title, the part before its subtitle."""
    return bool(a.main_title and a.main_title == b.title or b.main_title and b.main_title == a.title)


def _same_range(a: Keys, b: Keys) -> bool:
    """The same first and last page of an article longer than a page."""
    return bool(a.page_end) and a.page_end == b.page_end and not (a.one_page or b.one_page)


def _fuzzy(a: Keys, b: Keys, t: float, authors: bool | None) -> tuple[str, str]:
    """No shared identifier: titles, authors and the bibliographic details decide."""
    s = current()
    evidence = support(a, b)
    if not a.title or not b.title:
        strong = authors and evidence == 4 and len(a.families) > 1 and len(b.families) > 1
        return (CERTAIN, "same authors, year, journal, volume and page") if strong else \
            (POSSIBLE, "a title is missing") if authors and evidence >= 3 else (DISTINCT, "a title is missing")
    if authors and t >= s.same_title and evidence >= 2:
        return CERTAIN, "same title, authors and details"
    # the same year too: a full paper often reuses the abstract its meeting abstract had a year before
    if authors and t >= s.same_title and a.year and a.year == b.year and a.abstract and b.abstract \
            and fuzz.ratio(a.abstract, b.abstract) >= 95:
        return CERTAIN, "same title, authors and abstract"
    if authors and t >= s.near_title and evidence >= 3 and bool(a.page and a.page == b.page):
        return CERTAIN, "near-same title, same authors, journal and pages"
    if authors is None and t >= 98 and evidence >= 3:
        return CERTAIN, "same title and details, authors missing"
    if _bare_twins(a, b):
        return CERTAIN, "same long title and year, nothing else recorded"
    if s.venues and authors and t >= s.same_title and _one_meeting(a, b):
        return CERTAIN, "same title and authors at one conference"
    if t >= s.possible_title and (authors or evidence >= 2):
        return POSSIBLE, "similar title"
    return DISTINCT, "titles differ"


def _one_meeting(a: Keys, b: Keys) -> bool:
    """Two conference records of one meeting (its name or acronym), the first author the same: a proceedings paper
    is indexed under the meeting's year by one database and the volume's year by another."""
    meeting = (a.conference and b.conference) or ((a.conference or b.conference) and _one_conference(a, b))
    return meeting and bool(a.families and b.families) and same_journal(a, b) is True \
        and _same_name(a.families[0], b.families[0])


def _bare_twins(a: Keys, b: Keys) -> bool:
    """Trial-register style records (no authors, journal, volume or pages) with one long title and year."""
    bare = not (a.families or b.families or a.journal or b.journal or a.volume or b.volume or a.page or b.page)
    return bare and a.title == b.title and len(a.title) >= 60 and a.year is not None and a.year == b.year


def _generic(a: Keys, b: Keys, t: float, same_id: bool, authors: bool | None) -> tuple[str, str]:
    """Generic titles ('Editorial', 'Remarks from the editor') are no evidence: an identifier, or the same
    journal, volume, issue, first page and year, decide. Other issues, or no pages to compare, keep them apart:
    a journal prints one in every issue."""
    if t < current().same_title:
        return DISTINCT, "generic titles differ"
    if same_id:
        return CERTAIN, "same identifier (generic title)"
    if a.issue and b.issue and a.issue != b.issue:
        return DISTINCT, "generic title, different issues"
    if not (a.page and b.page):
        return DISTINCT, "generic title without pages or DOI"
    # one issue on both, or none on either and a page that is not a stand-in: the same item of the same issue
    one_issue = (bool(a.issue and a.issue == b.issue) or not (a.issue or b.issue or a.page == "1")) \
        and a.supplement == b.supplement  # a supplement's issue ('S1') has no number to compare
    if authors is not False and support(a, b) == 4 and one_issue:
        return CERTAIN, "generic title, every detail the same"
    return (POSSIBLE, "generic title") if authors and support(a, b) >= 3 else (DISTINCT, "generic title only")
