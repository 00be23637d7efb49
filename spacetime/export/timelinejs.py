"""Knight Lab TimelineJS JSON: dates carry only the fields their precision supports.

Approximate, uncertain, decade and planned dates get a `display_date` ("c. 2026", "planned 2028");
an interval with a known end gets an `end_date`, other events none. Events are grouped by their
first country, and a few eras frame the story.

TimelineJS renders every text it is given as HTML, while spacetime's text fields are plain text:
each is escaped (`html.escape`), so a title `<b>x</b>` is shown as written, never run or styled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import Any

from spacetime.core.dates import Point, Precision
from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline
from spacetime.core.words import plural

__all__ = ["ERAS", "export", "to_timelinejs"]

# Periods shown as TimelineJS eras: (headline, first year, last year).
ERAS = (
    ("Precursors", 1903, 1956),
    ("Space Race", 1957, 1975),
    ("Stations and shuttles", 1976, 1997),
    ("The ISS era", 1998, 2019),
    ("New Moon race", 2020, 2035),
)


def _date(point: Point) -> dict[str, Any]:
    fields: dict[str, Any] = {"year": point.year}
    if point.precision >= Precision.MONTH and point.month is not None:
        fields["month"] = point.month
    if point.precision >= Precision.DAY and point.day is not None:
        fields["day"] = point.day
    if point.precision is Precision.TIME and point.time is not None:
        hour, minute, *_ = point.time.split(":")
        fields["hour"], fields["minute"] = int(hour), int(minute)
    return fields


def _slide(timeline: Timeline, event: Event) -> dict[str, Any] | None:
    start = event.date.start
    if start is None:
        return None
    slide: dict[str, Any] = {"unique_id": event.id, "start_date": _date(start)}
    if event.date.interval and event.date.end is not None:
        slide["end_date"] = _date(event.date.end)
    display = None
    if event.status is Status.PLANNED:
        display = f"planned {event.date.display()}"
    elif start.precision <= Precision.DECADE or event.date.approximate or event.date.uncertain:
        display = event.date.display()
    if display:
        slide["display_date"] = escape(display)
    text = escape(event.summary or "")
    links = " ".join(
        f'<a href="{escape(url)}">source {i}</a>' for i, url in enumerate(event.sources, 1)
    )
    slide["text"] = {"headline": escape(event.title), "text": f"<p>{text}</p><p>{links}</p>"}
    slide["group"] = escape(timeline.name_of(event.countries[0]))
    return slide


def to_timelinejs(timeline: Timeline, events: Sequence[Event]) -> dict[str, Any]:
    slides = [s for s in (_slide(timeline, e) for e in events) if s is not None]
    return {
        "title": {"text": {"headline": "The space age", "text": "<p>Exported by spacetime.</p>"}},
        "events": slides,
        "eras": [
            {"start_date": {"year": first}, "end_date": {"year": last}, "text": {"headline": name}}
            for name, first, last in ERAS
        ],
    }


def export(timeline: Timeline, events: Sequence[Event], now: datetime) -> tuple[str, str]:
    """The TimelineJS document of `events` as text, and what it holds (`now` is not used)."""
    import json

    text = json.dumps(to_timelinejs(timeline, events), ensure_ascii=False, indent=2) + "\n"
    return text, plural(len(events), "event")
