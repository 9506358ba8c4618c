"""The progress curve (inclusions found against records screened) as a small inline SVG."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT, PAD = 480, 260, 44


def progress_svg(points: Sequence[tuple[int, int]], total_records: int, x_label: str, y_label: str,
                 title: str) -> str:
    """A line of (screened, found) points; the x axis spans every record to screen.

    The dashed line is what random order would have found at the rate seen so far, for scale.
    Only numbers and escaped labels go into the markup.
    """
    total = max(int(total_records), 1)
    found_max = max([int(f) for _, f in points] + [1])
    plot_w, plot_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD

    def xy(screened: float, found: float) -> str:
        return f"{PAD + plot_w * screened / total:.1f},{HEIGHT - PAD - plot_h * found / found_max:.1f}"

    line = " ".join(xy(s, f) for s, f in points)
    last_s, last_f = points[-1] if points else (0, 0)
    rate = (last_f / last_s) if last_s else 0
    random_end = min(found_max, rate * total)
    return "".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" class="progress-curve">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="currentColor"/>',
        f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{HEIGHT - PAD}" stroke="currentColor"/>',
        f'<polyline points="{xy(0, 0)} {xy(total, random_end)}" fill="none" stroke="#888" stroke-dasharray="4 4"/>',
        f'<polyline points="{line}" fill="none" stroke="#1a6b3c" stroke-width="2"/>',
        f'<text x="{PAD}" y="{HEIGHT - PAD + 16}" font-size="11">0</text>',
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - PAD + 16}" font-size="11" text-anchor="end">{total}</text>',
        f'<text x="{PAD - 6}" y="{PAD + 4}" font-size="11" text-anchor="end">{found_max}</text>',
        f'<text x="{WIDTH / 2}" y="{HEIGHT - 8}" font-size="12" text-anchor="middle">{escape(x_label)}</text>',
        f'<text x="12" y="{HEIGHT / 2}" font-size="12" text-anchor="middle" '
        f'transform="rotate(-90 12 {HEIGHT / 2})">{escape(y_label)}</text>',
        "</svg>",
    ])
