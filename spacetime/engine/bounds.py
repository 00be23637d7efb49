"""Turn dates as people type them (`1961`, `Oct 1957`, `4 October 1957`, `1960s`) into bounds.

A bound covers its whole period: `--until 1961` ends on 31 December 1961 and `--since 1957-10`
starts on 1 October 1957. Timeline syntax is tried first, then python-dateutil's parser.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime

from spacetime.core.dates import DateError, Point, Precision, parse_point
from spacetime.core.errors import UsageError

__all__ = ["parse_bound", "refuse_ambiguous"]

_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2))


AMBIGUOUS = re.compile(r"\d{1,2}\s*[./]\s*\d{1,2}(\s*[./]\s*\d{2,4})?|\d{1,2}-\d{1,2}-\d{2,4}")
"""Numeric dates whose day and month order depends on the country (9.3, 3/9/2021, 09-03-2021)."""


def refuse_ambiguous(text: str, option: str, suggestion: str = "YYYY-MM-DD") -> None:
    """UsageError for a numeric date that reads as day.month in one country and month.day in
    another."""
    if AMBIGUOUS.fullmatch(text.strip()):
        raise UsageError(
            f"{option}: '{text.strip()}' could be day.month or month.day; write it as "
            f"{suggestion} (or '9 March')"
        )


def parse_bound(text: str, option: str = "date") -> Point:
    """The period a typed date names; UsageError when it names none (or when its day and month
    order is ambiguous: 9.3.2021)."""
    cleaned = text.strip()
    refuse_ambiguous(cleaned, option)
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
            f"{option}: '{text}' is not a date (try 1961, 1957-10, 'Oct 1957', '4 October 1957' or 1960s)"
        ) from None
    if a.year != b.year:
        raise UsageError(f"{option}: '{text}' has no year")
    if a.month != b.month:
        return Point(a.year, Precision.YEAR)
    if a.day != b.day:
        return Point(a.year, Precision.MONTH, a.month)
    return Point(a.year, Precision.DAY, a.month, a.day)
