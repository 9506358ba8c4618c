"""Summary of Findings exports compared with expected files."""
import io

from docx import Document

from exports import sof

TABLE = {
    "title": "Breaks at work & health",
    "rows": [
        {"outcome": "Fatigue", "importance": "critical", "studies": 3, "design": "observational",
         "participants": 1240, "effect": "OR 0.72 (0.60 to 0.87)", "certainty": "Low", "symbol": "⊕⊕◯◯",
         "footnotes": [], "comments": ""},
        {"outcome": "Musculoskeletal pain", "importance": "important", "studies": 2, "design": "randomised",
         "participants": None, "effect": "SMD -0.20 (-0.45 to 0.05)", "certainty": "Very low",
         "symbol": "⊕◯◯◯", "footnotes": [1, 2], "comments": "=HYPERLINK(\"x\")"},
    ],
    "footnotes": ["Risk of bias (very serious): both trials unblinded, self-reported pain",
                  "Imprecision (serious): confidence interval includes no effect"],
}


def test_sof_html_matches_expected(fixtures):
    expected = (fixtures / "expected" / "sof.html").read_text(encoding="utf-8")
    assert sof.sof_html(TABLE) == expected


def test_sof_csv_matches_expected_and_neutralises_formulas(fixtures):
    expected = (fixtures / "expected" / "sof.csv").read_bytes().decode("utf-8")
    text = sof.sof_csv(TABLE)
    assert text == expected
    assert "'=HYPERLINK" in text


def test_sof_docx_holds_table_and_footnotes():
    document = Document(io.BytesIO(sof.sof_docx(TABLE)))
    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert cells[0][0] == "Outcome" and cells[2][6] == "⊕◯◯◯ Very low (a,b)"
    paragraphs = [p.text for p in document.paragraphs]
    assert "b. Imprecision (serious): confidence interval includes no effect" in paragraphs
