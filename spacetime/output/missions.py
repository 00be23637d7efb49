"""The answer of `spacetime show WORDS` when the words name one mission: its launch from the
launch log, then its events in date order, each with its date and sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spacetime.core.dates import EventDate
from spacetime.core.model import Event
from spacetime.output.listing import Column, Listing

if TYPE_CHECKING:
    from spacetime.launches.model import Launch

__all__ = ["MISSION_FIELDS", "mission_listing"]

MISSION_FIELDS = ["mission", "part", "id", "date", "date_display", "title", "sources"]


def mission_listing(mission: str, launch: Launch | None, events: Sequence[Event]) -> Listing:
    """One row for the launch (GCAT's tag as its id) when the log has it, then one per event."""
    records: list[dict[str, Any]] = []
    footer = ""  # GCAT's credit under the table, kept when the Sources column gives way
    if launch is not None:
        from spacetime.launches.model import CREDIT

        footer = CREDIT
        payloads = ", ".join(launch.payloads[:2]) + (
            f" +{len(launch.payloads) - 2}" if len(launch.payloads) > 2 else ""
        )
        from spacetime.launches.names import site_name, vehicle_name

        title = f"Launch: {vehicle_name(launch.vehicle)} from {site_name(launch.site)}" + (
            f" ({payloads})" if payloads else ""
        )
        records.append(_record(mission, "launch", launch.tag, launch.date, title, [CREDIT]))
    for event in events:
        records.append(
            _record(mission, "event", event.id, event.date, event.title, list(event.sources))
        )
    # the id stays beside its title (the way `show ID` is found) when a narrow terminal leaves
    # the Sources out; the footer says where the sources are then
    rows = [
        [r["date_display"], f"{r['title']} [{r['id']}]", "\n".join(r["sources"])] for r in records
    ]
    hint = "Each event in full, with its sources: spacetime show ID"
    footer = f"{hint}\n{footer}" if footer else hint
    return Listing(
        fields=MISSION_FIELDS,
        records=records,
        columns=[
            Column("Date"),
            Column("What", wrap=True, main=True),
            Column("Sources", wrap=True, drop=1),
        ],
        rows=rows,
        heading=f"Mission {mission}: {_count(launch, events)}",
        footer=footer,
        row_lines=True,
    )


def _record(
    mission: str, part: str, key: str, when: EventDate, title: str, sources: list[str]
) -> dict[str, Any]:
    return {
        "mission": mission,
        "part": part,
        "id": key,
        "date": when.text,
        "date_display": when.display(),
        "title": title,
        "sources": sources,
    }


def _count(launch: Launch | None, events: Sequence[Event]) -> str:
    told = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    return f"its launch and {told}" if launch is not None else told
