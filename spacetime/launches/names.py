"""Vehicles, sites and agencies by the names people use (`long march 5`, `cz-5`, `baikonur`),
resolved to what GCAT's launch log writes (`Chang Zheng 5`, `Chang Zheng 5B`; `NIIP-5`, `GIK-5`).

The names come from data/launch-names.yaml (a vocabulary with sources for names GCAT does not
use) and from the launch files themselves (GCAT's families, vehicles, site codes and names, agency
codes and names). A name resolves to the exact GCAT values it stands for; a name that stands for
none of the loaded log is an unknown name, answered with the nearest known ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from spacetime.core.errors import UnknownName
from spacetime.engine.filters import word_pattern
from spacetime.load.sources import DataFiles

if TYPE_CHECKING:
    from spacetime.launches.model import Site
    from spacetime.launches.store import LaunchFile

__all__ = [
    "Entry",
    "Known",
    "common_site_names",
    "common_vehicle_names",
    "fold_name",
    "load_names",
    "named_vehicles",
    "site_name",
    "vehicle_name",
]

_SEPARATORS = re.compile(r"[\s_-]+")


def fold_name(name: str) -> str:
    """A name as compared: any case, hyphens and spaces alike (`CZ-5` = `cz 5`)."""
    return _SEPARATORS.sub(" ", name.casefold()).strip()


class Entry(NamedTuple):
    """One name of the vocabulary: its display name, aliases, and GCAT's names for it."""

    name: str
    aliases: tuple[str, ...]
    gcat: tuple[str, ...]


def load_names(path: Path | None = None) -> dict[str, list[Entry]]:
    """The vocabulary's `vehicles` and `sites`, each a list of entries."""
    import yaml

    from spacetime.core.reading import read_bytes
    from spacetime.load.sources import launch_names_path

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when there
    document = yaml.load(read_bytes(path or launch_names_path()), Loader=loader)
    return {
        part: [
            Entry(item["name"], tuple(item.get("aliases", ())), tuple(item["gcat"]))
            for item in document[part]
        ]
        for part in ("vehicles", "sites")
    }


def named_vehicles(wanted: str) -> set[str]:
    """What `wanted` stands for in the vocabulary, with its variant, folded (`fold_name`): `cz-5`,
    `lm 5` and `chang zheng 5` are `long march 5`; `atlas 5` is `atlas v`; `ariane 6` is also
    `ariane 62` and `ariane 64`."""
    folded = fold_name(wanted)
    found: set[str] = set()
    for entry in load_names()["vehicles"]:
        for alias in (entry.name, *entry.aliases):
            key = fold_name(alias)
            if folded == key:  # the family: its name and GCAT's names (Ariane 6: Ariane 64)
                found.update(fold_name(name) for name in (entry.name, *entry.gcat))
            elif folded.startswith(key + " "):
                found.add(fold_name(entry.name) + folded[len(key) :])
    return found


@cache
def common_site_names() -> dict[str, str]:
    """GCAT's site codes with the name people use for the site (`NIIP-5`: `Baikonur`)."""
    return {code: entry.name for entry in load_names()["sites"] for code in entry.gcat}


def site_name(site: Site) -> str:
    """The name people use for `site` (the vocabulary's), else GCAT's up to its first comma."""
    return common_site_names().get(site.code) or site.short


@cache
def common_vehicle_names() -> dict[str, str]:
    """GCAT's names of vehicle families with the name people use (`Chang Zheng`: `Long March`):
    the vocabulary's entries that stand for one GCAT name spelt otherwise."""
    return {
        entry.gcat[0]: entry.name
        for entry in load_names()["vehicles"]
        if len(entry.gcat) == 1 and entry.gcat[0] != entry.name
    }


def vehicle_name(vehicle: str) -> str:
    """The name people use for GCAT's vehicle or family, its variant kept (`Chang Zheng 5B`:
    `Long March 5B`; `N-1`: `N1`); GCAT's name when the vocabulary gives none (`Delta 4H` stays,
    as its variant is not a word of its own)."""
    for gcat, common in common_vehicle_names().items():
        if vehicle == gcat or vehicle.startswith(gcat + " "):
            return common + vehicle[len(gcat) :]
    return vehicle


class Known:
    """What the launch files hold (vehicles with their families, sites, agencies) and the
    vocabulary, read when first needed; resolves typed names to GCAT's values."""

    def __init__(self, files: DataFiles | Sequence[LaunchFile]) -> None:
        self.files = files

    @cached_property
    def _scanned(self) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        from spacetime.launches.store import launch_files

        vehicles: dict[str, str] = {}
        sites: dict[str, str] = {}
        agencies: dict[str, str] = {}
        files = self.files
        for launch_file in launch_files(files) if isinstance(files, DataFiles) else files:
            found_vehicles, found_agencies = launch_file.names()
            vehicles.update(found_vehicles)
            sites.update((code, site.name) for code, site in launch_file.sites.items())
            agencies.update((code, launch_file.agencies.get(code, "")) for code in found_agencies)
        return vehicles, sites, agencies

    @cached_property
    def vocabulary(self) -> dict[str, list[Entry]]:
        return load_names()

    def vehicles(self, name: str) -> set[str]:
        """GCAT's vehicles that `name` stands for: a vocabulary name or alias (with a variant:
        `cz-5`), a GCAT family, vehicle, or the start of a vehicle's name up to a variant mark."""
        vehicles = self._scanned[0]
        wanted = fold_name(name)
        named = self._vocabulary_names("vehicles", wanted)
        found = set().union(*(_vehicles_named(vehicles, g) for g in named))
        found = found or _vehicles_named(vehicles, wanted)
        if not found:
            families = set(vehicles.values())
            known = [e.name for e in self.vocabulary["vehicles"]] + sorted(families)
            raise UnknownName("vehicle", name, known)
        return found

    def sites(self, name: str) -> set[str]:
        """GCAT's site codes that `name` stands for: a vocabulary name or alias, a GCAT code, or
        words that start words of GCAT's name for the site."""
        sites = self._scanned[1]
        wanted = fold_name(name)
        coded = {code for code in sites if code.casefold() == name.strip().casefold()}
        named = self._vocabulary_names("sites", wanted, variants=False)
        found = coded or {code for code in named if code in sites}
        if not found:
            words = [word_pattern(w) for w in name.casefold().split()]
            found = {
                code
                for code, text in sites.items()
                if all(w.search(text.casefold()) for w in words)
            }
        if not found:
            known = [e.name for e in self.vocabulary["sites"]] + sorted(sites)
            raise UnknownName("site", name, known)
        return found

    def agencies(self, name: str) -> set[str]:
        """GCAT's agency codes that `name` stands for: the code (or one part of `JSC/MSFC`), or
        the agency's name (or one part of it)."""
        agencies = self._scanned[2]
        wanted = name.strip().casefold()
        found = {
            code
            for code, full in agencies.items()
            if wanted in _parts(code) or (full and wanted in _parts(full))
        }
        if not found:
            known = sorted({*agencies, *(n for n in agencies.values() if n)})
            raise UnknownName("agency", name, known)
        return found

    def completions(self, part: str) -> list[str]:
        """The names a vehicle or site option offers: the vocabulary's, then GCAT's families
        and site codes."""
        entries = self.vocabulary[part]
        gcat = sorted(set(self._scanned[0].values())) if part == "vehicles" else []
        return [e.name for e in entries] + gcat

    def _vocabulary_names(self, part: str, wanted: str, variants: bool = True) -> list[str]:
        """GCAT's names for a vocabulary name or alias, or, for `<alias> <variant>` of an entry
        with one GCAT name, that name with the variant (`lm 5` -> `chang zheng 5`)."""
        for entry in self.vocabulary[part]:
            aliases = [fold_name(a) for a in (entry.name, *entry.aliases)]
            if wanted in aliases:
                return [fold_name(g) if part == "vehicles" else g for g in entry.gcat]
        if not variants:
            return []
        for entry in self.vocabulary[part]:
            if len(entry.gcat) != 1:
                continue
            for alias in sorted((fold_name(a) for a in (entry.name, *entry.aliases)), key=len)[
                ::-1
            ]:
                rest = wanted.removeprefix(alias)
                spaced = rest[:1] == " " or (alias[-1:].isalpha() and rest[:1].isdigit())
                if rest != wanted and spaced:
                    return [f"{fold_name(entry.gcat[0])} {rest.strip()}"]
        return []


def _parts(text: str) -> list[str]:
    folded = text.casefold()
    return [folded, *folded.split("/")]


def _vehicles_named(vehicles: dict[str, str], wanted: str) -> set[str]:
    """The vehicles whose family or name is `wanted`, or whose name starts with it up to a
    variant mark: a separator, or a letter after a number (`chang zheng 5` finds 5 and 5B, not
    `Chang Zheng 11` from `chang zheng 1`)."""
    found = set()
    for vehicle, family in vehicles.items():
        folded = fold_name(vehicle)
        if wanted in (folded, fold_name(family)):
            found.add(vehicle)
        elif folded.startswith(wanted):
            after = folded[len(wanted)]
            if after in " /" or (wanted[-1].isdigit() and after.isalpha()):
                found.add(vehicle)
    return found
