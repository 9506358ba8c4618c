"""The demo review's RIS files: they load, are complete, and agree with expected.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rispy

DEMO = Path(__file__).resolve().parent.parent / "review" / "demo" / "files"
EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


def load(name: str) -> list[dict]:
    return rispy.load(DEMO / name, encoding="utf-8-sig")


def by_accession(name: str) -> dict[str, dict]:
    return {record["accession_number"]: record for record in load(name)}


@pytest.mark.parametrize("name, key", [("medline.ris", "medline_records"), ("embase.ris", "embase_records")])
def test_demo_file_loads_every_record_with_title_abstract_authors_and_year(name, key):
    records = load(name)
    assert len(records) == EXPECTED[key]
    for record in records:
        missing = [f for f in ("title", "abstract", "authors", "year") if not record.get(f)]
        assert not missing, f"{name} {record.get('accession_number')}: missing {missing}"


@pytest.mark.parametrize("name", ["medline.ris", "embase.ris"])
def test_demo_records_only_use_the_reserved_test_doi_prefix(name):
    dois = [r["doi"] for r in load(name) if r.get("doi")]
    assert dois
    assert all(doi.lower().startswith("10.5555/sil-demo.") for doi in dois)


def test_demo_accession_numbers_are_unique_and_expected_ones_exist():
    medline, embase = by_accession("medline.ris"), by_accession("embase.ris")
    assert len(medline) == EXPECTED["medline_records"] and len(embase) == EXPECTED["embase_records"]
    named = EXPECTED["relevant_ans"] + EXPECTED["borderline_ans"]
    named += [an for pair in EXPECTED["not_duplicates"].values() for an in pair]
    assert all(an in medline or an in embase for an in named)
    assert all(m in medline and e in embase for m, e in EXPECTED["duplicate_pairs"])


def test_demo_duplicate_pairs_describe_the_same_article():
    medline, embase = by_accession("medline.ris"), by_accession("embase.ris")
    for m, e in EXPECTED["duplicate_pairs"]:
        a, b = medline[m], embase[e]
        assert a["volume"] == b["volume"] and b["start_page"].startswith(a["start_page"])
        assert a["authors"][0].split(",")[0] == b["authors"][0].split(" ")[0]
        if b.get("doi"):
            assert a["doi"].lower() == b["doi"].lower()


def test_demo_erratum_and_conference_abstract_are_separate_publications():
    medline = by_accession("medline.ris")
    paired = {m for m, _ in EXPECTED["duplicate_pairs"]}
    for trap, article in EXPECTED["not_duplicates"].values():
        assert trap not in paired
        assert medline[trap]["doi"] != medline[article]["doi"]
        assert medline[trap]["authors"][0] == medline[article]["authors"][0]
