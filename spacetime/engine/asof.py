"""The timeline as it stood on a past day (`--as-of DATE`).

An event is kept when it had begun by that day (its first day is on or before it): later events
are left out, whatever became of them. A plan (status `planned`) is kept only when its last
confirmation is known to be on or before the day (`confirmed`'s last day: a plan confirmed "2021"
counts from 31 December 2021); a plan confirmed later, or never, is left out, since the timeline
cannot say it was already planned then. An event with no start (`../2030`) is kept as it is.
Everything computed from the kept events (world firsts, lags, counts) then follows.
"""

from __future__ import annotations

from datetime import date

from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline

__all__ = ["as_of", "known_on"]


def known_on(event: Event, day: date) -> bool:
    """Whether the event belongs to the world as it stood on `day`."""
    if event.status is Status.PLANNED:
        confirmed = event.confirmed.last_day if event.confirmed else None
        return confirmed is not None and confirmed <= day
    first = event.date.first_day
    return first is None or first <= day


def as_of(timeline: Timeline, day: date) -> Timeline:
    """A timeline of the events known on `day`, with the same vocabularies."""
    return Timeline(
        [e for e in timeline.events if known_on(e, day)],
        timeline.entities,
        timeline.milestones,
        timeline.categories,
        timeline.files,
        replaced=timeline.replaced,
    )
