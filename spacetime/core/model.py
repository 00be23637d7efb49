"""The data model: events, entities (countries and organizations), milestones and categories.

Frozen dataclasses with no knowledge of files, YAML or the command line. `Origin`, a named tuple,
records where each record was read, so later checks and messages can point at a file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from spacetime.core.dates import EventDate

__all__ = [
    "Category",
    "Entity",
    "EntityKind",
    "Event",
    "Milestone",
    "Moment",
    "Origin",
    "Status",
    "Term",
]


class Status(StrEnum):
    ACHIEVED = "achieved"
    FAILED = "failed"
    PARTIAL = "partial"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class EntityKind(StrEnum):
    COUNTRY = "country"
    ORGANIZATION = "organization"


class Moment(StrEnum):
    """The moment that dates a milestone's claim, the same for every nation."""

    LAUNCH = "launch"  # lift-off of the launch that achieved it (UTC)
    IN_ORBIT = "in-orbit"  # a station launched whole: its launch; a module of another's: berthing
    SPACEWALK = "spacewalk"  # the start of the extravehicular activity
    DOCKING = "docking"  # capture or first contact of the two spacecraft
    CLOSEST_APPROACH = "closest-approach"  # a flyby's closest approach
    ORBIT_INSERTION = "orbit-insertion"  # the burn that put it into orbit around the body
    IMPACT = "impact"  # the moment it struck the surface
    LANDING = "landing"  # touchdown on the surface
    FIRST_DRIVE = "first-drive"  # a rover's first move across the surface, off its lander
    RETURN = "return"  # the capsule's landing back on Earth


class Origin(NamedTuple):
    """Where a record was read: a file and a 1-based line (0 when unknown)."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class Entity:
    """A country or a multinational actor; `successor` links the Soviet Union to Russia."""

    code: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    successor: str | None = None
    origin: Origin = field(default=Origin("?"), compare=False)


@dataclass(frozen=True, slots=True)
class Term:
    """A word of a vocabulary kept in the data: a code, a name and a one-sentence definition."""

    code: str
    name: str
    definition: str
    origin: Origin = field(default=Origin("?"), compare=False)


@dataclass(frozen=True, slots=True)
class Milestone(Term):
    """A kind of "first" (first satellite, first crewed lunar landing...), with its rules: the
    moment that dates a claim, and the milestones whose achievement implies this one (a lunar
    orbit implies the flyby)."""

    moment: Moment | None = None
    implied_by: tuple[str, ...] = ()


class Category(Term):
    """One of the event categories (satellite, moon, policy...)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One dated event of a timeline."""

    id: str
    date: EventDate
    title: str
    countries: tuple[str, ...]
    category: str | None  # optional in a user's file
    status: Status
    sources: tuple[str, ...]
    summary: str = ""
    agencies: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    milestones: tuple[str, ...] = ()
    mission: str | None = None
    vehicle: str | None = None
    launch: str | None = None
    note: str | None = None
    confirmed: EventDate | None = None
    origin: Origin = field(default=Origin("?"), compare=False)

    def sort_key(self) -> tuple[tuple[int, int, int, int, str], str]:
        return (self.date.sort_key(), self.id)
