"""The data model: events, entities (countries and organizations), milestones and categories.

Frozen records (see `spacetime.core.record`) with no knowledge of files, YAML or the command line. `Origin`, a named tuple,
records where each record was read, so later checks and messages can point at a file and line.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, NamedTuple

from spacetime.core.dates import EventDate
from spacetime.core.record import Record

_set = object.__setattr__

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


_NOWHERE = Origin("?")


class Entity(Record):
    """A country or a multinational actor; `successor` links the Soviet Union to Russia."""

    __slots__ = ("aliases", "code", "kind", "name", "origin", "successor")
    _compared = ("code", "name", "kind", "aliases", "successor")

    code: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...]
    successor: str | None
    origin: Origin

    def __init__(
        self,
        code: str,
        name: str,
        kind: EntityKind,
        aliases: tuple[str, ...] = (),
        successor: str | None = None,
        origin: Origin = _NOWHERE,
    ) -> None:
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "kind", kind)
        _set(self, "aliases", aliases)
        _set(self, "successor", successor)
        _set(self, "origin", origin)


class Term(Record):
    """A word of a vocabulary kept in the data: a code, a name and a one-sentence definition."""

    __slots__ = ("code", "definition", "name", "origin")
    _compared: ClassVar[tuple[str, ...]] = ("code", "name", "definition")

    code: str
    name: str
    definition: str
    origin: Origin

    def __init__(self, code: str, name: str, definition: str, origin: Origin = _NOWHERE) -> None:
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "definition", definition)
        _set(self, "origin", origin)


class Milestone(Term):
    """A kind of "first" (first satellite, first crewed lunar landing...), with its rules: the
    moment that dates a claim, and the milestones whose achievement implies this one (a lunar
    orbit implies the flyby)."""

    __slots__ = ("implied_by", "moment")
    _compared = ("code", "name", "definition", "moment", "implied_by")

    moment: Moment | None
    implied_by: tuple[str, ...]

    def __init__(
        self,
        code: str,
        name: str,
        definition: str,
        origin: Origin = _NOWHERE,
        moment: Moment | None = None,
        implied_by: tuple[str, ...] = (),
    ) -> None:
        Term.__init__(self, code, name, definition, origin)
        _set(self, "moment", moment)
        _set(self, "implied_by", implied_by)


class Category(Term):
    """One of the event categories (satellite, moon, policy...)."""

    __slots__ = ()


class Event(Record):
    """One dated event of a timeline."""

    __slots__ = (
        "agencies",
        "category",
        "confirmed",
        "countries",
        "date",
        "id",
        "launch",
        "milestones",
        "mission",
        "note",
        "origin",
        "reviewed",
        "sources",
        "status",
        "summary",
        "tags",
        "title",
        "vehicle",
    )
    _compared = (
        "id",
        "date",
        "title",
        "countries",
        "category",
        "status",
        "sources",
        "summary",
        "agencies",
        "tags",
        "milestones",
        "mission",
        "vehicle",
        "launch",
        "note",
        "confirmed",
        "reviewed",
    )

    id: str
    date: EventDate
    title: str
    countries: tuple[str, ...]
    category: str | None  # optional in a user's file
    status: Status
    sources: tuple[str, ...]
    summary: str
    agencies: tuple[str, ...]
    tags: tuple[str, ...]
    milestones: tuple[str, ...]
    mission: str | None
    vehicle: str | None
    launch: str | None
    note: str | None
    confirmed: EventDate | None
    reviewed: EventDate | None
    origin: Origin

    def __init__(
        self,
        id: str,
        date: EventDate,
        title: str,
        countries: tuple[str, ...],
        category: str | None,
        status: Status,
        sources: tuple[str, ...],
        summary: str = "",
        agencies: tuple[str, ...] = (),
        tags: tuple[str, ...] = (),
        milestones: tuple[str, ...] = (),
        mission: str | None = None,
        vehicle: str | None = None,
        launch: str | None = None,
        note: str | None = None,
        confirmed: EventDate | None = None,
        reviewed: EventDate | None = None,
        origin: Origin = _NOWHERE,
    ) -> None:
        _set(self, "id", id)
        _set(self, "date", date)
        _set(self, "title", title)
        _set(self, "countries", countries)
        _set(self, "category", category)
        _set(self, "status", status)
        _set(self, "sources", sources)
        _set(self, "summary", summary)
        _set(self, "agencies", agencies)
        _set(self, "tags", tags)
        _set(self, "milestones", milestones)
        _set(self, "mission", mission)
        _set(self, "vehicle", vehicle)
        _set(self, "launch", launch)
        _set(self, "note", note)
        _set(self, "confirmed", confirmed)
        _set(self, "reviewed", reviewed)
        _set(self, "origin", origin)

    def sort_key(self) -> tuple[tuple[int, int, int, int, str], str]:
        return (self.date.sort_key(), self.id)
