from review.screening.view import parse_terms, segments


def test_word_forms_match_in_english_and_norwegian():
    inc = parse_terms("nurse, sykepleier, role conflict")
    exc = parse_terms("student*")
    text = "Nurses and sykepleiere with role conflicts; students excluded."
    pieces = segments(text, inc, exc)
    assert "".join(p for p, _ in pieces) == text
    marked = {p: k for p, k in pieces if k}
    assert marked == {"Nurses": "inc", "sykepleiere": "inc", "role conflicts": "inc", "students": "exc"}


def test_no_terms_leaves_text_whole():
    assert segments("<b>x</b>", [], []) == [("<b>x</b>", "")]
