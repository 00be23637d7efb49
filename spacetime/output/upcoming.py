"""Upcoming launches as output: the JSON record of one (the documented schema) and the listing of
`spacetime next`, whose footer carries the credit to The Space Devs and the age of the list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from spacetime.core.timeline import Timeline
from spacetime.core.words import plural
from spacetime.launches.upcoming import FIELDS, Upcoming, countdown, period, when
from spacetime.output.listing import NBSP, Brief, Column, Listing
from spacetime.sources.ll2 import CREDIT, Stored

__all__ = [
    "NEXT_FIELDS",
    "age_note",
    "next_by_nation",
    "next_listing",
    "upcoming_line",
    "upcoming_record",
]

NEXT_FIELDS = [
    *FIELDS[:4],  # id, name, net, precision
    "date_display",
    "first_day",
    "last_day",
    "countdown",
    *FIELDS[4:],  # window_start ... country_name
    "source",
]
SOURCE = "Launch Library 2, The Space Devs (https://thespacedevs.com)"
STATUS_STYLES = {"Go": "green", "Hold": "yellow", "TBD": "dim"}


def upcoming_record(timeline: Timeline, launch: Upcoming, now: datetime) -> dict[str, Any]:
    """The JSON object of an upcoming launch; every key always present (null or "" when LL2
    gives nothing)."""
    first, last = period(launch)
    return {
        "id": launch.id,
        "name": launch.name,
        "net": launch.net,
        "precision": launch.precision or None,
        "date_display": when(launch),
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "countdown": countdown(launch, now),
        "window_start": launch.window_start,
        "window_end": launch.window_end,
        "status": launch.status,
        "status_name": launch.status_name or None,
        "vehicle": launch.vehicle,
        "vehicle_full": launch.vehicle_full,
        "families": list(launch.families),
        "mission": launch.mission or None,
        "mission_type": launch.mission_type or None,
        "orbit": launch.orbit or None,
        "provider": launch.provider,
        "provider_abbrev": launch.provider_abbrev or None,
        "pad": launch.pad,
        "location": launch.location or None,
        "country": launch.country or None,
        "country_name": _country(timeline, launch) or None,
        "source": SOURCE,
    }


def _country(timeline: Timeline, launch: Upcoming) -> str:
    """The pad's country by the vocabulary's name when it knows the code, else LL2's name."""
    entity = timeline.entities.get(launch.country)
    return entity.name if entity else launch.country_name or launch.country


def age_note(stored: Stored, now: datetime) -> str | None:
    """ "the list was fetched 3 days ago (4 Dec 2026)...": only for a list older than a day."""
    age = now - stored.fetched
    if age.total_seconds() <= 24 * 3600:
        return None
    days = age.days
    fetched = f"{stored.fetched.day} {stored.fetched:%b %Y}"
    return (
        f"the list of upcoming launches is {plural(days, 'day')} old (fetched {fetched}); "
        "spacetime update --upcoming renews it"
    )


def next_listing(
    timeline: Timeline,
    launches: Sequence[Upcoming],
    stored: Stored,
    now: datetime,
    human: bool = True,
) -> Listing:
    """The answer of `spacetime next` (the human cells only when `human`)."""
    rows = []
    for launch in launches if human else ():
        where = launch.pad + (f", {launch.location}" if launch.location else "")
        rows.append(
            [
                Brief(when(launch), when(launch).replace(" UTC", "")),
                countdown(launch, now),
                launch.status,
                _whole(launch.vehicle_full),
                _whole(launch.mission or launch.name),
                Brief(launch.provider, launch.provider_abbrev or launch.provider),
                Brief(where, launch.pad),
                Brief(_country(timeline, launch), launch.country or _country(timeline, launch)),
            ]
        )
    footer = plural(len(launches), "upcoming launch", "upcoming launches")
    if stored.total > len(stored.launches):
        footer += (
            f" (from the soonest {len(stored.launches)} of the {stored.total} "
            "Launch Library 2 lists)"
        )
    fetched = f"{stored.fetched.day} {stored.fetched:%b %Y %H:%M} UTC"
    return Listing(
        fields=NEXT_FIELDS,
        records=[upcoming_record(timeline, launch, now) for launch in launches],
        columns=[
            Column("When (UTC)"),
            Column("Countdown", drop=1),
            Column("Status", drop=2),
            Column("Vehicle", wrap=True),
            Column("Mission", wrap=True, main=True),
            Column("Provider", wrap=True, drop=4),
            Column("Pad", wrap=True, drop=5),
            # left out, then status and countdown, before a word is cut; beside no Pad column
            # (narrow), its header says whose country it is: the pad's, not the launch's nation
            Column(Brief("Country", "Pad in"), drop=3),
        ],
        rows=rows,
        styles=[STATUS_STYLES.get(launch.status) for launch in launches] if human else [],
        footer=f"{footer}\n{CREDIT}, fetched {fetched}",
    )


def upcoming_line(launch: Upcoming, now: datetime) -> str:
    """One upcoming launch in a line (`show` of a planned event)."""
    where = launch.location or launch.pad
    return (
        f"{launch.name}: {when(launch)} ({countdown(launch, now)}), {launch.status}, "
        f"{where} (Launch Library 2; spacetime next)"
    )


NEXT_PER_NATION = 3


def next_by_nation(
    timeline: Timeline, chosen: dict[str, list[Upcoming]], now: datetime
) -> tuple[Listing, dict[str, list[dict[str, Any]]]]:
    """`compare --next`: each nation's next launches (from pads in the nation) as a table, and
    as the JSON document's `next` (nation code -> launch records)."""
    rows = []
    document: dict[str, list[dict[str, Any]]] = {}
    for code, launches in chosen.items():
        document[code] = [upcoming_record(timeline, launch, now) for launch in launches]
        name = timeline.name_of(code)
        if not launches:
            rows.append([name, "—", "", "", "", ""])
        for launch in launches:
            rows.append(
                [
                    name,
                    Brief(when(launch), when(launch).replace(" UTC", "")),
                    countdown(launch, now),
                    launch.status,
                    _whole(launch.vehicle_full),
                    _whole(launch.mission or launch.name),
                ]
            )
    listing = Listing(
        fields=["nation", *NEXT_FIELDS],
        records=[{"nation": c, **r} for c, records in document.items() for r in records],
        columns=[
            Column("Nation"),
            Column("When (UTC)"),
            Column("Countdown", drop=2),  # left out, then the status, before a name is cut
            Column("Status", drop=1),
            Column("Vehicle", wrap=True),
            Column("Mission", wrap=True, main=True),
        ],
        rows=rows,
        footer=CREDIT,
    )
    return listing, document


def _whole(name: str) -> str:
    """A name whose short last part stays with the word before it in a narrow table ("Long
    March 5", "Kuiper Flight 3", "Meteor-M No. 2-5" never end a line on "March", "Flight", "No.")."""
    return re.sub(r" (?=\S{1,3}$)", NBSP, name)
