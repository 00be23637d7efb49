"""The answer of `spacetime firsts`: the world firsts in order, or one nation's firsts beside them."""

from __future__ import annotations

from datetime import date

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Cell
from spacetime.engine.firsts import Rank, ordinal, via_text
from spacetime.output.compare import MILESTONE_HEADER, event_ref, lag_text, milestone_cell
from spacetime.output.events import PASSED, compact_date, date_cell, plan_passed
from spacetime.output.listing import Brief, Column, Listing, glued
from spacetime.output.provenance import Provenance

__all__ = ["nation_firsts_listing", "world_firsts_listing"]


FOLLOWERS = 3


def _order(places: dict[str, Rank]) -> list[Rank]:
    """The distinct places of a milestone, in order (one per lineage): countries, then
    organizations."""
    seen: dict[tuple[str, str], Rank] = {}
    for rank in places.values():
        seen.setdefault((rank.event, rank.by), rank)
    return sorted(seen.values(), key=lambda r: (r.organization, r.place, r.by))


def _followers(order: list[Rank]) -> str:
    later = [r.by for r in order if r.place > 1 and not r.organization]
    shown = ", ".join(later[:FOLLOWERS])
    return shown + (f" +{len(later) - FOLLOWERS}" if len(later) > FOLLOWERS else "")


def world_firsts_listing(
    timeline: Timeline, firsts: dict[str, Event], places: dict[str, dict[str, Rank]]
) -> Listing:
    ordered = sorted(firsts.items(), key=lambda item: item[1].sort_key())
    where = Provenance(timeline)
    orders = {code: _order(places.get(code, {})) for code, _event in ordered}
    records = [
        {
            "milestone": code,
            "name": timeline.milestones[code].name,
            **event_ref("", event, where),
            "order": [{"nation": r.by, "rank": r.place, "event": r.event} for r in orders[code]],
        }
        for code, event in ordered
    ]
    rows = [
        [
            date_cell(event.date),
            milestone_cell(timeline.milestones[code].name),
            ", ".join(glued(timeline.name_of(c)) for c in event.countries),
            where.mark(event.mission or event.title, event),
            _followers(orders[code]),
        ]
        for code, event in ordered
    ]
    return Listing(
        fields=[
            "milestone",
            "name",
            *event_ref("", None, where),
            "order",
        ],
        records=records,
        columns=[
            Column("Date"),
            Column(MILESTONE_HEADER, wrap=True),
            Column("By", wrap=True, drop=1),
            Column("Mission", wrap=True, main=True),
            Column("Then", wrap=True),
        ],
        rows=rows,
        footer=f"{len(records)} world firsts",
    )


def nation_firsts_listing(
    timeline: Timeline,
    nation: str,
    cells: list[Cell],
    world: dict[str, Event],
    today: date | None = None,
) -> Listing:
    """One nation's firsts beside the world firsts (`today`: the day plans are past from, the
    run's today by default)."""
    records = []
    rows = []
    where = Provenance(timeline)
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
                **event_ref("", cell.event, where),
                "by": cell.by,
                **event_ref("world_first_", first, where),
                "lag_days": cell.lag_days,
                "via": cell.via,
                "rank": cell.rank,
                "before": list(cell.before),
            }
        )
        if cell.event is None:
            continue
        mine: str = compact_date(cell.event.date)
        when: str
        if cell.planned:
            passed = f" ({PASSED})" if plan_passed(cell.event, today) else ""
            mine = Brief(f"planned {mine}{passed}", f"planned\n{mine}{passed}")
            when, who, lag = "", "", ""
        elif cell.world_first or first is None:
            when, who, lag = Brief("★ world first", "★"), "", ""
        else:
            assert cell.lag is not None
            when = where.mark(first.date.display(False), first)
            lag = lag_text(*cell.lag, cell.lag_days)
            who = ", ".join(glued(timeline.name_of(c)) for c in first.countries)
        by = f" ({cell.by})" if cell.by else ""
        via = f" ({via_text(timeline, cell.via)})" if cell.via else ""
        place = ""
        if cell.rank:
            after = f" after {', '.join(cell.before)}" if cell.before else ""
            place = f"{ordinal(cell.rank)}{after}"
        rows.append(
            [
                milestone_cell(timeline.milestones[cell.milestone].name),
                mine,
                where.mark((cell.event.mission or cell.event.title) + via + by, cell.event),
                when,
                who,
                lag,
                place,
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
            Column("Rank", wrap=True, drop=2),
        ],
        rows=rows,
        footer=Brief(achieved, f"{achieved}; ★ world first") if achieved != "0" else achieved,
    )
