"""LIX in the summary editor as the person types: the page's JavaScript counts exactly as review/readability.py
(one formula, checked here on sample texts), marks what LIX counts, and autosaves a draft without a version."""
import pytest
from conftest import PASSWORD

from review.projects import project as projects
from review.publishing import readability, summaries

pytestmark = pytest.mark.browser

SAMPLES = [
    "",
    "Resultatet var usikkert.",
    "The cat sat on the mat. Workers need regular breaks during long shifts.",
    "Sykepleiere på nattskift tok færre pauser: 38 % av vaktene hadde ingen pause.\nOverskrift uten punktum\n\n"
    "«Vi trenger pauser», sa én av dem. Er det rart? Nei!",
    "Occupational epidemiological investigations systematically underestimated musculoskeletal complaints "
    "among institutional healthcare employees working rotating twelve-hour shifts in understaffed hospital "
    "departments across several Scandinavian countries during the pandemic years.",
    "Arbeidsmiljø-undersøkelsen (2021–2023) viste at 1 av 3 ikke fikk pause. Men: tallene er usikre…  Neste år?",
    "Ærlig talt, ørsmå åtte-timers-vakter — Ångström-målinger; naïve café-ansatte’s løsning.",
]


@pytest.fixture
def writer(conn, make_user):
    lead = make_user("lena")
    make_user("kari")
    project_id = projects.create_project(conn, lead, "Breaks at work")
    projects.set_member(conn, project_id, lead, "kari", "communicator")
    return project_id


def _open_editor(page, live_server, project_id):
    page.goto(live_server + "/login")
    page.get_by_label("User name").fill("kari")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Your review projects").wait_for()
    page.goto(f"{live_server}/projects/{project_id}/summaries/nb")


def test_javascript_and_python_count_lix_the_same_way(live_server, page, writer):
    _open_editor(page, live_server, writer)
    for text in SAMPLES:
        js = page.evaluate("t => window.silReadability.measure(t)", text)
        py = readability.measure(text)
        assert (js["words"], js["sentences"], js["longWords"], js["band"]) == \
            (py.words, py.sentences, py.long_words, py.band), text
        assert js["lix"] == pytest.approx(py.lix, abs=0.051), text
        js_marks = [tuple(p) for p in page.evaluate("t => window.silReadability.marks(t)", text)]
        assert js_marks == readability.marks(text), text


def test_lix_updates_as_the_person_types_and_the_draft_saves_itself(live_server, page, conn, writer):
    _open_editor(page, live_server, writer)
    assert page.locator("#lix-line").inner_text() == "LIX: no text yet"
    why = page.get_by_label("Why we did this")
    why.type("Resultatet var usikkert. Vi vet lite.")
    page.locator("#lix-line:has-text('LIX ')").wait_for()
    expected = readability.measure("Resultatet var usikkert. Vi vet lite.")
    assert page.locator("#lix-line").inner_text() == f"LIX {expected.lix:.1f}: {readability.band_label(expected.band, 'en')}"
    assert page.locator("#marked-text mark.long-word").all_inner_texts() == ["Resultatet", "usikkert"]
    page.locator("#draft-status:has-text('Draft saved')").wait_for(timeout=20000)
    kari = conn.execute("SELECT id FROM users WHERE name = 'kari'").fetchone()[0]
    sid = summaries.project_summaries(conn, writer, kari)["nb"]["id"]
    assert summaries.list_versions(conn, sid) == []  # autosave keeps a draft, never a version
    page.reload()
    assert page.get_by_label("Why we did this").input_value() == "Resultatet var usikkert. Vi vet lite."
    page.get_by_role("button", name="Save as a new version").click()
    page.get_by_text("Saved as a new version.").wait_for()
    assert len(summaries.list_versions(conn, sid)) == 1
