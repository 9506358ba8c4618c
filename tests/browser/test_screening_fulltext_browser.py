"""Full-text screening in a real browser: decide by keys (an exclusion with its numbered reason), undo, and go on
to the next record with its own PDF area, all without a page load; the decision bar stays in view on a laptop
and a phone."""
import pytest
from conftest import browser_login
from test_accessibility import AXE, TAGS, axe_page  # noqa: F401  (axe_page is a fixture)

from review.projects import project as projects
from review.projects.reasons import list_reasons
from review.screening import decisions as screening
from review.screening.blinding import release_outcomes
from review.screening.fulltext import attach_pdf
from review.searches.importing import add_records, create_search

pytestmark = pytest.mark.browser

ABSTRACT = " ".join(["BACKGROUND: " + "Nurses often miss their rest breaks on long shifts. " * 8,
                     "METHODS: " + "We randomised forty wards to planned breaks or usual care. " * 10,
                     "RESULTS: " + "Fatigue fell in the wards with planned breaks. " * 10])


def _pdf(text: str) -> bytes:
    """A small well-formed one-page PDF (the browser's viewer shows it)."""
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _team(conn, make_user, files, n=4):
    """n records released as included at title/abstract; every other one has its PDF attached."""
    lead, rita, rolf = make_user("lea"), make_user("rita"), make_user("rolf")
    pid = projects.create_project(conn, lead, "Breaks", highlight_include="nurse")
    projects.set_member(conn, pid, lead, "rita", "reviewer")
    projects.set_member(conn, pid, lead, "rolf", "reviewer")
    search = create_search(conn, pid, lead, "embase.ris", "6" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Planned rest breaks for nurses on night shifts {i}", "abstract": ABSTRACT,
                                     "keywords": [f"Emtree term {k}" for k in range(60)], "journal": "Int J Nurs Stud",
                                     "authors": [f"Author{k}, A." for k in range(12)], "year": 2020} for i in range(n)])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    for record_id in records:
        for reviewer in (rita, rolf):
            screening.record_decision(conn, pid, reviewer, record_id, 1, "include")
    release_outcomes(conn, pid, lead, 1)
    for record_id in records[::2]:
        attach_pdf(conn, files, pid, lead, record_id, _pdf(f"Full text of record {record_id}"), f"paper-{record_id}.pdf")
    return pid, rita, records


def _in_view(page, selector):
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] + 0.5 \
        and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 0.5


def _shown(page):
    return int(page.locator("#record").get_attribute("data-record"))


def _check_attachment_area(page, pid, record_id, has_pdf):
    """The PDF area on screen is the shown record's: its forms post for it, its frame shows its PDF."""
    assert page.locator("#upload-form").get_attribute("action") == f"/projects/{pid}/records/{record_id}/fulltext"
    assert page.locator("#missing-form").get_attribute("action") == f"/projects/{pid}/records/{record_id}/fulltext/missing"
    frame = page.locator("#fulltext iframe.pdf")
    if has_pdf:
        assert frame.count() == 1 and frame.get_attribute("src") == f"/projects/{pid}/records/{record_id}/fulltext.pdf"
        assert page.locator("#pdf-link").is_visible() and page.locator("#ft-none").is_hidden()
        assert page.locator("#pdf-link").inner_text().endswith(f"paper-{record_id}.pdf")
    else:
        assert frame.count() == 0 and page.locator("#pdf-link").is_hidden()
        assert page.get_by_text("No full text attached yet.").is_visible()


def test_full_text_decisions_and_undo_by_keys_without_a_page_load(live_server, page, conn, make_user, tmp_path):
    pid, rita, records = _team(conn, make_user, tmp_path / "files")
    with_pdf = set(records[::2])
    reasons = list_reasons(conn, pid)
    browser_login(page, live_server, "rita")
    page.goto(f"{live_server}/projects/{pid}/screen/2")
    page.evaluate("window.silMarker = 'the same page'")  # a page load would lose it
    loads = []
    page.on("load", lambda _: loads.append(1))

    first = _shown(page)
    title = page.locator("#rec-title").inner_text()
    page.keyboard.press("2")  # the second reason, then E for exclude
    page.keyboard.press("e")
    page.locator(f"#record:not([data-record='{first}'])").wait_for()
    second = _shown(page)
    assert page.locator("#screen-status").inner_text() == f"You excluded “{title}” ({reasons[1]['label']})."
    assert page.locator("#screen-status").get_attribute("role") == "status"
    assert page.evaluate("document.activeElement.id") == "rec-title"  # focus on the new record's title
    assert page.locator("#reason-id").input_value() == ""  # the next record starts without a reason
    assert page.locator("#mine-count").inner_text() == "1"
    _check_attachment_area(page, pid, second, second in with_pdf)
    assert screening.my_decision(conn, pid, rita, first, 2)["reason_id"] == reasons[1]["id"]

    page.keyboard.press("i")
    page.locator(f"#record:not([data-record='{second}'])").wait_for()
    third = _shown(page)
    _check_attachment_area(page, pid, third, third in with_pdf)
    assert screening.my_decision(conn, pid, rita, second, 2)["decision"] == "include"

    page.keyboard.press("u")  # the last decision (include on the second record) is undone, and it is back
    page.locator(f"#record[data-record='{second}']").wait_for()
    assert page.locator("#screen-status").inner_text() == "Your last decision was undone."
    assert page.locator("#mine-count").inner_text() == "1"
    _check_attachment_area(page, pid, second, second in with_pdf)
    assert screening.my_decision(conn, pid, rita, second, 2) is None
    assert page.evaluate("document.activeElement.id") == "rec-title"

    page.evaluate("window.scrollTo(0, 10**6)")  # reading the end of the full text
    page.keyboard.press("e")  # no reason picked: refused on the page, nothing sent
    page.locator("#screen-error:not([hidden])").wait_for()
    assert "needs an exclusion reason" in page.locator("#screen-error").inner_text()
    assert _in_view(page, "#screen-error")  # said where the reader is, in the decision bar
    assert page.evaluate("document.activeElement.id") == "reason-id"
    page.keyboard.press("1")
    page.keyboard.press("e")
    page.locator(f"#record:not([data-record='{second}'])").wait_for()
    assert screening.my_decision(conn, pid, rita, second, 2)["reason_id"] == reasons[0]["id"]
    assert _shown(page) not in (first, second)
    assert page.locator("#screen-error").is_hidden()

    assert loads == [] and page.evaluate("window.silMarker") == "the same page"
    assert screening.my_count(conn, pid, rita, 2) == 2


@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_the_full_text_decision_bar_stays_in_view(live_server, chromium, conn, make_user, tmp_path, width, height):
    pid, rita, records = _team(conn, make_user, tmp_path / "files", n=3)
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        browser_login(page, live_server, "rita")
        page.goto(f"{live_server}/projects/{pid}/screen/2?record={records[0]}")  # one with its PDF in a frame
        page.evaluate("window.silMarker = 1")
        assert page.evaluate("document.documentElement.scrollHeight") > 2 * height
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        bar = ("#btn-include", "#btn-exclude", "#btn-undo", "#reason-id", "#rec-title")
        for y in (0, 900, 10**6):  # at the top, in the abstract, at the bottom under the PDF
            page.evaluate(f"window.scrollTo(0, {y})")
            for selector in bar:
                assert _in_view(page, selector), (selector, y)
        page.evaluate("window.scrollTo(0, 1500)")
        page.locator("#reason-id").select_option(index=3)  # by mouse or touch, without scrolling back
        page.locator("#btn-exclude").click()
        page.locator(f"#record:not([data-record='{records[0]}'])").wait_for()
        assert screening.my_decision(conn, pid, rita, records[0], 2)["reason_id"] == list_reasons(conn, pid)[2]["id"]
        for y in (0, 10**6):
            page.evaluate(f"window.scrollTo(0, {y})")
            for selector in bar:
                assert _in_view(page, selector), (selector, y)
        page.locator("#btn-undo").click()
        page.locator(f"#record[data-record='{records[0]}']").wait_for()
        assert screening.my_decision(conn, pid, rita, records[0], 2) is None
        assert page.evaluate("window.silMarker") == 1
    finally:
        context.close()


def test_a_pdf_that_fails_to_load_does_not_take_the_keys(live_server, page, conn, make_user, tmp_path):
    """Chromium's PDF viewer takes the focus when it cannot read a file; the page gives it back to the title."""
    pid, rita, records = _team(conn, make_user, tmp_path / "files", n=4)
    broken = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"  # no pages: the viewer fails
    attach_pdf(conn, tmp_path / "files", pid, rita, records[1], broken, "broken.pdf")
    for record_id in records[2:]:  # so the record with the broken PDF comes next
        screening.record_decision(conn, pid, rita, record_id, 2, "include")
    browser_login(page, live_server, "rita")
    page.goto(f"{live_server}/projects/{pid}/screen/2?record={records[0]}")
    page.evaluate("window.frameTookFocus = false; window.addEventListener('blur', () => { window.frameTookFocus = true; })")
    page.keyboard.press("i")
    page.locator(f"#record[data-record='{records[1]}']").wait_for()
    try:
        page.wait_for_function("window.frameTookFocus", timeout=5000)
    except Exception:  # noqa: BLE001 - a viewer that leaves the focus alone is fine too
        pass
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement.id") == "rec-title" and page.evaluate("window.scrollY") == 0
    page.keyboard.press("i")  # the keys still reach the page: the last record is decided, the page says so
    page.get_by_role("heading", name="Nothing left for you to screen here").wait_for()
    assert screening.my_decision(conn, pid, rita, records[1], 2)["decision"] == "include"


def _violations(page) -> list[str]:
    """Every axe-core WCAG 2.1 A/AA violation on the page, whatever its impact."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]


def test_with_authors_hidden_the_next_full_text_keeps_them_hidden_and_passes_axe(live_server, axe_page, conn,  # noqa: F811
                                                                                  make_user, tmp_path):
    pid, rita, records = _team(conn, make_user, tmp_path / "files", n=3)
    page = axe_page
    browser_login(page, live_server, "rita")
    page.goto(f"{live_server}/projects/{pid}/screen/2?record={records[1]}")  # one without a PDF
    page.get_by_role("link", name="Hide authors and journal").click()
    page.locator("#record[data-hide='1']").wait_for()
    assert _violations(page) == []
    page.evaluate("window.silMarker = 'the same page'")
    page.keyboard.press("i")
    page.locator(f"#record:not([data-record='{records[1]}'])").wait_for()
    shown = _shown(page)
    assert page.evaluate("window.silMarker") == "the same page"
    # the next record's authors and journal stay hidden, its title and PDF are there, and the links name it
    assert page.locator("#rec-authors").is_hidden() and page.locator("#rec-journal").is_hidden()
    assert "Author0" not in page.locator("#record").inner_text()
    assert page.locator("#rec-title").inner_text().startswith("Planned rest breaks")
    _check_attachment_area(page, pid, shown, shown in records[::2])
    toggle = page.get_by_role("link", name="Show authors and journal")
    assert toggle.get_attribute("href") == f"/projects/{pid}/screen/2?record={shown}"
    assert page.url.endswith(f"?hide=1&record={shown}")
    assert _violations(page) == []  # the status line, the focused title and the new PDF frame included
    toggle.click()
    page.locator("#record[data-hide='0']").wait_for()
    assert _shown(page) == shown and page.locator("#rec-authors").inner_text().startswith("Author0, A.")
