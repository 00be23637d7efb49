"""On this day: events whose day of the year is a given day (or within a few days of it).

Only dates known to the day count (for an interval, its start). In a year without 29 February,
the events of 29 February are shown on 28 February; asking for 29 February shows them in any year.
"""

from __future__ import annotations

import calendar
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from spacetime.core.dates import Precision
from spacetime.core.errors import UsageError
from spacetime.core.model import Event

__all__ = ["Anniversary", "anniversaries", "falls_on", "given_year", "parse_day"]


@dataclass(frozen=True, slots=True)
class Anniversary:
    event: Event
    day: date  # the event's own day
    on: date  # where it falls in the year asked about
    years: int  # years since the event (negative for a planned, future one)


def parse_day(text: str) -> tuple[int, int]:
    """(month, day) from what people type: "Oct 4", "4 October", "04-12", "2024-10-04", "7/20",
    "20.7"; a numeric form that reads as two different days ("9.3", "3/9") is refused."""
    cleaned = text.strip()
    from spacetime.engine.bounds import numeric_day

    numeric = numeric_day(cleaned, "day", "MM-DD or YYYY-MM-DD")
    if numeric is not None:
        month, day = numeric[0], numeric[1]
    elif m := re.fullmatch(r"(\d{1,2})-(\d{1,2})", cleaned):
        month, day = int(m[1]), int(m[2])
    else:
        from dateutil import parser

        try:
            with warnings.catch_warnings():  # dateutil warns about words it takes for time zones
                warnings.simplefilter("ignore")
                parsed = parser.parse(cleaned, default=datetime(2000, 1, 1), ignoretz=True)
        except (ValueError, OverflowError):
            raise UsageError(f"'{text}' is not a day (try 'Oct 4', '4 October' or 04-12)") from None
        month, day = parsed.month, parsed.day
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
        raise UsageError(f"'{text}' is not a day of the year")
    return month, day


def given_year(text: str) -> int | None:
    """The year written in a typed day ("4 Oct 1957", "1957-10-04"), if any."""
    found = re.search(r"(?<!\d)(\d{4})(?!\d)", text)
    return int(found[1]) if found else None


def anniversaries(
    events: Sequence[Event], month: int, day: int, year: int, *, window: int = 0
) -> list[Anniversary]:
    """Events whose anniversary in `year` falls within `window` days of month/day."""
    found = []
    for event in events:
        start = event.date.start
        if start is None or start.precision < Precision.DAY:
            continue
        own = start.first_day
        on = falls_on(own, month, day, year, window)
        if on is not None:
            found.append(Anniversary(event, own, on, on.year - own.year))
    found.sort(key=lambda a: (a.on, a.day, a.event.id))
    return found


def falls_on(own: date, month: int, day: int, year: int, window: int = 0) -> date | None:
    """Where the anniversary of the day `own` falls in or around `year` when that is within
    `window` days of month/day (29 February is kept on 28 February in a common year); else None."""
    target = _in_year(month, day, year)
    if window == 0:
        leap_day_moved = (month, day) == (2, 28) and _in_year(own.month, own.day, year) == target
        return target if (own.month, own.day) == (month, day) or leap_day_moved else None
    on = min(
        (_in_year(own.month, own.day, y) for y in (year - 1, year, year + 1)),
        key=lambda d: abs((d - target).days),
    )
    return on if abs((on - target).days) <= window else None


def _in_year(month: int, day: int, year: int) -> date:
    """month/day in `year`; 29 February becomes 28 February in a common year."""
    if (month, day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)
