"""`spacetime today` and `spacetime on DATE`: what happened on this day of the year (events, or
with `--launches` the launches of the launch log)."""

from typing import Annotated

import typer

from spacetime.cli.common import atlas, emit, fresh
from spacetime.cli.options import DataOptions, FilterOptions, IdsOption, OutputOptions, use
from spacetime.engine.anniversaries import given_year, parse_day
from spacetime.output.environment import Environment

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
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
    day: tuple[int, int],
    week: bool,
    ids: bool,
    launches: bool = False,
) -> None:
    """The events of `day` or the week around it; with `launches`, the launches whose UTC day
    falls there."""
    if not launches:
        found = atlas(data, env).anniversaries(
            day, week=week, today=env.day(), query=filters.query(), ids=ids
        )
        emit(found.answer, output, env)
        return
    from spacetime.core.dates import MONTH_ABBR
    from spacetime.core.errors import UsageError
    from spacetime.launches.query import launch_anniversaries, run_launches
    from spacetime.output.formats import OutputFormat
    from spacetime.output.launches import launch_listing

    if ids:
        raise UsageError("--ids adds event ids; with --launches, launches show their tags")
    query = filters.launch_query("--launches")
    loaded = atlas(data, env)
    matches = run_launches(loaded.timeline, loaded.files, query._replace(limit=None))
    month, day_of_month = day
    window = 3 if week else 0
    chosen = launch_anniversaries(matches, month, day_of_month, data.today().year, window=window)
    if filters.reverse:
        chosen.reverse()
    human = output.chosen in (OutputFormat.TABLE, OutputFormat.MARKDOWN)
    listing = launch_listing(loaded.timeline, chosen[: filters.limit or None], human)
    around = "the week around " if window else ""
    listing.heading = f"Launches on {around}{day_of_month} {MONTH_ABBR[month - 1]}, in any year"
    emit(fresh(listing, loaded.files, None), output, env)


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def today(
    week: WeekOption = False,
    ids: IdsOption = False,
    launches: LaunchesOption = False,
    *,
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Events that happened on today's date in any year, with how long ago."""
    now = data.today()
    _answer(env, data, filters, output, (now.month, now.day), week, ids, launches)


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def on(
    day: Annotated[str, typer.Argument(metavar="DAY", help="'Oct 4', '4 October', 10-04 (MM-DD).")],
    week: WeekOption = False,
    ids: IdsOption = False,
    launches: LaunchesOption = False,
    *,
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Events that happened on a given day of the year, in any year."""
    month_day = parse_day(day)
    year = given_year(day)
    if year is not None:
        env.note(
            f"the year {year} is ignored: `on` lists the day in every year"
            f" (for that year's events: spacetime list --since {year} --until {year})"
        )
    _answer(env, data, filters, output, month_day, week, ids, launches)
