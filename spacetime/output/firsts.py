"""The answer of `spacetime firsts`: the world firsts in order, or one nation's firsts beside them."""

from __future__ import annotations

from typing import Any

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Cell
from spacetime.output.compare import MILESTONE_HEADER, lag_text, milestone_cell
from spacetime.output.events import compact_date, date_cell
from spacetime.output.listing import Brief, Column, Listing, glued

__all__ = ["nation_firsts_listing", "world_firsts_listing"]


def _event_fields(prefix: str, event: Event | None) -> dict[str, Any]:
    return {
        f"{prefix}event": event.id if event else None,
        f"{prefix}date": event.date.text if event else None,
        f"{prefix}first_day": event.date.first_day.isoformat()
        if event and event.date.first_day
        else None,
        f"{prefix}countries": list(event.countries) if event else [],
    }


def world_firsts_listing(timeline: Timeline, firsts: dict[str, Event]) -> Listing:
    ordered = sorted(firsts.items(), key=lambda item: item[1].sort_key())
    records = [
        {"milestone": code, "name": timeline.milestones[code].name, **_event_fields("", event)}
        for code, event in ordered
    ]
    rows = [
        [
            date_cell(event.date),
            milestone_cell(timeline.milestones[code].name),
            ", ".join(glued(timeline.name_of(c)) for c in event.countries),
            event.mission or event.title,
        ]
        for code, event in ordered
    ]
    return Listing(
        fields=["milestone", "name", "event", "date", "first_day", "countries"],
        records=records,
        columns=[
            Column("Date"),
            Column(MILESTONE_HEADER, wrap=True),
            Column("By", wrap=True, drop=1),
            Column("Mission", wrap=True, main=True),
        ],
        rows=rows,
        footer=f"{len(records)} world firsts",
    )


def nation_firsts_listing(
    timeline: Timeline, nation: str, cells: list[Cell], world: dict[str, Event]
) -> Listing:
    records = []
    rows = []
    for cell in cells:
        first = world.get(cell.milestone)
        records.append(
            {
                "milestone": cell.milestone,
                "name": timeline.milestones[cell.milestone].name,
                "status": "none"
                if cell.event is None
                else "planned"
                if cell.planned
                else "achieved",
                **_event_fields("", cell.event),
                "by": cell.by,
                **_event_fields("world_first_", first),
                "lag_days": cell.lag_days,
            }
        )
        if cell.event is None:
            continue
        mine: str = compact_date(cell.event.date)
        when: str
        if cell.planned:
            mine = Brief(f"planned {mine}", f"planned\n{mine}")
            when, who, lag = "", "", ""
        elif cell.world_first or first is None:
            when, who, lag = Brief("★ world first", "★"), "", ""
        else:
            assert cell.lag is not None
            when = first.date.display(False)
            lag = lag_text(*cell.lag)
            who = ", ".join(glued(timeline.name_of(c)) for c in first.countries)
        by = f" ({cell.by})" if cell.by else ""
        rows.append(
            [
                milestone_cell(timeline.milestones[cell.milestone].name),
                mine,
                (cell.event.mission or cell.event.title) + by,
                when,
                who,
                lag,
            ]
        )
    achieved = f"{sum(1 for r in records if r['status'] == 'achieved')} milestones achieved"
    return Listing(
        fields=list(records[0]) if records else [],
        records=records,
        columns=[
            Column(MILESTONE_HEADER, wrap=True),
            Column(f"{timeline.name_of(nation)}"),
            Column("Mission", wrap=True, main=True),
            Column(Brief("World first", "First")),
            Column("By", wrap=True, drop=1),
            Column("Behind"),
        ],
        rows=rows,
        footer=Brief(achieved, f"{achieved}; ★ world first") if achieved != "0" else achieved,
    )
