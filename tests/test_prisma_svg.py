"""The PRISMA 2020 diagram as SVG and PNG from plain counts."""
import xml.etree.ElementTree as ET

from exports.prisma import render_png, render_svg
from exports.prisma_text import OtherMethods, PrismaCounts, boxes, counts_from_dict, text_alternative

SVG = "{http://www.w3.org/2000/svg}"


def sample(other: bool = False) -> PrismaCounts:
    return PrismaCounts(
        databases=[("MEDLINE", 120), ("Embase", 90)], registers=[("ClinicalTrials.gov", 7)],
        duplicates_removed=70, automation_excluded=11, other_removed=[("Retracted", 3)],
        screened=133, screen_excluded=101, sought=32, not_retrieved=4, assessed=28,
        excluded=[("Wrong population", 9), ("Wrong outcome", 6)], studies_included=12, reports_included=13,
        other=OtherMethods([("Citation searching", 17)], 17, 2, 15, [("Wrong design", 10)]) if other else None)


def svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}tspan")]


def test_every_box_shows_its_count():
    text = " ".join(svg_texts(render_svg(sample())))
    for expected in ["Databases (n = 210)", "MEDLINE (n = 120)", "Registers (n = 7)", "Duplicate records removed (n = 70)",
                     "automation tools (n = 11)", "Retracted (n = 3)", "Records screened (n = 133)",
                     "Records excluded (n = 101)", "Reports sought for retrieval (n = 32)", "Reports not retrieved (n = 4)",
                     "(n = 28)", "Reports excluded (n = 15)", "Wrong population (n = 9)", "Wrong outcome (n = 6)",
                     "Studies included in review (n = 12)",
                     "Reports of included studies (n = 13)"]:
        assert expected in text


def test_svg_is_accessible_with_title_and_desc_holding_every_count():
    root = ET.fromstring(render_svg(sample(), "nb"))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "PRISMA 2020 flytdiagram"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    for number in ("210", "70", "11", "133", "101", "32", "28", "(n = 9)", "(n = 6)", "(n = 12)", "(n = 13)"):
        assert number in desc.text
    assert "Poster screenet (n = 133)" in desc.text


def test_other_methods_column_only_when_records_came_from_other_sources():
    assert "Identification of studies via other methods" not in render_svg(sample())
    svg = render_svg(sample(other=True))
    assert "Identification of studies via other methods" in svg
    assert "Citation searching (n = 17)" in " ".join(svg_texts(svg))
    assert any("Wrong design (n = 10)" in line for line in text_alternative(sample(other=True)))


def test_labels_in_bokmal():
    found = boxes(sample(), "nb")
    assert found["screened"] == ["Poster screenet (n = 133)"]
    assert found["included"][0] == "Studier inkludert i oversikten (n = 12)"


def test_png_is_rendered():
    assert render_png(sample(other=True)).startswith(b"\x89PNG")


def test_counts_round_trip_through_plain_dict():
    data = {"databases": [["MEDLINE", 5]], "screened": 5, "excluded": [["Wrong design", 1]],
            "other": {"sources": [["Websites", 2]], "assessed": 2}}
    counts = counts_from_dict(data)
    assert counts.databases == [("MEDLINE", 5)] and counts.other.sources == [("Websites", 2)]
    assert counts.other.assessed == 2 and counts.excluded == [("Wrong design", 1)]


def test_titles_with_markup_are_escaped():
    counts = sample()
    counts.excluded = [("<script>alert(1)</script> & more", 1)]
    svg = render_svg(counts)
    assert "<script>" not in svg
    ET.fromstring(svg)
