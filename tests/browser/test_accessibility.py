"""axe-core in headless Chromium on the portal (live and static), the summary editor and the Export tab:
no serious or critical WCAG 2.1 A/AA violation may appear."""
import json
import os
from pathlib import Path

import pytest
from conftest import PASSWORD, browser_login

from exports.portal import export_site
from review.projects import project as projects
from review.publishing import drafts, publications
from screens.portal import gettext_for
from tests.review_factory import complete, published
from tests.test_portal_export import PRISMA
from tests.test_stopping_curve import screen, thinning_project  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe_page(chromium):
    """A page whose context lets axe-core be injected despite the app's Content-Security-Policy."""
    if not AXE.is_file():
        message = f"{AXE} is missing: run `npm install` in the repository root"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    context = chromium.new_context(locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {json.dumps([n['target'] for n in v['nodes']][:5])}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture
def review(conn, make_user):
    lead = make_user("lena")
    make_user("kari")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    users = {"lead": lead, "comm": projects.set_member(conn, project_id, lead, "kari", "communicator")}
    snapshot = lambda pid: {"prisma": PRISMA, "certainty": [{"outcome": "fatigue", "certainty": "low", "studies": 3}]}  # noqa: E731
    nb = published(conn, project_id, users, "nb", topics=["Helse"], snapshot=snapshot)
    en = published(conn, project_id, users, "en", complete("Breaks at work"), ["Health"], snapshot=snapshot)
    # two writers at once: Kari's draft started before version 1, and the lead has one of her own, so
    # Kari's editor shows who saved what since, their texts to compare, and the button to save over them
    drafts.save_draft(conn, nb, users["comm"], complete("Karis utkast"), based_on=0)
    drafts.save_draft(conn, nb, lead, complete("Lenas utkast"))
    return project_id, nb, en


def test_live_portal_pages_have_no_serious_violations(live_server, axe_page, review):
    _, nb, en = review
    for path in ("/portal/", "/portal/nb/", "/portal/en/", f"/portal/nb/{nb}", f"/portal/en/{en}",
                 "/portal/nb/?topic=Helse"):
        axe_page.goto(live_server + path)
        assert serious_violations(axe_page) == [], path


def test_static_portal_has_no_serious_violations(axe_page, conn, review, tmp_path):
    _, nb, _ = review
    site = tmp_path / "site"
    export_site(site, publications.published_summaries(conn), gettext_for, "https://example.org/")
    for page in ("index.html", "nb/index.html", f"nb/{nb}.html", "nb/topics/helse.html"):
        axe_page.goto((site / page).as_uri())
        assert serious_violations(axe_page) == [], page
    axe_page.goto((site / "nb" / "index.html").as_uri())
    axe_page.get_by_label("Søkeord").fill("ingenting slikt")
    assert axe_page.locator(".summaries li:visible").count() == 0


def test_summary_editor_has_no_serious_violations(live_server, axe_page, review):
    project_id, _, _ = review
    axe_page.goto(live_server + "/login")
    axe_page.get_by_label("User name").fill("kari")
    axe_page.get_by_label("Password").fill(PASSWORD)
    axe_page.get_by_role("button", name="Log in").click()
    axe_page.get_by_role("heading", name="Your review projects").wait_for()
    axe_page.goto(f"{live_server}/projects/{project_id}/summaries/nb")
    axe_page.get_by_role("heading", name="Readability").wait_for()
    axe_page.get_by_text("Show version 1, saved by kari").click()  # the other text, open to compare
    assert axe_page.locator("#others-notice").is_visible() and axe_page.locator("#save-over").is_visible()
    assert serious_violations(axe_page) == []
    axe_page.goto(f"{live_server}/projects/{project_id}/summaries")
    assert serious_violations(axe_page) == []
    axe_page.goto(f"{live_server}/projects/{project_id}/prisma")
    assert serious_violations(axe_page) == []
    for path in (f"/projects/{project_id}/exports", "/projects/import"):
        axe_page.goto(live_server + path)
        assert serious_violations(axe_page) == [], path


def test_members_invitations_and_account_link_pages_have_no_serious_violations(live_server, axe_page, review, conn):
    from review.accounts import links as account_links
    from review.projects import invitations

    project_id, _, _ = review
    lena = dict(conn.execute("SELECT * FROM users WHERE name = 'lena'").fetchone())
    invitations.invite(conn, project_id, lena, "someone@example.org", "reviewer")
    other = projects.create_project(conn, None, "Role conflict and burnout")
    invitations.invite(conn, other, {"id": None, "is_admin": 0}, "lena", "reviewer")
    _, token = account_links.invite_account(conn, "ola", "ola@example.org", None)
    axe_page.goto(f"{live_server}/account/link/{token}")
    axe_page.get_by_role("heading", name="Choose your password").wait_for()
    assert serious_violations(axe_page) == []
    axe_page.goto(live_server + "/login")
    axe_page.get_by_label("User name").fill("lena")
    axe_page.get_by_label("Password").fill(PASSWORD)
    axe_page.get_by_role("button", name="Log in").click()
    axe_page.get_by_role("heading", name="Invitations to projects").wait_for()
    assert serious_violations(axe_page) == []
    axe_page.goto(f"{live_server}/projects/{project_id}/members")
    axe_page.get_by_role("heading", name="Open invitations").wait_for()
    assert serious_violations(axe_page) == []


def test_the_stopping_page_with_the_counting_process_verdict_has_no_serious_violations(live_server, axe_page, conn,
                                                                                        thinning_project):
    from review.accounts import users

    project_id, lead, records = thinning_project
    screen(conn, project_id, lead, records, 700)  # the curve would stop, the ranked test does not back it yet
    browser_login(axe_page, live_server, "lea")
    for lang, words in (("en", "does not back it yet"), ("nb", "støtter det ikke ennå")):
        users.set_language(conn, lead, lang)
        axe_page.goto(f"{live_server}/projects/{project_id}/stopping")
        assert words in axe_page.locator("#stopping-curve").inner_text()
        assert serious_violations(axe_page) == [], lang
        if os.environ.get("SIL_SCREENSHOTS"):
            axe_page.screenshot(path=f"{os.environ['SIL_SCREENSHOTS']}/stopping-{lang}.png", full_page=True)
