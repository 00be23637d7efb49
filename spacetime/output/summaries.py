"""The answers of `spacetime stats` and `spacetime today` / `spacetime on DATE`."""

from __future__ import annotations

from datetime import date

from spacetime.core.timeline import Timeline
from spacetime.core.words import ago, days_ago, plural
from spacetime.engine.anniversaries import Anniversary
from spacetime.engine.stats import Stats
from spacetime.output.events import (
    EVENT_FIELDS,
    STATUS_STYLES,
    country_cell,
    date_cell,
    event_record,
    with_ids,
)
from spacetime.output.listing import Align, Bar, Column, Listing, Report

__all__ = ["anniversary_listing", "stats_report"]


def _counts(title: str, key: str, counts: dict[str, int], names: dict[str, str]) -> Listing:
    peak = max(counts.values(), default=0)
    return Listing(
        fields=[key, "events"],
        records=[{key: k, "events": v} for k, v in counts.items()],
        columns=[Column(title), Column("Events", justify=Align.RIGHT), Column("")],
        rows=[[names.get(k, k), str(v), Bar(v, peak)] for k, v in counts.items()],
    )


def stats_report(timeline: Timeline, result: Stats) -> Report:
    countries = {code: timeline.name_of(code) for code in result.by_country}
    categories = {code: c.name for code, c in timeline.categories.items()}
    flat = Listing(
        fields=["dimension", "key", "events"],
        records=[
            {"dimension": dimension, "key": k, "events": v}
            for dimension, counts in (
                ("decade", result.by_decade),
                ("country", result.by_country),
                ("category", result.by_category),
                ("status", result.by_status),
            )
            for k, v in counts.items()
        ],
        columns=[],
        rows=[],
    )
    return Report(
        sections=[
            (
                f"{result.total} events, by decade",
                _counts("Decade", "decade", result.by_decade, {}),
            ),
            (
                "By country (an event of several countries counts for each)",
                _counts("Country", "country", result.by_country, countries),
            ),
            ("By category", _counts("Category", "category", result.by_category, categories)),
            ("By status", _counts("Status", "status", result.by_status, {})),
        ],
        document={
            "total": result.total,
            "by_decade": result.by_decade,
            "by_country": result.by_country,
            "by_category": result.by_category,
            "by_status": result.by_status,
        },
        flat=flat,
    )


def anniversary_listing(
    timeline: Timeline,
    found: list[Anniversary],
    heading: str,
    *,
    ids: bool = False,
    today: date | None = None,
) -> Listing:
    """The answer of `today` and `on`; an event of the current year says how many days ago it
    was, counted from `today` (else "this year")."""
    listing = Listing(
        fields=[*EVENT_FIELDS, "years_ago"],
        records=[{**event_record(a.event), "years_ago": a.years} for a in found],
        columns=[
            Column("Date"),
            Column("When"),
            Column("Event", wrap=True, main=True),
            Column("Countries", wrap=True, drop=1),
        ],
        rows=[
            [
                date_cell(a.event.date),
                days_ago((today - a.day).days)
                if today and a.day.year == today.year
                else ago(a.years),
                a.event.title,
                country_cell(timeline, a.event.countries),
            ]
            for a in found
        ],
        styles=[STATUS_STYLES[a.event.status] for a in found],
        footer=f"{heading}: {plural(len(found), 'event')}",
    )
    return with_ids(listing, [a.event.id for a in found]) if ids else listing
