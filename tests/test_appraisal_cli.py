"""run.py export --what extraction|sof|rob-plot writes the files a user asks for."""
import io

from docx import Document
from openpyxl import load_workbook

from review.appraisal import evidence, extraction, studies
from review.appraisal.rob import assessments as rob
from tests.appraisal_setup import make_team
from tests.test_cli import run


def _seed(conn):
    team = make_team(conn)
    study = studies.create_study(conn, team.project_id, team.lead, "Smith 2020", team.records[:1])
    extraction.record_agreed(conn, study, team.lead, {"country": "Norway", "sample_size": 80})
    outcome = evidence.create_outcome(conn, team.project_id, team.lead, "Fatigue", [study], effect="OR 0.7")
    evidence.rate(conn, outcome, team.lead, "imprecision", "serious", "one small study")
    agreed = rob.open_assessment(conn, study, team.lead, "robins_e", "Fatigue", consensus=True)
    rob.record_judgements(conn, agreed, team.lead, {f"d{i}.judgement": "low" for i in range(1, 8)})
    return team


def test_export_extraction_sof_and_plot(conn, db_path, tmp_path):
    team = _seed(conn)
    db, project = str(db_path), str(team.project_id)
    out = tmp_path / "extraction.xlsx"
    result = run("export", project, "--what", "extraction", "--format", "xlsx", "--out", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    assert list(load_workbook(io.BytesIO(out.read_bytes()))["Studies"].values)[1][5] == "Norway"
    out = tmp_path / "sof.docx"
    assert run("export", project, "--what", "sof", "--format", "docx", "--out", str(out), "--db", db).returncode == 0
    assert Document(str(out)).tables[0].rows[1].cells[6].text == "⊕◯◯◯ Very low (a)"
    plot = run("export", project, "--what", "rob-plot", "--format", "svg", "--db", db)
    assert plot.returncode == 0 and "ROBINS-E" in plot.stdout and "Smith 2020" in plot.stdout


def test_export_with_wrong_format_is_one_line_error(conn, db_path):
    team = _seed(conn)
    result = run("export", str(team.project_id), "--what", "sof", "--format", "ris", "--db", str(db_path))
    assert result.returncode == 1 and "can be exported as html, csv, docx" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_rob_table(conn, db_path):
    team = _seed(conn)
    result = run("export", str(team.project_id), "--what", "rob", "--format", "csv", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "study,tool,outcome,D1,D2,D3,D4,D5,D6,D7,overall"
    assert lines[1] == "Smith 2020,ROBINS-E (non-randomised studies of exposures),Fatigue,Low,Low,Low,Low,Low,Low,Low,Low"
