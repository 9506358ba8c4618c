"""Stored XSS and formula injection: attack text in every field people or files can fill is shown as text everywhere."""
import io
import re

import pytest
from conftest import login
from hostile import FORMULAS, JS_URL, PAYLOAD, scripts_in

from exports.portal import export_site
from review.projects import project as projects
from review.publishing import publications
from review.screening import decisions as screening
from review.searches import importing as searches
from review.store.errors import Invalid
from screens.portal import gettext_for
from tests.review_factory import complete, published

RIS = "\n".join([
    "TY  - JOUR", f"TI  - {PAYLOAD}", f"AU  - {PAYLOAD}", "AU  - Hansen, Kari", f"AB  - {PAYLOAD}", f"KW  - {PAYLOAD}",
    f"JO  - {PAYLOAD}", f"UR  - {JS_URL}", "PY  - 2020", f"DO  - 10.1000/{PAYLOAD}", "ER  - ", "",
    "TY  - JOUR", f"TI  - {FORMULAS[0]}", f"AU  - {FORMULAS[1]}", f"AB  - {FORMULAS[2]}", f"JO  - {FORMULAS[3]}",
    f"UR  -  {JS_URL}", "PY  - 2021", "ER  - ", ""])


@pytest.fixture
def hostile(conn, make_user):
    """A project whose every text field, record, note, label and summary carries attack text."""
    people = {name: make_user(name) for name in ("lead", "rita", "rolf", "comm")}
    project_id = projects.create_project(conn, people["lead"], PAYLOAD[:300], question=PAYLOAD, inclusion_criteria=PAYLOAD,
                                         highlight_include="script, alert, onerror", highlight_exclude=PAYLOAD)
    for name, role in (("rita", "reviewer"), ("rolf", "reviewer"), ("comm", "communicator")):
        projects.set_member(conn, project_id, people["lead"], name, role)
    searches.import_file(conn, project_id, people["lead"], f"{PAYLOAD}.ris", RIS.encode(),
                         {"database_name": PAYLOAD, "platform": PAYLOAD, "query": PAYLOAD, "limits": FORMULAS[0]})
    first, second = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (project_id,))]
    screening.record_decision(conn, project_id, people["rita"], first, 1, "include", note=PAYLOAD, labels=[PAYLOAD[:60]])
    screening.record_decision(conn, project_id, people["rolf"], first, 1, "exclude", note=FORMULAS[0], labels=[FORMULAS[1]])
    screening.record_decision(conn, project_id, people["rita"], second, 1, "maybe", note=FORMULAS[2])
    try:
        published(conn, project_id, people, "en", complete(PAYLOAD, url=JS_URL), [PAYLOAD[:80]])
    except Invalid:  # a javascript: report link is refused at the door; the rest of the attack still goes in
        published(conn, project_id, people, "nb", complete(PAYLOAD), [PAYLOAD[:80]])
    return {"project": project_id, "record": first, "people": people}


def get_routes(app, values):
    """Every GET route of the app with its parameters filled from values (1 where not given)."""
    for route in app.routes:
        if route.method == "GET" and "static" not in route.rule:
            yield re.sub(r"<([a-z_]+)(:[^>]*)?>", lambda m: str(values.get(m.group(1), 1)), route.rule)


def test_every_page_shows_attack_text_as_text(app, conn, hostile):
    summary_id = conn.execute("SELECT id FROM summaries").fetchone()[0]
    values = {"project_id": hostile["project"], "record_id": hostile["record"], "stage": 1, "lang": "en",
              "summary_id": summary_id, "ext": "svg", "name": "portal.css", "what": "extraction", "fmt": "csv"}
    seen = 0
    for who in ("lead", "rita", "comm"):
        login(app, who)
        for path in get_routes(app.app, values):
            for suffix in ("", f"?q={PAYLOAD}&record={hostile['record']}"):
                response = app.get(path + suffix, expect_errors=True)
                assert response.status_int < 500, f"{who}: GET {path} gave {response.status}"
                if "html" in response.content_type or "svg" in response.content_type:
                    found = scripts_in(response.text)
                    assert not found, f"{who}: GET {path}{suffix} would run {found}"
                    seen += 'alert' in response.text
        app.reset()
    assert seen > 20, "the attack text should have been shown (escaped) on many pages"


def test_the_record_page_links_only_web_addresses(app, hostile):
    login(app, "lead")
    page = app.get(f"/projects/{hostile['project']}/records/{hostile['record']}")
    assert "&lt;script&gt;" in page.text and "<script>alert" not in page.text
    assert not [a for a in page.html.find_all("a") if "javascript" in (a.get("href") or "").lower()]
    assert JS_URL in page.text  # shown as text, not as a link


def test_the_static_portal_export_shows_attack_text_as_text(conn, hostile, tmp_path):
    export_site(tmp_path / "site", publications.published_summaries(conn), gettext_for, "https://example.org/")
    pages = list((tmp_path / "site").rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not scripts_in(text), f"{page.name} would run {scripts_in(text)}"
    assert any("&lt;script&gt;" in p.read_text(encoding="utf-8") for p in pages)
    for feed in (tmp_path / "site").rglob("*.atom"):
        assert "<script>" not in feed.read_text(encoding="utf-8")


def spreadsheet_cells(content_type, body):
    if "spreadsheet" in content_type:
        from openpyxl import load_workbook
        book = load_workbook(io.BytesIO(body), read_only=True)
        return [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row]
    import csv
    return [c for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for c in row]


def test_exports_neutralise_formulas(app, hostile):
    login(app, "lead")
    p = hostile["project"]
    paths = [f"/projects/{p}/records/export.{f}" for f in ("csv", "xlsx")]
    paths += [f"/projects/{p}/searches/log.{f}" for f in ("csv", "xlsx")]
    paths += [f"/projects/{p}/screening/export?what=decisions&format={f}&stage=1" for f in ("csv", "xlsx")]
    checked = 0
    for path in paths:
        response = app.get(path)
        cells = [c for c in spreadsheet_cells(response.content_type, response.body) if isinstance(c, str)]
        dangerous = [c for c in cells if c.startswith(("=", "+", "-", "@"))]
        assert not dangerous, f"{path}: a spreadsheet would run {dangerous}"
        checked += sum(1 for c in cells if c.startswith("'") and c[1:] in FORMULAS)
    assert checked >= 6, "the formula text should still be there, neutralised with a leading apostrophe"


def test_scripts_only_ever_set_text(tmp_path):
    """Data reaches the DOM as text only (imports.js may document.write Sil's own error page: it is a page above)."""
    from pathlib import Path
    for folder in ("screens/static", "exports/static"):
        for script in (Path(__file__).resolve().parent.parent / folder).glob("*.js"):
            source = script.read_text(encoding="utf-8")
            assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|eval\(|new Function", source), script.name
