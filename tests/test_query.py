"""The query engine as a library: every filter, lineage, date overlap, sorting and limits."""

from __future__ import annotations

from datetime import date

import pytest

from spacetime.core.errors import UnknownName, UsageError
from spacetime.core.timeline import Timeline
from spacetime.engine.bounds import parse_bound
from spacetime.engine.query import Query, SortKey, run


def ids(timeline: Timeline, **kwargs: object) -> list[str]:
    """The ids found; keywords that are not `Query` fields are filters (`milestone=[...]`)."""
    fields = {k: v for k, v in kwargs.items() if k in Query._fields}
    chosen = {k: v for k, v in kwargs.items() if k not in Query._fields}
    return [m.event.id for m in run(timeline, Query(**fields, filters=chosen))]  # type: ignore[arg-type]


def test_country_by_alias(mini: Timeline) -> None:
    assert ids(mini, countries=["prc"]) == [
        "china-first-satellite",
        "ilrs-mou",
        "soon",
        "moon-plan",
    ]
    assert ids(mini, countries=["America"]) == [
        "vanguard-tv3",
        "explorer-1",
        "year-only",
        "iss-occupation",
    ]


def test_lineage_includes_predecessors_marked(mini: Timeline) -> None:
    matches = run(mini, Query(countries=["russia"]))
    assert [(m.event.id, m.stands_for) for m in matches] == [
        ("sputnik-1", "RU"),
        ("gagarin", "RU"),
        ("russia-founded-agency", None),
        ("iss-occupation", None),
        ("ilrs-mou", None),
    ]
    assert ids(mini, countries=["russia"], lineage=False) == [
        "russia-founded-agency",
        "iss-occupation",
        "ilrs-mou",
    ]


def test_asking_for_both_successor_and_predecessor_is_direct(mini: Timeline) -> None:
    matches = run(mini, Query(countries=["russia", "ussr"]))
    assert all(m.stands_for is None for m in matches)


def test_several_values_mean_any_of(mini: Timeline) -> None:
    assert ids(mini, countries=["us", "cn"], category=["satellite"]) == [
        "vanguard-tv3",
        "explorer-1",
        "year-only",
        "china-first-satellite",
    ]


def test_filters(mini: Timeline) -> None:
    assert ids(mini, status=["failed"]) == ["vanguard-tv3"]
    assert ids(mini, milestone=["first-human-in-space"]) == ["gagarin"]
    assert ids(mini, agency=["jpl"]) == ["explorer-1"]
    assert ids(mini, tag=["ilrs"]) == ["ilrs-mou"]
    assert ids(mini, search="SATELLITE first") == ["sputnik-1"]
    assert ids(mini, search="first satel") == ["sputnik-1"]
    assert ids(mini, search="sputnik") == ["sputnik-1"]
    # Words match at the start of a word: "station" yes, "tation" no.
    assert ids(mini, search="station") == ["iss-occupation", "ilrs-mou"]
    assert ids(mini, search="tation") == []


def test_date_range_overlap(mini: Timeline) -> None:
    # A partial bound covers its whole period; an event matches when its period overlaps the range.
    since = parse_bound("1970").first_day
    until = parse_bound("1970").last_day
    assert ids(mini, since=since, until=until) == ["year-only", "china-first-satellite"]
    # The ongoing occupation overlaps any later range; a decade-long plan overlaps 2035.
    assert ids(mini, since=date(2035, 6, 1)) == ["iss-occupation", "moon-plan"]
    assert ids(mini, until=parse_bound("Oct 1957").last_day) == ["sputnik-1"]
    assert ids(mini, since=parse_bound("1957-10").first_day, until=date(1957, 12, 31)) == [
        "sputnik-1",
        "vanguard-tv3",
    ]


def test_sort_reverse_limit(mini: Timeline) -> None:
    assert ids(mini, sort=SortKey.ID, limit=3) == ["china-first-satellite", "explorer-1", "gagarin"]
    assert ids(mini, sort=SortKey.TITLE, reverse=True, limit=2) == ["gagarin", "vanguard-tv3"]
    assert ids(mini, reverse=True, limit=1) == ["moon-plan"]


def test_unknown_names_suggest(mini: Timeline) -> None:
    with pytest.raises(UnknownName) as err:
        run(mini, Query(countries=["chna"]))
    assert (
        str(err.value)
        == "unknown country or organization 'chna'; did you mean 'china', 'chn' or 'chad'?"
    )
    with pytest.raises(UnknownName, match="unknown category 'mon'; did you mean 'moon'"):
        run(mini, Query(filters={"category": ["mon"]}))
    with pytest.raises(UnknownName, match="unknown status 'planed'; did you mean 'planned'"):
        run(mini, Query(filters={"status": "planed"}))


def test_bad_ranges_and_limits(mini: Timeline) -> None:
    with pytest.raises(UsageError) as empty:
        run(mini, Query(since=date(2000, 1, 1), until=date(1999, 1, 1)))
    assert str(empty.value) == "the range is empty: since 2000-01-01 is after until 1999-01-01"
    with pytest.raises(UsageError) as limit:
        run(mini, Query(limit=0))
    assert str(limit.value) == "limit must be 1 or more, not 0"  # the library names no flag


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1961", date(1961, 1, 1), date(1961, 12, 31)),
        ("1957-10", date(1957, 10, 1), date(1957, 10, 31)),
        ("Oct 1957", date(1957, 10, 1), date(1957, 10, 31)),
        ("4 October 1957", date(1957, 10, 4), date(1957, 10, 4)),
        ("October 4, 1957", date(1957, 10, 4), date(1957, 10, 4)),
        ("1960s", date(1960, 1, 1), date(1969, 12, 31)),
    ],
)
def test_bounds_people_type(text: str, first: date, last: date) -> None:
    point = parse_bound(text)
    assert (point.first_day, point.last_day) == (first, last)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", "--since: 'soon' is not a date"),
        ("March", "--since: 'March' has no year"),
        ("2021-02-30", "--since: impossible date '2021-02-30'"),
    ],
)
def test_bad_bounds(text: str, message: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_bound(text, "--since")
    assert str(err.value).startswith(message)
