"""`spacetime today` and `spacetime on DATE`: what happened on this day of the year."""

from typing import Annotated

import typer

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.core.dates import MONTH_ABBR
from spacetime.engine.anniversaries import anniversaries, parse_day
from spacetime.engine.clock import today as clock_today
from spacetime.output.summaries import anniversary_listing

WeekOption = Annotated[
    bool, typer.Option("--week", "-w", help="The seven days around the day, not just the day.")
]


def _answer(data: DataOptions, output: OutputOptions, month: int, day: int, week: bool) -> None:
    timeline = load(data)
    year = clock_today().year
    found = anniversaries(timeline.events, month, day, year, window=3 if week else 0)
    heading = f"{'The week around ' if week else ''}{day} {MONTH_ABBR[month - 1]}"
    emit(anniversary_listing(timeline, found, heading), output)


@use(data=DataOptions, output=OutputOptions)
def today(week: WeekOption = False, *, data: DataOptions, output: OutputOptions) -> None:
    """Events that happened on today's date in any year, with how long ago."""
    now = clock_today()
    _answer(data, output, now.month, now.day, week)


@use(data=DataOptions, output=OutputOptions)
def on(
    day: Annotated[str, typer.Argument(metavar="DAY", help="'Oct 4', '4 October', 04-12...")],
    week: WeekOption = False,
    *,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Events that happened on a given day of the year, in any year."""
    month, day_of_month = parse_day(day)
    _answer(data, output, month, day_of_month, week)
