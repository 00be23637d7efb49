"""Dates: parsing, precision, display, first/last day, ordering, and the errors."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacetime.core.dates import DateError, Point, Precision, parse_date, parse_point


@pytest.mark.parametrize(
    ("text", "precision", "shown", "first", "last"),
    [
        ("1970", Precision.YEAR, "1970", date(1970, 1, 1), date(1970, 12, 31)),
        ("2021-05", Precision.MONTH, "May 2021", date(2021, 5, 1), date(2021, 5, 31)),
        ("1957-10", Precision.MONTH, "Oct 1957", date(1957, 10, 1), date(1957, 10, 31)),
        ("2024-02", Precision.MONTH, "Feb 2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("1957-10-04", Precision.DAY, "4 Oct 1957", date(1957, 10, 4), date(1957, 10, 4)),
        (
            "1961-04-12T06:07Z",
            Precision.TIME,
            "12 Apr 1961 06:07 UTC",
            date(1961, 4, 12),
            date(1961, 4, 12),
        ),
        ("2026~", Precision.YEAR, "c. 2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("1960?", Precision.YEAR, "1960?", date(1960, 1, 1), date(1960, 12, 31)),
        ("1960%", Precision.YEAR, "c. 1960?", date(1960, 1, 1), date(1960, 12, 31)),
        ("2030s", Precision.DECADE, "2030s", date(2030, 1, 1), date(2039, 12, 31)),
        ("203X", Precision.DECADE, "2030s", date(2030, 1, 1), date(2039, 12, 31)),
        ("19XX", Precision.CENTURY, "1900–1999", date(1900, 1, 1), date(1999, 12, 31)),
    ],
)
def test_points(text: str, precision: Precision, shown: str, first: date, last: date) -> None:
    d = parse_date(text)
    assert (d.precision, d.display(), d.first_day, d.last_day) == (precision, shown, first, last)
    assert d.text == text


def test_open_interval_has_no_last_day() -> None:
    d = parse_date("2000-11-02/..")
    assert d.interval and d.open_end
    assert d.first_day == date(2000, 11, 2)
    assert d.last_day is None
    assert d.display() == "2 Nov 2000 – ongoing"


def test_closed_and_open_start_intervals() -> None:
    closed = parse_date("1971-04-19/1971-10-11")
    assert (closed.first_day, closed.last_day) == (date(1971, 4, 19), date(1971, 10, 11))
    assert closed.display() == "19 Apr 1971 – 11 Oct 1971"
    before = parse_date("../1991")
    assert before.first_day is None and before.last_day == date(1991, 12, 31)
    assert before.display() == "until 1991"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-02-30", "impossible date '2021-02-30': February 2021 has 28 days"),
        ("2023-02-29", "impossible date '2023-02-29': February 2023 has 28 days"),
        ("1957-13", "impossible date '1957-13': there is no month 13"),
        ("0000", "year in '0000' is before year 1; years run from 1 to 9999"),
        ("-0100", "'-0100' is before year 1; years run from 1 to 9999"),
        ("10000", "'10000' is beyond year 9999; years run from 1 to 9999"),
        ("1961-04-12T06:07+03:00", "time in '1961-04-12T06:07+03:00' must be UTC"),
        ("1961-04-12T25:00Z", "impossible time of day in '1961-04-12T25:00Z'"),
        ("2000/1999", "interval '2000/1999' ends before it starts"),
        ("../..", "interval '../..' has no known end"),
        ("Oct 1957", "'Oct 1957' is not a date"),
        ("", "empty date"),
    ],
)
def test_invalid_dates(text: str, message: str) -> None:
    with pytest.raises(DateError) as err:
        parse_date(text)
    assert str(err.value).startswith(message)


def test_leap_day_is_possible() -> None:
    assert parse_date("2024-02-29").display() == "29 Feb 2024"


def test_year_sorts_before_the_days_inside_it_that_start_with_it() -> None:
    texts = [
        "1970-04-24",
        "1970-01-01",
        "1970",
        "1970-01",
        "1969-12-31",
        "197X",
        "1970-01-01T00:01Z",
    ]
    ordered = sorted((parse_date(t) for t in texts), key=lambda d: d.sort_key())
    assert [d.text for d in ordered] == [
        "1969-12-31",
        "197X",
        "1970",
        "1970-01",
        "1970-01-01",
        "1970-01-01T00:01Z",
        "1970-04-24",
    ]


def test_open_end_sorts_after_a_closed_one_with_the_same_start() -> None:
    a, b = parse_date("2000-11-02/.."), parse_date("2000-11-02/2001-03-01")
    assert b < a


points = st.builds(
    lambda y, m, d, p, q: _point(y, m, d, p, q),
    st.integers(1, 9999),
    st.integers(1, 12),
    st.integers(1, 31),
    st.sampled_from([Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.DECADE]),
    st.sampled_from(["", "~", "?", "%"]),
)


def _point(year: int, month: int, day: int, precision: Precision, q: str) -> Point:
    if precision is Precision.DECADE:
        year = max(10, year - year % 10)
        text = f"{year // 10:03d}X{q}"
    elif precision is Precision.YEAR:
        text = f"{year:04d}{q}"
    elif precision is Precision.MONTH:
        text = f"{year:04d}-{month:02d}{q}"
    else:
        day = min(day, 28)
        text = f"{year:04d}-{month:02d}-{day:02d}{q}"
    return parse_point(text)


@given(points)
def test_canonical_text_round_trips(point: Point) -> None:
    assert parse_point(point.edtf()) == point


@given(points)
def test_first_day_is_never_after_last_day(point: Point) -> None:
    assert point.first_day <= point.last_day


@given(st.lists(points.map(lambda p: parse_date(p.edtf())), min_size=2, max_size=6))
def test_order_follows_the_calendar_and_tells_dates_apart(dates: list) -> None:  # type: ignore[type-arg]
    for a in dates:
        for b in dates:
            # two dates written differently never tie (sorting is the same in every run)
            assert (a.sort_key() == b.sort_key()) == (a.text == b.text)
            if a.first_day and b.first_day and a.first_day < b.first_day:
                assert a < b, (a.text, b.text)
            # on the same first day, the coarser date (the year) comes before the finer
            same_day = a.first_day == b.first_day and a.start and b.start
            if same_day and a.start.precision < b.start.precision:
                assert a < b, (a.text, b.text)


@given(
    st.one_of(
        st.tuples(st.just(False), st.text(max_size=30)),
        st.tuples(st.just(True), points.map(lambda p: p.edtf())),  # these must parse
    )
)
def test_any_text_parses_or_fails_cleanly(case: tuple[bool, str]) -> None:
    valid, text = case
    try:
        d = parse_date(text)
    except DateError:
        assert not valid, text
        return
    assert d.first_day is None or d.last_day is None or d.first_day <= d.last_day
