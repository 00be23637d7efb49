"""The event filters, each defined once: its name and flag, how its values are read, what an
event's search row keeps for it, how the values are resolved against the timeline, and the test
of one row.

Everything else follows this table, read when it is used: `Query.filters` is keyed by the names,
`spacetime.engine.index` builds its rows from it (so the cache's key and layout follow too),
`spacetime.engine.query.run` applies it, `spacetime.cli.options` makes a flag of each filter for
every listing command and `spacetime.api.Atlas.events` takes each as a keyword. A new filter is
one `Filter` here. The country (with its lineage) and the date range are not in the table: they
are kept first in every row and have options of their own.
"""

import re
from collections.abc import Callable, Collection, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from spacetime.core.errors import UnknownName
from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline

__all__ = ["FILTERS", "Filter", "any_of", "number_patterns", "one_of", "word_pattern"]

R = TypeVar("R")
"""What a table filters: an `Event` (here), a `Launch` (`spacetime.launches.filters`)."""
C = TypeVar("C")
"""What its names are resolved against: the `Timeline`, or the launch files' names."""


class Filter(NamedTuple, Generic[R, C]):
    """One filter, everything about it in one place (the shape of the event filters here and
    of the launch filters of `spacetime.launches.filters`).

    `name` is its key in `Query.filters`, the keyword of `spacetime.api.Atlas.events` and the
    flag `--name` of every listing command (with `short`, `metavar`, `help` and `complete`, the
    name of a value function of `spacetime.cli.complete`). `many`: the filter takes names, any
    of which may match (repeated flags or commas: `read` gives a list), else one string of words.
    `keep` is what a record's search row holds for it (an event's; a launch's), `resolve` turns
    the values read (never empty) into what `test` compares with the row's value. `keeps` says in
    words what `keep` keeps: it is part of the cache's key (cached rows are made by `keep`), so it
    changes whenever `keep` does.
    """

    name: str
    help: str
    metavar: str
    keep: Callable[[R], Any]
    resolve: Callable[[C, Any], Any]
    test: Callable[[Any, Any], bool]
    many: bool = True
    short: str | None = None
    complete: str | None = None
    keeps: str = ""

    def read(self, given: str | Sequence[str] | None) -> Any:
        """The values as given (a string, a list, strings with commas, or None) as the filter
        takes them: a list of names, or one string (None when nothing is given)."""
        if not self.many:
            return given or None
        items = [given] if isinstance(given, str) else list(given or ())
        return [part.strip() for item in items for part in item.split(",") if part.strip()]


def word_pattern(word: str, whole: bool = False) -> re.Pattern[str]:
    """A search word matches at the start of a word: `iss` finds "ISS" but not "mission". A
    `whole` word ends where the text's word does."""
    return re.compile(r"(?<![^\W_])" + re.escape(word) + (r"(?!\w)" if whole else ""))


# Compiled on first use (by `re`'s own cache), not at import: most queries search no words.
_ROMAN = r"(?=[ivxlcdm])m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})"


def number_patterns(text: str) -> list[re.Pattern[str]]:
    """The words of `text` (in any case) as search patterns in which a number is whole: digits
    (`apollo 1` is not Apollo 11), and a roman numeral after the first word (`artemis ii` is not
    Artemis III)."""
    words = text.casefold().split()
    return [
        word_pattern(w, w[-1].isdigit() or (i > 0 and bool(re.fullmatch(_ROMAN, w))))
        for i, w in enumerate(words)
    ]


def one_of(wanted: Collection[str], held: str | None) -> bool:
    return held in wanted


def any_of(wanted: set[str], held: tuple[str, ...]) -> bool:
    return not wanted.isdisjoint(held)


def _status(name: str) -> Status:
    try:
        return Status(name.strip().casefold())
    except ValueError:
        raise UnknownName("status", name, [s.value for s in Status], list_all=True) from None


def _haystack(event: Event) -> str:
    text = " ".join((event.title, event.summary, event.mission or "", " ".join(event.tags)))
    return text.casefold()


FILTERS: tuple[Filter[Event, Timeline], ...] = (
    Filter(
        "agency",
        "Agency or company (NASA, CNSA...).",
        "NAME",
        lambda e: tuple(a.casefold() for a in e.agencies),
        lambda t, names: {a.casefold() for a in names},
        any_of,
        keeps="the agencies, casefolded",
    ),
    Filter(
        "category",
        "Category code (moon, mars, policy...; see `spacetime categories`).",
        "CODE",
        lambda e: e.category,
        lambda t, names: {t.category(c).code for c in names},
        one_of,
        complete="categories",
        keeps="the category code",
    ),
    Filter(
        "tag",
        "Tag.",
        "TAG",
        lambda e: e.tags,
        lambda t, names: {n.casefold() for n in names},
        any_of,
        keeps="the tags",
    ),
    Filter(
        "status",
        "achieved, failed, partial, planned or cancelled.",
        "STATUS",
        lambda e: e.status.value,
        lambda t, names: {_status(s).value for s in names},
        one_of,
        complete="statuses",
        keeps="the status value",
    ),
    Filter(
        "milestone",
        "Milestone code (see `spacetime milestones`).",
        "CODE",
        lambda e: e.milestones,
        lambda t, names: {t.milestone(m).code for m in names},
        any_of,
        short="-m",
        complete="milestones",
        keeps="the milestone codes",
    ),
    Filter(
        "search",
        "Words that must each start a word of the title, summary, mission or tags (any case).",
        "WORDS",
        _haystack,
        lambda t, text: [word_pattern(w) for w in text.casefold().split()],
        lambda words, haystack: all(word.search(haystack) for word in words),
        many=False,
        short="-s",
        keeps="title, summary, mission and tags joined by spaces, casefolded",
    ),
)
