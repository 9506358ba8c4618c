"""The keyboard flow in a real browser: decide ten records with keys, undo one."""
import pytest
from conftest import browser_login

from review.projects import project as projects
from review.screening import decisions as screening
from review.searches.importing import add_records, create_search

pytestmark = pytest.mark.browser


def test_decide_ten_records_with_keys_and_undo_one(live_server, page, conn, make_user):
    lead, rita = make_user("lea"), make_user("rita")
    pid = projects.create_project(conn, lead, "Breaks", highlight_include="nurse")
    projects.set_member(conn, pid, lead, "rita", "reviewer")
    search = create_search(conn, pid, lead, "x.ris", "2" * 64, "ris")
    add_records(conn, pid, search, [{"title": f"Breaks for nurses {i}", "abstract": f"Nurses rest {i}."} for i in range(12)])

    browser_login(page, live_server, "rita")
    page.goto(f"{live_server}/projects/{pid}/screen/1")
    assert page.locator("#rec-title mark.inc").count() == 1

    loads = []
    page.on("load", lambda _: loads.append(1))
    seen = []
    for n, key in enumerate("iemieiemie", start=1):
        current = page.locator("#record").get_attribute("data-record")
        seen.append(int(current))
        page.keyboard.press(key)
        page.locator(f"#mine-count:text-is('{n}')").wait_for()
        page.locator(f"#record:not([data-record='{current}'])").wait_for()
    assert len(set(seen)) == 10
    assert loads == []  # each next record came from the prefetch, without a page load
    decided = {r["record_id"]: r["decision"] for r in screening.my_decisions(conn, pid, rita, 1)}
    assert [decided[r] for r in seen] == ["include", "exclude", "maybe", "include", "exclude", "include",
                                          "exclude", "maybe", "include", "exclude"]

    page.keyboard.press("u")
    page.get_by_text("Your last decision was undone.").wait_for()
    assert page.locator("#record").get_attribute("data-record") == str(seen[-1])
    assert seen[-1] not in {r["record_id"] for r in screening.my_decisions(conn, pid, rita, 1)}
    assert len(screening.my_decisions(conn, pid, rita, 1)) == 9


def test_full_text_exclusion_by_keys_picks_the_numbered_reason(live_server, page, conn, make_user):
    from review.projects.reasons import ensure_default_reasons, list_reasons
    from review.screening.blinding import release_outcomes

    lead, rita, rolf = make_user("lea"), make_user("rita"), make_user("rolf")
    pid = projects.create_project(conn, lead, "Breaks")
    projects.set_member(conn, pid, lead, "rita", "reviewer")
    projects.set_member(conn, pid, lead, "rolf", "reviewer")
    search = create_search(conn, pid, lead, "x.ris", "3" * 64, "ris")
    add_records(conn, pid, search, [{"title": "Night shifts and naps", "abstract": "Nurses nap."}])
    record_id = conn.execute("SELECT id FROM records WHERE project_id = ?", (pid,)).fetchone()[0]
    screening.record_decision(conn, pid, rita, record_id, 1, "include")
    screening.record_decision(conn, pid, rolf, record_id, 1, "include")
    release_outcomes(conn, pid, lead, 1)  # blinded reviewers screen full texts the lead released (issue 16)
    ensure_default_reasons(conn, pid)

    browser_login(page, live_server, "rita")
    page.goto(f"{live_server}/projects/{pid}/screen/2")
    page.keyboard.press("e")  # no reason picked yet: refused on the page, nothing stored
    page.locator("#screen-error:not([hidden])").wait_for()
    assert screening.my_decision(conn, pid, rita, record_id, 2) is None
    page.keyboard.press("3")
    page.keyboard.press("e")
    page.get_by_role("heading", name="Nothing left for you to screen here").wait_for()
    assert screening.my_decision(conn, pid, rita, record_id, 2)["reason_id"] == list_reasons(conn, pid)[2]["id"]
