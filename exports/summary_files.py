"""A plain-language summary as files for communicators: Word, PDF for print, an HTML fragment and
Markdown for another site's editor, and a press pack. From plain values (a summary as
review.publications gives it) and the portal's translator."""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

from exports import portal_pages
from exports.prisma import render_png, render_svg
from exports.prisma_text import counts_from_dict, text_alternative

Gettext = Callable[..., str]
SECTIONS_BEFORE = ("why", "what_for", "what_did", "what_found")
SECTIONS_AFTER = ("limitations", "up_to_date", "workplaces")
DOCX_LANG = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}


def html_fragment(item: dict, _: Gettext) -> str:
    """An <article> to paste into another site's editor: no scripts, no styles, no classes of Sil's."""
    from bottle import html_escape

    body = portal_pages.body_html(item["content"], _)
    rows = "".join(f"<tr><td>{html_escape(str(r.get('outcome', '')))}</td>"
                   f"<td>{html_escape(_('portal.certainty_' + (r.get('certainty') or '')))}</td>"
                   f"<td>{html_escape(str(r.get('studies', '')))}</td></tr>" for r in item.get("certainty") or [])
    table = (f"<h2>{html_escape(_('portal.certainty_table'))}</h2><table><thead><tr>"
             f"<th scope=\"col\">{html_escape(_('portal.outcome'))}</th><th scope=\"col\">{html_escape(_('portal.certainty'))}</th>"
             f"<th scope=\"col\">{html_escape(_('portal.studies'))}</th></tr></thead><tbody>{rows}</tbody></table>") if rows else ""
    draft = (f"<p><strong>{html_escape(_('publishing.draft_notice', date=item['published_at'][:10], n=item['version']))}"
             "</strong></p>\n") if item.get("draft") else ""
    html = (f'<article lang="{html_escape(item["lang"])}">\n<h1>{html_escape(item["title"])}</h1>\n'
            f"{draft}{body}\n{table}\n</article>\n")
    html = re.sub(r'\s(?:class|style|id|aria-labelledby)="[^"]*"', "", html)
    return re.sub(r"(<\w+[^<>]*?) data-content(?=[\s>])", r"\1", html)  # Sil's mark of a summary's own text


def markdown(item: dict, _: Gettext) -> str:
    """The summary as Markdown (CommonMark): headings, the key messages as a list, findings as a table."""
    c = item["content"]
    out = [f"# {_md(c['title'])}", ""]
    if item.get("draft"):
        out += [f"*{_md(_('publishing.draft_notice', date=item['published_at'][:10], n=item['version']))}*", ""]
    out += [f"## {_('portal.key_messages')}", ""]
    out += [f"- {_md(m)}" for m in c["key_messages"]] + [""]
    for section in SECTIONS_BEFORE:
        out += _md_section(_("portal." + section), c[section])
    if c["findings"]:
        out += [f"## {_('portal.findings')}", "", f"| {_('portal.finding')} | {_('portal.certainty')} |", "| --- | --- |"]
        out += [f"| {_md_cell(f['text'])} | {_md_cell(_('portal.certainty_' + f['certainty']))} |" for f in c["findings"]]
        out.append("")
    for section in SECTIONS_AFTER:
        out += _md_section(_("portal." + section), c[section])
    if c["report_url"]:
        out += [f"[{_md(_('portal.full_report'))}]({c['report_url']})", ""]
    return "\n".join(out)


def _md_section(heading: str, text: str) -> list[str]:
    if not text:
        return []
    return [f"## {heading}", ""] + [line for para in text.split("\n\n") for line in (_md(para), "")]


def _md(text: str) -> str:
    # characters that would start Markdown or HTML are escaped, so a pasted text reads as written
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def _md_cell(text: str) -> str:
    return _md(text).replace("\n", " ")


def docx(item: dict, _: Gettext, report_title: str = "") -> bytes:
    """A Word document: title, key messages, the text, findings with their certainty, PRISMA, the report link."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    _set_language(doc, item["lang"])
    doc.core_properties.title = item["title"]
    doc.core_properties.language = DOCX_LANG.get(item["lang"], item["lang"])
    c = item["content"]
    doc.add_heading(c["title"], level=0)
    if item.get("draft"):
        doc.add_paragraph(_("publishing.draft_notice", date=item["published_at"][:10], n=item["version"]))
    if report_title:
        doc.add_paragraph(_("portal.based_on", title=report_title))
    doc.add_heading(_("portal.key_messages"), level=1)
    for message in c["key_messages"]:
        doc.add_paragraph(message, style="List Bullet")
    for section in SECTIONS_BEFORE:
        _docx_section(doc, _("portal." + section), c[section])
    if c["findings"]:
        doc.add_heading(_("portal.findings"), level=1)
        _docx_table(doc, [_("portal.finding"), _("portal.certainty")],
                    [[f["text"], _("portal.certainty_" + f["certainty"])] for f in c["findings"]])
    if item.get("certainty"):
        doc.add_heading(_("portal.certainty_table"), level=1)
        _docx_table(doc, [_("portal.outcome"), _("portal.certainty"), _("portal.studies")],
                    [[str(r.get("outcome", "")), _("portal.certainty_" + (r.get("certainty") or "")), str(r.get("studies", ""))]
                     for r in item["certainty"]])
    for section in SECTIONS_AFTER:
        _docx_section(doc, _("portal." + section), c[section])
    if item.get("prisma"):
        counts = counts_from_dict(item["prisma"])
        doc.add_heading(_("portal.prisma"), level=1)
        doc.add_picture(io.BytesIO(render_png(counts, item["lang"])), width=Cm(16))
        doc.add_paragraph(" ".join(text_alternative(counts, item["lang"])))
    if c["report_url"]:
        doc.add_heading(_("portal.full_report"), level=1)
        doc.add_paragraph(c["report_url"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_section(doc: Any, heading: str, text: str) -> None:
    if text:
        doc.add_heading(heading, level=1)
        for para in text.split("\n\n"):
            doc.add_paragraph(para)


def _docx_table(doc: Any, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def _set_language(doc: Any, lang: str) -> None:
    """Mark the text's language on the Normal style, so Word's spelling and screen readers use it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), DOCX_LANG.get(lang, lang))
    rpr.append(element)


def docx_paragraphs(heading: str, paragraphs: list[str], lang: str) -> bytes:
    """A Word document of one heading and its paragraphs (the methods text)."""
    from docx import Document

    doc = Document()
    _set_language(doc, lang)
    doc.add_heading(heading, level=1)
    for para in paragraphs:
        doc.add_paragraph(para)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def pdf_document(item: dict, _: Gettext) -> Any:
    """The portal page laid out by WeasyPrint with the portal's print CSS (A4); .pages says how many."""
    import weasyprint

    html = portal_pages.summary_page(item, _, portal_pages.StaticLinks(0))
    return weasyprint.HTML(string=html, base_url=portal_pages.STATIC.as_uri() + "/").render()


def pdf(item: dict, _: Gettext, uncompressed: bool = False) -> bytes:
    """The portal page printed (two A4 pages), tagged as PDF/UA-1 with /Lang from the page's lang."""
    return pdf_document(item, _).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=uncompressed)


def press_pack(items: list[dict], gettext_for: Callable[[str], Gettext], sof: dict[str, bytes] | None = None,
               with_pdf: bool = True) -> bytes:
    """A zip: the summary in every published language (Word, PDF, HTML, Markdown), PRISMA as PNG and SVG,
    the certainty (SoF) table and a short text of the key messages."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as pack:
        key_lines, readme = [], []
        for item in items:
            lang, _ = item["lang"], gettext_for(item["lang"])
            pack.writestr(f"{lang}/summary-{lang}.docx", docx(item, _, item.get("review_title") or ""))
            pack.writestr(f"{lang}/summary-{lang}.html", html_fragment(item, _))
            pack.writestr(f"{lang}/summary-{lang}.md", markdown(item, _))
            if with_pdf:
                pack.writestr(f"{lang}/summary-{lang}.pdf", pdf(item, _))
            if item.get("prisma"):
                counts = counts_from_dict(item["prisma"])
                pack.writestr(f"{lang}/prisma-{lang}.svg", render_svg(counts, lang))
                pack.writestr(f"{lang}/prisma-{lang}.png", render_png(counts, lang))
            key_lines += [f"[{lang}] {item['title']}", *[f"- {m}" for m in item["content"]["key_messages"]],
                          *([item["content"]["report_url"]] if item["content"]["report_url"] else []), ""]
            readme.append(f"{lang}/: summary-{lang}.docx/.pdf/.html/.md, prisma-{lang}.png/.svg")
        pack.writestr("key-messages.txt", "\n".join(key_lines))
        for name, data in (sof or {}).items():
            pack.writestr(name, data)
        readme += [f"{name}: summary of findings table (GRADE)" if name.startswith("sof") else
                   f"{name}: certainty per outcome (GRADE) as published" for name in sof or {}]
        pack.writestr("README.txt", "Press pack written by Sil.\n\n" + "\n".join(readme + ["key-messages.txt: the key messages of every language"]) + "\n")
    return out.getvalue()
