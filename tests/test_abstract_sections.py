"""Structured abstracts are cut into labelled paragraphs without losing or changing a character of text."""
from hypothesis import given, settings
from hypothesis import strategies as st

from review.screening.abstracts import highlighted_first, marked_sections, sections, slice_segments
from review.screening.view import parse_terms, segments

STRUCTURED = ("BACKGROUND: Nurses miss breaks. METHODS: A trial (95% CI: 1.1-2.0) in 30 units. "
              "Main outcome measures: fatigue. RESULTS: Fewer errors. CONCLUSIONS: Breaks help.")


def test_a_structured_abstract_becomes_labelled_paragraphs():
    found = [(label, STRUCTURED[a:b].strip()) for label, a, b in sections(STRUCTURED)]
    assert found == [("BACKGROUND", "Nurses miss breaks."), ("METHODS", "A trial (95% CI: 1.1-2.0) in 30 units."),
                     ("Main outcome measures", "fatigue."), ("RESULTS", "Fewer errors."),
                     ("CONCLUSIONS", "Breaks help.")]


def test_plain_abstracts_and_colons_in_sentences_stay_one_paragraph():
    text = "We studied nurses. The ratio was HR: 1.2 and the design: a trial."
    assert sections(text) == [("", 0, len(text))]
    assert sections("") == []
    # one heading-like word in the middle of a text is not a structure
    one = "We studied nurses on long shifts. DESIGN: not stated in the record"
    assert [label for label, _, _ in sections(one)] == [""]


def test_norwegian_headings_count_too():
    text = "Bakgrunn: Sykepleiere tar få pauser. Metode: Spørreundersøkelse. Resultater: Færre feil. Fortolkning: Pauser hjelper."
    assert [label for label, _, _ in sections(text)] == ["Bakgrunn", "Metode", "Resultater", "Fortolkning"]


def test_highlights_survive_the_cut():
    marked = segments(STRUCTURED, parse_terms("nurse, fatigue"), parse_terms("trial"))
    parts = marked_sections(STRUCTURED, marked)
    assert parts[0]["marked"] == [("Nurses", "inc"), (" miss breaks.", "")]
    assert ("trial", "exc") in parts[1]["marked"]
    assert ("fatigue", "inc") in parts[2]["marked"]


@settings(max_examples=80, deadline=None)  # a busy CI machine is no reason to fail
@given(st.lists(st.sampled_from(list("ab .:\n") + ["METHODS", "RESULTS", "Background", "CI"]), max_size=40).map("".join))
def test_paragraphs_keep_every_character_of_text_in_order(text):
    marked = segments(text, parse_terms("a"), [])
    parts = marked_sections(text, marked)
    rebuilt = "".join((part["label"] + ":" if part["label"] else "") + "".join(p for p, _ in part["marked"])
                      for part in parts)
    assert "".join(rebuilt.split()) == "".join(text.split())


def test_slice_segments_cuts_across_pieces():
    marked = [("ab", ""), ("cd", "inc"), ("ef", "")]
    assert slice_segments(marked, 1, 5) == [("b", ""), ("cd", "inc"), ("e", "")]


def test_highlighted_keywords_come_first_in_their_order():
    kws = [[("Adult", "")], [("Students", "exc")], [("Nurses", "inc")], [("Human", "")], [("Nursing", "inc")]]
    assert [k[0][0] for k in highlighted_first(kws)] == ["Nurses", "Nursing", "Students", "Adult", "Human"]
