"""Search rows: per event, just what the filters look at, as plain tuples.

Rows let a query run over a timeline read from the cache without building an object for every
event: only the matches are built. A timeline loaded from files gets its rows on first query.
A row holds the first and last day (as ordinals) and the countries, then one value per filter of
`spacetime.engine.filters.FILTERS`, in its order (read when a row is built, so that the
rows and the cache's key follow the table).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine import filters

__all__ = ["COUNTRIES", "FIRST", "LAST", "row_fields", "row_layout", "row_of", "rows"]

FIRST, LAST, COUNTRIES = 0, 1, 2


def row_fields() -> tuple[str, ...]:
    """What a row holds, in order (the filters' values from position 3)."""
    return ("first", "last", "countries", *(f.name for f in filters.FILTERS))


def row_layout() -> str:
    """The row's fields and what each filter keeps of an event (its `keeps`), for the cache's
    key: a new or changed filter makes cached rows a miss."""
    return f"row{row_fields()}{[f.keeps for f in filters.FILTERS]}"


def row_of(event: Event) -> tuple[Any, ...]:
    first, last = event.date.first_day, event.date.last_day
    return (
        first.toordinal() if first else None,
        last.toordinal() if last else None,
        event.countries,
        *(f.keep(event) for f in filters.FILTERS),
    )


def rows(timeline: Timeline) -> Sequence[tuple[Any, ...]]:
    """The timeline's rows, computed once and kept on it."""
    if timeline.index is None:
        timeline.index = [row_of(e) for e in timeline.events]
    return timeline.index
