"""Property: a spreadsheet as people save it imports every row, whatever its separator, encoding, quoting,
column order and extra columns, as CSV, TSV (also Excel's UTF-16 'Unicode text') or an XLSX workbook."""
from __future__ import annotations

import csv
import io

import openpyxl
from conftest import fuzz_examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imports

EXAMPLES = fuzz_examples(40)
# Letters a Norwegian unit's titles hold, and punctuation that CSV must quote; every one is in cp1252.
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåéüö"
PUNCTUATION = ",;:'\"()?!-’"
EXTRA_COLUMNS = ("Notes", "Merknad", "Screening", "Custom 1", "Rayyan-labels")

word = st.text(LETTERS, min_size=3, max_size=10).map(lambda w: w.capitalize() if w[0] in "abc" else w)
token = st.tuples(word, st.sampled_from(["", *PUNCTUATION])).map("".join)
sentence = st.lists(token, min_size=2, max_size=8).map(" ".join)


@st.composite
def spreadsheets(draw):
    kind = draw(st.sampled_from(["csv", "tsv", "xlsx"]))
    extras = draw(st.lists(st.sampled_from(EXTRA_COLUMNS), unique=True, max_size=3))
    columns = draw(st.permutations(["Title", "Abstract", "Authors", "Year", *extras]))
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        row = {"Title": draw(sentence), "Abstract": draw(st.one_of(st.just(""), sentence)),
               "Authors": draw(st.sampled_from(["", "Berg, Kari", "Berg, Kari; Dahl, Eva", "Ødegård, Åse"])),
               "Year": draw(st.integers(1950, 2026))}
        row.update({name: draw(st.one_of(st.just(""), sentence)) for name in extras})
        rows.append(row)
    if kind == "xlsx":
        return kind, columns, rows, _xlsx(columns, rows), "xlsx"
    delimiter = "\t" if kind == "tsv" else draw(st.sampled_from([",", ";"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows([[row[c] for c in columns] for row in rows])
    return kind, columns, rows, out.getvalue().encode(encoding), f"{delimiter!r} {encoding}"


def _xlsx(columns, rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row[c] or None for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spreadsheets())
def test_every_row_of_a_spreadsheet_is_imported(sheet):
    kind, columns, rows, data, how = sheet
    parsed = imports.read_file(data, f"export.{kind}")
    assert len(parsed.records) == len(rows), how
    assert [r["title"] for r in parsed.records] == [row["Title"] for row in rows], how
    assert [r["abstract"] for r in parsed.records] == [row["Abstract"] for row in rows], how
    assert [r["year"] for r in parsed.records] == [row["Year"] for row in rows], how
    for record, row in zip(parsed.records, rows):
        assert len(record["authors"]) == (row["Authors"].count(";") + 1 if row["Authors"] else 0)
        for name in columns:
            if name not in ("Title", "Abstract", "Authors", "Year") and row[name]:
                assert record["extra"][name] == [row[name]], how  # an extra column is kept, not lost
