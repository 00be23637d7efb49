"""An iCalendar file of anniversaries: one yearly, all-day event per event known to the day.

Built with the `icalendar` library, which handles line folding and escaping. An event of
29 February recurs on 29 February only (RFC 5545 skips the years without one). An event known
only to the year, month or decade has no day to recur on and is left out (`by_day` says which).
DTSTAMP is the time the calendar was made (RFC 5545), given by the caller so that a test can fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from spacetime.core.dates import Precision
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.core.words import plural

__all__ = ["by_day", "export", "to_ics"]

PRODID = "-//spacetime//space age anniversaries//EN"


def by_day(events: Sequence[Event]) -> tuple[list[Event], list[Event]]:
    """The events known to the day (a calendar can hold them), and the others."""
    known: list[Event] = []
    vague: list[Event] = []
    for event in events:
        start = event.date.start
        (known if start is not None and start.precision >= Precision.DAY else vague).append(event)
    return known, vague


def to_ics(timeline: Timeline, events: Sequence[Event], created: datetime) -> str:
    """The calendar of `events` (each known to the day: see `by_day`), stamped `created` (UTC)."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Space age anniversaries (spacetime)")
    for event in events:
        assert event.date.start is not None
        day = event.date.start.first_day
        entry = CalendarEvent()
        entry.add("uid", f"{event.id}@spacetime")
        entry.add("summary", event.title)
        entry.add("dtstart", day)
        entry.add("dtend", date.fromordinal(day.toordinal() + 1))
        entry.add("dtstamp", created)
        entry.add("rrule", {"freq": "yearly"})
        who = timeline.names_of(event.countries)
        text = f"{day.year} ({event.date.display()}), {who}."
        if event.summary:
            text += f"\n\n{event.summary}"
        text += "\n\nSources:\n" + "\n".join(event.sources)
        entry.add("description", text)
        entry.add("url", event.sources[0])
        if event.category:
            entry.add("categories", [event.category])
        calendar.add_component(entry)
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


def export(timeline: Timeline, events: Sequence[Event], now: datetime) -> tuple[str, str]:
    """The calendar of `events` made at `now`, and what it holds (for the message on stderr)."""
    known, vague = by_day(events)
    held = f"{plural(len(known), 'event')} as yearly anniversaries"
    if vague:
        held += (
            f"; left out {plural(len(vague), 'event')} not known to the day (a year, month or "
            "decade: no day to recur on)"
        )
    return to_ics(timeline, known, now), held
