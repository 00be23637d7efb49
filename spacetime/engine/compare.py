"""Compare nations side by side: the milestone matrix, a summary per nation, activity over time.

For each milestone the world first is the earliest achieved claim by anyone; a nation's cell is its
own earliest achieved claim, or, with the lineage on, the earliest among it and its predecessors
(Russia's column shows the Soviet Union's firsts, marked with the code that achieved them). A nation
with no achievement but a plan shows the plan. Lags are measured between first days.
"""

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from spacetime.core.dates import Per, days_in_month
from spacetime.core.errors import ParameterError, UsageError
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.firsts import Claim, Rank, claims, ranks, world_firsts
from spacetime.engine.index import COUNTRIES, FIRST, row_fields
from spacetime.engine.index import rows as search_rows

__all__ = ["Cell", "Comparison", "NationSummary", "Period", "compare", "lag_parts", "nation_cells"]

_CATEGORY, _MILESTONES = (row_fields().index(name) for name in ("category", "milestone"))
"""Where a search row (`spacetime.engine.index`) holds an event's category and milestones."""


class Cell(NamedTuple):
    """One nation's claim to one milestone (or its plan), with its place in the race."""

    milestone: str
    nation: str
    event: Event | None
    by: str | None = None  # the entity that achieved it, when not the nation itself (SU for RU)
    planned: bool = False
    world_first: bool = False
    first_among: bool = False
    lag_days: int | None = None
    lag: tuple[int, int] | None = None  # whole years and months behind the world first
    via: str | None = None  # the implying milestone when the claim comes from a rule (orbit)
    rank: int | None = None  # 1 for the world first, 2 for the next nation...
    before: tuple[str, ...] = ()  # the entities that achieved it earlier, in order


class Period(NamedTuple):
    start: int  # first year of the period
    label: str


class NationSummary(NamedTuple):
    nation: str
    achieved: int
    world_firsts: int
    planned: int
    median_lag_days: float | None
    by_decade: dict[str, tuple[int, float]]
    """Decade reached -> (milestones reached in it, their median lag in days)."""


class Comparison(NamedTuple):
    nations: list[str]
    milestones: list[str]
    world_firsts: dict[str, Event]
    cells: dict[tuple[str, str], Cell]
    summaries: list[NationSummary]
    periods: list[Period]
    activity: dict[str, Counter[tuple[int, str]]]  # nation -> (period start, category) -> count


def period_kind(by: Per | str) -> Per:
    """`by` as a `Per` (ParameterError for anything but decade or year)."""
    try:
        return Per(by)
    except ValueError:
        raise ParameterError(f"{{by}} must be decade or year, not '{by}'", "by") from None


def lag_parts(later: date, earlier: date) -> tuple[int, int]:
    """Whole years and months from `earlier` to `later`, counted as python-dateutil's
    relativedelta counts them (a month on from 31 January is the last day of February)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    step = -1 if later >= earlier else 1
    while (
        (later < _months_on(earlier, months)) if step < 0 else (later > _months_on(earlier, months))
    ):
        months += step
    years, rest = divmod(abs(months), 12)
    sign = -1 if months < 0 else 1
    return sign * years, sign * rest


def _months_on(day: date, months: int) -> date:
    """`day` moved by whole months, kept within the month it lands in."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def _median(values: Sequence[int]) -> float:
    """The middle value (the mean of the two middle ones for an even count), as `statistics`
    gives it, without loading that module at start-up."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def compare(
    timeline: Timeline,
    nations: Sequence[str],
    *,
    events: Sequence[Event] | None = None,
    lineage: bool = True,
    by: Per | str = Per.DECADE,
) -> Comparison:
    """Compare 2 to 8 nations over `events` (all of the timeline's by default)."""
    codes = list(dict.fromkeys(timeline.entity(n).code for n in nations))
    if not 2 <= len(codes) <= 8:
        raise UsageError(f"compare takes 2 to 8 different nations, not {len(codes)}")
    per = period_kind(by)
    if events is None:  # from the search rows: only the events with milestones are built
        scoped, dated = [], []  # one pass over the rows (each is read from the cache entry)
        for i, row in enumerate(search_rows(timeline)):
            if row[_MILESTONES]:
                scoped.append(timeline.event_at(i))
            if row[FIRST] is not None:
                dated.append((date.fromordinal(row[FIRST]).year, row[COUNTRIES], row[_CATEGORY]))
    else:
        scoped = list(events)
        dated = [
            (e.date.first_day.year, e.countries, e.category) for e in scoped if e.date.first_day
        ]
    scope = Timeline(scoped, timeline.entities, timeline.milestones, timeline.categories)
    found = claims(scope)
    places = ranks(timeline, found, lineage=lineage)
    members = {c: [c, *(timeline.predecessors(c) if lineage else [])] for c in codes}
    world: dict[str, Event] = {}
    cells: dict[tuple[str, str], Cell] = {}
    for milestone, claimed in found.items():
        done = [c for c in claimed if not c.planned]
        if done:
            world[milestone] = done[0].event
        for nation in codes:
            cells[milestone, nation] = _cell(
                milestone, nation, claimed, members[nation], world, places.get(milestone, {})
            )
        _mark_first_among(cells, milestone, codes)
    rows = [m for m in timeline.milestones if events is None or found.get(m)]
    summaries = [_summary(nation, [cells[m, nation] for m in rows]) for nation in codes]
    periods, activity = _activity(dated, codes, members, per)
    return Comparison(codes, rows, world, cells, summaries, periods, activity)


def nation_cells(timeline: Timeline, nation: str, *, lineage: bool = True) -> list[Cell]:
    """One nation's cell for every milestone of the vocabulary (`spacetime firsts --country`)."""
    code = timeline.entity(nation).code
    members = [code, *(timeline.predecessors(code) if lineage else [])]
    found = claims(timeline)
    world = world_firsts(timeline)
    places = ranks(timeline, found, lineage=lineage)
    return [
        _cell(m, code, found.get(m, []), members, world, places.get(m, {}))
        for m in timeline.milestones
    ]


def _cell(
    milestone: str,
    nation: str,
    claimed: list[Claim],
    members: list[str],
    world: dict[str, Event],
    places: dict[str, Rank],
) -> Cell:
    own = [c for c in claimed if c.country in members]
    done = [c for c in own if not c.planned]
    if not done:
        plans = [c for c in own if c.planned]
        if plans:
            plan = plans[0]
            return Cell(
                milestone, nation, plan.event, _by(plan, nation), planned=True, via=plan.via
            )
        return Cell(milestone, nation, None)
    claim = done[0]
    first = world[milestone]
    lag_days = _days(claim.event) - _days(first)
    lag = lag_parts(_first(claim.event), _first(first))
    place = places.get(nation)
    return Cell(
        milestone,
        nation,
        claim.event,
        _by(claim, nation),
        world_first=claim.event.id == first.id,
        lag_days=lag_days,
        lag=lag,
        via=claim.via,
        rank=place.place if place else None,
        before=place.before if place else (),
    )


def _mark_first_among(cells: dict[tuple[str, str], Cell], milestone: str, codes: list[str]) -> None:
    achieved = [cells[milestone, n] for n in codes if cells[milestone, n].lag_days is not None]
    if not achieved:
        return
    best = min(c.lag_days for c in achieved if c.lag_days is not None)
    for cell in achieved:
        if cell.lag_days == best:
            cells[milestone, cell.nation] = cell._replace(first_among=True)


def _by(claim: Claim, nation: str) -> str | None:
    return None if claim.country == nation else claim.country


def _first(event: Event) -> date:
    first = event.date.first_day
    assert first is not None
    return first


def _days(event: Event) -> int:
    return _first(event).toordinal()


def _summary(nation: str, cells: list[Cell]) -> NationSummary:
    achieved = [c for c in cells if c.lag_days is not None]
    lags = [c.lag_days for c in achieved if c.lag_days is not None]
    by_decade: dict[str, list[int]] = {}
    for cell in achieved:
        assert cell.event is not None and cell.lag_days is not None
        decade = _first(cell.event).year // 10 * 10
        by_decade.setdefault(f"{decade}s", []).append(cell.lag_days)
    return NationSummary(
        nation=nation,
        achieved=len(achieved),
        world_firsts=sum(1 for c in achieved if c.world_first),
        planned=sum(1 for c in cells if c.planned),
        median_lag_days=_median(lags) if lags else None,
        by_decade={k: (len(v), _median(v)) for k, v in sorted(by_decade.items())},
    )


def _activity(
    dated: list[tuple[int, tuple[str, ...], str | None]],
    codes: list[str],
    members: dict[str, list[str]],
    by: Per,
) -> tuple[list[Period], dict[str, Counter[tuple[int, str]]]]:
    """Events per period and category of each nation, from the (first year, countries,
    category) of the dated events."""
    counts: dict[str, Counter[tuple[int, str]]] = {n: Counter() for n in codes}
    starts: set[int] = set()
    groups = [(counts[nation], set(members[nation])) for nation in codes]
    for year, countries, category in dated:
        start = by.start(year)
        for counter, group in groups:
            if not group.isdisjoint(countries):
                counter[start, category or "uncategorized"] += 1
                starts.add(start)
    periods = []
    if starts:
        for start in range(min(starts), max(starts) + 1, by.step):
            periods.append(Period(start, by.label(start)))
    return periods, counts
