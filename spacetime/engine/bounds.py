"""Turn dates as people type them (`1961`, `Oct 1957`, `4 October 1957`, `1960s`, `today`,
`last year`, `10 years ago`) into bounds.

A bound covers its whole period: `--until 1961` ends on 31 December 1961 and `--since 1957-10`
starts on 1 October 1957, `--since "last year"` on 1 January of last year. Words of time are
counted from today (python-dateutil's relativedelta: a month before 31 March is 28 or 29
February). Then timeline syntax is tried, then python-dateutil's parser. A numeric date is
refused only when it reads as two different days: `3/9/2021` (3 September or 9 March), not
`31/12/2020` or `7/20`, since 31 and 20 cannot be months.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta

from spacetime.core.dates import MONTH_NAMES, DateError, Point, Precision, parse_point
from spacetime.core.errors import UsageError

__all__ = ["numeric_day", "parse_bound", "refuse_ambiguous", "relative_point"]

_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2))


NUMERIC = re.compile(
    r"(?P<a>\d{1,2})\s*(?P<sep>[./])\s*(?P<b>\d{1,2})(?:\s*(?P=sep)\s*(?P<year>\d{4}))?"
    r"|(?P<a2>\d{1,2})-(?P<b2>\d{1,2})-(?P<year2>\d{4})"
)
"""Numeric dates whose order of day and month depends on the country (9.3, 3/9/2021, 09-03-2021)."""
SHORT_YEAR = re.compile(r"\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2}")
UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
NAMED_DAYS = {"today": 0, "now": 0, "yesterday": -1, "tomorrow": 1}
NAMED_PERIODS = re.compile(r"(this|last|next) (year|month)")
OFFSET = re.compile(r"(?:(?P<n>\d+|an?|one) (?P<unit>day|week|month|year)s? ago)|"
                    r"(?:in (?P<m>\d+|an?|one) (?P<unit2>day|week|month|year)s?)")  # fmt: skip


def numeric_day(
    text: str, option: str, suggestion: str = "YYYY-MM-DD"
) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a numeric date such as `31/12/2020` or `7/20`, read the one
    way it can be read; None when the text is not of that form. UsageError when it can be read
    as two different days (`3/9/2021`) or as none (`13/13`)."""
    cleaned = text.strip()
    if SHORT_YEAR.fullmatch(cleaned):
        raise UsageError(f"{option}: '{cleaned}': write the year in full (or as {suggestion})")
    found = NUMERIC.fullmatch(cleaned)
    if not found:
        return None
    a, b = int(found["a"] or found["a2"]), int(found["b"] or found["b2"])
    year_text = found["year"] or found["year2"]
    year = int(year_text) if year_text else None
    readings = {(m, d) for m, d in ((b, a), (a, b)) if _valid(m, d, year or 2000)}
    if len(readings) > 1:
        after = f" {year}" if year else ""
        one, other = (f"{d} {MONTH_NAMES[m - 1]}{after}" for m, d in sorted(readings))
        raise UsageError(
            f"{option}: '{cleaned}' could be day.month or month.day; write it as "
            f"{suggestion} (or '{one}' or '{other}')"
        )
    if not readings:
        raise UsageError(f"{option}: '{cleaned}' is not a date")
    month, day = readings.pop()
    return month, day, year


def refuse_ambiguous(text: str, option: str, suggestion: str = "YYYY-MM-DD") -> None:
    """UsageError for a numeric date that reads as one day in some countries and another day
    elsewhere (`3/9/2021`); `31/12/2020` and `7/20` can be read only one way and pass."""
    numeric_day(text, option, suggestion)


def _valid(month: int, day: int, year: int) -> bool:
    import calendar

    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def relative_point(text: str, today: date) -> Point | None:
    """The point a word of time names, counted from `today`: `today`, `now`, `yesterday`,
    `tomorrow` (days), `this|last|next year|month` (the year or month), `N days|weeks|months|
    years ago` and `in N ...` (days); None for any other text."""
    from dateutil.relativedelta import relativedelta

    words = " ".join(text.lower().split())
    if words in NAMED_DAYS:
        return _day(today + timedelta(days=NAMED_DAYS[words]))
    if found := NAMED_PERIODS.fullmatch(words):
        step = {"this": 0, "last": -1, "next": 1}[found[1]]
        if found[2] == "year":
            return Point(today.year + step, Precision.YEAR)
        moved = today + relativedelta(months=step)
        return Point(moved.year, Precision.MONTH, moved.month)
    if found := OFFSET.fullmatch(words):
        count_text = found["n"] or found["m"]
        count = int(count_text) if count_text.isdigit() else 1
        unit = UNITS[found["unit"] or found["unit2"]]
        sign = -1 if found["n"] else 1
        amount = sign * count
        delta = {
            "days": relativedelta(days=amount),
            "weeks": relativedelta(weeks=amount),
            "months": relativedelta(months=amount),
            "years": relativedelta(years=amount),
        }[unit]
        try:
            return _day(today + delta)
        except (ValueError, OverflowError):
            return None
    return None


def _day(day: date) -> Point:
    return Point(day.year, Precision.DAY, day.month, day.day)


def parse_bound(text: str, option: str = "date", today: date | None = None) -> Point:
    """The period a typed date names; UsageError when it names none (or when its day and month
    order is ambiguous: 3/9/2021). `today`: the day words of time count from (the clock's by
    default)."""
    cleaned = text.strip()
    if (cleaned and not cleaned[0].isdigit()) or " ago" in cleaned.lower():
        from datetime import UTC, datetime

        relative = relative_point(cleaned, today or datetime.now(UTC).date())
        if relative is not None:
            return relative
    numeric = numeric_day(cleaned, option)
    if numeric is not None:
        month, day, year = numeric
        if year is None:
            raise UsageError(f"{option}: '{cleaned}' has no year")
        return Point(year, Precision.DAY, month, day)
    decade = re.fullmatch(r"(\d{3})0'?s", cleaned)
    try:
        if decade:
            return parse_point(f"{decade[1]}0s")
        return parse_point(cleaned)
    except DateError as err:
        if re.fullmatch(r"[\d-]+", cleaned) and not re.fullmatch(r"\d{1,2}-\d{1,2}", cleaned):
            raise UsageError(f"{option}: {err}") from None
    return _parse_free(cleaned, option)


def _parse_free(text: str, option: str) -> Point:
    from dateutil import parser

    try:
        with warnings.catch_warnings():  # dateutil warns about words it takes for time zones
            warnings.simplefilter("ignore")
            a, b = (parser.parse(text, default=d, ignoretz=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        raise UsageError(
            f"{option}: '{text}' is not a date (try 1961, 1957-10, 'Oct 1957', '4 October 1957', "
            "1960s, today, 'last year' or '10 years ago')"
        ) from None
    if a.year != b.year:
        raise UsageError(f"{option}: '{text}' has no year")
    if a.month != b.month:
        return Point(a.year, Precision.YEAR)
    if a.day != b.day:
        return Point(a.year, Precision.MONTH, a.month)
    return Point(a.year, Precision.DAY, a.month, a.day)
