"""The command line's screening exports: decisions and included records."""
import csv
import io

import run
from review.screening import decisions as screening
from tests.screening_setup import make_project


def test_export_decisions_and_included_as_csv(conn, db_path, tmp_path, capsys):
    project, users, ids = make_project(conn, records=3)
    screening.record_decision(conn, project, users["rita"], ids[0], 1, "include", note="fits")
    screening.record_decision(conn, project, users["rolf"], ids[0], 1, "include")
    out = tmp_path / "decisions.csv"
    assert run.main(["export", str(project), "--what", "decisions", "--format", "csv", "--out", str(out), "--db", str(db_path)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["record_id"], r["stage"], r["reviewer"], r["decision"], r["note"]) for r in rows] == [
        (str(ids[0]), "1", "rita", "include", "fits"), (str(ids[0]), "1", "rolf", "include", "")]
    assert run.main(["export", str(project), "--what", "included", "--stage", "1", "--db", str(db_path)]) == 0
    printed = capsys.readouterr().out
    assert "Record 0: nurses taking breaks" in printed and "Record 1" not in printed


def test_export_included_needs_a_stage(conn, db_path, capsys):
    project, _, _ = make_project(conn, records=1)
    assert run.main(["export", str(project), "--what", "included", "--db", str(db_path)]) == 1
    assert "error: --stage" in capsys.readouterr().err


def test_export_included_as_ris_reads_back(conn, db_path, tmp_path):
    import rispy

    project, users, ids = make_project(conn, records=3)
    for rid in ids[:2]:
        screening.record_decision(conn, project, users["rita"], rid, 1, "include")
        screening.record_decision(conn, project, users["rolf"], rid, 1, "include")
    out = tmp_path / "included.ris"
    assert run.main(["export", str(project), "--what", "included", "--stage", "1", "--format", "ris",
                     "--out", str(out), "--db", str(db_path)]) == 0
    entries = rispy.loads(out.read_text(encoding="utf-8"))
    assert [e["title"] for e in entries] == ["Record 0: nurses taking breaks", "Record 1: nurses taking breaks"]
    assert entries[0]["authors"] == ["Hansen, Kari"]
