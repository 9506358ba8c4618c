"""Risk-of-bias plots drawn like robvis (McGuinness & Higgins, Res Syn Meth 2021): traffic light and summary bars.

Input is plain values: {"title", "domains": [(key, name)], "levels": [{"key", "label", "symbol", "colour"}],
"studies": [{"label", "judgements": {domain key: level key}, "overall": level key or None}]}, and
optionally "texts": the plot's own words in another language (keys as in TEXTS).
"""
from __future__ import annotations

from html import escape
from typing import Any

CELL = 36
FONT = "font-family=\"Helvetica, Arial, sans-serif\""
MISSING = {"key": "", "label": "Not judged", "symbol": "", "colour": "#D9D9D9"}
TEXTS = {"domains": "Domains:", "judgement": "Judgement", "overall": "Overall", "overall_rob": "Overall risk of bias",
         "not_judged": "Not judged", "domain": "D"}


def _texts(data: dict[str, Any]) -> dict[str, str]:
    return {**TEXTS, **data.get("texts", {})}


def _missing(data: dict[str, Any]) -> dict[str, str]:
    return dict(MISSING, label=_texts(data)["not_judged"])


def _text_width(text: str, size: int = 12) -> int:
    return int(len(text) * size * 0.6) + 8


def _levels(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {level["key"]: level for level in data["levels"]}


def _legend(data: dict[str, Any], x: int, y: int) -> tuple[list[str], int]:
    """Domain names and the colour key under a plot; returns the elements and the height used."""
    texts = _texts(data)
    parts = [f"<text x=\"{x}\" y=\"{y}\" {FONT} font-size=\"12\" font-weight=\"bold\">{escape(texts['domains'])}</text>"]
    for i, (_key, name) in enumerate(data["domains"], start=1):
        parts.append(f"<text x=\"{x}\" y=\"{y + 16 * i}\" {FONT} font-size=\"11\">"
                     f"{escape(texts['domain'])}{i}: {escape(name)}</text>")
    y += 16 * (len(data["domains"]) + 1) + 6
    parts.append(f"<text x=\"{x}\" y=\"{y}\" {FONT} font-size=\"12\" font-weight=\"bold\">"
                 f"{escape(texts['judgement'])}</text>")
    cx = x + 80
    for level in data["levels"]:
        parts.append(f"<circle cx=\"{cx}\" cy=\"{y - 4}\" r=\"7\" fill=\"{level['colour']}\"/>")
        parts.append(f"<text x=\"{cx + 11}\" y=\"{y}\" {FONT} font-size=\"11\">{escape(level['label'])}</text>")
        cx += 24 + _text_width(level["label"], 11)
    return parts, 16 * (len(data["domains"]) + 2) + 10


def traffic_light_svg(data: dict[str, Any]) -> str:
    """One row per study, one circle per domain and the overall judgement, coloured and marked by level."""
    levels = _levels(data)
    left = max([_text_width(s["label"]) for s in data["studies"]] + [80])
    texts = _texts(data)
    columns = [f"{texts['domain']}{i}" for i in range(1, len(data["domains"]) + 1)] + [texts["overall"]]
    top = 56
    parts = [f"<text x=\"{left}\" y=\"20\" {FONT} font-size=\"14\" font-weight=\"bold\">{escape(data['title'])}</text>"]
    for c, name in enumerate(columns):
        parts.append(f"<text x=\"{left + c * CELL + CELL // 2}\" y=\"{top - 8}\" {FONT} font-size=\"12\" "
                     f"text-anchor=\"middle\">{escape(name)}</text>")
    for r, study in enumerate(data["studies"]):
        y = top + r * CELL
        parts.append(f"<text x=\"{left - 8}\" y=\"{y + CELL // 2 + 4}\" {FONT} font-size=\"12\" "
                     f"text-anchor=\"end\">{escape(study['label'])}</text>")
        parts.append(f"<rect x=\"{left}\" y=\"{y}\" width=\"{len(columns) * CELL}\" height=\"{CELL}\" "
                     f"fill=\"#F2F2F2\" stroke=\"#FFFFFF\"/>")
        keys = [study["judgements"].get(k) for k, _ in data["domains"]] + [study.get("overall")]
        for c, key in enumerate(keys):
            parts.extend(_light(levels.get(key or "", _missing(data)), left + c * CELL + CELL // 2, y + CELL // 2))
    # one white line per column boundary instead of a rectangle per cell: PNG conversion cost grows per element
    grid_bottom = top + len(data["studies"]) * CELL
    parts.extend(f"<line x1=\"{left + c * CELL}\" y1=\"{top}\" x2=\"{left + c * CELL}\" y2=\"{grid_bottom}\" "
                 f"stroke=\"#FFFFFF\"/>" for c in range(1, len(columns)))
    bottom = grid_bottom + 24
    legend, height = _legend(data, 10, bottom)
    width = max(left + len(columns) * CELL + 20, 560)
    return _svg(width, bottom + height, parts + legend)


def _light(level: dict[str, str], cx: int, cy: int) -> list[str]:
    return [f"<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{CELL // 2 - 4}\" fill=\"{level['colour']}\">"
            f"<title>{escape(level['label'])}</title></circle>",
            f"<text x=\"{cx}\" y=\"{cy + 5}\" {FONT} font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\" "
            f"fill=\"#000000\">{escape(level['symbol'])}</text>"]


def summary_svg(data: dict[str, Any]) -> str:
    """One horizontal bar per domain and overall: the share of studies at each judgement level."""
    texts = _texts(data)
    rows = [(f"{texts['domain']}{i}: {name}", [s["judgements"].get(key) for s in data["studies"]])
            for i, (key, name) in enumerate(data["domains"], start=1)]
    rows.append((texts["overall_rob"], [s.get("overall") for s in data["studies"]]))
    left = max(_text_width(label) for label, _ in rows)
    bar, height, top = 400, 26, 40
    parts = [f"<text x=\"{left}\" y=\"20\" {FONT} font-size=\"14\" font-weight=\"bold\">{escape(data['title'])}</text>"]
    for r, (label, judged) in enumerate(rows):
        y = top + r * (height + 8)
        parts.append(f"<text x=\"{left - 8}\" y=\"{y + height // 2 + 4}\" {FONT} font-size=\"12\" "
                     f"text-anchor=\"end\">{escape(label)}</text>")
        parts.extend(_bar(data["levels"], judged, left, y, bar, height, _missing(data)))
    axis_y = top + len(rows) * (height + 8)
    for pct in (0, 25, 50, 75, 100):
        x = left + bar * pct // 100
        parts.append(f"<text x=\"{x}\" y=\"{axis_y + 12}\" {FONT} font-size=\"10\" text-anchor=\"middle\">{pct}%</text>")
    legend, legend_height = _legend(data, 10, axis_y + 36)
    return _svg(max(left + bar + 20, 560), axis_y + 36 + legend_height, parts + legend)


def _bar(levels: list[dict[str, str]], judged: list[str | None], x: int, y: int, width: int, height: int,
         missing: dict[str, str] = MISSING) -> list[str]:
    total = len(judged) or 1
    parts, offset = [], 0.0
    for level in [*levels, missing]:
        n = sum(1 for j in judged if (j or "") == level["key"])
        if not n:
            continue
        share = width * n / total
        parts.append(f"<rect x=\"{x + offset:.1f}\" y=\"{y}\" width=\"{share:.1f}\" height=\"{height}\" "
                     f"fill=\"{level['colour']}\" stroke=\"#FFFFFF\"><title>{escape(level['label'])}: {n}</title></rect>")
        offset += share
    return parts


def _svg(width: int, height: int, parts: list[str]) -> str:
    body = "\n".join(parts)
    return (f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" "
            f"viewBox=\"0 0 {width} {height}\" role=\"img\">\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
            f"{body}\n</svg>\n")


def to_png(svg: str, scale: float = 2.0) -> bytes:
    """The plot as PNG (cairosvg), scaled for print."""
    import re

    import cairosvg

    # tooltips are not drawn, and each element costs conversion time
    drawn = re.sub(r"<title>[^<]*</title>", "", svg)
    return cairosvg.svg2png(bytestring=drawn.encode("utf-8"), scale=scale)
