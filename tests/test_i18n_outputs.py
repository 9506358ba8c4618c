"""What the appraisal screens draw and tabulate is in the reader's language: RoB plots, SoF table, tool texts."""
import re

import pytest
from conftest import login

from review.accounts import users
from review.appraisal import evidence, studies
from review.appraisal.rob import assessments as rob
from review.projects import project as projects
from review.searches.importing import add_records, create_search


@pytest.fixture
def appraised(conn, make_user):
    lead = make_user("lena")
    users.set_language(conn, lead, "nb")
    pid = projects.create_project(conn, lead, "Pauser på jobb")
    search = create_search(conn, pid, lead, "m.ris", "0" * 64, "ris")
    add_records(conn, pid, search, [{"title": "Micro-breaks in nursing", "year": 2020}])
    record = conn.execute("SELECT id FROM records WHERE project_id = ?", (pid,)).fetchone()[0]
    study = studies.create_study(conn, pid, lead, "Hansen 2020", [record], design="randomised")
    agreed = rob.open_assessment(conn, study, lead, "rob2", "Fatigue", consensus=True)
    rob.record_judgements(conn, agreed, lead, {**{f"d{i}.judgement": "low" for i in range(1, 5)}})
    outcome = evidence.create_outcome(conn, pid, lead, "Utmattelse", [study])
    evidence.rate(conn, outcome, lead, "imprecision", "serious", "Bare 40 deltakere")
    return {"pid": pid, "assessment": agreed}


@pytest.mark.parametrize("kind", ["traffic", "summary", "export tab"])
def test_the_risk_of_bias_plot_speaks_bokmal(app, appraised, kind):
    login(app, "lena")
    if kind == "export tab":  # the Export tab's form: the first consensus tool and outcome, as a traffic light
        svg = app.get(f"/projects/{appraised['pid']}/exports/file", {"what": "rob-plot", "format": "svg"}).text
        kind = "traffic"
    else:
        svg = app.get(f"/projects/{appraised['pid']}/export/rob-plot.svg",
                      {"tool": "rob2", "outcome": "Fatigue", "kind": kind}).text
    assert "Skjevhet som skyldes randomiseringsprosessen" in svg and "RoB 2 (randomiserte studier): Fatigue" in svg
    assert "Domener:" in svg and "Ikke vurdert" in svg and "Lav" in svg
    assert ("Samlet risiko for skjevhet" if kind == "summary" else ">Samlet<") in svg
    for english in ("Bias arising", "Domains:", "Judgement", "Not judged", ">Overall", "Low<"):
        assert english not in svg, english


def test_the_summary_of_findings_and_the_assessment_speak_bokmal(app, appraised):
    login(app, "lena")
    page = app.get(f"/projects/{appraised['pid']}/grade").text
    assert "Oppsummering av funn" in page and "Upresisjon (alvorlig): " in page and "Tillit" in page
    assert "Bare 40 deltakere" in page and "Summary of findings" not in page and "Imprecision" not in page
    page = app.get(f"/projects/{appraised['pid']}/rob/{appraised['assessment']}").text
    assert "Var tildelingssekvensen tilfeldig?" in page and "Sannsynligvis ja (PY)" in page
    assert "ikke vurdert ennå: Skjevhet i utvelgelsen av det rapporterte resultatet" in page
    assert "Was the allocation sequence random" not in page and "not yet judged" not in page


@pytest.mark.parametrize("where", ["appraisal", "export tab"])
@pytest.mark.parametrize("fmt", ["html", "csv", "docx"])
def test_the_summary_of_findings_download_is_in_the_readers_language(app, appraised, fmt, where):
    import io

    login(app, "lena")
    path = (f"/projects/{appraised['pid']}/export/sof.{fmt}" if where == "appraisal"
            else f"/projects/{appraised['pid']}/exports/file?what=sof&format={fmt}")  # the Export tab's form
    body = app.get(path).body
    if fmt == "docx":
        from docx import Document

        document = Document(io.BytesIO(body))
        text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            c.text for t in document.tables for row in t.rows for c in row.cells)
    else:
        text = re.sub(r"<[^>]+>", "", body.decode("utf-8"))
    assert "Utfall" in text and "Upresisjon (alvorlig): Bare 40 deltakere" in text and "Randomisert" in text
    assert "Outcome" not in text and "Imprecision" not in text


def test_a_file_sil_cannot_read_is_refused_in_bokmal(app, appraised):
    from conftest import csrf_of

    login(app, "lena")
    files = [("files", "tom.ris", b""), ("files", "notes.txt", b"just some notes\nnothing else\n")]
    page = app.post(f"/projects/{appraised['pid']}/searches", {"csrf_token": csrf_of(app)}, upload_files=files,
                    expect_errors=True)
    assert "tom.ris: filen er tom." in page.text
    assert "notes.txt:1: Sil kjenner ikke igjen dette formatet." in page.text
    assert "the file is empty" not in page.text and "does not recognise" not in page.text
