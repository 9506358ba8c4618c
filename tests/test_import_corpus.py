"""Every real export in ../shared/data/exports: format found, every record read, fields filled."""
from __future__ import annotations

import re

import pytest

import imports
from tests.conftest import SHARED_DATA

EXPORTS = SHARED_DATA / "exports"
ROW = re.compile(r"^\| `([^`]+)` \|.*\| (\d+) \| [^|]+ \| [^|]+ \|$")
# The README counts records by a marker line; where that rule undercounts, the true count and why.
TRUE_COUNTS = {
    "endnote/colrev__ais_enl.txt": (6, "README counts %0 lines; 4 of its 6 records start with %T and have no %0"),
}
DISPLAY_TEXT = {
    "pubmed/bharatblade__pubmed89Abstract.txt": "Citation manager",
    "ovid/jabref__OvidImporterTest4.txt": "Format: RIS",
    "proquest/metaknowledge__ProQuest_TestFile.txt": "RIS",
}
DOI_LINE = re.compile(r"(?im)^(?:DO|DI|LID|AID|DOI|L3)\s*[-:]?.*10\.\d{4,9}/|<electronic-resource-num>[^<]*10\.\d{4,9}/"
                      r"|^doi\s*=.*10\.\d{4,9}/")
# An abstract tag with text that is not a placeholder ("NA").
ABSTRACT_LINE = re.compile(r"(?m)^(?:AB|N2) {1,2}- ?(?!NA$)\S.{2,}|^AB: \S|^%X \S|<abstract>\s*\S")
FORMATS = {
    "RIS": "ris", "RIS-like": "ris", "PubMed/MEDLINE": "medline", "MEDLINE-style": "medline",
    "WoS plain": "wos", "WoS ISI": "wos", "WoS tab": "wos-tab", "EndNote XML": "endnote-xml",
    "BibTeX": "bibtex", "EndNote tagged": "refer", "NoteExpress": "noteexpress",
    "Cochrane Library plain": "cochrane-text", "Scopus CSV": "csv", "Embase CSV": "csv",
    "PubMed CSV": "csv", "Legacy PubMed CSV": "csv",
}


def corpus_table() -> list[tuple[str, str, int]]:
    """(file, format column, record count) from the README's summary table."""
    readme = EXPORTS / "README.md"
    if not readme.is_file():
        return []
    rows = []
    for line in readme.read_text(encoding="utf-8").split("\n"):
        match = ROW.match(line)
        if match:
            cells = [c.strip() for c in line.split("|")]
            rows.append((match.group(1), cells[3], int(match.group(2))))
    return rows


def expected_format(column: str) -> str | None:
    for prefix, key in sorted(FORMATS.items(), key=lambda kv: -len(kv[0])):
        if column.startswith(prefix):
            return key
    return None


def test_the_readme_table_lists_the_whole_corpus(shared_data):
    assert len(corpus_table()) >= 75


@pytest.mark.corpus
@pytest.mark.parametrize("name,fmt,count", corpus_table() or [("absent", "", 0)], ids=lambda v: str(v))
def test_every_export_imports_whole(shared_data, name, fmt, count):
    data = (EXPORTS / name).read_bytes()
    if name in DISPLAY_TEXT:
        with pytest.raises(imports.ImportFailure) as refused:
            imports.read_file(data, name)
        assert DISPLAY_TEXT[name] in refused.value.message
        assert name in str(refused.value)
        return
    parsed = imports.read_file(data, name)
    count = TRUE_COUNTS.get(name, (count,))[0]
    assert len(parsed.records) == count
    if expected_format(fmt):
        assert parsed.format == expected_format(fmt)
    records = parsed.records
    assert _share(records, "title") >= 0.95
    assert all(r["raw"] for r in records)
    for field in ("year", "authors"):
        if _source_has(name, field):
            assert _share(records, field) >= 0.5, field
    # Wherever a record carries a DOI or an abstract in its own text, the field is filled.
    assert [r["raw"][:80] for r in records if not r["doi"] and DOI_LINE.search(r["raw"])] == []
    assert [r["raw"][:80] for r in records if not r["abstract"] and ABSTRACT_LINE.search(r["raw"])] == []


def _share(records, field) -> float:
    return sum(1 for r in records if r[field]) / len(records)


def _source_has(name: str, field: str) -> bool:
    """Files where the export itself lacks the field are not held to it."""
    lacking = {"authors": ("rayyan",), "year": ()}[field]
    return not any(part in name for part in lacking)


def test_the_same_records_read_alike_from_every_wos_format(shared_data):
    """Plain text, tab-delimited UTF-8 and UTF-16 exports of one search give the same records."""
    names = ["wos/wosfile__wos_plaintext.txt", "wos/wosfile__wos_tab_delimited_win_utf8.txt",
             "wos/wosfile__wos_tab_delimited_win_utf16.txt"]
    parsed = [imports.read_file((EXPORTS / n).read_bytes(), n).records for n in names]
    for field in ("title", "doi", "year", "source_id", "pages_start"):
        assert [r[field] for r in parsed[0]] == [r[field] for r in parsed[1]] == [r[field] for r in parsed[2]]


def test_a_bom_does_not_lose_the_first_record(shared_data):
    parsed = imports.read_file((EXPORTS / "embase/asreview__embase.ris").read_bytes(), "embase.ris")
    assert parsed.encoding == "utf-8 (BOM)"
    assert parsed.records[0]["title"].startswith("Duplication cysts")


def test_mac_roman_is_guessed_and_warned(shared_data):
    parsed = imports.read_file((EXPORTS / "misc/bibfix__export_macroman.ris").read_bytes(), "export.ris")
    assert parsed.encoding == "mac_roman"
    assert any("not UTF-8" in w["text"] for w in parsed.warnings)
    assert any("é" in r["title"] or "…" in r["title"] for r in parsed.records)


def test_repeated_abstracts_keep_both_values(shared_data):
    name = "ebsco/synthesisr__ASP_ris_example.ris"
    record = imports.read_file((EXPORTS / name).read_bytes(), name).records[0]
    assert record["abstract"]
    assert record["extra"].get("AB"), "the second AB (copyright notice) must be kept"


def test_ovid_doi_urls_become_bare_dois(shared_data):
    name = "ovid/asreview__ovid_psycinfo.ris"
    records = imports.read_file((EXPORTS / name).read_bytes(), name).records
    assert records[0]["doi"] == "10.1002/cpp.2398"
    assert all(not r["doi"].startswith("http") for r in records)
