"""The screening page in a real browser: decide a long Embase-like record without scrolling, on a laptop and a
phone; the key list is a dialog; after keyboard decisions every per-record link follows the record on screen."""
import pytest
from conftest import browser_login

from review.projects import project as projects
from review.screening import decisions as screening
from review.screening.settings import set_blinding
from review.searches.importing import add_records, create_search

pytestmark = pytest.mark.browser

ABSTRACT = " ".join(["BACKGROUND: " + "Nurses often miss their rest breaks on long shifts. " * 8,
                     "METHODS: " + "We randomised forty wards to planned breaks or usual care. " * 10,
                     "RESULTS: " + "Fatigue and medication errors fell in the wards with planned breaks. " * 10,
                     "CONCLUSIONS: " + "Planned breaks help. " * 5])
KEYWORDS = [f"Emtree indexing term number {i}" for i in range(148)] + ["nurse", "night shift"]


def _team(conn, make_user, n=4):
    lead, rita, rolf = make_user("lea"), make_user("rita"), make_user("rolf")
    pid = projects.create_project(conn, lead, "Breaks", highlight_include="nurse")
    projects.set_member(conn, pid, lead, "rita", "reviewer")
    projects.set_member(conn, pid, lead, "rolf", "reviewer")
    search = create_search(conn, pid, lead, "embase.ris", "4" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Planned rest breaks for nurses on twelve-hour night shifts in intensive "
                                              f"care units: a cluster randomised trial {i}", "abstract": ABSTRACT,
                                     "keywords": KEYWORDS, "authors": [f"Author{k}, A." for k in range(25)],
                                     "journal": "International Journal of Nursing Studies"} for i in range(n)])
    records = [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    return pid, rita, rolf, records


def _in_view(page, selector):
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] + 0.5 \
        and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 0.5


@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_title_and_decision_bar_stay_in_view_on_a_long_record(live_server, chromium, conn, make_user, width, height):
    pid, rita, _, records = _team(conn, make_user)
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        browser_login(page, live_server, "rita")
        page.goto(f"{live_server}/projects/{pid}/screen/1?record={records[0]}")
        assert page.evaluate("document.documentElement.scrollHeight") > 1.5 * height  # a page that needs scrolling
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # and never sideways
        for y in (0, 900, 10**6):  # at the top, while reading the abstract, at the bottom
            page.evaluate(f"window.scrollTo(0, {y})")
            for selector in ("#btn-include", "#btn-exclude", "#btn-maybe", "#rec-title"):
                assert _in_view(page, selector), (selector, y)
        page.evaluate("window.scrollTo(0, 900)")
        page.locator("#btn-exclude").click()  # by mouse, without scrolling back
        page.locator(f"#record:not([data-record='{records[0]}'])").wait_for()
        assert screening.my_decision(conn, pid, rita, records[0], 1)["decision"] == "exclude"
        assert page.locator("#kw-more").get_attribute("open") is None
        assert page.locator("#rec-keywords > .kwlist .kw").first.inner_text() == "nurse"
    finally:
        context.close()


def test_question_mark_opens_the_keys_as_a_dialog_that_traps_focus(live_server, page, conn, make_user):
    pid, rita, _, _ = _team(conn, make_user, n=2)
    browser_login(page, live_server, "rita")
    page.goto(f"{live_server}/projects/{pid}/screen/1")
    dialog = page.locator("dialog#keys")
    assert not dialog.is_visible()
    page.keyboard.press("?")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.getElementById('keys').matches(':modal')")
    assert _in_view(page, "dialog#keys")
    for _ in range(4):  # Tab never leaves the dialog
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('keys').contains(document.activeElement) "
                             "|| document.activeElement === document.body")
    page.keyboard.press("i")  # keys behind the dialog do nothing while it is open
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert screening.my_decisions(conn, pid, rita, 1) == []
    page.locator("#keys-link").click()  # the link opens it too
    dialog.wait_for(state="visible")
    page.get_by_role("button", name="Close").click()
    dialog.wait_for(state="hidden")


def test_after_keyboard_decisions_links_point_at_the_record_on_screen(live_server, page, conn, make_user):
    pid, rita, rolf, records = _team(conn, make_user)
    lead = conn.execute("SELECT user_id FROM memberships WHERE project_id = ? AND role = 'lead'", (pid,)).fetchone()[0]
    set_blinding(conn, pid, lead, False)  # the team's count moves with others' decisions only when blinding is lifted
    for record_id in records:
        screening.record_decision(conn, pid, rolf, record_id, 1, "include")
    browser_login(page, live_server, "rita")
    page.goto(f"{live_server}/projects/{pid}/screen/1")
    loads = []
    page.on("load", lambda _: loads.append(1))
    for n in range(1, 3):
        current = page.locator("#record").get_attribute("data-record")
        page.keyboard.press("i")
        page.locator(f"#team-count:has-text('{n} of 4 fully screened')").wait_for()
        page.locator(f"#record:not([data-record='{current}'])").wait_for()
    assert loads == []
    shown = page.locator("#record").get_attribute("data-record")
    assert page.locator("#toggle-hide").get_attribute("href").endswith(f"record={shown}")
    page.locator("#toggle-hide").click()
    page.locator("#rec-authors[hidden]").wait_for(state="attached")
    assert page.locator("#record").get_attribute("data-record") == shown
    assert screening.my_decision(conn, pid, rita, int(shown), 1) is None
