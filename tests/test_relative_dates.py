"""Dates people say (`today`, `last year`, `10 years ago`...) wherever a date is taken, and
numeric dates refused only when they read as two different days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import MINI, Run
from spacetime.core.dates import Point, Precision
from spacetime.core.errors import UsageError
from spacetime.engine.anniversaries import parse_day
from spacetime.engine.bounds import parse_bound

Cli = Callable[..., Run]
TODAY = date(2026, 3, 31)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("today", date(2026, 3, 31), date(2026, 3, 31)),
        ("now", date(2026, 3, 31), date(2026, 3, 31)),
        ("Yesterday", date(2026, 3, 30), date(2026, 3, 30)),
        ("tomorrow", date(2026, 4, 1), date(2026, 4, 1)),
        ("this year", date(2026, 1, 1), date(2026, 12, 31)),
        ("last year", date(2025, 1, 1), date(2025, 12, 31)),
        ("next  year", date(2027, 1, 1), date(2027, 12, 31)),
        ("this month", date(2026, 3, 1), date(2026, 3, 31)),
        ("last month", date(2026, 2, 1), date(2026, 2, 28)),
        ("next month", date(2026, 4, 1), date(2026, 4, 30)),
        ("10 years ago", date(2016, 3, 31), date(2016, 3, 31)),
        ("a year ago", date(2025, 3, 31), date(2025, 3, 31)),
        ("1 month ago", date(2026, 2, 28), date(2026, 2, 28)),  # relativedelta: end of February
        ("2 weeks ago", date(2026, 3, 17), date(2026, 3, 17)),
        ("3 days ago", date(2026, 3, 28), date(2026, 3, 28)),
        ("in 2 years", date(2028, 3, 31), date(2028, 3, 31)),
    ],
)
def test_words_of_time_count_from_today(text: str, first: date, last: date) -> None:
    point = parse_bound(text, "--since", TODAY)
    assert (point.first_day, point.last_day) == (first, last)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("31/12/2020", Point(2020, Precision.DAY, 12, 31)),  # 31 cannot be a month
        ("12/31/2020", Point(2020, Precision.DAY, 12, 31)),
        ("13.3.2021", Point(2021, Precision.DAY, 3, 13)),
        ("20-07-1969", Point(1969, Precision.DAY, 7, 20)),
        ("5/5/2020", Point(2020, Precision.DAY, 5, 5)),  # both readings are the same day
    ],
)
def test_numeric_dates_read_one_way_are_taken(text: str, point: Point) -> None:
    assert parse_bound(text, "--since") == point


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "3/9/2021",
            "--since: '3/9/2021' could be day.month or month.day; write it as YYYY-MM-DD"
            " (or '9 March 2021' or '3 September 2021')",  # the two readings, not an example
        ),
        (
            "5/6/2021",
            "--since: '5/6/2021' could be day.month or month.day; write it as YYYY-MM-DD"
            " (or '6 May 2021' or '5 June 2021')",
        ),
        ("09-03-2021", "--since: '09-03-2021' could be day.month or month.day"),
        ("13/13/2021", "--since: '13/13/2021' is not a date"),
        ("31/12/20", "--since: '31/12/20': write the year in full"),
        ("31/12", "--since: '31/12' has no year"),
    ],
)
def test_numeric_dates_refused(text: str, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_bound(text, "--since")
    assert str(raised.value).startswith(message)


def test_days_of_the_year() -> None:
    assert parse_day("7/20") == (7, 20)
    assert parse_day("20.7") == (7, 20)
    assert parse_day("10-04") == (10, 4)  # MM-DD, as documented
    with pytest.raises(UsageError, match=r"could be day\.month or month\.day"):
        parse_day("3/9")


def test_the_command_line_takes_them(cli: Cli) -> None:
    base = ("list", "--no-bundled", "--data", str(MINI), "--format", "json")
    # SPACETIME_TODAY is 2026-11-24 (conftest): what overlaps today and after
    since_today = [e["id"] for e in cli(*base, "--since", "today").json()]
    assert since_today == ["iss-occupation", "soon", "moon-plan"]
    old = cli(*base, "--until", "60 years ago").json()
    assert old and all(e["first_day"] <= "1966-11-24" for e in old)
    assert cli(*base, "--until", "1966-11-24").json() == old
    injected = cli(*base, "--until", "today", today=date(1958, 1, 1)).json()
    assert [e["id"] for e in injected] == ["sputnik-1", "vanguard-tv3"]  # from the injected day
    assert cli("on", "--no-bundled", "--data", str(MINI), "7/20", "--json").code == 0
    assert cli(*base, "--since", "31/12/1957").code == 0
    refused = cli(*base, "--since", "3/9/2021")
    assert refused.code == 2
    assert "could be day.month or month.day" in refused.err


def test_add_writes_the_day_a_word_names(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    assert cli("init", str(path)).code == 0
    common = ("--to", str(path), "-c", "US", "--category", "moon", "--source", "https://e.org/a")
    added = cli("add", *common, "--title", "Watched a launch", "--date", "yesterday")
    assert added.code == 0
    planned = ("--title", "A plan", "--date", "next year", "--status", "planned")
    assert cli("add", *common, *planned, "--confirmed", "today").code == 0
    events = cli("list", "--no-bundled", "--data", str(path), "--json").json()
    assert [(e["id"], e["date"]) for e in events] == [
        ("watched-a-launch", "2026-11-23"),  # SPACETIME_TODAY is 2026-11-24
        ("a-plan", "2027"),
    ]
    assert "confirmed: 2026-11-24" in path.read_text(encoding="utf-8")
