"""A horizontal timeline drawn with text: one lane per nation (or category), years along the x-axis.

Each event is a marker at its first day: ★ a world first, ◆ a national first (a milestone), ○ a
plan, × a failure, • anything else. When several events fall in one column of a lane they are
aggregated into one mark: ★ if any of them is a world first, otherwise their count (2 to 9, + for
more). The chart is a Rich `Text`, so the same picture prints in a terminal and saves as SVG/HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from rich.text import Text

from spacetime.core.model import Event, Status

__all__ = ["Lane", "Mark", "render_chart", "ticks"]

STYLES = {
    "world": "bold yellow",
    "milestone": "bold cyan",
    "planned": "italic magenta",
    "failed": "red",
    "event": "green",
    "many": "bold white",
}
SYMBOLS = {"world": "★", "milestone": "◆", "planned": "○", "failed": "×", "event": "•"}
STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
MIN_LABEL = 8


@dataclass(frozen=True)
class Mark:
    event: Event
    kind: str  # world, milestone, planned, failed or event


@dataclass
class Lane:
    label: str
    marks: list[Mark] = field(default_factory=list)


def classify(event: Event, world_first_ids: set[str]) -> str:
    if event.id in world_first_ids:
        return "world"
    if event.status in (Status.PLANNED, Status.CANCELLED):
        return "planned"
    if event.status is Status.FAILED:
        return "failed"
    return "milestone" if event.milestones else "event"


def _year_fraction(day: date) -> float:
    start = date(day.year, 1, 1).toordinal()
    length = date(day.year + 1, 1, 1).toordinal() - start if day.year < 9999 else 365
    return day.year + (day.toordinal() - start) / length


def ticks(first_year: int, last_year: int, plot_width: int) -> list[int]:
    """Years to label: the smallest round step whose labels (4 digits and a gap) do not collide."""
    span = max(1, last_year - first_year + 1)
    for step in STEPS:
        count = span // step + 1
        if count * 6 <= plot_width:
            break
    start = (first_year + step - 1) // step * step
    return list(range(start, last_year + 1, step))


def render_chart(lanes: Sequence[Lane], width: int, title: str | None = None) -> Text:
    """The chart at `width` columns (at least 40)."""
    width = max(width, 40)
    dated = [m for lane in lanes for m in lane.marks if m.event.date.first_day is not None]
    out = Text()
    if title:
        out.append(title + "\n", style="bold")
    if not dated:
        out.append("no dated events to draw\n")
        return out
    label_width = min(max(MIN_LABEL, *(len(lane.label) for lane in lanes)), width // 4)
    plot = width - label_width - 3
    days = [m.event.date.first_day for m in dated if m.event.date.first_day]
    first_year, last_year = min(days).year, max(days).year
    span = last_year + 1 - first_year

    def column(day: date) -> int:
        return min(plot - 1, int((_year_fraction(day) - first_year) / span * plot))

    for lane in lanes:
        cells: dict[int, list[Mark]] = {}
        for mark in lane.marks:
            if mark.event.date.first_day is not None:
                cells.setdefault(column(mark.event.date.first_day), []).append(mark)
        out.append(lane.label[:label_width].rjust(label_width), style="bold")
        out.append(" │ ")
        line = Text()
        for x in range(plot):
            marks = cells.get(x)
            if not marks:
                line.append("─", style="dim")
            else:
                symbol, style = _aggregate(marks)
                line.append(symbol, style=style)
        out.append_text(line)
        out.append("\n")
    out.append_text(_axis(first_year, last_year, span, plot, label_width))
    out.append_text(legend(width))
    return out


def _aggregate(marks: list[Mark]) -> tuple[str, str]:
    kinds = {m.kind for m in marks}
    if len(marks) == 1:
        kind = marks[0].kind
        return SYMBOLS[kind], STYLES[kind]
    if "world" in kinds:
        return SYMBOLS["world"], STYLES["world"]
    return (str(len(marks)) if len(marks) < 10 else "+"), STYLES["many"]


def _axis(first_year: int, last_year: int, span: int, plot: int, label_width: int) -> Text:
    axis = [" "] * plot
    labels = [" "] * (plot + 4)
    for year in ticks(first_year, last_year, plot):
        x = min(plot - 1, int((year - first_year) / span * plot))
        axis[x] = "┬"
        text = str(year)
        start = min(x, plot - len(text))  # under its tick, from the first digit: none drops out
        if all(c == " " for c in labels[max(0, start - 1) : start + len(text)]):
            labels[start : start + len(text)] = list(text)
    pad = " " * (label_width + 1)
    result = Text(pad + "└─" + "".join(axis).replace(" ", "─") + "\n", style="dim")
    result.append(pad + "  " + "".join(labels).rstrip() + "\n")
    return result


def legend(width: int = 200) -> Text:
    """The key to the marks, wrapped between items to `width` columns."""
    text = Text("\n")
    items = [
        (SYMBOLS[kind], words, STYLES[kind])
        for kind, words in (
            ("world", "world first"),
            ("milestone", "national first"),
            ("planned", "planned"),
            ("failed", "failed"),
            ("event", "other event"),
        )
    ]
    items.append(("2-9 +", "several events in one column", STYLES["many"]))
    used = 0
    for symbol, words, style in items:
        size = len(symbol) + 1 + len(words)
        if used and used + 3 + size > width:
            text.append("\n")
            used = 0
        elif used:
            text.append("   ")
            used += 3
        text.append(symbol, style=style)
        text.append(f" {words}")
        used += size
    text.append("\n")
    return text


def lanes_by(
    events: Iterable[Event],
    keys: Sequence[tuple[str, str]],
    key_of: dict[str, list[str]],
    world_first_ids: set[str],
) -> list[Lane]:
    """One lane per (key, label); an event goes in every lane whose key `key_of[event.id]` names."""
    lanes = {key: Lane(label) for key, label in keys}
    for event in events:
        for key in key_of.get(event.id, []):
            if key in lanes:
                lanes[key].marks.append(Mark(event, classify(event, world_first_ids)))
    return list(lanes.values())
