"""Milestone claims: who achieved each "first", and who did it first in the world.

A claim is an event listing a milestone, made for each of the event's countries. Planned events
claim nothing yet but are kept as plans; failed and cancelled events claim nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline

__all__ = ["Claim", "claims", "world_firsts"]

ACHIEVED = (Status.ACHIEVED, Status.PARTIAL)


@dataclass(frozen=True, slots=True)
class Claim:
    milestone: str
    country: str
    event: Event

    @property
    def planned(self) -> bool:
        return self.event.status is Status.PLANNED


def claims(timeline: Timeline) -> dict[str, list[Claim]]:
    """Milestone code -> its claims (achieved and planned), in date order."""
    result: dict[str, list[Claim]] = {code: [] for code in timeline.milestones}
    for event in timeline.events:
        if event.status not in (*ACHIEVED, Status.PLANNED):
            continue
        for code in event.milestones:
            for country in event.countries:
                result.setdefault(code, []).append(Claim(code, country, event))
    return result


def world_firsts(timeline: Timeline) -> dict[str, Event]:
    """Milestone code -> the earliest event that achieved it (milestones nobody achieved are left out)."""
    firsts: dict[str, Event] = {}
    for code, found in claims(timeline).items():
        done = [c for c in found if not c.planned]
        if done:
            firsts[code] = done[0].event
    return firsts
