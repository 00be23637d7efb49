"""`spacetime today` and `spacetime on DATE`: what happened on this day of the year (events, or
with `--launches` the launches of the launch log)."""

import sys
from typing import Annotated, TypeVar

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
    """The events (or with `launches`, the launches) of `day` or the week around it."""
    month, day_of_month = day
    window, year = (3 if week else 0), data.today().year
    named = f"{day_of_month} {MONTH_ABBR[month - 1]}"
    if launches:
        _launches(data, filters, output, (month, day_of_month, year, window), ids, named)
        return
    timeline = load(data)
    query = filters.query()
    events = [m.event for m in run(timeline, query._replace(limit=None, reverse=False))]
    found = _cut(anniversaries(events, month, day_of_month, year, window=window), filters)
    heading = f"{'The week around ' if week else ''}{named}"
    emit(anniversary_listing(timeline, found, heading, ids=ids, today=data.today()), output)


T = TypeVar("T")


def _cut(found: list[T], filters: FilterOptions) -> list[T]:
    """`found` in the order and number --reverse and --limit ask for."""
    if filters.reverse:
        found.reverse()
    return found[: filters.limit] if filters.limit else found


def _launches(
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
    when: tuple[int, int, int, int],
    ids: bool,
    named: str,
) -> None:
    """The launches whose UTC day falls on month/day (`when`: month, day, this year, window)."""
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
    month, day_of_month, year, window = when
    found = _cut(launch_anniversaries(matches, month, day_of_month, year, window=window), filters)
    human = output.chosen in (OutputFormat.TABLE, OutputFormat.MARKDOWN)
    listing = launch_listing(timeline, found, human)
    around = "the week around " if window else ""
    listing.heading = f"Launches on {around}{named}, in any year"
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
