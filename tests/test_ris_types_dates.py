"""Type and full date survive a RIS export and re-import, for every file of the import corpus; and what a
source calls a journal article, conference paper, thesis, report or patent is never written as GEN."""
import re

import pytest

import imports
from exports.ris import type_code, write_ris
from imports.dates import full_date
from imports.errors import ImportFailure
from tests.test_ris_round_trip import CORPUS

NAMED = re.compile(r"journal|article|conference|proceeding|thesis|dissertation|report|patent", re.I)
TYPE_FIELDS = ("pub_type", "PT", "DT", "entry-type", "type", "document_type")


def said_type(record) -> str:
    """What the source said the record is, in its own words (pub_type or a type field kept in extra)."""
    values = [record["pub_type"], *(v for key in TYPE_FIELDS[1:] for v in record["extra"].get(key, ()))]
    return " | ".join(v for v in values if v)


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS)
def test_type_and_full_date_survive_ris_export_and_reimport(shared_data, name):
    try:
        records = imports.read_file((shared_data / "exports" / name).read_bytes(), name).records
    except ImportFailure:
        pytest.skip(f"{name} is a file the importer refuses on purpose")
    back = imports.read_file(write_ris(records).encode("utf-8"), "sil-export.ris").records
    assert len(back) == len(records)
    for number, (source, again) in enumerate(zip(records, back), start=1):
        where = f"{name} record {number}: {said_type(source)!r}"
        assert again["pub_type"] == type_code(source), where
        assert (again["year"], full_date(again)) == (source["year"], full_date(source)), where
        if NAMED.search(said_type(source)) or source["extra"].get("PT") in (["J"], ["B"], ["P"], ["C"]):
            assert again["pub_type"] != "GEN", where


def test_the_corpus_holds_full_dates_and_typed_records_worth_checking(shared_data):
    """The round trip above is not vacuous: the corpus has thousands of full dates and named types."""
    dated = typed = 0
    for name in CORPUS:
        try:
            records = imports.read_file((shared_data / "exports" / name).read_bytes(), name).records
        except ImportFailure:
            continue
        dated += sum(bool(full_date(r)) for r in records)
        typed += sum(type_code(r) != "GEN" for r in records)
    assert dated > 1000 and typed > 5000
