"""Queries over launches: filter, sort and limit; counts by period, vehicle, site or nation;
the launch cadence of nations for `compare`.

Filters behave as for events: several values of one filter mean "any of", different filters must
all hold, and the country filter resolves names and lineage exactly as `list` does (Russia brings
in the Soviet Union unless the lineage is off). A launch lies in a `--since/--until` range when its
day does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import NamedTuple, TypeVar

from spacetime.core.errors import ParameterError, UnknownName
from spacetime.core.timeline import Timeline
from spacetime.engine.query import wanted_countries, word_pattern
from spacetime.launches.model import FROM_EARTH, Kind, Launch, Outcome, tag_key
from spacetime.load.sources import DataFiles

__all__ = [
    "By",
    "Count",
    "LaunchMatch",
    "LaunchQuery",
    "LaunchSort",
    "counts",
    "find_launch",
    "launches_on",
    "load_launches",
    "run_launches",
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
    from spacetime.launches.store import launch_files

    wanted = None if states is None else sorted(set(states))
    lists = [launch_file.launches(wanted) for launch_file in launch_files(files)]
    if len(lists) == 1:
        return lists[0]
    by_tag = {launch.tag: launch for launches in lists for launch in launches}
    return sorted(by_tag.values(), key=lambda launch: (launch.date.sort_key(), launch.tag))


def run_launches(timeline: Timeline, files: DataFiles, query: LaunchQuery) -> list[LaunchMatch]:
    """The launches `query` selects, in its order; UsageError for unknown names or bad ranges."""
    wanted = wanted_countries(timeline, query.countries, query.lineage)
    outcomes = {_choice(o, Outcome, "outcome") for o in query.outcomes}
    kinds = {_choice(k, Kind, "kind") for k in query.kinds} or FROM_EARTH
    vehicles = [_folded(v, VEHICLE_ALIASES) for v in query.vehicles]
    sites = [s.strip().casefold() for s in query.sites]
    agencies = [a.strip().casefold() for a in query.agencies]
    words = [word_pattern(w) for w in query.text.casefold().split()] if query.text else []
    if query.since and query.until and query.since > query.until:
        raise ParameterError(
            f"the range is empty: {{since}} {query.since} is after {{until}} {query.until}",
            "since",
            "until",
        )
    if query.limit is not None and query.limit < 1:
        raise ParameterError(f"{{limit}} must be 1 or more, not {query.limit}", "limit")
    since = query.since.isoformat() if query.since else None
    until = query.until.isoformat() if query.until else None
    matches = []
    for launch in load_launches(files, wanted or None):
        day = launch.date.text[:10]
        if (since and day < since) or (until and day > until):
            continue
        if outcomes and launch.outcome not in outcomes:
            continue
        if launch.kind not in kinds:
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
    """The launch with this tag, typed as GCAT writes it or with hyphens (`1957-ALP`); from the
    last launch file that has it."""
    from spacetime.launches.store import launch_files

    key = tag_key(tag)
    if not key[:4].isdigit():
        return None
    found = None
    for launch_file in launch_files(files):
        found = launch_file.find(key) or found
    return found


def launches_on(files: DataFiles, day: str) -> list[Launch]:
    """The launches of one UTC day (`YYYY-MM-DD`) in every launch file."""
    from spacetime.launches.store import launch_files

    by_tag: dict[str, Launch] = {}
    for launch_file in launch_files(files):
        by_tag.update((x.tag, x) for x in launch_file.on_day(day))
    return list(by_tag.values())


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


class Count(NamedTuple):
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
