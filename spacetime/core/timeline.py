"""A loaded timeline: its events in date order and the vocabularies they refer to.

`Timeline` answers look-ups (an entity by code or alias, the lineage of an entity); filtering lives
in `spacetime.engine`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from spacetime.core.errors import UnknownName
from spacetime.core.model import Category, Entity, Event, Milestone

__all__ = ["KEPT", "Timeline", "paused_gc"]

KEPT = 4096
"""The most events a timeline read from the cache keeps once built: a small answer reads each of
its events again for free, a long one holds only a few thousand at a time."""


class Timeline:
    """Events sorted by date (then id), with entities, milestones and categories by code.

    `replaced` names the bundled events replaced by an event of the same id from one of the
    user's files (id -> that file's name). Events may be given as objects, or by `count` and `make(index)` for a timeline read from the
    cache, which builds an event object only when it is asked for (and keeps the last `KEPT`). `index` is free for the query
    engine to keep its search rows in (see `spacetime.engine.index`).
    """

    def __init__(
        self,
        events: list[Event] | None = None,
        entities: dict[str, Entity] | None = None,
        milestones: dict[str, Milestone] | None = None,
        categories: dict[str, Category] | None = None,
        files: list[str] | None = None,
        *,
        count: int = 0,
        make: Callable[[int], Event] | None = None,
        index: Sequence[Any] | None = None,
        replaced: dict[str, str] | None = None,
    ) -> None:
        self.entities = entities or {}
        self.milestones = milestones or {}
        self.categories = categories or {}
        self.files = files or []
        self.index = index
        self.replaced = replaced or {}
        """The bundled events that an event of the user's files replaces: id -> that file."""
        self._events = events
        self._made: dict[int, Event] = {}
        self._count = len(events) if events is not None else count
        self._make = make
        self._by_id: dict[str, int] | None = None
        self._names: dict[str, str] | None = None  # name -> code, made when first asked
        self._predecessors: dict[str, list[str]] = {}

    @property
    def events(self) -> list[Event]:
        """Every event, in order (built on first use for a timeline read from the cache)."""
        if self._events is None:
            self._events = [self.event_at(i) for i in range(self._count)]
        return self._events

    def event_at(self, position: int) -> Event:
        if self._events is not None:
            return self._events[position]
        event = self._made.get(position)
        if event is None:
            assert self._make is not None
            if len(self._made) >= KEPT:
                self._made.clear()
            event = self._made[position] = self._make(position)
        return event

    def event(self, event_id: str) -> Event:
        """The event with this id; UnknownName with the closest ids otherwise."""
        if self._by_id is None:
            ids = (self.event_at(i).id for i in range(self._count))
            self._by_id = {event_id: i for i, event_id in enumerate(ids)}
        try:
            return self.event_at(self._by_id[event_id])
        except KeyError:
            raise UnknownName("event id", event_id, self._by_id) from None

    def entity(self, name: str) -> Entity:
        """The entity named by a code, its display name or an alias, in any case."""
        if self._names is None:
            self._names = {}
            for entity in self.entities.values():
                for known in (entity.code, entity.name, *entity.aliases):
                    self._names.setdefault(known.casefold(), entity.code)
        code = self._names.get(name.strip().casefold())
        if code is None:
            raise UnknownName("country or organization", name, self._display_names())
        return self.entities[code]

    def milestone(self, code: str) -> Milestone:
        try:
            return self.milestones[code.strip().casefold()]
        except KeyError:
            raise UnknownName("milestone", code, self.milestones) from None

    def category(self, code: str) -> Category:
        try:
            return self.categories[code.strip().casefold()]
        except KeyError:
            raise UnknownName("category", code, self.categories, list_all=True) from None

    def predecessors(self, code: str) -> list[str]:
        """Entities whose successor chain leads to `code`, nearest first (RU -> [SU, RUE]); worked
        out once per code (a comparison asks for each nation's again and again)."""
        known = self._predecessors.get(code)
        if known is not None:
            return list(known)
        result: list[str] = []
        frontier = [code]
        while frontier:
            current = frontier.pop(0)
            for entity in self.entities.values():
                if (
                    entity.successor == current
                    and entity.code not in result
                    and entity.code != code
                ):
                    result.append(entity.code)
                    frontier.append(entity.code)
        self._predecessors[code] = result
        return list(result)

    def lineage(self, code: str) -> list[str]:
        """The chain of an entity through its successors (SU -> [SU, RU])."""
        chain = [code]
        while (nxt := self.entities[chain[-1]].successor) and nxt not in chain:
            chain.append(nxt)
        return chain

    def name_of(self, code: str) -> str:
        entity = self.entities.get(code)
        return entity.name if entity else code

    def names_of(self, codes: Iterable[str]) -> str:
        return ", ".join(self.name_of(c) for c in codes)

    def _display_names(self) -> list[str]:
        return [
            n for e in self.entities.values() for n in (e.code.lower(), e.name.lower(), *e.aliases)
        ]


@contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while building many objects that all stay alive: the
    collector would walk them again and again for nothing (loading runs twice as fast). The
    collector is back as it was afterwards; with `freeze` (a command, which keeps what it loads
    until it exits) what was built is first frozen out of the collector's sight (`gc.freeze()`),
    instead of letting the collector's next pass walk every new object once for nothing (about
    10 ms for a cached timeline of 10,000 events). A library caller's loads are not frozen."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
