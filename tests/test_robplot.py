"""Traffic-light and summary plots: expected SVG, escaping, and PNG conversion."""
import xml.etree.ElementTree as ET

from exports import robplot
from review.appraisal.rob import BUILTIN

ROB2 = BUILTIN["rob2"]
DATA = {
    "title": "RoB 2: Fatigue",
    "domains": [(d.key, d.name) for d in ROB2.domains],
    "levels": [{"key": v.key, "label": v.label, "symbol": v.symbol, "colour": v.colour} for v in ROB2.levels],
    "studies": [
        {"label": "Smith 2020", "judgements": {"d1": "low", "d2": "some_concerns", "d3": "low", "d4": "low", "d5": "low"},
         "overall": "some_concerns"},
        {"label": "Jones <2021>", "judgements": {"d1": "high", "d2": "low", "d3": "low", "d4": "low"},
         "overall": None},
    ],
}


def test_traffic_light_matches_expected(fixtures):
    expected = (fixtures / "expected" / "rob_traffic_light.svg").read_text(encoding="utf-8")
    assert robplot.traffic_light_svg(DATA) == expected


def test_traffic_light_colours_each_judgement_and_escapes_labels():
    svg = robplot.traffic_light_svg(DATA)
    root = ET.fromstring(svg)
    fills = [c.get("fill") for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    # 2 studies x 6 columns, then one legend circle per level
    assert fills[:6] == ["#02C100", "#E2DF07", "#02C100", "#02C100", "#02C100", "#E2DF07"]
    assert fills[6] == "#BF0000" and fills[10:12] == ["#D9D9D9", "#D9D9D9"]
    assert "Jones &lt;2021&gt;" in svg


def test_summary_bars_split_by_share(fixtures):
    svg = robplot.summary_svg(DATA)
    assert svg == (fixtures / "expected" / "rob_summary.svg").read_text(encoding="utf-8")
    assert "<title>Low: 1</title>" in svg and "<title>Not judged: 1</title>" in svg


def test_png_conversion_gives_an_image():
    png = robplot.to_png(robplot.summary_svg(DATA), scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000
