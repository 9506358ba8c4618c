"""Exports of a summary for communicators: Word, PDF (two A4 pages, tagged, language set), an HTML fragment
and Markdown without Sil's scripts or styles, and the press pack; from the web, the Export tab and run.py."""
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import login

from review.projects import project as projects
from review.publishing import exports as exporting
from review.publishing import summaries
from review.store.errors import NotFound
from screens.portal_language import gettext_for
from tests.review_factory import complete, published
from tests.test_portal_export import PRISMA

ROOT = Path(__file__).resolve().parent.parent


def snapshot(pid):
    return {"prisma": PRISMA, "certainty": [{"outcome": "trøyttleik", "certainty": "low", "studies": 3}]}


def nynorsk(title="Pausar på jobben"):
    return {**complete(title), "key_messages": ["Pausar reduserer kan hende trøyttleik.", "Vi veit lite om smerter."],
            "why": "Mange har lange vakter *utan* pause.",
            "findings": [{"outcome": "trøyttleik", "certainty": "low", "text": "Pausar reduserer kan hende trøyttleik."}]}


@pytest.fixture
def review(conn, make_user):
    lead = make_user("lena")
    make_user("kari")
    project_id = projects.create_project(conn, lead, "Pauser i turnus")
    users = {"lead": lead, "comm": projects.set_member(conn, project_id, lead, "kari", "communicator")}
    ids = {"nb": published(conn, project_id, users, "nb", snapshot=snapshot),
           "nn": published(conn, project_id, users, "nn", nynorsk(), snapshot=snapshot)}
    draft = summaries.create_summary(conn, project_id, "en", users["comm"])
    summaries.save_version(conn, draft, users["comm"], complete("Breaks, a draft"))
    return project_id, ids


def export(conn, project_id, fmt, lang="nn"):
    return exporting.export(conn, project_id, "summary", fmt, lang=lang, gettext_for=gettext_for)


def test_word_has_key_messages_text_certainty_prisma_and_the_report(conn, review):
    from docx import Document

    doc = Document(io.BytesIO(export(conn, review[0], "docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Pausar på jobben" in text and "Hovudbodskap" in text and "Pausar reduserer kan hende trøyttleik." in text
    assert "Mange har lange vakter *utan* pause." in text and "Korleis studiane vart funne (PRISMA 2020)" in text
    assert "https://example.org/report" in text and "Byggjer på den systematiske oversikta: Pauser i turnus" in text
    assert ["Funn", "Tillit til dokumentasjonen", "Pausar reduserer kan hende trøyttleik.", "Låg"] == cells[:4]
    assert "trøyttleik" in cells and "3" in cells  # the certainty per outcome frozen at publication
    assert len(doc.inline_shapes) == 1  # the PRISMA diagram as a picture
    assert doc.core_properties.language == "nn-NO"
    assert 'w:val="nn-NO"' in doc.styles["Normal"].element.xml


def test_pdf_is_two_a4_pages_tagged_with_its_language(conn, review):
    from exports.summary_files import pdf, pdf_document
    from review.publishing.summary_exports import summary_item

    data = export(conn, review[0], "pdf")
    assert data.startswith(b"%PDF-")
    item = summary_item(conn, review[0], "nn")
    document = pdf_document(item, gettext_for("nn"))
    assert 1 <= len(document.pages) <= 2
    assert all(round(p.width * 25.4 / 96) == 210 and round(p.height * 25.4 / 96) == 297 for p in document.pages)
    raw = pdf(item, gettext_for("nn"), uncompressed=True)
    assert b"/Lang (nn)" in raw and b"/StructTreeRoot" in raw and b"/MarkInfo" in raw
    assert b"pdfuaid" in raw  # declared PDF/UA-1 in its XMP metadata


def test_the_demo_summary_prints_on_two_pages_in_every_language(conn):
    from exports.summary_files import pdf_document
    from review.demo import builder as demo
    from review.publishing import publications

    demo.ensure_demo(conn)
    items = publications.published_summaries(conn)
    assert sorted(i["lang"] for i in items) == ["en", "nb", "nn"]
    for item in items:
        assert len(pdf_document(item, gettext_for(item["lang"])).pages) <= 2, item["lang"]


def test_html_fragment_and_markdown_paste_into_another_site(conn, review):
    html = export(conn, review[0], "html").decode()
    assert html.startswith('<article lang="nn">') and "<h1>Pausar på jobben</h1>" in html
    assert not re.search(r"<script|<style|\sstyle=|\sclass=|<link|\sdata-content", html)
    assert "<td>Låg</td>" in html and '<a href="https://example.org/report">Les heile rapporten</a>' in html
    md = export(conn, review[0], "md").decode()
    assert md.startswith("# Pausar på jobben\n") and "## Hovudbodskap" in md
    assert "- Pausar reduserer kan hende trøyttleik." in md
    assert r"Mange har lange vakter \*utan\* pause." in md  # the writer's asterisks stay text
    assert "| Pausar reduserer kan hende trøyttleik. | Låg |" in md
    assert "[Les heile rapporten](https://example.org/report)" in md


def test_an_unpublished_language_exports_its_latest_version_and_an_unstarted_one_is_refused(conn, make_user, review):
    project_id, _ = review
    draft = export(conn, project_id, "md", "en").decode()
    assert "Breaks, a draft" in draft and "Draft, not published: version 1 saved" in draft
    assert "Draft" not in export(conn, project_id, "md", "nn").decode()
    other = projects.create_project(conn, make_user("olga"), "Empty review")
    with pytest.raises(NotFound, match="no saved summary in nb"):
        export(conn, other, "html", "nb")


def test_press_pack_holds_every_published_language(conn, review):
    pack = zipfile.ZipFile(io.BytesIO(exporting.export(conn, review[0], "press-pack", "zip", gettext_for=gettext_for)))
    names = set(pack.namelist())
    for lang in ("nb", "nn"):
        assert {f"{lang}/summary-{lang}.docx", f"{lang}/summary-{lang}.pdf", f"{lang}/summary-{lang}.html",
                f"{lang}/summary-{lang}.md", f"{lang}/prisma-{lang}.png", f"{lang}/prisma-{lang}.svg"} <= names
    assert not any(n.startswith("en/") for n in names)  # the English one is a draft
    assert pack.read("nn/prisma-nn.png").startswith(b"\x89PNG") and b"<svg" in pack.read("nn/prisma-nn.svg")
    key = pack.read("key-messages.txt").decode()
    assert "[nn] Pausar på jobben" in key and "- Pausar reduserer kan hende trøyttleik." in key and "[nb]" in key
    assert "README.txt" in names
    # no GRADE assessment in this review: the certainty frozen with the publication, not an empty SoF table
    assert "sof.html" not in names and "trøyttleik,low,3" in pack.read("certainty.csv").decode()


def test_summaries_page_offers_each_language_in_each_format_and_the_download_works(app, conn, review):
    project_id, _ = review
    login(app, "kari")
    page = app.get(f"/projects/{project_id}/summaries")
    links = {a["href"] for a in page.html.select("a[download]")}
    for lang in ("nb", "nn", "en"):
        for fmt in ("docx", "pdf", "html", "md"):
            assert f"/projects/{project_id}/exports/file?what=summary&format={fmt}&summary_lang={lang}" in links
    response = app.get(f"/projects/{project_id}/exports/file?what=summary&format=docx&summary_lang=nn")
    assert response.content_type.endswith("wordprocessingml.document")
    assert f'filename="sil-project{project_id}-summary-nn.docx"' in response.headers["Content-Disposition"]
    assert app.get(f"/projects/{project_id}/exports/file?what=press-pack&format=zip").body[:2] == b"PK"
    tab = app.get(f"/projects/{project_id}/exports")
    assert tab.html.select_one("#f-summary-lang option[value=nn]").get_text() == "Nynorsk"


def test_run_py_exports_a_summary(conn, db_path, tmp_path, review):
    out = tmp_path / "nn.md"
    run = [sys.executable, "run.py", "--db", str(db_path), "export", str(review[0]), "--what", "summary",
           "--format", "md", "--language", "nn", "--out", str(out)]
    result = subprocess.run(run, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Pausar på jobben")
    bad = subprocess.run([*run[:-2], "--format", "odt"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and bad.stderr.startswith("error: ") and "docx, pdf, html, md" in bad.stderr
