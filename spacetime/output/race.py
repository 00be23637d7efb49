"""The milestone race as a picture (`spacetime compare NATIONS --svg FILE`, `--html FILE`): one
row per milestone, years across, a marker per nation at the date it got there (a hollow one for
a plan), a star at the world first, and each nation's lag written at the end of the row.

A standalone SVG drawn here as text (no drawing library), also wrapped in an HTML page
(`launchchart.chart_html`). Every
text taken from the data (names, missions) is escaped. A nation is told apart by its colour and
by the shape of its marker, so the picture reads in grey too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Cell, Comparison
from spacetime.output.compare import lag_text
from spacetime.output.launchchart import PALETTE

__all__ = ["race_svg"]

LEFT = 230  # the milestone names
PLOT = 560  # the years
LAG = 84  # each nation's column of lags, at the right
TOP = 96
ROW = 30
BOTTOM = 64
SHAPES = ("circle", "square", "triangle", "diamond", "circle", "square", "triangle", "diamond")
STAR = "#d4a017"


def race_svg(timeline: Timeline, c: Comparison, command: str) -> str:
    """The race of the nations compared in `c`; `command` (what drew it) is written at the foot."""
    rows = [
        m
        for m in c.milestones
        if any(c.cells[m, n].event is not None for n in c.nations) or m in c.world_firsts
    ]
    days = [
        day
        for m in rows
        for day in (
            *(_day(c.cells[m, n].event) for n in c.nations),
            _day(c.world_firsts.get(m)),
        )
        if day is not None
    ]
    first = (min(days).year // 10 * 10) if days else 1950
    last = (max(days).year // 10 * 10 + 10) if days else 2030
    right = LEFT + PLOT
    width = right + 16 + LAG * len(c.nations)
    height = TOP + ROW * max(1, len(rows)) + BOTTOM

    def x_of(day: date) -> float:
        year = day.year + (day.timetuple().tm_yday - 1) / 366
        return LEFT + (year - first) / (last - first) * (right - LEFT)

    names = " · ".join(timeline.name_of(n) for n in c.nations)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="16" y="28" font-size="18" font-weight="bold" fill="#222">'
        f"The milestone race: {escape(names)}</text>",
    ]
    parts += _legend(timeline, c.nations)
    plot_bottom = TOP + ROW * len(rows)
    for year in range(first, last + 1, 10):
        x = x_of(date(year, 1, 1))
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 8}" y2="{plot_bottom}" stroke="#e3e3e3"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{plot_bottom + 16}" font-size="11" text-anchor="middle" '
            f'fill="#555">{year}</text>'
        )
    parts.append(
        f'<text x="{right + 16}" y="{TOP - 30}" font-size="11" fill="#555">'
        "behind the world first</text>"
    )
    for index, nation in enumerate(c.nations):
        parts.append(
            f'<text x="{right + 16 + index * LAG}" y="{TOP - 12}" font-size="11" '
            f'font-weight="bold" fill="{_colour(index)}">{escape(nation)}</text>'
        )
    for number, milestone in enumerate(rows):
        y = TOP + number * ROW + ROW / 2
        parts += _row(timeline, c, milestone, y, x_of, right)
    parts.append(
        f'<text x="16" y="{height - 18}" font-size="11" fill="#666">'
        f"Drawn by {escape(command)} · ★ world first · hollow: planned</text>"
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _day(event: Event | None) -> date | None:
    return event.date.first_day if event is not None else None


def _legend(timeline: Timeline, nations: list[str]) -> list[str]:
    parts = []
    x = 16.0
    for index, nation in enumerate(nations):
        name = timeline.name_of(nation)
        parts.append(_marker(index, x + 6, 54, planned=False))
        parts.append(
            f'<text x="{x + 16:.1f}" y="58" font-size="12" fill="#222">{escape(name)}</text>'
        )
        x += 40 + 7 * len(name)
    parts.append(_star(x + 6, 54))
    parts.append(f'<text x="{x + 16:.1f}" y="58" font-size="12" fill="#222">world first</text>')
    return parts


def _row(
    timeline: Timeline,
    c: Comparison,
    milestone: str,
    y: float,
    x_of: Callable[[date], float],
    right: float,
) -> list[str]:
    name = timeline.milestones[milestone].name
    parts = [
        f'<text x="{LEFT - 10}" y="{y + 4:.1f}" font-size="12" text-anchor="end" fill="#222">'
        f"{escape(name)}</text>",
        f'<line x1="{LEFT}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#f0f0f0"/>',
    ]
    first = c.world_firsts.get(milestone)
    cells = [c.cells[milestone, n] for n in c.nations]
    reached = [x_of(d) for cell in cells if (d := _day(cell.event)) is not None]
    if first is not None and (day := _day(first)) is not None:
        start = x_of(day)
        if reached:
            parts.append(
                f'<line x1="{start:.1f}" x2="{max(reached):.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                'stroke="#bbbbbb" stroke-width="2"/>'
            )
        who = ", ".join(timeline.name_of(code) for code in first.countries)
        parts.append(
            f"<g><title>World first: {escape(who)}, {escape(first.date.display(False))}"
            f" ({escape(first.title)})</title>{_star(start, y)}</g>"
        )
    for index, cell in enumerate(cells):
        day = _day(cell.event)
        if day is not None and cell.event is not None:
            tip = f"{timeline.name_of(cell.nation)}: {cell.event.date.display(False)}"
            tip += f", {cell.event.mission or cell.event.title}"
            parts.append(
                f"<g><title>{escape(tip)} ({escape(_lag(cell))})</title>"
                f"{_marker(index, x_of(day), y, planned=cell.planned)}</g>"
            )
        parts.append(
            f'<text class="lag" data-nation="{escape(cell.nation)}" x="{right + 16 + index * LAG}"'
            f' y="{y + 4:.1f}" font-size="11" fill="#333">{escape(_lag(cell))}</text>'
        )
    return parts


def _lag(cell: Cell) -> str:
    if cell.event is None:
        return "—"
    if cell.planned:
        return f"plan {cell.event.date.display(False)}"
    if cell.world_first:
        return "★"
    if cell.lag is None:
        return ""
    return lag_text(*cell.lag, cell.lag_days)


def _colour(index: int) -> str:
    return PALETTE[index % (len(PALETTE) - 1)]


def _marker(index: int, x: float, y: float, *, planned: bool) -> str:
    colour = _colour(index)
    paint = f'fill="#ffffff" stroke="{colour}" stroke-width="2"' if planned else f'fill="{colour}"'
    shape = SHAPES[index % len(SHAPES)]
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" {paint}/>'
    if shape == "triangle":
        return f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}" {paint}/>'
    if shape == "diamond":
        return f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}" {paint}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" {paint}/>'


def _star(x: float, y: float) -> str:
    return (
        f'<text x="{x:.1f}" y="{y + 6:.1f}" font-size="17" text-anchor="middle" '
        f'fill="{STAR}" stroke="#8a6500" stroke-width="0.5">★</text>'
    )
