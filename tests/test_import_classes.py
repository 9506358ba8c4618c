"""One small hand-made file per class of import failure the issue found: counts and the fields a user sees.

Files in tests/fixtures/imports/ (written for Sil, not copied from other projects)."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import imports
from exports.ris import write_ris
from imports.dates import full_date
from imports.errors import ImportFailure

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "fixtures" / "imports"


def texts(parsed: imports.ParsedFile) -> list[str]:
    """The English of a file's warnings (each also has a catalogue key: tests/test_import_warnings.py)."""
    return [w["text"] for w in parsed.warnings]


def read(name: str, **options) -> imports.ParsedFile:
    return imports.read_file((FOLDER / name).read_bytes(), name, **options)


def test_a_title_abstract_table_is_a_table_not_embase_vertical():
    parsed = read("asreview_minimal.csv")
    assert [r["title"] for r in parsed.records] == [
        "Working from home and neck pain", "Breaks at work for nurses", "Role clarity and burnout"]
    assert parsed.records[0]["abstract"].startswith("A cohort of 1 200 office workers, followed")
    assert parsed.warnings == []


def test_excel_with_norwegian_settings_semicolons_and_cp1252():
    parsed = read("excel_norsk.csv")
    assert (parsed.format, parsed.encoding, len(parsed.records)) == ("csv", "cp1252", 3)
    first, _, third = parsed.records
    assert first["title"] == "Hjemmekontor og helse: en kartlegging"
    assert first["authors"] == ["Ødegård, Åse", "Berg, Kari"] and first["year"] == 2021
    assert first["doi"] == "10.1000/hk.2021.1"
    assert first["extra"]["Merknad"] == ["inkludert; se fulltekst"]  # a column no field takes is kept
    assert third["title"] == 'Rolleklarhet; utbrenthet og "stress"'
    assert any("cp1252" in w for w in texts(parsed))


@pytest.mark.parametrize("name", ["tabs.tsv", "tabs.txt"])
def test_tab_separated_files(name):
    parsed = read(name)
    assert [r["title"] for r in parsed.records] == ["Telework and sleep", "Noise at work"]
    assert parsed.records[0]["authors"] == ["Berg, Kari", "Dahl, Eva"] and parsed.records[1]["year"] == 2018


def workbook(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_workbook_imports_every_row_and_names_what_it_did_not_read():
    data = workbook({
        "Treff": [["Søk i MEDLINE 2026-03-02"], ["Title", "Year", "DOI", "Authors"],
                  ["Breaks at work", 2019, "10.1000/B", "Berg, Kari; Lie, Anne"], ["Burnout in teachers", 2020.0, None, None]],
        "Notater": [["husk å sjekke"]],
    })
    parsed = imports.read_file(data, "treff.xlsx")
    assert parsed.format == "xlsx" and len(parsed.records) == 2
    assert parsed.records[0]["doi"] == "10.1000/b" and parsed.records[1]["year"] == 2020
    assert parsed.records[0]["authors"] == ["Berg, Kari", "Lie, Anne"]
    assert any("line(s) 1 above the header" in w for w in texts(parsed))
    assert any("'Notater'" in w for w in texts(parsed))


def test_an_old_xls_and_a_plain_zip_are_refused_saying_what_to_do():
    with pytest.raises(ImportFailure, match=r"\.xls.*Save As"):
        imports.read_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.xls")
    archive = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("export.ris", "TY  - JOUR\nER  - \n")
    with pytest.raises(ImportFailure, match="zip archive"):
        imports.read_file(archive.getvalue(), "exports.zip")


def test_ris_authors_corporate_et_al_and_mixed_tags():
    report, article = read("authors.ris").records
    assert report["authors"] == ["World Health Organization", "Norwegian Institute of Public Health"]
    assert article["authors"] == ["Berg, Kari", "Hansen, Ola", "Dahl, Eva"]  # file order, no "al., et"
    assert article["extra"]["AU"] == ["et al."]  # the list was cut short: kept, not an author


def test_wos_continuation_lines_without_indent_keep_authors_and_abstract():
    parsed = read("wos_no_indent.txt")
    first, second = parsed.records
    assert first["authors"] == ["Berg, Kari", "Hansen, Ola", "Dahl, Eva"]
    assert first["abstract"].endswith("Results: fatigue fell.") and "cluster trial" in first["abstract"]
    assert second["authors"] == ["Lie, A"] and second["year"] == 2020
    assert any("without a tag or indent" in w and "5" in w for w in texts(parsed))


def test_bibtex_a_broken_entry_is_named_with_its_reason_and_nothing_is_imported():
    with pytest.raises(ImportFailure) as refused:
        read("macros.bib")
    text = str(refused.value)
    assert "@article{broken2019 (line 20)" in text and "closing" in text and "--skip-broken" in text
    assert "broken ()" not in text


def test_bibtex_skip_broken_imports_the_others_and_lists_the_skipped(capfd):
    parsed = read("macros.bib", skip_broken=True)
    assert [r["title"] for r in parsed.records] == ["Breaks at work and fatigue", "Telework and sleep", "Noise at work"]
    first = parsed.records[0]
    assert first["journal"] == "Scand J Work Environ Health (Online)"  # @string macros joined with #
    assert first["doi"] == "10.5271/sjweh_2021_01"  # no LaTeX escape left in the DOI
    assert full_date(first) == "2021/07//"
    assert any("skipped" in w and "broken2019 (line 20)" in w for w in texts(parsed))
    assert "aborted" not in capfd.readouterr().err  # bibtexparser's log stays off the user's terminal


def test_ris_near_misses_start_date_bare_ty_and_full_dates():
    parsed = read("near_misses.ris")
    assert len(parsed.records) == 2  # the bare TY line did not make an empty record
    trial, old = parsed.records
    assert (trial["title"], trial["year"], trial["pub_type"]) == ("Registered trial of standing desks", 2017, "JOUR")
    assert full_date(trial) == "2017/08/12/" and full_date(old) == "1948/07//"
    assert parsed.warnings == []


def test_medline_pmid_without_its_space():
    parsed = read("pmid_no_space.nbib")
    assert parsed.format == "medline"
    assert [(r["pmid"], r["title"]) for r in parsed.records] == [
        ("31000001", "Night shifts and cancer risk"), ("31000002", "Long hours and stroke")]


def test_a_ris_file_with_a_misspelt_start_and_a_medline_record_says_so():
    parsed = read("mixed.ris")
    assert [r["title"] for r in parsed.records] == ["Read as RIS", "A record whose TY line has an en dash"]
    warnings = " | ".join(texts(parsed))
    assert "record 2 had no TY line" in warnings
    assert "PubMed/MEDLINE records (line 7" in warnings


def test_a_record_start_the_reader_misses_is_counted_and_named():
    data = b"@article{a, title={One}, year=2020}\n@ article{b, title={Two}}\n"
    parsed = imports.read_file(data, "two.bib")
    assert len(parsed.records) == 1
    assert any("2 record start(s)" in w and "line 2" in w for w in texts(parsed))


def test_types_and_full_dates_survive_ris_export_for_every_kind_of_source():
    sources = [read("wos_no_indent.txt").records[0], *read("macros.bib", skip_broken=True).records,
               read("authors.ris").records[0], read("pmid_no_space.nbib").records[0]]
    back = imports.read_file(write_ris(sources).encode(), "sil.ris").records
    assert [r["pub_type"] for r in back] == ["JOUR", "JOUR", "CPAPER", "THES", "RPRT", "GEN"]
    assert [full_date(r) for r in back] == [full_date(r) for r in sources]
    assert full_date(back[5]) == "2019/03/04/"


def test_cli_skip_broken(tmp_path):
    db = str(tmp_path / "sil.sqlite3")
    run = [sys.executable, str(HERE.parent / "run.py")]
    project = subprocess.run([*run, "projects", "add", "Pauser", "--db", db], capture_output=True, text=True,
                             check=True).stdout.split()[-1]
    refused = subprocess.run([*run, "import", project, str(FOLDER / "macros.bib"), "--db", db],
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "broken2019" in refused.stderr and "Traceback" not in refused.stderr
    done = subprocess.run([*run, "import", project, str(FOLDER / "macros.bib"), "--skip-broken", "--db", db],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "imported 3 records" in done.stdout and "broken2019" in done.stdout


def test_ris_with_ty_and_er_alone_on_their_lines():
    parsed = read("bare_tags.ris")
    assert parsed.format == "ris"
    assert [(r["title"], r["authors"], r["year"]) for r in parsed.records] == [
        ("Sitting time in call centres", ["Berg, Kari"], 2016), ("Standing desks and back pain", ["Lie, Anne"], 2018)]
    assert parsed.warnings == []


def test_bibtex_upper_case_string_macros_and_comma_separated_keywords():
    parsed = read("strings_upper.bib")
    (record,) = parsed.records
    assert record["journal"] == "American Journal of Industrial Medicine"
    assert record["authors"] == ["Berg, Kari", "Lie, Anne"] and record["title"] == "Night work and sleep"
    assert record["keywords"] == ["shift work", "sleep", "nurses"]
    assert full_date(record) == "2017/03//"
    assert parsed.warnings == []  # @STRING blocks are no record starts


def test_a_table_of_list_cells_as_tools_built_on_rispy_write_it():
    first, second = read("list_cells.csv").records
    assert (first["title"], first["authors"], first["year"]) == ("Breaks and fatigue in nurses", ["Berg, Kari", "Dahl, Eva"], 2020)
    assert first["keywords"] == ["breaks", "fatigue, mental"]  # a list item keeps its comma
    assert (first["pub_type"], first["pages_start"], first["pages_end"]) == ("JOUR", "11", "19")
    assert first["extra"]["label_included"] == ["1"]
    assert second["authors"] == ["Lie, Anne"] and second["keywords"] == [] and second["pub_type"] == "CHAP"


def test_a_bibliographic_table_without_titles_is_imported_with_a_warning():
    parsed = read("no_title.csv")
    assert [r["doi"] for r in parsed.records] == ["10.1000/nw.1", "10.1000/nb.2"]
    assert parsed.records[0]["abstract"] == "Night work was linked to poorer sleep."
    assert any("no title column" in w for w in texts(parsed))
    assert any("2 record(s) without a title" in w for w in texts(parsed))
    with pytest.raises(ImportFailure, match="no title column"):
        imports.read_file(b"name,phone,email\nKari,123,k@x.no\n", "contacts.csv")


def test_medline_lines_without_the_space_or_the_indent_are_not_glued_to_a_field():
    parsed = read("medline_near_misses.nbib")
    (record,) = parsed.records
    assert record["title"] == "Shift work and the metabolic syndrome"
    assert record["authors"] == ["Berg, Kari"] and record["abstract"] == "Night shifts raised the risk."
    assert record["extra"]["unread"] == ["not a tag and not indented"]
    assert any("line(s) are neither a tag nor a continuation (lines 6)" in w for w in texts(parsed))
    assert full_date(record) == "2020/06//"  # DP, not MEDLINE's DA (the date the record was made)
