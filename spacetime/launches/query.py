"""Queries over launches: filter, sort and limit; counts by period, vehicle, site or nation;
the launch cadence of nations for `compare`.

Filters behave as for events: several values of one filter mean "any of", different filters must
all hold, and the country filter resolves names and lineage exactly as `list` does (Russia brings
in the Soviet Union unless the lineage is off). A launch lies in a `--since/--until` range when its
day does.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from spacetime.core.timeline import Timeline
from spacetime.engine.query import check_range, wanted_countries
from spacetime.launches.model import FROM_EARTH, Launch, tag_key
from spacetime.load.sources import DataFiles

if TYPE_CHECKING:
    from spacetime.launches.names import Known
    from spacetime.launches.store import LaunchFile

__all__ = [
    "By",
    "Count",
    "LaunchMatch",
    "LaunchQuery",
    "LaunchSort",
    "counts",
    "find_launch",
    "launch_anniversaries",
    "launches_on",
    "load_launches",
    "run_launches",
]


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
    VARIANT = "variant"
    SITE = "site"
    COUNTRY = "country"


class LaunchQuery(NamedTuple):
    """What to find; names are as a user types them (`china`, `long march 5`, `baikonur`).
    `filters` holds the values of the filters of `spacetime.launches.filters.LAUNCH_FILTERS` by
    name, as given: `{"vehicle": ["cz-5"], "site": "wenchang", "search": "chang'e"}`."""

    countries: Sequence[str] = ()
    lineage: bool = True
    filters: Mapping[str, Any] = MappingProxyType({})
    since: date | None = None
    until: date | None = None
    sort: LaunchSort = LaunchSort.DATE
    reverse: bool = False
    limit: int | None = None


class LaunchMatch(NamedTuple):
    """A launch found by a query; `stands_for` names the successor it was found for (SU for RU)."""

    launch: Launch
    stands_for: str | None = None


def load_launches(
    files: "DataFiles | Sequence[LaunchFile]", states: Iterable[str] | None = None
) -> list[Launch]:
    """The launches of the launch files (or of those already opened), of the given entity codes
    only when given, in date order; a tag in several files is taken from the last one."""
    from spacetime.launches.store import launch_files

    opened = launch_files(files) if isinstance(files, DataFiles) else files
    wanted = None if states is None else sorted(set(states))
    lists = [launch_file.launches(wanted) for launch_file in opened]
    if len(lists) == 1:
        return lists[0]
    by_tag = {launch.tag: launch for launches in lists for launch in launches}
    return sorted(by_tag.values(), key=lambda launch: (launch.date.sort_key(), launch.tag))


def run_launches(timeline: Timeline, files: DataFiles, query: LaunchQuery) -> list[LaunchMatch]:
    """The launches `query` selects, in its order; UsageError for unknown names or bad ranges.
    Launches from another world (`off-earth`) are left out unless the kind filter names them."""
    from spacetime.launches.filters import LAUNCH_FILTERS
    from spacetime.launches.store import launch_files

    wanted = wanted_countries(timeline, query.countries, query.lineage)
    opened = launch_files(files)
    known: Known | None = None  # the names the files hold: imported and made for a filter only
    names = [f.name for f in LAUNCH_FILTERS]
    for name in query.filters:
        if name not in names:
            raise TypeError(f"no launch filter is called {name!r} (filters: {', '.join(names)})")
    active = []
    for f in LAUNCH_FILTERS:
        chosen = f.read(query.filters.get(f.name))
        if chosen:
            if known is None:
                from spacetime.launches import names as launch_names

                known = launch_names.Known(opened)
            active.append((f.keep, f.test, f.resolve(known, chosen)))
    if not any(f.name == "kind" and f.read(query.filters.get("kind")) for f in LAUNCH_FILTERS):
        active.append((lambda launch: launch.kind, lambda kinds, kind: kind in kinds, FROM_EARTH))
    check_range(query.since, query.until, query.limit)
    since = query.since.isoformat() if query.since else None
    until = query.until.isoformat() if query.until else None
    matches = []
    for launch in load_launches(opened, wanted or None):
        day = launch.date.text[:10]
        if (since and day < since) or (until and day > until):
            continue
        if all(test(chosen, keep(launch)) for keep, test, chosen in active):
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


def launch_anniversaries(
    matches: Sequence[LaunchMatch], month: int, day: int, year: int, *, window: int = 0
) -> list[LaunchMatch]:
    """The matches whose UTC day falls on month/day (within `window` days) in any year, in the
    order of that day around `year`, then by date."""
    from spacetime.engine.anniversaries import falls_on

    found = []
    for match in matches:
        own = date.fromisoformat(match.launch.date.text[:10])
        on = falls_on(own, month, day, year, window)
        if on is not None:
            found.append((on, own, match))
    found.sort(key=lambda item: (item[0], item[1], tag_key(item[2].launch.tag)))
    return [match for _, _, match in found]


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
        elif by is By.VARIANT:
            key = launch.vehicle
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
