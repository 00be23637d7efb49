"""Upcoming launches, as Launch Library 2 (LL2) lists them: the model, the date at LL2's precision,
the countdown, and the filters of `spacetime next`.

An upcoming launch has a NET ("no earlier than") instant in UTC and a precision that says how much
of it is known (LL2's `net_precision`: from `Second` to `Decade`). The date is shown no finer than
that precision ("Dec 2026", "week of 14 Dec 2026", "20 Dec 2026 14:00 UTC"), and the launch is
taken to lie anywhere in the period the precision gives (the month, the week...): that period is
what `--since/--until` test, and what says whether a listed launch is still ahead.

The filters behave as those of `spacetime launches`: several values of one filter mean "any of",
different filters must all hold. `--country` is the country of the pad (LL2 gives no other country
for a launch in its normal mode), by the vocabulary's names and aliases.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from spacetime.core.errors import ParameterError
from spacetime.core.timeline import Timeline
from spacetime.engine.query import wanted_countries, word_pattern

__all__ = [
    "FIELDS",
    "NextQuery",
    "Upcoming",
    "countdown",
    "matching",
    "net_instant",
    "period",
    "run_next",
    "still_ahead",
    "when",
]

# LL2's precisions (its `config/net_precisions`), coarser as the list goes on.
TIMED = ("Second", "Minute", "Hour")
PART_OF_DAY = ("Morning", "Afternoon")
FIELDS = (
    "id",
    "name",
    "net",
    "precision",
    "window_start",
    "window_end",
    "status",
    "status_name",
    "vehicle",
    "vehicle_full",
    "families",
    "mission",
    "mission_type",
    "orbit",
    "provider",
    "provider_abbrev",
    "pad",
    "location",
    "country",
    "country_name",
)


class Upcoming(NamedTuple):
    """One upcoming launch, flattened from LL2's record to what spacetime shows and filters on.
    `net` is LL2's NET as written (`2026-12-20T14:00:00Z`), `precision` the name of its
    `net_precision` ("" when LL2 gives none: read as to the minute), `country` the pad's ISO
    3166-1 alpha-2 code."""

    id: str
    name: str
    net: str
    precision: str
    window_start: str | None
    window_end: str | None
    status: str
    status_name: str
    vehicle: str
    vehicle_full: str
    families: tuple[str, ...]
    mission: str
    mission_type: str
    orbit: str
    provider: str
    provider_abbrev: str
    pad: str
    location: str
    country: str
    country_name: str

    def to_json(self) -> dict[str, Any]:
        record = self._asdict()
        record["families"] = list(self.families)
        return record

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Upcoming:
        """The launch from its stored record (see `spacetime.sources.ll2`); KeyError or
        TypeError when the record is not one."""
        values = {name: record[name] for name in FIELDS}
        values["families"] = tuple(values["families"])
        return cls(**values)


def net_instant(net: str) -> datetime:
    """LL2's NET (ISO 8601, UTC) as an aware datetime; ValueError when it is not one."""
    moment = datetime.fromisoformat(net.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"no time zone in {net!r}")
    return moment.astimezone(UTC)


def _number(precision: str) -> int:
    """The number that ends "Quarter 3" or "Year Half 2" (1 when there is none)."""
    last = precision.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 1


def period(launch: Upcoming) -> tuple[date, date]:
    """The first and last UTC day the launch may fall on, at its precision."""
    moment = net_instant(launch.net)
    day = moment.date()
    kind = launch.precision
    year = day.year
    if kind.startswith("Week"):
        return day, day + timedelta(days=6)
    if kind == "Month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(year, day.month)[1])
    if kind.startswith("Quarter"):
        first = 3 * (_number(kind) - 1) + 1
        return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    if kind.startswith("Year Half"):
        return (
            (date(year, 1, 1), date(year, 6, 30))
            if _number(kind) == 1
            else (
                date(year, 7, 1),
                date(year, 12, 31),
            )
        )
    if kind in ("Year", "Fiscal Year"):
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "Decade":
        start = year // 10 * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    return day, day


def when(launch: Upcoming) -> str:
    """The NET as precisely as LL2 knows it, in UTC: "20 Dec 2026 14:00 UTC", "20 Dec 2026",
    "week of 14 Dec 2026", "Dec 2026", "Q3 2027", "H2 2027", "2027", "FY 2027", "2020s"."""
    moment = net_instant(launch.net)
    kind = launch.precision
    day = f"{moment.day} {moment:%b %Y}"
    if kind in ("", "Second", "Minute"):
        return f"{day} {moment:%H:%M} UTC"
    if kind == "Hour":
        return f"{day} ~{moment:%H}:00 UTC"
    if kind in PART_OF_DAY:
        return f"{day} ({kind.lower()}, local)"
    if kind == "Day":
        return day
    if kind.startswith("Week"):
        return f"week of {day}"
    if kind == "Month":
        return f"{moment:%b %Y}"
    if kind.startswith("Quarter"):
        return f"Q{_number(kind)} {moment.year}"
    if kind.startswith("Year Half"):
        return f"H{_number(kind)} {moment.year}"
    if kind == "Fiscal Year":
        return f"FY {moment.year}"
    if kind == "Decade":
        return f"{moment.year // 10 * 10}s"
    return str(moment.year)


def still_ahead(launch: Upcoming, now: datetime) -> bool:
    """Whether the launch may still be ahead of `now`: a timed NET not yet an hour past, or a
    period whose last day has not ended."""
    if launch.precision in ("", *TIMED):
        return net_instant(launch.net) + timedelta(hours=1) > now
    return period(launch)[1] >= now.date()


def countdown(launch: Upcoming, now: datetime) -> str:
    """How long until the launch, at its precision: "in 3 d 4 h", "in 45 min", "in 12 d",
    "tomorrow", "today"; for a period, from its first day to its last ("in 6–12 d", "in 1–4 mo",
    counting 30 days a month), or "this month" once it has begun; "due 2 h ago" for a timed NET
    just past."""
    if launch.precision in ("", *TIMED):
        minutes = int((net_instant(launch.net) - now).total_seconds() // 60)
        if minutes < 0:
            return f"due {_span(-minutes)} ago"
        return f"in {_span(minutes)}" if minutes else "now"
    first, last = period(launch)
    today = now.date()
    if first > today:
        soonest, latest = (first - today).days, (last - today).days
        if soonest == latest:
            return "tomorrow" if soonest == 1 else f"in {soonest} d"
        if latest < 60:
            return f"in {soonest}–{latest} d"
        return f"in {soonest // 30}–{-(-latest // 30)} mo"
    if last < today:
        return "date passed"
    if first == last:
        return "today"
    kind = launch.precision
    if kind.startswith("Week"):
        return "this week"
    if kind == "Month":
        return "this month"
    if kind.startswith("Quarter"):
        return "this quarter"
    if kind == "Decade":
        return "this decade"
    return "this year"


def _span(minutes: int) -> str:
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {mins} min" if mins else f"{hours} h"
    return f"{mins} min"


class NextQuery(NamedTuple):
    """What `spacetime next` selects; names as a user types them (`china`, `falcon`, `kourou`)."""

    countries: Sequence[str] = ()
    vehicles: Sequence[str] = ()
    sites: Sequence[str] = ()
    agencies: Sequence[str] = ()
    text: str | None = None
    since: date | None = None
    until: date | None = None
    reverse: bool = False
    limit: int | None = None


def run_next(
    timeline: Timeline, launches: Sequence[Upcoming], query: NextQuery, now: datetime
) -> list[Upcoming]:
    """The launches still ahead of `now` that `query` selects, soonest first (by NET, then name);
    UsageError for unknown countries or bad ranges."""
    wanted = set(wanted_countries(timeline, query.countries, lineage=False))
    vehicles = [" ".join(v.casefold().split()) for v in query.vehicles]
    sites = [s.strip().casefold() for s in query.sites]
    agencies = [a.strip().casefold() for a in query.agencies]
    words = [word_pattern(w) for w in query.text.casefold().split()] if query.text else []
    if query.since and query.until and query.since > query.until:
        raise ParameterError(
            f"the range is empty: {{since}} {query.since} is after {{until}} {query.until}",
            "since",
            "until",
        )
    if query.limit is not None and query.limit < 1:
        raise ParameterError(f"{{limit}} must be 1 or more, not {query.limit}", "limit")
    found = []
    for launch in launches:
        if not still_ahead(launch, now):
            continue
        first, last = period(launch)
        if (query.since and last < query.since) or (query.until and first > query.until):
            continue
        if wanted and launch.country not in wanted:
            continue
        if vehicles and not any(_vehicle_matches(launch, v) for v in vehicles):
            continue
        if sites and not any(_words_match(s, (launch.pad, launch.location)) for s in sites):
            continue
        if agencies and not any(
            a in (launch.provider.casefold(), launch.provider_abbrev.casefold()) for a in agencies
        ):
            continue
        if words:
            haystack = " ".join((launch.name, launch.mission, launch.vehicle_full)).casefold()
            if not all(word.search(haystack) for word in words):
                continue
        found.append(launch)
    found.sort(key=lambda x: (net_instant(x.net), x.name))
    if query.reverse:
        found.reverse()
    return found[: query.limit] if query.limit else found


def _vehicle_matches(launch: Upcoming, wanted: str) -> bool:
    """The vehicle, its full name or one of its families, or the start of the vehicle's name up
    to a word end (`long march 2` finds Long March 2C and 2D), any case, hyphens as spaces; the
    names of the launch vocabulary are read as LL2's (`cz-5`, `chang zheng 5`: Long March 5)."""
    from spacetime.launches.names import fold_name, named_vehicles

    for name in {fold_name(wanted), *named_vehicles(wanted)}:
        for vehicle in (fold_name(launch.vehicle), fold_name(launch.vehicle_full)):
            if name == vehicle or (vehicle.startswith(name) and vehicle[len(name)] in " /"):
                return True
        if name in (fold_name(f) for f in launch.families):
            return True
    return False


def _words_match(wanted: str, names: Sequence[str]) -> bool:
    """Every word of `wanted` starts a word of one of the names."""
    return any(
        name and all(word_pattern(w).search(name.casefold()) for w in wanted.split())
        for name in names
    )


def _words(text: str) -> str:
    """Text folded for matching names: any case, any apostrophe, hyphens as spaces."""
    folded = text.casefold().replace("’", "'").replace("-", " ")
    return " " + " ".join(folded.split()) + " "


def matching(mission: str, launches: Sequence[Upcoming]) -> Upcoming | None:
    """The soonest launch whose name or mission holds all the words of `mission`, whole and in
    order (`Chang'e 7` matches "Long March 5 | Chang'e 7"; `Artemis II` does not match
    "Artemis III"), or None."""
    wanted = _words(mission)
    if not wanted.strip():
        return None
    found = [x for x in launches if wanted in _words(x.name) or wanted in _words(x.mission)]
    return min(found, key=lambda x: net_instant(x.net), default=None)
