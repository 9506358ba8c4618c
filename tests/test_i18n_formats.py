"""Numbers, percentages, dates and plurals as each interface language writes them (Babel)."""
import pytest
from conftest import csrf_of, login
from hypothesis import given, settings
from hypothesis import strategies as st

from screens.i18n import catalogue, translate
from screens.i18n.formats import fmt_date, fmt_datetime, fmt_number, fmt_percent, iso_utc

NBSP = "\u00a0"


def _spaced(text: str) -> str:
    """A shown time with its no-break spaces as plain ones, to compare with what a person reads."""
    return text.replace(NBSP, " ")


def test_bokmal_writes_a_decimal_comma_and_a_spaced_percent():
    assert fmt_number(0.684, "nb", 3) == "0,684"
    assert fmt_number(0.684, "en", 3) == "0.684"
    assert fmt_percent(95, "nb", 1, of_100=True) == f"95,0{NBSP}%"
    assert fmt_percent(0.95, "en", 1) == "95.0%"
    assert fmt_number(1563, "nb") == f"1{NBSP}563"
    assert fmt_number(None, "nb") == ""


def test_a_stored_utc_time_is_shown_in_oslo_time_as_bokmal_writes_it():
    assert _spaced(fmt_datetime("2026-12-03T12:43:13Z", "nb")) == "3. des. 2026 kl. 13.43"
    assert _spaced(fmt_datetime("2026-12-03T12:43:13Z", "en")) == "3 Dec 2026, 13:43"
    assert _spaced(fmt_datetime("2026-06-03T12:43:13Z", "nb")) == "3. juni 2026 kl. 14.43", "summer time is UTC+2"
    assert _spaced(fmt_datetime("2026-12-03T12:43:13Z", "nb", "America/New_York")) == "3. des. 2026 kl. 07.43"
    assert _spaced(fmt_datetime("2026-12-03T12:43:13Z", "nb", "No/Such_Zone")) == "3. des. 2026 kl. 13.43"
    assert _spaced(fmt_date("2026-12-03", "nb")) == "3. des. 2026"
    assert _spaced(fmt_date("2026-12-31T23:30:00Z", "nb")) == "1. jan. 2027", "the day is the reader's day"
    assert fmt_date("spring 2024", "nb") == "spring 2024", "a free-text date is shown as typed"
    assert iso_utc("2026-12-03T12:43:13Z") == "2026-12-03T12:43:13Z"
    assert fmt_datetime("2026-12-03T12:43:13Z", "nb").count(" ") == 1, "a time breaks only before kl."


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=4))
def test_a_bokmal_number_reads_back_as_the_same_number(value, digits):
    text = fmt_number(value, "nb", digits)
    assert "." not in text
    back = float(text.replace(NBSP, "").replace("\u2212", "-").replace(",", "."))
    assert back == pytest.approx(round(value, digits), abs=10 ** -digits)


def test_counts_take_the_plural_form_of_the_language():
    assert translate("nb", "portal.count", n=1) == "1 oppsummering"
    assert translate("nb", "portal.count", n=2) == "2 oppsummeringer"
    assert translate("nb", "portal.count", n=0) == "0 oppsummeringer"
    assert translate("en", "portal.count", n=1) == "1 summary"
    assert translate("en", "pilot.size", n=1563) == "1,563 records"
    assert translate("nb", "pilot.size", n=1563) == f"1{NBSP}563 referanser"
    assert translate("nb", "error.pilot.too_few", count=1).startswith("Bare 1 referanse er")
    # the share of each written standard, the "1 oppsummeringer"
    share = dict(standard="Nynorsk", share=25, words=300, word_share=20)
    assert translate("nb", "publishing.share_line", n=1, **share).startswith("Nynorsk: 1 oppsummering (25 %)")
    assert translate("nb", "publishing.share_line", n=3, **share).startswith("Nynorsk: 3 oppsummeringer")
    assert translate("nn", "publishing.share_line", n=1, **share).startswith("Nynorsk: 1 oppsummering (")
    assert translate("nb", "records.bulk_all", n=1) == "Den ene referansen dette filteret viser"
    assert translate("en", "dup.groups_found", n=1, q="x") == "1 group matches “x”."
    assert translate("nb", "records.done.moved", n=1).startswith("1 referanse er avgjort")


def test_every_plural_message_has_as_many_forms_as_the_language_has():
    plurals = {key: texts for key, texts in catalogue().items() if any(isinstance(t, tuple) for t in texts.values())}
    assert len(plurals) >= 7
    for key, texts in plurals.items():
        for language in ("en", "nb"):
            assert isinstance(texts[language], tuple) and len(texts[language]) == 2, f"{key} ({language})"


def test_the_audit_page_shows_times_in_bokmal_not_iso(app, conn, make_user, monkeypatch):
    from review.accounts import audit, users
    from review.projects import project as projects

    lead = make_user("lea")
    users.set_language(conn, lead, "nb")
    monkeypatch.setattr(audit, "now", lambda: "2026-12-03T12:43:13Z")
    pid = projects.create_project(conn, lead, "Pauser")
    login(app, "lea")
    page = app.get(f"/projects/{pid}/audit")
    assert "3.\u00a0des.\u00a02026 kl.\u00a013.43" in page.text
    assert "2026-12-03 12:43" not in page.text and "T12:43:13Z<" not in page.text


def test_a_person_reads_times_in_the_zone_they_chose_on_the_account_page(app, conn, make_user, monkeypatch):
    from review.accounts import audit
    from review.projects import project as projects

    lead = make_user("lea")
    monkeypatch.setattr(audit, "now", lambda: "2026-12-03T12:43:13Z")
    pid = projects.create_project(conn, lead, "Breaks")
    login(app, "lea")
    assert "3\u00a0Dec\u00a02026, 13:43" in app.get(f"/projects/{pid}/audit").text  # the site's zone: Europe/Oslo
    page = app.get("/account/password")
    form = page.forms["time-zone-form"]
    form["time_zone"] = "America/New_York"
    assert "Your time zone is saved." in form.submit().follow().text
    assert "3\u00a0Dec\u00a02026, 07:43" in app.get(f"/projects/{pid}/audit").text
    assert app.get("/account/password").forms["time-zone-form"]["time_zone"].value == "America/New_York"


def test_a_time_zone_that_does_not_exist_is_refused_and_nothing_changes(app, conn, make_user):
    make_user("lea")
    login(app, "lea")
    page = app.post("/account/time-zone", {"csrf_token": csrf_of(app), "time_zone": "Mars/Olympus_Mons"}, status=400)
    assert "Mars/Olympus_Mons" in page.text and "not a time zone" in page.text
    assert conn.execute("SELECT time_zone FROM users WHERE name = 'lea'").fetchone()[0] == ""
