"""`spacetime today` and `spacetime on DATE`: what happened on this day of the year."""

from typing import Annotated

import typer

from spacetime.cli.common import atlas, emit
from spacetime.cli.options import DataOptions, FilterOptions, IdsOption, OutputOptions, use
from spacetime.engine.anniversaries import given_year, parse_day
from spacetime.output.environment import Environment

WeekOption = Annotated[
    bool, typer.Option("--week", "-w", help="The seven days around the day, not just the day.")
]


def _answer(
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
    day: tuple[int, int],
    week: bool,
    ids: bool,
) -> None:
    found = atlas(data, env).anniversaries(
        day, week=week, today=env.day(), query=filters.query(), ids=ids
    )
    emit(found.answer, output, env)


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def today(
    week: WeekOption = False,
    ids: IdsOption = False,
    *,
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Events that happened on today's date in any year, with how long ago."""
    now = data.today(env)
    _answer(env, data, filters, output, (now.month, now.day), week, ids)


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def on(
    day: Annotated[str, typer.Argument(metavar="DAY", help="'Oct 4', '4 October', 10-04 (MM-DD).")],
    week: WeekOption = False,
    ids: IdsOption = False,
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
    _answer(env, data, filters, output, month_day, week, ids)
