"""Events as output: the JSON record of an event (the documented schema), and the listings of
`list` and `show`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from spacetime.core.dates import EventDate, Precision
from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline
from spacetime.core.words import ago, days_ago, months_ago, plural
from spacetime.engine.query import Match
from spacetime.output.listing import Brief, Column, Deferred, Listing, Mapped, glued
from spacetime.output.provenance import Provenance

if TYPE_CHECKING:
    from spacetime.engine.firsts import Claim, Rank

__all__ = [
    "EVENT_FIELDS",
    "PASSED",
    "STATUS_MARKS",
    "compact_date",
    "event_detail",
    "event_listing",
    "event_record",
    "plan_passed",
    "relative",
    "status_text",
    "with_ids",
]

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
    "plan_passed",
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

STATUS_MARKS = {
    Status.ACHIEVED: "✓",
    Status.PARTIAL: "◐",
    Status.FAILED: "×",
    Status.PLANNED: "○",
    Status.CANCELLED: "⊘",
}
MARKS_LEGEND = " · ".join(f"{mark} {status.value}" for status, mark in STATUS_MARKS.items())


def compact_date(d: EventDate) -> str:
    """The date for a narrow column: no time of day; an interval on two lines."""
    if not d.interval:
        return d.display(False)
    start = d.start.display(False) if d.start else "?"
    end = d.end.display(False) if d.end else "ongoing" if d.text.endswith("..") else "?"
    return f"{start} –\n{end}"


def date_cell(d: EventDate) -> str:
    """The date as a table cell: in full, compact when the terminal is narrow."""
    full = d.display()
    short = compact_date(d)
    return Brief(full, short) if short != full else full


def country_cell(timeline: Timeline, codes: tuple[str, ...]) -> str:
    """Country names, a short one kept whole on its line ("South Africa", never "South" above
    "Africa"), or their codes in a narrow terminal when there are more than two."""
    names = ", ".join(_whole_name(timeline.name_of(code)) for code in codes)
    return Brief(names, ", ".join(codes)) if len(codes) > 2 else names


WHOLE_NAME = len("United Kingdom")
"""A country's name this short stays on one line of a table cell; a longer one may wrap."""


def _whole_name(name: str) -> str:
    return glued(name) if len(name) <= WHOLE_NAME else name


PASSED = "date passed, outcome not recorded"
"""How a plan whose date has passed without an outcome is shown (it is not a plain plan)."""


def plan_passed(event: Event, today: date | None = None) -> bool:
    """A plan whose last day is before `today` (the run's today, or its --as-of day; None: the
    clock's UTC date)."""
    if event.status is not Status.PLANNED or event.date.last_day is None:
        return False
    if today is None:
        from datetime import UTC, datetime

        today = datetime.now(UTC).date()
    return event.date.last_day < today


def status_cell(status: Status, passed: bool = False) -> Brief:
    if passed:
        return Brief(f"{status.value}: {PASSED}", STATUS_MARKS[status] + "!")
    return Brief(status.value, STATUS_MARKS[status])


def status_text(event: Event, today: date | None = None) -> str:
    """An event's status in words ("planned: date passed, outcome not recorded")."""
    return str(status_cell(event.status, plan_passed(event, today)))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def event_record(
    event: Event, stands_for: str | None = None, today: date | None = None
) -> dict[str, Any]:
    """The JSON object of an event; every key is always present (null or [] when empty).
    `plan_passed` is counted from `today` (the run's today by default, or its --as-of day)."""
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
        "plan_passed": plan_passed(event, today),
        "milestones": list(event.milestones),
        "mission": event.mission,
        "vehicle": event.vehicle,
        "launch": event.launch,
        "note": event.note,
        "confirmed": event.confirmed.text if event.confirmed else None,
        "sources": list(event.sources),
        "stands_for": stands_for,
    }


def event_listing(
    timeline: Timeline, matches: list[Match], *, ids: bool = False, today: date | None = None
) -> Listing:
    """The answer of `spacetime list` (`ids`: with a column of event ids; `today`: the day plans
    are past from, the run's today by default). An event of the user's that replaces a bundled
    one says so in the table: `Sputnik 1 (from mine.yaml)`. Its records are made as they are
    written and its table cells and styles only for a table, so that a long answer written as
    JSON holds one record at a time."""

    def row(m: Match) -> list[str]:
        countries = country_cell(timeline, m.event.countries)
        if m.stands_for:
            countries += f" (→\u00a0{timeline.name_of(m.stands_for)})"
        e = m.event
        status = status_cell(e.status, plan_passed(e, today))
        replacing = timeline.replaced.get(e.id)  # yours, in place of a bundled event: marked
        title = f"{e.title} (from {replacing})" if replacing else e.title
        return [date_cell(e.date), title, countries, e.category or "", status]

    count = plural(len(matches), "event")
    if any(m.stands_for for m in matches):
        count += "; (→ X) marks a predecessor's event, shown for its successor (--no-lineage leaves them out)"
    footer = Brief(count, f"{count}\n{MARKS_LEGEND}") if matches else count
    listing = Listing(
        fields=EVENT_FIELDS,
        records=Mapped(lambda m: event_record(m.event, m.stands_for, today), matches),
        columns=[
            Column("Date"),
            Column("Event", wrap=True, main=True),
            Column("Countries", wrap=True, drop=1),
            Column("Category", drop=2),
            Column(Brief("Status", "")),
        ],
        rows=Deferred(lambda: [row(m) for m in matches]),
        styles=Deferred(lambda: [STATUS_STYLES[m.event.status] for m in matches]),
        footer=footer,
    )
    return with_ids(listing, [m.event.id for m in matches]) if ids else listing


def with_ids(listing: Listing, ids: list[str]) -> Listing:
    """The listing with a first column of event ids (in a narrow terminal the date gives way to
    them: `spacetime show ID` has it)."""
    listing.columns[0] = listing.columns[0]._replace(drop=3)
    listing.columns.insert(0, Column("Id"))
    for row, event_id in zip(listing.rows, ids, strict=True):
        row.insert(0, event_id)
    return listing


def relative(event_date: EventDate, today: date) -> str:
    """ "67 years ago", "in 3 years", "this year": measured from the first day, in whole years;
    within a year of today in days ("today", "23 days ago", "in 5 days"), or in calendar months
    for a date known to the month ("1 month ago", "this month")."""
    first = event_date.first_day
    if first is None:
        return ""
    from dateutil.relativedelta import relativedelta

    last = event_date.last_day or today
    if first == last == today:
        return days_ago(0)
    monthly = event_date.precision is Precision.MONTH and not event_date.interval
    if monthly:  # within a year: in calendar months, as the date is known
        within = months_ago((today.year - first.year) * 12 + today.month - first.month)
    else:
        within = days_ago((today - first).days)
    if first > today:
        years = relativedelta(first, today).years
        return ago(-years) if years else within
    if last >= today:
        return "now" if event_date.open_end else within if monthly else "this year"
    years = relativedelta(today, first).years
    return ago(years) if years else within


def _places(timeline: Timeline, event: Event, held: list[tuple[Claim, Rank]]) -> list[str]:
    """ "First lunar sample return: China 3rd, after United States, Soviet Union", one a line."""
    from spacetime.engine.firsts import ordinal, via_text  # `show` only

    lines = []
    placed = set()
    organizations = {code for code in event.countries if _is_organization(timeline, code)}
    for claim, rank in held:
        placed.add(claim.milestone)
        name = timeline.milestones[claim.milestone].name
        if claim.via:
            name += f" ({via_text(timeline, claim.via)})"
        after = f", after {timeline.names_of(rank.before)}" if rank.before else ""
        among = " among organizations" if rank.organization else ""
        beside = sorted(organizations - {claim.country}) if not rank.organization else []
        with_them = f" (with {timeline.names_of(beside)})" if beside else ""
        place = f"{ordinal(rank.place)}{among}{after}"
        lines.append(f"{name}: {timeline.name_of(claim.country)}{with_them} {place}")
    unplaced = [timeline.milestones[m].name for m in event.milestones if m not in placed]
    return unplaced + lines


def _is_organization(timeline: Timeline, code: str) -> bool:
    entity = timeline.entities.get(code)
    return entity is not None and entity.kind.value == "organization"


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
        ("Status", status_text(event, today)),
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
    own = Provenance(timeline).file(event)
    heading = f"{event.title}  [{event.id}]" + (f"  (from {own})" if own else "")

    return Listing(
        fields=[*EVENT_FIELDS, "from_file", "ranks"],
        records=[
            {**event_record(event, today=today), "from_file": own, "ranks": _rank_records(held)}
        ],
        columns=[Column("Field"), Column("Value", wrap=True, main=True)],
        rows=[[k, v] for k, v in pairs],
        heading=heading,
        single=True,
    )
