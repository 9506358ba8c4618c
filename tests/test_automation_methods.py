"""The methods text about automation (PRISMA 2020 item 8, RAISE) from a project's settings and logs."""
import pytest
from conftest import login

from review.projects import project as projects
from review.publishing import automation
from review.ranking import store as ranking_store
from review.store.db import now
from tests.review_factory import add_search


@pytest.fixture
def project(conn, make_user):
    lead = make_user("lena")
    project_id = projects.create_project(conn, lead, "Breaks at work", reviewers_per_record=2, blinded=True)
    add_search(conn, project_id, "MEDLINE", 30)
    return project_id, lead


def add_runs(conn, project_id, runs=((3, "2026-10-01T09:00:00Z"), (12, "2026-10-02T10:00:00Z"), (40, "2026-10-05T12:00:00Z"))):
    for decisions, at in runs:
        conn.execute("INSERT INTO model_runs (project_id, user_id, stage, trained_at, decisions, included, ranked, "
                     "milliseconds) VALUES (?, 0, 1, ?, ?, 2, 30, 5.0)", (project_id, at, decisions))


def test_without_ranking_the_text_says_no_tool_was_used(conn, project):
    project_id, _ = project
    assert automation.stopping_decision(conn, project_id) is None
    text = automation.methods_text(conn, project_id, "en")
    assert text[0].startswith("Each record was screened on title and abstract by two reviewers working independently")
    assert "No automation tool ranked or excluded records" in text[1]
    assert text[2] == "All 30 records were screened by people (0 settled)."
    assert not any("support vector" in p for p in text)
    nn = automation.methods_text(conn, project_id, "nn")
    assert "Ingen automatiske verktøy rangerte eller ekskluderte postar" in nn[1]


def test_with_ranking_it_names_the_model_version_period_and_decisions(conn, project):
    project_id, _ = project
    add_runs(conn, project_id)
    text = " ".join(automation.methods_text(conn, project_id, "en"))
    assert f"(version {automation.sil_version()})" in text and automation.sil_version() != "unknown"
    assert "linear support vector machine (C = 0.11; included records weighted 9.8 to 1" in text
    assert "TF-IDF features of words and word pairs from titles and abstracts" in text
    assert "from 2026-10-01 to 2026-10-05 (3 trainings); the last training used 40 screening decisions" in text
    assert "the model excluded no record by itself" in text
    assert "All 30 records were screened by people" in text
    nb = " ".join(automation.methods_text(conn, project_id, "nb"))
    assert "fra 2026-10-01 til 2026-10-05 (3 treninger)" in nb and "40 beslutninger" in nb


def test_random_order_chosen_by_the_lead_is_said(conn, project):
    project_id, lead = project
    add_runs(conn, project_id, runs=((5, "2026-10-01T09:00:00Z"),))
    ranking_store.set_random_order(conn, project_id, lead, True)
    text = automation.methods_text(conn, project_id, "en")
    assert "The lead chose random order" in text[1] and not any("support vector" in p for p in text)


def test_a_stop_reports_the_test_target_confidence_and_records_left_to_automation(conn, project):
    project_id, lead = project
    add_runs(conn, project_id)
    ranking_store.start_sample(conn, project_id, lead, 10, 2)
    ranking_store.set_stopping_target(conn, project_id, lead, 0.95, 0.9)
    # the figures review.ranking.stop keeps with the decision
    ranking_store.stop_screening(conn, project_id, lead, 8, {
        "method": "random", "recall_target": 0.95, "confidence": 0.9, "recall_at_least": 0.97,
        "screened": 22, "remaining": 8})
    decision = automation.stopping_decision(conn, project_id)
    assert decision["recall_target"] == 0.95 and decision["remaining"] == 8 and decision["at"]
    text = automation.methods_text(conn, project_id, "en")
    stop = text[-1]
    assert stop.startswith(f"Screening stopped on {now()[:10]} after 22 of 30 records")
    assert "hypergeometric test on a random sample, Callaghan & Müller-Hansen 2020" in stop
    assert "recall target of 95 % was reached with 90 % confidence" in stop
    # nobody screened anything here, so PRISMA's 'excluded by automation tools' is all 30
    assert "The 8 records left were not screened by anyone" in stop and "(30)" in stop
    assert "At the stop, recall was at least 97 % with 90 % confidence." in stop
    assert "random order to test the stopping criterion" in stop
    nn = automation.methods_text(conn, project_id, "nn")[-1]
    assert "målet om 95 % attfinning var nådd med 90 % visse" in nn and "Dei 8 postane som var att" in nn


@pytest.mark.parametrize("method", ["ranked-or-curve", "ranked", "curve", "ranked-bonferroni", "random"])
@pytest.mark.parametrize("lang", ["en", "nb", "nn"])
def test_every_method_a_lead_can_choose_is_named_in_words(conn, project, method, lang):
    project_id, lead = project
    ranking_store.stop_screening(conn, project_id, lead, 30, {"method": method, "recall_target": 0.95,
                                                              "confidence": 0.95, "screened": 0, "remaining": 30})
    stop = automation.methods_text(conn, project_id, lang)[-1]
    assert f"({automation.TEXTS[lang]['methods'][method]})" in stop
    assert ("Sneyd & Stevenson 2021" in stop) == ("curve" in method)
    assert method in automation.TEXTS[lang]["methods"]


def test_a_stop_without_figures_reads_the_ranking_settings(conn, project):
    project_id, lead = project
    ranking_store.set_stopping_target(conn, project_id, lead, 0.9, 0.95)
    ranking_store.stop_screening(conn, project_id, lead, 30)
    stop = automation.methods_text(conn, project_id, "en")[-1]
    assert "recall target of 90 % was reached with 95 % confidence" in stop and "The 30 records left" in stop


def test_broken_stop_figures_do_not_crash(conn, project):
    project_id, lead = project
    ranking_store.stop_screening(conn, project_id, lead, 30)
    conn.execute("UPDATE ranking_settings SET stop_figures = '{not json', stop_method = '' WHERE project_id = ?",
                 (project_id,))
    assert automation.stopping_decision(conn, project_id)["at"]  # recorded, but no figures to report
    # the method is the default one, as no figures name another
    assert automation.TEXTS["en"]["methods"]["ranked-or-curve"] in automation.methods_text(conn, project_id, "en")[-1]
    with pytest.raises(Exception, match="en, nb, nn"):
        automation.methods_text(conn, project_id, "de")


def test_prisma_page_and_export_show_the_methods_text(app, conn, project):
    project_id, _ = project
    add_runs(conn, project_id)
    login(app, "lena")
    page = app.get(f"/projects/{project_id}/prisma?lang=nn")
    block = page.html.select_one("#automation-methods")
    assert block["lang"] == "nn" and "rangeringsmodellen i Sil" in block.get_text()
    word = app.get(f"/projects/{project_id}/exports/file?what=automation-methods&format=docx&summary_lang=nn")
    assert word.body[:2] == b"PK"
    md = app.get(f"/projects/{project_id}/exports/file?what=automation-methods&format=md&summary_lang=en").text
    assert md.startswith("## Automation tools (PRISMA 2020 item 8; RAISE)") and "support vector machine" in md
