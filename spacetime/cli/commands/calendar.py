"""`spacetime today` and `spacetime on DATE`: what happened on this day of the year (events, or
with `--launches` the launches of the launch log)."""

import sys
from typing import Annotated

import typer

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, FilterOptions, IdsOption, OutputOptions, use
from spacetime.core.dates import MONTH_ABBR
from spacetime.engine.anniversaries import anniversaries, given_year, parse_day
from spacetime.engine.query import run
from spacetime.output.summaries import anniversary_listing

WeekOption = Annotated[
    bool, typer.Option("--week", "-w", help="The seven days around the day, not just the day.")
]
LaunchesOption = Annotated[
    bool,
    typer.Option(
        "--launches",
        help="The orbital launches of that day in any year instead (GCAT launch log); takes "
        "--country, --no-lineage, --since and --until.",
    ),
]


def _answer(
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
    day: tuple[int, int],
    week: bool,
    ids: bool,
    launches: bool = False,
) -> None:
    if launches:
        _launches(data, filters, output, day, week, ids)
        return
    timeline = load(data)
    query = filters.query()
    events = [m.event for m in run(timeline, query._replace(limit=None, reverse=False))]
    month, day_of_month = day
    found = anniversaries(events, month, day_of_month, data.today().year, window=3 if week else 0)
    if filters.reverse:
        found.reverse()
    if filters.limit:
        found = found[: filters.limit]
    heading = f"{'The week around ' if week else ''}{day_of_month} {MONTH_ABBR[month - 1]}"
    emit(anniversary_listing(timeline, found, heading, ids=ids), output)


def _launches(
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
    day: tuple[int, int],
    week: bool,
    ids: bool,
) -> None:
    """The launches whose UTC day is `day` (or within three days of it) in any year."""
    from spacetime.cli.common import load_with_launches
    from spacetime.core.errors import UsageError
    from spacetime.launches.query import launch_anniversaries, run_launches
    from spacetime.output.formats import OutputFormat
    from spacetime.output.launches import launch_listing

    if ids:
        raise UsageError("--ids adds event ids; with --launches, launches show their tags")
    query = filters.launch_query("--launches")
    timeline, files = load_with_launches(data)
    matches = run_launches(timeline, files, query._replace(limit=None))
    month, day_of_month = day
    found = launch_anniversaries(
        matches, month, day_of_month, data.today().year, window=3 if week else 0
    )
    if filters.reverse:
        found.reverse()
    if filters.limit:
        found = found[: filters.limit]
    human = output.chosen in (OutputFormat.TABLE, OutputFormat.MARKDOWN)
    listing = launch_listing(timeline, found, human)
    around = "the week around " if week else ""
    listing.heading = f"Launches on {around}{day_of_month} {MONTH_ABBR[month - 1]}, in any year"
    emit(listing, output)


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def today(
    week: WeekOption = False,
    ids: IdsOption = False,
    launches: LaunchesOption = False,
    *,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Events that happened on today's date in any year, with how long ago."""
    now = data.today()
    _answer(data, filters, output, (now.month, now.day), week, ids, launches)


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def on(
    day: Annotated[str, typer.Argument(metavar="DAY", help="'Oct 4', '4 October', 10-04 (MM-DD).")],
    week: WeekOption = False,
    ids: IdsOption = False,
    launches: LaunchesOption = False,
    *,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Events that happened on a given day of the year, in any year."""
    month_day = parse_day(day)
    year = given_year(day)
    if year is not None:
        print(
            f"spacetime: note: the year {year} is ignored: `on` lists the day in every year"
            f" (for that year's events: spacetime list --since {year} --until {year})",
            file=sys.stderr,
        )
    _answer(data, filters, output, month_day, week, ids, launches)
