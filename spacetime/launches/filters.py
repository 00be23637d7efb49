"""The launch filters, each defined once, in the shape of the event filters
(`spacetime.engine.filters.Filter`): name and flag, how values are read, what a launch holds for
the filter, how typed names are resolved (against the names of the launch files and the
vocabulary of data/launch-names.yaml, `spacetime.launches.names.Known`), and the test.

`LaunchQuery.filters` is keyed by these names, `spacetime.launches.query.run_launches` applies
them, and `spacetime.cli.launch_options` makes a flag of each. The country (with its lineage) and
the date range are not in the table: they have options of their own, shared with the events.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from spacetime.core.errors import UnknownName
from spacetime.engine.filters import Filter, number_patterns, one_of
from spacetime.launches.model import Kind, Launch, Outcome, tag_key

if TYPE_CHECKING:  # made by the query only when a filter is given
    from spacetime.launches.names import Known

__all__ = ["LAUNCH_FILTERS", "choice"]

_E = TypeVar("_E", bound=StrEnum)


def choice(name: str, enum: type[_E], what: str) -> _E:
    """The member of `enum` that `name` names (any case); UnknownName otherwise."""
    try:
        return enum(name.strip().casefold())
    except ValueError:
        raise UnknownName(what, name, [e.value for e in enum]) from None


def _haystack(launch: Launch) -> tuple[str, str]:
    """The words a search looks in, and the tag as `tag_key` reduces it."""
    words = " ".join((launch.tag, launch.vehicle, launch.flight, *launch.payloads))
    return words.casefold(), tag_key(launch.tag)


def _search(text: str) -> tuple[list[re.Pattern[str]], str]:
    return number_patterns(text), tag_key(text)


def _found(wanted: tuple[list[re.Pattern[str]], str], held: tuple[str, str]) -> bool:
    """Every word is found, or the search is the launch's tag (`1957-alp`)."""
    return wanted[1] == held[1] or all(word.search(held[0]) for word in wanted[0])


LAUNCH_FILTERS: tuple[Filter[Launch, Known], ...] = (
    Filter(
        "vehicle",
        "Vehicle family or variant, as people name it (soyuz, 'long march 5', cz-2d, "
        "'Falcon 9', h-2a).",
        "NAME",
        lambda launch: launch.vehicle,
        lambda known, names: set().union(*(known.vehicles(n) for n in names)),
        one_of,
        short="-v",
        complete="vehicles",
    ),
    Filter(
        "site",
        "Launch site by its common name (baikonur, kourou, cape canaveral), GCAT's code (CSG, "
        "JQ) or words of GCAT's name for it.",
        "SITE",
        lambda launch: launch.site.code,
        lambda known, names: set().union(*(known.sites(n) for n in names)),
        one_of,
        complete="sites",
    ),
    Filter(
        "agency",
        "Agency, by GCAT code or name (SPX, SpaceX, CALT, RVSN).",
        "NAME",
        lambda launch: launch.agency,
        lambda known, names: set().union(*(known.agencies(n) for n in names)),
        one_of,
    ),
    Filter(
        "outcome",
        "success, failure or partial.",
        "OUTCOME",
        lambda launch: launch.outcome,
        lambda known, names: {choice(n, Outcome, "outcome") for n in names},
        one_of,
    ),
    Filter(
        "kind",
        "orbital, deep-space, or off-earth (ascents from the Moon, left out unless named).",
        "KIND",
        lambda launch: launch.kind,
        lambda known, names: {choice(n, Kind, "kind") for n in names},
        one_of,
    ),
    Filter(
        "search",
        "Words that must each start a word of a payload, the vehicle, flight or tag; a number "
        "is whole ('apollo 11'); or a launch's tag.",
        "WORDS",
        _haystack,
        lambda known, text: _search(text),
        _found,
        many=False,
        short="-s",
    ),
)
