"""Search rows: per event, just what the filters look at, as plain tuples.

Rows let a query run over a timeline read from the cache without building an object for every
event: only the matches are built. A timeline loaded from files gets its rows on first query.
"""

from __future__ import annotations

from typing import Any

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline

__all__ = ["FIRST", "LAST", "ROW_FIELDS", "row_of", "rows"]

# What a row holds, in order (the cache derives its layout from this: change it with `row_of`).
ROW_FIELDS = (
    "first",
    "last",
    "countries",
    "category",
    "status",
    "milestones",
    "agencies",
    "tags",
    "haystack",
)
# Positions in a row (unpacking fails at import if the two lists disagree in length).
FIRST, LAST, COUNTRIES, CATEGORY, STATUS, MILESTONES, AGENCIES, TAGS, HAYSTACK = range(
    len(ROW_FIELDS)
)


def row_of(event: Event) -> tuple[Any, ...]:
    first, last = event.date.first_day, event.date.last_day
    haystack = " ".join((event.title, event.summary, event.mission or "", " ".join(event.tags)))
    return (
        first.toordinal() if first else None,
        last.toordinal() if last else None,
        event.countries,
        event.category,
        event.status.value,
        event.milestones,
        tuple(a.casefold() for a in event.agencies),
        event.tags,
        haystack.casefold(),
    )


def rows(timeline: Timeline) -> list[tuple[Any, ...]]:
    """The timeline's rows, computed once and kept on it."""
    if timeline.index is None:
        timeline.index = [row_of(e) for e in timeline.events]
    return timeline.index
