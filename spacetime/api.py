"""spacetime as a Python library: load a timeline, ask it what the commands ask, get typed answers.

`Atlas.load()` reads the bundled timeline and launch log (and any files given) into an `Atlas`, whose
methods take the command line's filters as keyword arguments (`country="russia"`,
`since="1960s"`, `milestone="crewed-orbit"`...) and return a `Result`: the engine's own typed
objects in `value`, and `records()` / `to_json()` giving exactly what the command prints with
`--json` (the records are built by the same output functions). Nothing here touches the process:
no environment variable is read (not `$SPACETIME_DATA`, nor those that move the cache and data
folders: the personal timeline is read only when asked, from the default data folder, and the
cache is the default cache folder or the one given), the garbage collector is left as it was,
and errors are `spacetime.core.errors` exceptions whose messages name the parameters (`limit`),
not the flags.
"""

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from spacetime.core.dates import Per
from spacetime.core.model import Category, Entity, Event, Milestone
from spacetime.core.timeline import Timeline
from spacetime.engine.query import Match, Query, SortKey
from spacetime.load.sources import DataFiles
from spacetime.output.formats import OutputFormat, write
from spacetime.output.listing import Listing, Report

if TYPE_CHECKING:  # kept off the start-up path of the commands that call the Atlas
    from spacetime.engine.anniversaries import Anniversary
    from spacetime.engine.compare import Cell, Comparison
    from spacetime.engine.stats import Stats
    from spacetime.launches.query import LaunchMatch, LaunchQuery, LaunchSort

__all__ = ["Atlas", "Result"]

T = TypeVar("T")
Names = str | Sequence[str]
"""One name, several in a list, or several in one string with commas (`"usa,ussr"`)."""
Day = str | date
"""A date as the command line takes it (`"1961"`, `"Oct 1957"`, `"1960s"`) or a `date`."""


class Result(NamedTuple, Generic[T]):
    """An answer: the engine's typed `value`, and the same JSON as the command's `--json` (a
    named tuple: it is on every command's start-up path)."""

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
    """A loaded timeline (with its launch log), as it stood on the `as_of` day if one is given,
    and the questions the commands ask of it: each command is a thin caller of these methods."""

    def __init__(self, timeline: Timeline, files: DataFiles, as_of: date | None = None) -> None:
        """`timeline` as read from `files`; with `as_of`, only what was known on that day is
        kept (see `spacetime.engine.asof`), launches included."""
        if as_of is not None:
            from spacetime.engine.asof import as_of as known_on

            timeline = known_on(timeline, as_of)
            files = files._replace(as_of=as_of.isoformat())
        self.timeline = timeline
        self.files = files
        self.as_of = as_of

    @classmethod
    def load(
        cls,
        *paths: str | Path,
        bundled: bool = True,
        personal: bool = False,
        cache: bool | str | Path = True,
        as_of: Day | None = None,
    ) -> "Atlas":
        """The bundled timeline and launch log (unless `bundled` is false), your personal
        timeline when `personal` is true, then the timeline and launch files in `paths`.
        `cache`: read and write a parsed-file cache, the command line's in the user's default
        cache folder when true, or in the folder given. `as_of`: the world as it stood on that
        day (a year or month means its last day), as `--as-of`. Raises `DataError` listing every
        problem of an invalid file."""
        from spacetime.sources.files import data_files

        day = _last_day(as_of, "as_of")
        files = data_files([Path(p) for p in paths], bundled=bundled, personal=personal, env={})
        if cache is not False:
            from spacetime.load.cache import load_cached
            from spacetime.load.places import user_cache_dir

            folder = user_cache_dir({}) if cache is True else Path(cache)
            return cls(load_cached(files, folder=folder), files, day)
        from spacetime.load.loader import load_timeline

        return cls(load_timeline(files.paths, files.names), files, day)

    def today(self, today: date | None = None) -> date:
        """The day to count "years ago" from: the `as_of` day, else `today`, else the clock's
        UTC date."""
        if self.as_of is not None:
            return self.as_of
        if today is not None:
            return today
        from datetime import UTC, datetime

        return datetime.now(UTC).date()

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
        query: Query | None = None,
        ids: bool = False,
        today: date | None = None,
        **filters: Names | None,
    ) -> Result[list[Match]]:
        """The events that match, as `spacetime list` finds them. Each filter of
        `spacetime.engine.filters.FILTERS` is a keyword named as its flag (`agency`, `category`,
        `tag`, `status`, `milestone`: names, `search`: words); another keyword is a TypeError.
        A `query` made already stands for all of them; `ids` shows the ids in the table; plans
        are past from `today` (see `Atlas.today`)."""
        from spacetime.engine.query import run
        from spacetime.output.events import event_listing

        if query is None:
            query = _query_of(
                {
                    **filters,
                    "country": country,
                    "lineage": lineage,
                    "since": since,
                    "until": until,
                    "sort": sort,
                    "reverse": reverse,
                    "limit": limit,
                }
            )
        matches = run(self.timeline, query)
        return Result(
            matches, event_listing(self.timeline, matches, ids=ids, today=self.today(today))
        )

    def event(self, event_id: str) -> Event:
        """The event with this id (`UnknownName`, with the closest ids, when there is none)."""
        return self.timeline.event(event_id)

    def show(self, event_id: str, *, today: date | None = None) -> Result[Event]:
        """One event with all its fields, ranks and sources, and the launch it is (or is dated
        by) from the launch log, as `spacetime show ID`; "years ago" counts from `today` (see
        `Atlas.today`)."""
        from spacetime.engine.firsts import event_ranks
        from spacetime.output.events import event_detail

        event = self.timeline.event(event_id)
        detail = event_detail(
            self.timeline, event, self.today(today), event_ranks(self.timeline, event)
        )
        _add_launch(detail, self.timeline, event, self.files)
        return Result(event, detail)

    def countries(self, *, every: bool = False) -> Result[list[Entity]]:
        """The countries and organizations (every entity in the value), as `spacetime countries`:
        the listing holds those of the timeline files and those with events, and with `every`
        the other ISO 3166-1 countries too, as `--all`."""
        from spacetime.output.vocabulary import entity_listing

        return Result(list(self.timeline.entities.values()), entity_listing(self.timeline, every))

    def milestones(self) -> Result[list[Milestone]]:
        """The milestones and who achieved each first, as `spacetime milestones`."""
        from spacetime.output.vocabulary import milestone_listing

        return Result(list(self.timeline.milestones.values()), milestone_listing(self.timeline))

    def categories(self) -> Result[list[Category]]:
        """The categories with their event counts, as `spacetime categories`."""
        from spacetime.output.vocabulary import category_listing

        return Result(list(self.timeline.categories.values()), category_listing(self.timeline))

    def firsts(
        self, country: str | None = None, *, lineage: bool = True, today: date | None = None
    ) -> "Result[dict[str, Event]] | Result[list[Cell]]":
        """Every milestone's world first (milestone code -> event), as `spacetime firsts`; with
        a `country`, that nation's cell for each milestone, as `spacetime firsts --country`
        (plans past from `today`, see `Atlas.today`)."""
        from spacetime.engine.compare import nation_cells
        from spacetime.engine.firsts import claims, ranks, world_firsts
        from spacetime.output.firsts import nation_firsts_listing, world_firsts_listing

        world = world_firsts(self.timeline)
        if country is None:
            places = ranks(self.timeline, claims(self.timeline), lineage=lineage)
            return Result(world, world_firsts_listing(self.timeline, world, places))
        code = self.timeline.entity(country).code
        cells = nation_cells(self.timeline, code, lineage=lineage)
        return Result(
            cells, nation_firsts_listing(self.timeline, code, cells, world, self.today(today))
        )

    def compare(
        self,
        *nations: str,
        lineage: bool = True,
        by: Per | str = Per.DECADE,
        by_category: bool = False,
        launches: bool = True,
        events: Sequence[Event] | None = None,
        today: date | None = None,
        cutoff: date | None = None,
    ) -> "Result[Comparison]":
        """Nations side by side, as `spacetime compare`: milestones, lags, activity `by` decade
        or year, and the launch cadence from the launch log (unless `launches` is false);
        `events`: only these are compared (all by default); plans are past from `today` (see
        `Atlas.today`); `cutoff`: the last day the launch counts cover (a busiest year after it
        is marked partial)."""
        from spacetime.engine.compare import compare, period_kind
        from spacetime.output.compare import comparison_report

        per = period_kind(by)
        result = compare(self.timeline, nations, events=events, lineage=lineage, by=per)
        rhythm = None
        if launches and self.files.launches:
            from spacetime.launches.cadence import cadence

            rhythm = cadence(self.timeline, self.files, result.nations, lineage, per)
        report = comparison_report(
            self.timeline,
            result,
            lineage=lineage,
            by=per,
            by_category=by_category,
            cadence=rhythm,
            today=self.today(today),
            cutoff=cutoff,
        )
        return Result(result, report)

    def stats(self, *, query: Query | None = None, **selection: Any) -> "Result[Stats]":
        """Counts of the events that match by decade, country, category and status, as
        `spacetime stats`; the keywords are those of `events` (or one `query`)."""
        from spacetime.engine.stats import stats
        from spacetime.output.summaries import stats_report

        if query is None:
            query = _query_of(selection)
        matches = [m.event for m in self.events(query=query).value]
        counted = stats(matches, since=query.since)
        return Result(counted, stats_report(self.timeline, counted))

    def anniversaries(
        self,
        day: str | tuple[int, int],
        *,
        week: bool = False,
        today: date | None = None,
        query: Query | None = None,
        ids: bool = False,
        **selection: Any,
    ) -> "Result[list[Anniversary]]":
        """The events that happened on a day of the year (`"Oct 4"`, or (month, day)) in any
        year, or in the `week` around it, with how many years ago (from `today`, see
        `Atlas.today`), as `spacetime on DAY`; the events are those `events` selects with the
        same keywords (or `query`), whose order and limit apply to the anniversaries."""
        from spacetime.core.dates import MONTH_ABBR
        from spacetime.engine.anniversaries import anniversaries, parse_day
        from spacetime.output.summaries import anniversary_listing

        if query is None:
            query = _query_of(selection)
        month, day_of_month = parse_day(day) if isinstance(day, str) else day
        everything = query._replace(limit=None, reverse=False)
        events = [m.event for m in self.events(query=everything).value]
        found = anniversaries(
            events, month, day_of_month, self.today(today).year, window=3 if week else 0
        )
        if query.reverse:
            found.reverse()
        if query.limit:
            found = found[: query.limit]
        heading = f"{'The week around ' if week else ''}{day_of_month} {MONTH_ABBR[month - 1]}"
        listing = anniversary_listing(
            self.timeline, found, heading, ids=ids, today=self.today(today)
        )
        return Result(found, listing)

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
        sort: "LaunchSort | str" = "date",
        reverse: bool = False,
        limit: int | None = None,
        query: "LaunchQuery | None" = None,
        human: bool = False,
    ) -> "Result[list[LaunchMatch]]":
        """The orbital launches of the launch log that match, as `spacetime launches` (a
        `query` made already stands for all the keywords; `human`: the table's columns as a
        person reads them)."""
        from spacetime.launches.query import LaunchQuery, LaunchSort, run_launches
        from spacetime.output.launches import launch_listing

        if query is None:
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
        return Result(matches, launch_listing(self.timeline, matches, human=human))


def _query_of(keywords: dict[str, Any]) -> Query:
    """The query of `Atlas.events`' keywords."""
    selection = dict(keywords)
    country = selection.pop("country", ())
    first, last = _range(selection.pop("since", None), selection.pop("until", None))
    return Query(
        countries=_names(country),
        lineage=selection.pop("lineage", True),
        since=first,
        until=last,
        sort=SortKey(selection.pop("sort", SortKey.DATE)),
        reverse=selection.pop("reverse", False),
        limit=selection.pop("limit", None),
        filters=selection,
    )


def _add_launch(detail: Listing, timeline: Timeline, event: Event, files: DataFiles) -> None:
    """The launch the event is (or is dated by), from the launch log, in the detail."""
    from spacetime.launches.links import event_launch
    from spacetime.launches.names import site_name

    launch = event_launch(timeline, event, files)
    if launch is None:
        return
    detail.records[0]["launch"] = launch.tag
    if "launch" not in detail.fields:
        detail.fields = [*detail.fields, "launch"]
    where = f"spacetime show {launch.tag.replace(' ', '-')}"
    text = f"{launch.tag}: {launch.vehicle}, {site_name(launch.site)} ({where})"
    rows = detail.rows
    assert isinstance(rows, list)  # one event's detail: a plain list
    at = next((i for i, row in enumerate(rows) if row[0] in ("Launch", "Tags")), -1)
    if at >= 0 and rows[at][0] == "Launch":
        rows[at] = ["Launch", text]
    else:
        rows.insert(at if at >= 0 else len(rows), ["Launch", text])


def _names(value: Names) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def _last_day(day: Day | None, name: str) -> date | None:
    """A typed day as the last day of its period (a `date` as it is)."""
    if day is None or isinstance(day, date):
        return day
    from spacetime.engine.bounds import parse_bound

    return parse_bound(day, name).last_day


def _range(since: Day | None, until: Day | None) -> tuple[date | None, date | None]:
    """Typed dates as the first day of `since`'s period and the last of `until`'s."""
    from spacetime.engine.bounds import parse_bound

    first = parse_bound(since, "since").first_day if isinstance(since, str) else since
    last = parse_bound(until, "until").last_day if isinstance(until, str) else until
    return first, last
