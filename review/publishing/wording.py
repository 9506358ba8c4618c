"""Plain-language wording of a finding that matches its GRADE certainty, in English, bokmål and nynorsk."""
from __future__ import annotations

from review.store import Invalid

CERTAINTIES = ("high", "moderate", "low", "very_low")
DIRECTIONS = ("reduces", "increases", "no_difference")

# Cochrane's plain-language conventions: the verb carries the certainty.
_EN = {
    "high": {"reduces": "{x} reduces {y}", "increases": "{x} increases {y}",
             "no_difference": "{x} makes little or no difference to {y}"},
    "moderate": {"reduces": "{x} probably reduces {y}", "increases": "{x} probably increases {y}",
                 "no_difference": "{x} probably makes little or no difference to {y}"},
    "low": {"reduces": "{x} may reduce {y}", "increases": "{x} may increase {y}",
            "no_difference": "{x} may make little or no difference to {y}"},
    "very_low": {"reduces": "We are uncertain whether {x} reduces {y}",
                 "increases": "We are uncertain whether {x} increases {y}",
                 "no_difference": "We are uncertain whether {x} makes any difference to {y}"},
}
_NB = {
    "high": {"reduces": "{x} reduserer {y}", "increases": "{x} øker {y}",
             "no_difference": "{x} har liten eller ingen betydning for {y}"},
    "moderate": {"reduces": "{x} reduserer trolig {y}", "increases": "{x} øker trolig {y}",
                 "no_difference": "{x} har trolig liten eller ingen betydning for {y}"},
    "low": {"reduces": "{x} kan redusere {y}", "increases": "{x} kan øke {y}",
            "no_difference": "{x} har kanskje liten eller ingen betydning for {y}"},
    "very_low": {"reduces": "Vi er usikre på om {x} reduserer {y}",
                 "increases": "Vi er usikre på om {x} øker {y}",
                 "no_difference": "Vi er usikre på om {x} har noen betydning for {y}"},
}
# Nynorsk: the same scale as the bokmål wording (FHI's "trolig / kan / usikre"), in the main forms of
# nynorsk that state employees must use (Språkrådet, "Administrativ ordliste bokmål–nynorsk"; docs/outputs.md):
# truleg, aukar, verknad (not the bokmål loan "betydning"), kan hende, låg; e-infinitive throughout.
_NN = {
    "high": {"reduces": "{x} reduserer {y}", "increases": "{x} aukar {y}",
             "no_difference": "{x} har liten eller ingen verknad på {y}"},
    "moderate": {"reduces": "{x} reduserer truleg {y}", "increases": "{x} aukar truleg {y}",
                 "no_difference": "{x} har truleg liten eller ingen verknad på {y}"},
    "low": {"reduces": "{x} reduserer kan hende {y}", "increases": "{x} aukar kan hende {y}",
            "no_difference": "{x} har kan hende liten eller ingen verknad på {y}"},
    "very_low": {"reduces": "Det er svært usikkert om {x} reduserer {y}",
                 "increases": "Det er svært usikkert om {x} aukar {y}",
                 "no_difference": "Det er svært usikkert om {x} har nokon verknad på {y}"},
}
_TABLES = {"en": _EN, "nb": _NB, "nn": _NN}
CERTAINTY_LABELS = {
    "high": {"en": "High certainty", "nb": "Høy tillit", "nn": "Høg tillit"},
    "moderate": {"en": "Moderate certainty", "nb": "Middels tillit", "nn": "Middels tillit"},
    "low": {"en": "Low certainty", "nb": "Lav tillit", "nn": "Låg tillit"},
    "very_low": {"en": "Very low certainty", "nb": "Svært lav tillit", "nn": "Svært låg tillit"},
}


def normalise_certainty(value: str) -> str:
    """'Very low', 'very-low' or 'very_low' -> 'very_low'; unknown values are refused."""
    key = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in CERTAINTIES:
        raise Invalid(f"certainty {value!r} is not one of high, moderate, low, very low",
                      "error.wording.bad_certainty", value=value)
    return key


def finding_wording(certainty: str, intervention: str, outcome: str,
                    direction: str = "reduces", lang: str = "en") -> str:
    """The sentence for a finding, e.g. low + 'breaks' + 'fatigue' -> 'Breaks may reduce fatigue.'"""
    if direction not in DIRECTIONS:
        raise Invalid(f"direction {direction!r} is not one of {', '.join(DIRECTIONS)}",
                      "error.wording.bad_direction", direction=direction, choices=", ".join(DIRECTIONS))
    table = _TABLES.get(lang, _EN)
    text = table[normalise_certainty(certainty)][direction].format(x=intervention, y=outcome)
    return text[:1].upper() + text[1:] + "."


def certainty_label(certainty: str, lang: str = "en") -> str:
    """'Moderate certainty' / 'Middels tillit' / 'Middels tillit' (nynorsk: 'Høg', 'Låg')."""
    labels = CERTAINTY_LABELS[normalise_certainty(certainty)]
    return labels.get(lang, labels["en"])


def wordings_for(certainty: str, terms: dict[str, tuple[str, str]], direction: str = "reduces") -> dict[str, str]:
    """Every language at once, as the editor offers them: terms maps 'en'/'nb'/'nn' to (intervention, outcome)."""
    return {lang: finding_wording(certainty, x, y, direction, lang) for lang, (x, y) in terms.items()}
