"""The answer of `spacetime firsts`: the world firsts in order, or one nation's firsts beside them."""

from __future__ import annotations

from typing import Any

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Cell
from spacetime.output.compare import lag_text
from spacetime.output.listing import Column, Listing
from spacetime.output.provenance import Provenance

__all__ = ["nation_firsts_listing", "world_firsts_listing"]


def _event_fields(prefix: str, event: Event | None, where: Provenance) -> dict[str, Any]:
    return {
        f"{prefix}event": event.id if event else None,
        f"{prefix}date": event.date.text if event else None,
        f"{prefix}first_day": event.date.first_day.isoformat()
        if event and event.date.first_day
        else None,
        f"{prefix}countries": list(event.countries) if event else [],
        f"{prefix}from_file": where.file(event),
    }


def world_firsts_listing(timeline: Timeline, firsts: dict[str, Event]) -> Listing:
    ordered = sorted(firsts.items(), key=lambda item: item[1].sort_key())
    where = Provenance()
    records = [
        {
            "milestone": code,
            "name": timeline.milestones[code].name,
            **_event_fields("", event, where),
        }
        for code, event in ordered
    ]
    rows = [
        [
            event.date.display(),
            timeline.milestones[code].name,
            timeline.names_of(event.countries),
            where.mark(event.mission or event.title, event),
        ]
        for code, event in ordered
    ]
    return Listing(
        fields=["milestone", "name", "event", "date", "first_day", "countries", "from_file"],
        records=records,
        columns=[Column("Date"), Column("Milestone"), Column("By"), Column("Mission", wrap=True)],
        rows=rows,
        footer=f"{len(records)} world firsts",
    )


def nation_firsts_listing(
    timeline: Timeline, nation: str, cells: list[Cell], world: dict[str, Event]
) -> Listing:
    records = []
    rows = []
    where = Provenance()
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
                **_event_fields("", cell.event, where),
                "by": cell.by,
                **_event_fields("world_first_", first, where),
                "lag_days": cell.lag_days,
            }
        )
        if cell.event is None:
            continue
        mine = cell.event.date.display()
        if cell.planned:
            beside, lag = "", f"planned {mine}"
        elif cell.world_first or first is None:
            beside, lag = "★ world first", ""
        else:
            assert cell.lag is not None
            beside = where.mark(
                f"{first.date.display()} {timeline.names_of(first.countries)}", first
            )
            lag = lag_text(*cell.lag)
        by = f" ({cell.by})" if cell.by else ""
        rows.append(
            [
                timeline.milestones[cell.milestone].name,
                mine,
                where.mark((cell.event.mission or cell.event.title) + by, cell.event),
                beside,
                lag,
            ]
        )
    return Listing(
        fields=list(records[0]) if records else [],
        records=records,
        columns=[
            Column("Milestone"),
            Column(f"{timeline.name_of(nation)}"),
            Column("Mission", wrap=True),
            Column("World first", wrap=True),
            Column("Behind"),
        ],
        rows=rows,
        footer=f"{sum(1 for r in records if r['status'] == 'achieved')} milestones achieved",
    )
