"""Designing extraction forms: what the lead may build and what is refused with a message."""
import pytest

from review.appraisal import forms
from review.appraisal.default_form import DEFAULT_FORM
from review.store.errors import Invalid
from tests.appraisal_setup import make_team


def test_choice_field_without_options_is_refused_with_a_message():
    design = {"fields": [{"key": "design", "label": "Study design", "type": "choice", "options": []}]}
    with pytest.raises(Invalid, match=r"field 1 \(design\): a choice field needs at least one option"):
        forms.validate_form(design)


@pytest.mark.parametrize("field, message", [
    ({"key": "Design", "label": "x", "type": "text"}, "must start with a lower-case letter"),
    ({"key": "x", "label": "", "type": "text"}, "needs a label"),
    ({"key": "x", "label": "X", "type": "slider"}, "is not one of text, number"),
    ({"key": "x", "label": "X", "type": "multi", "options": ["a", "a"]}, "listed twice"),
    ({"key": "g", "label": "G", "type": "group", "fields": []}, "group needs at least one field"),
    ({"key": "g", "label": "G", "type": "group",
      "fields": [{"key": "h", "label": "H", "type": "group", "fields": []}]}, "cannot hold another repeating group"),
])
def test_bad_field_designs_are_refused(field, message):
    with pytest.raises(Invalid, match=message):
        forms.validate_form({"fields": [field]})


def test_duplicate_keys_are_refused():
    same = {"key": "country", "label": "Country", "type": "text"}
    with pytest.raises(Invalid, match="'country' is used twice"):
        forms.validate_form({"fields": [same, same]})


def test_default_form_covers_occupational_health_items():
    form = forms.validate_form(DEFAULT_FORM)
    keys = {f["key"] for f in form["fields"]}
    assert {"design", "country", "nace_code", "sample_size", "exposure", "comparator", "outcomes",
            "follow_up", "confounders_adjusted", "funding", "conflicts"} <= keys
    outcome_keys = {f["key"] for f in next(f for f in form["fields"] if f["key"] == "outcomes")["fields"]}
    assert {"name", "measure", "effect_measure", "value", "ci_low", "ci_high"} <= outcome_keys


@pytest.mark.parametrize("kind, raw, expected", [
    ({"type": "number"}, "1 234,5", 1234.5),
    ({"type": "number"}, "250", 250),
    ({"type": "yesno"}, "Yes", "yes"),
    ({"type": "date"}, "2024-03-01", "2024-03-01"),
    ({"type": "multi", "options": ["a", "b", "c"]}, ["c", "a"], ["a", "c"]),
    ({"type": "text"}, "  ", None),
])
def test_values_are_cleaned_to_the_field_type(kind, raw, expected):
    assert forms.clean_value({"label": "F", **kind}, raw) == expected


@pytest.mark.parametrize("kind, raw, message", [
    ({"type": "number"}, "about 40", "is not a number"),
    ({"type": "choice", "options": ["a"]}, "b", "is not one of the options"),
    ({"type": "date"}, "1/3/2024", "is not a date"),
])
def test_values_that_do_not_fit_name_the_field(kind, raw, message):
    with pytest.raises(Invalid, match=f"Sample: .*{message}"):
        forms.clean_value({"label": "Sample", **kind}, raw)


def test_saved_form_replaces_default_and_is_audited(conn):
    team = make_team(conn)
    assert forms.get_form(conn, team.project_id)["name"] == "Occupational health (default)"
    forms.save_form(conn, team.project_id, team.lead,
                    {"name": "Short", "fields": [{"key": "country", "label": "Country", "type": "text"}]})
    assert [f["key"] for f in forms.get_form(conn, team.project_id)["fields"]] == ["country"]
    actions = [r[0] for r in conn.execute("SELECT action FROM audit_events WHERE project_id = ?", (team.project_id,))]
    assert "extraction.form_saved" in actions


def test_adding_and_removing_fields_keeps_the_form_valid():
    form = forms.validate_form({"name": "F", "fields": [
        {"key": "country", "label": "Country", "type": "text"},
        {"key": "arms", "label": "Arms", "type": "group", "fields": [{"key": "n", "label": "N", "type": "number"}]}]})
    form = forms.with_field(form, {"key": "dose", "label": "Dose", "type": "number"}, group="arms")
    assert [f["key"] for f in form["fields"][1]["fields"]] == ["n", "dose"]
    with pytest.raises(Invalid, match="needs at least one option"):
        forms.with_field(form, {"key": "kind", "label": "Kind", "type": "choice", "options": []})
    form = forms.without_field(form, "arms.n")
    assert [f["key"] for f in form["fields"][1]["fields"]] == ["dose"]
    with pytest.raises(Invalid, match="group needs at least one field"):
        forms.without_field(form, "arms.dose")
    assert [f["key"] for f in forms.without_field(form, "country")["fields"]] == ["arms"]
