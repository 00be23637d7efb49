"""Counts of events by decade, by country and by category (`spacetime stats`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacetime.core.model import Event

__all__ = ["Stats", "stats"]

UNDATED = "no start"


@dataclass(frozen=True)
class Stats:
    total: int
    by_decade: dict[str, int]  # every decade from the first to the last, empty ones too
    by_country: dict[str, int]  # an event of several countries counts for each
    by_category: dict[str, int]
    by_status: dict[str, int]


def stats(events: Sequence[Event], since: date | None = None) -> Stats:
    """Count `events`; each counts in the decade it began, or for one that began before `since`
    (the ongoing ISS occupation in `--since 2025`), in the decade `since` falls in: a period outside
    the range asked for never appears."""
    decades: Counter[int] = Counter()
    undated = 0
    for event in events:
        first = event.date.first_day
        if first is None:
            undated += 1
        else:
            decades[max(first, since or first).year // 10 * 10] += 1
    by_decade = {}
    if decades:
        for start in range(min(decades), max(decades) + 1, 10):
            by_decade[f"{start}s"] = decades[start]
    if undated:
        by_decade[UNDATED] = undated
    countries = Counter(code for e in events for code in e.countries)
    categories = Counter(e.category for e in events if e.category)  # category is optional
    statuses = Counter(e.status.value for e in events)
    return Stats(
        total=len(events),
        by_decade=by_decade,
        by_country=dict(sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_category=dict(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_status=dict(sorted(statuses.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
