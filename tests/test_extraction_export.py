"""Extraction exports compared with expected files, built from a real dual extraction."""
import io

import pytest
from openpyxl import load_workbook

from exports.extraction import extraction_csv, extraction_xlsx
from review.appraisal import extraction, forms, studies
from tests.appraisal_setup import make_team

FORM = {"name": "Short", "fields": [
    {"key": "country", "label": "Country", "type": "text"},
    {"key": "sample_size", "label": "Sample size", "type": "number"},
    {"key": "settings", "label": "Settings", "type": "multi", "options": ["hospital", "nursing home", "home care"]},
    {"key": "outcomes", "label": "Outcomes", "type": "group", "fields": [
        {"key": "name", "label": "Outcome", "type": "text"},
        {"key": "value", "label": "Effect value", "type": "number"}]},
]}


@pytest.fixture
def table(conn):
    team = make_team(conn, blinded=False)
    forms.save_form(conn, team.project_id, team.lead, FORM)
    smith = studies.create_study(conn, team.project_id, team.lead, "Smith 2020", team.records[:2])
    berg = studies.create_study(conn, team.project_id, team.lead, "Berg 2019", team.records[2:3], design="randomised")
    extraction.record_agreed(conn, smith, team.lead, {
        "country": "Norway", "sample_size": "1 240", "settings": ["home care", "hospital"],
        "outcomes.1.name": "Fatigue", "outcomes.1.value": "0.72", "outcomes.2.name": "=cmd|' /C calc'!A0"})
    extraction.record_agreed(conn, berg, team.lead, {"country": "Sweden", "outcomes.1.name": "Sleep"})
    return extraction.extraction_table(conn, team.project_id)


def test_extraction_csv_matches_expected(table, fixtures):
    expected = (fixtures / "expected" / "extraction.csv").read_bytes().decode("utf-8")
    assert extraction_csv(table) == expected


def test_extraction_xlsx_has_studies_group_and_codebook_sheets(table):
    book = load_workbook(io.BytesIO(extraction_xlsx(table)))
    assert book.sheetnames == ["Studies", "outcomes", "Codebook"]
    studies_rows = list(book["Studies"].values)
    assert studies_rows[0] == ("study_id", "study", "study_design", "records", "country", "sample_size", "settings")
    assert studies_rows[2][1:] == ("Smith 2020", "observational", "1; 2", "Norway", 1240, "hospital; home care")
    outcome_rows = list(book["outcomes"].values)
    assert [r[1:4] for r in outcome_rows[1:]] == [("Berg 2019", 1, "Sleep"), ("Smith 2020", 1, "Fatigue"),
                                                  ("Smith 2020", 2, "'=cmd|' /C calc'!A0")]
    codebook = list(book["Codebook"].values)
    assert ("settings", "Settings", "multi", None, "hospital; nursing home; home care", None) in codebook
    assert ("outcomes.value", "Effect value", "number", "outcomes", None, None) in codebook
