"""Launch cadence of nations: launches and successes per nation per period, busiest years and
first overtakes (for `compare`), and launches per year per nation (for `chart --launches`).

With the lineage on, a nation's launches include its predecessors' (Russia's the Soviet Union's).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from spacetime.core.dates import Per
from spacetime.core.timeline import Timeline
from spacetime.engine.query import wanted_countries
from spacetime.launches.model import FROM_EARTH
from spacetime.load.sources import DataFiles

__all__ = ["Cadence", "Series", "cadence", "tallies", "yearly_series"]


def tallies(files: DataFiles, states: Iterable[str]) -> Counter[tuple[str, str, str]]:
    """How many launches of these states there are per (state, year, pass mark: `S` for a
    success) in the launch files (a tag in several files is counted once, as the last has it)."""
    from spacetime.launches.store import launch_files

    opened = launch_files(files)
    if len(opened) == 1:
        return opened[0].tallies(states)
    return Counter({tag: t for f in opened for tag, t in f.tagged_tallies(states).items()}.values())


class Cadence(NamedTuple):
    """Launch cadence of nations side by side (for `compare`)."""

    nations: list[str]
    periods: list[int]
    """First years of the periods (years, or decades), from the first launch to the last."""
    by: Per
    table: dict[tuple[str, int], tuple[int, int]]
    """(nation, period) -> (launches, successes)."""
    busiest: dict[str, tuple[int, int] | None]
    """nation -> (year, launches) of its busiest year; None when it never launched."""
    overtakes: list[tuple[str, str, int]]
    """(nation, other, year): the first year in which `nation` launched more than `other` after a
    year in which `other` launched more (a nation ahead from the start overtakes no one)."""


def cadence(
    timeline: Timeline, files: DataFiles, nations: Sequence[str], lineage: bool, by: Per
) -> Cadence:
    """Launches and successes per nation per period, busiest years, and first overtakes. With the
    lineage on, a nation's launches include its predecessors' (Russia's the Soviet Union's)."""
    codes = [timeline.entity(n).code for n in nations]
    members = {code: wanted_countries(timeline, [code], lineage) for code in codes}
    wanted = set().union(*members.values()) if members else set()
    per_year: dict[str, Counter[int]] = {code: Counter() for code in codes}
    good: dict[str, Counter[int]] = {code: Counter() for code in codes}
    owners = {state: [c for c in codes if state in members[c]] for state in wanted}
    for (state, year_text, mark), count in tallies(files, wanted).items():
        year = int(year_text)
        for code in owners[state]:
            per_year[code][year] += count
            if mark == "S":
                good[code][year] += count
    years = sorted({y for counter in per_year.values() for y in counter})
    periods = list(range(by.start(years[0]), years[-1] + 1, by.step)) if years else []
    table: dict[tuple[str, int], tuple[int, int]] = {}
    for code in codes:
        for period in periods:
            span = range(period, period + by.step)
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
            if other != code:
                overtaken = _overtaken(per_year[code], per_year[other], years)
                if overtaken is not None:
                    overtakes.append((code, other, overtaken))
    overtakes.sort(key=lambda t: (t[2], t[0], t[1]))
    return Cadence(codes, periods, by, table, busiest, overtakes)


def _overtaken(mine: Counter[int], theirs: Counter[int], years: Iterable[int]) -> int | None:
    """The first year `mine` exceeds `theirs` after a year it fell short of it, or None."""
    behind = False
    for year in years:
        if mine[year] < theirs[year]:
            behind = True
        elif behind and mine[year] > theirs[year]:
            return year
    return None


class Series(NamedTuple):
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
    from spacetime.launches.query import load_launches

    first = since.isoformat() if since else ""
    last = until.isoformat() if until else "9999"
    if nations:
        codes = [timeline.entity(n).code for n in nations]
        members = {c: wanted_countries(timeline, [c], lineage) for c in codes}
        launches = load_launches(files, set().union(*members.values()))
    else:
        launches = load_launches(files)
    launches = [x for x in launches if first <= x.date.text[:10] <= last and x.kind in FROM_EARTH]
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
