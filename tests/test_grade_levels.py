"""GRADE certainty from combinations of starting level and ratings (GRADE Handbook, section 5)."""
import pytest

from review.appraisal import grade
from review.store.errors import Invalid


@pytest.mark.parametrize("start, ratings, expected, symbol", [
    ("randomised", {}, "high", "⊕⊕⊕⊕"),
    ("randomised", {"risk_of_bias": "serious"}, "moderate", "⊕⊕⊕◯"),
    ("randomised", {"risk_of_bias": "serious", "imprecision": "serious"}, "low", "⊕⊕◯◯"),
    ("randomised", {"inconsistency": "very_serious", "indirectness": "serious"}, "very_low", "⊕◯◯◯"),
    # never below very low, however many concerns
    ("randomised", {f: "very_serious" for f in grade.DOWN}, "very_low", "⊕◯◯◯"),
    ("observational", {}, "low", "⊕⊕◯◯"),
    ("observational", {"imprecision": "serious"}, "very_low", "⊕◯◯◯"),
    ("observational", {"large_effect": "large"}, "moderate", "⊕⊕⊕◯"),
    ("observational", {"large_effect": "very_large", "dose_response": "present"}, "high", "⊕⊕⊕⊕"),
    # never above high
    ("observational", {"large_effect": "very_large", "dose_response": "present",
                       "plausible_confounding": "present"}, "high", "⊕⊕⊕⊕"),
    # ROBINS-I bodies of evidence start high and are rated down for risk of bias
    ("observational_robins", {"risk_of_bias": "very_serious"}, "low", "⊕⊕◯◯"),
])
def test_certainty_from_ratings(start, ratings, expected, symbol):
    result = grade.certainty(start, ratings)
    assert (result["certainty"], result["symbol"]) == (expected, symbol)


def test_rating_down_needs_an_explanation():
    with pytest.raises(Invalid, match="Imprecision: explain why you rate down"):
        grade.check_rating("imprecision", "serious", " ")
    grade.check_rating("imprecision", "none", "")


@pytest.mark.parametrize("factor, level, message", [
    ("luck", "none", "not a GRADE factor"),
    ("dose_response", "serious", "not one of none, present"),
])
def test_unknown_factors_and_levels_are_refused(factor, level, message):
    with pytest.raises(Invalid, match=message):
        grade.check_rating(factor, level, "because")


def test_start_follows_study_designs():
    assert grade.suggest_start(["randomised", "randomised"]) == "randomised"
    assert grade.suggest_start(["randomised", "observational"]) == "observational"
