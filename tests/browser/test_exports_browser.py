"""A lead takes an export from the Export tab in a real browser: the file arrives with its name and content."""
from pathlib import Path

import pytest
from conftest import PASSWORD

from review.projects import project as projects
from review.screening import decisions as screening
from review.store.db import transaction
from tests.review_factory import add_search

pytestmark = pytest.mark.browser


def test_the_lead_downloads_excluded_records_as_ris(live_server, page, conn, make_user, tmp_path):
    lead = make_user("lea")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    with transaction(conn):
        conn.execute("UPDATE projects SET reviewers_per_record = 1 WHERE id = ?", (project_id,))
    ids = add_search(conn, project_id, "MEDLINE", 3)
    screening.record_decision(conn, project_id, lead, ids[1], 1, "exclude")
    page.goto(live_server + "/")
    page.get_by_label("User name").fill("lea")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server}/projects/{project_id}")
    page.get_by_role("link", name="Export", exact=True).click()
    row = page.locator("#export-excluded")
    row.get_by_label("Format", exact=True).select_option("ris")
    row.get_by_label("Stage", exact=True).select_option("1")
    with page.expect_download() as info:
        row.get_by_role("button", name="Download").click()
    download = info.value
    assert download.suggested_filename == f"sil-project{project_id}-excluded-stage1.ris"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = Path(saved).read_text(encoding="utf-8")
    assert "MEDLINE record 1" in text and "MEDLINE record 0" not in text and text.count("ER  -") == 1
    assert page.url.endswith(f"/projects/{project_id}/exports")
