"""The answer of `spacetime compare`: a milestone matrix, a summary per nation, activity over time.

JSON is one document (schema in the README); CSV, TSV and JSON Lines carry the matrix in long form,
one row per milestone and nation; the table and Markdown forms show all three sections.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from spacetime.core.dates import Per
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Cell, Comparison
from spacetime.engine.firsts import ordinal, via_text
from spacetime.output.listing import Align, Bar, Brief, Column, Listing, Report, glued
from spacetime.output.provenance import Provenance

if TYPE_CHECKING:
    from spacetime.launches.cadence import Cadence

__all__ = ["MILESTONE_HEADER", "comparison_report", "lag_text", "milestone_cell"]

WORLD = "★"
AMONG = "◆"
BAR_WIDTH = 12
CELL_FIELDS = [
    "milestone",
    "nation",
    "status",
    "event",
    "date",
    "date_display",
    "first_day",
    "countries",
    "from_file",
    "mission",
    "by",
    "is_world_first",
    "is_first_among",
    "lag_days",
    "lag_years",
    "lag_months",
    "via",
    "rank",
    "before",
]


MILESTONE_HEADER = Brief("Milestone", "First")


def milestone_cell(name: str) -> str:
    """A milestone's name; in a narrow terminal without its leading "First" (under a "First"
    header)."""
    return Brief(name, name[6:]) if name.startswith("First ") else name


def lag_text(years: int, months: int, days: int | None = None) -> str:
    """A lag behind the world first: `+12 y 6 m`, `+20 y` (no `0 m`), `+4 m`; under a month in
    days (`+23 d`), and `same day` for none."""
    if years:
        return f"+{years} y {months} m" if months else f"+{years} y"
    if months or days is None:
        return f"+{months} m"
    return f"+{days} d" if days else "same day"


def _days(days: float | None) -> float | None:
    """A median lag in days: always a number with a fraction (a median of two lags may be half a
    day), or null."""
    return None if days is None else float(days)


def _years(days: float | None) -> str:
    return "—" if days is None else f"{days / 365.25:.1f} y"


def _per_decade(by_decade: dict[str, tuple[int, float]]) -> str:
    items = [glued(f"{k}: {n} at {_years(lag)}") for k, (n, lag) in by_decade.items()]
    return Brief("; ".join(items), "\n".join(items))


def event_ref(prefix: str, event: Event | None, where: Provenance) -> dict[str, Any]:
    """A reference to an event, the same in every answer: its id, date (as written, for people,
    its first day), the countries it credits and the file it came from (null when bundled);
    `prefix` names whose event it is (`world_first_`)."""
    return {
        f"{prefix}event": event.id if event else None,
        f"{prefix}date": event.date.text if event else None,
        f"{prefix}date_display": event.date.display() if event else None,
        f"{prefix}first_day": event.date.first_day.isoformat()
        if event and event.date.first_day
        else None,
        f"{prefix}countries": list(event.countries) if event else [],
        f"{prefix}from_file": where.file(event),
    }


def _cell_record(cell: Cell, where: Provenance) -> dict[str, Any]:
    event = cell.event
    status = "none" if event is None else "planned" if cell.planned else "achieved"
    return {
        "milestone": cell.milestone,
        "nation": cell.nation,
        "status": status,
        **event_ref("", event, where),
        "mission": (event.mission or event.title) if event else None,
        "by": cell.by,
        "is_world_first": cell.world_first,
        "is_first_among": cell.first_among,
        "lag_days": cell.lag_days,
        "lag_years": cell.lag[0] if cell.lag else None,
        "lag_months": cell.lag[1] if cell.lag else None,
        "via": cell.via,
        "rank": cell.rank,
        "before": list(cell.before),
    }


def _cell_text(timeline: Timeline, cell: Cell, where: Provenance, today: date | None = None) -> str:
    event = cell.event
    if event is None:
        return "—"
    what = event.mission or event.title
    if cell.via:
        what += f" ({via_text(timeline, cell.via)})"
    if cell.planned:
        when = glued(event.date.display(False))
        what = where.mark(what, event)
        from spacetime.output.events import PASSED, plan_passed

        if plan_passed(event, today):
            what += f"\n({PASSED})"
        return Brief(f"planned {when}\n{what}", f"planned\n{when}\n{what}")
    if cell.world_first:
        mark = glued(f"{WORLD} world first")
    else:
        assert cell.lag is not None
        mark = glued(lag_text(*cell.lag, cell.lag_days) + (f" {AMONG}" if cell.first_among else ""))
        if cell.rank:
            mark += f" · {glued(ordinal(cell.rank))}"  # may go to a line of its own
    by = f" ({cell.by})" if cell.by else ""
    when = event.date.display(False)
    return f"{glued(when)}\n{mark}\n{where.mark(what + by, event)}"


def _matrix(
    timeline: Timeline, c: Comparison, today: date | None
) -> tuple[Listing, list[dict[str, Any]]]:
    where = Provenance(timeline)
    records = [_cell_record(c.cells[m, n], where) for m in c.milestones for n in c.nations]
    rows = [
        [
            milestone_cell(timeline.milestones[m].name),
            *(_cell_text(timeline, c.cells[m, n], where, today) for n in c.nations),
        ]
        for m in c.milestones
    ]
    legend = (
        f"{WORLD} world first · {AMONG} first among these nations · +y m: behind the world first"
        " · 3rd: place among all nations (a lineage counts once)"
        " · (XX): achieved by a predecessor (--no-lineage leaves them out)"
    )
    listing = Listing(
        fields=CELL_FIELDS,
        records=records,
        columns=[
            Column(MILESTONE_HEADER, wrap=True),
            *(Column(timeline.name_of(n), wrap=True) for n in c.nations),
        ],
        rows=rows,
        footer=legend,
        row_lines=True,
    )
    document = []
    for m in c.milestones:
        first = c.world_firsts.get(m)
        document.append(
            {
                "milestone": m,
                "name": timeline.milestones[m].name,
                "world_first": None if first is None else event_ref("", first, where),
                "cells": {n: _cell_record(c.cells[m, n], where) for n in c.nations},
            }
        )
    return listing, document


def _summary(timeline: Timeline, c: Comparison) -> tuple[Listing, list[dict[str, Any]]]:
    records = [
        {
            "nation": s.nation,
            "achieved": s.achieved,
            "world_firsts": s.world_firsts,
            "planned": s.planned,
            "median_lag_days": _days(s.median_lag_days),
            "by_decade": {
                decade: {"milestones": n, "median_lag_days": _days(lag)}
                for decade, (n, lag) in s.by_decade.items()
            },
        }
        for s in c.summaries
    ]
    rows = [
        [
            timeline.name_of(s.nation),
            str(s.achieved),
            str(s.world_firsts),
            str(s.planned),
            _years(s.median_lag_days),
            _per_decade(s.by_decade),
        ]
        for s in c.summaries
    ]
    listing = Listing(
        fields=list(records[0]) if records else [],
        records=records,
        columns=[
            Column("Nation", wrap=True),
            Column(Brief("Milestones", "Got"), justify=Align.RIGHT),
            Column(Brief("World firsts", WORLD), justify=Align.RIGHT),
            Column(Brief("Planned", "Plans"), justify=Align.RIGHT),
            Column(Brief("Median lag", "Lag"), justify=Align.RIGHT),
            Column(
                Brief("Reached per decade: count at median lag", "Per decade"), wrap=True, main=True
            ),
        ],
        rows=rows,
    )
    return listing, records


def _activity(
    timeline: Timeline, c: Comparison, by_category: bool
) -> tuple[Listing, dict[str, Any]]:
    keys: list[tuple[int, str | None, str]] = []
    for period in c.periods:
        if by_category:
            cats = sorted(
                {cat for n in c.nations for (s, cat) in c.activity[n] if s == period.start}
            )
            keys.extend((period.start, cat, f"{period.label} {cat}") for cat in cats)
        else:
            keys.append((period.start, None, period.label))

    def count(nation: str, start: int, category: str | None) -> int:
        return sum(
            v
            for (s, cat), v in c.activity[nation].items()
            if s == start and category in (None, cat)
        )

    table = {key: [count(n, key[0], key[1]) for n in c.nations] for key in keys}
    peak = max((v for values in table.values() for v in values), default=0)
    rows = [
        [label, *(Bar(v, peak, f"{v:>3} ", BAR_WIDTH) for v in table[(s, cat, label)])]
        for (s, cat, label) in keys
    ]
    document = {
        "periods": [label for (_, _, label) in keys],
        "counts": {
            n: {label: table[key][i] for key in keys for label in [key[2]]}
            for i, n in enumerate(c.nations)
        },
    }
    listing = Listing(
        fields=["period", *c.nations],
        records=[
            {"period": label, **dict(zip(c.nations, table[(s, cat, label)], strict=True))}
            for (s, cat, label) in keys
        ],
        columns=[Column("Period"), *(Column(timeline.name_of(n)) for n in c.nations)],
        rows=rows,
    )
    return listing, document


def _cadence(
    timeline: Timeline, c: Cadence, cutoff: date | None
) -> tuple[Listing, Listing, dict[str, Any]]:
    """Launches and success rate per nation and period, then busiest years and overtakes (a
    busiest year the log covers only in part, up to `cutoff`, marked so)."""
    from spacetime.launches.model import CREDIT
    from spacetime.output.freshness import partial_mark

    def label(period: int) -> str:
        return c.by.label(period)

    def rate(launches: int, successes: int) -> float | None:
        return round(successes / launches, 4) if launches else None

    peak = max((n for n, _ in c.table.values()), default=0)
    rows = []
    for period in c.periods:
        cells = []
        for n in c.nations:
            launches, successes = c.table[n, period]
            share = f" {successes / launches:>4.0%}" if launches else "     "
            cells.append(Bar(launches, peak, f"{launches:>4}{share} ", BAR_WIDTH))
        rows.append([label(period), *cells])
    records = [
        {
            "period": label(period),
            **{
                f"{n}_{key}": value
                for n in c.nations
                for key, value in (
                    ("launches", c.table[n, period][0]),
                    ("success_rate", rate(*c.table[n, period])),
                )
            },
        }
        for period in c.periods
    ]
    per_period = Listing(
        fields=list(records[0]) if records else ["period"],
        records=records,
        columns=[Column("Period"), *(Column(timeline.name_of(n)) for n in c.nations)],
        rows=rows,
        footer=f"launches, success rate · {CREDIT}",
    )
    record_rows = []
    partial: str | None = None
    for n in c.nations:
        busiest = c.busiest[n]
        if busiest:
            mark = partial_mark(str(busiest[0]), cutoff) if cutoff else None
            partial = partial or mark
            star = "*" if mark else ""
            record_rows.append(
                [timeline.name_of(n), f"busiest year {busiest[0]}{star}: {busiest[1]} launches"]
            )
    for nation, other, year in c.overtakes:
        record_rows.append(
            [timeline.name_of(nation), f"overtook {timeline.name_of(other)} in {year}"]
        )
    records_listing = Listing(
        fields=["nation", "record"],
        records=[{"nation": a, "record": b} for a, b in record_rows],
        columns=[Column("Nation"), Column("Launch record", wrap=True)],
        rows=record_rows,
        footer=partial,
    )
    document = {
        "by": c.by,
        "periods": [label(p) for p in c.periods],
        "counts": {
            n: {
                label(p): {
                    "launches": c.table[n, p][0],
                    "successes": c.table[n, p][1],
                    "success_rate": rate(*c.table[n, p]),
                }
                for p in c.periods
            }
            for n in c.nations
        },
        "busiest_year": {
            n: ({"year": b[0], "launches": b[1]} if (b := c.busiest[n]) else None)
            for n in c.nations
        },
        "overtakes": [{"nation": a, "other": b, "year": y} for a, b, y in c.overtakes],
        "source": CREDIT,
    }
    return per_period, records_listing, document


def comparison_report(
    timeline: Timeline,
    c: Comparison,
    *,
    lineage: bool,
    by: Per,
    by_category: bool,
    cadence: Cadence | None = None,
    today: date | None = None,
    cutoff: date | None = None,
) -> Report:
    """`today`: the day plans are past from (the run's today by default, or its --as-of day);
    `cutoff`: the last day the launch counts cover (a busiest year after it is marked partial)."""
    matrix, matrix_doc = _matrix(timeline, c, today)
    summary, summary_doc = _summary(timeline, c)
    activity, activity_doc = _activity(timeline, c, by_category)
    document = {
        "nations": [
            {
                "code": n,
                "name": timeline.name_of(n),
                "includes": [n, *(timeline.predecessors(n) if lineage else [])],
            }
            for n in c.nations
        ],
        "lineage": lineage,
        "matrix": matrix_doc,
        "summary": summary_doc,
        "activity": {"by": by, "by_category": by_category, **activity_doc},
    }
    names = " · ".join(timeline.name_of(n) for n in c.nations)
    sections = [
        (f"Milestones: {names}", matrix),
        ("Summary", summary),
        (f"Events per {by}", activity),
    ]
    if cadence is not None:
        per_period, records, document["launches"] = _cadence(timeline, cadence, cutoff)
        sections += [(f"Orbital launch attempts per {by}", per_period), ("Launch records", records)]
    return Report(sections=sections, document=document, flat=matrix)
