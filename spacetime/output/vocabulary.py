"""The listings of `spacetime countries` and `spacetime milestones`."""

from __future__ import annotations

from collections import Counter

from spacetime.core.timeline import Timeline
from spacetime.engine.firsts import world_firsts
from spacetime.output.compare import event_ref
from spacetime.output.listing import Align, Column, Listing, glued
from spacetime.output.provenance import Provenance

__all__ = ["category_listing", "entity_listing", "milestone_listing"]


def entity_listing(timeline: Timeline, every: bool = False) -> Listing:
    """The countries and organizations of the timeline files and those with events; `every`
    adds the other ISO 3166-1 countries."""
    counts = Counter(code for event in timeline.events for code in event.countries)
    records = []
    rows = []
    for entity in sorted(timeline.entities.values(), key=lambda e: e.name.casefold()):
        if not (every or counts[entity.code] or entity.origin.file in timeline.files):
            continue
        lineage = " → ".join(
            glued(timeline.name_of(c))
            for c in [*reversed(timeline.predecessors(entity.code)), *timeline.lineage(entity.code)]
        )
        records.append(
            {
                "code": entity.code,
                "name": entity.name,
                "kind": entity.kind.value,
                "aliases": list(entity.aliases),
                "successor": entity.successor,
                "predecessors": timeline.predecessors(entity.code),
                "events": counts[entity.code],
            }
        )
        rows.append(
            [
                entity.code,
                entity.name,
                entity.kind.value,
                ", ".join(entity.aliases),
                lineage if "→" in lineage else "",
                str(counts[entity.code]),
            ]
        )
    return Listing(
        fields=["code", "name", "kind", "aliases", "successor", "predecessors", "events"],
        records=records,
        columns=[
            Column("Code"),
            Column("Name", wrap=True),
            Column("Kind", drop=2),
            Column("Aliases", wrap=True, main=True),
            Column("Lineage", wrap=True, drop=1),
            Column("Events", justify=Align.RIGHT),
        ],
        rows=rows,
        footer=f"{len(records)} countries and organizations"
        + ("" if every else f" (of {len(timeline.entities)}: --all lists every one)"),
    )


def milestone_listing(timeline: Timeline) -> Listing:
    firsts = world_firsts(timeline)
    where = Provenance(timeline)
    records = []
    rows = []
    for milestone in timeline.milestones.values():
        first = firsts.get(milestone.code)
        records.append(
            {
                "code": milestone.code,
                "name": milestone.name,
                "definition": milestone.definition,
                "moment": milestone.moment.value if milestone.moment else None,
                "implied_by": list(milestone.implied_by),
                **event_ref("world_first_", first, where),
            }
        )
        holder = (
            f"{glued(first.date.display(False))}\n"
            + ", ".join(glued(timeline.name_of(c)) for c in first.countries)
            if first
            else "not yet"
        )
        rule = f"Counts at: {milestone.moment.value}." if milestone.moment else ""
        if milestone.implied_by:
            rule += f" Implied by: {', '.join(milestone.implied_by)}."
        rows.append([milestone.code, f"{milestone.definition}\n{rule}".strip(), holder])
    return Listing(
        fields=[
            "code",
            "name",
            "definition",
            "moment",
            "implied_by",
            *event_ref("world_first_", None, where),
        ],
        records=records,
        columns=[
            Column("Milestone"),
            Column("Definition", wrap=True, main=True),
            Column("World first", wrap=True, drop=1),
        ],
        rows=rows,
        footer=f"{len(records)} milestones",
    )


def category_listing(timeline: Timeline) -> Listing:
    counts = Counter(event.category for event in timeline.events)
    categories = list(timeline.categories.values())
    return Listing(
        fields=["code", "name", "definition", "events"],
        records=[
            {"code": c.code, "name": c.name, "definition": c.definition, "events": counts[c.code]}
            for c in categories
        ],
        columns=[
            Column("Category"),
            Column("Name", wrap=True, drop=1),
            Column("Definition", wrap=True, main=True),
            Column("Events", justify=Align.RIGHT),
        ],
        rows=[[c.code, c.name, c.definition, str(counts[c.code])] for c in categories],
        footer=f"{len(categories)} categories, {sum(counts.values())} events",
    )
