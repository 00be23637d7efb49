"""Curated events and the launches they are (or are dated by).

An event that names its launch (`launch: 1957 ALP`, GCAT's tag) is linked to that launch. Otherwise
an event is linked to a launch when both give a UTC time of day and name the same minute (to
within 60 seconds, as sources round GCAT's seconds), on the same day, and the event is plainly
about that launch's vehicle: the vehicle's state is one of the event's countries (or of their
lineage), or the event's vehicle is of the launch vehicle's family. Events dated to the day only
are never linked: a landing or a docking often shares its day with an unrelated launch.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spacetime.core.dates import Precision
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.launches.model import Launch, family_of

if TYPE_CHECKING:
    from spacetime.load.sources import DataFiles

__all__ = ["event_launch", "events_of", "launch_of", "linked_states"]

TOLERANCE = 60  # seconds


def linked_states(timeline: Timeline, event: Event) -> set[str]:
    """The states whose launches may be this event's: its countries with their lineages."""
    states: set[str] = set()
    for code in event.countries:
        if code in timeline.entities:
            states.update(timeline.lineage(code), timeline.predecessors(code))
        states.add(code)
    return states


def _seconds(time: str | None) -> int | None:
    if time is None:
        return None
    parts = [int(p) for p in time.split(":")]
    return parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) > 2 else 0)


def _matches(timeline: Timeline, event: Event, launch: Launch) -> bool:
    if event.launch is not None:
        return event.launch == launch.tag
    start = event.date.start
    if event.date.interval or start is None or start.precision is not Precision.TIME:
        return False
    point = launch.date.start
    if point is None or point.time is None or launch.date.text[:10] != event.date.text[:10]:
        return False
    event_time, launch_time = _seconds(start.time), _seconds(point.time)
    if event_time is None or launch_time is None or abs(event_time - launch_time) > TOLERANCE:
        return False
    family = family_of(event.vehicle).casefold() if event.vehicle else None
    same_family = family == launch.family.casefold()
    return launch.state in linked_states(timeline, event) or same_family


def launch_of(timeline: Timeline, event: Event, launches: Iterable[Launch]) -> Launch | None:
    """The launch this event is (or is dated by), if one is linked."""
    return next((x for x in launches if _matches(timeline, event, x)), None)


def events_of(timeline: Timeline, launch: Launch, events: Sequence[Event]) -> list[Event]:
    """The curated events linked to this launch."""
    return [e for e in events if _matches(timeline, e, launch)]


def event_launch(timeline: Timeline, event: Event, files: DataFiles) -> Launch | None:
    """The launch the event is (or is dated by), from the launch files of `files`."""
    if not files.launches:
        return None
    from spacetime.launches.query import find_launch, launches_on

    if event.launch is not None:
        return find_launch(files, event.launch)
    day = event.date.text[:10]
    return launch_of(timeline, event, launches_on(files, day)) if len(day) == 10 else None
