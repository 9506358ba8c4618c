"""What the lead sees on the duplicates screens: the groups page searched and paged, the database and platform
each record came from, the reasons under "Why" in the reader's language."""
import re
from pathlib import Path

import pytest
from conftest import login

from review.dedupe.finding import find_duplicates
from review.dedupe.reasons import REASONS, reason_message
from review.dedupe.sources import record_database, source_label
from review.projects import project as projects
from review.searches.importing import add_records, create_search
from screens.i18n import catalogue, translate

NB = {"Accept-Language": "nb-NO,nb;q=0.9"}


def work(n: int) -> dict:
    return {"title": f"Shift length and sleep in cohort number {n} of nurses", "authors": [f"Author{n}, A."],
            "year": 2020, "journal": "Sleep Health", "volume": str(n), "pages_start": "10", "pages_end": "19",
            "doi": f"10.1/sleep.{n}"}


@pytest.fixture
def grouped(conn, make_user):
    """45 works, each exported twice: 45 groups."""
    lead = make_user("lene")
    project_id = projects.create_project(conn, lead, "Shift work")
    search_id = create_search(conn, project_id, lead, "all.ris", "sha", "ris")
    records = [work(n) for n in range(1, 46)]
    records += [{**r, "title": r["title"].upper()} for r in records]
    add_records(conn, project_id, search_id, records)
    assert find_duplicates(conn, project_id, lead)["groups"] == 45
    return project_id


def shown_groups(page) -> list[str]:
    return [h.get_text() for h in page.html.select("section.group h2")]


def test_the_groups_page_shows_a_page_of_groups_at_a_time(app, grouped):
    login(app, "lene")
    page = app.get(f"/projects/{grouped}/duplicates/groups")
    assert len(shown_groups(page)) == 20 and "45 groups" in page.text and "Page 1 of 3" in page.text
    page = page.click(href=r"page=2", index=0)
    assert len(shown_groups(page)) == 20 and "Page 2 of 3" in page.text
    last = app.get(f"/projects/{grouped}/duplicates/groups?page=3")
    assert len(shown_groups(last)) == 5 and last.html.select_one("a[rel=next]") is None
    beyond = app.get(f"/projects/{grouped}/duplicates/groups?page=99")
    assert "Page 3 of 3" in beyond.text  # past the end: the last page, not an empty one
    everything = shown_groups(page) + shown_groups(last) + shown_groups(app.get(f"/projects/{grouped}/duplicates/groups"))
    assert len(set(everything)) == 45  # no group on two pages, none left out


def test_the_groups_page_finds_groups_by_title_words_author_doi_or_record_number(app, conn, grouped):
    login(app, "lene")
    base = f"/projects/{grouped}/duplicates/groups"
    page = app.get(base, {"q": "cohort number 17 "})
    assert shown_groups(page) == ["Shift length and sleep in cohort number 17 of nurses"]
    assert "1 group matches" in page.text and page.html.select_one("nav.pager") is None
    assert len(shown_groups(app.get(base, {"q": "author3"}))) == 1 + 10  # Author3, Author30..Author39
    # every word, wherever it stands in the title, authors or journal
    assert shown_groups(app.get(base, {"q": "nurses 17 SLEEP health"})) == [
        "Shift length and sleep in cohort number 17 of nurses"]
    assert len(shown_groups(app.get(base, {"q": "10.1/SLEEP.4"}))) == 1 + 6  # 4, 40..45
    record_id = conn.execute("SELECT id FROM records WHERE doi = '10.1/sleep.9' ORDER BY id DESC").fetchone()[0]
    assert shown_groups(app.get(base, {"q": str(record_id)})) == ["Shift length and sleep in cohort number 9 of nurses"]
    nothing = app.get(base, {"q": "100% <b>"})
    assert shown_groups(nothing) == [] and "No group has a record that matches" in nothing.text
    assert "<b>" not in nothing.text  # the search is shown escaped


def test_undo_from_a_searched_page_returns_to_that_search(app, grouped):
    login(app, "lene")
    page = app.get(f"/projects/{grouped}/duplicates/groups", {"q": "author2"})
    assert len(shown_groups(page)) == 1 + 10  # Author2, Author20..Author29
    undo = next(f for f in page.forms if str(f).startswith("undo-"))
    page = page.forms[undo].submit().follow()
    assert "The group is undone." in page.text and page.request.GET.get("q") == "author2"
    assert len(shown_groups(page)) == 10


# --- database and platform ------------------------------------------------------------------------------------

OVID_RIS = "TY  - JOUR\nDB  - Ovid MEDLINE(R) <2021 to 2023>\nTI  - x\nER  - \n"


def test_pubmed_and_ovid_medline_are_told_apart():
    assert source_label("MEDLINE", "PubMed", "a.nbib", "medline") == "MEDLINE (PubMed)"
    assert source_label("MEDLINE", "Ovid", "a.ris", "ris") == "MEDLINE (Ovid)"
    # no platform given with the search: the record's own database line, or PubMed's file format, says it
    assert source_label("MEDLINE", "", "a.ris", "ris", record_database({"DB": ["Ovid MEDLINE(R) <2021>"]})) \
        == "MEDLINE (Ovid)"
    assert source_label("MEDLINE", "", "pubmed.nbib", "medline", "", pmid="31234567") == "MEDLINE (PubMed)"
    assert source_label("", "", "a.ris", "ris", "Ovid MEDLINE(R)") == "Ovid MEDLINE(R)"
    assert source_label("", "", "eric.txt", "medline") == "eric.txt"  # ERIC writes that format too, without PMIDs
    assert source_label("Embase", "Embase.com", "e.ris", "ris") == "Embase (Embase.com)"
    assert source_label("PubMed", "PubMed", "p.nbib", "medline") == "PubMed"


def test_a_real_ovid_export_names_its_platform(shared_data):
    from imports import read_file

    path = Path(shared_data) / "exports" / "ovid" / "nmn__embase.ris__is_ovid_medline.ris"
    record = read_file(path.read_bytes(), path.name).records[0]
    assert source_label("MEDLINE", "", path.name, "ris", record_database(record["extra"])) == "MEDLINE (Ovid)"


@pytest.fixture
def two_platforms(conn, make_user):
    """One article from PubMed and from Ovid MEDLINE, on different pages: a pair for a person."""
    lead = make_user("lene")
    project_id = projects.create_project(conn, lead, "Breaks")
    article = {"title": "Rest breaks and fatigue in night-shift nurses", "authors": ["Berg, Anne"], "year": 2020,
               "journal": "J Nurs Manag", "volume": "28", "pages_start": "10", "pages_end": "19"}
    for database, platform, page in (("MEDLINE", "PubMed", "10"), ("MEDLINE", "Ovid", "110")):
        search_id = create_search(conn, project_id, lead, f"{platform}.ris", platform, "ris",
                                  {"database_name": database, "platform": platform})
        add_records(conn, project_id, search_id, [{**article, "pages_start": page}])
    assert find_duplicates(conn, project_id, lead)["possible"] == 1
    return project_id


def test_the_pair_names_database_and_platform_of_each_record(app, two_platforms):
    login(app, "lene")
    heads = [th.get_text() for th in app.get(f"/projects/{two_platforms}/duplicates").html.select("table.pair th")]
    assert any(h.startswith("MEDLINE (PubMed)") for h in heads) and any(h.startswith("MEDLINE (Ovid)") for h in heads)


# --- reasons in bokmål ----------------------------------------------------------------------------------------

def test_the_reason_under_why_is_in_bokmal_for_a_bokmal_reader(app, two_platforms):
    login(app, "lene")
    why = app.get(f"/projects/{two_platforms}/duplicates", headers=NB).html.select_one("#pair-why").get_text()
    assert "ulike sider, men samme tittel og forfattere" in why and "different pages" not in why
    english = app.get(f"/projects/{two_platforms}/duplicates").html.select_one("#pair-why").get_text()
    assert "different pages, but the same title and authors" in english


def _rule_reasons() -> set[str]:
    """Every reason text the pair rules and grouping can give (read from their source)."""
    found = set()
    for name in ("rules.py", "grouping.py"):
        source = (Path(__file__).resolve().parent.parent / "review" / "dedupe" / name).read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:CERTAIN|POSSIBLE|DISTINCT)\), ?"([^"{]+)"', source))
        found |= set(re.findall(r'(?:CERTAIN|POSSIBLE|DISTINCT), "([^"{]+)"', source))
        found |= set(re.findall(r'return "([^"{]+)"\n', source))
        found |= set(re.findall(r'else "([^"{]+)"\)', source))
    return found


def test_every_reason_the_rules_give_has_a_bokmal_text():
    reasons = _rule_reasons()
    assert len(reasons) >= 30 and "generic title, different issues" in reasons and "groups would clash" in reasons
    unknown = sorted(r for r in reasons if reason_message(r)[0] == "dup.why.other")
    assert unknown == []
    for key in set(REASONS.values()) | {"dup.why.but_same", "dup.why.kinds"}:
        assert catalogue()[key]["nb"] and catalogue()[key]["nb"] != catalogue()[key]["en"]


@pytest.mark.parametrize("reason, bokmal", [
    ("article versus erratum, but the same title and authors", "artikkel mot rettelse, men samme tittel og forfattere"),
    ("conference abstract versus full paper, but the same title and authors",
     "konferansesammendrag mot fullstendig artikkel, men samme tittel og forfattere"),
    ("generic title", "generell tittel"),
    ("an old reason no rule gives now", "an old reason no rule gives now"),
])
def test_composed_reasons_are_translated_part_by_part(reason, bokmal):
    key, values = reason_message(reason)

    def say(message):
        k, v = message
        return translate("nb", k, **{n: say(x) if isinstance(x, tuple) else x for n, x in v.items()})
    assert say((key, values)) == bokmal


def test_a_pair_met_on_its_doi_shows_how_alike_its_titles_are(app, conn, make_user):
    from review.dedupe.keys import make_keys
    from review.dedupe.rules import title_similarity

    lead = make_user("lene")
    project_id = projects.create_project(conn, lead, "Noise")
    search_id = create_search(conn, project_id, lead, "all.ris", "sha", "ris")
    records = [{"title": "Response to comment on occupational noise and hearing loss", "authors": ["Olsen, J."],
                "year": 2021, "doi": "10.1234/noise.7"},
               {"title": "Reply: hearing protection at work, the authors respond", "authors": ["Olsen, J."],
                "year": 2021, "doi": "10.1234/noise.7"}]
    add_records(conn, project_id, search_id, records)
    assert find_duplicates(conn, project_id, lead)["possible"] == 1
    login(app, "lene")
    why = app.get(f"/projects/{project_id}/duplicates").html.select_one("#pair-why").get_text()
    expected = int(title_similarity(*(make_keys({**r, "id": i, "journal": "", "journal_abbrev": "", "volume": "",
                                                 "issue": "", "pages_start": "", "pages_end": "", "pmid": "",
                                                 "pub_type": ""}) for i, r in enumerate(records))))
    assert expected > 0 and why.endswith(f"title similarity {expected}")
