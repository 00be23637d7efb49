"""Events as output: the JSON record of an event (the documented schema), and the listings of
`list` and `show`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacetime.core.dates import EventDate
from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline
from spacetime.engine.firsts import Claim, Rank, ordinal, via_text
from spacetime.engine.query import Match
from spacetime.output.listing import Column, Listing
from spacetime.output.provenance import Provenance

__all__ = ["EVENT_FIELDS", "event_detail", "event_listing", "event_record", "relative"]

EVENT_FIELDS = [
    "id",
    "date",
    "date_display",
    "precision",
    "first_day",
    "last_day",
    "approximate",
    "uncertain",
    "title",
    "summary",
    "countries",
    "agencies",
    "category",
    "tags",
    "status",
    "milestones",
    "mission",
    "vehicle",
    "launch",
    "note",
    "confirmed",
    "sources",
    "stands_for",
]

STATUS_STYLES = {
    Status.ACHIEVED: None,
    Status.PARTIAL: "yellow",
    Status.FAILED: "red",
    Status.PLANNED: "italic cyan",
    Status.CANCELLED: "dim strike",
}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def event_record(event: Event, stands_for: str | None = None) -> dict[str, Any]:
    """The JSON object of an event; every key is always present (null or [] when empty)."""
    d: EventDate = event.date
    return {
        "id": event.id,
        "date": d.text,
        "date_display": d.display(),
        "precision": d.precision.label,
        "first_day": _iso(d.first_day),
        "last_day": _iso(d.last_day),
        "approximate": d.approximate,
        "uncertain": d.uncertain,
        "title": event.title,
        "summary": event.summary or None,
        "countries": list(event.countries),
        "agencies": list(event.agencies),
        "category": event.category,
        "tags": list(event.tags),
        "status": event.status.value,
        "milestones": list(event.milestones),
        "mission": event.mission,
        "vehicle": event.vehicle,
        "launch": event.launch,
        "note": event.note,
        "confirmed": event.confirmed.text if event.confirmed else None,
        "sources": list(event.sources),
        "stands_for": stands_for,
    }


def event_listing(timeline: Timeline, matches: list[Match]) -> Listing:
    """The answer of `spacetime list`."""
    rows = []
    for m in matches:
        countries = timeline.names_of(m.event.countries)
        if m.stands_for:
            countries += f" (→ {timeline.name_of(m.stands_for)})"
        e = m.event
        rows.append([e.date.display(), e.title, countries, e.category or "", e.status.value])
    count = f"{len(matches)} event{'s' if len(matches) != 1 else ''}"
    if any(m.stands_for for m in matches):
        count += "; (→ X) marks a predecessor's event, shown for its successor (--no-lineage leaves them out)"
    return Listing(
        fields=EVENT_FIELDS,
        records=[event_record(m.event, m.stands_for) for m in matches],
        columns=[
            Column("Date"),
            Column("Event", wrap=True),
            Column("Countries", wrap=True),
            Column("Category"),
            Column("Status"),
        ],
        rows=rows,
        styles=[STATUS_STYLES[m.event.status] for m in matches],
        footer=count,
    )


def relative(event_date: EventDate, today: date) -> str:
    """ "67 years ago", "in 3 years", "this year": measured from the first day, in whole years."""
    first = event_date.first_day
    if first is None:
        return ""
    from dateutil.relativedelta import relativedelta

    if first > today:
        years = relativedelta(first, today).years
        return f"in {years} year{'s' if years != 1 else ''}" if years else "within a year"
    last = event_date.last_day or today
    if last >= today:
        return "now" if event_date.open_end else "this year"
    years = relativedelta(today, first).years
    return f"{years} year{'s' if years != 1 else ''} ago" if years else "less than a year ago"


def _places(timeline: Timeline, event: Event, held: list[tuple[Claim, Rank]]) -> list[str]:
    """ "First lunar sample return: China 3rd, after United States, Soviet Union", one a line."""
    lines = []
    placed = set()
    for claim, rank in held:
        placed.add(claim.milestone)
        name = timeline.milestones[claim.milestone].name
        if claim.via:
            name += f" ({via_text(timeline, claim.via)})"
        after = f", after {timeline.names_of(rank.before)}" if rank.before else ""
        lines.append(f"{name}: {timeline.name_of(claim.country)} {ordinal(rank.place)}{after}")
    unplaced = [timeline.milestones[m].name for m in event.milestones if m not in placed]
    return unplaced + lines


def _rank_records(held: list[tuple[Claim, Rank]]) -> list[dict[str, Any]]:
    return [
        {
            "milestone": claim.milestone,
            "nation": claim.country,
            "rank": rank.place,
            "before": list(rank.before),
            "via": claim.via,
        }
        for claim, rank in held
    ]


def event_detail(
    timeline: Timeline, event: Event, today: date, held: list[tuple[Claim, Rank]] | None = None
) -> Listing:
    """The answer of `spacetime show`: every field of one event, with the places its milestones
    hold (`held`, from the engine's `event_ranks`)."""
    held = held or []
    pairs = [
        ("Date", f"{event.date.display()}  ({relative(event.date, today)})"),
        ("Countries", timeline.names_of(event.countries)),
        ("Agencies", ", ".join(event.agencies)),
        ("Category", timeline.categories[event.category].name if event.category else ""),
        ("Status", event.status.value),
        ("Milestones", "\n".join(_places(timeline, event, held))),
        ("Mission", event.mission or ""),
        ("Vehicle", event.vehicle or ""),
        ("Launch", f"{event.launch} (GCAT launch tag)" if event.launch else ""),
        ("Tags", ", ".join(event.tags)),
        ("Plan confirmed", event.confirmed.display() if event.confirmed else ""),
        ("Note", event.note or ""),
        ("Summary", event.summary),
        ("Sources", "\n".join(event.sources)),
        ("Defined at", str(event.origin)),
    ]
    pairs = [(k, v) for k, v in pairs if v]
    own = Provenance().file(event)
    heading = f"{event.title}  [{event.id}]" + (f"  (from {own})" if own else "")

    return Listing(
        fields=[*EVENT_FIELDS, "from_file", "ranks"],
        records=[{**event_record(event), "from_file": own, "ranks": _rank_records(held)}],
        columns=[Column("Field"), Column("Value", wrap=True)],
        rows=[[k, v] for k, v in pairs],
        heading=heading,
        single=True,
    )
