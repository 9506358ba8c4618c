"""LIX, bands, word count and GRADE wording against texts counted by hand."""
import pytest

from review.publishing import readability, wording
from review.store.errors import Invalid


def test_english_text_counted_by_hand():
    # S1: The cat sat on the mat (6 words, 0 long). S2: Workers need regular breaks during
    # long shifts (7 words; long: workers, regular). LIX = 13/2 + 100*2/13 = 21.88.
    result = readability.measure("The cat sat on the mat. Workers need regular breaks during long shifts.")
    assert (result.words, result.sentences, result.long_words) == (13, 2, 2)
    assert result.lix == 21.9
    assert result.band == "very_easy"
    assert [s.text for s in result.hard_sentences] == ["Workers need regular breaks during long shifts."]


def test_bokmal_text_counts_ae_o_a_as_letters():
    # S1: Skiftarbeid øker risikoen for søvnproblemer (5 words; long: skiftarbeid, risikoen,
    # søvnproblemer). S2: Pauser hjelper (2 words; long: hjelper). LIX = 7/2 + 100*4/7 = 60.64.
    text = "Skiftarbeid øker risikoen for søvnproblemer. Pauser hjelper!"
    result = readability.measure(text)
    assert (result.words, result.sentences, result.long_words) == (7, 2, 4)
    assert result.lix == 60.6
    assert result.band == "very_hard"
    hard = result.hard_sentences[0]
    assert text[hard.start:hard.end] == "Skiftarbeid øker risikoen for søvnproblemer."


def test_letters_with_norwegian_vowels():
    assert readability.words_of("blåbær og høyskole") == ["blåbær", "og", "høyskole"]
    assert not readability.is_long("blåbær")  # six letters
    assert readability.is_long("blåbæret")  # eight letters
    assert readability.letters("covid-19") == 5


def test_medium_text_and_headings_count_as_sentences():
    # Heading line (2 words: "Hva fant") + one sentence of 8 words with 4 long
    # (arbeidstakere, hjemmekontor, rapporterte, arbeidsdager). LIX = 10/2 + 100*4/10 = 45.
    text = "Hva fant vi\nArbeidstakere med hjemmekontor rapporterte lengre arbeidsdager enn før."
    result = readability.measure(text)
    assert (result.words, result.sentences, result.long_words) == (11, 2, 4)
    assert result.lix == pytest.approx(11 / 2 + 400 / 11, abs=0.05)
    assert result.band == "medium"


@pytest.mark.parametrize("lix,band", [(29.9, "very_easy"), (30, "easy"), (39.9, "easy"), (40, "medium"),
                                      (50, "hard"), (59.9, "hard"), (60.1, "very_hard")])
def test_norwegian_bands(lix, band):
    assert readability.band_of(lix) == band


def test_word_count_against_range():
    assert readability.measure("ord " * 399).length_status == "short"
    assert readability.measure("ord " * 400).length_status == "ok"
    assert readability.measure("ord " * 851).length_status == "long"


def test_empty_text_has_no_lix():
    result = readability.measure("")
    assert (result.words, result.lix, result.hard_sentences) == (0, 0.0, [])


@pytest.mark.parametrize("certainty,en,nb", [
    ("high", "Shift work reduces sleep quality.", "Skiftarbeid reduserer søvnkvaliteten."),
    ("moderate", "Shift work probably reduces sleep quality.", "Skiftarbeid reduserer trolig søvnkvaliteten."),
    ("low", "Shift work may reduce sleep quality.", "Skiftarbeid kan redusere søvnkvaliteten."),
    ("very low", "We are uncertain whether shift work reduces sleep quality.",
     "Vi er usikre på om skiftarbeid reduserer søvnkvaliteten."),
])
def test_grade_wording_both_languages(certainty, en, nb):
    assert wording.finding_wording(certainty, "shift work", "sleep quality", lang="en") == en
    assert wording.finding_wording(certainty, "skiftarbeid", "søvnkvaliteten", lang="nb") == nb


def test_unknown_certainty_is_refused():
    with pytest.raises(Invalid):
        wording.finding_wording("certain", "x", "y")


def test_segments_mark_the_hard_sentences_in_place():
    text = "The cat sat on the mat. Workers need regular breaks during long shifts."
    pieces = readability.segments(text, readability.measure(text))
    assert "".join(p for p, _ in pieces) == text
    assert [p for p, hard in pieces if hard] == ["Workers need regular breaks during long shifts."]
