"""Milestone claims: who achieved each "first", who did it first in the world, and in what order.

A claim is an event listing a milestone, made for each of the event's countries. Planned events
claim nothing yet but are kept as plans; failed and cancelled events claim nothing. A milestone's
`implied_by` rule adds claims: a nation's lunar orbit is also its lunar flyby, marked `via` the
implying milestone, so that a nation whose first mission went straight into orbit is not shown
flying by years later.

Ranks follow the order of each nation's first achieved claim (by first day; nations on the same
day share a place). With the lineage on, a nation and its predecessors count as one: the Soviet
Union's first is Russia's, and a later claim by Russia takes no second place. Countries are ranked
among countries and organizations (ESA...) among organizations, so a flight credited to France and
ESA gives France one place among countries and ESA one among organizations.
"""

from datetime import date
from typing import NamedTuple

from spacetime.core.errors import Problem
from spacetime.core.model import EntityKind, Event, Moment, Status
from spacetime.core.timeline import Timeline

__all__ = [
    "Claim",
    "Rank",
    "claims",
    "ordinal",
    "ranks",
    "rule_problems",
    "via_text",
    "world_firsts",
]

ACHIEVED = (Status.ACHIEVED, Status.PARTIAL)


class Claim(NamedTuple):
    milestone: str
    country: str
    event: Event
    via: str | None = None  # the implying milestone, for a claim its rule adds

    @property
    def planned(self) -> bool:
        return self.event.status is Status.PLANNED


class Rank(NamedTuple):
    """A nation's place for one milestone and the nations that reached it before."""

    place: int
    before: tuple[str, ...]  # the entities of its kind that achieved it earlier, in order
    event: str = ""  # the id of the event that holds the place
    by: str = ""  # the entity credited with it (SU for Russia's place)
    organization: bool = False  # ranked among organizations rather than countries


def claims(timeline: Timeline) -> dict[str, list[Claim]]:
    """Milestone code -> its claims (achieved and planned, own and implied), in date order."""
    own: dict[str, list[Claim]] = {code: [] for code in timeline.milestones}
    for event in timeline.events:
        if event.status not in (*ACHIEVED, Status.PLANNED):
            continue
        for code in event.milestones:
            for country in event.countries:
                own.setdefault(code, []).append(Claim(code, country, event))
    result: dict[str, list[Claim]] = {}
    for code, found in own.items():
        milestone = timeline.milestones.get(code)
        implied = [
            Claim(code, c.country, c.event, via=source)
            for source in (milestone.implied_by if milestone else ())
            for c in own.get(source, ())
        ]
        if implied:
            found = sorted(
                [*found, *implied], key=lambda c: (c.event.sort_key(), c.via is not None)
            )
        result[code] = found
    return result


def world_firsts(timeline: Timeline) -> dict[str, Event]:
    """Milestone code -> the earliest event that achieved it (milestones nobody achieved are left out)."""
    firsts: dict[str, Event] = {}
    for code, found in claims(timeline).items():
        done = [c for c in found if not c.planned]
        if done:
            firsts[code] = done[0].event
    return firsts


def ranks(
    timeline: Timeline, found: dict[str, list[Claim]], *, lineage: bool = True
) -> dict[str, dict[str, Rank]]:
    """Milestone code -> nation -> its rank. With the lineage, each member of a lineage (SU and
    RU) gets the lineage's rank; without it, each entity is ranked on its own."""
    result: dict[str, dict[str, Rank]] = {}
    for code, claimed in found.items():
        firsts: dict[str, tuple[date, Claim]] = {}  # lineage key -> (first day, first claim)
        for claim in claimed:
            day = claim.event.date.first_day
            if claim.planned or day is None:
                continue
            key = _line(timeline, claim.country) if lineage else claim.country
            firsts.setdefault(key, (day, claim))
        order = sorted(firsts.items(), key=lambda item: item[1][0])
        pools = {key: _organization(timeline, key) for key in firsts}
        places: dict[str, Rank] = {}
        for key, (day, first) in order:
            pool = pools[key]
            before: list[str] = []
            for other_key, (other, claim) in order:  # in date order: the earlier ones first
                if other >= day:
                    break
                if pools[other_key] == pool:
                    before.append(claim.country)
            earlier = tuple(before)
            rank = Rank(len(earlier) + 1, earlier, first.event.id, first.country, pool)
            members = _members(timeline, key) if lineage else [key]
            for member in members:
                places[member] = rank
        result[code] = places
    return result


def event_ranks(timeline: Timeline, event: Event) -> list[tuple[Claim, Rank]]:
    """The places this event holds (lineage on): one per milestone and credited nation, with the
    claims its milestones imply (a lunar orbit's place among lunar flybys)."""
    if not event.milestones:
        return []
    found = claims(timeline)
    places = ranks(timeline, found)
    held: dict[tuple[str, str], tuple[Claim, Rank]] = {}
    for code, claimed in found.items():
        for claim in claimed:
            rank = places[code].get(claim.country)
            holds = rank is not None and (rank.event, rank.by) == (event.id, claim.country)
            if claim.event.id == event.id and rank is not None and holds:
                held.setdefault((code, claim.country), (claim, rank))
    return list(held.values())


def _organization(timeline: Timeline, code: str) -> bool:
    entity = timeline.entities.get(code)
    return entity is not None and entity.kind is EntityKind.ORGANIZATION


def _line(timeline: Timeline, code: str) -> str:
    """The last entity of a lineage, which names it (SU -> RU)."""
    return timeline.lineage(code)[-1] if code in timeline.entities else code


def _members(timeline: Timeline, key: str) -> list[str]:
    return [key, *(timeline.predecessors(key) if key in timeline.entities else [])]


def ordinal(place: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


def rule_problems(timeline: Timeline) -> list[Problem]:
    """Claims that break a milestone's rules, as warnings at the claiming event:
    a claim made after an implying milestone already gave the nation this one, a second claim of
    the same milestone for a nation, and an event dated by its launch that claims a milestone
    counted at another moment."""
    found = claims(timeline)
    warnings: list[Problem] = []

    def warn(event: Event, message: str) -> None:
        warnings.append(Problem(event.origin.file, event.origin.line, message, warning=True))

    for code, claimed in found.items():
        seen: dict[str, Claim] = {}
        for claim in claimed:
            if claim.planned:
                continue
            earlier = seen.get(claim.country)
            if earlier is None:
                seen[claim.country] = claim
                continue
            if claim.via is not None or earlier.event.id == claim.event.id:
                continue
            if earlier.via is not None and _before(earlier.event, claim.event):
                source = _lower_first(timeline.milestones[earlier.via].name)
                warn(
                    claim.event,
                    f"event '{claim.event.id}' claims {code} for {claim.country}, but "
                    f"{claim.country}'s {source} came earlier ('{earlier.event.id}', "
                    f"{earlier.event.date.display()}) and implies it; remove the claim",
                )
            elif earlier.via is None:
                warn(
                    claim.event,
                    f"event '{claim.event.id}' claims {code} for {claim.country} again; "
                    f"'{earlier.event.id}' ({earlier.event.date.display()}) already did",
                )
    for event in timeline.events:
        if not event.launch:
            continue
        for code in event.milestones:
            milestone = timeline.milestones.get(code)
            if milestone and milestone.moment not in (None, Moment.LAUNCH, Moment.IN_ORBIT):
                assert milestone.moment is not None
                warn(
                    event,
                    f"event '{event.id}' is dated by its launch ({event.launch}) but claims "
                    f"{code}, which counts at its {milestone.moment.value}",
                )
    return warnings


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def via_text(timeline: Timeline, via: str) -> str:
    """ "via lunar orbit": the implying milestone's name without its leading "First"."""
    name = timeline.milestones[via].name if via in timeline.milestones else via
    short = name[len("first ") :] if name.casefold().startswith("first ") else _lower_first(name)
    return f"via {short}"


def _before(first: Event, second: Event) -> bool:
    a, b = first.date.first_day, second.date.first_day
    return a is not None and b is not None and a < b
