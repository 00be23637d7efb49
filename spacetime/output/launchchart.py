"""Launches per year per nation as a stacked column chart: in the terminal (a Rich `Text`, one
column per year) and as a standalone SVG drawn here (also wrapped in an HTML page).

The picture carries GCAT's credit, as every output derived from the launch log does. Without
colour (a pipe, `NO_COLOR`) each nation is drawn with its own glyph, shown in the legend; the
axes are labelled either way: a value every few rows, a tick under every decade.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from rich.text import Text

from spacetime.launches.cadence import Series
from spacetime.launches.model import CREDIT

__all__ = ["PALETTE", "chart_html", "chart_svg", "chart_text"]

# Distinct colours that read on dark and light backgrounds (terminal styles and SVG fills alike).
PALETTE = ("#e4572e", "#2e86de", "#f3a712", "#29a35a", "#a05fd6", "#17becf", "#8c8c8c")
HEIGHT = 16
BLOCK = "█"
GLYPHS = ("█", "░", "▒", "#", "+", "=", "o")
"""A nation's mark without colour, in the order of the series; "Other" takes `OTHER`."""
OTHER = "·"
VALUE_EVERY = 4
"""Rows between two values on the y axis."""


def _colour(index: int, series: Series) -> str:
    return PALETTE[-1] if series.code is None else PALETTE[index % (len(PALETTE) - 1)]


def _glyph(index: int, series: Series, colour: bool) -> str:
    if colour:
        return BLOCK
    return OTHER if series.code is None else GLYPHS[index % len(GLYPHS)]


def chart_text(
    years: Sequence[int], series: Sequence[Series], title: str, width: int, colour: bool = True
) -> Text:
    """Stacked columns in the terminal: one column per year (several when room allows), each
    nation in its colour, or with `colour=False` in its own glyph."""
    out = Text(title + "\n", style="bold")
    if not years:
        out.append("no launches to draw\n")
        return out
    totals = [sum(s.per_year.get(y, 0) for s in series) for y in years]
    peak = max(totals) or 1
    label = len(str(peak))
    per_year = max(1, min(3, (width - label - 3) // len(years)))
    shown = years[-((width - label - 3) // per_year) :]
    heights = []  # per year: the series index of each cell from the bottom
    for year in shown:
        cells: list[int] = []
        running = 0.0
        for index, s in enumerate(series):
            running += s.per_year.get(year, 0) / peak * HEIGHT
            cells.extend([index] * (round(running) - len(cells)))
        heights.append(cells)
    for row in range(HEIGHT, 0, -1):
        # the top row is the peak; a value every VALUE_EVERY rows below it, down to 0
        value = round(peak * row / HEIGHT) if (HEIGHT - row) % VALUE_EVERY == 0 else None
        tick = "0" if row == 1 else str(value) if value is not None else ""
        out.append(tick.rjust(label) + " ┤ " if tick else " " * label + " │ ", style="dim")
        for cells in heights:
            if len(cells) >= row:
                index = cells[row - 1]
                glyph = _glyph(index, series[index], colour)
                out.append(glyph * per_year, style=_colour(index, series[index]))
            else:
                out.append(" " * per_year)
        out.append("\n")
    axis = [" "] * (len(shown) * per_year)
    rule = ["─"] * len(axis)
    for position, year in enumerate(shown):
        text = str(year)
        x = position * per_year
        if year % 10 == 0:
            rule[x] = "┬"  # a tick under every decade, labelled where the label fits
            if x + len(text) <= len(axis) and not "".join(axis[max(0, x - 1) : x]).strip():
                axis[x : x + len(text)] = list(text)
    out.append(" " * label + " └─" + "".join(rule) + "\n", style="dim")
    out.append(" " * (label + 3) + "".join(axis).rstrip() + "\n")
    for index, s in enumerate(series):
        out.append(_glyph(index, s, colour) * 2, style=_colour(index, s))
        out.append(f" {s.label}  ")
    out.append(f"\n{CREDIT}\n", style="dim")
    return out


def chart_svg(years: Sequence[int], series: Sequence[Series], title: str) -> str:
    """A standalone SVG: stacked columns per year, a y axis of launches, a legend and the credit."""
    width, height = 960, 500
    left, right, top, bottom = 56, 16, 48, 116
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(s.per_year.get(y, 0) for s in series) for y in years]
    peak = max(totals, default=0) or 1
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200) if peak / s <= 8)
    top_value = -(-peak // step) * step
    column = plot_w / max(1, len(years))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="28" font-size="18" font-weight="bold" fill="#222">{escape(title)}</text>',
    ]
    for value in range(0, top_value + 1, step):
        y = top + plot_h - value / top_value * plot_h
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#555">{value}</text>'
        )
    for position, year in enumerate(years):
        x = left + position * column
        base = float(top + plot_h)
        for index, s in enumerate(series):
            count = s.per_year.get(year, 0)
            if not count:
                continue
            h = count / top_value * plot_h
            base -= h
            parts.append(
                f'<rect x="{x + column * 0.1:.1f}" y="{base:.1f}" width="{column * 0.8:.1f}" '
                f'height="{h:.1f}" fill="{_colour(index, s)}"><title>{year} {escape(s.label)}: '
                f"{count}</title></rect>"
            )
        if year % 10 == 0 or len(years) <= 12:
            parts.append(
                f'<text x="{x + column / 2:.1f}" y="{top + plot_h + 16}" font-size="11" '
                f'text-anchor="middle" fill="#555">{year}</text>'
            )
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" '
        'stroke="#888"/>'
    )
    x, y = left, height - 84
    for index, s in enumerate(series):
        needed = 30 + 7 * len(s.label)
        if x > left and x + needed > width - right:
            x, y = left, y + 20
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{_colour(index, s)}"/>')
        parts.append(
            f'<text x="{x + 17}" y="{y + 10}" font-size="12" fill="#222">{escape(s.label)}</text>'
        )
        x += needed
    parts.append(
        f'<text x="{left}" y="{height - 20}" font-size="11" fill="#666">{escape(CREDIT)}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def chart_html(svg: str, title: str) -> str:
    """The SVG in a minimal HTML page."""
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{escape(title)}'
        f"</title></head>\n<body>\n{svg}</body>\n</html>\n"
    )
