"""Summary of Findings table (GRADE) as HTML, CSV and DOCX, from the plain values review.evidence.sof_table gives."""
from __future__ import annotations

import io
from collections.abc import Callable
from html import escape
from typing import Any

from exports.tables import write_csv

COLUMNS = ("Outcome", "Importance", "Studies", "Design", "Participants", "Effect", "Certainty", "Comments")


Texts = Callable[..., str]  # (key, **values) -> text, as the interface's catalogue gives it


def _cells(row: dict[str, Any], _: Texts | None = None) -> list[str]:
    marks = ",".join(_letter(n) for n in row["footnotes"])
    label = _(f"grade.certainty.{row['certainty_key']}") if _ else row["certainty"]
    certainty = f"{row['symbol']} {label}" + (f" ({marks})" if marks else "")
    participants = "" if row["participants"] is None else str(row["participants"])
    importance = _("grade.importance." + row["importance"].replace(" ", "_")) if _ else row["importance"]
    design = ", ".join(_("design." + d) for d in row["designs"]) if _ else row["design"]
    return [row["outcome"], importance, str(row["studies"]), design, participants,
            row["effect"], certainty, row["comments"]]


def _notes(table: dict[str, Any], _: Texts | None) -> list[str]:
    if not _:
        return table["footnotes"]
    return [f"{_('grade.factor.' + n['factor'])} ({_('sof.level.' + n['level'])}): " for n in table["notes"]]


def _letter(number: int) -> str:
    """Footnote marks a, b, ... z, aa, ab, ... as GRADEpro numbers them."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def sof_fragment(table: dict[str, Any], _: Texts | None = None) -> str:
    """The table and its footnotes as an HTML fragment (every value escaped), in English or through _.

    With _, what people typed (outcome, effect, comments, explanations, title) is marked data-content."""
    columns = [_("sof.col." + c.lower()) for c in COLUMNS] if _ else COLUMNS
    typed = {0, 5, 7} if _ else set()
    mark = (lambda text: f"<span data-content>{text}</span>") if _ else (lambda text: text)
    head = "".join(f"<th scope=\"col\">{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{mark(escape(c)) if i in typed else escape(c)}</td>"
                                    for i, c in enumerate(_cells(row, _))) + "</tr>\n" for row in table["rows"])
    explained = [mark(escape(n["explanation"])) for n in table["notes"]] if _ else [""] * len(table["footnotes"])
    notes = "".join(f"<li><span class=\"mark\">{_letter(i)}</span> {escape(text)}{why}</li>\n"
                    for i, (text, why) in enumerate(zip(_notes(table, _), explained), start=1))
    caption = (_("sof.caption") if _ else "Summary of findings") + ": "
    key = _("sof.key") if _ else GRADE_KEY
    return (f"<table class=\"sof\">\n<caption>{escape(caption)}{mark(escape(table['title']))}</caption>\n"
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"
            f"<ol class=\"footnotes\">\n{notes}</ol>\n<p class=\"grade-key\">{escape(key)}</p>\n")


GRADE_KEY = ("GRADE certainty: ⊕⊕⊕⊕ high, ⊕⊕⊕◯ moderate, ⊕⊕◯◯ low, ⊕◯◯◯ very low. "
             "Letters refer to the footnotes explaining why certainty was rated down or up.")

STYLE = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
         "th,td{border:1px solid #888;padding:.3em .5em;vertical-align:top;text-align:left}"
         "ol.footnotes{list-style:none;padding:0}.mark{font-weight:bold}")


def _words(_: Texts | None) -> tuple[list[str], str, str]:
    """(column names, caption, GRADE key) in English or through _."""
    if not _:
        return list(COLUMNS), "Summary of findings", GRADE_KEY
    return [_("sof.col." + c.lower()) for c in COLUMNS], _("sof.caption"), _("sof.key")


def _full_notes(table: dict[str, Any], _: Texts | None) -> list[str]:
    if not _:
        return table["footnotes"]
    return [prefix + n["explanation"] for prefix, n in zip(_notes(table, _), table["notes"])]


def sof_html(table: dict[str, Any], _: Texts | None = None, lang: str = "en") -> str:
    """A standalone HTML document with the Summary of Findings table (in English, or through _ in lang)."""
    caption = _words(_)[1]
    return (f"<!DOCTYPE html>\n<html lang=\"{escape(lang)}\">\n<head><meta charset=\"utf-8\">"
            f"<title>{escape(caption)}: {escape(table['title'])}</title><style>{STYLE}</style></head>\n"
            f"<body>\n{sof_fragment(table, _)}</body>\n</html>\n")


def sof_csv(table: dict[str, Any], _: Texts | None = None) -> str:
    """CSV with one row per outcome, then a blank line and the footnotes."""
    rows = [_cells(row, _) for row in table["rows"]]
    rows.append([""] * len(COLUMNS))
    rows.extend([f"{_letter(i)}: {text}", *[""] * (len(COLUMNS) - 1)] for i, text in enumerate(_full_notes(table, _), 1))
    return write_csv(_words(_)[0], rows)


def sof_docx(table: dict[str, Any], _: Texts | None = None) -> bytes:
    """A Word document with the table, its footnotes and the GRADE key."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    columns, caption, key = _words(_)
    document.add_heading(f"{caption}: {table['title']}", level=1)
    grid = document.add_table(rows=1, cols=len(COLUMNS))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, columns):
        cell.text = name
        cell.paragraphs[0].runs[0].bold = True
    for row in table["rows"]:
        for cell, value in zip(grid.add_row().cells, _cells(row, _)):
            cell.text = value
    for i, text in enumerate(_full_notes(table, _), start=1):
        document.add_paragraph(f"{_letter(i)}. {text}")
    document.add_paragraph(key)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
