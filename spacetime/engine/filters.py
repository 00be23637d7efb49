"""The event filters, each defined once: what an event's search row keeps for it, how a query's
values are resolved against the timeline, and the test of one row.

`spacetime.engine.index` builds its rows from this table (so the cache's layout follows it too)
and `spacetime.engine.query.run` applies it: a new filter is a `Query` field and one `Filter`
here (then its flag in `spacetime.cli.options` and its parameter in `spacetime.api`). The country
(with its lineage) and the date range are not in the table: they are kept first in every row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any, NamedTuple

from spacetime.core.errors import UnknownName
from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline

__all__ = ["FILTERS", "Filter", "word_pattern"]


class Filter(NamedTuple):
    """One filter of `Query` (its field `name`): `keep` is what the search row holds of an
    event, `resolve` turns the query's value (never empty) into what `test` compares with it."""

    name: str
    keep: Callable[[Event], Any]
    resolve: Callable[[Timeline, Any], Any]
    test: Callable[[Any, Any], bool]


def word_pattern(word: str) -> re.Pattern[str]:
    """A search word matches at the start of a word: `iss` finds "ISS" but not "mission"."""
    return re.compile(r"(?<![^\W_])" + re.escape(word))


def _one_of(wanted: Collection[str], held: str | None) -> bool:
    return held in wanted


def _any_of(wanted: set[str], held: tuple[str, ...]) -> bool:
    return not wanted.isdisjoint(held)


def _status(name: str) -> Status:
    try:
        return Status(name.strip().casefold())
    except ValueError:
        raise UnknownName("status", name, [s.value for s in Status], list_all=True) from None


def _haystack(event: Event) -> str:
    text = " ".join((event.title, event.summary, event.mission or "", " ".join(event.tags)))
    return text.casefold()


FILTERS = (
    Filter(
        "categories",
        lambda e: e.category,
        lambda t, names: {t.category(c).code for c in names},
        _one_of,
    ),
    Filter(
        "milestones",
        lambda e: e.milestones,
        lambda t, names: {t.milestone(m).code for m in names},
        _any_of,
    ),
    Filter(
        "statuses",
        lambda e: e.status.value,
        lambda t, names: {_status(s).value for s in names},
        _one_of,
    ),
    Filter(
        "agencies",
        lambda e: tuple(a.casefold() for a in e.agencies),
        lambda t, names: {a.casefold() for a in names},
        _any_of,
    ),
    Filter("tags", lambda e: e.tags, lambda t, names: {n.casefold() for n in names}, _any_of),
    Filter(
        "text",
        _haystack,
        lambda t, text: [word_pattern(w) for w in text.casefold().split()],
        lambda words, haystack: all(word.search(haystack) for word in words),
    ),
)
