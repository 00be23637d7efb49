"""Every ISO 3166-1 country, merged with the curated vocabulary.

data/countries.tsv (generated from the `iso3166` package by docs/countries.py) gives each
country's alpha-2 and alpha-3 codes and ISO's short name. The curated vocabulary (and any file
that defines entities) comes first: its entities keep their names, lineage and aliases and gain
the ISO codes and name as aliases where no other entity holds them (a name with a comma, such as
"Korea, Republic of", is no alias: `-c` splits at commas); every other ISO country becomes
an entity of its own (code alpha-2, kind country), so `-c kazakhstan`, `-c kz`, `-c kaz` and a
file crediting `NO` work. Historical states (SU, DD, CS, YU) and organizations are curated only.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from pathlib import Path

from spacetime.core.model import Entity, EntityKind, Origin
from spacetime.core.reading import read_bytes

__all__ = ["iso_countries", "merge_countries"]


def iso_countries(path: Path | None = None) -> Iterator[tuple[int, str, str, str]]:
    """(line, alpha-2, alpha-3, name) of each country of the table."""
    from spacetime.load.sources import countries_path

    text = read_bytes(path or countries_path()).decode("utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if line and not line.startswith("#"):
            alpha2, alpha3, name = line.split("\t")
            yield number, alpha2, alpha3, name


def merge_countries(
    entities: MutableMapping[str, Entity], path: Path | None = None
) -> list[tuple[Entity | None, Entity]]:
    """Add the ISO countries to `entities` (see the module docstring), in place; the entities
    changed or added, each with the one it replaced (None for a new one)."""
    from spacetime.load.sources import countries_path, display_name

    source = path or countries_path()
    taken = {n for e in entities.values() for n in (e.code.casefold(), *e.aliases)}
    added: dict[str, Entity] = {}
    changes: list[tuple[Entity | None, Entity]] = []
    for line, alpha2, alpha3, name in iso_countries(source):
        names = list(dict.fromkeys((alpha2.casefold(), alpha3.casefold(), name.casefold())))
        names = [n for n in names if "," not in n]  # `-c` splits at commas
        entity = entities.get(alpha2)
        code = entity.code.casefold() if entity is not None else ""
        free = tuple(n for n in names if n not in taken and n != code)
        if entity is None:
            origin = Origin(display_name(source), line)
            added[alpha2] = Entity(alpha2, name, EntityKind.COUNTRY, free, origin=origin)
            changes.append((None, added[alpha2]))
        elif free:
            entities[alpha2] = Entity(
                entity.code,
                entity.name,
                entity.kind,
                (*entity.aliases, *free),
                entity.successor,
                entity.origin,
            )
            changes.append((entity, entities[alpha2]))
        taken.update(free)
    entities.update(added)
    return changes
