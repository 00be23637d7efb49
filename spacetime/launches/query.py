"""Queries over launches: filter, sort and limit; counts by period, vehicle, site or nation;
the launch cadence of nations for `compare`.

Filters behave as for events: several values of one filter mean "any of", different filters must
all hold, and the country filter resolves names and lineage exactly as `list` does (Russia brings
in the Soviet Union unless the lineage is off). A launch lies in a `--since/--until` range when its
day does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple, TypeVar

from spacetime.core.errors import UnknownName, UsageError
from spacetime.core.timeline import Timeline
from spacetime.engine.query import wanted_countries, word_pattern
from spacetime.launches.model import Kind, Launch, Outcome, tag_key
from spacetime.load.sources import DataFiles

__all__ = [
    "By",
    "Cadence",
    "Count",
    "LaunchMatch",
    "LaunchQuery",
    "LaunchSort",
    "Series",
    "cadence",
    "counts",
    "find_launch",
    "load_launches",
    "run_launches",
    "yearly_series",
]

_E = TypeVar("_E", bound=StrEnum)
VEHICLE_ALIASES = {"long march": "chang zheng", "cz": "chang zheng"}


class LaunchSort(StrEnum):
    DATE = "date"
    TAG = "tag"
    VEHICLE = "vehicle"
    SITE = "site"
    COUNTRY = "country"


class By(StrEnum):
    YEAR = "year"
    DECADE = "decade"
    VEHICLE = "vehicle"
    SITE = "site"
    COUNTRY = "country"


class LaunchQuery(NamedTuple):
    """What to find; names are as a user types them (`china`, `falcon`, `baykonur`)."""

    countries: Sequence[str] = ()
    lineage: bool = True
    vehicles: Sequence[str] = ()
    sites: Sequence[str] = ()
    agencies: Sequence[str] = ()
    outcomes: Sequence[str] = ()
    kinds: Sequence[str] = ()
    text: str | None = None
    since: date | None = None
    until: date | None = None
    sort: LaunchSort = LaunchSort.DATE
    reverse: bool = False
    limit: int | None = None


class LaunchMatch(NamedTuple):
    """A launch found by a query; `stands_for` names the successor it was found for (SU for RU)."""

    launch: Launch
    stands_for: str | None = None


def load_launches(files: DataFiles, states: Iterable[str] | None = None) -> list[Launch]:
    """The launches of the launch files (of the given entity codes only, when given), in date
    order; a tag in several files is taken from the last one."""
    from spacetime.launches.store import LaunchFile

    wanted = None if states is None else sorted(set(states))
    lists = [
        LaunchFile(path, name).launches(wanted)
        for path, name in zip(files.launches, files.launch_names, strict=True)
    ]
    if len(lists) == 1:
        return lists[0]
    by_tag = {launch.tag: launch for launches in lists for launch in launches}
    return sorted(by_tag.values(), key=lambda launch: (launch.date.sort_key(), launch.tag))


def run_launches(timeline: Timeline, files: DataFiles, query: LaunchQuery) -> list[LaunchMatch]:
    """The launches `query` selects, in its order; UsageError for unknown names or bad ranges."""
    wanted = wanted_countries(timeline, query.countries, query.lineage)
    outcomes = {_choice(o, Outcome, "outcome") for o in query.outcomes}
    kinds = {_choice(k, Kind, "kind") for k in query.kinds}
    vehicles = [_folded(v, VEHICLE_ALIASES) for v in query.vehicles]
    sites = [s.strip().casefold() for s in query.sites]
    agencies = [a.strip().casefold() for a in query.agencies]
    words = [word_pattern(w) for w in query.text.casefold().split()] if query.text else []
    if query.since and query.until and query.since > query.until:
        raise UsageError(
            f"the range is empty: --since {query.since} is after --until {query.until}"
        )
    if query.limit is not None and query.limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {query.limit}")
    since = query.since.isoformat() if query.since else None
    until = query.until.isoformat() if query.until else None
    matches = []
    for launch in load_launches(files, wanted or None):
        day = launch.date.text[:10]
        if (since and day < since) or (until and day > until):
            continue
        if outcomes and launch.outcome not in outcomes:
            continue
        if kinds and launch.kind not in kinds:
            continue
        if vehicles and not any(_vehicle_matches(launch, v) for v in vehicles):
            continue
        if sites and not any(_site_matches(launch, s) for s in sites):
            continue
        if agencies and not any(_agency_matches(launch, a) for a in agencies):
            continue
        if words:
            haystack = " ".join(
                (launch.tag, launch.vehicle, launch.flight, *launch.payloads)
            ).casefold()
            if not all(word.search(haystack) for word in words):
                continue
        matches.append(LaunchMatch(launch, wanted.get(launch.state)))
    order = {
        LaunchSort.TAG: lambda m: tag_key(m.launch.tag),
        LaunchSort.VEHICLE: lambda m: m.launch.vehicle.casefold(),
        LaunchSort.SITE: lambda m: m.launch.site.code.casefold(),
        LaunchSort.COUNTRY: lambda m: timeline.name_of(m.launch.state).casefold(),
    }.get(query.sort)
    if order is not None:
        matches.sort(key=order)
    if query.reverse:
        matches.reverse()
    return matches[: query.limit] if query.limit else matches


def find_launch(files: DataFiles, tag: str) -> Launch | None:
    """The launch with this tag, typed as GCAT writes it or with hyphens (`1957-ALP`)."""
    key = tag_key(tag)
    if not key[:4].isdigit():
        return None
    found = None
    for launch in load_launches(files):
        if tag_key(launch.tag) == key:
            found = launch
    return found


def _choice(name: str, enum: type[_E], what: str) -> _E:
    try:
        return enum(name.strip().casefold())
    except ValueError:
        raise UnknownName(what, name, [e.value for e in enum]) from None


def _folded(name: str, aliases: dict[str, str]) -> str:
    folded = " ".join(name.casefold().split())
    return aliases.get(folded, folded)


def _vehicle_matches(launch: Launch, wanted: str) -> bool:
    """The family or the exact vehicle, or the start of the vehicle's name up to a word end
    (`chang zheng 2` finds Chang Zheng 2C and 2D)."""
    vehicle = launch.vehicle.casefold()
    if wanted in (vehicle, launch.family.casefold()):
        return True
    return vehicle.startswith(wanted) and vehicle[len(wanted)] in " -/"


def _site_matches(launch: Launch, wanted: str) -> bool:
    """The site code, or words that start words of the site's name (`baykonur`, `kourou`)."""
    if wanted == launch.site.code.casefold():
        return True
    name = launch.site.name.casefold()
    return bool(name) and all(word_pattern(w).search(name) for w in wanted.split())


def _agency_matches(launch: Launch, wanted: str) -> bool:
    """The agency code (or one of the parts of `JSC/MSFC`), or its name."""
    codes = [launch.agency.casefold(), *launch.agency.casefold().split("/")]
    names = [launch.agency_name.casefold(), *launch.agency_name.casefold().split("/")]
    return wanted in codes or wanted in names


@dataclass(frozen=True)
class Count:
    """Launches of one group (a period, a vehicle family, a site or a nation, or a period and a
    nation): how many, how many GCAT counts as successes, failures, and partial successes."""

    key: str | int
    nation: str | None
    launches: int
    successes: int
    failures: int
    partial: int

    @property
    def success_rate(self) -> float:
        return self.successes / self.launches if self.launches else 0.0


def counts(matches: Sequence[LaunchMatch], by: By, per_nation: bool = False) -> list[Count]:
    """Counts of the matches by `by` (and by the launch's own state when `per_nation`); periods
    in time order with empty years or decades kept, other groups most launches first."""
    groups: dict[tuple[str | int, str | None], list[int]] = {}
    for match in matches:
        launch = match.launch
        key: str | int
        if by is By.YEAR:
            key = launch.year
        elif by is By.DECADE:
            key = launch.year // 10 * 10
        elif by is By.VEHICLE:
            key = launch.family
        elif by is By.SITE:
            key = launch.site.code
        else:
            key = launch.state
        nation = launch.state if per_nation and by is not By.COUNTRY else None
        tally = groups.setdefault((key, nation), [0, 0, 0, 0])
        tally[0] += 1
        tally[1] += launch.success
        tally[2] += not launch.success
        tally[3] += launch.percent is not None
    result = [Count(k, n, *tally) for (k, n), tally in groups.items()]
    if by in (By.YEAR, By.DECADE):
        step = 1 if by is By.YEAR else 10
        nations = sorted({c.nation for c in result}, key=lambda n: n or "")
        have = {(c.key, c.nation) for c in result}
        if result:
            years = [int(c.key) for c in result]
            for period in range(min(years), max(years) + 1, step):
                for nation in nations:
                    if (period, nation) not in have:
                        result.append(Count(period, nation, 0, 0, 0, 0))
        result.sort(key=lambda c: (int(c.key), c.nation or ""))
    else:
        result.sort(key=lambda c: (-c.launches, str(c.key), c.nation or ""))
    return result


@dataclass(frozen=True)
class Cadence:
    """Launch cadence of nations side by side (for `compare`)."""

    nations: list[str]
    periods: list[int]
    """First years of the periods (years, or decades), from the first launch to the last."""
    by: str
    table: dict[tuple[str, int], tuple[int, int]]
    """(nation, period) -> (launches, successes)."""
    busiest: dict[str, tuple[int, int] | None]
    """nation -> (year, launches) of its busiest year; None when it never launched."""
    overtakes: list[tuple[str, str, int]]
    """(nation, other, year): the first year in which both launched and `nation` launched more
    than `other`."""


def cadence(
    timeline: Timeline, files: DataFiles, nations: Sequence[str], lineage: bool, by: str
) -> Cadence:
    """Launches and successes per nation per period, busiest years, and first overtakes. With the
    lineage on, a nation's launches include its predecessors' (Russia's the Soviet Union's)."""
    codes = [timeline.entity(n).code for n in nations]
    members = {code: wanted_countries(timeline, [code], lineage) for code in codes}
    wanted = set().union(*members.values()) if members else set()
    per_year: dict[str, Counter[int]] = {code: Counter() for code in codes}
    good: dict[str, Counter[int]] = {code: Counter() for code in codes}
    for launch in load_launches(files, wanted):
        for code in codes:
            if launch.state in members[code]:
                per_year[code][launch.year] += 1
                good[code][launch.year] += launch.success
    years = sorted({y for counter in per_year.values() for y in counter})
    step = 1 if by == "year" else 10
    periods = list(range(years[0] // step * step, years[-1] + 1, step)) if years else []
    table: dict[tuple[str, int], tuple[int, int]] = {}
    for code in codes:
        for period in periods:
            span = range(period, period + step)
            table[code, period] = (
                sum(per_year[code][y] for y in span),
                sum(good[code][y] for y in span),
            )
    busiest: dict[str, tuple[int, int] | None] = {}
    for code in codes:
        counter = per_year[code]
        busiest[code] = max(counter.items(), key=lambda kv: (kv[1], -kv[0])) if counter else None
    overtakes = []
    for code in codes:
        for other in codes:
            year = next(
                (
                    y
                    for y in years
                    if other != code
                    and per_year[other][y]
                    and per_year[code][y] > per_year[other][y]
                ),
                None,
            )
            if year is not None:
                overtakes.append((code, other, year))
    overtakes.sort(key=lambda t: (t[2], t[0], t[1]))
    return Cadence(codes, periods, by, table, busiest, overtakes)


@dataclass(frozen=True)
class Series:
    """Launches per year of one nation (with its predecessors when the lineage is on), or of
    every state not drawn on its own ("Other")."""

    code: str | None
    label: str
    per_year: dict[int, int]


def yearly_series(
    timeline: Timeline,
    files: DataFiles,
    nations: Sequence[str],
    lineage: bool,
    since: date | None = None,
    until: date | None = None,
    top: int = 6,
) -> tuple[list[int], list[Series]]:
    """Years (first to last launch in range) and the series to draw: the nations asked for, or
    else the `top` states with the most launches and "Other" for the rest."""
    first = since.isoformat() if since else ""
    last = until.isoformat() if until else "9999"
    if nations:
        codes = [timeline.entity(n).code for n in nations]
        members = {c: wanted_countries(timeline, [c], lineage) for c in codes}
        launches = load_launches(files, set().union(*members.values()))
    else:
        launches = load_launches(files)
    launches = [x for x in launches if first <= x.date.text[:10] <= last]
    if not nations:
        totals = Counter(x.state for x in launches)
        codes = [code for code, _ in totals.most_common(top)]
        members = {c: {c: None} for c in codes}
    series: list[Series] = []
    for code in codes:
        mine = [x for x in launches if x.state in members[code]]
        counter = Counter(x.year for x in mine)
        label = timeline.name_of(code)
        flown = {x.state for x in mine}
        older = [timeline.name_of(m) for m in members[code] if m != code and m in flown]
        if older:
            label += f" (with {', '.join(older)})"
        series.append(Series(code, label, dict(counter)))
    if not nations:
        rest = Counter(x.year for x in launches if x.state not in codes)
        if rest:
            series.append(Series(None, "Other", dict(rest)))
    years = sorted({x.year for x in launches})
    return (list(range(years[0], years[-1] + 1)) if years else []), series
