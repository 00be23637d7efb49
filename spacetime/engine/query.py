"""Filter, sort and limit the events of a timeline.

Several values of one filter mean "any of"; different filters must all hold. Country filters follow
the lineage: asking for Russia also finds the Soviet Union's (and the Russian Empire's) events,
each marked with the entity it stands in for, unless `lineage` is off. An event matches a date range
when its own period overlaps the range (an ongoing event overlaps every range after its start).
"""

from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from spacetime.core.errors import ParameterError, UnknownName
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine import filters
from spacetime.engine.filters import word_pattern
from spacetime.engine.index import COUNTRIES, FIRST, LAST, rows

__all__ = ["Match", "Query", "SortKey", "check_range", "run", "wanted_countries", "word_pattern"]


class SortKey(StrEnum):
    DATE = "date"
    ID = "id"
    TITLE = "title"


class Query(NamedTuple):
    """What to find. Names are as a user types them: `china`, `ussr`, `first-satellite`.
    `filters` holds the values of the filters of `spacetime.engine.filters.FILTERS` by name, as
    given: `{"milestone": ["first-satellite"], "agency": "nasa,esa", "search": "moon"}`."""

    countries: Sequence[str] = ()
    lineage: bool = True
    filters: Mapping[str, Any] = MappingProxyType({})
    since: date | None = None
    until: date | None = None
    sort: SortKey = SortKey.DATE
    reverse: bool = False
    limit: int | None = None


class Match:
    """An event found by a query; `stands_for` names the successor it was found for (SU for RU).
    A query's match holds the event's place in its timeline and reads the event from there each
    time (a timeline read from the cache keeps only the events it built lately), so that a long
    answer written record by record never holds every event at once."""

    __slots__ = ("_event", "_position", "_timeline", "stands_for")

    def __init__(
        self,
        event: Event | None = None,
        stands_for: str | None = None,
        *,
        timeline: Timeline | None = None,
        position: int = 0,
    ) -> None:
        """The match of `event`, or of the event at `position` in `timeline`."""
        self._event = event
        self._timeline = timeline
        self._position = position
        self.stands_for = stands_for

    @property
    def event(self) -> Event:
        if self._timeline is not None:
            return self._timeline.event_at(self._position)
        assert self._event is not None
        return self._event


def run(timeline: Timeline, query: Query) -> list[Match]:
    """The events of `timeline` that `query` selects, in its order; UsageError for unknown names."""
    wanted = wanted_countries(timeline, query.countries, query.lineage)
    known = [f.name for f in filters.FILTERS]
    for name in query.filters:
        if name not in known:
            raise TypeError(f"no event filter is called {name!r} (filters: {', '.join(known)})")
    active = []
    for position, f in enumerate(filters.FILTERS, start=COUNTRIES + 1):
        chosen = f.read(query.filters.get(f.name))
        if chosen:
            active.append((position, f.test, f.resolve(timeline, chosen)))
    check_range(query.since, query.until, query.limit)

    since = query.since.toordinal() if query.since else None
    until = query.until.toordinal() if query.until else None
    matches = []
    for position, row in enumerate(rows(timeline)):
        stands_for = None
        if wanted:
            hits = [wanted[c] for c in row[COUNTRIES] if c in wanted]
            if not hits:
                continue
            stands_for = None if None in hits else hits[0]
        if not all(test(chosen, row[at]) for at, test, chosen in active):
            continue
        if since is not None and row[LAST] is not None and row[LAST] < since:
            continue
        if until is not None and row[FIRST] is not None and row[FIRST] > until:
            continue
        matches.append(Match(None, stands_for, timeline=timeline, position=position))
    if query.sort is SortKey.ID:
        matches.sort(key=lambda m: m.event.id)
    elif query.sort is SortKey.TITLE:
        matches.sort(key=lambda m: (m.event.title.casefold(), m.event.id))
    if query.reverse:
        matches.reverse()
    return matches[: query.limit] if query.limit else matches


def check_range(since: date | None, until: date | None, limit: int | None) -> None:
    """ParameterError for an empty date range or a limit below 1 (events and launches alike)."""
    if since and until and since > until:
        raise ParameterError(
            f"the range is empty: {{since}} {since} is after {{until}} {until}", "since", "until"
        )
    if limit is not None and limit < 1:
        raise ParameterError(f"{{limit}} must be 1 or more, not {limit}", "limit")


def wanted_countries(
    timeline: Timeline, names: Sequence[str], lineage: bool = True
) -> dict[str, str | None]:
    """Entity code -> None when asked for directly, or the successor it stands for (with the
    lineage on, Russia brings in the Soviet Union: SU -> RU)."""
    wanted: dict[str, str | None] = {}
    for name in names:
        code = _entity_or_agency_hint(timeline, name)
        wanted[code] = None
        if lineage:
            for older in timeline.predecessors(code):
                wanted.setdefault(older, code)
    return wanted


def _entity_or_agency_hint(timeline: Timeline, name: str) -> str:
    """The entity's code; for a name that is an agency rather than a country, a hint to use
    the agency filter (`-c nasa`)."""
    try:
        return timeline.entity(name).code
    except UnknownName:
        wanted = name.strip().casefold()
        for event in timeline.events:
            for agency in event.agencies:
                if agency.casefold() == wanted:
                    raise ParameterError(
                        f"'{name}' is an agency, not a country or organization: "
                        f"use {{agency}} {agency}",
                        "agency",
                    ) from None
        raise
