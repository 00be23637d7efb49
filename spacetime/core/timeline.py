"""A loaded timeline: its events in date order and the vocabularies they refer to.

`Timeline` answers look-ups (an entity by code or alias, the lineage of an entity); filtering lives
in `spacetime.engine`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacetime.core.errors import UnknownName
from spacetime.core.model import Category, Entity, Event, Milestone

__all__ = ["Timeline"]


@dataclass
class Timeline:
    """Events sorted by date (then id), with entities, milestones and categories by code."""

    events: list[Event] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    milestones: dict[str, Milestone] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.events}
        self._names: dict[str, str] = {}
        for entity in self.entities.values():
            for name in (entity.code, entity.name, *entity.aliases):
                self._names.setdefault(name.casefold(), entity.code)

    def event(self, event_id: str) -> Event:
        """The event with this id; UnknownName with the closest ids otherwise."""
        try:
            return self._by_id[event_id]
        except KeyError:
            raise UnknownName("event id", event_id, self._by_id) from None

    def entity(self, name: str) -> Entity:
        """The entity named by a code, its display name or an alias, in any case."""
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
            raise UnknownName("category", code, self.categories) from None

    def predecessors(self, code: str) -> list[str]:
        """Entities whose successor chain leads to `code`, nearest first (RU -> [SU, RUE])."""
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
        return result

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
