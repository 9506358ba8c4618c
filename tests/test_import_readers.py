"""The readers on small files shipped with the project, and on hostile input."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imports
from imports import medline, ris
from imports.errors import ImportFailure


def read(fixtures, name):
    return imports.read_file((fixtures / name).read_bytes(), name)


def test_ris_survives_bom_numbering_one_space_tags_and_a_missing_final_er(fixtures):
    parsed = read(fixtures, "small.ris")
    assert parsed.format == "ris"
    assert [r["title"] for r in parsed.records] == [
        "Working from home and musculoskeletal pain among office workers", "Breaks at work for nurses: a trial"]
    assert any("had no ER" in w and "line" in w for w in (warning["text"] for warning in parsed.warnings))
    assert any("outside records" in w for w in (warning["text"] for warning in parsed.warnings))


def test_ris_fields_are_normalised_and_nothing_is_dropped(fixtures):
    first, second = read(fixtures, "small.ris").records
    assert first["authors"] == ["Nordmann, Kari", "Hansen, Ola"]
    assert (first["pages_start"], first["pages_end"]) == ("123", "129")
    assert first["doi"] == "10.5271/sjweh.3950"
    assert first["year"] == 2021
    assert first["keywords"] == ["telework", "musculoskeletal pain"]
    assert first["extra"]["AB"] == ["Copyright the authors."]
    assert "Link to the Ovid" not in first["raw"] and first["raw"].startswith("TY  - JOUR")
    assert second["pmid"] == "31234567"


def test_medline_joins_wrapped_lines_and_prefers_full_author_names(fixtures):
    parsed = read(fixtures, "small.nbib")
    assert parsed.format == "medline"
    first = parsed.records[0]
    assert first["title"].endswith("a systematic review.")
    assert first["authors"] == ["Berg, Anne Marit", "Olsen, Per"]
    assert first["doi"] == "10.1000/xyz.123"
    assert (first["pages_start"], first["pages_end"]) == ("101", "109")
    assert len(parsed.records) == 2


def test_generic_csv_columns_are_found(fixtures):
    records = read(fixtures, "generic.csv").records
    assert records[0]["authors"] == ["Dahl, Eva", "Lie, Jon"]
    assert records[0]["doi"] == "10.1234/abc"
    assert records[1]["authors"] == ["Roe, Ann"]


def test_format_comes_from_content_not_the_name(fixtures):
    data = (fixtures / "small.nbib").read_bytes()
    assert imports.read_file(data, "search.ris").format == "medline"


def test_utf16_and_cr_only_files_read_like_utf8(fixtures):
    text = (fixtures / "small.ris").read_bytes().decode("utf-8-sig")
    utf16 = codecs.BOM_UTF16_LE + text.replace("\n", "\r").encode("utf-16-le")
    parsed = imports.read_file(utf16, "mac.ris")
    assert [r["title"] for r in parsed.records] == [r["title"] for r in read(fixtures, "small.ris").records]


def test_unknown_text_is_refused_with_what_to_do(fixtures):
    with pytest.raises(ImportFailure) as refused:
        read(fixtures, "not_an_export.txt")
    assert "not_an_export.txt" in str(refused.value)
    assert "RIS" in refused.value.message


def test_empty_file_is_refused():
    with pytest.raises(ImportFailure, match="empty"):
        imports.read_file(b"  \n", "empty.ris")


def test_broken_xml_names_the_line():
    with pytest.raises(ImportFailure) as refused:
        imports.read_file(b'<?xml version="1.0"?>\n<xml><records><record>\n<titles></record>', "lib.xml")
    assert refused.value.line == 3


RIS_LINES = st.sampled_from(["TY  - JOUR", "ER  - ", "TI  - A title", "AU  - Smith, J", "TY - BOOK",
                             "PY  - 20x1", "SP  - 9-1", "DO  - 10.", "", "  continued", "1.", "ER  -",
                             "PMID  - 12", "AB  - <p>&amp;", "\u2028", "KW  - a;;b"])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_records_or_an_import_failure(data):
    try:
        imports.read_file(data, "random.bin")
    except ImportFailure:
        pass


@settings(max_examples=300, deadline=None)
@given(st.lists(RIS_LINES, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]), st.integers(0, 400))
def test_ris_reader_on_mutilated_files(lines, newline, cut):
    text = newline.join(lines)
    for sample in (text, text[:cut]):
        try:
            records, warnings = ris.read(sample, "mutilated.ris")
        except ImportFailure:
            continue
        assert all(w["key"].startswith("import.warning.") and isinstance(w["text"], str) for w in warnings)
        assert all(isinstance(r["authors"], list) for r in records)


MEDLINE_LINES = st.sampled_from(["PMID- 1", "OWN - NLM", "TI  - Title", "      more", "", "      ",
                                 "FAU - Berg, A", "DP  - 20", "PG  - 5-", "LID - x [doi]", "AB  - text"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MEDLINE_LINES, max_size=40), st.text(max_size=80))
def test_medline_reader_on_mutilated_files(lines, noise):
    for sample in ("\n".join(lines), "\n".join(lines) + noise, noise):
        try:
            medline.read(sample, "mutilated.nbib")
        except ImportFailure:
            pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_mixed_encodings_inside_a_ris_file(junk):
    data = "TY  - JOUR\nTI  - Ærlig talt\n".encode() + junk + b"\nER  - \n"
    parsed = imports.read_file(data, "mixed.ris")
    assert len(parsed.records) >= 1
