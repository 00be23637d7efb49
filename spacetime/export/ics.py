"""An iCalendar file of anniversaries: one yearly, all-day event per event known to the day.

Built with the `icalendar` library, which handles line folding and escaping. An event of
29 February recurs on 29 February only (RFC 5545 skips the years without one).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacetime.core.dates import Precision
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline

__all__ = ["to_ics"]

PRODID = "-//spacetime//space age anniversaries//EN"


def to_ics(timeline: Timeline, events: Sequence[Event]) -> str:
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Space age anniversaries (spacetime)")
    for event in events:
        start = event.date.start
        if start is None or start.precision < Precision.DAY:
            continue
        day = start.first_day
        entry = CalendarEvent()
        entry.add("uid", f"{event.id}@spacetime")
        entry.add("summary", event.title)
        entry.add("dtstart", day)
        entry.add("dtend", date.fromordinal(day.toordinal() + 1))
        entry.add("dtstamp", _stamp(day))
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


def _stamp(day: date) -> object:
    """A fixed DTSTAMP (the event's own day) so that the same data always exports the same file."""
    from datetime import UTC, datetime

    return datetime(day.year, day.month, day.day, tzinfo=UTC)
