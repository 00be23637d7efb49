"""spacetime as a Python library: load a timeline, ask it what the commands ask, get typed answers.

`Atlas.load()` reads the bundled timeline and launch log (and any files given) into an `Atlas`, whose
methods take the command line's filters as keyword arguments (`country="russia"`,
`since="1960s"`, `milestone="crewed-orbit"`...) and return a `Result`: the engine's own typed
objects in `value`, and `records()` / `to_json()` giving exactly what the command prints with
`--json` (the records are built by the same output functions). Nothing here touches the process:
no environment variable is read (neither `$SPACETIME_DATA` nor the personal timeline unless asked),
the garbage collector is left as it was, and errors are `spacetime.core.errors` exceptions whose
messages name the parameters (`limit`), not the flags.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from spacetime.core.dates import Per
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Cell, Comparison
from spacetime.engine.query import Match, Query, SortKey
from spacetime.launches.query import LaunchMatch, LaunchQuery, LaunchSort
from spacetime.load.sources import DataFiles
from spacetime.output.formats import OutputFormat, write
from spacetime.output.listing import Listing, Report

__all__ = ["Atlas", "Result"]

T = TypeVar("T")
Names = str | Sequence[str]
"""One name, several in a list, or several in one string with commas (`"usa,ussr"`)."""
Day = str | date
"""A date as the command line takes it (`"1961"`, `"Oct 1957"`, `"1960s"`) or a `date`."""


@dataclass(frozen=True)
class Result(Generic[T]):
    """An answer: the engine's typed `value`, and the same JSON as the command's `--json`."""

    value: T
    answer: Listing | Report

    def records(self) -> Any:
        """The JSON value the command prints with `--json`, as Python lists and dicts."""
        if isinstance(self.answer, Report):
            return self.answer.document
        if self.answer.single and self.answer.records:
            return self.answer.records[0]
        return list(self.answer.records)

    def to_json(self) -> str:
        """The text of `--format json`, byte for byte."""
        return self.format(OutputFormat.JSON)

    def format(self, fmt: OutputFormat | str) -> str:
        """The answer in any output format of the command line (`"csv"`, `"markdown"`, a plain
        `"table"` as a pipe would get it)."""
        out = io.StringIO()
        write(self.answer, OutputFormat(fmt), out)
        return out.getvalue()


class Atlas:
    """A loaded timeline (with its launch log) and the questions the commands ask of it."""

    def __init__(self, timeline: Timeline, files: DataFiles) -> None:
        self.timeline = timeline
        self.files = files

    @classmethod
    def load(
        cls, *paths: str | Path, bundled: bool = True, personal: bool = False, cache: bool = True
    ) -> Atlas:
        """The bundled timeline and launch log (unless `bundled` is false), your personal
        timeline when `personal` is true, then the timeline and launch files in `paths`.
        `cache`: read and write the same parsed-file cache as the command line (in the user's
        cache folder). Raises `DataError` listing every problem of an invalid file."""
        from spacetime.sources.files import data_files

        files = data_files([Path(p) for p in paths], bundled=bundled, personal=personal, env={})
        if cache:
            from spacetime.load.cache import load_cached

            return cls(load_cached(files), files)
        from spacetime.load.loader import load_timeline

        return cls(load_timeline(files.paths, files.names), files)

    def events(
        self,
        *,
        country: Names = (),
        lineage: bool = True,
        since: Day | None = None,
        until: Day | None = None,
        sort: SortKey | str = SortKey.DATE,
        reverse: bool = False,
        limit: int | None = None,
        **filters: Names | None,
    ) -> Result[list[Match]]:
        """The events that match, as `spacetime list` finds them. Each filter of
        `spacetime.engine.filters.FILTERS` is a keyword named as its flag (`agency`, `category`,
        `tag`, `status`, `milestone`: names, `search`: words); another keyword is a TypeError."""
        from spacetime.engine.query import run
        from spacetime.output.events import event_listing

        first, last = _range(since, until)
        query = Query(
            countries=_names(country),
            lineage=lineage,
            filters=filters,
            since=first,
            until=last,
            sort=SortKey(sort),
            reverse=reverse,
            limit=limit,
        )
        matches = run(self.timeline, query)
        return Result(matches, event_listing(self.timeline, matches))

    def event(self, event_id: str) -> Event:
        """The event with this id (`UnknownName`, with the closest ids, when there is none)."""
        return self.timeline.event(event_id)

    def firsts(
        self, country: str | None = None, *, lineage: bool = True
    ) -> Result[dict[str, Event]] | Result[list[Cell]]:
        """Every milestone's world first (milestone code -> event), as `spacetime firsts`; with
        a `country`, that nation's cell for each milestone, as `spacetime firsts --country`."""
        from spacetime.engine.compare import nation_cells
        from spacetime.engine.firsts import claims, ranks, world_firsts
        from spacetime.output.firsts import nation_firsts_listing, world_firsts_listing

        world = world_firsts(self.timeline)
        if country is None:
            places = ranks(self.timeline, claims(self.timeline), lineage=lineage)
            return Result(world, world_firsts_listing(self.timeline, world, places))
        code = self.timeline.entity(country).code
        cells = nation_cells(self.timeline, code, lineage=lineage)
        return Result(cells, nation_firsts_listing(self.timeline, code, cells, world))

    def compare(
        self,
        *nations: str,
        lineage: bool = True,
        by: Per | str = Per.DECADE,
        by_category: bool = False,
        launches: bool = True,
    ) -> Result[Comparison]:
        """Nations side by side, as `spacetime compare`: milestones, lags, activity `by` decade
        or year, and the launch cadence from the launch log (unless `launches` is false)."""
        from spacetime.engine.compare import compare, period_kind
        from spacetime.output.compare import comparison_report

        per = period_kind(by)
        result = compare(self.timeline, nations, lineage=lineage, by=per)
        rhythm = None
        if launches and self.files.launches:
            from spacetime.launches.cadence import cadence

            rhythm = cadence(self.timeline, self.files, result.nations, lineage, per)
        report = comparison_report(
            self.timeline, result, lineage=lineage, by=per, by_category=by_category, cadence=rhythm
        )
        return Result(result, report)

    def launches(
        self,
        *,
        country: Names = (),
        lineage: bool = True,
        vehicle: Names = (),
        site: Names = (),
        agency: Names = (),
        outcome: Names = (),
        kind: Names = (),
        search: str | None = None,
        since: Day | None = None,
        until: Day | None = None,
        sort: LaunchSort | str = LaunchSort.DATE,
        reverse: bool = False,
        limit: int | None = None,
    ) -> Result[list[LaunchMatch]]:
        """The orbital launches of the launch log that match, as `spacetime launches`."""
        from spacetime.launches.query import run_launches
        from spacetime.output.launches import launch_listing

        first, last = _range(since, until)
        query = LaunchQuery(
            countries=_names(country),
            lineage=lineage,
            filters={
                "vehicle": vehicle,
                "site": site,
                "agency": agency,
                "outcome": outcome,
                "kind": kind,
                "search": search,
            },
            since=first,
            until=last,
            sort=LaunchSort(sort),
            reverse=reverse,
            limit=limit,
        )
        matches = run_launches(self.timeline, self.files, query)
        return Result(matches, launch_listing(self.timeline, matches, human=False))


def _names(value: Names) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def _range(since: Day | None, until: Day | None) -> tuple[date | None, date | None]:
    """Typed dates as the first day of `since`'s period and the last of `until`'s."""
    from spacetime.engine.bounds import parse_bound

    first = parse_bound(since, "since").first_day if isinstance(since, str) else since
    last = parse_bound(until, "until").last_day if isinstance(until, str) else until
    return first, last
