"""The PRISMA 2020 flow diagram drawn as accessible SVG (and PNG through cairosvg) from plain counts."""
from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape, quoteattr

from exports.prisma_text import PrismaCounts, boxes, labels, text_alternative

FONT = 12
LINE = 16
PAD = 8
CHAR = 7.0  # a generous average glyph width at 12 px so wrapped lines never overflow
BAND = 28
GAP = 44
MAIN_W, SIDE_W = 300, 290
HEADER_H = 40
ROW_GAP = 30
COLOURS = {"pending": "#fff4d6", "box": "#ffffff", "stroke": "#1a1a1a", "band": "#c6dbef", "header": "#fdd49e", "text": "#1a1a1a"}


def render_svg(counts: PrismaCounts, lang: str = "en", id_prefix: str = "prisma") -> str:
    """The diagram as a standalone SVG document with a title and a description holding every count."""
    layout = _Layout(counts, lang)
    t = labels(lang)
    desc = " ".join(text_alternative(counts, lang))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width}" height="{layout.height}" '
        f'viewBox="0 0 {layout.width} {layout.height}" role="img" lang="{escape(lang)}" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" '
        f'font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="{FONT}">',
        f'<title id="{id_prefix}-title">{escape(t["title"])}</title>',
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>',
        '<defs><marker id="' + id_prefix + '-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1a1a1a"/></marker></defs>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    parts += layout.draw(id_prefix)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def render_png(counts: PrismaCounts, lang: str = "en", scale: float = 2.0) -> bytes:
    """The diagram as PNG (for reports and slides), rendered from the same SVG."""
    import cairosvg

    return cairosvg.svg2png(bytestring=render_svg(counts, lang).encode("utf-8"), scale=scale)


def wrap(lines: list[str], width: int) -> list[str]:
    """Wrap box lines to a pixel width; indented lines (sub-items) keep their indent when wrapped."""
    chars = max(10, int((width - 2 * PAD) / CHAR))
    out: list[str] = []
    for line in lines:
        indent = "  " if line.startswith("  ") else ""
        # keep "(n = 12)" on one line: wrap with no-break spaces inside it, then restore them
        kept = line.strip().replace("(n = ", "(n\u00a0=\u00a0")
        out += textwrap.wrap(kept, chars - len(indent), initial_indent=indent,
                             subsequent_indent=indent + "  ") or [""]
    return [line.replace("\u00a0", " ") for line in out]


class _Layout:
    """Where each box goes: rows of the template, columns main / side / other / other side."""

    # Rows of boxes; the "awaiting" rows (in the side columns, dashed) are drawn only while screening is under way.
    ROWS = (("identification", ("identified", "removed", "other_identified", None)),
            ("screening", ("screened", "screen_excluded", None, None)),
            ("screening", (None, "awaiting_screening", None, None)),
            ("screening", ("sought", "not_retrieved", "other_sought", "other_not_retrieved")),
            ("screening", (None, "awaiting_assessment", None, "other_awaiting_assessment")),
            ("screening", ("assessed", "excluded", "other_assessed", "other_excluded")),
            ("included", ("included", None, None, None)))
    PENDING = ("awaiting_screening", "awaiting_assessment", "other_awaiting_assessment")

    def __init__(self, counts: PrismaCounts, lang: str):
        self.t = labels(lang)
        self.text = boxes(counts, lang)
        self.other = counts.other is not None
        left = 10 + BAND + 16
        self.cols = [left, left + MAIN_W + GAP]
        widths = [MAIN_W, SIDE_W]
        if self.other:
            self.cols += [self.cols[1] + SIDE_W + GAP + 10, self.cols[1] + SIDE_W + GAP + 10 + MAIN_W + GAP]
            widths += [MAIN_W, SIDE_W]
        self.widths = widths
        self.width = self.cols[-1] + widths[-1] + 10
        self.boxes: dict[str, tuple[float, float, float, float, list[str]]] = {}
        self.bands: dict[str, list[float]] = {}
        y = 10 + HEADER_H + ROW_GAP
        for band, names in self.ROWS:
            if any(name and name in self.text for name in names):
                y = self._place_row(band, names, y) + ROW_GAP
        self.height = int(y - ROW_GAP + 10)

    def _place_row(self, band: str, names: tuple, y: float) -> float:
        wrapped = {}
        for col, name in enumerate(names):
            if name and name in self.text and col < len(self.cols):
                wrapped[name] = (col, wrap(self.text[name], self.widths[col]))
        height = max(len(lines) for _, lines in wrapped.values()) * LINE + 2 * PAD
        if band != "screening":  # a phase of one row must still fit its rotated label
            height = max(height, len(self.t[band]) * CHAR + 2 * PAD)
        for name, (col, lines) in wrapped.items():
            self.boxes[name] = (self.cols[col], y, self.widths[col], height, lines)
        top, bottom = self.bands.get(band, [y, y + height])
        self.bands[band] = [min(top, y), max(bottom, y + height)]
        return y + height

    def draw(self, prefix: str) -> list[str]:
        """SVG elements: headers, phase bands, boxes, arrows."""
        out = [self._header(self.cols[0], self.cols[1] + SIDE_W - self.cols[0], self.t["main_column"])]
        if self.other:
            out.append(self._header(self.cols[2], self.cols[3] + SIDE_W - self.cols[2], self.t["other_column"]))
        for band, (top, bottom) in self.bands.items():
            out.append(self._band(top, bottom, self.t[band]))
        for name, (x, y, w, h, lines) in self.boxes.items():
            out.append(_box(x, y, w, h, lines, pending=name in self.PENDING))
        out += self._arrows(prefix)
        return out

    def _header(self, x: float, w: float, text: str) -> str:
        return (f'<rect x="{x}" y="10" width="{w}" height="{HEADER_H}" rx="6" fill="{COLOURS["header"]}" '
                f'stroke="{COLOURS["stroke"]}"/><text x="{x + w / 2}" y="{10 + HEADER_H / 2 + 4}" '
                f'text-anchor="middle" font-weight="bold">{escape(text)}</text>')

    def _band(self, top: float, bottom: float, text: str) -> str:
        cx, cy = 10 + BAND / 2, (top + bottom) / 2
        return (f'<rect x="10" y="{top}" width="{BAND}" height="{bottom - top}" rx="6" fill="{COLOURS["band"]}" '
                f'stroke="{COLOURS["stroke"]}"/><text x="{cx}" y="{cy}" text-anchor="middle" '
                f'dominant-baseline="middle" font-weight="bold" transform="rotate(-90 {cx} {cy})">{escape(text)}</text>')

    def _arrows(self, prefix: str) -> list[str]:
        pairs_down = [("identified", "screened"), ("screened", "sought"), ("sought", "assessed"),
                      ("assessed", "included"), ("other_identified", "other_sought"),
                      ("other_sought", "other_assessed")]
        pairs_right = [("identified", "removed"), ("screened", "screen_excluded"), ("sought", "not_retrieved"),
                       ("assessed", "excluded"), ("other_sought", "other_not_retrieved"),
                       ("other_assessed", "other_excluded")]
        out = []
        for a, b in pairs_down:
            if a in self.boxes and b in self.boxes:
                ax, ay, aw, ah, _ = self.boxes[a]
                out.append(_line([(ax + aw / 2, ay + ah), (ax + aw / 2, self.boxes[b][1])], prefix))
        for a, b in pairs_right:
            if a in self.boxes and b in self.boxes:
                ax, ay, aw, ah, _ = self.boxes[a]
                out.append(_line([(ax + aw, ay + ah / 2), (self.boxes[b][0], ay + ah / 2)], prefix))
        # Reports awaiting assessment come out of those sought; records awaiting screening are beside the
        # records screened (not out of them), so their box has no arrow.
        for a, b in (("sought", "awaiting_assessment"), ("other_sought", "other_awaiting_assessment")):
            if a in self.boxes and b in self.boxes:  # from the box's lower side, down, then into the dashed box
                ax, ay, aw, ah, _ = self.boxes[a]
                bx, by, bw, bh, _ = self.boxes[b]
                out.append(_line([(ax + aw * 0.75, ay + ah), (ax + aw * 0.75, by + bh / 2), (bx, by + bh / 2)], prefix,
                                 dashed=True))
        if "other_assessed" in self.boxes:
            ox, oy, ow, oh, _ = self.boxes["other_assessed"]
            ix, iy, iw, ih, _ = self.boxes["included"]
            out.append(_line([(ox + ow / 2, oy + oh), (ox + ow / 2, iy + ih / 2), (ix + iw, iy + ih / 2)], prefix))
        return out


def _box(x: float, y: float, w: float, h: float, lines: list[str], pending: bool = False) -> str:
    italic = ' font-style="italic"'
    spans = "".join(f'<tspan x="{x + PAD}" y="{y + PAD + (i + 1) * LINE - 4}" xml:space="preserve"'
                    f'{italic if pending and i == len(lines) - 1 else ""}>{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    style = f'fill="{COLOURS["pending"]}" stroke-dasharray="6 4"' if pending else f'fill="{COLOURS["box"]}"'
    kind = ' class="pending"' if pending else ""
    return (f'<rect{kind} x="{x}" y="{y}" width="{w}" height="{h}" {style} stroke="{COLOURS["stroke"]}"/>'
            f'<text fill="{COLOURS["text"]}">{spans}</text>')


def _line(points: list[tuple[float, float]], prefix: str, dashed: bool = False) -> str:
    path = " ".join(f"{x},{y}" for x, y in points)
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return (f'<polyline points={quoteattr(path)} fill="none" stroke="{COLOURS["stroke"]}" stroke-width="1.5"{dash} '
            f'marker-end="url(#{prefix}-arrow)"/>')


def inline_svg(svg: str) -> str:
    """The SVG for use inside an HTML page: it scales to its container (no fixed width and height)."""
    import re

    return re.sub(r'^<svg ([^>]*?)width="\d+" height="\d+" ', r"<svg \1", svg[svg.index("<svg"):], count=1)
