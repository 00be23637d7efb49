"""Partial, uncertain dates in the EDTF subset that spacetime timelines use.

A date is read from the text written in the data file and remembers that text. It knows its
precision (a century down to a UTC time of day), its first and last day for range queries, how to
show itself at its own precision ("Oct 1957", never "1957-10-01"), and where it sorts.

The order is total: dates sort by their first day; on a tie the coarser date comes first (1970
before 1970-01-01), then the earlier time of day, then the earlier last day (an open end is latest),
then the text.
"""

from __future__ import annotations

import re
from datetime import date
from enum import IntEnum, StrEnum
from typing import NamedTuple

from spacetime.core.record import Record

__all__ = [
    "DateError",
    "EventDate",
    "Per",
    "Point",
    "Precision",
    "date_pattern",
    "days_in_month",
    "parse_date",
    "parse_point",
]

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBR = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


class DateError(ValueError):
    """A date text that is not a valid, possible date."""


class Per(StrEnum):
    """The periods activity is counted in (`compare --by`): decades or years."""

    DECADE = "decade"
    YEAR = "year"

    @property
    def step(self) -> int:
        """Years in one period."""
        return 10 if self is Per.DECADE else 1

    def start(self, year: int) -> int:
        """The first year of the period `year` falls in."""
        return year // self.step * self.step

    def label(self, start: int) -> str:
        """A period as people write it: `1960s`, `1969`."""
        return f"{start}s" if self is Per.DECADE else str(start)


class Precision(IntEnum):
    """How much of a date is known, coarsest first (the order is used when sorting)."""

    CENTURY = 0
    DECADE = 1
    YEAR = 2
    MONTH = 3
    DAY = 4
    TIME = 5

    @property
    def label(self) -> str:
        return self.name.lower()


class Point(NamedTuple):
    """One date at some precision: a century, decade, year, month, day or UTC time of day."""

    year: int
    precision: Precision
    month: int | None = None
    day: int | None = None
    time: str | None = None  # "HH:MM" or "HH:MM:SS", always UTC
    approximate: bool = False
    uncertain: bool = False

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.precision is Precision.CENTURY:
            return date(min(self.year + 99, 9999), 12, 31)
        if self.precision is Precision.DECADE:
            return date(self.year + 9, 12, 31)
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, days_in_month(self.year, self.month))
        return date(self.year, self.month, self.day)

    @property
    def seconds(self) -> int:
        """Seconds into the day for a time-precise point, else 0 (used for ordering)."""
        if self.time is None:
            return 0
        parts = [int(p) for p in self.time.split(":")]
        return parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) > 2 else 0)

    def display(self, with_time: bool = True) -> str:
        """The point as a person reads it, at its own precision (`with_time=False` stops at the day)."""
        p = self.precision
        if p is Precision.CENTURY:
            text = f"{self.year}–{self.year + 99}"
        elif p is Precision.DECADE:
            text = f"{self.year}s"
        elif p is Precision.YEAR:
            text = str(self.year)
        elif p is Precision.MONTH:
            text = f"{MONTH_ABBR[(self.month or 1) - 1]} {self.year}"
        else:
            text = f"{self.day} {MONTH_ABBR[(self.month or 1) - 1]} {self.year}"
            if self.time is not None and with_time:
                text += f" {self.time} UTC"
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        return text

    def edtf(self) -> str:
        """The canonical text of this point (decades as `2030s`)."""
        p = self.precision
        if p is Precision.CENTURY:
            text = f"{self.year // 100:02d}XX"
        elif p is Precision.DECADE:
            text = f"{self.year:04d}s"
        else:
            text = f"{self.year:04d}"
            if self.month is not None:
                text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
            if self.time is not None:
                text += f"T{self.time}Z"
        qualifier = {(True, True): "%", (True, False): "~", (False, True): "?"}
        return text + qualifier.get((self.approximate, self.uncertain), "")


class EventDate(Record):
    """A date as written in a timeline: one point, or an interval whose ends may be open."""

    __slots__ = ("end", "interval", "start", "text")
    _compared = ("text", "start", "end", "interval")

    text: str
    start: Point | None
    end: Point | None
    interval: bool

    def __init__(
        self, text: str, start: Point | None, end: Point | None, interval: bool = False
    ) -> None:
        setter = object.__setattr__
        setter(self, "text", text)
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "interval", interval)

    @property
    def precision(self) -> Precision:
        point = self.start or self.end
        assert point is not None  # the parser never builds a date with no point
        return point.precision

    @property
    def first_day(self) -> date | None:
        """The earliest day the date can mean; None for an open start."""
        return self.start.first_day if self.start else None

    @property
    def last_day(self) -> date | None:
        """The latest day the date can mean; None for an open (ongoing) or unknown end."""
        return self.end.last_day if self.end else None

    @property
    def approximate(self) -> bool:
        return any(p.approximate for p in (self.start, self.end) if p)

    @property
    def uncertain(self) -> bool:
        return any(p.uncertain for p in (self.start, self.end) if p)

    @property
    def open_end(self) -> bool:
        return self.interval and self.end is None

    def sort_key(self) -> tuple[int, int, int, int, str]:
        first = self.first_day.toordinal() if self.first_day else 0
        last = self.last_day.toordinal() if self.last_day else date.max.toordinal() + 1
        point = self.start or self.end
        assert point is not None
        return (first, int(point.precision), point.seconds, last, self.text)

    def __lt__(self, other: EventDate) -> bool:
        return self.sort_key() < other.sort_key()

    def display(self, with_time: bool = True) -> str:
        """The date as a person reads it: "4 Oct 1957", "c. 2026", "2 Nov 2000 – ongoing"."""
        if not self.interval:
            assert self.start is not None
            return self.start.display(with_time)
        if self.start is None:
            return f"until {self.end.display(with_time)}" if self.end else "?"
        if self.end is None:
            ongoing = self.text.endswith("..")
            return f"{self.start.display(with_time)} – {'ongoing' if ongoing else '?'}"
        return f"{self.start.display(with_time)} – {self.end.display(with_time)}"

    def __str__(self) -> str:
        return self.text


# (?a): ASCII digits only, as the JSON Schema says (`١٩٩٩` and `１９９９` are not years).
_POINT_PATTERN = (
    r"(?a)(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<zone>Z|[+-]\d{2}:?\d{2})?)?)?)?"
    r"(?P<q>[?~%])?"
)
_DECADE_PATTERN = r"(?a)(?P<digits>\d{3})(?:X|0s)(?P<q>[?~%])?"
_CENTURY_PATTERN = r"(?a)(?P<digits>\d{2})XX(?P<q>[?~%])?"
_QUALIFIERS = {
    None: (False, False),
    "~": (True, False),
    "?": (False, True),
    "%": (True, True),
}


def parse_point(text: str) -> Point:
    """Parse one EDTF date (no interval); raise DateError naming what is wrong."""
    text = text.strip()
    if m := re.fullmatch(_CENTURY_PATTERN, text):
        approx, unsure = _QUALIFIERS[m["q"]]
        year = _year(int(m["digits"]) * 100, text)
        return Point(year, Precision.CENTURY, approximate=approx, uncertain=unsure)
    if m := re.fullmatch(_DECADE_PATTERN, text):
        approx, unsure = _QUALIFIERS[m["q"]]
        year = _year(int(m["digits"]) * 10, text)
        return Point(year, Precision.DECADE, approximate=approx, uncertain=unsure)
    m = re.fullmatch(_POINT_PATTERN, text)
    if m is None:
        raise DateError(_explain_unreadable(text))
    approx, unsure = _QUALIFIERS[m["q"]]
    year = _year(int(m["year"]), text)
    month = day = None
    precision = Precision.YEAR
    if m["month"] is not None:
        month = int(m["month"])
        if not 1 <= month <= 12:
            raise DateError(f"impossible date '{text}': there is no month {month}")
        precision = Precision.MONTH
    if m["day"] is not None:
        day = int(m["day"])
        length = days_in_month(year, month or 1)
        if not 1 <= day <= length:
            name = MONTH_NAMES[(month or 1) - 1]
            raise DateError(f"impossible date '{text}': {name} {year} has {length} days")
        precision = Precision.DAY
    time = m["time"]
    if time is not None:
        if m["zone"] not in _UTC_ZONES:
            raise DateError(f"time in '{text}' must be UTC and end in Z (e.g. {m['time']}Z)")
        parts = [int(p) for p in time.split(":")]
        if parts[0] > 23 or parts[1] > 59 or (len(parts) > 2 and parts[2] > 59):
            raise DateError(f"impossible time of day in '{text}'")
        precision = Precision.TIME
    return Point(year, precision, month, day, time, approx, unsure)


def parse_date(text: str) -> EventDate:
    """Parse a timeline date: one point, or an interval `start/end` with `..` for an open end."""
    text = text.strip()
    if not text:
        raise DateError("empty date")
    if "/" not in text:
        point = parse_point(text)
        return EventDate(text, point, point)
    left, _, right = text.partition("/")
    if "/" in right:
        raise DateError(f"'{text}' has more than one '/'")
    start = None if left in ("", "..") else parse_point(left)
    end = None if right in ("", "..") else parse_point(right)
    if start is None and end is None:
        raise DateError(f"interval '{text}' has no known end")
    if start and end and start.first_day > end.last_day:
        raise DateError(f"interval '{text}' ends before it starts")
    return EventDate(text, start, end, True)


_UTC_ZONES = ("Z", "+00:00", "+0000", "-00:00")


def date_pattern() -> str:
    """A regular expression (in the subset JSON Schema shares with Python) matching the texts
    `parse_date` accepts (impossible days and times refused too); only the order of an interval's
    two ends is left to the parser."""
    leap = r"(\d\d(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29"
    month_day = r"(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31"
    year = r"(?!0000)\d{4}"
    zone = "|".join(re.escape(z) for z in _UTC_ZONES)
    time = rf"T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?({zone})"
    day = rf"({year}-({month_day})|{leap})({time})?"
    point = rf"({day}|{year}(-(0[1-9]|1[0-2]))?|(?!000)\d{{3}}(X|0s)|(?!00)\d{{2}}XX)[?~%]?"
    end = rf"({point}|\.\.)?"  # an interval's other end: a point, open (..) or unknown
    return rf"^\s*({point}|{point}/{end}|{end}/{point})\s*$"


def days_in_month(year: int, month: int) -> int:
    """How many days the month has (29 in February of a leap year)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _year(year: int, text: str) -> int:
    if year < 1:
        raise DateError(f"year in '{text}' is before year 1; years run from 1 to 9999")
    return year


def _explain_unreadable(text: str) -> str:
    if re.fullmatch(r"(?a)-\d+.*", text):
        return f"'{text}' is before year 1; years run from 1 to 9999"
    if re.fullmatch(r"(?a)Y?\d{5,}.*", text):
        return f"'{text}' is beyond year 9999; years run from 1 to 9999"
    return (
        f"'{text}' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MMZ, "
        "a decade (2030s), optionally with ~ or ?, or an interval (2000-11-02/..)"
    )
